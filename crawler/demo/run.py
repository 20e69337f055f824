"""``blogarchive demo``: the whole flow on a bundled offline copy, no network."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from crawler.crawling import run_crawl
from crawler.demo.server import MirrorServer
from crawler.demo.site import build_site, demo_posts
from crawler.sources import load_sources
from crawler.store import Archive

DEMO_SOURCE = "bmjleader"
SHOWN = 8  # posts printed as a sample
# A local copy needs no politeness delays; robots.txt is still obeyed.
LOCAL_SETTINGS = {"AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0}


def run_demo(
    db_path: Path,
    exports_dir: Path,
    *,
    theme: str | None = None,
    echo: Callable[[str], None] = print,
) -> int:
    """Build and serve the offline blog, crawl it into ``db_path``; return an exit status."""
    for stale in (
        db_path,
        db_path.with_name(db_path.name + "-wal"),
        db_path.with_name(db_path.name + "-shm"),
    ):
        stale.unlink(missing_ok=True)
    warc_dir = db_path.with_name(db_path.stem + "-warc")
    shutil.rmtree(warc_dir, ignore_errors=True)
    source = load_sources()[DEMO_SOURCE]
    with (
        tempfile.TemporaryDirectory(prefix="blogarchive-demo-") as root,
        MirrorServer(root) as server,
    ):
        site = build_site(Path(root), demo_posts(), site_url=server.url, theme=theme or "bmj-hero")
        echo(f"Serving an offline copy of the {source.title} at {site.start_url}")
        local = replace(source, start_urls=(site.start_url,))
        [outcome] = run_crawl(
            [local],
            db_path=str(db_path),
            exports_dir=str(exports_dir),
            settings={**LOCAL_SETTINGS, "WARC_DIR": str(warc_dir)},
        )
    echo(f"Crawl {outcome.status}: {outcome.message}")
    with Archive(db_path, read_only=True) as archive:
        posts = list(archive.export_rows())
    echo(
        f"Stored {len(posts)} posts in {db_path} ({outcome.new} new); "
        f"exports in {exports_dir}/posts.json and posts.jsonl"
    )
    echo("")
    for post in posts[:SHOWN]:
        echo(describe(post))
    if len(posts) > SHOWN:
        echo(f"  ... and {len(posts) - SHOWN} more")
    echo("")
    echo("Query it, for example:")
    echo(f'  sqlite-utils {db_path} "select title, authors from posts where series is not null"')
    echo(f"  sqlite-utils search {db_path} posts leadership --limit 5")
    echo(f"The pages themselves are kept in {warc_dir}/ (WARC); rebuild from them with:")
    echo(f"  blogarchive reparse --warc-dir {warc_dir} --db {db_path}")
    return 0 if outcome.status == "ok" else 1


def describe(post: dict) -> str:
    """Two lines saying what the parser made of a stored post."""
    series = ""
    if post["series"]:
        part = f", part {post['series_part']}" if post["series_part"] else ""
        series = f"  [series: {post['series']}{part}]"
    if post["kind"] == "interview" and post["subject"]:
        who = f"interview with {post['subject']}"
    else:
        names = ", ".join(post["authors"]) + (" and colleagues" if post["authors_more"] else "")
        who = f"{post['kind']} by {names}" if names else f"{post['kind']}, no byline"
    return f"  {post['title']}{series}\n    {who}"
