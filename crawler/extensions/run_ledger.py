"""Record each crawl in the archive's ``crawl_runs`` table.

The spider and pipelines count into Scrapy stats (``blogarchive/...`` keys);
this extension turns those counts into one ledger row and a status.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from twisted.python.failure import Failure

from crawler import runstats
from crawler.store import Archive, utc_now

logger = logging.getLogger(__name__)


def run_status(stats: dict[str, Any], finish_reason: str) -> tuple[str, str]:
    """(status, one-line message) for a finished crawl, from its stats."""
    pages = stats.get(runstats.LISTING_PAGES, 0)
    failed = stats.get(runstats.FAILED_PAGES, 0)
    errors = runstats.error_count(stats)
    first_error = stats.get(runstats.FIRST_ERROR)
    if finish_reason not in ("finished", "closespider_pagecount", "closespider_itemcount"):
        return "interrupted", f"crawl stopped early ({finish_reason})"
    if pages == 0:
        return "failed", f"no listing page could be read: {first_error or 'no pages fetched'}"
    if failed or errors:
        return "degraded", f"{errors} error(s); first: {first_error}"
    return "ok", f"{pages} listing page(s) read"


class RunLedger:
    def __init__(self, db_path: str, stats: StatsCollector) -> None:
        self.db_path = db_path
        self.stats = stats
        self.run_id: int | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunLedger:
        ledger = cls(crawler.settings.get("ARCHIVE_DB"), crawler.stats)
        crawler.signals.connect(ledger.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ledger.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ledger.spider_error, signal=signals.spider_error)
        crawler.signals.connect(ledger.item_error, signal=signals.item_error)
        return ledger

    def spider_opened(self, spider: Spider) -> None:
        source = getattr(spider, "source", None)
        source_name = getattr(spider, "source_name", spider.name)
        with Archive(self.db_path) as archive:
            archive.register_source(
                source_name,
                source.kind if source else "wordpress",
                getattr(spider, "start_url", ""),
            )
            self.run_id = archive.start_run(
                spider=spider.name, source=source_name, started=utc_now()
            )

    def spider_error(self, failure: Failure, response: Any, spider: Spider) -> None:
        # A callback that raised: the page could not be parsed.
        self._count_error("parse", getattr(response, "url", "?"), failure.getErrorMessage())

    def item_error(self, item: Any, response: Any, spider: Spider, failure: Failure) -> None:
        self._count_error("item", getattr(response, "url", "?"), failure.getErrorMessage())

    def _count_error(self, kind: str, url: str, reason: str) -> None:
        logger.error("%s error at %s: %s", kind, url, reason)
        runstats.record_error(self.stats, kind, url, reason, page_failed=kind == "parse")

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.run_id is None:
            return
        stats = self.stats.get_stats()
        status, message = run_status(stats, reason)
        with Archive(self.db_path) as archive:
            archive.finish_run(
                self.run_id,
                ended=utc_now(),
                status=status,
                message=message,
                finish_reason=reason,
                pages=stats.get(runstats.LISTING_PAGES, 0),
                pages_failed=stats.get(runstats.FAILED_PAGES, 0),
                entries=stats.get(runstats.ENTRIES, 0),
                posts_new=stats.get(runstats.POSTS_NEW, 0),
                posts_updated=stats.get(runstats.POSTS_UPDATED, 0),
                posts_unchanged=stats.get(runstats.POSTS_UNCHANGED, 0),
                errors=runstats.error_count(stats),
            )
        log = logger.info if status == "ok" else logger.warning
        log("Run %s of %s: %s (%s)", self.run_id, spider.name, status, message)
