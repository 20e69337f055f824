"""The write path of ``Archive.save_posts``: one batch, inside the caller's transaction.

Plain SQL with cached statements: sqlite-utils' upsert introspects the table on
every call, which costs more than the writes themselves at ten posts a batch.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from crawler.parsing.urls import canonical_key
from crawler.store.links import AUTHOR_LINKS, TAG_LINKS, chunks, link_names
from crawler.store.merging import find_post, insert_version, settle_urls
from crawler.store.rows import (
    CONTENT_FIELDS,
    DERIVED_FIELDS,
    FILL_ONLY_FIELDS,
    HEADING_FIELDS,
    STORED_FIELDS,
)

_COLUMNS = "id, updated, {}".format(", ".join(STORED_FIELDS))
_SELECT_EXISTING = f"SELECT {_COLUMNS} FROM posts WHERE url IN ({{}})"
_SELECT_BY_ID = f"SELECT {_COLUMNS} FROM posts WHERE id = ?"
_INSERT_POST = "INSERT INTO posts ({}, first_seen, last_seen, updated) VALUES ({}, ?, ?, ?)".format(
    ", ".join(STORED_FIELDS), ", ".join("?" * len(STORED_FIELDS))
)
_REWRITABLE = (*CONTENT_FIELDS, *DERIVED_FIELDS)
_UPDATE_POST = "UPDATE posts SET {}, last_seen = ?, updated = ? WHERE id = ?".format(
    ", ".join(f"{name} = ?" for name in _REWRITABLE)
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

    Runs no BEGIN/COMMIT of its own. A row is the stored post at its url, at an
    alias of it, or at the canonical URL the row's page declares (see
    ``merging``); rows found to be one post are merged there. A post repeated in
    the batch is compared with its earlier occurrence, as if saved one by one.
    """
    batch = _Batch(conn, {row["url"] for row in rows})
    new = updated = 0
    touched: list[tuple[str, int]] = []
    for row in rows:
        key = canonical_key(row["canonical_url"], row["url"])
        post_id = batch.ids.get(row["url"])
        if post_id is None or key is not None:
            post_id = batch.find(row, key, seen_at)
        if post_id is None:
            row = {**row, "tags": row["tags"] or "[]"}
            post_id = _insert_post(conn, row, seen_at)
            batch.remember(row["url"], {**row, "id": post_id, "updated": seen_at})
            batch.author_links[post_id] = row["authors"]
            batch.tag_links[post_id] = row["tags"]
            if key is not None:
                settle_urls(conn, post_id, row["url"], seen_at)
            new += 1
            continue
        old = batch.posts[post_id]
        row = _merged(row, old)
        updated_at = old["updated"]
        if _content_changed(old, row):
            insert_version(conn, post_id, old, seen_at)
            updated_at = seen_at
            _update_post(conn, post_id, row, seen_at, updated=updated_at)
            updated += 1
        elif _differs(old, row, _REWRITABLE):  # a re-parse, or a blank filled in
            _update_post(conn, post_id, row, seen_at, updated=updated_at)
        else:
            touched.append((seen_at, post_id))
        if row["authors"] != old["authors"]:
            batch.author_links[post_id] = row["authors"]
        if row["tags"] != old["tags"]:
            batch.tag_links[post_id] = row["tags"]
        # The first source to report a post keeps it, and its url stays (but see settle_urls).
        url = old["url"]
        if row["url"] != url or row["canonical_url"] != old["canonical_url"]:
            url = settle_urls(conn, post_id, row["url"], seen_at)
        stored = {**row, "id": post_id, "url": url, "source": old["source"], "updated": updated_at}
        batch.remember(row["url"], stored)
    conn.executemany("UPDATE posts SET last_seen = ? WHERE id = ?", touched)
    link_names(conn, AUTHOR_LINKS, batch.author_links)
    link_names(conn, TAG_LINKS, batch.tag_links)
    return SaveResult(new=new, updated=updated, unchanged=len(rows) - new - updated)


class _Batch:
    """What one batch knows of the stored posts: by id, which url is which post, links to write."""

    def __init__(self, conn: sqlite3.Connection, urls: Iterable[str]) -> None:
        self.conn = conn
        self.posts = _fetch_existing(conn, urls)
        self.ids = {post["url"]: post_id for post_id, post in self.posts.items()}
        self.author_links: dict[int, str] = {}
        self.tag_links: dict[int, str] = {}

    def find(self, row: dict[str, Any], key: str | None, seen_at: str) -> int | None:
        """The post ``row`` is, by its url, aliases and canonical URL (merging rows found one)."""
        gone: set[int] = set()
        post_id = find_post(self.conn, row, key, seen_at, gone)
        for lost in gone:  # merged away: nothing more is written to them
            self.posts.pop(lost, None)
            self.author_links.pop(lost, None)
            self.tag_links.pop(lost, None)
        if gone:
            self.ids = {url: i for url, i in self.ids.items() if i not in gone}
        if post_id is not None:
            cursor = self.conn.execute(_SELECT_BY_ID, (post_id,))
            names = [column[0] for column in cursor.description]
            post = self.posts[post_id] = dict(zip(names, cursor.fetchone(), strict=True))
            if gone:  # links to write follow the merged values
                self.author_links[post_id] = post["authors"]
                self.tag_links[post_id] = post["tags"]
        return post_id

    def remember(self, url: str, post: dict[str, Any]) -> None:
        self.posts[post["id"]] = post
        self.ids[url] = self.ids[post["url"]] = post["id"]


_REFRESH_HEADING = "UPDATE posts SET {} WHERE id = ?".format(
    ", ".join(f"{name} = ?" for name in HEADING_FIELDS)
)


def refresh_heading_fields(conn: sqlite3.Connection, rows: Sequence[dict[str, Any]]) -> int:
    """Rewrite HEADING_FIELDS of the posts at ``rows``' urls; return how many changed.

    A re-parse, not new content: no version rows, and first/last seen and
    ``updated`` stay as they were. Author links follow the new author lists.
    """
    known = {post["url"]: post for post in _fetch_existing(conn, {r["url"] for r in rows}).values()}
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
    link_names(conn, AUTHOR_LINKS, relinks)
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


def _fetch_existing(conn: sqlite3.Connection, urls: Iterable[str]) -> dict[int, dict[str, Any]]:
    found: dict[int, dict[str, Any]] = {}
    for chunk in chunks(list(urls)):
        cursor = conn.execute(_SELECT_EXISTING.format(", ".join("?" * len(chunk))), chunk)
        names = [column[0] for column in cursor.description]
        for values in cursor:
            found[values[0]] = dict(zip(names, values, strict=True))  # id comes first
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
