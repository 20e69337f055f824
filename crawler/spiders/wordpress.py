"""The WordPress platform spider: walks a blog's listing pages, newest first.

It only fetches and routes: finding entries is :func:`parse_listing`'s job and
turning a heading into fields is the pipelines' job.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Any, ClassVar

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.http import Response, TextResponse
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure

from crawler import __version__, runstats
from crawler.items import Post
from crawler.parsing.listing import parse_listing
from crawler.parsing.urls import next_page_guess, post_permalink_pattern, strip_crawl_traps
from crawler.sources import Source

logger = logging.getLogger(__name__)

# After this many failed listing pages in a row the site is taken to be down.
MAX_FAILURES_IN_A_ROW = 3


class WordPressSpider(scrapy.Spider):
    """Crawl ``start_url`` and its ``/page/N/`` successors until the last page.

    Arguments: ``-a start_url=URL`` (crawl a copy elsewhere; permalinks are
    expected on that URL's host and path) and ``-a max_pages=N``.
    """

    name = "wordpress"
    source: ClassVar[Source | None] = None

    def __init__(
        self, start_url: str | None = None, max_pages: str | int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        if start_url is None:
            if self.source is None:
                raise ValueError("the wordpress spider needs -a start_url=URL")
            start_url = self.source.start_urls[0]
        self.start_url = start_url
        if max_pages is None and self.source is not None:
            max_pages = self.source.max_pages
        self.max_pages = _positive_int(max_pages, "max_pages")
        self.post_url = post_permalink_pattern(start_url)
        self.source_name = self.source.name if self.source else self.name

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        contact = settings.get("BLOGARCHIVE_CONTACT_URL")
        # Spider priority: an explicit -s USER_AGENT=... still wins.
        settings.set("USER_AGENT", f"blogarchive/{__version__} (+{contact})", priority="spider")

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield self._listing_request(self.start_url, page=1, guessed=False)

    def _listing_request(
        self, url: str, *, page: int, guessed: bool, failures: int = 0
    ) -> scrapy.Request:
        return scrapy.Request(
            strip_crawl_traps(url),
            callback=self.parse_listing_page,
            errback=self.listing_failed,
            cb_kwargs={"page": page},
            # guessed: a /page/N+1/ that 404s is the normal end of the blog, not an error.
            # failures: failed pages in a row before this one, to give up on a dead site.
            meta={"page": page, "guessed": guessed, "failures": failures},
        )

    def _wants_page(self, page: int) -> bool:
        return self.max_pages is None or page <= self.max_pages

    # Callbacks return lists, not generators: Scrapy re-inspects the source of a
    # generator callback on every response (its cache misses bound methods),
    # which cost more than parsing the page.
    def parse_listing_page(self, response: Response, page: int) -> list[Any]:
        stats = self.crawler.stats
        if not isinstance(response, TextResponse):
            self._record_error("not_html", response.url, "response is not HTML")
            return []
        listing = parse_listing(response.text, response.url, self.post_url)
        if not listing.entries:
            return self._empty_page(response.url, page, listing.next_url)
        stats.inc_value(runstats.LISTING_PAGES)
        stats.inc_value(runstats.ENTRIES, len(listing.entries))

        output: list[Any] = []
        # Ask for the next page first so it downloads while these entries are stored.
        if self._wants_page(page + 1):
            if listing.next_url and listing.next_url != response.url:
                output.append(self._listing_request(listing.next_url, page=page + 1, guessed=False))
            else:
                guess = next_page_guess(response.url, self.start_url)
                output.append(self._listing_request(guess, page=page + 1, guessed=True))
        output.extend(
            Post(
                url=entry.url,
                source=self.source_name,
                heading=entry.heading,
                teaser=entry.teaser,
                listing_url=response.url,
            )
            for entry in listing.entries
        )
        return output

    def _empty_page(self, url: str, page: int, next_url: str | None) -> list[scrapy.Request]:
        """A page without entries ends the walk, unless it is the first or links onwards."""
        if page == 1:
            self._record_error(
                "no_entries", url, "first listing page has no entries (markup changed?)"
            )
        elif next_url:
            self._record_error("no_entries", url, "listing page has no entries")
        else:
            logger.info("No entries on %s: end of the listing", url)
            self.crawler.stats.inc_value(runstats.EMPTY_PAGES)
            return []
        if next_url and next_url != url and self._wants_page(page + 1):
            return [self._listing_request(next_url, page=page + 1, guessed=False)]
        return []

    def listing_failed(self, failure: Failure) -> list[scrapy.Request]:
        """Count the failure; walk on to the next page unless the site looks dead."""
        request = failure.request
        if failure.check(HttpError):
            status = failure.value.response.status
            if request.meta.get("guessed") and status in (404, 410):
                logger.info("End of the listing at %s (HTTP %s)", request.url, status)
                return []
            self._record_error(f"http_{status}", request.url, f"HTTP {status}")
        elif failure.check(DownloadTimeoutError, TimeoutError, TCPTimedOutError):
            self._record_error("timeout", request.url, "timed out")
        elif failure.check(CannotResolveHostError, DNSLookupError):
            self._record_error("dns", request.url, "DNS lookup failed")
        elif failure.check(DownloadConnectionRefusedError, ConnectionRefusedError):
            self._record_error("refused", request.url, "connection refused")
        elif failure.check(IgnoreRequest):
            self._record_error("ignored", request.url, str(failure.value) or "request ignored")
        else:
            self._record_error("network", request.url, failure.getErrorMessage())

        page = request.meta.get("page", 1)
        failures = request.meta.get("failures", 0) + 1
        if failures < MAX_FAILURES_IN_A_ROW and self._wants_page(page + 1):
            guess = next_page_guess(request.url, self.start_url)
            return [self._listing_request(guess, page=page + 1, guessed=True, failures=failures)]
        return []

    def _record_error(self, kind: str, url: str, reason: str) -> None:
        logger.error("Listing page failed: %s: %s", url, reason)
        runstats.record_error(self.crawler.stats, kind, url, reason)


def _positive_int(value: str | int | None, name: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a positive integer, got {value!r}") from None
    if number < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return number
