"""``Archive``: the SQLite archive of posts, sources and crawl runs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from crawler.store import runs
from crawler.store.connection import ArchiveError, dicts, open_database
from crawler.store.resources import RESOURCE_EXPORT_KEYS, resource_row, save_resources
from crawler.store.rows import (
    EXPORT_KEYS,
    HEADING_FIELDS,
    VERSION_FIELDS,
    authors_to_json,
    export_shape,
    post_to_row,
)
from crawler.store.saving import SaveResult, refresh_heading_fields, save_batch
from crawler.store.validators import (
    Validators,
    read_validators,
    save_validators,
    validator_row,
)

_EXPORT_SELECT = f"SELECT {', '.join(EXPORT_KEYS)} FROM posts"
_VERSION_SELECT = (
    f"SELECT v.seen_from, v.seen_until, {', '.join('v.' + f for f in VERSION_FIELDS)} "
    "FROM post_versions v WHERE v.post_id = ? ORDER BY v.id"
)
# The post a URL names: its own url, else an alias or declared canonical (post_urls).
_POST_ID = (
    "SELECT id FROM posts WHERE url = :url "
    "UNION ALL SELECT post_id FROM post_urls WHERE url = :url AND post_id IS NOT NULL LIMIT 1"
)


def utc_now() -> str:
    """The current time as an ISO 8601 UTC string with seconds: ``2026-11-21T22:50:10+00:00``."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Archive:
    """The SQLite archive; the only code in the project that writes SQL.

    Opening creates the file (and its folders) and applies pending migrations.
    ``read_only=True`` opens an existing, migrated archive without ever writing;
    write methods then raise ``ArchiveError``. Use as a context manager or call
    ``close()``.
    """

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.db = open_database(self.path, read_only)
        self._sources: set[str] = set()

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = " read-only" if self.read_only else ""
        return f"<Archive {str(self.path)!r}{mode}>"

    @property
    def conn(self) -> sqlite3.Connection:
        """The underlying connection, for reading (write through the methods)."""
        return self.db.conn

    def close(self) -> None:
        """Close the connection; safe to call twice."""
        self.db.close()

    # --- sources and posts -------------------------------------------------

    def register_source(
        self, name: str, kind: str, start_url: str, *, at: str | None = None
    ) -> None:
        """Create or update source ``name``; ``last_crawled`` becomes ``at`` (default now).

        ``first_crawled`` is set on the first registration only; an empty
        ``start_url`` (``reparse`` does not know it) keeps the stored one.
        """
        at = at or utc_now()
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO sources (name, kind, start_url, first_crawled, last_crawled) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                "kind = excluded.kind, "
                "start_url = COALESCE(NULLIF(excluded.start_url, ''), start_url), "
                "last_crawled = excluded.last_crawled",
                (name, kind, start_url, at, at),
            )
        self._sources.add(name)

    def save_posts(self, posts: Sequence[Mapping[str, Any]], *, seen_at: str) -> SaveResult:
        """Save a batch of posts (``Post`` fields; authors a list) seen at ``seen_at``.

        A post is its ``url``, an alias of it, or the canonical URL its page
        declares (``canonical_url``; rows found to be one post are merged, see
        ``merging``). New ones are inserted. A known post whose ``heading`` or
        ``teaser`` differs is updated (``updated = seen_at``) and its
        previous values go to ``post_versions``; otherwise only ``last_seen`` moves,
        and fields the parser derives are refreshed without counting as a change.
        The whole batch is one transaction: on any error nothing of it is written.
        Raises ValueError for a post without url, source or heading, and
        ArchiveError for a source never passed to ``register_source``.
        """
        rows = [post_to_row(post, index) for index, post in enumerate(posts)]
        if not rows:
            return SaveResult()
        with self._transaction() as conn:
            self._check_sources(conn, {row["source"] for row in rows})
            return save_batch(conn, rows, seen_at)

    def get_post(self, url: str) -> dict[str, Any] | None:
        """The export-shaped post at ``url`` (its url or one of its other URLs), or None."""
        sql = f"{_EXPORT_SELECT} WHERE id = ({_POST_ID})"
        values = self.conn.execute(sql, {"url": url}).fetchone()
        return export_shape(values) if values else None

    def count_posts(self, source: str | None = None) -> int:
        """How many posts the archive holds, for one source or in all."""
        if source is None:
            return self.conn.execute("SELECT count(*) FROM posts").fetchone()[0]
        sql = "SELECT count(*) FROM posts WHERE source = ?"
        return self.conn.execute(sql, (source,)).fetchone()[0]

    def versions(self, url: str) -> list[dict[str, Any]]:
        """Previous values of the post at ``url``, oldest first (authors as a list)."""
        post = self.conn.execute(_POST_ID, {"url": url}).fetchone()
        if post is None:
            return []
        found = dicts(self.conn.execute(_VERSION_SELECT, post))
        for version in found:
            version["authors"] = json.loads(version["authors"])
        return found

    def export_rows(self) -> Iterator[dict[str, Any]]:
        """Every post, ordered by source, first_seen and id, as export-shaped dicts.

        Keys are ``EXPORT_KEYS`` in order; authors is a list, the flags bools.
        Rows stream from a cursor, so memory does not grow with the archive.
        """
        cursor = self.conn.execute(f"{_EXPORT_SELECT} ORDER BY source, first_seen, id")
        try:
            for values in cursor:
                yield export_shape(values)
        finally:
            cursor.close()

    # --- a hub's external resources -----------------------------------------

    def save_resources(self, resources: Sequence[Mapping[str, Any]], *, seen_at: str) -> SaveResult:
        """Save a page's resources (keyed by ``id``) in one transaction.

        Each mapping has id, source, page_url, section, kind, title, description
        and link. Resources are not posts: they never enter the posts table.
        """
        rows = [resource_row(resource, index) for index, resource in enumerate(resources)]
        if not rows:
            return SaveResult()
        with self._transaction() as conn:
            self._check_sources(conn, {row["source"] for row in rows})
            return save_resources(conn, rows, seen_at)

    def export_resources(self) -> Iterator[dict[str, Any]]:
        """Every resource, by source, page and first_seen, with RESOURCE_EXPORT_KEYS in order."""
        sql = (
            f"SELECT {', '.join(RESOURCE_EXPORT_KEYS)} FROM resources "
            "ORDER BY source, page_url, first_seen, rowid"
        )
        cursor = self.conn.execute(sql)
        try:
            for values in cursor:
                yield dict(zip(RESOURCE_EXPORT_KEYS, values, strict=True))
        finally:
            cursor.close()

    # --- conditional requests ------------------------------------------------

    def page_validators(self, urls: Iterable[str] | None = None) -> dict[str, Validators]:
        """``{url: (etag, last_modified)}`` stored for listing and feed pages (or ``urls`` only).

        Either value may be None; a page with neither is not stored.
        """
        return read_validators(self.conn, urls)

    def save_page_validators(
        self, rows: Iterable[Mapping[str, Any]], *, seen_at: str | None = None
    ) -> None:
        """Store the validators of pages just read, in one transaction.

        Each mapping has ``url``, ``etag`` and ``last_modified`` (the response
        headers, either may be None). A page that sent neither is forgotten, so
        it is asked for unconditionally next time. ValueError for a row without url.
        """
        checked = [validator_row(row, index) for index, row in enumerate(rows)]
        if not checked:
            return
        with self._transaction() as conn:
            save_validators(conn, checked, seen_at or utc_now())

    # --- re-parsing ---------------------------------------------------------

    def series_names(self) -> dict[str, list[str]]:
        """The series names stored for each source: one canonical spelling each."""
        names: dict[str, list[str]] = {}
        sql = "SELECT DISTINCT source, series FROM posts WHERE series IS NOT NULL ORDER BY 1, 2"
        for source, series in self.conn.execute(sql):
            names.setdefault(source, []).append(series)
        return names

    def heading_rows(self, source: str) -> list[dict[str, Any]]:
        """``url``, ``heading``, ``author_source`` and heading fields of each post of ``source``.

        Authors come as a list and authors_more as a bool, as ``parse_heading`` gives them.
        """
        columns = ", ".join(("url", "heading", "author_source", *HEADING_FIELDS))
        cursor = self.conn.execute(f"SELECT {columns} FROM posts WHERE source = ?", (source,))
        found = dicts(cursor)
        for row in found:
            row["authors"] = json.loads(row["authors"])
            row["authors_more"] = bool(row["authors_more"])
        return found

    def article_state(self) -> list[dict[str, Any]]:
        """``url``, ``heading``, ``teaser`` and ``article_fetched`` of every post.

        Every source's: a blog and its feed list the same posts. Also one row
        per other URL of a post (``post_urls``), with that post's values: a
        listing of an alias is a known post.
        """
        sql = (
            "SELECT url, heading, teaser, article_fetched FROM posts "
            "UNION ALL SELECT u.url, p.heading, p.teaser, p.article_fetched "
            "FROM post_urls u JOIN posts p ON p.id = u.post_id"
        )
        return dicts(self.conn.execute(sql))

    def url_aliases(self) -> dict[str, str]:
        """``{other URL: the post's url}`` for every alias and declared canonical URL."""
        sql = "SELECT u.url, p.url FROM post_urls u JOIN posts p ON p.id = u.post_id"
        return dict(self.conn.execute(sql).fetchall())

    def refresh_heading_fields(self, posts: Sequence[Mapping[str, Any]]) -> int:
        """Rewrite what was parsed from the headings of ``posts`` (keyed by url).

        Each mapping holds ``url`` and the heading-derived fields (title, series,
        series_part, authors, authors_more, kind, subject). One transaction; no
        version rows and no change to when posts were seen. Returns the number
        of posts that changed.
        """
        rows = [
            {
                **post,
                "authors": authors_to_json(post["authors"]),
                "authors_more": int(bool(post["authors_more"])),
            }
            for post in posts
        ]
        if not rows:
            return 0
        with self._transaction() as conn:
            return refresh_heading_fields(conn, rows)

    # --- crawl runs --------------------------------------------------------

    def start_run(self, *, spider: str, source: str, started: str) -> int:
        """Record a crawl run as ``running`` and return its id."""
        with self._transaction() as conn:
            return runs.insert_run(conn, spider=spider, source=source, started=started)

    def finish_run(self, run_id: int, **fields: Any) -> None:
        """Set crawl_runs columns of run ``run_id`` (ended, status, counters, message...).

        Raises ValueError for a key that is not a column or an unknown status,
        ArchiveError when there is no such run.
        """
        runs.check_run_fields(self.conn, fields)
        if fields:
            with self._transaction() as conn:
                runs.update_run(conn, run_id, fields)

    def last_finished_run(self, source: str) -> dict[str, Any] | None:
        """The most recent run of ``source`` that is not still running, or None."""
        found = runs.select_runs(self.conn, source=source, finished=True, limit=1)
        return found[0] if found else None

    def recent_runs(
        self,
        source: str,
        *,
        status: str | None = None,
        limit: int = 5,
        min_entries: int = 0,
    ) -> list[dict[str, Any]]:
        """The ``limit`` latest runs of ``source``, newest first.

        ``status`` keeps runs that ended so (``ok``, ...); ``min_entries`` only
        runs that parsed at least that many entries (a night of ``304`` pages parses none).
        """
        return runs.select_runs(
            self.conn, source=source, status=status, limit=limit, min_entries=min_entries
        )

    def close_stale_runs(self, *, ended: str) -> int:
        """Mark runs still ``running`` as ``interrupted``; return how many.

        Call only while holding the archive lock: then no run is really going
        on, and a ``running`` row is one whose process was killed.
        """
        with self._transaction() as conn:
            return runs.close_stale_runs(conn, ended)

    def get_run(self, run_id: int) -> dict[str, Any]:
        """The crawl_runs row of ``run_id``; ArchiveError if there is none."""
        return runs.select_run(self.conn, run_id)

    def latest_runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The ``limit`` most recently started crawl runs, newest first."""
        return runs.select_runs(self.conn, limit=limit)

    # --- internals ---------------------------------------------------------

    def _check_sources(self, conn: sqlite3.Connection, names: set[str]) -> None:
        missing = names - self._sources
        for name in missing:
            if conn.execute("SELECT 1 FROM sources WHERE name = ?", (name,)).fetchone():
                self._sources.add(name)
        unknown = names - self._sources
        if unknown:
            listed = ", ".join(sorted(unknown))
            raise ArchiveError(f"unknown source {listed}: call register_source() first")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; rolled back on any error, including KeyboardInterrupt."""
        if self.read_only:
            raise ArchiveError(f"{self.path} is opened read-only")
        conn = self.conn
        try:
            # IMMEDIATE takes the write lock up front, so a second writer waits
            # for the busy timeout instead of failing on a read-to-write upgrade.
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc):
                raise ArchiveError(f"cannot write to {self.path}: {exc}") from exc
            raise
