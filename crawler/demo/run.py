"""``blogarchive demo``: the whole flow on a bundled offline copy, no network."""

from __future__ import annotations

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
    source = load_sources()[DEMO_SOURCE]
    with (
        tempfile.TemporaryDirectory(prefix="blogarchive-demo-") as root,
        MirrorServer(root) as server,
    ):
        site = build_site(Path(root), demo_posts(), site_url=server.url, theme=theme or "bmj-hero")
        echo(f"Serving an offline copy of the {source.title} at {site.start_url}")
        local = replace(source, start_urls=(site.start_url,))
        [outcome] = run_crawl(
            [local], db_path=str(db_path), exports_dir=str(exports_dir), settings=LOCAL_SETTINGS
        )
    echo(f"Crawl {outcome.status}: {outcome.message}")
    with Archive(db_path, read_only=True) as archive:
        posts = list(archive.export_rows())
    echo(
        f"Stored {len(posts)} posts in {db_path} ({outcome.posts_new} new); "
        f"exports in {exports_dir}/posts.json and posts.jsonl"
    )
    echo("")
    for post in posts[:8]:
        authors = ", ".join(post["authors"]) or "-"
        series = (
            f" [{post['series']}"
            + (f" #{post['series_part']}" if post["series_part"] else "")
            + "]"
            if post["series"]
            else ""
        )
        echo(f"  {post['title']}{series}\n    by {authors} ({post['kind']})")
    if len(posts) > 8:
        echo(f"  ... and {len(posts) - 8} more")
    echo("")
    echo(f'Try: sqlite3 {db_path} "select title, authors from posts where series is not null"')
    return 0 if outcome.status == "ok" else 1
