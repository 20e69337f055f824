"""Names linked to posts in order: authors (``post_authors``) and tags (``post_tags``)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

# Well under SQLite's bound-parameter limit on every build.
CHUNK = 500


def chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    """``values`` in slices of at most CHUNK, for ``IN (...)`` queries."""
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


@dataclass(frozen=True)
class Links:
    """A names table and the table linking posts to its names in order."""

    names: str
    links: str
    column: str


AUTHOR_LINKS = Links("authors", "post_authors", "author_id")
TAG_LINKS = Links("tags", "post_tags", "tag_id")


def link_names(conn: sqlite3.Connection, kind: Links, lists: dict[int, str]) -> None:
    """Link each post to its (JSON) list of names in order, replacing its old links."""
    if not lists:
        return
    decoded = {post_id: json.loads(names) for post_id, names in lists.items()}
    ids = _name_ids(conn, kind.names, sorted({n for names in decoded.values() for n in names}))
    conn.executemany(f"DELETE FROM {kind.links} WHERE post_id = ?", [(pid,) for pid in decoded])
    conn.executemany(
        f"INSERT INTO {kind.links} (post_id, {kind.column}, position) VALUES (?, ?, ?)",
        [
            (post_id, ids[name], position)
            for post_id, names in decoded.items()
            for position, name in enumerate(names)
        ],
    )


def _name_ids(conn: sqlite3.Connection, table: str, names: Sequence[str]) -> dict[str, int]:
    if not names:
        return {}
    conn.executemany(f"INSERT OR IGNORE INTO {table} (name) VALUES (?)", [(n,) for n in names])
    ids: dict[str, int] = {}
    for chunk in chunks(names):
        sql = f"SELECT name, id FROM {table} WHERE name IN ({', '.join('?' * len(chunk))})"
        ids.update(conn.execute(sql, chunk))
    return ids
