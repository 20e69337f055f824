"""One post, several URLs: which stored post a row is, and merging rows found to be one.

A post is its ``url`` or the canonical URL its own page declares
(``rel=canonical``, as :func:`canonical_key` accepts it). ``post_urls`` holds a
post's other URLs, by ``reason``:

- ``alias``: a URL the post was also found at (a merged row's url, or the post's
  url before it moved to its canonical URL); a later listing of it is the post.
- ``canonical``: the URL the post's page declares canonical, while the post has
  not been found at it; a post found there later is this post.
- ``ambiguous`` (no post): a canonical URL declared by posts that are not the
  same story (a theme naming one page on every post); it joins nothing again.

A match through a canonical URL counts only when the two look like the same
story (:func:`same_story`). Everything here runs inside the caller's
transaction, so a failed save leaves the archive as it was.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from crawler.parsing.urls import canonical_key
from crawler.store.links import AUTHOR_LINKS, TAG_LINKS, link_names
from crawler.store.rows import (
    CONTENT_FIELDS,
    DERIVED_FIELDS,
    FILL_ONLY_FIELDS,
    STORED_FIELDS,
    VERSION_FIELDS,
)

logger = logging.getLogger(__name__)

ALIAS, CANONICAL, AMBIGUOUS = "alias", "canonical", "ambiguous"

# Words two renderings of one story share: a body counts as the same text above this.
_SAME_TEXT = 0.9
# ... and as the same story's text, with the same heading or title, above this.
_SAME_STORY_TEXT = 0.5
_WORD = re.compile(r"\w+")
# What a merge takes from the row seen last (url and source stay the kept row's).
_REWRITABLE = (*CONTENT_FIELDS, *DERIVED_FIELDS)

_LOOKUP = (
    "SELECT id, 'url' FROM posts WHERE url = ? "
    "UNION ALL SELECT post_id, reason FROM post_urls WHERE url = ?"
)
_FULL_ROW = "SELECT id, first_seen, last_seen, updated, {} FROM posts WHERE id = ?".format(
    ", ".join(STORED_FIELDS)
)
_INSERT_VERSION = (
    "INSERT INTO post_versions (post_id, seen_from, seen_until, {}) VALUES (?, ?, ?, {})".format(
        ", ".join(VERSION_FIELDS), ", ".join("?" * len(VERSION_FIELDS))
    )
)
_ADD_URL = (
    "INSERT INTO post_urls (url, post_id, reason, first_seen) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (url) DO UPDATE SET post_id = excluded.post_id, reason = excluded.reason"
)


def find_post(
    conn: sqlite3.Connection, row: Mapping[str, Any], key: str | None, seen_at: str, gone: set[int]
) -> int | None:
    """The id of the stored post ``row`` (from ``post_to_row``) is; None for a new post.

    Found by the row's url (a post's url or alias, or the canonical URL a post's
    page declared) or by ``key``, the canonical URL the row's own page declares.
    When they name two stored posts, those are merged into the older one; the
    ids merged away are added to ``gone``.
    """
    found: list[int] = []
    for post_id, via in _lookup(conn, row["url"]):
        if via in ("url", ALIAS):
            found.append(post_id)
        elif via == CANONICAL:
            if same_story(row, _row(conn, post_id)):
                found.append(post_id)
            else:  # another story lives at the URL that post's page named: a wrong canonical
                conn.execute("DELETE FROM post_urls WHERE url = ?", (row["url"],))
    if key is not None:
        for post_id, via in _lookup(conn, key):
            if via == AMBIGUOUS or post_id in found:
                continue
            if same_story(row, _row(conn, post_id)):
                found.append(post_id)
            elif via == CANONICAL:
                _mark_ambiguous(conn, key)
    if not found:
        return None
    return found[0] if len(found) == 1 else merge_posts(conn, found, seen_at, gone)


def settle_urls(conn: sqlite3.Connection, post_id: int, reached: str, seen_at: str) -> str:
    """Put a post's URLs in order after it was saved from a page at ``reached``; return its url.

    ``reached`` becomes an alias unless it is the post's url. Once the post has
    been found at the canonical URL its page declares, that URL becomes its url
    (the old one an alias); until then it is kept as the post's ``canonical`` entry.
    """
    url, declared = conn.execute(
        "SELECT url, canonical_url FROM posts WHERE id = ?", (post_id,)
    ).fetchone()
    if reached != url:
        conn.execute(_ADD_URL, (reached, post_id, ALIAS, seen_at))
    key = canonical_key(declared, url)
    if key is not None and _is_alias(conn, key, post_id):
        conn.execute("DELETE FROM post_urls WHERE url = ?", (key,))
        conn.execute("UPDATE posts SET url = ? WHERE id = ?", (key, post_id))
        conn.execute(_ADD_URL, (url, post_id, ALIAS, seen_at))
        url, key = key, None
    conn.execute(
        "DELETE FROM post_urls WHERE post_id = ? AND reason = ? AND url IS NOT ?",
        (post_id, CANONICAL, key),
    )
    if key is not None:
        # A URL another post lives at, or already taken (an alias, ambiguous), stays as it is.
        conn.execute(
            "INSERT INTO post_urls (url, post_id, reason, first_seen) "
            "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM posts WHERE url = ?) "
            "ON CONFLICT (url) DO NOTHING",
            (key, post_id, CANONICAL, seen_at, key),
        )
    return url


def merge_posts(conn: sqlite3.Connection, ids: Iterable[int], seen_at: str, gone: set[int]) -> int:
    """Merge the posts ``ids`` into the oldest (earliest first_seen, then lowest id); its id.

    The oldest row keeps its id, url, source and versions and gains the others'
    versions, the earliest first_seen and the latest last_seen. Its values (and
    author and tag links) become those of the row seen last, with the facts that
    row lacks (``FILL_ONLY_FIELDS``) from the other; the other's heading, teaser
    or text, where they differ, are kept as a version. A merged row's url becomes
    an alias of the post. Merged ids go into ``gone``.
    """
    rows = sorted(
        (_row(conn, post_id) for post_id in ids), key=lambda r: (r["first_seen"], r["id"])
    )
    keep, *others = rows
    for lose in others:
        _merge_into(conn, keep, lose, seen_at)
        gone.add(lose["id"])
    return keep["id"]


def adopt_canonicals(conn: sqlite3.Connection, seen_at: str) -> None:
    """Apply the identity rule to posts stored before ``post_urls`` existed (schema step m011)."""
    ids = conn.execute(
        "SELECT id FROM posts WHERE canonical_url IS NOT NULL ORDER BY first_seen, id"
    ).fetchall()
    gone: set[int] = set()
    for (post_id,) in ids:
        if post_id in gone:
            continue
        row = _row(conn, post_id)
        key = canonical_key(row["canonical_url"], row["url"])
        if key is not None:
            found = find_post(conn, row, key, seen_at, gone)
            settle_urls(conn, found if found is not None else post_id, row["url"], seen_at)


def same_story(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether two posts look like one story: same heading or title, and texts that agree.

    Headings and titles are compared by their words, case aside; a title counts
    with its series and part. Texts (``body_text``) agree when most words of the
    shorter are in the longer; nearly the same text is one story under any heading.
    """
    titled = _words(a.get("heading")) == _words(b.get("heading")) or (
        bool(a.get("title"))
        and _words(a["title"]) == _words(b.get("title"))
        and (a.get("series"), a.get("series_part")) == (b.get("series"), b.get("series_part"))
    )
    if a.get("body_text") and b.get("body_text"):
        shared = _shared_words(a["body_text"], b["body_text"])
        return shared >= _SAME_TEXT or (titled and shared >= _SAME_STORY_TEXT)
    return titled


