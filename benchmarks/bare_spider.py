"""The baseline for benchmarks/crawl_speed.py: fetch listing pages 1..N in order, store nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import scrapy


class BareSpider(scrapy.Spider):
    name = "bare"
    custom_settings = {"ITEM_PIPELINES": {}, "EXTENSIONS": {}}

    def __init__(self, start_url: str, pages: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.start_url = start_url.rstrip("/") + "/"
        self.pages = int(pages)

    async def start(self) -> AsyncIterator[scrapy.Request]:
        yield scrapy.Request(self.start_url, cb_kwargs={"page": 1})

    def parse(self, response: scrapy.http.Response, page: int) -> Iterator[scrapy.Request]:
        # Same walk as the real spider: one page after another.
        if page < self.pages:
            yield scrapy.Request(f"{self.start_url}page/{page + 1}/", cb_kwargs={"page": page + 1})
