"""``reparse`` in worker processes: the same archive whatever the number of workers."""

from __future__ import annotations

import gzip
import json

import pytest

from crawler.demo.site import build_site, synthetic_posts
from crawler.reparse import reparse
from crawler.sources import load_sources
from crawler.warc import Exchange, WarcWriter

SITE = "https://blogs.example"


def _write_warc(tmp_path, *, corrupt_page: int | None = None):
    """A WARC of a generated blog's listing pages, as a crawl of it would have written."""
    site = build_site(
        tmp_path / "site",
        synthetic_posts(60),
        site_url=SITE,
        theme="bmj-hero",
        articles=False,
        feed=False,
        tag_archive=False,
        variants=False,
    )
    root = tmp_path / "site" / "bmjleader"
    pages = [root / "index.html", *(root / "page" / str(n) / "index.html" for n in range(2, 7))]
    with WarcWriter(tmp_path / "warc", run_name="bmjleader-test") as writer:
        for number, page in enumerate(pages, start=1):
            url = site.start_url if number == 1 else f"{site.start_url}page/{number}/"
            body = gzip.compress(page.read_bytes())
            if number == corrupt_page:
                body = body[:40]  # a gzip stream cut short: the page cannot be read
            writer.write(
                Exchange(
                    url=url,
                    method="GET",
                    request_headers=[("Accept", "text/html")],
                    status=200,
                    reason="OK",
                    response_headers=[
                        ("Content-Type", "text/html; charset=utf-8"),
                        ("Content-Encoding", "gzip"),
                    ],
                    body=body,
                    fetched_at=f"2024-05-01T10:00:0{number}Z",
                    source="bmjleader",
                    kind="listing",
                    extra={"start_url": site.start_url},
                )
            )
    return writer.path, len(pages)


def _posts(exports):
    rows = json.loads((exports / "posts.json").read_text(encoding="utf-8"))
    for row in rows:
        row.pop("first_seen"), row.pop("last_seen")
    return sorted(rows, key=lambda row: row["url"])


@pytest.mark.parametrize("workers", [0, 1, 3])
def test_every_number_of_workers_gives_the_same_archive(tmp_path, workers):
    warc, pages = _write_warc(tmp_path)
    in_process = reparse(
        [warc], db_path=tmp_path / "a.sqlite", exports_dir=tmp_path / "a", sources=load_sources(),
        workers=0,
    )  # fmt: skip
    report = reparse(
        [warc], db_path=tmp_path / "b.sqlite", exports_dir=tmp_path / "b", sources=load_sources(),
        workers=workers,
    )  # fmt: skip
    assert report.records == in_process.records == pages
    assert report.skipped == in_process.skipped == []
    posts = _posts(tmp_path / "b")
    assert len(posts) == 60
    assert posts == _posts(tmp_path / "a")


def test_a_page_that_cannot_be_read_is_skipped_with_its_offset_and_the_rest_are_kept(tmp_path):
    warc, _ = _write_warc(tmp_path, corrupt_page=3)
    report = reparse(
        [warc], db_path=tmp_path / "a.sqlite", exports_dir=tmp_path / "a", sources=load_sources(),
        workers=2,
    )  # fmt: skip
    assert len(report.skipped) == 1
    assert f"{warc}: record at offset " in report.skipped[0]
    posts = _posts(tmp_path / "a")
    assert 40 <= len(posts) < 60  # every page but the third (the hero repeats across pages)
