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
from crawler.items import PageEntries, Post, Resource
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

    def process_item(self, item: PageEntries) -> PageEntries:
        """The page's entries not seen before in this crawl; dropped when there are none."""
        fresh = [entry for entry in item.entries if self.first_sight(entry)]
        if len(fresh) < len(item.entries):
            self.stats.inc_value(runstats.DUPLICATES, len(item.entries) - len(fresh))
        if not fresh:
            # Expected on paginated blogs, so not worth a warning.
            message = f"every entry already seen in this crawl: {item.page_url}"
            raise DropItem(message, log_level="DEBUG")
        item.entries = fresh
        return item

    def first_sight(self, entry: Post | Resource) -> bool:
        """Whether ``entry`` is new to this crawl (and remember it)."""
        if isinstance(entry, Post):
            key = self.aliases.get(entry.url, entry.url)
        else:
            key = f"resource:{entry.id}"
        if key in self.seen:
            return False
        self.seen.add(key)
        return True
