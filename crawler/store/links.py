"""Names linked to posts in order: authors (``post_authors``) and tags (``post_tags``)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator, Sequence
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


def link_names(
    conn: sqlite3.Connection,
    kind: Links,
    lists: dict[int, str],
    *,
    unlinked: Collection[int] = (),
) -> None:
    """Link each post to its (JSON) list of names in order, replacing its old links.

    ``unlinked`` posts are known to have no links yet (inserted in this
    transaction): there is nothing of theirs to delete.
    """
    if not lists:
        return
    decoded = {post_id: json.loads(names) for post_id, names in lists.items()}
    ids = _name_ids(conn, kind.names, sorted({n for names in decoded.values() for n in names}))
    linked = [post_id for post_id in decoded if post_id not in unlinked]
    for chunk in chunks(linked):
        placeholders = ", ".join("?" * len(chunk))
        conn.execute(f"DELETE FROM {kind.links} WHERE post_id IN ({placeholders})", chunk)
    conn.executemany(
        f"INSERT INTO {kind.links} (post_id, {kind.column}, position) VALUES (?, ?, ?)",
        [
            (post_id, ids[name], position)
            for post_id, names in decoded.items()
            for position, name in enumerate(names)
        ],
    )


def _name_ids(conn: sqlite3.Connection, table: str, names: Sequence[str]) -> dict[str, int]:
    """The ids of ``names`` (sorted), adding those not stored yet in that order."""
    ids = _stored_ids(conn, table, names)
    if len(ids) < len(names):  # the ids new names get are those INSERT OR IGNORE of all gives
        missing = [(name,) for name in names if name not in ids]
        conn.executemany(f"INSERT INTO {table} (name) VALUES (?)", missing)
        ids.update(_stored_ids(conn, table, [name for (name,) in missing]))
    return ids


def _stored_ids(conn: sqlite3.Connection, table: str, names: Sequence[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for chunk in chunks(names):
        sql = f"SELECT name, id FROM {table} WHERE name IN ({', '.join('?' * len(chunk))})"
        ids.update(conn.execute(sql, chunk))
    return ids
