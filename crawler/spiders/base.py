"""What every platform spider shares: its source, arguments, User-Agent and error counting."""

from __future__ import annotations

import logging
from typing import Any, ClassVar

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadTimeoutError,
    IgnoreRequest,
)
from scrapy.settings import BaseSettings
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure

from crawler import __version__, runstats
from crawler.background import InProcess
from crawler.extract import PageFailure, allowed_by, http_error
from crawler.restarting import RestartingProcess
from crawler.sources import Source

logger = logging.getLogger(__name__)


class SourceSpider(scrapy.Spider):
    """A spider bound to one registry source (``source`` is set by the spider loader).

    Arguments: ``-a start_url=URL`` replaces the source's start URLs (a local
    copy, a staging host) and ``-a max_pages=N`` caps the pages walked.
    """

    source: ClassVar[Source | None] = None
    kind: ClassVar[str] = ""

    # Callbacks in subclasses return lists, not generators: Scrapy re-inspects
    # the source of a generator callback on every response (its cache misses
    # bound methods), which costs more than parsing the page.

    def __init__(
        self, start_url: str | None = None, max_pages: str | int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        if start_url:
            self.start_urls = [start_url]
        elif self.source is not None:
            self.start_urls = list(self.source.start_urls)
        else:
            raise ValueError(f"the {self.name} spider needs -a start_url=URL")
        self.start_url = self.start_urls[0]
        if max_pages is None and self.source is not None:
            max_pages = self.source.max_pages
        self.max_pages = positive_int(max_pages, "max_pages")
        self.source_name = self.source.name if self.source else self.name
        self.keep = allowed_by(self.source)  # the source's ``allow`` path prefix
        self._processes: list[RestartingProcess | InProcess] = []

    @classmethod
    def update_settings(cls, settings: BaseSettings) -> None:
        super().update_settings(settings)
        contact = settings.get("BLOGARCHIVE_CONTACT_URL")
        # Spider priority: an explicit -s USER_AGENT=... still wins.
        settings.set("USER_AGENT", f"blogarchive/{__version__} (+{contact})", priority="spider")

    def parsing_process(
        self, target: str, *args: Any, **kwargs: Any
    ) -> RestartingProcess | InProcess:
        """The object ``target`` (``module:Class``, pure parsers) run in a child process.

        The crawl's thread meanwhile sends the next request and stores earlier
        entries. If the child dies, the ask it was answering fails with
        BackgroundError and a new child answers the next ones, until too many
        die (BackgroundGaveUp; see ``Restarts``). With BACKGROUND_PROCESSES off
        it runs here, and answers at once. It is closed with the spider.
        """
        background = self.settings.getbool("BACKGROUND_PROCESSES", True)
        process = (RestartingProcess if background else InProcess)(target, *args, **kwargs)
        self._processes.append(process)
        return process

    def closed(self, reason: str) -> None:
        processes, self._processes = self._processes, []
        for process in processes:
            process.close()

    def wants_page(self, page: int) -> bool:
        return self.max_pages is None or page <= self.max_pages

    def record_error(self, kind: str, url: str, reason: str) -> None:
        """Log a failed page with its URL and count it for the run ledger."""
        logger.error("Page failed: %s: %s", url, reason)
        runstats.record_error(self.crawler.stats, kind, url, reason)

    def record_failure(self, failure: Failure) -> None:
        """Count a download or HTTP failure under its kind (http_404, timeout, dns, ...)."""
        kind, reason = failure_kind(failure)
        self.record_error(kind, failure.request.url, reason)


def failure_kind(failure: Failure) -> PageFailure:
    """(stats kind, one-line reason) of a request failure.

    An HTTP error's is ``http_error``'s, which ``reparse`` gives an archived error page.
    """
    if failure.check(HttpError):
        return http_error(failure.value.response.status)
    if failure.check(DownloadTimeoutError, TimeoutError, TCPTimedOutError):
        return PageFailure("timeout", "timed out")
    if failure.check(CannotResolveHostError, DNSLookupError):
        return PageFailure("dns", "DNS lookup failed")
    if failure.check(DownloadConnectionRefusedError, ConnectionRefusedError):
        return PageFailure("refused", "connection refused")
    if failure.check(DownloadCancelledError) and "max size" in failure.getErrorMessage():
        return PageFailure("too_large", "larger than DOWNLOAD_MAXSIZE: skipped")
    if failure.check(IgnoreRequest):
        return PageFailure("ignored", str(failure.value) or "request ignored")
    return PageFailure("network", _short(failure))


def _short(failure: Failure) -> str:
    """One readable line for a low-level network failure (Twisted nests them)."""
    value = failure.value
    inner = getattr(value, "reasons", None)  # ResponseNeverReceived and friends
    if inner:
        value = inner[0].value
    text = " ".join(str(value).split()) or type(value).__name__
    return f"{type(value).__name__}: {text}"[:200]


def http_status(failure: Failure) -> int | None:
    """The HTTP status of a failed request, when it got a response."""
    return failure.value.response.status if failure.check(HttpError) else None


def positive_int(value: str | int | None, name: str) -> int | None:
    """A spider argument that must be a positive integer, or None when not given."""
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a positive integer, got {value!r}") from None
    if number < 1:
        raise ValueError(f"{name} must be a positive integer, got {value!r}")
    return number
