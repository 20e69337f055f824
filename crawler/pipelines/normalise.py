"""Turn what a spider saw into archive fields: canonical URL, parsed heading and teaser."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.items import Post, Resource
from crawler.parsing.headings import PARSER_VERSION, parse_heading
from crawler.parsing.names import person_name
from crawler.parsing.recurrence import heading_fields
from crawler.parsing.teaser import parse_teaser
from crawler.parsing.urls import canonical_post_url
from crawler.store import Archive


class NormalisePipeline:
    """Parses each post's heading and teaser.

    Series that the archive already knows for a source (recognised by
    recurrence, in their canonical spelling) are passed to the heading parser,
    so a known post parses as it is stored; the store re-labels the rest when a
    crawl ends.
    """

    def __init__(self, db_path: str | None = None) -> None:
        self.db_path = db_path
        self.known_series: dict[str, tuple[str, ...]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalisePipeline:
        return cls(crawler.settings.get("ARCHIVE_DB"))

    def open_spider(self) -> None:
        if self.db_path:
            with Archive(self.db_path) as archive:
                # Tuples: parse_heading caches what it derives from a hashable collection.
                self.known_series = {
                    source: tuple(names) for source, names in archive.series_names().items()
                }

    def process_item(self, item: Post | Resource) -> Post | Resource:
        if isinstance(item, Resource):
            return item  # a hub entry is kept as the page shows it
        item.url = canonical_post_url(item.url)
        page_authors = item.authors  # a spider sets these only from a page's own byline
        heading = parse_heading(item.heading, known_series=self.known_series.get(item.source, ()))
        for name, value in heading_fields(heading).items():
            setattr(item, name, value)
        item.author_source = "heading" if heading.authors else "none"
        if not heading.authors:
            self._fallback_byline(item, page_authors)
        item.parser_version = PARSER_VERSION
        if item.teaser is not None:
            teaser = parse_teaser(item.teaser)
            item.teaser = teaser.text
            item.teaser_truncated = teaser.truncated
            item.originally_published_at = teaser.originally_published_at
        return item

    @staticmethod
    def _fallback_byline(item: Post, page_authors: list[str]) -> None:
        """Authors when the heading names none: the page's byline, else the feed's author.

        A feed's author is often the account that uploaded the post ("BMJ
        Leader"), so it counts only when it is a person's name.
        """
        if page_authors:
            item.authors, item.author_source = page_authors, "page"
        elif item.cms_author and item.kind == "article" and (name := person_name(item.cms_author)):
            item.authors, item.author_source = [name], "feed"
