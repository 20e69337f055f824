"""From a fetched page to items: the routing that live crawls and ``reparse`` share.

A spider fetches a page and calls one of these; ``blogarchive reparse`` reads
the same page back from a WARC file and calls the same function, so a re-parse
with today's parsers gives what a crawl with them would have given.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from crawler.items import Post, Resource
from crawler.normalising import is_normalised, normalise_post, with_page_byline
from crawler.parsing.article import ArticlePage, NotAnArticlePage, parse_article
from crawler.parsing.feeds import Feed, FeedEntry
from crawler.parsing.hub import Resource as HubEntry
from crawler.parsing.listing import ListingPage, ListingSelectors, parse_listing
from crawler.parsing.medium import MediumArticle
from crawler.sources import Source


@dataclass(frozen=True)
class ListingPosts:
    """What a crawl takes from one listing page: its posts, and the next page's link."""

    posts: list[Post]
    next_url: str | None


def read_listing(
    text: str,
    page_url: str,
    post_url: re.Pattern[str],
    *,
    source: Source | None,
    source_name: str,
    selectors: ListingSelectors | None = None,
) -> ListingPosts:
    """Parse a listing page into raw Posts, keeping the source's ``allow``ed URLs."""
    listing = parse_listing(text, page_url, post_url, selectors=selectors)
    posts = listing_posts(listing, source=source_name, page_url=page_url, keep=allowed_by(source))
    return ListingPosts(posts, listing.next_url)


def read_normalised_listing(
    text: str,
    page_url: str,
    post_url: re.Pattern[str],
    *,
    source: Source | None,
    source_name: str,
    selectors: ListingSelectors | None = None,
    known_series: Sequence[str] = (),
) -> ListingPosts:
    """``read_listing`` with each post normalised (``known_series``: see ``normalise_post``).

    One call, so that a parsing process does the whole of a page's work.
    """
    read = read_listing(
        text, page_url, post_url, source=source, source_name=source_name, selectors=selectors
    )
    for post in read.posts:
        normalise_post(post, known_series)
    return read


class ListingReader:
    """One source's listing pages, read as a spider's parsing process reads them.

    Built once with what stays the same from page to page, so each page's call
    sends only its text; the posts come back normalised.
    """

    def __init__(
        self,
        post_url: re.Pattern[str],
        *,
        source: Source | None,
        source_name: str,
        selectors: ListingSelectors | None = None,
        known_series: Sequence[str] = (),
    ) -> None:
        self.post_url = post_url
        self.source = source
        self.source_name = source_name
        self.selectors = selectors
        self.known_series = tuple(known_series)

    def read(self, text: str, page_url: str) -> ListingPosts:
        """``read_normalised_listing`` of one page."""
        return read_normalised_listing(
            text,
            page_url,
            self.post_url,
            source=self.source,
            source_name=self.source_name,
            selectors=self.selectors,
            known_series=self.known_series,
        )


def listing_posts(
    listing: ListingPage, *, source: str, page_url: str, keep: Callable[[str], bool] = bool
) -> list[Post]:
    """One Post per entry of a listing page (``keep`` filters entry URLs)."""
    return [
        Post(
            url=entry.url,
            source=source,
            heading=entry.heading,
            teaser=entry.teaser,
            listing_url=page_url,
        )
        for entry in listing.entries
        if keep(entry.url)
    ]


def feed_posts(
    feed: Feed, *, source: str, page_url: str, keep: Callable[[str], bool] = bool
) -> list[Post]:
    """One Post per feed entry: the title is parsed as a heading, the author kept as cms_author."""
    return [_feed_post(entry, source, page_url) for entry in feed.entries if keep(entry.url)]


def _feed_post(entry: FeedEntry, source: str, page_url: str) -> Post:
    return Post(
        url=entry.url,
        source=source,
        heading=entry.title,
        teaser=entry.summary or None,
        published=entry.published[:10] if entry.published else None,
        cms_author=entry.author,
        tags=list(entry.categories),
        # No body_text: the post's own page is the one source of text, so a feed's
        # rendering of it and the page's never alternate as "changes".
        listing_url=page_url,
    )


