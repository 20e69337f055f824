"""A fetched page before parsing: HTTP errors, text or not, and the reasons stored for failures.

The crawl and ``reparse`` decide with the same functions; these check that the
decision is Scrapy's own (a text response or not) and that a post's page read
back from a WARC file fails as the crawl's did.
"""

from __future__ import annotations

import itertools

import pytest
from scrapy.http import Headers, Response, TextResponse
from scrapy.responsetypes import responsetypes
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.archived import parse_archived
from crawler.parsing.responses import (
    NOT_HTML,
    PageFailure,
    http_error,
    is_http_error,
    is_text_page,
)
from crawler.spiders.articles import _page_text
from crawler.spiders.base import failure_kind
from crawler.warc import ArchivedResponse

URL = "https://blog.example/2024/01/02/a-post/"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
PAGE = b"<!DOCTYPE html><html><body><p>Words.</p></body></html>"

CONTENT_TYPES = [
    None, "", "text/html; charset=utf-8", "TEXT/HTML", "text/plain", "text/csv",
    "application/xhtml+xml", "application/rss+xml", "application/json", "application/pdf",
    "image/png", "application/octet-stream", "x/unknown",
]  # fmt: skip
DISPOSITIONS = [
    None, "inline", 'attachment; filename="notes.txt"', "attachment; filename=report.pdf",
    'attachment; filename="page.html.gz"',
]  # fmt: skip
URLS = [URL, "https://blog.example/post.html", "https://blog.example/file.pdf?x=1"]
BODIES = [PAGE, b"Plain words.", PNG, b"", b"nul \x00 is text", b"%PDF-1.4\n\x01\x02"]


def test_a_page_is_text_exactly_when_scrapy_gives_a_text_response():
    for content_type, disposition, url, body in itertools.product(
        CONTENT_TYPES, DISPOSITIONS, URLS, BODIES
    ):
        headers = Headers()
        if content_type is not None:
            headers["Content-Type"] = content_type
        if disposition is not None:
            headers["Content-Disposition"] = disposition
        scrapy_class = responsetypes.from_args(headers=headers, url=url, body=body)
        expected = issubclass(scrapy_class, TextResponse)
        case = (content_type, disposition, url, body)
        assert is_text_page(content_type, disposition, url, body) == expected, case


def test_http_errors_are_named_as_the_crawl_counts_them():
    assert http_error(500) == PageFailure("http_500", "HTTP 500")
    error = HttpError(Response(URL, status=410), "Ignoring non-200 response")
    assert failure_kind(Failure(error)) == http_error(410) == ("http_410", "HTTP 410")
    assert [s for s in (200, 204, 299, 300, 304, 404, 410, 500) if is_http_error(s)] == [
        300, 304, 404, 410, 500,
    ]  # fmt: skip


def test_the_crawl_reads_a_page_its_text_guess_missed_and_skips_one_that_is_not_text():
    plain = Response(URL, body=PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    assert _page_text(plain) == PAGE.decode()
    image = TextResponse(URL, body=PNG, headers={"Content-Type": "image/png"})
    assert _page_text(image) is None


def archived(status: int, body: bytes, content_type: str | None) -> ArchivedResponse:
    headers = [("Content-Type", content_type)] if content_type else []
    return ArchivedResponse(
        url=URL,
        status=status,
        headers=headers,
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
