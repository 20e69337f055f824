"""The ``blogarchive`` command line.

Each command is a thin call into the library; library errors become one line
on stderr and a documented exit status: 0 ok, 1 some source degraded or failed
(or, for reparse, a record skipped), 2 usage or config error, 3 another run
holds the archive, 130 interrupted.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from crawler import runstats
from crawler.locking import ArchiveLock, ArchiveLocked
from crawler.parsing.headings import KINDS
from crawler.sources import SourceConfigError, load_sources, select_sources
from crawler.store import Archive, ArchiveError, run_changes

if TYPE_CHECKING:
    from crawler.crawling import CrawlOutcome

EXIT_OK, EXIT_DEGRADED, EXIT_USAGE, EXIT_LOCKED, EXIT_INTERRUPTED = 0, 1, 2, 3, 130


@click.group()
@click.version_option(package_name="blogarchive")
def cli() -> None:
    """Crawl healthcare leadership blogs into a queryable SQLite archive."""


def _scrapy_setting(values: tuple[str, ...]) -> dict[str, str]:
    settings = {}
    for value in values:
        name, sep, setting = value.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {value!r}", param_hint="-s")
        settings[name] = setting
    return settings


@cli.command()
@click.argument("sources", nargs=-1)
@click.option(
    "--db", "db_path", default="archive.sqlite", show_default=True, help="SQLite archive to write."
)
@click.option(
    "--exports",
    "exports_dir",
    default="exports",
    show_default=True,
    help="Folder for posts.json and posts.jsonl.",
)
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False),
    help="TOML registry of extra sources (replaces built-ins of the same name).",
)
@click.option("--max-pages", type=click.IntRange(min=1), help="Listing pages per source, at most.")
@click.option("--no-articles", is_flag=True, help="Do not read posts' own pages.")
@click.option(
    "--full",
    is_flag=True,
    help="Walk every listing page, not only up to the posts already archived.",
)
@click.option(
    "--warc-dir",
    default="archive/warc",
    show_default=True,
    help="Where the raw pages of each run are kept (WARC).",
)
@click.option(
    "-s",
    "--set",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="Scrapy setting, as with `scrapy crawl -s`.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log every page (Scrapy INFO log).")
def crawl(
    sources: tuple[str, ...],
    db_path: str,
    exports_dir: str,
    sources_file: str | None,
    max_pages: int | None,
    no_articles: bool,
    full: bool,
    warc_dir: str,
    settings: tuple[str, ...],
    verbose: bool,
) -> None:
    """Crawl SOURCES (all registered sources by default) into the archive."""
    try:
        registry = load_sources(sources_file)
        selected = select_sources(registry, sources)
    except SourceConfigError as exc:
        _fail(str(exc))
    except KeyError as exc:
        _fail(f"unknown source(s): {exc.args[0]} (known: {', '.join(registry)})")
    from crawler.crawling import run_crawl  # Scrapy's import is slow: only when crawling

    try:
        with ArchiveLock(db_path):
            outcomes = run_crawl(
                selected,
                db_path=db_path,
                exports_dir=exports_dir,
                max_pages=max_pages,
                sources_file=sources_file,
                settings={
                    "FOLLOW_ARTICLES": not no_articles,
                    "FULL_CRAWL": full,
                    "WARC_DIR": warc_dir,
                    **_scrapy_setting(settings),
                },
                log_level="INFO" if verbose else "WARNING",
            )
    except ArchiveLocked as exc:
        click.echo(f"blogarchive: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except ArchiveError as exc:
        _fail(str(exc))
    _report(outcomes)
    statuses = {o.status for o in outcomes}
    if "interrupted" in statuses:
        sys.exit(EXIT_INTERRUPTED)
    sys.exit(EXIT_OK if statuses <= {"ok"} else EXIT_DEGRADED)


def _report(outcomes: list[CrawlOutcome]) -> None:
    for outcome in outcomes:
        line = f"{outcome.source}: {outcome.status}: {outcome.message}"
        if outcome.status in ("ok", "degraded"):
            line += (
                f"; {outcome.entries} entries, {outcome.new} new, "
                f"{outcome.updated} updated, {outcome.unchanged} unchanged"
            )
        click.echo(line, err=outcome.status != "ok")


@cli.command()
@click.option(
    "--db",
    "db_path",
    default="demo.sqlite",
    show_default=True,
    help="Demo archive (replaced on every run).",
)
@click.option("--exports", "exports_dir", default="exports", show_default=True)
@click.option("--theme", default=None, help="WordPress theme of the offline copy.")
def demo(db_path: str, exports_dir: str, theme: str | None) -> None:
    """Serve a bundled offline copy of the BMJ Leader blog on 127.0.0.1 and crawl it."""
    from crawler.demo.run import run_demo

    sys.exit(run_demo(Path(db_path), Path(exports_dir), theme=theme, echo=click.echo))


@cli.command("reparse")
@click.argument("warcs", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--db", "db_path", default="archive.sqlite", show_default=True)
@click.option("--exports", "exports_dir", default="exports", show_default=True)
@click.option(
    "--warc-dir",
    default="archive/warc",
    show_default=True,
    help="Where to find WARC files when none are named.",
)
@click.option(
    "--sources",
    "sources_file",
    type=click.Path(dir_okay=False),
    help="TOML registry of extra sources (selectors, date order).",
)
def reparse_command(
    warcs: tuple[str, ...], db_path: str, exports_dir: str, warc_dir: str, sources_file: str | None
) -> None:
    """Rebuild or update the archive from WARC files alone, with today's parsers."""
    from crawler.reparse import reparse, warc_files

    paths = [Path(w) for w in warcs] or warc_files(warc_dir)
    if not paths:
        _fail(f"no WARC files given and none in {warc_dir}")
    try:
        with ArchiveLock(db_path):
            report = reparse(
                paths, db_path=db_path, exports_dir=exports_dir, sources=load_sources(sources_file)
            )
    except ArchiveLocked as exc:
        click.echo(f"blogarchive: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except (SourceConfigError, ArchiveError) as exc:
        _fail(str(exc))
    for line in report.skipped:
        click.echo(f"skipped: {line}", err=True)
    stats = report.stats
    click.echo(
        f"Re-parsed {report.records} archived pages from {len(paths)} WARC file(s) into "
        f"{db_path}: {stats[runstats.POSTS_NEW]} new, "
        f"{stats[runstats.POSTS_UPDATED]} updated, "
        f"{stats[runstats.POSTS_UNCHANGED]} unchanged posts; "
        f"{sum(stats[key] for key in runstats.RESOURCE_COUNTS)} "
        "resources"
    )
    failed = report.failed_articles()
    if failed:
        click.echo(
            f"{sum(failed.values())} post page(s) failed in the crawl, stored as it stored them "
            "(posts.article_error): " + ", ".join(f"{kind} {n}" for kind, n in failed.items())
        )
    sys.exit(EXIT_DEGRADED if report.skipped else EXIT_OK)


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The post filters shared by search and export."""
    for option in reversed((
        click.option("--source", help="Only posts of this source."),
        click.option("--series", help="Only posts of this series (exact name)."),
        click.option("--author", help="Only posts with this author (exact name)."),
        click.option("--kind", type=click.Choice(KINDS), help="Only posts of this kind."),
        click.option("--since", help="Published on or after (2023, 2023-10 or 2023-10-24)."),
        click.option("--until", help="Published on or before (same forms)."),
    )):  # fmt: skip
        command = option(command)
    return command


def _read_only(db_path: str) -> Archive:
    try:
        return Archive(db_path, read_only=True)
    except ArchiveError as exc:
        _fail(str(exc))


@cli.command()
@click.argument("query")
@click.option("--db", "db_path", default="archive.sqlite", show_default=True)
@filter_options
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
def search(db_path: str, query: str, limit: int, **filters: str | None) -> None:
    """Full-text search (FTS5 syntax) over titles, teasers and authors, best first."""
    from crawler.store.queries import BadQuery, PostFilter
    from crawler.store.queries import search as search_posts

    with _read_only(db_path) as archive:
        try:
            hits = search_posts(archive, query, PostFilter(**filters), limit=limit)
        except BadQuery as exc:
            _fail(str(exc))
    for hit in hits:
        post = hit.post
        byline = ", ".join(post["authors"]) or "no byline"
        click.echo(f"{post['title']}  ({byline}; {post['published'] or 'undated'})")
        click.echo(f"  {post['url']}")
        click.echo(f"  {hit.snippet}")
    if not hits:
        click.echo("No posts found.", err=True)


@cli.command()
@click.option("--db", "db_path", default="archive.sqlite", show_default=True)
@click.option("--top", default=10, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="One JSON document, for machines.")
def stats(db_path: str, top: int, as_json: bool) -> None:
    """Posts per source, per series and per year, and the top authors."""
    from crawler.store.queries import statistics

    with _read_only(db_path) as archive:
        figures = statistics(archive, top=top)
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"{figures['posts']} posts ({figures['undated']} undated)")
    for title, rows, key in (
        ("Sources", figures["sources"], "source"),
        ("Series", figures["series"], "series"),
        ("Years", figures["years"], "year"),
        ("Top authors", figures["top_authors"], "author"),
    ):
        click.echo(f"\n{title}:")
        for row in rows:
            click.echo(f"  {row['posts']:>6}  {row[key]}")


class _Counter:
    """Counts what streams through it, so an export never holds the collection in memory."""

    def __init__(self) -> None:
        self.n = 0

    def count(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            self.n += 1
            yield item


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    required=True,
    type=click.Choice(["json", "jsonl", "csv", "ris", "bibtex", "csljson"]),
)
@click.option("--db", "db_path", default="archive.sqlite", show_default=True)
@filter_options
@click.option("--query", help="Only posts matching this full-text query (FTS5 syntax).")
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False),
    help="Collection folder [default: exports/collection-<format>-<time>].",
)
@click.option("--excel", is_flag=True, help="CSV in UTF-8 with a BOM, for Excel.")
@click.option("--bag", is_flag=True, help="Package the collection as a BagIt bag.")
def export_command(
    fmt: str,
    db_path: str,
    query: str | None,
    output: str | None,
    excel: bool,
    bag: bool,
    **filters: str | None,
) -> None:
    """Export a filtered collection of posts, with a manifest of how it was made."""
    from crawler.exporters import FORMATS, export_posts, make_bag, write_manifest
    from crawler.parsing.headings import PARSER_VERSION
    from crawler.store import utc_now
    from crawler.store.queries import BadQuery, PostFilter, filtered_posts

    created = utc_now()
    folder = Path(output or f"exports/collection-{fmt}-{created[:19].replace(':', '')}")
    if folder.exists() and any(folder.iterdir()):
        _fail(f"{folder} is not empty: name a new collection folder with -o")
    folder.mkdir(parents=True, exist_ok=True)
    chosen = PostFilter(**filters, query=query)
    blog_names = {name: s.title or name for name, s in load_sources().items()}
    counter = _Counter()
    with _read_only(db_path) as archive:
        try:
            target = export_posts(
                counter.count(filtered_posts(archive, chosen)),
                fmt,
                folder / f"posts{FORMATS[fmt].extension}",
                blog_names=blog_names,
                accessed=created[:10],
                excel=excel,
            )
        except BadQuery as exc:
            _fail(str(exc))
    write_manifest(
        folder,
        [target],
        filters={k: v for k, v in filters.items() if v},
        query=query,
        count=counter.n,
        archive_path=str(Path(db_path).resolve()),
        parser_version=PARSER_VERSION,
        created=created,
    )
    if bag:
        make_bag(
            folder,
            info={
                "Source-Organization": "blogarchive",
                "External-Description": f"{counter.n} blog posts ({fmt})",
            },
        )
    click.echo(f"Exported {counter.n} posts as {fmt} to {folder}" + (" (BagIt bag)" if bag else ""))


@cli.command()
@click.option(
    "--db", "db_path", default="archive.sqlite", show_default=True, help="Archive to serve."
)
@click.option("--port", default=8001, show_default=True, type=click.IntRange(1, 65535))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--open", "open_browser", is_flag=True, help="Open the posts table in a browser.")
@click.option(
    "--immutable",
    is_flag=True,
    help="Serve a snapshot nothing writes to (no locks; refused while a -wal file holds changes).",
)
def serve(db_path: str, port: int, host: str, open_browser: bool, immutable: bool) -> None:
    """Browse the archive in Datasette, read-only: facets, full-text search, canned queries."""
    from crawler.serving import ServeError
    from crawler.serving import serve as run_datasette

    try:
        run_datasette(
            Path(db_path), port=port, host=host, open_browser=open_browser, immutable=immutable
        )
    except ServeError as error:
        _fail(str(error))


RUN_COLUMNS = (
    ("id", "run"), ("source", "source"), ("started", "started"), ("status", "status"),
    ("pages", "pages"), ("entries", "entries"), ("new", "new"),
    ("updated", "updated"), ("errors", "errors"), ("message", "message"),
)  # fmt: skip


@cli.command()
@click.option("--db", "db_path", default="archive.sqlite", show_default=True)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="One JSON object per run, for machines.")
def runs(db_path: str, limit: int, as_json: bool) -> None:
    """Print the most recent crawl runs, newest first."""
    try:
        with Archive(db_path, read_only=True) as archive:
            recent = archive.latest_runs(limit=limit)
    except ArchiveError as exc:
        _fail(str(exc))
    if as_json:
        for run in recent:
            click.echo(json.dumps(run, ensure_ascii=False))
        return
    # "new" and "updated": posts, or a resource hub's resources.
    recent = [
        {**run, "new": run_changes(run, "new"), "updated": run_changes(run, "updated")}
        for run in recent
    ]
    rows = [
        [str(run[key] if run[key] is not None else "") for key, _ in RUN_COLUMNS] for run in recent
    ]
    headers = [title for _, title in RUN_COLUMNS]
    widths = [
        max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)
    ]
    for line in (headers, ["-" * w for w in widths], *rows):
        click.echo("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


@cli.command("parse-heading")
@click.argument("heading")
def parse_heading_command(heading: str) -> None:
    """Print the fields parsed from one listing HEADING as JSON."""
    from crawler.parsing.headings import parse_heading

    click.echo(json.dumps(asdict(parse_heading(heading)), ensure_ascii=False, indent=2))


def _fail(message: str) -> NoReturn:
    click.echo(f"blogarchive: {message}", err=True)
    sys.exit(EXIT_USAGE)


def main() -> None:
    cli()
