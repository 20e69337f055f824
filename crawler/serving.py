"""``blogarchive serve``: browse and query the archive in Datasette, read-only.

The archive is opened the way Datasette opens a database it may not change
(``file:…?mode=ro``: SQLite opens the file read-only and sees what a running
crawl has committed), and on top of that every connection Datasette makes to it,
its write connection included, gets ``PRAGMA query_only``: a canned query marked
``write``, a plugin or Datasette itself cannot change a row. ``immutable=True``
(``--immutable``) opens a snapshot that nothing writes to (a copy, read-only
media) with ``immutable=1`` instead: no locks and cached counts, but committed
changes still in the ``-wal`` file would be invisible, so it is refused then.

The metadata here is Datasette's whole configuration: title, licence and source
notes, a description of every table and column, the facets and the full-text
search of ``posts``, and the canned queries.
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import sys
import webbrowser
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.app import Datasette
from datasette.database import QueryInterrupted
from datasette.facets import Facet
from datasette.plugins import pm
from datasette.utils import escape_sqlite, path_with_added_args, path_with_removed_args

TITLE = "Healthcare leadership blog archive"
DESCRIPTION = (
    "Posts of healthcare-leadership blogs, crawled by blogarchive. Each heading is "
    "split into title, authors, series, part and kind; the raw heading is kept."
)
LICENSE = (
    "Posts remain the copyright of their authors and publishers; "
    "this archive indexes them for research"
)
SOURCE = "The blogs in the sources table, crawled by blogarchive"
PLUGIN_NAME = "blogarchive"

_SEEN = {
    "first_seen": "When a crawl first stored it (ISO 8601 UTC)",
    "last_seen": "When a crawl last saw it (ISO 8601 UTC)",
}

# (description, {column: description}) per table; every column of the schema.
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "posts": (
        "One row per blog post, keyed by its canonical URL. Search covers title, "
        "teaser and authors; facet by source, series, kind, year and author.",
        {
            "id": "Row id",
            "url": "Canonical post URL (https, lower-case host, no query, trailing slash); "
            "its other URLs are in post_urls",
            "source": "The source (blog) it was crawled from",
            "heading": "The heading line as the blog shows it, untouched",
            "title": "Title parsed from the heading, without series, part or byline",
            "series": "Blog series (one canonical spelling per source), if any",
            "series_part": "Part number within the series (Blog 2, Part III, …)",
            "authors": "Authors in byline order (JSON list of names)",
            "authors_more": "1 when the byline ends 'and colleagues' or 'et al.'",
            "kind": "article, book-review, interview or series-intro",
            "subject": "Who an interview is with ('In conversation with X')",
            "teaser": "The listing's teaser text, plain",
            "teaser_truncated": "1 when the teaser was cut short ([…], ...)",
            "originally_published_at": "Where the teaser says it was first published",
            "published": "Publication date (ISO; day, month or year precision), or empty",
            "author_source": "Where the authors came from: heading, page, feed or none",
            "parser_version": "Version of the heading parser that wrote the row",
            **_SEEN,
            "updated": "When its heading or teaser last changed (old values: post_versions)",
            "cms_author": "The CMS account a feed names (often an uploader, not the writer)",
            "tags": "Categories and tags (JSON list; mirrors post_tags)",
            "reading_minutes": "Reading time the page states, in minutes",
            "body_text": "Main text of the post's own page",
            "author_bio": "Author biography from the post's page",
            "partial": "1 when only a member-only preview could be stored",
            "published_raw": "The date as the post's page gave it",
            "date_precision": "Precision of published: day, month or year",
            "date_relative": "1 when the page gave a relative date ('3 days ago')",
            "modified": "When the page says it was last modified",
            "word_count": "Words in body_text",
            "canonical_url": "The page's own canonical link, as declared (joins the post's URLs)",
            "article_fetched": "When the post's own page was read",
            "article_error": "Why the post's own page could not be read (empty once read)",
        },
    ),
    "authors": (
        "Every author name found in a byline, once.",
        {"id": "Row id", "name": "Author name, honorifics and post-nominals removed"},
    ),
    "post_authors": (
        "Which authors wrote which post, in byline order.",
        {
            "post_id": "The post (posts.id)",
            "author_id": "The author (authors.id)",
            "position": "Place in the byline, 0 for the first author",
        },
    ),
    "tags": (
        "Categories and tags as the sites give them, once each.",
        {"id": "Row id", "name": "Tag or category name"},
    ),
    "post_tags": (
        "Which tags each post carries, in the order given.",
        {
            "post_id": "The post (posts.id)",
            "tag_id": "The tag (tags.id)",
            "position": "Place in the post's tag list, from 0",
        },
    ),
    "post_versions": (
        "What a post said before its heading or teaser changed.",
        {
            "id": "Row id",
            "post_id": "The post (posts.id)",
            "seen_from": "First seen with these values",
            "seen_until": "Last seen with these values",
            "heading": "Previous heading",
            "teaser": "Previous teaser",
            "title": "Previous parsed title",
            "series": "Previous series",
            "series_part": "Previous part number",
            "authors": "Previous authors (JSON list)",
            "kind": "Previous kind",
            "subject": "Previous interview subject",
            "parser_version": "Parser version of the previous values",
            "body_text": "Previous main text of the post's page",
        },
    ),
    "crawl_runs": (
        "The run ledger: one row per source per crawl, with its outcome.",
        {
            "id": "Row id",
            "spider": "Spider that ran",
            "source": "Source crawled",
            "started": "Start (ISO 8601 UTC)",
            "ended": "End (ISO 8601 UTC), empty while running",
            "status": "running, ok, degraded, failed or interrupted",
            "pages": "Listing or feed pages read",
            "pages_failed": "Pages that could not be read",
            "entries": "Entries found on the pages",
            "posts_new": "Posts stored for the first time",
            "posts_updated": "Posts whose heading or teaser changed",
            "posts_unchanged": "Posts seen again unchanged",
            "errors": "Errors logged",
            "message": "One-line reason for the status",
            "finish_reason": "Scrapy's finish reason",
            "authored": "Entries whose heading gave authors (empty on older runs)",
            "requests": "Requests the run made, robots.txt and retries included",
            "not_modified": "Listing and feed pages answered 304 Not Modified",
            "errors_by_kind": 'Errors by kind, as JSON: {"http_500": 2, "timeout": 1}',
            "duration_s": "Seconds from the run's start to its end",
            "resources_new": "Resource-hub entries stored for the first time",
            "resources_updated": "Resource-hub entries that changed",
            "resources_unchanged": "Resource-hub entries seen again unchanged",
        },
    ),
    "sources": (
        "The blogs crawled, as registered in sources.toml.",
        {
            "name": "Source name, also the spider name",
            "kind": "wordpress, feed, medium or resource-hub",
            "start_url": "Where the crawl starts",
            "first_crawled": "First crawl (ISO 8601 UTC)",
            "last_crawled": "Latest crawl (ISO 8601 UTC)",
        },
    ),
    "resources": (
        "Links collected from resource hubs (curated pages of links), not posts.",
        {
            "id": "Stable id: page URL and link, or title",
            "source": "The source (resource hub)",
            "page_url": "The hub page listing it",
            "section": "Section of the hub page",
            "kind": "resource, video, blog or news",
            "title": "Link title",
            "description": "Text given with the link",
            "link": "Where it points",
            **_SEEN,
        },
    ),
    "post_urls": (
        "Other URLs of posts: where a post was also found, or the canonical URL its "
        "page declares. A listing of one of them is that post.",
        {
            "url": "Another URL of the post (normalised like posts.url)",
            "post_id": "The post (posts.id); empty when the URL is ambiguous",
            "reason": "alias (the post was also found here), canonical (its page declares "
            "this URL) or ambiguous (declared by different posts: joins none)",
            "first_seen": "When the URL was first recorded (ISO 8601 UTC)",
        },
    ),
    "page_validators": (
        "ETag and Last-Modified of each listing or feed page, for conditional requests.",
        {
            "url": "Listing or feed page",
            "etag": "ETag header of its last 200 response",
            "last_modified": "Last-Modified header of its last 200 response",
            "seen": "When they were received",
        },
    ),
    "_sqlite_migrations": (
        "Schema steps applied to this archive (sqlite-utils migrations).",
        {
            "id": "Row id",
            "migration_set": "Always blogarchive",
            "name": "Schema step",
            "applied_at": "When it was applied",
        },
    ),
}

QUERIES: dict[str, dict[str, str]] = {
    "series_posts": {
        "title": "Posts in a series, in order",
        "description": "Every post of one series, by part number, then by date.",
        "sql": (
            "select series_part, title, authors, published, kind, source, url\n"
            "from posts\n"
            "where series = :series\n"
            "order by series_part is null, series_part, published is null, published, id"
        ),
    },
    "authors_by_posts": {
        "title": "Authors ranked by posts",
        "description": "Each author with the number of posts they wrote, most first.",
        "sql": (
            "select authors.name as author, count(*) as posts,\n"
            "  min(posts.published) as first_published, max(posts.published) as last_published\n"
            "from authors\n"
            "join post_authors on post_authors.author_id = authors.id\n"
            "join posts on posts.id = post_authors.post_id\n"
            "group by authors.id\n"
            "order by posts desc, author"
        ),
    },
    "posts_per_month": {
        "title": "Posts per month",
        "description": "Posts by month of publication (posts dated to the month or day).",
        "sql": (
            "select substr(published, 1, 7) as month, count(*) as posts\n"
            "from posts\n"
            "where published glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'\n"
            "group by month\n"
            "order by month"
        ),
    },
}


class ServeError(Exception):
    """The archive cannot be served; the message says why."""


class YearFacet(Facet):
    """Facet a date column by year: ``{"year": "published"}`` or ``?_facet_year=published``.

    A value filters with ``published__startswith=YYYY``, so dates of any precision
    (``2023``, ``2023-10``, ``2023-10-24T…``) count in their year.
    """

    type = "year"

    async def facet_results(self) -> tuple[list[dict[str, Any]], list[str]]:
        results: list[dict[str, Any]] = []
        timed_out: list[str] = []
        args = dict(self.get_querystring_pairs())
        size = self.get_facet_size()
        for source_and_config in self.get_configs():
            config = source_and_config["config"]
            column = config.get("column") or config["simple"]
            year = f"substr({escape_sqlite(column)}, 1, 4)"
            sql = (
                f"select {year} as value, count(*) as count from ({self.sql}) "
                f"where {year} glob '[0-9][0-9][0-9][0-9]' "
                f"group by value order by value desc limit {size + 1}"
            )
            try:
                rows = await self.ds.execute(
                    self.database,
                    sql,
                    self.params,
                    truncate=False,
                    custom_time_limit=self.ds.setting("facet_time_limit_ms"),
                )
            except QueryInterrupted:
                timed_out.append(column)
                continue
            arg = f"{column}__startswith"
            values = []
            for row in rows.rows[:size]:
                value = row["value"]
                selected = args.get(arg) == value
                path = (
                    path_with_removed_args(self.request, {arg: value})
                    if selected
                    else path_with_added_args(self.request, {arg: value})
                )
                values.append(
                    {
                        "value": value,
                        "label": value,
                        "count": row["count"],
                        "toggle_url": self.ds.absolute_url(self.request, path),
                        "selected": selected,
                    }
                )
            results.append(
                {
                    "name": column,
                    "type": self.type,
                    "results": values,
                    "hideable": source_and_config["source"] != "metadata",
                    "toggle_url": path_with_removed_args(self.request, {"_facet_year": column}),
                    "truncated": len(rows.rows) > size,
                }
            )
        return results, timed_out


class _Plugin:
    """Datasette hooks: the year facet, and query-only connections to every file."""

    __name__ = PLUGIN_NAME  # Datasette lists plugins by module name

    @hookimpl
    def register_facet_classes(self) -> list[type[Facet]]:
        return [YearFacet]

    @hookimpl
    def prepare_connection(self, conn: sqlite3.Connection, database: str, datasette) -> None:
        db = datasette.databases.get(database)
        if db is not None and db.path:
            conn.execute("PRAGMA query_only = 1")


def _register_plugin() -> None:
    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(_Plugin(), name=PLUGIN_NAME)


def database_name(db_path: Path) -> str:
    """The name (and URL path) Datasette gives the archive: its file name without suffix."""
    return Path(db_path).stem


def build_metadata(db_name: str) -> dict[str, Any]:
    """Datasette's metadata for an archive served under ``db_name``."""
    tables: dict[str, Any] = {
        table: {"description": description, "columns": columns}
        for table, (description, columns) in TABLES.items()
    }
    tables["posts"].update(
        {
            "facets": ["source", "series", "kind", {"year": "published"}, {"array": "authors"}],
            "fts_table": "posts_fts",
            "fts_pk": "id",
            "sort_desc": "published",
            "label_column": "title",
        }
    )
    for table in ("authors", "tags"):
        tables[table]["label_column"] = "name"
    return {
        "title": TITLE,
        "description": DESCRIPTION,
        "license": LICENSE,
        "source": SOURCE,
        "databases": {
            db_name: {
                "title": TITLE,
                "description": DESCRIPTION,
                "tables": tables,
                "queries": QUERIES,
            }
        },
    }


