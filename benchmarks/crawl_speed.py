"""Crawl and re-parse speed and memory on a generated local copy of a blog.

Builds a copy with 2,000 listing pages (20,000 posts) and one with 200 pages
(2,000 posts), serves each from a separate process on 127.0.0.1, and measures:

- ``scrapy crawl bmjleader`` with every pipeline, into a fresh SQLite archive
  (listing pages only: the copy has no article pages, FOLLOW_ARTICLES off);
- the same spider with the pipelines off (what storing costs on top of parsing);
- a bare spider that fetches the same pages and stores nothing;
- ``blogarchive reparse`` of the WARC file the full crawl wrote, against the
  full crawl, both as whole commands (interpreter start-up and exports included).

Targets: full pipeline >= 70% of the bare spider's pages/s (issue 2); peak
memory for 20,000 posts within 1.5x of that for 2,000 (issue 2); reparse at
least 3x faster than the live crawl (issue 5).

    python benchmarks/crawl_speed.py [--pages 2000] [--theme bmj-hero]
"""

from __future__ import annotations

import argparse
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
    "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=INFO",
    "-s", "ROBOTSTXT_OBEY=False", "-s", "FOLLOW_ARTICLES=False",
]  # fmt: skip


def serve(root: Path) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "crawler.demo.server", str(root)],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    return server, server.stdout.readline().strip()


def run(command: list[str], cwd: Path = REPO) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in MiB, output) of one child process.

    The peak is of the sum over the process and its own children (a crawl parses,
    stores and writes WARC records in child processes), sampled every 0.1 s.
    """
    with tempfile.TemporaryFile("w+") as log:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        peak_kib = 0
        while child.poll() is None:
            peak_kib = max(peak_kib, tree_rss_kib(child.pid))
            time.sleep(0.1)
        wall = time.perf_counter() - started
        log.seek(0)
        text = log.read()
    if child.returncode != 0:
        raise SystemExit(f"{command[0]} failed ({child.returncode}):\n{text[-3000:]}")
    return wall, peak_kib // 1024, text


def tree_rss_kib(root: int) -> int:
    """Resident memory of ``root`` and its descendants, from /proc (0 once it is gone)."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        except OSError:
            continue  # ended meanwhile
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        todo.extend(int(child) for child in children)
    return total


def crawl_seconds(text: str) -> float:
    """Scrapy's own elapsed time, which leaves out interpreter start-up."""
    return float(re.search(r"'elapsed_time_seconds': ([\d.]+)", text).group(1))


def measure(pages: int, theme: str, work: Path) -> dict[str, float]:
    root = work / f"site-{pages}"
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
            feed=False,
        )
        print(f"  built {site.listing_pages} pages in {time.perf_counter() - started:.1f}s")
        crawl = [str(BIN / "scrapy"), "crawl", "bmjleader", "-a", f"start_url={site.start_url}"]
        full_wall, full_mb, full_log = run([
            *crawl, "-s", f"ARCHIVE_DB={work}/full-{pages}.sqlite",
            "-s", f"EXPORTS_DIR={work}/exports-{pages}", "-s", f"WARC_DIR={work}/warc-{pages}",
            *LOCAL,
        ])  # fmt: skip
        _, _, nopipe_log = run([
            *crawl, "-s", "ITEM_PIPELINES={}", "-s", "WARC_ENABLED=False",
            "-s", f"ARCHIVE_DB={work}/nopipe-{pages}.sqlite", *LOCAL,
        ])  # fmt: skip
        _, bare_mb, bare_log = run([
            str(BIN / "scrapy"), "runspider", str(REPO / "benchmarks" / "bare_spider.py"),
            "-a", f"start_url={site.start_url}", "-a", f"pages={pages}", *LOCAL,
        ])  # fmt: skip
    finally:
        server.terminate()
        server.wait()
    reparse_s, _, _ = run([
        str(BIN / "blogarchive"), "reparse", "--warc-dir", f"{work}/warc-{pages}",
        "--db", f"{work}/reparsed-{pages}.sqlite", "--exports", f"{work}/reparsed-{pages}",
    ])  # fmt: skip
    full_s = crawl_seconds(full_log)
    return {
        "pages": site.listing_pages,
        "posts": len(site.post_urls),
        "full_s": full_s,
        "full_pps": site.listing_pages / full_s,
        "nopipe_pps": site.listing_pages / crawl_seconds(nopipe_log),
        "bare_pps": site.listing_pages / crawl_seconds(bare_log),
        "full_mb": full_mb,
        "bare_mb": bare_mb,
        "reparse_s": reparse_s,
        "full_wall": full_wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--theme", default="bmj-hero")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory(prefix="blogarchive-bench-") as tmp:
        for pages in (args.pages // 10, args.pages):
            print(f"{pages} listing pages ({pages * 10} posts):", flush=True)
            r = results[pages] = measure(pages, args.theme, Path(tmp))
            print(f"  full pipeline {r['full_pps']:.0f} pages/s, peak {r['full_mb']} MiB")
            print(f"  no pipelines  {r['nopipe_pps']:.0f} pages/s (same spider, nothing stored)")
            print(f"  bare spider   {r['bare_pps']:.0f} pages/s, peak {r['bare_mb']} MiB")
            print(
                f"  ratio full/bare {r['full_pps'] / r['bare_pps']:.2f} (target >= 0.70), "
                f"full/no pipelines {r['full_pps'] / r['nopipe_pps']:.2f}"
            )
            # Whole commands on both sides: start-up, storing and the exports included.
            print(
                f"  reparse {r['posts'] / r['reparse_s']:.0f} posts/s in {r['reparse_s']:.1f}s "
                f"vs crawl {r['posts'] / r['full_wall']:.0f} posts/s in {r['full_wall']:.1f}s "
                f"(whole commands): {r['full_wall'] / r['reparse_s']:.1f}x (target >= 3x)",
                flush=True,
            )
    small, large = results[args.pages // 10], results[args.pages]
    print(
        f"peak memory {large['full_mb']} MiB for {args.pages * 10} posts vs "
        f"{small['full_mb']} MiB for {args.pages} posts: "
        f"{large['full_mb'] / small['full_mb']:.2f}x (target <= 1.5x)"
    )


if __name__ == "__main__":
    main()
