"""A post's page that gives no data: the reasons stored, and reparse deciding as the crawl did.

The crawl takes Scrapy's word for whether a page is text (its response class);
``reparse`` asks Scrapy the same question of the archived record
(``scrapy.responsetypes``). The crawl and reparse end to end:
``test_crawl_article_failures.py``.
"""

from __future__ import annotations

import gzip

import pytest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.archived import parse_archived
from crawler.extract import NOT_HTML, PageFailure, http_error, is_http_error
from crawler.spiders.base import failure_kind
from crawler.warc import ArchivedResponse

URL = "https://blog.example/2024/01/02/a-post/"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
PAGE = b"<!DOCTYPE html><html><body><p>Words.</p></body></html>"


def test_http_errors_are_named_as_the_crawl_counts_them():
    assert http_error(500) == PageFailure("http_500", "HTTP 500")
    error = HttpError(Response(URL, status=410), "Ignoring non-200 response")
    assert failure_kind(Failure(error)) == http_error(410) == ("http_410", "HTTP 410")
    assert [s for s in (200, 204, 299, 300, 304, 404, 410, 500) if is_http_error(s)] == [
        300, 304, 404, 410, 500,
    ]  # fmt: skip


def archived(
    status: int, body: bytes, content_type: str | None, *, headers: tuple = (), url: str = URL
) -> ArchivedResponse:
    return ArchivedResponse(
        url=url,
        status=status,
        headers=([("Content-Type", content_type)] if content_type else []) + list(headers),
        body=body,
        fetched_at="2024-05-01T10:00:00Z",
        source="bmjleader",
        kind="article",
        extra={},
        decoded=(),
        warc_path="run.warc.gz",
        offset=0,
    )


@pytest.mark.parametrize(
    ("status", "body", "content_type", "failure"),
    [
        (500, b"<html><body><p>oops, something broke</p></body></html>", "text/html", "HTTP 500"),
        (404, b"", None, "HTTP 404"),
        (410, PAGE, "text/html", "HTTP 410"),
        (200, PNG, "image/png", NOT_HTML.reason),
        (200, b"%PDF-1.4\n\x01\x02\x03", "application/pdf", NOT_HTML.reason),
        (200, b"Plain words.", "application/pdf", f"not HTML: {URL}"),
        (200, b"<html><body></body></html>", "text/html", f"no main text: {URL}"),
    ],
)
def test_a_post_page_read_back_fails_as_the_crawl_failed(status, body, content_type, failure):
    parsed = parse_archived(archived(status, body, content_type), None)
    assert parsed.failure is not None and parsed.failure.reason == failure
    assert (parsed.article, parsed.items, parsed.problem) == (None, [], None)


def test_a_post_page_read_back_that_the_crawl_read_gives_the_article():
    parsed = parse_archived(archived(200, PAGE, "text/html"), None)
    assert parsed.failure is None and parsed.article is not None
    assert parsed.article.body_text == "Words."


@pytest.mark.parametrize(
    ("headers", "url", "body", "failure"),
    [
        # Text by its file name or by its URL's extension, whatever the body.
        (
            [("Content-Disposition", 'attachment; filename="notes.txt"')],
            URL,
            PNG,
            f"not HTML: {URL}",
        ),
        ([], "https://blog.example/notes.txt", PNG, "not HTML: https://blog.example/notes.txt"),
        # An extension that does not say text leaves it to the body.
        (
            [],
            "https://blog.example/photo.png",
            b"Plain words.",
            "not HTML: https://blog.example/photo.png",
        ),
        ([], "https://blog.example/photo.png", PNG, NOT_HTML.reason),
    ],
)
def test_reparse_asks_scrapy_whether_a_page_is_text(headers, url, body, failure):
    parsed = parse_archived(archived(200, body, None, headers=headers, url=url), None)
    assert parsed.failure is not None and parsed.failure.reason == failure


def test_a_compressed_post_page_read_back_is_typed_as_scrapy_typed_it_once_decompressed():
    # A control character makes the body look binary: only the Content-Type says HTML.
    page = PAGE.replace(b"Words.", b"Words.\x01")
    gzipped = archived(
        200, gzip.compress(page), "text/html", headers=[("Content-Encoding", "gzip")]
    )
    parsed = parse_archived(gzipped, None)
    assert parsed.failure is None and parsed.article is not None
    # A coding Scrapy does not undo stays in Content-Encoding: the type no longer counts.
    coding = [("Content-Encoding", "x-unknown, gzip")]
    unknown = archived(200, gzip.compress(page), "text/html", headers=coding)
    assert parse_archived(unknown, None).failure == NOT_HTML
