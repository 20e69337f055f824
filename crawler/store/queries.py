"""Read-only questions analysts ask of the archive: search, filters, statistics.

Everything here reads; nothing writes. The CLI opens the archive read-only
for these, so no query can change it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from crawler.store.archive import Archive, ArchiveError
from crawler.store.connection import dicts
from crawler.store.rows import EXPORT_KEYS, export_shape


@dataclass(frozen=True)
class PostFilter:
    """Which posts: every field is optional and they combine with AND."""

    source: str | None = None
    series: str | None = None
    author: str | None = None  # one of the post's authors, exactly
    kind: str | None = None
    since: str | None = None  # published on or after (ISO date, or a prefix: 2023, 2023-10)
    until: str | None = None  # published on or before (same forms)
    query: str | None = None  # an FTS5 query over title, teaser and authors

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over ``posts p`` (and ``posts_fts`` with a query), and its values."""
        clauses, values = [], []
        for column in ("source", "series", "kind"):
            if (value := getattr(self, column)) is not None:
                clauses.append(f"p.{column} = ?")
                values.append(value)
        if self.author is not None:
            clauses.append("EXISTS (SELECT 1 FROM json_each(p.authors) j WHERE j.value = ?)")
            values.append(self.author)
        if self.since is not None:
            clauses.append("p.published >= ?")
            values.append(self.since)
        if self.until is not None:
            # "2023" or "2023-10" as an upper bound means the whole year or month.
            clauses.append("substr(p.published, 1, length(?)) <= ?")
            values += [self.until, self.until]
        if self.query:
            clauses.append("posts_fts MATCH ?")
            values.append(self.query)
        return (" AND ".join(clauses) or "1"), values

    def joins(self) -> str:
        return " JOIN posts_fts ON posts_fts.rowid = p.id" if self.query else ""


@dataclass(frozen=True)
class SearchHit:
    post: dict[str, Any]
    snippet: str  # the teaser (or title) with matches between [ and ]


class BadQuery(ArchiveError):
    """The full-text query is not valid FTS5 syntax."""


def search(
    archive: Archive, query: str, filters: PostFilter, *, limit: int = 20
) -> list[SearchHit]:
    """Posts matching ``query`` (FTS5) and ``filters``, best first, with highlighted snippets."""
    chosen = PostFilter(**{**filters.__dict__, "query": query})
    where, values = chosen.where()
    columns = ", ".join(f"p.{key}" for key in EXPORT_KEYS)
    sql = (
        f"SELECT {columns}, snippet(posts_fts, -1, '[', ']', '…', 24) FROM posts p"
        f"{chosen.joins()} WHERE {where} ORDER BY bm25(posts_fts) LIMIT ?"
    )
    try:
        rows = archive.conn.execute(sql, [*values, limit]).fetchall()
    except sqlite3.OperationalError as exc:
        raise BadQuery(f"not a valid search query {query!r}: {exc}") from None
    return [SearchHit(export_shape(row[:-1]), row[-1]) for row in rows]


def filtered_posts(archive: Archive, filters: PostFilter) -> Iterator[dict[str, Any]]:
    """Export-shaped posts matching ``filters``, oldest publication first, streamed."""
    where, values = filters.where()
    columns = ", ".join(f"p.{key}" for key in EXPORT_KEYS)
    sql = (
        f"SELECT {columns} FROM posts p{filters.joins()} WHERE {where} "
        "ORDER BY p.source, coalesce(p.published, p.first_seen), p.id"
    )
    try:
        cursor = archive.conn.execute(sql, values)
    except sqlite3.OperationalError as exc:
        raise BadQuery(f"not a valid search query {filters.query!r}: {exc}") from None
    try:
        for row in cursor:
            yield export_shape(row)
    finally:
        cursor.close()


def statistics(archive: Archive, *, top: int = 10) -> dict[str, Any]:
    """Posts per source, per series, per year, and the most frequent authors."""
    conn = archive.conn

    def pairs(sql: str, *values: Any) -> list[dict[str, Any]]:
        return dicts(conn.execute(sql, values))

    return {
        "posts": conn.execute("SELECT count(*) FROM posts").fetchone()[0],
        "sources": pairs(
            "SELECT source, count(*) AS posts, min(published) AS first, max(published) AS last "
            "FROM posts GROUP BY source ORDER BY posts DESC, source"
        ),
        "series": pairs(
            "SELECT source, series, count(*) AS posts FROM posts WHERE series IS NOT NULL "
            "GROUP BY source, series ORDER BY posts DESC, series"
        ),
        "years": pairs(
            "SELECT substr(published, 1, 4) AS year, count(*) AS posts FROM posts "
            "WHERE published IS NOT NULL GROUP BY year ORDER BY year"
        ),
        "undated": conn.execute("SELECT count(*) FROM posts WHERE published IS NULL").fetchone()[0],
        "top_authors": pairs(
            "SELECT a.name AS author, count(*) AS posts FROM authors a "
            "JOIN post_authors pa ON pa.author_id = a.id "
            "GROUP BY a.id ORDER BY posts DESC, a.name LIMIT ?",
            top,
        ),
    }
