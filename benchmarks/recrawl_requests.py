"""What a scheduled re-crawl costs the site, in requests, with conditional requests.

Builds a local copy of a blog with 200 listing pages (2,000 posts, their own
pages too), serves it from this process (the server logs every request),
crawls it once with ``blogarchive crawl`` through a sources file, then:

- re-crawls with nothing new (target: at most 2 page requests, robots.txt
  aside: page 1 answered ``304``);
- adds 15 posts and re-crawls (target: at most 3 listing pages plus the 15
  new posts' own pages).

Prints the figures; nothing is timed or asserted.

    python benchmarks/recrawl_requests.py [--pages 200] [--theme bmj-hero]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.demo.server import MirrorServer  # noqa: E402
from crawler.demo.site import DemoPost, build_site, synthetic_posts  # noqa: E402

BIN = Path(sys.executable).parent
SOURCE = "bench"
LOCAL = [
    "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
    "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "-s", "PROGRESS_ENABLED=False",
]  # fmt: skip


def new_posts(count: int) -> list[DemoPost]:
    """``count`` posts newer than any synthetic one (those end in 2023)."""
    return [
        DemoPost(
            heading=f"Leading through winter, lesson {i + 1} by Deepa Okafor",
            slug=f"leading-through-winter-lesson-{i + 1}",
            date=f"2024-02-{i + 1:02d}",
            body=f"Lesson {i + 1} from a winter on the wards. " * 30,
        )
        for i in range(count)
    ]


def crawl(work: Path, sources: Path) -> tuple[float, str]:
    command = [
        str(BIN / "blogarchive"), "crawl", SOURCE, "--sources", str(sources),
        "--db", str(work / "archive.sqlite"), "--exports", str(work / "exports"),
        "--warc-dir", str(work / "warc"), *LOCAL,
    ]  # fmt: skip
    started = time.perf_counter()
    result = subprocess.run(command, cwd=work, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"crawl failed ({result.returncode}):\n{result.stderr[-3000:]}")
    return time.perf_counter() - started, result.stdout.strip()


def requests_since(server: MirrorServer, before: int, base: str) -> Counter[str]:
    """The requests after the first ``before``, by kind: listing 200/304, article, robots."""
    counts: Counter[str] = Counter()
    for _, path, status in server.log.entries[before:]:
        if path == "/robots.txt":
            counts["robots.txt"] += 1
        elif path == base or path.startswith(base + "page/"):
            counts[f"listing {status}"] += 1
        else:
            counts[f"other {status}" if status != 200 else "article 200"] += 1
    return counts


def report(title: str, seconds: float, line: str, counts: Counter[str], target: str) -> None:
    pages = sum(n for kind, n in counts.items() if kind != "robots.txt")
    listing = sum(n for kind, n in counts.items() if kind.startswith("listing"))
    detail = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
    print(f"{title}: {pages} page request(s), {listing} listing ({detail}) in {seconds:.1f}s")
    print(f"  {line}")
    print(f"  target: {target}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--theme", default="bmj-hero")
    parser.add_argument("--new", type=int, default=15, help="posts added before the last crawl")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="blogarchive-recrawl-") as tmp:
        work = Path(tmp)
        root = work / "site"
        root.mkdir()
        with MirrorServer(root) as server:
            posts = synthetic_posts(args.pages * 10)
            options = {"site_url": server.url, "theme": args.theme, "articles": True}
            site = build_site(root, posts, **options)
            base = site.start_url.removeprefix(server.url)
            sources = work / "sources.toml"
            sources.write_text(
                f'[[source]]\nname = "{SOURCE}"\nkind = "wordpress"\n'
                f'start_urls = ["{site.start_url}"]\n',
                encoding="utf-8",
            )
            print(
                f"{site.listing_pages} listing pages, {len(site.post_urls)} posts "
                f"({args.theme}), source {SOURCE!r}",
                flush=True,
            )

            before = len(server.log.entries)
            seconds, line = crawl(work, sources)
            report(
                "first crawl", seconds, line, requests_since(server, before, base), "(all pages)"
            )

            before = len(server.log.entries)
            seconds, line = crawl(work, sources)
            counts = requests_since(server, before, base)
            report("nothing new", seconds, line, counts, "<= 2 page requests, robots.txt aside")

            time.sleep(1.1)  # Last-Modified has one-second resolution: the rebuild must be later
            build_site(root, [*new_posts(args.new), *posts], **options)
            before = len(server.log.entries)
            seconds, line = crawl(work, sources)
            counts = requests_since(server, before, base)
            report(
                f"{args.new} new posts",
                seconds,
                line,
                counts,
                f"<= 3 listing pages + {args.new} new posts' pages",
            )


if __name__ == "__main__":
    main()
