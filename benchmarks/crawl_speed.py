"""Crawl speed and memory: the real spider and pipelines against a bare fetcher.

Generates a local copy of a blog with 2,000 listing pages (20,000 posts) and
one with 200 pages (2,000 posts), serves each from a separate process on
127.0.0.1, and crawls it (a) with ``scrapy crawl bmjleader`` and all
pipelines into a fresh SQLite archive, (b) with a bare spider that fetches the
same pages and stores nothing. Prints pages/s, their ratio and peak memory.

Targets (issue 2): full pipeline >= 70% of the bare pages/s; peak memory for
20,000 posts within 1.5x of that for 2,000.

    python benchmarks/crawl_speed.py [--pages 2000] [--theme bmj-hero]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.demo.site import build_site, synthetic_posts  # noqa: E402

BIN = Path(sys.executable).parent
LOCAL = [
    "-s",
    "AUTOTHROTTLE_ENABLED=False",
    "-s",
    "DOWNLOAD_DELAY=0",
    "-s",
    "LOG_LEVEL=INFO",
    "-s",
    "ROBOTSTXT_OBEY=False",
]


def serve(root: Path) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.demo.server", str(root)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    return server, server.stdout.readline().strip()


def run(command: list[str]) -> tuple[float, int, str]:
    """(elapsed seconds from Scrapy's own stats, peak RSS in MiB, log) of one crawl process."""
    with tempfile.TemporaryFile("w+") as log:
        child = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        log.seek(0)
        text = log.read()
    if status != 0:
        raise SystemExit(f"crawl failed ({status}):\n{text[-3000:]}")
    elapsed = float(re.search(r"'elapsed_time_seconds': ([\d.]+)", text).group(1))
    return elapsed, usage.ru_maxrss // 1024, text


def measure(pages: int, theme: str, workdir: Path) -> dict[str, float]:
    root = workdir / f"site-{pages}"
    root.mkdir()
    server, url = serve(root)
    try:
        started = time.perf_counter()
        site = build_site(
            root,
            synthetic_posts(pages * 10),
            site_url=url,
            theme=theme,
            articles=False,
            variants=False,
            tag_archive=False,
        )
        print(
            f"  built {site.listing_pages} pages in {time.perf_counter() - started:.1f}s",
            flush=True,
        )
        full_s, full_mb, _ = run(
            [
                str(BIN / "scrapy"),
                "crawl",
                "bmjleader",
                "-a",
                f"start_url={site.start_url}",
                "-s",
                f"ARCHIVE_DB={workdir}/bench-{pages}.sqlite",
                "-s",
                f"EXPORTS_DIR={workdir}/exports-{pages}",
                *LOCAL,
            ]
        )
        # The same spider with the pipelines off: what storing costs on top of parsing.
        nopipe_s, _, _ = run(
            [
                str(BIN / "scrapy"),
                "crawl",
                "bmjleader",
                "-a",
                f"start_url={site.start_url}",
                "-s",
                "ITEM_PIPELINES={}",
                "-s",
                f"ARCHIVE_DB={workdir}/nopipe-{pages}.sqlite",
                *LOCAL,
            ]
        )
        bare_s, bare_mb, _ = run(
            [
                str(BIN / "scrapy"),
                "runspider",
                str(REPO / "benchmarks" / "bare_spider.py"),
                "-a",
                f"start_url={site.start_url}",
                "-a",
                f"pages={pages}",
                *LOCAL,
            ]
        )
    finally:
        server.terminate()
        server.wait()
    return {
        "pages": site.listing_pages,
        "full_pps": site.listing_pages / full_s,
        "bare_pps": site.listing_pages / bare_s,
        "nopipe_pps": site.listing_pages / nopipe_s,
        "full_mb": full_mb,
        "bare_mb": bare_mb,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--theme", default="bmj-hero")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="blogarchive-bench-") as tmp:
        results = {}
        for pages in (args.pages // 10, args.pages):
            print(f"{pages} listing pages ({pages * 10} posts):", flush=True)
            r = results[pages] = measure(pages, args.theme, Path(tmp))
            print(f"  full pipeline {r['full_pps']:.0f} pages/s, peak {r['full_mb']} MiB")
            print(f"  no pipelines  {r['nopipe_pps']:.0f} pages/s (same spider, nothing stored)")
            print(f"  bare spider   {r['bare_pps']:.0f} pages/s, peak {r['bare_mb']} MiB")
            print(
                f"  ratio full/bare: {r['full_pps'] / r['bare_pps']:.2f} (target >= 0.70); "
                f"full/no pipelines: {r['full_pps'] / r['nopipe_pps']:.2f}"
            )
    small, large = results[args.pages // 10], results[args.pages]
    print(
        f"peak memory {large['full_mb']} MiB for {args.pages * 10} posts vs "
        f"{small['full_mb']} MiB for {args.pages} posts: "
        f"{large['full_mb'] / small['full_mb']:.2f}x (target <= 1.5x)"
    )


if __name__ == "__main__":
    main()
