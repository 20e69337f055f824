"""An archived response parsed as the live crawl parsed it: pure, no Scrapy, no archive.

``blogarchive reparse`` sends each WARC record to ``parse_archived`` in worker
processes, in order, and stores what comes back; see :mod:`crawler.reparse`.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from w3lib.encoding import html_to_unicode

from crawler.extract import (
    allowed_by,
    feed_posts,
    hub_resources,
    medium_post,
    read_normalised_listing,
)
from crawler.items import Post, Resource
from crawler.parsing.article import ArticlePage, NotAnArticlePage, parse_article
from crawler.parsing.feeds import FeedError, parse_feed
from crawler.parsing.hub import parse_resource_hub
from crawler.parsing.medium import NotAnArticle, parse_medium_article
from crawler.parsing.urls import post_permalink_pattern
from crawler.sources import Source
from crawler.warc import ArchivedResponse


@dataclass(frozen=True)
class ParsedRecord:
    """What one archived page gave: items, or (a post's own page) the parsed article."""

    items: list[Post | Resource] = field(default_factory=list)
    article: ArticlePage | None = None
    problem: str | None = None  # why the page gave nothing, with the record's place


def parse_archived(
    response: ArchivedResponse, source: Source | None, known_series: Sequence[str] = ()
) -> ParsedRecord:
    """Parse a listing, feed, story, hub or article page from a WARC record.

    A listing's posts come normalised with ``known_series``, as a crawl's parsing
    process gives them (see ``read_normalised_listing``).
    """
    body = decoded_body(response)
    text = None if response.kind == "feed" else body_text(response, body)
    name = response.source or "unknown"
    keep = allowed_by(source)
    try:
        if response.kind == "article":
            date_order = source.date_order if source else "DMY"
            return ParsedRecord(
                article=parse_article(
                    text, response.url, fetched_at=response.fetched_at, date_order=date_order
                )
            )
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
    except (FeedError, NotAnArticle, NotAnArticlePage) as exc:
        return ParsedRecord(problem=f"{_place(response)}: {exc}")
    return ParsedRecord(problem=f"{_place(response)}: unknown kind {response.kind!r}")


def decoded_body(response: ArchivedResponse) -> bytes:
    """The body as Scrapy's decompression would have given it."""
    body = response.body
    for coding in reversed((response.header("Content-Encoding") or "").lower().split(",")):
        coding = coding.strip()
        if coding in ("gzip", "x-gzip"):
            body = gzip.decompress(body)
        elif coding == "deflate":
            try:
                body = zlib.decompress(body)
            except zlib.error:  # raw deflate, as some servers send it
                body = zlib.decompress(body, -zlib.MAX_WBITS)
    return body


def body_text(response: ArchivedResponse, body: bytes) -> str:
    """The body as text, decoded the way Scrapy's TextResponse decodes it."""
    return html_to_unicode(response.header("Content-Type"), body)[1]


def _place(response: ArchivedResponse) -> str:
    return f"{response.warc_path}: record at offset {response.offset}"


def _post_pattern(source: Source | None, start_url: str) -> re.Pattern[str]:
    if source is not None and source.post_url:
        return re.compile(source.post_url)
    return post_permalink_pattern(start_url)
