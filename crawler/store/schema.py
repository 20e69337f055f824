"""The archive's schema, built by named migrations so later steps can add to it.

Each function is one schema step, applied once per database and recorded in
``_sqlite_migrations`` (set ``blogarchive``). Never edit a step that has shipped:
add a new one after it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlite_utils import Database, Migrations

from crawler.store.merging import adopt_canonicals

MIGRATIONS = Migrations("blogarchive")

# crawl_runs.status values, in the order a run can reach them.
RUN_STATUSES = ("running", "ok", "degraded", "failed", "interrupted")

# The posts columns the full-text index covers.
FTS_COLUMNS = ("title", "teaser", "authors")

_POST_COLUMNS = {
    "id": int,
    "url": str,
    "source": str,
    "heading": str,
    "title": str,
    "series": str,
    "series_part": int,
    "authors": str,
    "authors_more": int,
    "kind": str,
    "subject": str,
    "teaser": str,
    "teaser_truncated": int,
    "originally_published_at": str,
    "published": str,
    "author_source": str,
    "parser_version": str,
    "first_seen": str,
    "last_seen": str,
    "updated": str,
}

_VERSION_COLUMNS = {
    "id": int,
    "post_id": int,
    "seen_from": str,
    "seen_until": str,
    "heading": str,
    "teaser": str,
    "title": str,
    "series": str,
    "series_part": int,
    "authors": str,
    "kind": str,
    "subject": str,
    "parser_version": str,
}

_RUN_COUNTERS = (
    "pages",
    "pages_failed",
    "entries",
    "posts_new",
    "posts_updated",
    "posts_unchanged",
    "errors",
)


@MIGRATIONS()
def m001_sources_and_posts(db: Database) -> None:
    """Sources, posts and their authors, in byline order."""
    db["sources"].create(
        {
            "name": str,
            "kind": str,
            "start_url": str,
            "first_crawled": str,
            "last_crawled": str,
        },
        pk="name",
        not_null={"kind", "start_url"},
    )
    posts = db["posts"].create(
        _POST_COLUMNS,
        pk="id",
        not_null={
            "url",
            "source",
            "heading",
            "authors",
            "authors_more",
            "kind",
            "teaser_truncated",
            "author_source",
            "first_seen",
            "last_seen",
            "updated",
        },
        defaults={
            "authors": "[]",
            "authors_more": 0,
            "kind": "article",
            "teaser_truncated": 0,
            "author_source": "none",
        },
        foreign_keys=[("source", "sources", "name")],
    )
    posts.create_index(["url"], unique=True)
    # (source, first_seen) also serves export_rows' ORDER BY without a sort.
    posts.create_index(["source", "first_seen"])
    for column in ("series", "kind", "published"):
        posts.create_index([column])

    db["authors"].create({"id": int, "name": str}, pk="id", not_null={"name"})
    db["authors"].create_index(["name"], unique=True)
    post_authors = db["post_authors"].create(
        {"post_id": int, "author_id": int, "position": int},
        pk=("post_id", "position"),
        not_null={"author_id"},
        foreign_keys=[("post_id", "posts", "id"), ("author_id", "authors", "id")],
    )
    post_authors.create_index(["author_id"])


@MIGRATIONS()
def m002_post_versions(db: Database) -> None:
    """Previous heading/teaser (and what was parsed from them) of changed posts."""
    versions = db["post_versions"].create(
        _VERSION_COLUMNS,
        pk="id",
        not_null={"post_id", "seen_from", "seen_until", "heading", "authors"},
        foreign_keys=[("post_id", "posts", "id")],
    )
    versions.create_index(["post_id"])


@MIGRATIONS()
def m003_crawl_runs(db: Database) -> None:
    """One row per spider run: its outcome and counters."""
    columns: dict[str, type] = {
        "id": int,
        "spider": str,
        "source": str,
        "started": str,
        "ended": str,
        "status": str,
    }
    columns.update(dict.fromkeys(_RUN_COUNTERS, int))
    columns.update({"message": str, "finish_reason": str})
    runs = db["crawl_runs"].create(
        columns,
        pk="id",
        not_null={"spider", "started", "status", *_RUN_COUNTERS},
        defaults={"status": "running", **dict.fromkeys(_RUN_COUNTERS, 0)},
    )
    runs.create_index(["source"])


@MIGRATIONS()
def m004_posts_fts(db: Database) -> None:
    """FTS5 over title, teaser and authors, kept in sync by triggers."""
    db["posts"].enable_fts(FTS_COLUMNS, fts_version="FTS5", create_triggers=True)


@MIGRATIONS()
def m005_fts_reindex_on_indexed_columns_only(db: Database) -> None:
    """Fire the FTS update trigger only when title, teaser or authors change.

    sqlite-utils' trigger fires on any UPDATE, so every re-crawl that only moves
    ``last_seen`` re-indexed the post: about 3x the cost of the whole save.
    """
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = 'posts_au'").fetchone()
    columns = ", ".join(f'"{name}"' for name in FTS_COLUMNS)
    narrowed = sql.replace('AFTER UPDATE ON "posts"', f'AFTER UPDATE OF {columns} ON "posts"', 1)
    if narrowed == sql:
        raise RuntimeError(f"unexpected posts_au trigger, not narrowed: {sql}")
    db.execute("DROP TRIGGER posts_au")
    db.execute(narrowed)


@MIGRATIONS()
def m006_post_details_tags_and_resources(db: Database) -> None:
    """Fields from feeds and article pages, tags, and a hub's external resources.

    ``cms_author`` is the CMS account a feed names (often an uploader, not the
    writer); ``tags`` mirrors post_tags as a JSON list for Datasette facets;
    ``partial`` marks a member-only page stored from its preview.
    """
    posts = db["posts"]
    posts.add_column("cms_author", str)
    posts.add_column("tags", str, not_null_default="[]")
    posts.add_column("reading_minutes", int)
    posts.add_column("body_text", str)
    posts.add_column("author_bio", str)
    posts.add_column("partial", int, not_null_default=0)

    db["tags"].create({"id": int, "name": str}, pk="id", not_null={"name"})
    db["tags"].create_index(["name"], unique=True)
    post_tags = db["post_tags"].create(
        {"post_id": int, "tag_id": int, "position": int},
        pk=("post_id", "position"),
        not_null={"tag_id"},
        foreign_keys=[("post_id", "posts", "id"), ("tag_id", "tags", "id")],
    )
    post_tags.create_index(["tag_id"])

    resources = db["resources"].create(
        {
            "id": str,
            "source": str,
            "page_url": str,
            "section": str,
            "kind": str,
            "title": str,
            "description": str,
            "link": str,
            "first_seen": str,
            "last_seen": str,
        },
        pk="id",
        not_null={"source", "page_url", "kind", "title", "first_seen", "last_seen"},
        foreign_keys=[("source", "sources", "name")],
    )
    resources.create_index(["source", "page_url"])


@MIGRATIONS()
def m007_article_pages(db: Database) -> None:
    """What a post's own page tells: dates with their raw text and precision, text, canonical.

    ``article_error`` holds why the page could not be read (NULL once it was),
    so the next crawl tries again; ``post_versions.body_text`` keeps old texts.
    """
    posts = db["posts"]
    for column, kind in (
        ("published_raw", str),
        ("date_precision", str),
        ("date_relative", int),
        ("modified", str),
        ("word_count", int),
        ("canonical_url", str),
        ("article_fetched", str),
        ("article_error", str),
    ):
        posts.add_column(column, kind)
    db["post_versions"].add_column("body_text", str)


@MIGRATIONS()
def m008_page_validators(db: Database) -> None:
    """What each listing or feed page's last ``200`` said to send back next time.

    ``etag`` and ``last_modified`` are the response headers as received; the
    next crawl asks with ``If-None-Match`` / ``If-Modified-Since`` so an
    unchanged page comes back ``304``. ``seen`` is when they were received.
    """
    db["page_validators"].create(
        {"url": str, "etag": str, "last_modified": str, "seen": str},
        pk="url",
        not_null={"seen"},
    )


@MIGRATIONS()
def m009_run_health(db: Database) -> None:
    """``crawl_runs.authored``: entries whose heading gave authors.

    A run's share of authored entries, against its source's earlier runs, tells
    when a site's markup changed under the parser. NULL on runs before this step.
    """
    db["crawl_runs"].add_column("authored", int)


@MIGRATIONS()
def m010_run_requests_and_error_kinds(db: Database) -> None:
    """What a run cost the site and how it went wrong: requests, 304s, errors by kind, time.

    ``errors_by_kind`` is a JSON object (``{"http_500": 2, "timeout": 1}``);
    ``duration_s`` the seconds from start to end. NULL on runs before this step.
    """
    runs = db["crawl_runs"]
    runs.add_column("requests", int)
    runs.add_column("not_modified", int)
    runs.add_column("errors_by_kind", str)
    runs.add_column("duration_s", float)


@MIGRATIONS()
def m011_post_urls(db: Database) -> None:
    """A post's other URLs, so that ``rel=canonical`` joins the dedupe key (``merging.py``).

    ``post_urls`` maps a URL to its post: an ``alias`` the post was also found
    at, the ``canonical`` URL its page declares, or (no post) an ``ambiguous``
    canonical that different posts declare. Posts stored before this step are
    joined by the canonical URLs they declared: rows found to be one are merged
    by the rule of the code that runs the step.
    """
    urls = db["post_urls"].create(
        {"url": str, "post_id": int, "reason": str, "first_seen": str},
        pk="url",
        not_null={"reason", "first_seen"},
        foreign_keys=[("post_id", "posts", "id")],
    )
    urls.create_index(["post_id"])
    adopt_canonicals(db.conn, datetime.now(UTC).replace(microsecond=0).isoformat())


@MIGRATIONS()
def m012_run_resources(db: Database) -> None:
    """Resources a run stored (resource hubs): new, updated, unchanged.

    A hub run's ``posts_*`` counters stay 0, since it stores no posts. NULL on
    runs before this step.
    """
    runs = db["crawl_runs"]
    for column in ("resources_new", "resources_updated", "resources_unchanged"):
        runs.add_column(column, int)
