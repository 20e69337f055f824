"""Print how fast ``Archive.save_posts`` stores posts, and export's peak memory.

    .venv/bin/python benchmarks/store_speed.py [--posts 20000]

Saves synthetic posts in batches of 10 (one listing page) into a fresh file
database, then saves them all again (a re-crawl: every post unchanged), then
compares the Python peak memory (tracemalloc) of exporting 2,000 and 20,000 posts.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from crawler.exporting import write_json_exports
from crawler.store import Archive, utc_now

BATCH = 10


def make_posts(count: int) -> list[dict[str, Any]]:
    """Posts shaped like the normaliser's output, with unique urls."""
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


def save_rate(archive: Archive, posts: list[dict[str, Any]]) -> float:
    """Posts per second of saving ``posts`` in batches of ``BATCH``."""
    start = time.perf_counter()
    for offset in range(0, len(posts), BATCH):
        archive.save_posts(posts[offset : offset + BATCH], seen_at=utc_now())
    return len(posts) / (time.perf_counter() - start)


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
    count = parser.parse_args().posts
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        posts = make_posts(count)
        with Archive(folder / "speed.sqlite") as archive:
            archive.register_source("bench", "wordpress", "https://blog.example.org/")
            first = save_rate(archive, posts)
            again = save_rate(archive, posts)
        print(f"save_posts, batches of {BATCH}, {count:,} posts into a fresh file DB:")
        for label, rate in (("first crawl (all new)", first), ("re-crawl (all unchanged)", again)):
            print(f"  {label:<26} {rate:10,.0f} posts/s  ({BATCH / rate * 1e3:.3f} ms/batch)")
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
