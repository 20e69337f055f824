"""Write posts (and a hub's resources) to the SQLite archive, one transaction per page."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import asdict, fields

from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector

from crawler import runstats
from crawler.background import BackgroundError, BackgroundProcess, InProcess, Outcome
from crawler.items import PageEntries, Post, Resource
from crawler.store import utc_now

logger = logging.getLogger(__name__)

# Every Post field but the transient listing_url. (dataclasses.asdict deep-copies: too slow here.)
STORED_FIELDS = tuple(f.name for f in fields(Post) if f.name != "listing_url")
WRITER = "crawler.pipelines.store_writer:StoreWriter"
_COUNTS = {"save_posts": runstats.POST_COUNTS, "save_resources": runstats.RESOURCE_COUNTS}


class StorePipeline:
    """Saves each page's entries in one transaction.

    The saving runs in a background process (setting ``BACKGROUND_PROCESSES``),
    so the crawl's one thread goes on fetching and parsing while SQLite writes;
    pages are saved in the order they were scraped. A crawl killed mid-page
    loses at most that page's entries, which the next run picks up again; it
    never leaves half a post. When the crawl ends, the series of each source
    are re-labelled (a prefix may only now recur).
    """

    def __init__(
        self,
        db_path: str,
        stats: StatsCollector,
        *,
        background: bool = True,
        crawler: Crawler | None = None,
    ) -> None:
        self.db_path = db_path
        self.stats = stats
        self.background = background
        self.crawler = crawler  # to end the crawl if the archive writer stops
        self.writer: BackgroundProcess | InProcess | None = None
        self.sources: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        return cls(
            crawler.settings.get("ARCHIVE_DB"),
            crawler.stats,
            background=crawler.settings.getbool("BACKGROUND_PROCESSES", True),
            crawler=crawler,
        )

    def open_spider(self) -> None:
        process = BackgroundProcess if self.background else InProcess
        self.writer = process(WRITER, self.db_path)

    def register_source(self, name: str, kind: str, start_url: str = "") -> None:
        """Register a source before its first page (``reparse`` does; crawls register at start)."""
        assert self.writer is not None
        self.writer.call("register_source", name, kind, start_url, context=name)

    def process_item(self, item: PageEntries) -> PageEntries:
        """Send the page's entries to be saved (in order, one transaction)."""
        entries = item.entries
        if not entries or self.writer is None:
            return item  # nothing to save, or the writer stopped (and said so)
        self.sources.update({entry.source for entry in entries})
        try:
            if isinstance(entries[0], Resource):
                rows = [asdict(r) for r in entries]
                self.writer.call("save_resources", rows, utc_now(), context=item.page_url)
            else:
                rows = [{name: getattr(post, name) for name in STORED_FIELDS} for post in entries]
                self.writer.call("save_posts", rows, utc_now(), context=item.page_url)
                # Counted here, not on item_scraped: cheaper for the crawl's thread.
                authored = sum(1 for p in entries if p.authors and p.author_source == "heading")
                if authored:
                    self.stats.inc_value(runstats.AUTHORED, authored)
            self.collect()
        except BackgroundError as exc:
            self._writer_stopped(exc, item.page_url)
        return item

    def collect(self) -> None:
        """Count the pages the store's process has saved so far; log what it refused."""
        if self.writer is not None:
            self._count(self.writer.outcomes())

    def _writer_stopped(self, error: BackgroundError, page_url: str | None) -> None:
        """The store's process died (killed, out of memory): end the crawl, keep what is saved."""
        self.writer = None
        logger.error("%s: ending the crawl; pages saved before it are kept", error)
        runstats.record_error(self.stats, "store", str(page_url), str(error), page_failed=False)
        if self.crawler is not None and self.crawler.engine is not None:
            reason = "archive_writer_stopped"
            asyncio.ensure_future(self.crawler.engine.close_spider_async(reason=reason))

    def _count(self, outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            if outcome.error is not None:
                where = str(outcome.context or self.db_path)
                what = outcome.method.replace("_", " ")
                logger.error("Could not %s from %s: %s", what, where, outcome.error)
                runstats.record_error(self.stats, "store", where, outcome.error, page_failed=False)
            elif outcome.method in _COUNTS:
                saved = outcome.result
                counts = (saved.new, saved.updated, saved.unchanged)
                for key, value in zip(_COUNTS[outcome.method], counts, strict=True):
                    self.stats.inc_value(key, value)
            elif outcome.method == "relabel":
                self.stats.inc_value(runstats.POSTS_RELABELLED, outcome.result)

    def close_spider(self) -> None:
        writer, self.writer = self.writer, None
        if writer is None:
            return  # it stopped, and said so
        try:
            # A colon prefix may recur only now: re-label each crawled source's series.
            writer.call("relabel", sorted(self.sources))
            self._count(writer.close())
        except BackgroundError as exc:
            logger.error("%s: series were not re-labelled", exc)
            runstats.record_error(self.stats, "store", self.db_path, str(exc), page_failed=False)
