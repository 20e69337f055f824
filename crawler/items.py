"""The item schemas. Every blog source finds ``Post``s; a resource hub finds ``Resource``s.

Spiders yield them a page at a time, as ``PageEntries``: the unit the pipelines
handle and the store saves in one transaction. Field names are the export keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Post:
    """A blog post as seen on a listing page.

    Spiders fill ``url``, ``source``, ``heading``, ``teaser`` and ``listing_url``;
    the normalise pipeline derives the rest from them.
    """

    url: str  # canonical post URL once normalised (the dedupe key)
    source: str
    heading: str
    teaser: str | None = None
    title: str | None = None
    series: str | None = None
    series_part: int | None = None
    authors: list[str] = field(default_factory=list)
    authors_more: bool = False
    kind: str = "article"
    subject: str | None = None
    teaser_truncated: bool = False
    originally_published_at: str | None = None
    published: str | None = None  # ISO date, when the source shows one
    author_source: str = "none"  # where `authors` came from: heading, page, feed, none
    parser_version: str | None = None
    cms_author: str | None = None  # the CMS account a feed names: often the uploader
    tags: list[str] = field(default_factory=list)  # categories and tags, as the site gives them
    reading_minutes: int | None = None
    body_text: str | None = None
    author_bio: str | None = None
    partial: bool = False  # stored from a member-only preview, not the full text
    # From the post's own page (issue: article pages):
    published_raw: str | None = None  # the date text or value `published` was read from
    date_precision: str | None = None  # day, month or year
    date_relative: bool | None = None  # read from "2 weeks ago", resolved at crawl time
    modified: str | None = None
    word_count: int | None = None
    canonical_url: str | None = None  # the page's rel=canonical
    article_fetched: str | None = None  # when the page was last read
    article_error: str | None = None  # why the page could not be read; retried next crawl
    listing_url: str | None = None  # the page the entry was found on; not stored


@dataclass
class Resource:
    """An entry of a curated resource page: an external link, not a post of the site."""

    id: str  # stable: from the page URL and the link (or the title when there is no link)
    source: str
    page_url: str
    section: str
    kind: str  # resource, video, blog, news
    title: str
    description: str = ""
    link: str | None = None


@dataclass
class PageEntries:
    """The entries a spider found on one page (listing, feed, article or hub page).

    One item per page rather than per entry: Scrapy's work per item (spider
    middlewares, pipeline chain, signals) would otherwise cost the crawl's
    thread more than parsing the page. All entries are of one kind.
    """

    page_url: str
    entries: list[Post] | list[Resource]

    @property
    def posts(self) -> list[Post]:
        """The entries when they are posts (none for a hub page)."""
        entries = self.entries
        return entries if entries and isinstance(entries[0], Post) else []  # type: ignore[return-value]
