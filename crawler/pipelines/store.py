"""Write posts (and a hub's resources) to the SQLite archive, one transaction per page."""

from __future__ import annotations

from dataclasses import asdict, fields

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler import runstats
from crawler.items import Post, Resource
from crawler.parsing.recurrence import relabelled
from crawler.store import Archive, SaveResult, utc_now

# Every Post field but the transient listing_url. (dataclasses.asdict deep-copies: too slow here.)
STORED_FIELDS = tuple(f.name for f in fields(Post) if f.name != "listing_url")


class StorePipeline:
    """Buffers the items of one page and saves them in one transaction.

    A crawl killed mid-page loses at most that page's entries, which the next
    run picks up again; it never leaves half a post. When the crawl ends, the
    series of each source are re-labelled (a prefix may only now recur).
    """

    def __init__(self, db_path: str, stats: StatsCollector) -> None:
        self.db_path = db_path
        self.stats = stats
        self.archive: Archive | None = None
        self.buffer: list[Post | Resource] = []
        self.page: tuple[type, str | None] | None = None
        self.sources: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(crawler.settings.get("ARCHIVE_DB"), crawler.stats)

    def open_spider(self) -> None:
        self.archive = Archive(self.db_path)

    def process_item(self, item: Post | Resource) -> Post | Resource:
        page = (type(item), item.listing_url if isinstance(item, Post) else item.page_url)
        if self.buffer and page != self.page:
            self.flush()
        self.page = page
        self.buffer.append(item)
        self.sources.add(item.source)
        return item

    def flush(self) -> None:
        """Save the buffered page's items and count them in the crawl stats."""
        if not self.buffer or self.archive is None:
            return
        items, self.buffer = self.buffer, []
        if isinstance(items[0], Resource):
            result = self.archive.save_resources([asdict(r) for r in items], seen_at=utc_now())
            self._count(result, runstats.RESOURCE_COUNTS)
        else:
            rows = [{name: getattr(post, name) for name in STORED_FIELDS} for post in items]
            self._count(self.archive.save_posts(rows, seen_at=utc_now()), runstats.POST_COUNTS)

    def _count(self, result: SaveResult, keys: tuple[str, str, str]) -> None:
        for key, value in zip(keys, (result.new, result.updated, result.unchanged), strict=True):
            self.stats.inc_value(key, value)

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
