"""Print how many headings per second ``parse_heading`` parses on one core.

    .venv/bin/python benchmarks/headings_speed.py [--repeat 200] [--runs 5]

Parses the labelled table (tests/headings_table.py) repeated ``--repeat`` times,
``--runs`` times over, and reports the best run (least disturbed by other load).
The target is at least 50,000 headings/s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from crawler.parsing.headings import parse_heading

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from headings_table import ROWS  # noqa: E402

TARGET = 50_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="table copies per run")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    work = [(row.heading, row.known_series) for row in ROWS] * args.repeat
    best = float("inf")
    for _ in range(args.runs):
        start = time.perf_counter()
        for heading, known in work:
            parse_heading(heading, known_series=known)
        best = min(best, time.perf_counter() - start)
    rate = len(work) / best
    verdict = "ok" if rate >= TARGET else "BELOW TARGET"
    print(f"{len(work):,} headings ({len(ROWS)} distinct) in {best:.3f} s (best of {args.runs})")
    print(f"{rate:,.0f} headings/s on one core; target {TARGET:,}: {verdict}")


if __name__ == "__main__":
    main()
