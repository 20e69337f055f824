"""What a fetched page is before it is parsed: an HTTP error, text or not, and why it failed.

Pure, no Scrapy: a crawl decides with these about the pages it fetched, and
``blogarchive reparse`` about the same pages read back from a WARC file, so both
store the same ``article_error`` for a post whose own page could not be read.
"""

from __future__ import annotations

import mimetypes
from typing import NamedTuple

from w3lib.encoding import html_to_unicode


class PageFailure(NamedTuple):
    """Why a page gave no data."""

    kind: str  # the run's error counter: http_500, timeout, not_html, not_an_article, ...
    reason: str  # one line, as a post's ``article_error`` keeps it ("HTTP 500")


NOT_HTML = PageFailure("not_html", "page is not HTML")

# The media types Scrapy answers with a text response (HtmlResponse, XmlResponse,
# JsonResponse, TextResponse: scrapy.responsetypes), besides every text/* type.
_TEXT_TYPES = frozenset(
    {
        "text/html", "text/xml", "application/xhtml+xml", "application/vnd.wap.xhtml+xml",
        "application/xml", "application/atom+xml", "application/rdf+xml", "application/rss+xml",
        "application/json", "application/x-json", "application/json-amazonui-streaming",
        "application/javascript", "application/x-javascript",
    }
)  # fmt: skip
# Control characters that make a body binary; NUL, tab, LF and CR do not (as in Scrapy).
_BINARY_BYTES = frozenset(set(range(32)) - {0, 9, 10, 13})
_SNIFFED = 5000  # bytes of the body looked at when the headers and the URL say nothing
# Python's own table of file extensions (not the system's files): the same on every machine.
_EXTENSIONS = mimetypes.MimeTypes()


def http_error(status: int) -> PageFailure:
    """The failure of a page answered with an HTTP error status."""
    return PageFailure(f"http_{status}", f"HTTP {status}")


def is_http_error(status: int) -> bool:
    """Whether a crawl takes no data from an answer with ``status`` (Scrapy's HttpError).

    Followed redirects never reach a callback, and no request of a post's page
    allows another status.
    """
    return not 200 <= status < 300


def not_an_article(error: Exception) -> PageFailure:
    """The failure of a text page that ``parse_article`` rejected (``NotAnArticlePage``)."""
    return PageFailure("not_an_article", str(error))


def is_text_page(
    content_type: str | None, content_disposition: str | None, url: str, body: bytes
) -> bool:
    """Whether a page is text to parse, as Scrapy chooses a text response for it.

    ``body`` as decoded (no content coding left). The first that says text wins:
    the Content-Type, the file name of a Content-Disposition, the URL's file
    extension; failing all three, a body without control characters in its
    first 5,000 bytes is text (so a PDF served with its own type can be).
    """
    if content_type is not None and _is_text_type(content_type.split(";")[0]):
        return True
    if content_disposition is not None and _names_text_file(content_disposition):
        return True
    if _is_text_file(url):
        return True
    return not _BINARY_BYTES.intersection(body[:_SNIFFED])


def page_text(content_type: str | None, body: bytes) -> str:
    """A text page's body as a string, decoded as Scrapy's text responses decode it."""
    return html_to_unicode(content_type, body)[1]


def _is_text_type(mimetype: str) -> bool:
    mimetype = mimetype.strip().lower()
    return mimetype in _TEXT_TYPES or mimetype.startswith("text/")


def _names_text_file(content_disposition: str) -> bool:
    """``attachment; filename="notes.txt"``: a file name whose extension says text."""
    try:
        name = content_disposition.split(";")[1].split("=")[1].strip("\"'")
    except IndexError:
        return False
    return _is_text_file(name)


def _is_text_file(name: str) -> bool:
    mimetype, coding = _EXTENSIONS.guess_type(name)
    return mimetype is not None and coding is None and _is_text_type(mimetype)
