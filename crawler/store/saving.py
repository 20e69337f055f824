"""The write path of ``Archive.save_posts``: one batch, inside the caller's transaction.

Plain SQL with cached statements: sqlite-utils' upsert introspects the table on
every call, which costs more than the writes themselves at ten posts a batch.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

from crawler.parsing.urls import canonical_key
from crawler.store.links import AUTHOR_LINKS, CHUNK, TAG_LINKS, chunks, link_names
from crawler.store.merging import find_post, insert_version, settle_urls
from crawler.store.rows import (
    CONTENT_FIELDS,
    DERIVED_FIELDS,
    FILL_ONLY_FIELDS,
    HEADING_FIELDS,
    STORED_FIELDS,
)
from crawler.store.schema import FTS_COLUMNS

_COLUMNS = "id, updated, {}".format(", ".join(STORED_FIELDS))
_SELECT_EXISTING = f"SELECT {_COLUMNS} FROM posts WHERE url IN ({{}})"
_SELECT_BY_ID = f"SELECT {_COLUMNS} FROM posts WHERE id = ?"
_SELECT_OTHER_URLS = "SELECT url FROM post_urls WHERE url IN ({})"
# Several rows a statement: {} is one _INSERT_ROW per row. RETURNING gives each row's id.
_INSERT_POSTS = "INSERT INTO posts ({}, first_seen, last_seen, updated) VALUES {{}} {}".format(
    ", ".join(STORED_FIELDS), "RETURNING id, url"
)
_INSERT_ROW = "({}, ?, ?, ?)".format(", ".join("?" * len(STORED_FIELDS)))
# Rows one INSERT takes: its parameters stay within CHUNK.
_INSERT_ROWS = CHUNK // (len(STORED_FIELDS) + 3)
_REWRITABLE = (*CONTENT_FIELDS, *DERIVED_FIELDS)
# Setting any of FTS_COLUMNS re-indexes the post (trigger posts_au), even to the same value:
# a post whose indexed columns did not change is updated without them.
_QUIET = tuple(name for name in _REWRITABLE if name not in FTS_COLUMNS)
_UPDATE_POST, _UPDATE_QUIET = (
    "UPDATE posts SET {}, last_seen = ?, updated = ? WHERE id = ?".format(
        ", ".join(f"{name} = ?" for name in fields)
    )
    for fields in (_REWRITABLE, _QUIET)
)
_TOUCH = "UPDATE posts SET last_seen = ? WHERE id IN ({})"
_STORED = itemgetter(*STORED_FIELDS)
# A stored post's values as a row compares with them: all but the source (the first one's stays).
_COMPARED = itemgetter(*(name for name in STORED_FIELDS if name != "source"))


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
    batch = _Batch(conn, rows, seen_at)
    new = updated = 0
    for row in rows:
        key = canonical_key(row["canonical_url"], row["url"])
        if key is None and batch.surely_new(row["url"]):
            batch.wait(row)
            new += 1
            continue
        batch.insert_waiting()  # the rows before this one are stored first, as one by one
        post_id = batch.ids.get(row["url"])
        if post_id is None or key is not None:
            post_id = batch.find(row, key)
        if post_id is None:
            post_id = batch.insert(row)
            if key is not None:
                settle_urls(conn, post_id, row["url"], seen_at)
            new += 1
        else:
            updated += batch.update(post_id, row)
    batch.insert_waiting()
    batch.finish()
    return SaveResult(new=new, updated=updated, unchanged=len(rows) - new - updated)


class _Batch:
    """What one batch knows of the stored posts, and the writes it holds back to group them.

    New posts wait to be inserted together, in one statement: FTS5 writes the
    terms it holds as a new segment of its index whenever a statement opens a
    savepoint, as each INSERT into posts does (its trigger feeds the index), so
    one INSERT a post made ten segments a page, whose merging cost more than
    the rest of the save. Links to names, and the ``last_seen`` of unchanged
    posts, are written once at the end.
    """

    def __init__(
        self, conn: sqlite3.Connection, rows: Sequence[dict[str, Any]], seen_at: str
    ) -> None:
        self.conn = conn
        self.seen_at = seen_at
        urls = {row["url"] for row in rows}
        self.posts = _fetch_existing(conn, urls)
        self.ids = {post["url"]: post_id for post_id, post in self.posts.items()}
        # Urls of no stored post that may still name one (an alias, a declared canonical).
        self.elsewhere = _other_urls(conn, urls - self.ids.keys())
        self.settled = False  # once merging has moved URLs, every row is looked up in full
        self.waiting: dict[str, dict[str, Any]] = {}
        self.touched: list[int] = []
        self.author_links: dict[int, str] = {}
        self.tag_links: dict[int, str] = {}
        self.unlinked: set[int] = set()  # inserted here, and linked to no name yet

    def surely_new(self, url: str) -> bool:
        """Whether ``url`` names no stored post (nor one waiting), not even by another URL."""
        return not (url in self.ids or url in self.waiting or url in self.elsewhere or self.settled)

    def wait(self, row: dict[str, Any]) -> None:
        self.waiting[row["url"]] = {**row, "tags": row["tags"] or "[]"}

    def insert_waiting(self) -> None:
        """Insert the waiting new posts, in their order."""
        if not self.waiting:
            return
        rows, self.waiting = list(self.waiting.values()), {}
        for start in range(0, len(rows), _INSERT_ROWS):
            chunk = rows[start : start + _INSERT_ROWS]
            sql = _INSERT_POSTS.format(", ".join([_INSERT_ROW] * len(chunk)))
            values = [value for row in chunk for value in self._insert_values(row)]
            try:
                cursor = self.conn.execute(sql, values)
            except sqlite3.ProgrammingError:  # a value SQLite cannot store (the batch fails):
                for row in chunk:  # raise it as that row's own INSERT names it
                    self.conn.execute(_INSERT_POSTS.format(_INSERT_ROW), self._insert_values(row))
                raise
            # RETURNING promises no order: match rows by url, which no two waiting share.
            ids = {url: post_id for post_id, url in cursor}
            for row in chunk:
                self._added(ids[row["url"]], row)

    def insert(self, row: dict[str, Any]) -> int:
        """Insert one new post now (its URLs are to be settled); its id."""
        row = {**row, "tags": row["tags"] or "[]"}
        sql = _INSERT_POSTS.format(_INSERT_ROW)
        [(post_id, _)] = self.conn.execute(sql, self._insert_values(row)).fetchall()
        self._added(post_id, row)
        return post_id

    def _insert_values(self, row: dict[str, Any]) -> tuple[Any, ...]:
        seen_at = self.seen_at  # first_seen, last_seen, updated
        return (*_STORED(row), seen_at, seen_at, seen_at)

    def _added(self, post_id: int, row: dict[str, Any]) -> None:
        self.remember(row["url"], {**row, "id": post_id, "updated": self.seen_at})
        self.unlinked.add(post_id)
        self.author_links[post_id] = row["authors"]
        self.tag_links[post_id] = row["tags"]

    def find(self, row: dict[str, Any], key: str | None) -> int | None:
        """The post ``row`` is, by its url, aliases and canonical URL (merging rows found one)."""
        self.settled = True
        gone: set[int] = set()
        post_id = find_post(self.conn, row, key, self.seen_at, gone)
        self.unlinked.discard(post_id)  # a merge may have linked the post it kept
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

    def update(self, post_id: int, row: dict[str, Any]) -> int:
        """Save ``row`` over the stored post ``post_id``; 1 if its content changed, else 0."""
        old = self.posts[post_id]
        row = _merged(row, old)
        if _COMPARED(row) == _COMPARED(old):  # a re-crawl's usual answer: only last_seen moves
            self.touched.append(post_id)
            self.remember(row["url"], old)
            return 0
        updated_at = old["updated"]
        changed = _content_changed(old, row)
        if changed:
            insert_version(self.conn, post_id, old, self.seen_at)
            updated_at = self.seen_at
            self._rewrite(post_id, old, row, updated_at)
        elif _differs(old, row, _REWRITABLE):  # a re-parse, or a blank filled in
            self._rewrite(post_id, old, row, updated_at)
        else:
            self.touched.append(post_id)
        if row["authors"] != old["authors"]:
            self.author_links[post_id] = row["authors"]
        if row["tags"] != old["tags"]:
            self.tag_links[post_id] = row["tags"]
        # The first source to report a post keeps it, and its url stays (but see settle_urls).
        url = old["url"]
        if row["url"] != url or row["canonical_url"] != old["canonical_url"]:
            self.settled = True
            url = settle_urls(self.conn, post_id, row["url"], self.seen_at)
        stored = {**row, "id": post_id, "url": url, "source": old["source"], "updated": updated_at}
        self.remember(row["url"], stored)
        return int(changed)

    def _rewrite(
        self, post_id: int, old: dict[str, Any], row: dict[str, Any], updated_at: str
    ) -> None:
        if _differs(old, row, FTS_COLUMNS):
            sql, fields = _UPDATE_POST, _REWRITABLE
        else:
            sql, fields = _UPDATE_QUIET, _QUIET
        values = [row[name] for name in fields]
        self.conn.execute(sql, (*values, self.seen_at, updated_at, post_id))

    def remember(self, url: str, post: dict[str, Any]) -> None:
        self.posts[post["id"]] = post
        self.ids[url] = self.ids[post["url"]] = post["id"]

    def finish(self) -> None:
        """Write what was held back: last_seen of unchanged posts, links to names."""
        for chunk in chunks(self.touched):
            self.conn.execute(_TOUCH.format(", ".join("?" * len(chunk))), (self.seen_at, *chunk))
        link_names(self.conn, AUTHOR_LINKS, self.author_links, unlinked=self.unlinked)
        link_names(self.conn, TAG_LINKS, self.tag_links, unlinked=self.unlinked)


# Several posts a statement ({} is one _REFRESH_ROW per post), for the reason _Batch gives.
_REFRESH_HEADINGS = (
    "WITH v(id, {}) AS (VALUES {{}}) UPDATE posts SET {} FROM v WHERE posts.id = v.id"
)
_REFRESH_HEADINGS = _REFRESH_HEADINGS.format(
    ", ".join(HEADING_FIELDS), ", ".join(f"{name} = v.{name}" for name in HEADING_FIELDS)
)
_REFRESH_ROW = "({})".format(", ".join("?" * (len(HEADING_FIELDS) + 1)))
_REFRESH_ROWS = CHUNK // (len(HEADING_FIELDS) + 1)


def refresh_heading_fields(conn: sqlite3.Connection, rows: Sequence[dict[str, Any]]) -> int:
    """Rewrite HEADING_FIELDS of the posts at ``rows``' urls; return how many changed.

    A re-parse, not new content: no version rows, and first/last seen and
    ``updated`` stay as they were. Author links follow the new author lists.
    """
    known = {post["url"]: post for post in _fetch_existing(conn, {r["url"] for r in rows}).values()}
    rewrites: dict[int, tuple[Any, ...]] = {}  # a post listed twice takes its last values
    relinks: dict[int, str] = {}
    changed = 0
    for row in rows:
        old = known.get(row["url"])
        if old is None or not _differs(old, row, HEADING_FIELDS):
            continue
        rewrites[old["id"]] = (old["id"], *(row[name] for name in HEADING_FIELDS))
        if row["authors"] != old["authors"]:
            relinks[old["id"]] = row["authors"]
        changed += 1
    values = list(rewrites.values())
    for start in range(0, len(values), _REFRESH_ROWS):
        chunk = values[start : start + _REFRESH_ROWS]
        sql = _REFRESH_HEADINGS.format(", ".join([_REFRESH_ROW] * len(chunk)))
        conn.execute(sql, [value for post in chunk for value in post])
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


def _other_urls(conn: sqlite3.Connection, urls: Iterable[str]) -> set[str]:
    """Those of ``urls`` that ``post_urls`` holds (aliases, canonicals, ambiguous ones)."""
    found: set[str] = set()
    for chunk in chunks(list(urls)):
        sql = _SELECT_OTHER_URLS.format(", ".join("?" * len(chunk)))
        found.update(url for (url,) in conn.execute(sql, chunk))
    return found


def _differs(old: dict[str, Any], new: dict[str, Any], fields: Sequence[str]) -> bool:
    return any(old[name] != new[name] for name in fields)
