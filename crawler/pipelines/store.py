"""Write posts to the SQLite archive, one transaction per listing page."""

from __future__ import annotations

from dataclasses import fields

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler import runstats
from crawler.items import Post
from crawler.parsing.recurrence import relabelled
from crawler.store import Archive, utc_now

# Every Post field but the transient listing_url. (dataclasses.asdict deep-copies: too slow here.)
STORED_FIELDS = tuple(f.name for f in fields(Post) if f.name != "listing_url")


class StorePipeline:
    """Buffers the entries of one listing page and saves them in one transaction.

    A crawl killed mid-page loses at most that page's entries, which the next
    run picks up again; it never leaves half a post.
    """

    def __init__(self, db_path: str, stats: StatsCollector) -> None:
        self.db_path = db_path
        self.stats = stats
        self.archive: Archive | None = None
        self.buffer: list[Post] = []
        self.sources: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler.settings.get("ARCHIVE_DB"), crawler.stats)

    def open_spider(self) -> None:
        self.archive = Archive(self.db_path)

    def process_item(self, item: Post) -> Post:
        if self.buffer and self.buffer[-1].listing_url != item.listing_url:
            self.flush()
        self.buffer.append(item)
        self.sources.add(item.source)
        return item

    def flush(self) -> None:
        """Save the buffered page's posts and count them in the crawl stats."""
        if not self.buffer or self.archive is None:
            return
        rows = [{name: getattr(post, name) for name in STORED_FIELDS} for post in self.buffer]
        self.buffer = []
        result = self.archive.save_posts(rows, seen_at=utc_now())
        self.stats.inc_value(runstats.POSTS_NEW, result.new)
        self.stats.inc_value(runstats.POSTS_UPDATED, result.updated)
        self.stats.inc_value(runstats.POSTS_UNCHANGED, result.unchanged)

    def relabel(self) -> None:
        """Re-label series across each crawled source: a prefix may recur only now."""
        assert self.archive is not None
        for source in sorted(self.sources):
            changed = self.archive.refresh_heading_fields(
                relabelled(self.archive.heading_rows(source))
            )
            self.stats.inc_value(runstats.POSTS_RELABELLED, changed)

    def close_spider(self) -> None:
        try:
            self.flush()
            if self.archive is not None:
                self.relabel()
        finally:
            if self.archive is not None:
                self.archive.close()
                self.archive = None
