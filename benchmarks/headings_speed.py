"""Print how fast headings are parsed, posts normalised and a source's series re-labelled.

    .venv/bin/python benchmarks/headings_speed.py [--repeat 200] [--runs 5] [--posts 20000]

1. ``parse_heading`` over the labelled table (tests/headings_table.py) repeated
   ``--repeat`` times: the best of ``--runs`` runs (least disturbed by other load).
   Target: at least 50,000 headings/s.
2. ``normalise_post`` (what the normalise pipeline runs) over ``--posts`` synthetic posts
   (``crawler.demo.synthetic_posts``; the teaser is the first 55 words of the body
   and ``[…]``, as a WordPress listing shows it), fresh posts each run: µs per post.
3. ``recurrence.relabelled`` over the stored heading fields of those posts, as a
   crawl's end re-labels one source: seconds per call.

For 2 and 3 the median and the best of ``--runs`` runs are printed, in CPU time of
this process: on shared cores, wall time mostly measures the other work.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from crawler.demo import synthetic_posts
from crawler.items import Post
from crawler.normalising import normalise_post
from crawler.parsing.headings import parse_heading
from crawler.parsing.recurrence import heading_fields, relabelled

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from headings_table import ROWS  # noqa: E402

TARGET = 50_000
TEASER_WORDS = 55


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="table copies per run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--posts", type=int, default=20_000, help="synthetic posts")
    args = parser.parse_args()

    table_speed(args.repeat, args.runs)
    posts = normalise_speed(args.posts, args.runs)
    relabel_speed(posts, args.runs)


def table_speed(repeat: int, runs: int) -> None:
    work = [(row.heading, row.known_series) for row in ROWS] * repeat
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        for heading, known in work:
            parse_heading(heading, known_series=known)
        best = min(best, time.perf_counter() - start)
    rate = len(work) / best
    verdict = "ok" if rate >= TARGET else "BELOW TARGET"
    print(f"{len(work):,} headings ({len(ROWS)} distinct) in {best:.3f} s (best of {runs})")
    print(f"{rate:,.0f} headings/s on one core; target {TARGET:,}: {verdict}")


def normalise_speed(count: int, runs: int) -> list[Post]:
    """Time the normalise pipeline; return the posts it normalised last."""
    demo = synthetic_posts(count)
    micros = []
    for _ in range(runs):
        posts = [_post(demo_post.heading, demo_post.path(), demo_post.body) for demo_post in demo]
        start = time.process_time()
        for post in posts:
            normalise_post(post)  # no known series, as on a first crawl
        micros.append((time.process_time() - start) / count * 1e6)
    print(
        f"normalise_post: {statistics.median(micros):.1f} µs/post median, "
        f"{min(micros):.1f} best of {runs} ({count:,} synthetic posts)"
    )
    return posts


def relabel_speed(posts: list[Post], runs: int) -> None:
    # The rows the store gives relabelled: url, heading, author_source and heading fields.
    names = ("url", "heading", "author_source", *heading_fields(parse_heading("")))
    rows = [{name: getattr(post, name) for name in names} for post in posts]
    seconds = []
    for _ in range(runs):
        start = time.process_time()
        changed = relabelled(rows)
        seconds.append(time.process_time() - start)
    print(
        f"relabelled: {statistics.median(seconds):.3f} s median, {min(seconds):.3f} best "
        f"of {runs} ({len(rows):,} headings, {len(changed):,} re-labelled)"
    )


def _post(heading: str, path: str, body: str) -> Post:
    teaser = " ".join(body.split()[:TEASER_WORDS]) + " […]"
    url = f"https://blogs.bmj.com/bmjleader/{path}"
    return Post(url=url, source="bmjleader", heading=heading, teaser=teaser, listing_url=url)


if __name__ == "__main__":
    main()
