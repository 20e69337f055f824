"""Bad input during a crawl: HTTP errors, timeouts, non-HTML pages, a dead site."""

from __future__ import annotations

import json

from crawler.demo.server import Fault
from crawler.store import Archive
from tests.conftest import scrapy_crawl


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
