"""The WordPress platform spider: walks a blog's listing pages, newest first.

It only fetches and routes: finding entries is :func:`parse_listing`'s job and
turning a heading into fields is the pipelines' job.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler import runstats
from crawler.background import (
    BackgroundCallError,
    BackgroundError,
    BackgroundGaveUp,
    InProcess,
)
from crawler.parsing.listing import listing_next_url
from crawler.parsing.urls import (
    canonical_post_url,
    next_page_guess,
    post_permalink_pattern,
    strip_crawl_traps,
)
from crawler.restarting import RestartingProcess
from crawler.spiders.articles import ArticleFollowingSpider
from crawler.spiders.base import http_status

logger = logging.getLogger(__name__)

# After this many failed listing pages in a row the site is taken to be down.
MAX_FAILURES_IN_A_ROW = 3
READER = "crawler.extract:ListingReader"  # the default of the LISTING_READER setting


class WordPressSpider(ArticleFollowingSpider):
    """Crawl the start URL and its ``/page/N/`` successors until the last page.

    Post permalinks are expected on the start URL's host and path
    (``<root>YYYY/MM/DD/slug/``) unless the source gives a ``post_url`` regex.
    """

    name = "wordpress"
    kind = "wordpress"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        source = self.source
        if source is not None and source.post_url:
            self.post_url = re.compile(source.post_url)
        else:
            self.post_url = post_permalink_pattern(self.start_url)
        self.selectors = source.selectors if source else None
        self._reader: RestartingProcess | InProcess | None = None
        self._reader_gave_up = False  # its processes kept dying: no listing page is read
        self._listed: set[str] = set()  # canonical URLs of the posts listed so far

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.start_following()
        for url in self.start_urls:
            yield self._listing_request(url, page=1, guessed=False)

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
            meta={
                "page": page,
                "guessed": guessed,
                "failures": failures,
                "handle_httpstatus_list": [304],  # not modified: see parse_listing_page
            },
        )

    async def parse_listing_page(self, response: Response, page: int) -> AsyncIterator[Any]:
        if self._reader_gave_up:
            logger.warning("%s is not read: the walk has ended", response.url)
            return
        stats = self.crawler.stats
        if response.status == 304:  # unchanged since it was last read: nothing new here or older
            stats.inc_value(runstats.NOT_MODIFIED)
            logger.info("%s is not modified since the last crawl: walk ends", response.url)
            return
        if not isinstance(response, TextResponse):
            self.record_error("not_html", response.url, "response is not HTML")
            return
        url = response.url
        early_url = self._early_next_url(response, page)
        if early_url is not None:  # it downloads while the parsing process reads this page
            yield self._listing_request(early_url, page=page + 1, guessed=False)
        try:
            listing = await self._listing_reader().ask("read", response.text, url)
        except BackgroundGaveUp as exc:
            self._reader_stopped(url, exc)
            return
        except (BackgroundError, BackgroundCallError) as exc:  # the parser died, or raised
            self.record_error("parse", url, str(exc))
            if early_url is None:  # the walk goes on with a new parsing process
                failures = response.meta.get("failures", 0) + 1
                for request in self._walk_on(url, page, failures):
                    yield request
            return
        posts = listing.posts
        if not posts:
            for request in self._empty_page(url, page, listing.next_url):
                if request.url != early_url:
                    yield request
            return
        explicit = bool(listing.next_url) and listing.next_url != url
        if not self._lists_new(posts) and not explicit and page > 1:
            # Past the end, a page can still show posts: a slider or a featured block of
            # the newest posts, on a page number the site answers for any value (a page
            # builder's ?avia-element-paging=N). It lists nothing of its own, and guessing
            # on would never end.
            logger.info("Every post on %s was listed before, and no link goes on: end", url)
            stats.inc_value(runstats.EMPTY_PAGES)
            return
        stats.inc_value(runstats.LISTING_PAGES)
        stats.inc_value(runstats.ENTRIES, len(posts))
        # Ask for the next page first so it downloads while these entries are stored.
        if self.caught_up(posts):
            logger.info("Every post on %s is archived: older pages need no visit", url)
        elif self.wants_page(page + 1):
            next_url = listing.next_url if explicit else next_page_guess(url, self.start_url)
            if next_url != early_url:
                yield self._listing_request(next_url, page=page + 1, guessed=not explicit)
        for output in self.route_posts(posts, url):
            yield output

    def _lists_new(self, posts: list[Any]) -> bool:
        """Whether ``posts`` hold one not listed on an earlier page of this crawl (noted)."""
        keys = {canonical_post_url(post.url) for post in posts}
        new = not keys <= self._listed
        self._listed |= keys
        return new

    def _early_next_url(self, response: TextResponse, page: int) -> str | None:
        """The next page's link, read before this page is parsed, when the walk surely takes it.

        Only a walk that cannot stop early (every page wanted) and only an explicit
        next link: a guessed ``/page/N+1/`` waits until this page shows entries.
        """
        if not self.walks_every_page() or not self.wants_page(page + 1):
            return None
        url = listing_next_url(response.text, response.url, self.post_url, self.selectors)
        return url if url and url != response.url else None

    def _listing_reader(self) -> RestartingProcess | InProcess:
        """The parsing process (started at the first page): posts of a page, normalised.

        What runs there is the LISTING_READER setting's class (``module:Class``).
        """
        if self._reader is None:
            self._reader = self.parsing_process(
                self.settings.get("LISTING_READER") or READER,
                self.post_url,
                source=self.source,
                source_name=self.source_name,
                selectors=self.selectors,
                known_series=self.known_series,
            )
        return self._reader

    def _reader_stopped(self, url: str, error: BackgroundGaveUp) -> None:
        """The parsing processes kept dying: this page failed, and the walk ends (once)."""
        if self._reader_gave_up:
            logger.warning("%s is not read: the walk has ended", url)
            return
        self._reader_gave_up = True
        self.record_error("parse", url, f"{error}; the walk ends")

    def _empty_page(self, url: str, page: int, next_url: str | None) -> list[scrapy.Request]:
        """A page without entries ends the walk, unless it is the first or links onwards."""
        if page == 1:
            self.record_error(
                "no_entries", url, "first listing page has no entries (markup changed?)"
            )
        elif next_url:
            self.record_error("no_entries", url, "listing page has no entries")
        else:
            logger.info("No entries on %s: end of the listing", url)
            self.crawler.stats.inc_value(runstats.EMPTY_PAGES)
            return []
        if next_url and next_url != url and self.wants_page(page + 1):
            return [self._listing_request(next_url, page=page + 1, guessed=False)]
        return []

    def listing_failed(self, failure: Failure) -> list[scrapy.Request]:
        """Count the failure; walk on to the next page unless the site looks dead."""
        request = failure.request
        if request.meta.get("guessed") and http_status(failure) in (404, 410):
            logger.info("End of the listing at %s (HTTP %s)", request.url, http_status(failure))
            return []
        self.record_failure(failure)
        failures = request.meta.get("failures", 0) + 1
        return self._walk_on(request.url, request.meta.get("page", 1), failures)

    def _walk_on(self, url: str, page: int, failures: int) -> list[scrapy.Request]:
        """After a failed page, the guessed next one, unless the site looks dead (or unreadable)."""
        if self._reader_gave_up:
            return []
        if failures < MAX_FAILURES_IN_A_ROW and self.wants_page(page + 1):
            guess = next_page_guess(url, self.start_url)
            return [self._listing_request(guess, page=page + 1, guessed=True, failures=failures)]
        return []
