"""``reparse`` in worker processes: the same archive whatever the number of workers."""

from __future__ import annotations

import gzip
import json

import pytest

import crawler.reparse
from crawler.demo.site import build_site, synthetic_posts
from crawler.reparse import reparse
from crawler.sources import load_sources
from crawler.warc import Exchange, WarcWriter
from tests.dying import DIE_ON, dying_parse_archived

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


def test_a_record_that_kills_its_worker_is_skipped_with_its_offset_and_a_new_worker_goes_on(
    tmp_path, monkeypatch
):
    warc, _ = _write_warc(tmp_path)
    clean = reparse(
        [warc], db_path=tmp_path / "a.sqlite", exports_dir=tmp_path / "a", sources=load_sources(),
        workers=0,
    )  # fmt: skip
    monkeypatch.setattr(crawler.reparse, "parse_archived", dying_parse_archived)
    monkeypatch.setenv(DIE_ON, "/bmjleader/page/3/")
    report = reparse(
        [warc], db_path=tmp_path / "b.sqlite", exports_dir=tmp_path / "b", sources=load_sources(),
        workers=2,
    )  # fmt: skip
    assert report.records == clean.records
    assert len(report.skipped) == 1
    assert f"{warc}: record at offset " in report.skipped[0]
    assert "stopped unexpectedly (status -9)" in report.skipped[0]
    posts = _posts(tmp_path / "b")
    assert 40 <= len(posts) < 60  # every page but the third (the hero repeats across pages)
    assert all(post in _posts(tmp_path / "a") for post in posts)


def test_records_that_kill_three_workers_in_a_row_end_the_reparse(tmp_path, monkeypatch):
    warc, _ = _write_warc(tmp_path)
    monkeypatch.setattr(crawler.reparse, "parse_archived", dying_parse_archived)
    monkeypatch.setenv(DIE_ON, ",".join(f"/bmjleader/page/{n}/" for n in (2, 3, 4)))
    report = reparse(
        [warc], db_path=tmp_path / "a.sqlite", exports_dir=tmp_path / "a", sources=load_sources(),
        workers=2,
    )  # fmt: skip
    assert len(report.skipped) == 3
    assert all(f"{warc}: record at offset " in line for line in report.skipped)
    assert report.skipped[2].endswith(
        "3 times in a row: not started again; the records after it were not re-parsed"
    )
    assert report.records == 4
    assert 0 < len(_posts(tmp_path / "a")) <= 10  # the first page's posts, exported
