"""A spider loader that also makes one spider per registry source.

Scrapy finds spiders by class ``name``; sources are data, so for each
``[[source]]`` entry we derive a subclass of its platform spider named after
the source. ``scrapy list`` and ``scrapy crawl <source>`` then work for every
registered source without code.
"""

from __future__ import annotations

from scrapy.settings import BaseSettings
from scrapy.spiderloader import SpiderLoader

from crawler.sources import Source, load_sources
from crawler.spiders.base import SourceSpider
from crawler.spiders.feed import FeedSpider
from crawler.spiders.hub import ResourceHubSpider
from crawler.spiders.medium import MediumSpider
from crawler.spiders.wordpress import WordPressSpider

PLATFORM_SPIDERS: dict[str, type[SourceSpider]] = {
    spider.kind: spider for spider in (WordPressSpider, FeedSpider, MediumSpider, ResourceHubSpider)
}


def spider_class_for(source: Source) -> type[SourceSpider]:
    """A spider class bound to ``source``, named after it."""
    base = PLATFORM_SPIDERS[source.kind]
    class_name = "".join(part.title() for part in source.name.split("-")) + "Spider"
    return type(class_name, (base,), {"name": source.name, "source": source})


class SourceSpiderLoader(SpiderLoader):
    def __init__(self, settings: BaseSettings) -> None:
        super().__init__(settings)
        for source in load_sources(settings.get("SOURCES_FILE")).values():
            self._spiders[source.name] = spider_class_for(source)