def insert_version(
    conn: sqlite3.Connection, post_id: int, old: Mapping[str, Any], seen_until: str
) -> None:
    """Keep ``old``'s values (seen from its ``updated``) as a version of post ``post_id``."""
    values = [old[name] for name in VERSION_FIELDS]
    conn.execute(_INSERT_VERSION, (post_id, old["updated"], seen_until, *values))


def _merge_into(
    conn: sqlite3.Connection, keep: dict[str, Any], lose: dict[str, Any], seen_at: str
) -> None:
    newer, older = (lose, keep) if lose["last_seen"] > keep["last_seen"] else (keep, lose)
    if any(
        older[name] is not None and newer[name] is not None and older[name] != newer[name]
        for name in CONTENT_FIELDS
    ):
        insert_version(conn, keep["id"], older, older["last_seen"])
    conn.execute("UPDATE post_versions SET post_id = ? WHERE post_id = ?", (keep["id"], lose["id"]))
    values = {name: newer[name] for name in _REWRITABLE}
    for name in FILL_ONLY_FIELDS:
        if _blank(values[name]) and not _blank(older[name]):
            values[name] = older[name]
    values.update(
        first_seen=min(keep["first_seen"], lose["first_seen"]),
        last_seen=newer["last_seen"],
        updated=newer["updated"],
    )
    changes = {name: value for name, value in values.items() if keep[name] != value}
    if changes:
        assignments = ", ".join(f"{name} = ?" for name in changes)
        sql = f"UPDATE posts SET {assignments} WHERE id = ?"
        conn.execute(sql, (*changes.values(), keep["id"]))
        keep.update(changes)
    for kind, name in ((AUTHOR_LINKS, "authors"), (TAG_LINKS, "tags")):
        if name in changes:
            link_names(conn, kind, {keep["id"]: changes[name]})
        conn.execute(f"DELETE FROM {kind.links} WHERE post_id = ?", (lose["id"],))
    conn.execute("UPDATE post_urls SET post_id = ? WHERE post_id = ?", (keep["id"], lose["id"]))
    conn.execute("DELETE FROM posts WHERE id = ?", (lose["id"],))
    conn.execute(_ADD_URL, (lose["url"], keep["id"], ALIAS, lose["first_seen"]))
    logger.info("Merged post %s into %s: one post, two URLs", lose["url"], keep["url"])


def _lookup(conn: sqlite3.Connection, url: str) -> list[tuple[int | None, str]]:
    return conn.execute(_LOOKUP, (url, url)).fetchall()


def _is_alias(conn: sqlite3.Connection, url: str, post_id: int) -> bool:
    sql = "SELECT 1 FROM post_urls WHERE url = ? AND post_id = ? AND reason = ?"
    return conn.execute(sql, (url, post_id, ALIAS)).fetchone() is not None


def _row(conn: sqlite3.Connection, post_id: int) -> dict[str, Any]:
    cursor = conn.execute(_FULL_ROW, (post_id,))
    names = [column[0] for column in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def _mark_ambiguous(conn: sqlite3.Connection, url: str) -> None:
    logger.info("Canonical URL %s is declared by different posts: it joins none", url)
    conn.execute("UPDATE post_urls SET post_id = NULL, reason = ? WHERE url = ?", (AMBIGUOUS, url))


def _blank(value: Any) -> bool:
    return value is None or value == "[]"


def _words(text: str | None) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold())) if text else ()


def _shared_words(a: str, b: str) -> float:
    first, second = set(_words(a)), set(_words(b))
    smaller = min(len(first), len(second))
    return len(first & second) / smaller if smaller else 0.0