def medium_post(article: MediumArticle, *, source: str, page_url: str) -> Post:
    """The Post of a Medium story page; its byline is the page's own (author_source page)."""
    return Post(
        url=article.url,
        source=source,
        heading=article.title,
        authors=[article.author] if article.author else [],
        published=article.published,
        reading_minutes=article.reading_minutes,
        body_text=article.body_text or None,
        author_bio=article.author_bio,
        partial=article.partial,
        listing_url=page_url,
    )


def hub_resources(
    entries: list[HubEntry], *, source: str, keep: Callable[[str], bool] = bool
) -> list[Resource]:
    """One Resource per entry of a curated page."""
    return [
        Resource(
            id=entry.resource_id,
            source=source,
            page_url=entry.page_url,
            section=entry.section,
            kind=entry.kind,
            title=entry.title,
            description=entry.description,
            link=entry.link,
        )
        for entry in entries
        if keep(entry.page_url)
    ]


class PageFailure(NamedTuple):
    """Why a post's own page gave no data."""

    kind: str  # the run's error counter: http_500, timeout, not_html, not_an_article, ...
    reason: str  # one line, as a post's ``article_error`` keeps it ("HTTP 500")


NOT_HTML = PageFailure("not_html", "page is not HTML")


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


def read_article(
    text: str | None, url: str, *, fetched_at: str, date_order: str
) -> ArticlePage | PageFailure:
    """A post's own page read as a crawl reads it: the page, or why it gives no data.

    ``text`` is None for a page that is not text: one Scrapy did not make a
    ``TextResponse`` (``scrapy.responsetypes``). An HTTP error answer never
    gets here: see ``is_http_error``.
    """
    if text is None:
        return NOT_HTML
    try:
        return parse_article(text, url, fetched_at=fetched_at, date_order=date_order)
    except NotAnArticlePage as exc:
        return not_an_article(exc)


def failed_post(post: Post, failure: PageFailure) -> Post:
    """The listing's ``post`` as kept when its own page could not be read: why, no more."""
    return replace(post, article_error=failure.reason)


def article_post(post: Post, page: ArticlePage, *, fetched_at: str) -> Post:
    """The listing's ``post`` completed with what its own page says.

    The page's byline goes in ``authors``; the heading's, when it has one, wins
    (later for a raw post, at once for a normalised one).
    """
    if is_normalised(post):
        authors, author_source = with_page_byline(post, page.authors)
    else:
        authors, author_source = list(page.authors), post.author_source
    return replace(
        post,
        authors=authors,
        author_source=author_source,
        published=_date_part(page.published) or post.published,
        published_raw=page.published_raw,
        date_precision=page.date_precision,
        date_relative=page.date_relative,
        modified=_date_part(page.modified),
        tags=[*page.categories, *(t for t in page.tags if t not in page.categories)] or post.tags,
        canonical_url=page.canonical_url,
        body_text=page.body_text or None,
        word_count=page.word_count,
        article_fetched=fetched_at,
        article_error=None,
    )


def _date_part(value: str | None) -> str | None:
    """The date of an ISO 8601 value as the page gave it (``2023-10-09``, ``2023-10``, ``2023``).

    ``published`` stays a date, as in listings and feeds; the full value, time and
    offset included, is kept in ``published_raw``.
    """
    return value.split("T", 1)[0] if value else None


def allowed_by(source: Source | None) -> Callable[[str], bool]:
    """A URL filter for the source's ``allow`` path prefix (everything without one)."""
    allow = source.allow if source else None
    if allow is None:
        return bool
    prefix = re.compile(r"^[a-z]+://[^/]+" + re.escape(allow), re.IGNORECASE)
    return lambda url: bool(prefix.match(url))
