"""Print the CPU time ``Archive.save_posts`` takes a post, and export's peak memory.

    .venv/bin/python benchmarks/store_speed.py [--posts 20000] [--repeat 3]

Saves the posts of a generated blog page by page (one ``save_posts`` call of
ten posts each, as the store pipeline's process does) into a fresh file
database, then saves them all again (a re-crawl: every post unchanged). The
rows are built as a crawl builds them (``store_rows.py``): every stored field,
from the listing pages alone (as ``crawl_speed.py``'s crawl sends them), and
again completed from each post's own page (text, dates, tags, canonical URL);
then the posts of the listing pages are filled in from their own pages, as a
crawl following articles saves them. Each figure is the least of ``--repeat``
runs, each into a new database: the machine's other work only ever adds to it.
Then compares the Python peak memory (tracemalloc) of exporting 2,000 and
20,000 posts.
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from store_rows import Page, listing_pages

from crawler.exporting import write_json_exports
from crawler.store import Archive, utc_now

BATCH = 10


def make_posts(count: int) -> list[dict[str, Any]]:
    """Posts shaped like the normaliser's output, with unique urls (for the export figures)."""
    return [
        {
            "url": f"https://blog.example.org/2026/{n:06d}/post-about-flow-{n}/",
            "source": "bench",
            "heading": f"Leading change, part {n % 7}: “Flow” in the ward – Göran Henriks",
            "teaser": "Improvement work starts with the people closest to the patient. " * 3,
            "title": f"Leading change {n}",
            "series": "Leading change",
            "series_part": n % 7,
            "authors": ["Göran Henriks", f"Author {n % 50}"],
            "kind": "article",
            "teaser_truncated": True,
            "published": "2026-03-01",
            "author_source": "heading",
            "parser_version": "1",
        }
        for n in range(count)
    ]


def save_costs(passes: list[list[Page]], folder: Path, repeat: int) -> list[tuple[float, float]]:
    """(CPU µs a post, posts/s) of each pass of pages saved into one new database, in turn.

    The least CPU and the best rate of ``repeat`` runs, each into a database of its own.
    """
    best = [(float("inf"), 0.0)] * len(passes)
    # The store's process holds one page at a time: keep the collector off the others.
    gc.freeze()
    for _ in range(repeat):
        with (
            tempfile.TemporaryDirectory(dir=folder) as tmp,
            Archive(Path(tmp) / "a.sqlite") as archive,
        ):
            archive.register_source("bench", "wordpress", "https://blogs.bmj.com/bmjleader/")
            for n, pages in enumerate(passes):
                seen_at = f"2026-11-{n + 1:02d}T10:00:00+00:00"
                count = sum(len(page) for page in pages)
                cpu, wall = time.process_time(), time.perf_counter()
                for page in pages:
                    archive.save_posts(page, seen_at=seen_at)
                cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
                best[n] = min(best[n][0], cpu / count * 1e6), max(best[n][1], count / wall)
    return best


def export_peak(folder: Path, count: int) -> tuple[int, int]:
    """Peak traced bytes of iterating export_rows, and of writing the JSON exports."""
    path = folder / f"export-{count}.sqlite"
    with Archive(path) as archive:
        archive.register_source("bench", "wordpress", "https://blog.example.org/")
        posts = make_posts(count)
        for offset in range(0, count, 500):
            archive.save_posts(posts[offset : offset + 500], seen_at=utc_now())
        del posts
        peaks = []
        for consume in (_iterate, lambda rows: write_json_exports(rows, folder / "out")):
            tracemalloc.start()
            consume(archive.export_rows())
            peaks.append(tracemalloc.get_traced_memory()[1])
            tracemalloc.stop()
    return peaks[0], peaks[1]


def _iterate(rows: Any) -> None:
    for _ in rows:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each save figure")
    args = parser.parse_args()
    count = args.posts
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"save_posts, a page of {BATCH} a call, {count:,} posts into a fresh file DB")
        print(f"(CPU of this process, user + system; the least of {args.repeat} runs):")
        listed = listing_pages(folder / "listed", count)
        read = listing_pages(folder / "read", count, articles=True)
        runs = [
            ("listing pages", [listed, listed], ("new", "unchanged")),
            ("with article pages", [read, read], ("new", "unchanged")),
            ("listing, then articles", [listed, read], ("new", "filled in")),
        ]
        for label, passes, cases in runs:
            costs = save_costs(passes, folder, args.repeat)
            for case, (cpu, rate) in zip(cases, costs, strict=True):
                print(f"  {label:<22} {case:<10} {cpu:7.1f} µs/post   {rate:8,.0f} posts/s")
        small_rows, small_files = export_peak(folder, count // 10)
        large_rows, large_files = export_peak(folder, count)
        print("peak Python memory (tracemalloc):")
        print(
            f"  export_rows        {count // 10:>7,}: {small_rows / 1024:8.1f} KiB"
            f"   {count:,}: {large_rows / 1024:8.1f} KiB   ratio {large_rows / small_rows:.2f}"
        )
        print(
            f"  write_json_exports {count // 10:>7,}: {small_files / 1024:8.1f} KiB"
            f"   {count:,}: {large_files / 1024:8.1f} KiB   ratio {large_files / small_files:.2f}"
        )


if __name__ == "__main__":
    main()
