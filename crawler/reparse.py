"""Rebuild or update the archive from WARC files alone, with today's parsers.

Each archived response is routed by the page kind recorded with it (listing,
feed, article, medium, hub) through the same functions a live crawl uses
(:mod:`crawler.archived`, :mod:`crawler.extract`), and the items go through
the same pipelines. No network, no Scrapy engine: parser improvements reach old
crawls this way. Records are parsed in worker processes, a few ahead, and
their items are stored in the order the records were read. A post's own page
completes the listing post the crawl requested it for: the first URL it was
redirected from (``WARC-Blogarchive-Redirected-From``), else its own URL. A
post's page the crawl could not read either (an HTTP error answer, a page that
is not text or not an article) gives that post as the crawl kept it: listed,
with why in ``article_error``. The 3xx answers of a redirect (kind
``redirect``) are archived, not parsed. A worker that dies (a crash in lxml,
the OOM killer) skips the record it was parsing, as a record whose parse
raises is skipped, and a new worker parses the ones after it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from scrapy.exceptions import DropItem

from crawler import runstats
from crawler.archived import ParsedRecord, parse_archived
from crawler.background import (
    BackgroundError,
    BackgroundGaveUp,
    BackgroundProcess,
    InProcess,
)
from crawler.extract import article_post, failed_post
from crawler.items import PageEntries, Post
from crawler.parsing.urls import canonical_post_url
from crawler.pipelines.dedupe import DedupePipeline
from crawler.pipelines.export import ExportPipeline
from crawler.pipelines.normalise import NormalisePipeline
from crawler.pipelines.store import StorePipeline
from crawler.restarting import Restarts
from crawler.sources import Source
from crawler.warc import REDIRECT_KIND, ArchivedResponse, WarcRecordError, read_responses

logger = logging.getLogger(__name__)

_PARSER = "crawler.background:Functions"
_AHEAD = 4  # records sent to each worker before its first answer is awaited


class Tally(Counter):
    """The part of Scrapy's stats API the pipelines use, for runs outside Scrapy."""

    def inc_value(self, key: str, count: int = 1, start: int = 0) -> None:
        self[key] += count

    def get_value(self, key: str, default: Any = None) -> Any:
        return self.get(key, default)

    def set_value(self, key: str, value: Any) -> None:
        self[key] = value


@dataclass
class ReparseReport:
    records: int = 0
    items: int = 0
    skipped: list[str] = field(default_factory=list)  # one line per record not re-parsed
    stats: Tally = field(default_factory=Tally)

    def failed_articles(self) -> dict[str, int]:
        """Posts' own pages the crawl could not read either, by error kind as it counted them.

        ``{"article_http_500": 1, "article_not_html": 2}``: re-parsed, not skipped; each
        post is stored as the crawl stored it, with ``article_error``.
        """
        errors = runstats.errors_by_kind(self.stats)
        return {kind: n for kind, n in sorted(errors.items()) if kind.startswith("article_")}


def warc_files(folder: str | Path) -> list[Path]:
    """The WARC files of a folder, oldest run first (names start with spider and time)."""
    return sorted(Path(folder).glob("*.warc.gz"), key=lambda p: (p.stat().st_mtime, p.name))


def reparse(
    paths: Iterable[str | Path],
    *,
    db_path: str | Path,
    exports_dir: str | Path,
    sources: dict[str, Source],
    workers: int | None = None,
) -> ReparseReport:
    """Re-parse every response in ``paths`` into the archive at ``db_path``; rewrite the exports.

    ``workers``: parsing processes (default: one per CPU; 0 parses here, and
    stores here too).
    """
    paths = [Path(p) for p in paths]
    report = ReparseReport()
    background = workers != 0
    normalise = NormalisePipeline(str(db_path))
    dedupe = DedupePipeline(report.stats, str(db_path))
    store = StorePipeline(str(db_path), report.stats, background=background)
    normalise.open_spider()  # opens (and migrates) the archive first
    dedupe.open_spider()
    store.open_spider()
    registered: set[str] = set()
    # Listing posts by canonical URL: a later record of the post's own page completes one.
    listed: dict[str, Post] = {}

    def process(page: PageEntries, *, completing: bool = False) -> None:
        try:
            page = normalise.process_item(page)
            # A post's own page completes a post already stored in this run: not a duplicate.
            store.process_item(page if completing else dedupe.process_item(page))
        except DropItem:
            return
        report.items += len(page.entries)

    def take(response: ArchivedResponse, parsed: ParsedRecord) -> None:
        name = response.source or "unknown"
        if name not in registered:
            source = sources.get(name)
            store.register_source(name, source.kind if source else "unknown")
            registered.add(name)
        if response.kind == "article":
            # The post the crawl asked for this page for, wherever it was redirected.
            post = listed.pop(canonical_post_url(response.requested_url), None)
            if post is None:
                return  # a page whose listing entry is not in these files
            if parsed.article is not None:
                completed = article_post(post, parsed.article, fetched_at=response.fetched_at)
                process(PageEntries(response.url, [completed]), completing=True)
            elif parsed.failure is not None:
                # As the crawl kept it: the listing's post, with why its page gave no data.
                runstats.record_article_failure(report.stats, response.url, *parsed.failure)
                failed = failed_post(post, parsed.failure)
                process(PageEntries(response.url, [failed]), completing=True)
            elif parsed.problem:
                report.skipped.append(parsed.problem)
            return
        if parsed.problem:
            report.skipped.append(parsed.problem)
        for item in parsed.items:
            if isinstance(item, Post):
                listed.setdefault(canonical_post_url(item.url), replace(item))
        if parsed.items:
            process(PageEntries(response.url, list(parsed.items)))

    try:
        responses = _responses(paths, report)
        for response, parsed in _parsed(responses, sources, normalise.known_series, workers):
            report.records += 1
            take(response, parsed)
    except BackgroundGaveUp as exc:  # the workers kept dying: keep what was parsed
        report.records += 1
        logger.error("%s", exc)
        report.skipped.append(f"{exc}; the records after it were not re-parsed")
    finally:
        store.close_spider()
    ExportPipeline(str(db_path), str(exports_dir)).write_exports()
    return report


