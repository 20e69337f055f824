"""HTTP validators of listing and feed pages (ETag, Last-Modified), for conditional requests.

A page's validators are what its last ``200`` answer said; the next crawl
sends them back (``If-None-Match`` / ``If-Modified-Since``) so an unchanged
page costs the site a ``304`` with no body.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

# SQLite's default limit on ``?`` parameters is 32766 (999 before 3.32): stay well below.
_CHUNK = 500
_SELECT = "SELECT url, etag, last_modified FROM page_validators"
_UPSERT = (
    "INSERT INTO page_validators (url, etag, last_modified, seen) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, "
    "last_modified = excluded.last_modified, seen = excluded.seen"
)
_FORGET = "DELETE FROM page_validators WHERE url = ?"

Validators = tuple[str | None, str | None]  # (etag, last_modified)


def read_validators(
    conn: sqlite3.Connection, urls: Iterable[str] | None = None
) -> dict[str, Validators]:
    """``{url: (etag, last_modified)}`` of every page, or of ``urls`` only."""
    if urls is None:
        return {url: (etag, modified) for url, etag, modified in conn.execute(_SELECT)}
    wanted = list(dict.fromkeys(urls))
    found: dict[str, Validators] = {}
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        sql = f"{_SELECT} WHERE url IN ({', '.join('?' * len(chunk))})"
        for url, etag, modified in conn.execute(sql, chunk):
            found[url] = (etag, modified)
    return found


def validator_row(row: Mapping[str, Any], index: int = 0) -> tuple[str, str | None, str | None]:
    """(url, etag, last_modified) of one mapping; ValueError without a url."""
    url = row.get("url")
    if not url:
        raise ValueError(f"validator row {index} in the batch has no url")
    return url, row.get("etag") or None, row.get("last_modified") or None


def save_validators(
    conn: sqlite3.Connection,
    rows: Iterable[tuple[str, str | None, str | None]],
    seen_at: str,
) -> None:
    """Upsert each page's validators; a page that sent none is forgotten (no BEGIN/COMMIT)."""
    for url, etag, modified in rows:
        if etag is None and modified is None:
            conn.execute(_FORGET, (url,))
        else:
            conn.execute(_UPSERT, (url, etag, modified, seen_at))
