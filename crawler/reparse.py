"""Rebuild or update the archive from WARC files alone, with today's parsers.

Each archived response is routed by the page kind recorded with it (listing,
feed, article, medium, hub) through the same functions a live crawl uses
(:mod:`crawler.extract`), and the items go through the same pipelines. No
network, no Scrapy engine: parser improvements reach old crawls this way.
"""

from __future__ import annotations

import gzip
import logging
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from scrapy.exceptions import DropItem
from w3lib.encoding import html_to_unicode

from crawler.extract import (
    allowed_by,
    article_post,
    feed_posts,
    hub_resources,
    listing_posts,
    medium_post,
)
from crawler.items import Post, Resource
from crawler.parsing.article import NotAnArticlePage, parse_article
from crawler.parsing.feeds import FeedError, parse_feed
from crawler.parsing.hub import parse_resource_hub
from crawler.parsing.listing import parse_listing
from crawler.parsing.medium import NotAnArticle, parse_medium_article
from crawler.parsing.urls import canonical_post_url, post_permalink_pattern
from crawler.pipelines.dedupe import DedupePipeline
from crawler.pipelines.export import ExportPipeline
from crawler.pipelines.normalise import NormalisePipeline
from crawler.pipelines.store import StorePipeline
from crawler.sources import Source
from crawler.warc import ArchivedResponse, WarcRecordError, read_responses

logger = logging.getLogger(__name__)


class Tally(Counter):
    """The part of Scrapy's stats API the pipelines use, for runs outside Scrapy."""

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self[key] += count

    def get_value(self, key: str, default: Any = None) -> Any:
        return self.get(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self[key] = value


@dataclass
class ReparseReport:
    records: int = 0
    items: int = 0
    skipped: list[str] = field(default_factory=list)  # one line per record not re-parsed
    stats: Tally = field(default_factory=Tally)


def warc_files(folder: str | Path) -> list[Path]:
    """The WARC files of a folder, oldest run first (names start with spider and time)."""
    return sorted(Path(folder).glob("*.warc.gz"), key=lambda p: (p.stat().st_mtime, p.name))


def reparse(
    paths: Iterable[str | Path],
    *,
    db_path: str | Path,
    exports_dir: str | Path,
    sources: dict[str, Source],
) -> ReparseReport:
    """Re-parse every response in ``paths`` into the archive at ``db_path``; rewrite the exports."""
    paths = [Path(p) for p in paths]
    report = ReparseReport()
    normalise = NormalisePipeline(str(db_path))
    dedupe = DedupePipeline(report.stats, str(db_path))
    store = StorePipeline(str(db_path), report.stats)
    normalise.open_spider()  # opens (and migrates) the archive first
    dedupe.open_spider()
    store.open_spider()
    registered: set[str] = set()
    # Listing posts by canonical URL: a later record of the post's own page completes one.
    listed: dict[str, Post] = {}

    def process(item: Post | Resource, *, completing: bool = False) -> None:
        try:
            item = normalise.process_item(item)
            # A post's own page completes a post already stored in this run: not a duplicate.
            store.process_item(item if completing else dedupe.process_item(item))
        except DropItem:
            return
        report.items += 1

    try:
        for response in _responses(paths, report):
            name = response.source or "unknown"
            if name not in registered:
                source = sources.get(name)
                store.register_source(name, source.kind if source else "unknown")
                registered.add(name)
            if response.kind == "article":
                post = listed.pop(canonical_post_url(response.url), None)
                if post is not None:
                    for item in _article(response, post, sources.get(name), report):
                        process(item, completing=True)
                continue
            for item in _items(response, sources, report):
                if isinstance(item, Post):
                    listed.setdefault(canonical_post_url(item.url), replace(item))
                process(item)
    finally:
        store.close_spider()
    ExportPipeline(str(db_path), str(exports_dir)).write_exports()
    return report


def _responses(paths: list[Path], report: ReparseReport) -> Iterator[ArchivedResponse]:
    def skip(error: WarcRecordError) -> None:
        logger.error("%s", error)
        report.skipped.append(str(error))

    for response in read_responses(paths, on_error=skip):
        report.records += 1
        yield response


def _items(
    response: ArchivedResponse, sources: dict[str, Source], report: ReparseReport
) -> list[Post | Resource]:
    """What a crawl took from this listing, feed, story or hub page."""
    name = response.source or "unknown"
    source = sources.get(name)
    keep = allowed_by(source)
    body = _body(response)
    text = _text(response, body)
    try:
        if response.kind == "listing":
            pattern = _post_pattern(source, response.extra.get("start_url") or response.url)
            listing = parse_listing(
                text, response.url, pattern, selectors=source.selectors if source else None
            )
            return listing_posts(listing, source=name, page_url=response.url, keep=keep)
        if response.kind == "feed":
            feed = parse_feed(body, response.url)
            return feed_posts(feed, source=name, page_url=response.url, keep=keep)
        if response.kind == "medium":
            return [
                medium_post(
                    parse_medium_article(text, response.url), source=name, page_url=response.url
                )
            ]
        if response.kind == "hub":
            return hub_resources(parse_resource_hub(text, response.url), source=name, keep=keep)
    except (FeedError, NotAnArticle) as exc:
        report.skipped.append(f"{response.warc_path}: record at offset {response.offset}: {exc}")
        return []
    report.skipped.append(
        f"{response.warc_path}: record at offset {response.offset}: unknown kind {response.kind!r}"
    )
    return []


def _article(
    response: ArchivedResponse, post: Post, source: Source | None, report: ReparseReport
) -> list[Post]:
    """``post`` completed with what its own archived page says."""
    try:
        page = parse_article(
            _text(response, _body(response)),
            response.url,
            fetched_at=response.fetched_at,
            date_order=source.date_order if source else "DMY",
        )
    except NotAnArticlePage as exc:
        report.skipped.append(f"{response.warc_path}: record at offset {response.offset}: {exc}")
        return []
    return [article_post(post, page, fetched_at=response.fetched_at)]


def _post_pattern(source: Source | None, start_url: str) -> re.Pattern[str]:
    if source is not None and source.post_url:
        return re.compile(source.post_url)
    return post_permalink_pattern(start_url)


def _body(response: ArchivedResponse) -> bytes:
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


def _text(response: ArchivedResponse, body: bytes) -> str:
    """The body as text, decoded the way Scrapy's TextResponse decodes it."""
    return html_to_unicode(response.header("Content-Type"), body)[1]
