"""Rewrite the JSON exports of the whole archive when a crawl ends."""

from __future__ import annotations

import logging
from pathlib import Path

from scrapy import signals
from scrapy.crawler import Crawler

from crawler.exporting import write_json_exports
from crawler.store import Archive

logger = logging.getLogger(__name__)


class ExportPipeline:
    """Writes ``posts.json``, ``posts.jsonl`` and ``resources.json`` into EXPORTS_DIR.

    Runs on ``spider_closed`` rather than ``close_spider``: Scrapy closes
    pipelines in reverse order, so the store has not flushed at our close.
    """

    def __init__(self, db_path: str, exports_dir: str) -> None:
        self.db_path = db_path
        self.exports_dir = Path(exports_dir)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ExportPipeline:
        pipeline = cls(crawler.settings.get("ARCHIVE_DB"), crawler.settings.get("EXPORTS_DIR"))
        crawler.signals.connect(pipeline.write_exports, signal=signals.spider_closed)
        return pipeline

    def write_exports(self) -> list[Path]:
        with Archive(self.db_path) as archive:
            paths = write_json_exports(archive.export_rows(), self.exports_dir)
            paths += write_json_exports(
                archive.export_resources(), self.exports_dir, stem="resources", lines=False
            )
        logger.info("Exported the archive to %s", ", ".join(str(p) for p in paths))
        return paths
