"""The commands that write the archive: ``crawl``, ``demo``, ``reparse``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from crawler import runstats
from crawler.cli import EXIT_DEGRADED, EXIT_INTERRUPTED, EXIT_LOCKED, EXIT_OK, cli, fail
from crawler.locking import ArchiveLock, ArchiveLocked
from crawler.sources import SourceConfigError, load_sources, select_sources
from crawler.store import ArchiveError

if TYPE_CHECKING:
    from crawler.crawling import CrawlOutcome


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
        fail(str(exc))
    except KeyError as exc:
        fail(f"unknown source(s): {exc.args[0]} (known: {', '.join(registry)})")
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
        fail(str(exc))
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
        fail(f"no WARC files given and none in {warc_dir}")
    try:
        with ArchiveLock(db_path):
            report = reparse(
                paths, db_path=db_path, exports_dir=exports_dir, sources=load_sources(sources_file)
            )
    except ArchiveLocked as exc:
        click.echo(f"blogarchive: {exc}", err=True)
        sys.exit(EXIT_LOCKED)
    except (SourceConfigError, ArchiveError) as exc:
        fail(str(exc))
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