def _parsed(
    responses: Iterator[ArchivedResponse],
    sources: dict[str, Source],
    known_series: dict[str, tuple[str, ...]],
    workers: int | None,
) -> Iterator[tuple[ArchivedResponse, ParsedRecord]]:
    """Each response with what it parses to, in order; parsed by ``workers`` processes.

    Listing posts come normalised (with each source's ``known_series``), as in a crawl.
    A worker that dies is replaced (see ``_Pool``); BackgroundGaveUp when they keep dying.
    """
    count = (os.cpu_count() or 1) if workers is None else workers
    pool = _Pool(count, sources, known_series)
    try:
        for number, response in enumerate(responses):
            pool.send(number % pool.size, response)
            if len(pool.waiting) >= _AHEAD * pool.size:
                yield pool.answer()
        while pool.waiting:
            yield pool.answer()
    finally:
        pool.close()


class _Pool:
    """Parsing workers, each sent records in turn and answering them in order.

    When a worker dies, the oldest record it had not answered is the one that
    killed it: it is skipped with its place and why, and a new worker is sent
    the records queued behind it, until ``restarts`` says stop.
    """

    def __init__(
        self, count: int, sources: dict[str, Source], known_series: dict[str, tuple[str, ...]]
    ) -> None:
        self.background = count > 0
        self.size = max(count, 1)
        self.sources = sources
        self.known_series = known_series
        self.workers = [self._start() for _ in range(self.size)]
        self.waiting: deque[tuple[int, ArchivedResponse]] = deque()  # (worker, record)
        self.restarts = Restarts(in_all=None)  # every death skips a record: it ends

    def _start(self) -> BackgroundProcess | InProcess:
        return BackgroundProcess(_PARSER) if self.background else InProcess(_PARSER)

    def send(self, slot: int, response: ArchivedResponse, *, again: bool = False) -> None:
        name = response.source or "unknown"
        args = (response, self.sources.get(name), self.known_series.get(name, ()))
        with contextlib.suppress(BackgroundError):  # it died: its oldest record's answer says so
            self.workers[slot].call("run", parse_archived, args, {})
        if not again:
            self.waiting.append((slot, response))

    def answer(self) -> tuple[ArchivedResponse, ParsedRecord]:
        """The oldest record sent and what it parsed to (a worker answers in order)."""
        slot, response = self.waiting.popleft()
        place = f"{response.warc_path}: record at offset {response.offset}"
        try:
            outcome = self.workers[slot].next_outcome()
        except BackgroundError as exc:  # the worker died on this record
            if not self.background:
                raise
            self._replace(slot, exc, place)
            return response, ParsedRecord(problem=f"{place}: {exc}")
        self.restarts.answered()
        if outcome.error is not None:
            return response, ParsedRecord(problem=f"{place}: {outcome.error}")
        return response, outcome.result

    def _replace(self, slot: int, error: BackgroundError, place: str) -> None:
        self.workers[slot].terminate()  # it has exited: release its socket
        try:
            self.restarts.died(error)
        except BackgroundError as exc:
            raise type(exc)(f"{place}: {exc}") from exc
        logger.warning("%s: %s; a new worker parses the next records", place, error)
        self.workers[slot] = self._start()
        for queued, response in self.waiting:
            if queued == slot:
                self.send(slot, response, again=True)

    def close(self) -> None:
        for worker in self.workers:
            try:
                worker.close()
            except BackgroundError as exc:  # it died after its last record: nothing is lost
                logger.warning("%s", exc)


def _responses(paths: list[Path], report: ReparseReport) -> Iterator[ArchivedResponse]:
    def skip(error: WarcRecordError) -> None:
        logger.error("%s", error)
        report.skipped.append(str(error))

    for response in read_responses(paths, on_error=skip):
        if response.kind == REDIRECT_KIND:
            continue  # a hop to a page archived after it: nothing to parse
        yield response
