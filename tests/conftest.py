"""Shared fixtures: offline blog copies on 127.0.0.1, and commands run as a user runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from crawler.demo.server import MirrorServer
from crawler.demo.site import SiteInfo, build_site, demo_posts

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# Local copies need no politeness delay; everything else stays as shipped.
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"]


@pytest.fixture
def serve_site(tmp_path: Path) -> Iterator[Callable[..., tuple[MirrorServer, SiteInfo]]]:
    """Build an offline blog in a theme and serve it; returns (server, site info)."""
    servers: list[MirrorServer] = []

    def serve(
        theme: str, posts: Sequence | None = None, **options
    ) -> tuple[MirrorServer, SiteInfo]:
        root = tmp_path / f"site-{theme}-{len(servers)}"
        root.mkdir()
        server = MirrorServer(root).start()
        servers.append(server)
        site = build_site(root, posts or demo_posts(), site_url=server.url, theme=theme, **options)
        return server, site

    yield serve
    for server in servers:
        server.stop()


def run_command(
    args: Sequence[str], *, cwd: Path, timeout: float = 180
) -> subprocess.CompletedProcess:
    """Run a console command of this environment (``scrapy``, ``blogarchive``) as a user would."""
    # A guard: anything not on 127.0.0.1 goes to a closed local port, never to a real site.
    nowhere = "http://127.0.0.1:9"
    env = {
        **os.environ,
        "PYTHONUNBUFFERED": "1",
        "http_proxy": nowhere,
        "https_proxy": nowhere,
        "no_proxy": "127.0.0.1,localhost",
    }
    command = [str(BIN / args[0]), *args[1:]]
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def scrapy_crawl(
    start_url: str, db: Path, exports: Path, *extra: str
) -> subprocess.CompletedProcess:
    """``scrapy crawl bmjleader`` from the repository root against a local copy."""
    return run_command(
        [
            "scrapy",
            "crawl",
            "bmjleader",
            "-a",
            f"start_url={start_url}",
            "-s",
            f"ARCHIVE_DB={db}",
            "-s",
            f"EXPORTS_DIR={exports}",
            "-s",
            f"WARC_DIR={db.parent / 'warc'}",
            *FAST,
            *extra,
        ],
        cwd=REPO_ROOT,
    )
