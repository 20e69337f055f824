"""End-to-end: real Scrapy crawls of offline blog copies, read back from SQLite and exports."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from crawler.demo.site import THEMES, build_site, demo_posts
from crawler.parsing.urls import canonical_post_url
from crawler.store import Archive
from tests.conftest import scrapy_crawl

EXPORT_KEYS = [
    "url",
    "source",
    "heading",
    "title",
    "series",
    "series_part",
    "authors",
    "authors_more",
    "kind",
    "subject",
    "teaser",
    "teaser_truncated",
    "originally_published_at",
    "published",
    "first_seen",
    "last_seen",
    "cms_author",
    "tags",
    "reading_minutes",
    "body_text",
    "author_bio",
    "partial",
    "published_raw",
    "date_precision",
    "date_relative",
    "modified",
    "word_count",
    "canonical_url",
]


def read_posts(db: Path) -> list[dict]:
    with Archive(db, read_only=True) as archive:
        return list(archive.export_rows())


def last_run(db: Path) -> dict:
    with Archive(db, read_only=True) as archive:
        return archive.latest_runs(limit=1)[0]


@pytest.mark.parametrize("theme", THEMES)
def test_crawl_stores_every_post_once_in_every_theme(serve_site, tmp_path, theme):
    server, site = serve_site(theme)
    db, exports = tmp_path / "archive.sqlite", tmp_path / "exports"

    result = scrapy_crawl(site.start_url, db, exports)

    assert result.returncode == 0, result.stderr[-3000:]
    posts = read_posts(db)
    urls = [p["url"] for p in posts]
    assert len(urls) == len(set(urls))
    assert set(urls) == {canonical_post_url(u) for u in site.post_urls}
    assert all(p["source"] == "bmjleader" for p in posts)
    run = last_run(db)
    assert run["status"] == "ok", run
    assert run["pages"] == site.listing_pages
    assert run["posts_new"] == len(site.post_urls)
    # Crawl traps are stripped from followed links, so the server never sees them.
    assert not [p for p in server.log.paths() if "cat=" in p or "submit=" in p]


def test_crawl_parses_headings_and_teasers(serve_site, tmp_path):
    _, site = serve_site("bmj-hero")
    db, exports = tmp_path / "a.sqlite", tmp_path / "exports"
    scrapy_crawl(site.start_url, db, exports)
    by_heading = {p["heading"]: p for p in read_posts(db)}

    pharmacy = by_heading["Pharmacy Leadership in Medicines Equity. By Anisha Soni"]
    assert pharmacy["title"] == "Pharmacy Leadership in Medicines Equity"
    assert pharmacy["authors"] == ["Anisha Soni"]
    assert pharmacy["teaser_truncated"] is True
    assert pharmacy["teaser"].startswith("Earlier this year the NHS Business Services Authority")
    assert not pharmacy["teaser"].endswith(("[…]", "Read More…"))

    blog2 = next(p for h, p in by_heading.items() if h.startswith("Blog 2: We need to talk"))
    assert blog2["series"] == "We need to talk about professionalism"
    assert blog2["series_part"] == 2
    assert blog2["authors"] == ["Jo Hartland", "Karen Chui", "Xander Stephenson-Allen"]

    monk = next(p for h, p in by_heading.items() if h.endswith("By Dr. Stuart Monk"))
    assert monk["originally_published_at"] == "Health Innovation Network"


def test_export_holds_the_whole_archive_with_the_documented_keys(serve_site, tmp_path):
    _, site = serve_site("bmj-hero")
    db, exports = tmp_path / "a.sqlite", tmp_path / "exports"
    scrapy_crawl(site.start_url, db, exports)

    array = json.loads((exports / "posts.json").read_text(encoding="utf-8"))
    lines = (exports / "posts.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(array) == len(lines) == len(site.post_urls)
    assert [json.loads(line) for line in lines] == array
    for post in array:
        assert list(post) == EXPORT_KEYS
    assert not list(exports.glob("*.tmp*"))


def test_second_crawl_adds_nothing_and_changes_nothing(serve_site, tmp_path):
    _, site = serve_site("underscores-numbers")
    db, exports = tmp_path / "a.sqlite", tmp_path / "exports"
    scrapy_crawl(site.start_url, db, exports)
    before = read_posts(db)

    result = scrapy_crawl(site.start_url, db, exports)

    assert result.returncode == 0
    after = read_posts(db)
    strip = [{k: v for k, v in p.items() if k != "last_seen"} for p in after]
    assert strip == [{k: v for k, v in p.items() if k != "last_seen"} for p in before]
    run = last_run(db)
    assert (run["posts_new"], run["posts_updated"]) == (0, 0)
    # Incremental: page 1 is unchanged since the first crawl: it answers 304 and the walk stops.
    assert run["pages"] == 1 and run["posts_unchanged"] == 0

    scrapy_crawl(site.start_url, db, exports, "-s", "FULL_CRAWL=True")
    run = last_run(db)
    assert run["pages"] == site.listing_pages
    assert (run["posts_new"], run["posts_updated"], run["posts_unchanged"]) == (0, 0, len(before))
    with Archive(db, read_only=True) as archive:
        assert all(archive.versions(p["url"]) == [] for p in after)


def test_changed_teaser_updates_the_row_and_keeps_the_old_one(serve_site, tmp_path):
    posts = demo_posts()
    server, site = serve_site("cards", posts)
    db, exports = tmp_path / "a.sqlite", tmp_path / "exports"
    scrapy_crawl(site.start_url, db, exports)
    old_teaser = next(p["teaser"] for p in read_posts(db) if p["heading"] == posts[1].heading)

    edited = replace(posts[1], body="Edited opening. " + posts[1].body)
    build_site(server.root, [posts[0], edited, *posts[2:]], site_url=server.url, theme="cards")
    scrapy_crawl(site.start_url, db, exports)

    run = last_run(db)
    assert (run["posts_new"], run["posts_updated"]) == (0, 1)
    [changed] = [p for p in read_posts(db) if p["heading"] == posts[1].heading]
    assert changed["teaser"].startswith("Edited opening.")
    with Archive(db, read_only=True) as archive:
        [version] = archive.versions(changed["url"])
    assert version["teaser"] == old_teaser


def test_max_pages_limits_the_walk(serve_site, tmp_path):
    _, site = serve_site("block-theme")
    db = tmp_path / "a.sqlite"
    scrapy_crawl(site.start_url, db, tmp_path / "exports", "-a", "max_pages=2")
    assert last_run(db)["pages"] == 2


def test_pages_past_the_end_that_only_repeat_listed_posts_end_the_walk(serve_site, tmp_path):
    # A site that answers any page number (a page builder's ?avia-element-paging=N shows its
    # post slider past the end): the guessed walk stops at the first page with nothing new.
    server, site = serve_site("underscores-numbers")
    pages = server.root / "bmjleader" / "page"
    last = (pages / str(site.listing_pages) / "index.html").read_text(encoding="utf-8")
    for n in range(site.listing_pages + 1, site.listing_pages + 6):
        (pages / str(n)).mkdir()
        (pages / str(n) / "index.html").write_text(last, encoding="utf-8")
    db = tmp_path / "a.sqlite"

    result = scrapy_crawl(site.start_url, db, tmp_path / "exports")

    assert result.returncode == 0, result.stderr[-3000:]
    assert len(read_posts(db)) == len(site.post_urls)
    run = last_run(db)
    assert (run["status"], run["pages"]) == ("ok", site.listing_pages)
    requested = server.log.paths()
    assert f"/bmjleader/page/{site.listing_pages + 1}/" in requested
    assert f"/bmjleader/page/{site.listing_pages + 2}/" not in requested


def test_a_crawl_opens_no_console_into_itself(serve_site, tmp_path):
    _, site = serve_site("block-theme")
    result = scrapy_crawl(site.start_url, tmp_path / "a.sqlite", tmp_path / "exports")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Spider closed (finished)" in result.stderr
    # Scrapy's telnet console and its remote-control HTTP server (which runs posted code).
    assert "TelnetConsole" not in result.stderr
    assert "RemoteControl" not in result.stderr
    assert "Remote control HTTP server" not in result.stderr


def test_a_crawl_in_one_process_stores_what_the_background_processes_store(serve_site, tmp_path):
    _, site = serve_site(THEMES[0])
    stored = {}
    for background in ("True", "False"):
        db, exports = tmp_path / f"{background}.sqlite", tmp_path / f"exports-{background}"
        result = scrapy_crawl(
            site.start_url, db, exports, "-s", f"BACKGROUND_PROCESSES={background}",
            "-s", f"WARC_DIR={tmp_path / background}",
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        assert last_run(db)["status"] == "ok"
        assert len(list((tmp_path / background).glob("*.warc.gz"))) == 1
        posts = json.loads((exports / "posts.json").read_text(encoding="utf-8"))
        # What differs between two runs: when things were seen and read.
        moments = ("first_seen", "last_seen", "article_fetched")
        stored[background] = sorted(
            ({**p, **dict.fromkeys(moments)} for p in posts), key=lambda p: p["url"]
        )
    assert len(stored["True"]) == len(site.post_urls)
    assert stored["True"] == stored["False"]
