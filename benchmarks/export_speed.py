"""Export speed: `blogarchive export` in each format against sqlite-utils dumping the same rows.

Builds an archive of 100,000 posts (synthetic headings parsed by the real
parser, stored by the real store), then times, as whole commands:

- ``sqlite-utils ARCHIVE "select <export columns> from posts"`` (a JSON array), the yardstick;
- ``blogarchive export --format F`` for every format.

Target (issue 7): each format at most 2x the yardstick.

    python benchmarks/export_speed.py [--posts 100000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.demo import synthetic_posts  # noqa: E402
from crawler.demo.site import wp_trim_words  # noqa: E402
from crawler.items import Post  # noqa: E402
from crawler.normalising import normalise_post  # noqa: E402
from crawler.store import EXPORT_KEYS, Archive  # noqa: E402

BIN = Path(sys.executable).parent
FORMATS = ("json", "jsonl", "csv", "ris", "bibtex", "csljson")


def build(db: Path, count: int) -> None:
    with Archive(db) as archive:
        archive.register_source("bmjleader", "wordpress", "https://blogs.bmj.com/bmjleader/")
        batch = []
        for demo in synthetic_posts(count):
            post = normalise_post(
                Post(
                    url=f"https://blogs.bmj.com/bmjleader/{demo.path()}",
                    source="bmjleader",
                    heading=demo.heading,
                    teaser=wp_trim_words(demo.body),
                    published=demo.date,
                )
            )
            row = asdict(post)
            del row["listing_url"]
            batch.append(row)
            if len(batch) == 500:
                archive.save_posts(batch, seen_at="2026-11-22T00:00:00+00:00")
                batch = []
        if batch:
            archive.save_posts(batch, seen_at="2026-11-22T00:00:00+00:00")


def timed(command: list[str], cwd: Path, stdout: Path | None = None) -> float:
    started = time.perf_counter()
    with open(stdout or "/dev/null", "wb") as out:
        subprocess.run(command, cwd=cwd, stdout=out, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--posts", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="blogarchive-export-") as tmp:
        work = Path(tmp)
        started = time.perf_counter()
        build(work / "a.sqlite", args.posts)
        print(f"built an archive of {args.posts} posts in {time.perf_counter() - started:.0f}s")
        columns = ", ".join(EXPORT_KEYS)
        yardstick = timed(
            [str(BIN / "sqlite-utils"), "a.sqlite", f"select {columns} from posts"],
            work,
            work / "dump.json",
        )
        print(f"  sqlite-utils JSON dump  {yardstick:6.1f}s  (yardstick)")
        for fmt in FORMATS:
            seconds = timed(
                [str(BIN / "blogarchive"), "export", "--format", fmt, "--db", "a.sqlite",
                 "-o", f"out-{fmt}"],
                work,
            )  # fmt: skip
            print(f"  export --format {fmt:8} {seconds:6.1f}s  {seconds / yardstick:.2f}x "
                  f"(target <= 2x)", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
