"""Run crawls in this process and report how each source went.

Used by ``blogarchive crawl`` and ``blogarchive demo``; ``scrapy crawl`` goes
through Scrapy's own command and the same spiders, pipelines and ledger.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.sources import Source
from crawler.spiderloader import spider_class_for
from crawler.store import Archive, run_changes, utc_now


@dataclass(frozen=True)
class CrawlOutcome:
    source: str
    status: str  # ok, degraded, failed, interrupted
    message: str
    entries: int = 0
    # Posts, or a resource hub's resources: a source stores one kind.
    new: int = 0
    updated: int = 0
    unchanged: int = 0


def project_settings(overrides: Mapping[str, Any] | None = None) -> Settings:
    """crawler.settings with ``overrides`` at command-line priority."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.update(dict(overrides or {}), priority="cmdline")
    return settings


def run_crawl(
    sources: Sequence[Source],
    *,
    db_path: str,
    exports_dir: str,
    max_pages: int | None = None,
    sources_file: str | None = None,
    settings: Mapping[str, Any] | None = None,
    log_level: str = "WARNING",
) -> list[CrawlOutcome]:
    """Crawl ``sources`` (concurrently) in this process; one outcome per source, in order.

    Call it while holding the archive's lock (:class:`crawler.locking.ArchiveLock`):
    runs left ``running`` by a killed process are then marked interrupted.

    The Twisted reactor cannot restart, so call this once per process.
    """
    overrides = {
        "ARCHIVE_DB": db_path,
        "EXPORTS_DIR": exports_dir,
        "SOURCES_FILE": sources_file,
        "LOG_LEVEL": log_level,
        **(settings or {}),
    }
    with Archive(db_path) as archive:
        archive.close_stale_runs(ended=utc_now())
        last_run_before = max((r["id"] for r in archive.latest_runs(limit=1)), default=0)

    process = CrawlerProcess(project_settings(overrides))
    spider_args = {"max_pages": max_pages} if max_pages else {}
    for source in sources:
        process.crawl(spider_class_for(source), **spider_args)
    process.start()

    with Archive(db_path) as archive:
        runs = {r["source"]: r for r in archive.latest_runs(limit=100) if r["id"] > last_run_before}
    return [_outcome(source.name, runs.get(source.name)) for source in sources]


def _outcome(source: str, run: Mapping[str, Any] | None) -> CrawlOutcome:
    if run is None:
        return CrawlOutcome(source, "failed", "the spider did not start (see the log above)")
    if run["status"] == "running":  # Ctrl-C twice: Scrapy stopped before closing the run
        return CrawlOutcome(source, "interrupted", "crawl stopped before it could finish")
    return CrawlOutcome(
        source=source,
        status=run["status"],
        message=run["message"] or "",
        entries=run["entries"] or 0,
        new=run_changes(run, "new"),
        updated=run_changes(run, "updated"),
        unchanged=run_changes(run, "unchanged"),
    )
