"""A lone ``scrapy crawl`` holds the archive's lock too, as ``blogarchive crawl`` does.

Without it a ``scrapy crawl`` beside a scheduled ``blogarchive crawl`` would write
the same archive at the same time, and the scheduled run, finding a run left
``running``, would mark it interrupted. Taken when the crawler is built, before
any pipeline opens the archive; a locked archive stops the crawl before it
starts, with the holder's pid in the message.
"""

from __future__ import annotations

import logging

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.locking import ArchiveLock, ArchiveLocked

logger = logging.getLogger(__name__)


class ArchiveLockHolder:
    """Holds ``<ARCHIVE_DB>.lock`` from the crawler's construction until its engine stops."""

    def __init__(self, db_path: str) -> None:
        self.lock = ArchiveLock(db_path)
        try:
            self.lock.acquire()
        except ArchiveLocked as exc:
            logger.error("%s", exc)  # one line before Scrapy's traceback
            raise

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveLockHolder:
        holder = cls(crawler.settings.get("ARCHIVE_DB"))
        # After every other spider_closed receiver: the run ledger writes last.
        crawler.signals.connect(holder.release, signal=signals.engine_stopped)
        return holder

    def release(self) -> None:
        self.lock.release()