def _check_archive(db_path: Path, *, immutable: bool) -> None:
    if not db_path.is_file():
        raise ServeError(f"no archive at {db_path}")
    wal = db_path.with_name(db_path.name + "-wal")
    if immutable and wal.exists() and wal.stat().st_size > 0:
        raise ServeError(
            f"{wal} holds changes not yet in {db_path.name} (a crawl is running or was "
            "stopped); serve without --immutable"
        )
    mode = "immutable=1" if immutable else "mode=ro"
    try:
        conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?{mode}", uri=True)
        try:
            found = conn.execute(
                "select 1 from sqlite_master where type = 'table' and name = 'posts'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error as error:
        hint = "" if immutable else " (a read-only folder? try --immutable on a copy)"
        raise ServeError(f"cannot open {db_path} read-only: {error}{hint}") from None
    if found is None:
        raise ServeError(f"{db_path} is not a blogarchive archive (no posts table)")


def make_datasette(db_path: Path, *, immutable: bool = False) -> Datasette:
    """A Datasette over the archive, read-only, with the archive's metadata."""
    db_path = Path(db_path)
    _check_archive(db_path, immutable=immutable)
    _register_plugin()
    path = str(db_path)
    return Datasette(
        files=[] if immutable else [path],
        immutables=[path] if immutable else [],
        metadata=build_metadata(database_name(db_path)),
        settings={"allow_download": False},
    )


def serve(
    db_path: Path,
    *,
    port: int,
    host: str = "127.0.0.1",
    open_browser: bool = False,
    immutable: bool = False,
) -> None:
    """Serve the archive in Datasette on ``host:port`` until interrupted (Ctrl-C)."""
    import uvicorn

    ds = make_datasette(Path(db_path), immutable=immutable)

    async def start() -> None:
        await ds.invoke_startup()
        for database in ds.databases.values():
            await database.execute_fn(lambda conn: conn.execute("select 1").fetchall())

    asyncio.run(start())
    url = f"http://{host}:{port}/{database_name(Path(db_path))}/posts"
    print(f"Serving {db_path} read-only at {url} (Ctrl-C to stop)", flush=True)
    if open_browser:
        webbrowser.open(url)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning", lifespan="on")


def main(argv: list[str] | None = None) -> int:
    """``python -m crawler.serving``: the same as ``blogarchive serve``."""
    parser = argparse.ArgumentParser(prog="python -m crawler.serving", description=__doc__)
    parser.add_argument("--db", default="archive.sqlite", help="archive to serve")
    parser.add_argument("--port", type=int, default=8001)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--open", dest="open_browser", action="store_true")
    parser.add_argument("--immutable", action="store_true")
    args = parser.parse_args(argv)
    try:
        serve(
            Path(args.db),
            port=args.port,
            host=args.host,
            open_browser=args.open_browser,
            immutable=args.immutable,
        )
    except ServeError as error:
        print(f"blogarchive: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
