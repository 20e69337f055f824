"""Following a listed post to its own page, for its dates, tags and text.

Only new posts, posts whose heading or teaser changed, and posts whose page
could not be read before are fetched, so a quiet re-crawl costs the site
nothing more. A page that fails keeps the listing's data and records why on
the post (``article_error``); the next crawl tries it again.

Each post's page is asked for once a crawl, by the spider itself rather than
by Scrapy's duplicate filter: that filter would also drop a redirect to a page
already asked for under its own URL (a post listed at its old URL and its new
one), and the post listed at the old URL would get neither its page nor an
error in that crawl.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler import runstats
from crawler.extract import PageFailure, article_post, failed_post, read_article
from crawler.items import PageEntries, Post
from crawler.normalising import is_normalised
from crawler.parsing.teaser import parse_teaser
from crawler.parsing.urls import canonical_post_url
from crawler.spiders.base import SourceSpider, failure_kind
from crawler.store import Archive, ArchiveError, utc_now

logger = logging.getLogger(__name__)

# Post pages asked for in this process, per archive, and by which spider. Sources
# crawled together (a blog and its feed) list the same posts; one request a page is enough.
_ASKED_IN_PROCESS: dict[str, dict[str, str]] = {}


@dataclass(frozen=True, slots=True)
class KnownPost:
    heading: str
    teaser: str | None
    article_read: bool


class ArticleFollowingSpider(SourceSpider):
    """A platform spider whose entries link to post pages worth reading too."""

    def start_following(self) -> None:
        """Read what the archive knows of this source (call once, at start).

        A walk stops at the first listing page whose posts are all archived,
        unless FULL_CRAWL is set or the source's last run did not end ok: then
        every page is walked again, so an interrupted run gets completed.
        """
        self.follow_articles = self.settings.getbool("FOLLOW_ARTICLES", True)
        self.full = self.settings.getbool("FULL_CRAWL", False)
        self.date_order = self.source.date_order if self.source else "DMY"
        self.known: dict[str, KnownPost] = {}
        self.known_series: tuple[str, ...] = ()  # for normalise_post, as the pipeline has them
        db_path = self.settings.get("ARCHIVE_DB")
        self.asked = _ASKED_IN_PROCESS.setdefault(os.path.abspath(db_path), {})
        try:
            with Archive(db_path, read_only=True) as archive:
                # Every source's posts: a blog's feed lists the blog's posts.
                rows = archive.article_state()
                last = archive.last_finished_run(self.source_name)
                self.known_series = tuple(archive.series_names().get(self.source_name, ()))
        except ArchiveError:
            return  # a new archive: every post is new
        self.known = {
            row["url"]: KnownPost(row["heading"], row["teaser"], bool(row["article_fetched"]))
            for row in rows
        }
        if last is not None and last["status"] != "ok" and not self.full:
            logger.info(
                "Last run of %s was %s: walking every page", self.source_name, last["status"]
            )
            self.full = True

    def walks_every_page(self) -> bool:
        """Whether no listing page can end this walk early (a full walk, or nothing archived)."""
        return self.full or not self.known

    def caught_up(self, posts: list[Post]) -> bool:
        """Whether a listing page shows only archived posts, so older pages need no visit."""
        return not self.full and all(canonical_post_url(p.url) in self.known for p in posts)

    def route_posts(self, posts: list[Post], page_url: str) -> list[Any]:
        """A request for each post's page worth reading, and the other posts as they are."""
        output: list[Any] = []
        kept: list[Post] = []
        for post in posts:
            key = canonical_post_url(post.url)
            asker = self.asked.get(key)
            if asker == self.name:
                # Listed again (the hero, a post moved to the next page, another URL
                # form): the page asked for stores it; a listing copy now would race it.
                continue
            if asker is None and self._wants_article(post, key):
                self.asked[key] = self.name
                output.append(self._article_request(post))
            else:
                kept.append(post)  # as listed; another source's request completes it
        if kept:
            output.append(PageEntries(page_url, kept))
        return output

    def _wants_article(self, post: Post, key: str) -> bool:
        if not self.follow_articles:
            return False
        known = self.known.get(key)
        if known is None or not known.article_read or known.heading != post.heading:
            return True
        if post.teaser is None:
            return False
        teaser = post.teaser if is_normalised(post) else parse_teaser(post.teaser).text
        return teaser != known.teaser

    def _article_request(self, post: Post) -> scrapy.Request:
        return scrapy.Request(
            _same_scheme_as(post.url, post.listing_url),
            callback=self.parse_article_page,
            errback=self.article_failed,
            cb_kwargs={"post": post},
            meta={"kind": "article"},
            priority=-1,  # the listing walk first: it decides what else to fetch
            # Asked for once by route_posts; unfiltered, so a redirect to a page fetched
            # for another listed URL is followed too (it and its redirects).
            dont_filter=True,
        )

    def parse_article_page(self, response: Response, post: Post) -> list[PageEntries]:
        fetched_at = utc_now()
        # Scrapy made a text response of a text page (scrapy.responsetypes), decoded in .text.
        text = response.text if isinstance(response, TextResponse) else None
        page = read_article(text, response.url, fetched_at=fetched_at, date_order=self.date_order)
        if isinstance(page, PageFailure):
            return [self._failed_post(post, page, response.url)]
        self.crawler.stats.inc_value(runstats.ARTICLES)
        return [PageEntries(response.url, [article_post(post, page, fetched_at=fetched_at)])]

    def article_failed(self, failure: Failure) -> list[PageEntries]:
        post: Post = failure.request.cb_kwargs["post"]
        return [self._failed_post(post, failure_kind(failure), failure.request.url)]

    def _failed_post(self, post: Post, failure: PageFailure, url: str) -> PageEntries:
        """The listing's post, with why its page could not be read."""
        kind, reason = failure
        log = logger.warning if kind == "too_large" else logger.error
        log("Article page failed: %s: %s", url, reason)
        runstats.record_article_failure(self.crawler.stats, url, kind, reason)
        return PageEntries(url, [failed_post(post, failure)])


def _same_scheme_as(url: str, page_url: str | None) -> str:
    """``url`` with the scheme of the page that linked it, when both are on one host.

    Blogs mix http and https links to their own posts; the scheme that just
    served the listing is the one known to work.
    """
    if not page_url:
        return url
    link, page = urlsplit(url), urlsplit(page_url)
    if link.netloc == page.netloc and link.scheme != page.scheme:
        return urlunsplit(link._replace(scheme=page.scheme))
    return url
