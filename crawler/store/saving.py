"""The write path of ``Archive.save_posts``: one batch, inside the caller's transaction.

Plain SQL with cached statements: sqlite-utils' upsert introspects the table on
every call, which costs more than the writes themselves at ten posts a batch.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from crawler.store.rows import (
    CONTENT_FIELDS,
    DERIVED_FIELDS,
    FILL_ONLY_FIELDS,
    HEADING_FIELDS,
    STORED_FIELDS,
    VERSION_FIELDS,
)

# Well under SQLite's bound-parameter limit on every build.
_CHUNK = 500

_SELECT_EXISTING = "SELECT id, updated, {} FROM posts WHERE url IN ({{}})".format(
    ", ".join(STORED_FIELDS)
)
_INSERT_POST = "INSERT INTO posts ({}, first_seen, last_seen, updated) VALUES ({}, ?, ?, ?)".format(
    ", ".join(STORED_FIELDS), ", ".join("?" * len(STORED_FIELDS))
)
_REWRITABLE = (*CONTENT_FIELDS, *DERIVED_FIELDS)
_UPDATE_POST = "UPDATE posts SET {}, last_seen = ?, updated = ? WHERE id = ?".format(
    ", ".join(f"{name} = ?" for name in _REWRITABLE)
)
_INSERT_VERSION = (
    "INSERT INTO post_versions (post_id, seen_from, seen_until, {}) VALUES (?, ?, ?, {})".format(
        ", ".join(VERSION_FIELDS), ", ".join("?" * len(VERSION_FIELDS))
    )
)


@dataclass(frozen=True)
class SaveResult:
    """How the posts of one ``save_posts`` batch compared with the archive."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0


def save_batch(
    conn: sqlite3.Connection, rows: Sequence[dict[str, Any]], seen_at: str
) -> SaveResult:
    """Insert or update ``rows`` (from ``post_to_row``) as seen at ``seen_at``.

    Runs no BEGIN/COMMIT of its own. A url repeated in the batch is compared
    with its earlier occurrence, as if the batch had been saved one by one.
    """
    known = _fetch_existing(conn, {row["url"] for row in rows})
    new = updated = 0
    touched: list[tuple[str, int]] = []
    author_links: dict[int, str] = {}
    tag_links: dict[int, str] = {}
    for row in rows:
        old = known.get(row["url"])
        if old is None:
            row = {**row, "tags": row["tags"] or "[]"}
            post_id = _insert_post(conn, row, seen_at)
            known[row["url"]] = {**row, "id": post_id, "updated": seen_at}
            author_links[post_id] = row["authors"]
            tag_links[post_id] = row["tags"]
            new += 1
            continue
        row = _merged(row, old)
        post_id, updated_at = old["id"], old["updated"]
        if _content_changed(old, row):
            _insert_version(conn, old, seen_at)
            updated_at = seen_at
            _update_post(conn, post_id, row, seen_at, updated=updated_at)
            updated += 1
        elif _differs(old, row, _REWRITABLE):  # a re-parse, or a blank filled in
            _update_post(conn, post_id, row, seen_at, updated=updated_at)
        else:
            touched.append((seen_at, post_id))
        if row["authors"] != old["authors"]:
            author_links[post_id] = row["authors"]
        if row["tags"] != old["tags"]:
            tag_links[post_id] = row["tags"]
        # The first source to report a url keeps it.
        known[row["url"]] = {**row, "id": post_id, "source": old["source"], "updated": updated_at}
    conn.executemany("UPDATE posts SET last_seen = ? WHERE id = ?", touched)
    _link_names(conn, AUTHOR_LINKS, author_links)
    _link_names(conn, TAG_LINKS, tag_links)
    return SaveResult(new=new, updated=updated, unchanged=len(rows) - new - updated)


_REFRESH_HEADING = "UPDATE posts SET {} WHERE id = ?".format(
    ", ".join(f"{name} = ?" for name in HEADING_FIELDS)
)


def refresh_heading_fields(conn: sqlite3.Connection, rows: Sequence[dict[str, Any]]) -> int:
    """Rewrite HEADING_FIELDS of the posts at ``rows``' urls; return how many changed.

    A re-parse, not new content: no version rows, and first/last seen and
    ``updated`` stay as they were. Author links follow the new author lists.
    """
    known = _fetch_existing(conn, {row["url"] for row in rows})
    relinks: dict[int, str] = {}
    changed = 0
    for row in rows:
        old = known.get(row["url"])
        if old is None or not _differs(old, row, HEADING_FIELDS):
            continue
        conn.execute(_REFRESH_HEADING, (*(row[name] for name in HEADING_FIELDS), old["id"]))
        if row["authors"] != old["authors"]:
            relinks[old["id"]] = row["authors"]
        changed += 1
    _link_names(conn, AUTHOR_LINKS, relinks)
    return changed


def _content_changed(old: dict[str, Any], row: dict[str, Any]) -> bool:
    """A heading, teaser or text that differs from one stored; filling in a blank is no change."""
    return any(old[name] is not None and old[name] != row[name] for name in CONTENT_FIELDS)


def _merged(row: dict[str, Any], old: dict[str, Any]) -> dict[str, Any]:
    """``row`` with the facts it lacks (FILL_ONLY_FIELDS) taken from the stored ``old``.

    An article error stays until the page is read (``article_fetched`` given).
    """
    missing = [name for name in FILL_ONLY_FIELDS if row[name] is None and old[name] is not None]
    if row["article_error"] is None and row["article_fetched"] is None:
        missing.append("article_error")
    return {**row, **{name: old[name] for name in missing}} if missing else row


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _fetch_existing(conn: sqlite3.Connection, urls: Iterable[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(list(urls)):
        cursor = conn.execute(_SELECT_EXISTING.format(", ".join("?" * len(chunk))), chunk)
        names = [column[0] for column in cursor.description]
        for values in cursor:
            row = dict(zip(names, values, strict=True))
            found[row["url"]] = row
    return found


def _differs(old: dict[str, Any], new: dict[str, Any], fields: Sequence[str]) -> bool:
    return any(old[name] != new[name] for name in fields)


def _insert_post(conn: sqlite3.Connection, row: dict[str, Any], seen_at: str) -> int:
    values = [row[name] for name in STORED_FIELDS]
    cursor = conn.execute(_INSERT_POST, (*values, seen_at, seen_at, seen_at))
    return cursor.lastrowid


def _update_post(
    conn: sqlite3.Connection, post_id: int, row: dict[str, Any], seen_at: str, *, updated: str
) -> None:
    values = [row[name] for name in _REWRITABLE]
    conn.execute(_UPDATE_POST, (*values, seen_at, updated, post_id))


def _insert_version(conn: sqlite3.Connection, old: dict[str, Any], seen_at: str) -> None:
    values = [old[name] for name in VERSION_FIELDS]
    conn.execute(_INSERT_VERSION, (old["id"], old["updated"], seen_at, *values))


@dataclass(frozen=True)
class _Links:
    """A names table and the table linking posts to its names in order."""

    names: str
    links: str
    column: str


AUTHOR_LINKS = _Links("authors", "post_authors", "author_id")
TAG_LINKS = _Links("tags", "post_tags", "tag_id")


def _link_names(conn: sqlite3.Connection, kind: _Links, lists: dict[int, str]) -> None:
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
    for chunk in _chunks(names):
        sql = f"SELECT name, id FROM {table} WHERE name IN ({', '.join('?' * len(chunk))})"
        ids.update(conn.execute(sql, chunk))
    return ids
