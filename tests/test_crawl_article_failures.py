"""End-to-end: post pages that fail (HTTP errors, not HTML, not an article), crawled and reparsed.

The crawl keeps such a post as listed, with why its page could not be read in
``posts.article_error``; the WARC keeps the failed page with its real status, as
evidence. ``blogarchive reparse`` of that WARC must store the same: the crawl's
``article_error``, no text, the listing's data.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from crawler.demo.server import Fault
from crawler.parsing.urls import canonical_post_url
from tests.conftest import run_command, scrapy_crawl
from tests.test_crawl_articles import last_run, stored, warc_records, without_times
from tests.test_crawl_redirects import checked_statuses

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
# A PDF's compressed stream (control characters in its first bytes) makes it binary.
PDF = (
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 9 >>\n"
    b"stream\nx\x9c\x03\x00\x00\x00\x00\x01\nendstream\n"
)
EMPTY_PAGE = b"<!DOCTYPE html><html><head><title>Nothing here</title></head><body></body></html>"


def article_errors(db: Path) -> dict[str, str | None]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT url, article_error FROM posts"))


def test_failed_post_pages_are_archived_and_reparsed_as_the_crawl_stored_them(serve_site, tmp_path):
    server, site = serve_site("underscores-numbers")
    faults = {
        site.post_urls[1]: Fault(status=500, body=b"<html><body><p>oops</p></body></html>"),
        site.post_urls[2]: Fault(status=410, body=b"<html><body><h1>Gone</h1></body></html>"),
        site.post_urls[4]: Fault(status=200, body=PDF, content_type="application/pdf"),
        site.post_urls[5]: Fault(status=200, body=PNG, content_type="image/png"),
        site.post_urls[6]: Fault(status=200, body=EMPTY_PAGE),
        # No type that says text, but a body that looks like it: Scrapy makes it a text
        # response, which parse_article rejects.
        site.post_urls[7]: Fault(status=200, body=b"Plain words.", content_type="x/unknown"),
    }
    for url, fault in faults.items():
        server.faults[url.removeprefix(server.url)] = fault
    crawled = tmp_path / "crawled.sqlite"

    result = scrapy_crawl(site.start_url, crawled, tmp_path / "exports", "-s", "RETRY_TIMES=0")

    assert result.returncode == 0, result.stderr[-3000:]
    errors = article_errors(crawled)
    failed = {url: errors[canonical_post_url(url)] for url in faults}
    assert failed == {
        site.post_urls[1]: "HTTP 500",
        site.post_urls[2]: "HTTP 410",
        site.post_urls[4]: "page is not HTML",
        site.post_urls[5]: "page is not HTML",
        site.post_urls[6]: f"no main text: {site.post_urls[6]}",
        site.post_urls[7]: f"not HTML: {site.post_urls[7]}",
    }
    assert sum(error is not None for error in errors.values()) == len(faults)
    posts = stored(crawled)
    assert len(posts) == len(site.post_urls)
    for post in posts:
        if post["url"] in {canonical_post_url(url) for url in faults}:
            assert post["title"] and post["teaser"] and post["body_text"] is None
        else:
            assert post["body_text"]
    run = last_run(crawled)
    assert run["status"] == "degraded"
    assert json.loads(run["errors_by_kind"]) == {
        "article_http_500": 1,
        "article_http_410": 1,
        "article_not_html": 2,
        "article_not_an_article": 2,
    }

    # Each failed page is in the WARC, as a post's page, with the status it was answered with.
    records = warc_records(tmp_path / "warc")
    archived = {
        h["WARC-Target-URI"]: (h["WARC-Blogarchive-Kind"], body)
        for kind, h, body in records
        if kind == "response"
    }
    for url, fault in faults.items():
        assert archived[url] == ("article", fault.body)
    [path] = (tmp_path / "warc").glob("*.warc.gz")
    statuses = checked_statuses(path)
    assert {url: statuses[url][0] for url in faults} == {
        url: str(fault.status) for url, fault in faults.items()
    }

    # A re-parse of that WARC, without the network, stores what the crawl stored.
    server.stop()
    reparsed = run_command(
        ["blogarchive", "reparse", "--warc-dir", str(tmp_path / "warc"), "--db", "b.sqlite"],
        cwd=tmp_path,
    )
    assert reparsed.returncode == 0, reparsed.stdout[-2000:] + reparsed.stderr[-3000:]
    assert "skipped" not in reparsed.stderr
    assert "6 post page(s) failed in the crawl" in reparsed.stdout
    rebuilt = tmp_path / "b.sqlite"
    assert without_times(stored(rebuilt)) == without_times(posts)
    assert article_errors(rebuilt) == errors
