"""The Medium platform spider: one article page per start URL."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler import runstats
from crawler.extract import medium_post
from crawler.items import PageEntries
from crawler.parsing.medium import NotAnArticle, parse_medium_article
from crawler.spiders.base import SourceSpider


class MediumSpider(SourceSpider):
    """Fetch each start URL as a Medium story: title, author, date, reading time, text."""

    name = "medium"
    kind = "medium"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse_article, errback=self.article_failed)

    def parse_article(self, response: Response) -> list[Any]:
        if not isinstance(response, TextResponse):
            self.record_error("not_html", response.url, "response is not HTML")
            return []
        try:
            article = parse_medium_article(response.text, response.url)
        except NotAnArticle as exc:
            self.record_error("not_an_article", response.url, str(exc))
            return []
        self.crawler.stats.inc_value(runstats.LISTING_PAGES)
        self.crawler.stats.inc_value(runstats.ENTRIES)
        post = medium_post(article, source=self.source_name, page_url=response.url)
        return [PageEntries(response.url, [post])]

    def article_failed(self, failure: Failure) -> None:
        self.record_failure(failure)
