"""Record each crawl in the archive's ``crawl_runs`` table.

The spider and pipelines count into Scrapy stats (``blogarchive/...`` keys);
this extension turns those counts into one ledger row and a status.

Health: a run is judged on the entries it parsed, not on new posts (a quiet
night is healthy). A source whose listing pages suddenly yield no entries, or
whose share of entries with a byline in the heading falls below half of what
its last ok runs had, is marked ``degraded`` with the reason: its markup has
probably changed under the parser.
"""

from __future__ import annotations

import json
import logging
import statistics
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.statscollectors import StatsCollector
from twisted.python.failure import Failure

from crawler import runstats
from crawler.store import Archive, utc_now

logger = logging.getLogger(__name__)

# Earlier ok runs the authors share is compared with, and the fewest entries worth judging.
HEALTH_RUNS = 5
HEALTH_MIN_ENTRIES = 20


def run_status(
    stats: Mapping[str, Any], finish_reason: str, history: Sequence[Mapping[str, Any]] = ()
) -> tuple[str, str]:
    """(status, one-line message) for a finished crawl, from its stats.

    ``history`` holds ``crawl_runs`` rows of the source's earlier ``ok`` runs
    that parsed entries (see :func:`health_history`): what its health is judged against.
    """
    pages = listing_pages(stats)
    failed = stats.get(runstats.FAILED_PAGES, 0)
    errors = runstats.error_count(stats)
    first_error = stats.get(runstats.FIRST_ERROR)
    if finish_reason not in ("finished", "closespider_pagecount", "closespider_itemcount"):
        return "interrupted", f"crawl stopped early ({finish_reason})"
    vanished = entries_vanished(stats, history)
    if vanished:
        return "degraded", vanished
    if pages == 0:
        return "failed", f"no listing page could be read: {first_error or 'no pages fetched'}"
    dropped = authors_dropped(stats, history)
    reasons = [dropped] if dropped else []
    if failed or errors:
        reasons.append(f"{errors} error(s); first: {first_error}")
    if reasons:
        return "degraded", "; ".join(reasons)
    return "ok", _pages_read(stats)


def health_history(archive: Archive, source: str) -> list[dict[str, Any]]:
    """The source's latest ok run with entries and its last HEALTH_RUNS judged ones.

    Judged: ok runs with at least HEALTH_MIN_ENTRIES entries. Smaller runs (a
    caught-up night of one page) say too little about bylines to be compared with.
    """
    latest = archive.recent_runs(source, status="ok", min_entries=1, limit=1)
    judged = archive.recent_runs(
        source, status="ok", min_entries=HEALTH_MIN_ENTRIES, limit=HEALTH_RUNS
    )
    return list({run["id"]: run for run in latest + judged}.values())


def listing_pages(stats: Mapping[str, Any]) -> int:
    """Listing or feed pages read, counting those answered 304 (checked, unchanged)."""
    return stats.get(runstats.LISTING_PAGES, 0) + stats.get(runstats.NOT_MODIFIED, 0)


def entries_vanished(stats: Mapping[str, Any], history: Sequence[Mapping[str, Any]]) -> str | None:
    """Why a run that read listing pages but found no entry on any is unhealthy, or None.

    Only when the source's earlier ok runs had entries: a new source with an
    empty first page stays ``failed`` (nothing was ever read from it).
    """
    if stats.get(runstats.ENTRIES, 0) or not any(run.get("entries") for run in history):
        return None
    empty = stats.get(runstats.ERRORS + "no_entries", 0) + stats.get(runstats.EMPTY_PAGES, 0)
    if not empty:
        return None  # nothing came back (network) or only 304s: not the markup's fault
    return f"no entries parsed on {empty} listing page{'' if empty == 1 else 's'} (markup changed?)"


def authors_dropped(stats: Mapping[str, Any], history: Sequence[Mapping[str, Any]]) -> str | None:
    """Why a run's share of entries with authors is unhealthy, or None.

    Unhealthy: at least HEALTH_MIN_ENTRIES entries, and a share below half the
    median share of the source's last HEALTH_RUNS ok runs that had as many.
    Runs from before authors were counted (``authored`` NULL) are left out.
    """
    entries = stats.get(runstats.ENTRIES, 0)
    if entries < HEALTH_MIN_ENTRIES:
        return None
    judged = [
        run
        for run in history
        if run.get("authored") is not None and (run.get("entries") or 0) >= HEALTH_MIN_ENTRIES
    ]
    shares = [min(run["authored"] / run["entries"], 1.0) for run in judged[:HEALTH_RUNS]]
    if not shares:
        return None
    was = statistics.median(shares)
    share = min(stats.get(runstats.AUTHORED, 0) / entries, 1.0)
    if share >= was / 2:
        return None
    return f"only {share:.0%} of entries have authors (was {was:.0%}): markup changed?"


def _pages_read(stats: Mapping[str, Any]) -> str:
    unchanged = stats.get(runstats.NOT_MODIFIED, 0)
    read = f"{listing_pages(stats)} listing page(s) read"
    return f"{read}, {unchanged} not modified" if unchanged else read


class RunLedger:
    def __init__(self, db_path: str, stats: StatsCollector) -> None:
        self.db_path = db_path
        self.stats = stats
        self.run_id: int | None = None
        self.started = ""
        self.history: list[dict[str, Any]] = []  # see health_history

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
            self.history = health_history(archive, source_name)
            self.started = utc_now()
            self.run_id = archive.start_run(
                spider=spider.name, source=source_name, started=self.started
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
        status, message = run_status(stats, reason, self.history)
        with Archive(self.db_path) as archive:
            ended = utc_now()
            archive.finish_run(
                self.run_id,
                ended=ended,
                duration_s=_seconds_between(self.started, ended),
                requests=stats.get("downloader/request_count", 0),
                not_modified=stats.get(runstats.NOT_MODIFIED, 0),
                errors_by_kind=json.dumps(runstats.errors_by_kind(stats)),
                status=status,
                message=message,
                finish_reason=reason,
                pages=listing_pages(stats),
                pages_failed=stats.get(runstats.FAILED_PAGES, 0),
                entries=stats.get(runstats.ENTRIES, 0),
                authored=stats.get(runstats.AUTHORED, 0),
                posts_new=stats.get(runstats.POSTS_NEW, 0),
                posts_updated=stats.get(runstats.POSTS_UPDATED, 0),
                posts_unchanged=stats.get(runstats.POSTS_UNCHANGED, 0),
                resources_new=stats.get(runstats.RESOURCES_NEW, 0),
                resources_updated=stats.get(runstats.RESOURCES_UPDATED, 0),
                resources_unchanged=stats.get(runstats.RESOURCES_UNCHANGED, 0),
                errors=runstats.error_count(stats),
            )
        log = logger.info if status == "ok" else logger.warning
        log("Run %s of %s: %s (%s)", self.run_id, spider.name, status, message)


def _seconds_between(started: str, ended: str) -> float:
    return (datetime.fromisoformat(ended) - datetime.fromisoformat(started)).total_seconds()
