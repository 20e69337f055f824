"""Drop a post already seen in this crawl (the hero repeated, a post moved to the next page).

A URL the archive knows as another URL of a post (an alias, or the canonical URL
a post's page declares: ``post_urls``) counts as that post, so a listing that
shows one post under two URLs passes it on once. Across crawls the store keys
posts by URL and canonical URL, so a post is one row either way.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from crawler import runstats
from crawler.items import Post, Resource
from crawler.store import Archive, ArchiveError


class DedupePipeline:
    def __init__(self, stats: StatsCollector, db_path: str | None = None) -> None:
        self.stats = stats
        self.db_path = db_path
        self.seen: set[str] = set()
        self.aliases: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        return cls(crawler.stats, crawler.settings.get("ARCHIVE_DB"))

    def open_spider(self) -> None:
        """Read the archive's other URLs of posts (none when there is no archive yet)."""
        if not self.db_path:
            return
        try:
            with Archive(self.db_path, read_only=True) as archive:
                self.aliases = archive.url_aliases()
        except ArchiveError:
            self.aliases = {}

    def process_item(self, item: Post | Resource) -> Post | Resource:
        if isinstance(item, Post):
            key = self.aliases.get(item.url, item.url)
        else:
            key = f"resource:{item.id}"
        if key in self.seen:
            self.stats.inc_value(runstats.DUPLICATES)
            # Expected on paginated blogs, so not worth a warning.
            raise DropItem(f"already seen in this crawl: {key}", log_level="DEBUG")
        self.seen.add(key)
        return item
