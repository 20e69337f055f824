"""Print how many listing pages per second ``parse_listing`` parses on one core.

    .venv/bin/python benchmarks/listing_parse_speed.py [--pages 200] [--runs 5] [--theme T]

Builds ``--pages`` listing pages (10 entries each, with the demo's URL variants) of
every demo theme, or only ``--theme``, with ``build_site`` in a temporary directory,
and parses each page once from bytes, as the spider and ``blogarchive reparse`` do.
Each of the ``--runs`` runs builds its blog from other posts, so that no run parses
a page an earlier one has seen (the parser memoises per-site facts such as resolved
menu links, which a real crawl gains from too, but not whole pages). Reports pages per
CPU second of the best run per theme and overall: CPU time rather than wall time, and
the best run, because other processes share the machine's cores.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.demo.site import THEMES, build_site, synthetic_posts  # noqa: E402
from crawler.demo.themes import page_param  # noqa: E402
from crawler.parsing.listing import parse_listing  # noqa: E402
from crawler.parsing.urls import post_permalink_pattern  # noqa: E402

SITE_URL = "http://127.0.0.1:8123"
PER_PAGE = 10


def listing_pages(
    out_dir: Path, theme: str, pages: int, seed: int
) -> tuple[str, list[tuple[bytes, str]]]:
    """(start URL, [(page bytes, page URL)]) of a freshly built demo blog in ``theme``."""
    site = build_site(
        out_dir,
        synthetic_posts(pages * PER_PAGE, seed=seed),
        site_url=SITE_URL,
        theme=theme,
        per_page=PER_PAGE,
        tag_archive=False,
        articles=False,
        feed=False,
    )
    root = out_dir / "bmjleader"
    param = page_param(theme)  # pages a query numbers are saved as index.html?param=N
    found = [((root / "index.html").read_bytes(), site.start_url)]
    for n in range(2, site.listing_pages + 1):
        if param:
            path, url = f"index.html?{param}={n}", f"{site.start_url}?{param}={n}"
        else:
            path, url = f"page/{n}/index.html", f"{site.start_url}page/{n}/"
        found.append(((root / path).read_bytes(), url))
    return site.start_url, found


def parse_time(pages: list[tuple[bytes, str]], start_url: str) -> float:
    """CPU seconds to parse every page once."""
    post_url = post_permalink_pattern(start_url)
    started = time.process_time()
    for data, url in pages:
        parse_listing(data, url, post_url)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=200, help="listing pages per theme")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--theme", choices=THEMES, help="only this theme")
    args = parser.parse_args()

    total_pages, total_time = 0, 0.0
    for theme in [args.theme] if args.theme else THEMES:
        best, size = float("inf"), 0.0
        for run in range(args.runs):
            with tempfile.TemporaryDirectory() as tmp:
                start_url, pages = listing_pages(Path(tmp), theme, args.pages, seed=run)
            best = min(best, parse_time(pages, start_url))
            size = sum(len(data) for data, _ in pages) / len(pages) / 1024
        print(f"{theme:19} {len(pages) / best:6,.0f} pages/s  ({size:.0f} KB/page)")
        total_pages, total_time = total_pages + len(pages), total_time + best
    print(f"{'all':19} {total_pages / total_time:6,.0f} pages/s (best of {args.runs} per theme)")


if __name__ == "__main__":
    main()
