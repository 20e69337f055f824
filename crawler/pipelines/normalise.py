"""Normalise the posts that reach the pipelines raw (see :mod:`crawler.normalising`)."""

from __future__ import annotations

from scrapy.crawler import Crawler

from crawler.items import PageEntries
from crawler.normalising import is_normalised, normalise_post
from crawler.store import Archive


class NormalisePipeline:
    """Parses each post's heading and teaser, unless its spider's parsing process did.

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

    def process_item(self, item: PageEntries) -> PageEntries:
        for post in item.posts:  # a hub's resources are kept as the page shows them
            if not is_normalised(post):
                normalise_post(post, self.known_series.get(post.source, ()))
        return item
