"""Keep every page the crawl stores data from in a WARC file, as received.

Three small middlewares share the job:

- ``RedirectHopMiddleware`` (downloader, on the download side of Scrapy's
  RedirectMiddleware) keeps each 3xx answer that is followed, as received, so
  the redirect chain to a page is archived with the page;
- ``ReceivedBodyMiddleware`` (downloader, just outside Scrapy's decompression)
  keeps the body and headers as they came off the wire, so a gzip-encoded page
  is archived byte for byte rather than as Scrapy decoded it;
- ``WarcRecorderMiddleware`` (spider) writes a request and a response record
  for each response whose callback yielded an item, with the routing that
  ``blogarchive reparse`` needs (source, page kind, start URL) in
  ``WARC-Blogarchive-*`` headers. One file per crawl run, under ``WARC_DIR``.
  A response counts when its callback yielded an item, or a request for a
  post's own page carrying the item taken from it. A post's page that failed
  (an HTTP error answer, through the errback; a page not text or not an
  article) is written too, with its status, as evidence: its item is the post
  with why. A redirected response is written after the 3xx answers that led to
  it (page kind ``redirect``) and names the URLs it was redirected from
  (Scrapy's ``redirect_urls``) in ``WARC-Blogarchive-Redirected-From``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from scrapy import Request, Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from crawler.background import BackgroundProcess, InProcess, Outcome
from crawler.store import utc_now
from crawler.warc import REDIRECT_KIND, Exchange

logger = logging.getLogger(__name__)

_WRITER = "crawler.warc:WarcWriter"
_RECEIVED = "blogarchive_received"  # request.meta key: (headers, body) as received
_DECODED = "blogarchive_decoded"  # request.meta key: codings Scrapy removed from the body
_HOPS = "blogarchive_hops"  # request.meta key: the 3xx answers (Exchanges) that led here
# What Scrapy's RedirectMiddleware follows (with a Location header).
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Codings kept as received: the standard library undoes them when re-parsing.
RAW_CODINGS = frozenset({"gzip", "x-gzip", "deflate", "identity"})
# Page kinds by platform spider, for pages whose request does not say.
_KIND_OF_SPIDER = {
    "wordpress": "listing",
    "feed": "feed",
    "medium": "medium",
    "resource-hub": "hub",
}


class RedirectHopMiddleware:
    """Keep each 3xx answer with a Location, as received, for the request it leads to.

    On the download side of RedirectMiddleware (600), which builds the next request
    with a copy of this one's meta: the answers ride along to the final response,
    and ``WarcRecorderMiddleware`` writes those in its ``redirect_urls`` before it.
    A 3xx that is not followed (``dont_redirect``, a handled status) is the final
    response itself and is not written twice. Bodies and headers are as received.
    """

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RedirectHopMiddleware:
        if not crawler.settings.getbool("WARC_ENABLED"):
            raise NotConfigured
        return cls()

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in _REDIRECT_STATUSES and b"Location" in response.headers:
            hop = Exchange(
                url=request.url,
                method=request.method,
                request_headers=_headers(request),
                status=response.status,
                reason="",
                response_headers=_headers(response),
                body=response.body,
                fetched_at=utc_now(),
            )
            request.meta[_HOPS] = (*request.meta.get(_HOPS, ()), hop)
        return response


class ReceivedBodyMiddleware:
    """Remember a compressed response's body and headers before Scrapy decodes them."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ReceivedBodyMiddleware:
        if not crawler.settings.getbool("WARC_ENABLED"):
            raise NotConfigured
        return cls()

    def process_response(self, request: Request, response: Response) -> Response:
        # A retry or a redirect (meta refresh) copies the meta of an earlier answer.
        request.meta.pop(_RECEIVED, None)
        request.meta.pop(_DECODED, None)
        codings = [
            c.decode("latin-1").strip().lower()
            for c in response.headers.getlist("Content-Encoding")
        ]
        if not codings:
            return response
        if set(codings) <= RAW_CODINGS:
            request.meta[_RECEIVED] = (_headers(response), response.body)
        else:
            # br, zstd: reparse could not undo them, so the decoded body is kept and said so.
            request.meta[_DECODED] = tuple(codings)
        return response


