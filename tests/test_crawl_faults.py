"""Bad input during a crawl: HTTP errors, timeouts, non-HTML pages, a dead site."""

from __future__ import annotations

import json

import pytest

from crawler.demo.server import Fault, MirrorServer
from crawler.demo.site import SiteInfo, build_site, demo_posts
from crawler.parsing.listing import parse_listing
from crawler.parsing.urls import canonical_post_url, post_permalink_pattern
from crawler.store import Archive
from tests.conftest import scrapy_crawl
from tests.dying import DIE_ON, RAISE_ON

DYING_READER = ["-s", "LISTING_READER=tests.dying:DyingListingReader"]


def runs_and_posts(db):
    with Archive(db, read_only=True) as archive:
        return archive.latest_runs(limit=1)[0], list(archive.export_rows())


def test_a_failing_page_is_counted_and_the_other_pages_still_crawled(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    server.faults["/bmjleader/page/3/"] = Fault(status=500)
    db = tmp_path / "a.sqlite"

    result = scrapy_crawl(site.start_url, db, tmp_path / "exports", "-s", "RETRY_TIMES=0")

    run, posts = runs_and_posts(db)
    assert run["status"] == "degraded"
    assert run["pages_failed"] == 1 and run["errors"] == 1
    assert "HTTP 500" in run["message"] and "/bmjleader/page/3/" in run["message"]
    assert run["pages"] == site.listing_pages - 1
    assert "/bmjleader/page/4/" in server.log.paths()  # the walk went on past the failure
    assert len(posts) >= len(site.post_urls) - 10
    assert "Page failed: " in result.stderr and "/bmjleader/page/3/" in result.stderr


def test_a_timeout_is_an_error_of_its_own(serve_site, tmp_path):
    server, site = serve_site("cards")
    server.faults["/bmjleader/page/2/"] = Fault(status=200, delay=3)
    db = tmp_path / "a.sqlite"

    scrapy_crawl(
        site.start_url, db, tmp_path / "exports", "-s", "DOWNLOAD_TIMEOUT=1", "-s", "RETRY_TIMES=0"
    )

    run, _ = runs_and_posts(db)
    assert run["status"] == "degraded"
    assert "timed out" in run["message"]


def test_a_page_that_is_not_html_is_reported_not_parsed(serve_site, tmp_path):
    server, site = serve_site("classless")
    server.faults["/bmjleader/page/2/"] = Fault(
        status=200, body=b"\x89PNG\r\n\x1a\n", content_type="image/png"
    )
    db = tmp_path / "a.sqlite"

    scrapy_crawl(site.start_url, db, tmp_path / "exports")

    run, _ = runs_and_posts(db)
    assert run["status"] == "degraded"
    assert "not HTML" in run["message"]


def test_a_dead_site_fails_the_run_and_loses_nothing_stored(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    db, exports = tmp_path / "a.sqlite", tmp_path / "exports"
    scrapy_crawl(site.start_url, db, exports)
    _, stored = runs_and_posts(db)
    server.stop()

    scrapy_crawl(site.start_url, db, exports, "-s", "RETRY_TIMES=0")

    run, posts = runs_and_posts(db)
    assert run["status"] == "failed"
    assert run["message"].startswith("no listing page could be read")
    assert posts == stored
    assert len((exports / "posts.jsonl").read_text().splitlines()) == len(stored)


def test_first_page_without_entries_fails_the_run(serve_site, tmp_path):
    server, site = serve_site("underscores-numbers")
    server.faults["/bmjleader/"] = Fault(
        status=200,
        body=b"<html><body><main>"
        b"<p>It seems we can't find what you're looking for.</p>"
        b"</main></body></html>",
    )
    db = tmp_path / "a.sqlite"

    scrapy_crawl(site.start_url, db, tmp_path / "exports")

    run, posts = runs_and_posts(db)
    assert run["status"] == "failed"
    assert "no entries" in run["message"]
    assert posts == []


def test_an_empty_page_in_the_middle_is_an_error_and_the_walk_goes_on(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    # Page 2 keeps its pagination but loses its entries (a broken template, say).
    server.faults["/bmjleader/page/2/"] = Fault(
        status=200,
        body=b'<html><head><link rel="next" href="/bmjleader/page/3/"></head>'
        b"<body><main><p>Something went wrong.</p></main></body></html>",
    )
    db = tmp_path / "a.sqlite"

    scrapy_crawl(site.start_url, db, tmp_path / "exports")

    run, _ = runs_and_posts(db)
    assert run["status"] == "degraded"
    assert "listing page has no entries" in run["message"]
    assert run["pages"] == site.listing_pages - 1
    assert "/bmjleader/page/3/" in server.log.paths()


def test_the_ledger_counts_requests_and_errors_by_kind(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    server.faults["/bmjleader/page/2/"] = Fault(status=503)
    server.faults["/bmjleader/page/4/"] = Fault(status=404)
    db = tmp_path / "a.sqlite"

    scrapy_crawl(
        site.start_url,
        db,
        tmp_path / "exports",
        "-s",
        "RETRY_TIMES=0",
        "-s",
        "FOLLOW_ARTICLES=False",
    )

    run, _ = runs_and_posts(db)
    assert json.loads(run["errors_by_kind"]) == {"http_503": 1, "http_404": 1}
    assert run["requests"] >= site.listing_pages and run["not_modified"] == 0
    assert run["duration_s"] >= 0


def listed_posts(server: MirrorServer, site: SiteInfo) -> dict[str, set[str]]:
    """The canonical URLs of the posts on each listing page, by the page's URL path."""
    pattern = post_permalink_pattern(site.start_url)
    pages = {}
    for number in range(1, site.listing_pages + 1):
        url = site.start_url if number == 1 else f"{site.start_url}page/{number}/"
        path = "/bmjleader/" if number == 1 else f"/bmjleader/page/{number}/"
        html = (server.root / path.strip("/") / "index.html").read_text(encoding="utf-8")
        entries = parse_listing(html, url, pattern).entries
        pages[path] = {canonical_post_url(entry.url) for entry in entries}
    return pages


def only_on(pages: dict[str, set[str]], paths: set[str]) -> tuple[set[str], set[str]]:
    """(posts listed on some page not in ``paths``, posts listed only on pages in ``paths``)."""
    elsewhere = set().union(*(posts for path, posts in pages.items() if path not in paths))
    there = set().union(*(posts for path, posts in pages.items() if path in paths))
    return elsewhere, there - elsewhere


def test_a_page_that_kills_the_parsing_process_fails_alone_and_the_walk_goes_on(
    serve_site, tmp_path, monkeypatch
):
    server, site = serve_site("cards")
    monkeypatch.setenv(DIE_ON, "/bmjleader/page/3/")
    db = tmp_path / "a.sqlite"

    result = scrapy_crawl(site.start_url, db, tmp_path / "exports", *DYING_READER)

    run, posts = runs_and_posts(db)
    assert run["status"] == "degraded"
    assert run["pages_failed"] == 1 and run["errors"] == 1
    assert json.loads(run["errors_by_kind"]) == {"parse": 1}
    assert "/bmjleader/page/3/" in run["message"] and "stopped unexpectedly" in run["message"]
    assert run["pages"] == site.listing_pages - 1
    assert "Page failed: " in result.stderr and "/bmjleader/page/3/: the " in result.stderr
    assert "a new one is started" in result.stderr
    stored = {post["url"] for post in posts}
    elsewhere, lost = only_on(listed_posts(server, site), {"/bmjleader/page/3/"})
    assert lost and elsewhere <= stored
    assert not lost & stored


@pytest.mark.parametrize(
    ("reader", "variable", "why"),
    [
        pytest.param("DyingListingReader", DIE_ON, "stopped unexpectedly", id="process-dies"),
        pytest.param("RaisingListingReader", RAISE_ON, "a parser bug met", id="parse-raises"),
    ],
)
def test_an_incremental_walk_goes_on_past_a_page_the_parser_fails_on(
    serve_site, tmp_path, monkeypatch, reader, variable, why
):
    # The archive holds the blog's five oldest posts: the next crawl walks the newer pages
    # one at a time (each page is read before the next is asked for) up to them.
    oldest = sorted(demo_posts(), key=lambda post: post.date)[:5]
    server, site = serve_site("cards", oldest)
    db, exports = tmp_path / "a.sqlite", tmp_path / "exports"
    scrapy_crawl(site.start_url, db, exports)
    site = build_site(server.root, demo_posts(), site_url=server.url, theme="cards")
    monkeypatch.setenv(variable, "/bmjleader/page/2/")

    result = scrapy_crawl(
        site.start_url, db, exports, "-s", "FOLLOW_ARTICLES=False",
        "-s", f"LISTING_READER=tests.dying:{reader}",
    )  # fmt: skip

    assert result.returncode == 0, result.stderr[-3000:]
    run, posts = runs_and_posts(db)
    assert run["status"] == "degraded"
    assert json.loads(run["errors_by_kind"]) == {"parse": 1}
    assert why in run["message"] and "/bmjleader/page/2/" in run["message"]
    assert "Page failed: " in result.stderr and "/bmjleader/page/2/: " in result.stderr
    assert f"/bmjleader/page/{site.listing_pages}/" in server.log.paths()
    stored = {post["url"] for post in posts}
    elsewhere, lost = only_on(listed_posts(server, site), {"/bmjleader/page/2/"})
    assert lost and elsewhere <= stored
    assert not lost & stored


def test_a_parsing_process_that_dies_three_times_in_a_row_ends_the_walk(
    serve_site, tmp_path, monkeypatch
):
    server, site = serve_site("cards")
    dying = {f"/bmjleader/page/{n}/" for n in (2, 3, 4)}
    monkeypatch.setenv(DIE_ON, ",".join(sorted(dying)))
    db = tmp_path / "a.sqlite"

    result = scrapy_crawl(site.start_url, db, tmp_path / "exports", *DYING_READER)

    run, posts = runs_and_posts(db)
    assert run["status"] == "degraded"
    assert json.loads(run["errors_by_kind"]) == {"parse": 3}
    assert "3 times in a row: not started again; the walk ends" in result.stderr
    assert "Traceback" not in result.stderr
    pages = listed_posts(server, site)
    stored = {post["url"] for post in posts}
    assert pages["/bmjleader/"] <= stored
    _, unread = only_on(pages, {path for path in pages if path not in {"/bmjleader/"}})
    assert unread and not unread & stored
