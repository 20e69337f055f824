"""Conditional requests: an unchanged listing or feed page comes back ``304``, with no body.

``ConditionalRequestMiddleware`` (downloader) remembers the ``ETag`` and
``Last-Modified`` of every listing and feed page answered ``200`` and saves
them in the archive (``page_validators``) in one batch when the spider closes.
The next crawl sends them back as ``If-None-Match`` / ``If-Modified-Since``.
A ``304`` means nothing changed on that page since it was read, so the
spider stores nothing from it and walks no further: a quiet night costs a
blog one small answer.

Which requests: those whose spider handles a ``304`` itself, that is whose
``meta["handle_httpstatus_list"]`` holds 304 (the WordPress listing and the
feed requests). Any other request (article pages, robots.txt) would see a
``304`` dropped as an HTTP error, so it is never made conditional. A full
walk (``FULL_CRAWL``, ``--full``, or the spider's own ``full`` after a run
that did not end ok) sends no validators, but still records fresh ones.

Setting ``CONDITIONAL_REQUESTS`` (default True) turns it off.
"""

from __future__ import annotations

import logging

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.store import Archive, ArchiveError

logger = logging.getLogger(__name__)

NOT_MODIFIED = 304
_SENT = "blogarchive_conditional"  # request.meta key: the URL whose validators were sent
_HEADERS = (b"If-None-Match", b"If-Modified-Since")


def is_conditional(request: Request) -> bool:
    """Whether the request's callback handles a ``304`` (so it may be asked conditionally)."""
    return NOT_MODIFIED in request.meta.get("handle_httpstatus_list", ())


class ConditionalRequestMiddleware:
    """Send stored validators with listing and feed requests; keep those of fresh answers."""

    def __init__(self, db_path: str, crawler: Crawler | None = None) -> None:
        self.db_path = db_path
        self.crawler = crawler  # for the running spider's ``full`` and the settings
        self.validators: dict[str, tuple[str | None, str | None]] | None = None  # loaded lazily
        self.received: dict[str, dict[str, str | None]] = {}  # url -> this run's validators

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalRequestMiddleware:
        if not crawler.settings.getbool("CONDITIONAL_REQUESTS", True):
            raise NotConfigured
        middleware = cls(crawler.settings.get("ARCHIVE_DB"), crawler)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    def process_request(self, request: Request) -> None:
        if not is_conditional(request):
            return
        sent_for = request.meta.get(_SENT)
        if sent_for is not None and sent_for != request.url:
            # A redirect copied the headers sent for another URL: they do not apply here.
            for name in _HEADERS:
                request.headers.pop(name, None)
            del request.meta[_SENT]
        etag, modified = self._stored().get(request.url, (None, None))
        if etag is None and modified is None:
            return
        if etag is not None:
            request.headers.setdefault(b"If-None-Match", etag)
        if modified is not None:
            request.headers.setdefault(b"If-Modified-Since", modified)
        request.meta[_SENT] = request.url

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status == 200 and is_conditional(request):
            self.received[request.url] = {
                "url": request.url,
                "etag": _header(response, b"ETag"),
                "last_modified": _header(response, b"Last-Modified"),
            }
        return response

    def spider_closed(self) -> None:
        if not self.received:
            return
        try:
            with Archive(self.db_path) as archive:
                archive.save_page_validators(self.received.values())
        except ArchiveError as exc:
            logger.error("Page validators not saved (next crawl asks unconditionally): %s", exc)
            return
        logger.info("Validators of %d listing or feed page(s) saved", len(self.received))
        self.received = {}

    def _stored(self) -> dict[str, tuple[str | None, str | None]]:
        """The archive's validators, read once the spider has decided how far to walk."""
        if self.validators is None:
            self.validators = {} if self._full_walk() else self._load()
        return self.validators

    def _full_walk(self) -> bool:
        spider = self.crawler.spider if self.crawler else None
        full = getattr(spider, "full", None)
        if full is None and self.crawler is not None:
            full = self.crawler.settings.getbool("FULL_CRAWL", False)
        return bool(full)

    def _load(self) -> dict[str, tuple[str | None, str | None]]:
        try:
            with Archive(self.db_path, read_only=True) as archive:
                return archive.page_validators()
        except ArchiveError:
            return {}  # a new archive (or one not yet migrated): nothing to send


def _header(response: Response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None
