"""The resource-hub platform spider: curated pages of links to resources elsewhere."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from crawler import runstats
from crawler.extract import hub_resources
from crawler.items import PageEntries
from crawler.parsing.hub import parse_resource_hub
from crawler.spiders.base import SourceSpider


class ResourceHubSpider(SourceSpider):
    """Fetch each start URL as a curated page; every entry becomes a ``Resource``, not a post."""

    name = "resource-hub"
    kind = "resource-hub"

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            yield scrapy.Request(url, callback=self.parse_hub, errback=self.hub_failed)

    def parse_hub(self, response: Response) -> list[Any]:
        if not isinstance(response, TextResponse):
            self.record_error("not_html", response.url, "response is not HTML")
            return []
        resources = parse_resource_hub(response.text, response.url)
        if not resources:
            self.record_error("no_entries", response.url, "page has no resources (markup changed?)")
            return []
        self.crawler.stats.inc_value(runstats.LISTING_PAGES)
        self.crawler.stats.inc_value(runstats.ENTRIES, len(resources))
        entries = hub_resources(resources, source=self.source_name, keep=self.keep)
        return [PageEntries(response.url, entries)] if entries else []

    def hub_failed(self, failure: Failure) -> None:
        self.record_failure(failure)
