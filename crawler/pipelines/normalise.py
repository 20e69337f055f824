"""Turn what a spider saw into archive fields: canonical URL, parsed heading and teaser."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.items import Post
from crawler.parsing.headings import PARSER_VERSION, parse_heading
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
        self.known_series: dict[str, list[str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> NormalisePipeline:
        return cls(crawler.settings.get("ARCHIVE_DB"))

    def open_spider(self) -> None:
        if self.db_path:
            with Archive(self.db_path) as archive:
                self.known_series = archive.series_names()

    def process_item(self, item: Post) -> Post:
        item.url = canonical_post_url(item.url)
        heading = parse_heading(item.heading, known_series=self.known_series.get(item.source, ()))
        for name, value in heading_fields(heading).items():
            setattr(item, name, value)
        item.author_source = "heading" if heading.authors else "none"
        item.parser_version = PARSER_VERSION
        if item.teaser is not None:
            teaser = parse_teaser(item.teaser)
            item.teaser = teaser.text
            item.teaser_truncated = teaser.truncated
            item.originally_published_at = teaser.originally_published_at
        return item
