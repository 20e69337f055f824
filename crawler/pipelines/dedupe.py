"""Drop a post already seen in this crawl (the hero repeated, a post moved to the next page).

Across crawls the store keys posts by canonical URL, so a post is one row either way.
"""

from __future__ import annotations

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.statscollectors import StatsCollector

from crawler import runstats
from crawler.items import Post, Resource


class DedupePipeline:
    def __init__(self, stats: StatsCollector) -> None:
        self.stats = stats
        self.seen: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        return cls(crawler.stats)

    def process_item(self, item: Post | Resource) -> Post | Resource:
        key = item.url if isinstance(item, Post) else f"resource:{item.id}"
        if key in self.seen:
            self.stats.inc_value(runstats.DUPLICATES)
            # Expected on paginated blogs, so not worth a warning.
            raise DropItem(f"already seen in this crawl: {key}", log_level="DEBUG")
        self.seen.add(key)
        return item
