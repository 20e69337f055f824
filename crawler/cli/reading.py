"""The commands that only read the archive: search, stats, export, serve, runs, parse-heading."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from crawler.cli import cli, fail
from crawler.parsing.headings import KINDS
from crawler.sources import load_sources
from crawler.store import Archive, ArchiveError, run_changes


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
        fail(str(exc))


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
            fail(str(exc))
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
        fail(f"{folder} is not empty: name a new collection folder with -o")
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
            fail(str(exc))
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
        fail(str(error))


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
        fail(str(exc))
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
