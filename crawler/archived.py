"""An archived response parsed as the live crawl parsed it: pure, no archive, no engine.

``blogarchive reparse`` sends each WARC record to ``parse_archived`` in worker
processes, in order, and stores what comes back; see :mod:`crawler.reparse`.
Whether a post's page is text is Scrapy's own decision
(``scrapy.responsetypes``), made on the record as the crawl's downloader made it.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from w3lib.encoding import html_to_unicode

from crawler.extract import (
    PageFailure,
    allowed_by,
    feed_posts,
    http_error,
    hub_resources,
    is_http_error,
    medium_post,
    read_article,
    read_normalised_listing,
)
from crawler.items import Post, Resource
from crawler.parsing.article import ArticlePage
from crawler.parsing.feeds import FeedError, parse_feed
from crawler.parsing.hub import parse_resource_hub
from crawler.parsing.medium import NotAnArticle, parse_medium_article
from crawler.parsing.urls import post_permalink_pattern
from crawler.sources import Source
from crawler.warc import ArchivedResponse

_GZIP = ("gzip", "x-gzip")
_DEFLATE = "deflate"
_UNDONE = frozenset({*_GZIP, _DEFLATE})  # the content codings decoded_body undoes


@dataclass(frozen=True)
class ParsedRecord:
    """What one archived page gave: items, or (a post's own page) the parsed article.

    A post's page that the crawl could not read either (an HTTP error, not
    text, not an article) gives its ``failure``, as the crawl recorded it.
    """

    items: list[Post | Resource] = field(default_factory=list)
    article: ArticlePage | None = None
    failure: PageFailure | None = None  # why a post's own page gave no data
    problem: str | None = None  # why the page gave nothing, with the record's place


def parse_archived(
    response: ArchivedResponse, source: Source | None, known_series: Sequence[str] = ()
) -> ParsedRecord:
    """Parse a listing, feed, story, hub or article page from a WARC record.

    A listing's posts come normalised with ``known_series``, as a crawl's parsing
    process gives them (see ``read_normalised_listing``).
    """
    if response.kind == "article":
        return _article(response, source)
    body = decoded_body(response)
    text = None if response.kind == "feed" else body_text(response, body)
    name = response.source or "unknown"
    keep = allowed_by(source)
    try:
        if response.kind == "listing":
            pattern = _post_pattern(source, response.extra.get("start_url") or response.url)
            selectors = source.selectors if source else None
            listing = read_normalised_listing(
                text,
                response.url,
                pattern,
                source=source,
                source_name=name,
                selectors=selectors,
                known_series=known_series,
            )
            return ParsedRecord(items=list(listing.posts))
        if response.kind == "feed":
            feed = parse_feed(body, response.url)
            return ParsedRecord(
                items=list(feed_posts(feed, source=name, page_url=response.url, keep=keep))
            )
        if response.kind == "medium":
            story = parse_medium_article(text, response.url)
            return ParsedRecord(items=[medium_post(story, source=name, page_url=response.url)])
        if response.kind == "hub":
            entries = parse_resource_hub(text, response.url)
            return ParsedRecord(items=list(hub_resources(entries, source=name, keep=keep)))
    except (FeedError, NotAnArticle) as exc:
        return ParsedRecord(problem=f"{_place(response)}: {exc}")
    return ParsedRecord(problem=f"{_place(response)}: unknown kind {response.kind!r}")


def _article(response: ArchivedResponse, source: Source | None) -> ParsedRecord:
    """A post's own page, read as the crawl read it (``ArticleFollowingSpider``).

    The crawl archives a page it could not read too, with its status: an HTTP
    error answer, a page that is not text, one that is not an article.
    """
    if is_http_error(response.status):
        return ParsedRecord(failure=http_error(response.status))
    body = decoded_body(response)
    page = read_article(
        body_text(response, body) if is_text(response, body) else None,
        response.url,
        fetched_at=response.fetched_at,
        date_order=source.date_order if source else "DMY",
    )
    if isinstance(page, PageFailure):
        return ParsedRecord(failure=page)
    return ParsedRecord(article=page)


def decoded_body(response: ArchivedResponse) -> bytes:
    """The body as Scrapy's decompression would have given it."""
    body = response.body
    for coding in reversed((response.header("Content-Encoding") or "").lower().split(",")):
        coding = coding.strip()
        if coding in _GZIP:
            body = gzip.decompress(body)
        elif coding == _DEFLATE:
            try:
                body = zlib.decompress(body)
            except zlib.error:  # raw deflate, as some servers send it
                body = zlib.decompress(body, -zlib.MAX_WBITS)
    return body


def body_text(response: ArchivedResponse, body: bytes) -> str:
    """The body as text, decoded the way Scrapy's TextResponse decodes it."""
    return html_to_unicode(response.header("Content-Type"), body)[1]


def is_text(response: ArchivedResponse, body: bytes) -> bool:
    """Whether the crawl's Scrapy made the page a text response (``TextResponse``).

    ``body`` is ``decoded_body``'s. Scrapy chooses the class with the headers its
    decompression leaves (Content-Encoding without the codings it undid), the URL
    and the decoded body: ``responsetypes.from_args``, called here the same way.
    """
    # Imported here: Scrapy's HTTP classes take a reparse worker 0.3 s to import, and
    # only a post's own page needs them.
    from scrapy.http import Headers, TextResponse
    from scrapy.responsetypes import responsetypes

    headers = Headers(encoding="latin-1")  # as the WARC reader decoded them
    for name, value in response.headers:
        if name.lower() == "content-encoding":
            kept = [c for c in value.split(",") if c.strip().lower() not in _UNDONE]
            if not kept:
                continue
            value = ",".join(kept)
        headers.appendlist(name, value)
    found = responsetypes.from_args(headers=headers, url=response.url, body=body)
    return issubclass(found, TextResponse)


def _place(response: ArchivedResponse) -> str:
    return f"{response.warc_path}: record at offset {response.offset}"


def _post_pattern(source: Source | None, start_url: str) -> re.Pattern[str]:
    if source is not None and source.post_url:
        return re.compile(source.post_url)
    return post_permalink_pattern(start_url)
