"""The ``blogarchive`` command line.

Each command is a thin call into the library; library errors become one line
on stderr and a documented exit status:
0 ok, 1 some source degraded or failed, 2 usage or config error.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click

from crawler.crawling import CrawlOutcome, run_crawl
from crawler.sources import SourceConfigError, load_sources, select_sources
from crawler.store import ArchiveError

EXIT_OK, EXIT_DEGRADED, EXIT_USAGE = 0, 1, 2


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
    try:
        outcomes = run_crawl(
            selected,
            db_path=db_path,
            exports_dir=exports_dir,
            max_pages=max_pages,
            sources_file=sources_file,
            settings=_scrapy_setting(settings),
            log_level="INFO" if verbose else "WARNING",
        )
    except ArchiveError as exc:
        _fail(str(exc))
    _report(outcomes)
    sys.exit(EXIT_OK if all(o.status == "ok" for o in outcomes) else EXIT_DEGRADED)


def _report(outcomes: list[CrawlOutcome]) -> None:
    for outcome in outcomes:
        line = f"{outcome.source}: {outcome.status}: {outcome.message}"
        if outcome.status in ("ok", "degraded"):
            line += (
                f"; {outcome.entries} entries, {outcome.posts_new} new, "
                f"{outcome.posts_updated} updated, {outcome.posts_unchanged} unchanged"
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


@cli.command("parse-heading")
@click.argument("heading")
def parse_heading_command(heading: str) -> None:
    """Print the fields parsed from one listing HEADING as JSON."""
    from crawler.parsing.headings import parse_heading

    click.echo(json.dumps(asdict(parse_heading(heading)), ensure_ascii=False, indent=2))


def _fail(message: str) -> None:
    click.echo(f"blogarchive: {message}", err=True)
    sys.exit(EXIT_USAGE)


def main() -> None:
    cli()