class WarcRecorderMiddleware:
    """Write the exchanges that produced items to ``<WARC_DIR>/<spider>-<time>.warc.gz``.

    The writing (and its gzip compression) runs in a background process when
    ``BACKGROUND_PROCESSES`` is on; records keep the order of the responses.
    """

    def __init__(
        self, folder: str | Path, crawler: Crawler | None = None, *, background: bool = False
    ) -> None:
        self.folder = Path(folder)
        self.crawler = crawler  # for the running spider's routing data
        self.background = background
        self.writer: BackgroundProcess | InProcess | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> WarcRecorderMiddleware:
        settings = crawler.settings
        if not settings.getbool("WARC_ENABLED"):
            raise NotConfigured
        background = settings.getbool("BACKGROUND_PROCESSES", True)
        recorder = cls(settings.get("WARC_DIR"), crawler, background=background)
        crawler.signals.connect(recorder.close, signal=signals.spider_closed)
        return recorder

    def process_spider_output(
        self, response: Response | None, result: Iterable[Any], spider: Spider | None = None
    ) -> Iterable[Any]:
        output = list(result)
        spider = spider or (self.crawler.spider if self.crawler else None)
        if response is not None and spider is not None and any(map(_carries_data, output)):
            self.record(response, spider)
        return output

    async def process_spider_output_async(
        self, response: Response | None, result: AsyncIterator[Any], spider: Spider | None = None
    ) -> AsyncIterator[Any]:
        # Passed on as they come: a callback may yield the next page's request long
        # before its items, and that request should not wait for them.
        spider = spider or (self.crawler.spider if self.crawler else None)
        recorded = response is None or spider is None
        async for output in result:
            if not recorded and _carries_data(output):
                self.record(response, spider)
                recorded = True
            yield output

    def record(self, response: Response, spider: Spider) -> None:
        """Write ``response`` (and its request) with the spider's routing data."""
        if self.writer is None:
            stamp = utc_now().replace(":", "").replace("-", "").removesuffix("+0000")
            process = BackgroundProcess if self.background else InProcess
            self.writer = process(_WRITER, self.folder, run_name=f"{spider.name}-{stamp}")
        request = response.request
        source = getattr(spider, "source_name", spider.name)
        redirected_from = tuple(request.meta.get("redirect_urls", ()))
        for hop in request.meta.get(_HOPS, ()):
            if hop.url in redirected_from:
                hop = replace(hop, source=source, kind=REDIRECT_KIND)
                self.writer.call("write", hop, context=hop.url)
        received = request.meta.get(_RECEIVED)
        headers, body = received if received else (_headers(response), response.body)
        self.writer.call(
            "write",
            Exchange(
                url=response.url,
                method=request.method,
                request_headers=_headers(request),
                status=response.status,
                reason="",
                response_headers=headers,
                body=body,
                fetched_at=utc_now(),
                decoded=() if received else request.meta.get(_DECODED, ()),
                source=source,
                kind=request.meta.get("kind") or _KIND_OF_SPIDER.get(spider.kind, "listing"),
                extra={"start_url": getattr(spider, "start_url", "")},
                redirected_from=redirected_from,
            ),
            context=response.url,
        )
        self._report(self.writer.outcomes())

    def close(self) -> None:
        if self.writer is not None:
            writer, self.writer = self.writer, None
            self._report(writer.close())

    def _report(self, outcomes: list[Outcome]) -> None:
        for outcome in outcomes:
            if outcome.error is not None:
                where = f" {outcome.context}" if outcome.context else ""
                logger.error("Could not archive%s in a WARC file: %s", where, outcome.error)
            elif outcome.method == "close" and outcome.result is not None:
                logger.info("Raw pages archived in %s", outcome.result)


def _carries_data(output: Any) -> bool:
    """An item, or a request for a post's page that carries the item taken from this one."""
    return not isinstance(output, Request) or output.meta.get("kind") == "article"


def _headers(message: Request | Response) -> list[tuple[str, str]]:
    return [
        (name.decode("latin-1"), value.decode("latin-1"))
        for name, values in message.headers.items()
        for value in values
    ]
