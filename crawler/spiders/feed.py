"""The feed platform spider: RSS 2.0 and Atom (WordPress ``/feed/``, Medium feeds).

Titles go through the heading parser like listing headings; the feed's author
is kept as ``cms_author`` and used as a byline only as a fallback.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler import runstats
from crawler.extract import feed_posts
from crawler.parsing.feeds import FeedError, parse_feed, wordpress_feed_page
from crawler.spiders.articles import ArticleFollowingSpider
from crawler.spiders.base import http_status

logger = logging.getLogger(__name__)


class FeedSpider(ArticleFollowingSpider):
    """Read each start URL as a feed; walk WordPress feeds back with ``?paged=N``."""

    name = "feed"
    kind = "feed"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Entry URLs seen per feed: a server that ignores ?paged=N repeats page 1 forever.
        self.seen: dict[str, set[str]] = {}

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.start_following()
        for url in self.start_urls:
            yield self._feed_request(url, feed_url=url, page=1)

    def _feed_request(self, url: str, *, feed_url: str, page: int) -> scrapy.Request:
        return scrapy.Request(
            url,
            callback=self.parse_feed_page,
            errback=self.feed_failed,
            cb_kwargs={"feed_url": feed_url, "page": page},
            meta={"page": page, "handle_httpstatus_list": [304]},  # see parse_feed_page
        )

    def parse_feed_page(self, response: Response, feed_url: str, page: int) -> list[Any]:
        if response.status == 304:  # unchanged since it was last read: nothing new here or older
            self.crawler.stats.inc_value(runstats.NOT_MODIFIED)
            logger.info("%s is not modified since the last crawl: walk ends", response.url)
            return []
        try:
            feed = parse_feed(response.body, response.url)
        except FeedError as exc:
            self.record_error("not_a_feed", response.url, str(exc))
            return []
        posts = feed_posts(feed, source=self.source_name, page_url=response.url, keep=self.keep)
        if not posts:
            if page == 1:
                self.record_error("no_entries", response.url, "feed has no entries")
            return []
        seen = self.seen.setdefault(feed_url, set())
        if page > 1 and all(post.url in seen for post in posts):
            logger.info("%s repeats entries already read: end of the feed", response.url)
            return []
        seen.update(post.url for post in posts)
        stats = self.crawler.stats
        stats.inc_value(runstats.LISTING_PAGES)
        stats.inc_value(runstats.ENTRIES, len(posts))
        output: list[Any] = []
        next_url = feed.next_url or self._older_page(feed_url, page)
        if next_url and self.wants_page(page + 1) and not self.caught_up(posts):
            output.append(self._feed_request(next_url, feed_url=feed_url, page=page + 1))
        output.extend(self.route_posts(posts, response.url))
        return output

    def _older_page(self, feed_url: str, page: int) -> str | None:
        # Only WordPress serves older items at ?paged=N; Medium feeds hold the latest ten.
        if urlsplit(feed_url).path.rstrip("/").endswith("/feed"):
            return wordpress_feed_page(feed_url, page + 1)
        return None

    def feed_failed(self, failure: Failure) -> None:
        request = failure.request
        # Past the oldest ?paged=N page WordPress answers 404: the end, not an error.
        if request.meta.get("page", 1) > 1 and http_status(failure) in (404, 410):
            logger.info("End of the feed at %s", request.url)
            return
        self.record_failure(failure)
