"""Names and helpers for the crawl counters kept in Scrapy stats.

Every key is a slash path under ``blogarchive/``; the run ledger turns them
into a ``crawl_runs`` row.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scrapy.statscollectors import StatsCollector

PREFIX = "blogarchive"
LISTING_PAGES = f"{PREFIX}/pages/listing"
FAILED_PAGES = f"{PREFIX}/pages/failed"
EMPTY_PAGES = f"{PREFIX}/pages/empty"
NOT_MODIFIED = f"{PREFIX}/pages/not_modified"  # listing or feed pages answered 304
ENTRIES = f"{PREFIX}/entries"
AUTHORED = f"{PREFIX}/entries/authored"  # scraped posts whose heading gave authors
ARTICLES = f"{PREFIX}/pages/article"
DUPLICATES = f"{PREFIX}/duplicates"
POSTS_NEW = f"{PREFIX}/posts/new"
POSTS_UPDATED = f"{PREFIX}/posts/updated"
POSTS_UNCHANGED = f"{PREFIX}/posts/unchanged"
POSTS_RELABELLED = f"{PREFIX}/posts/relabelled"
RESOURCES_NEW = f"{PREFIX}/resources/new"
RESOURCES_UPDATED = f"{PREFIX}/resources/updated"
RESOURCES_UNCHANGED = f"{PREFIX}/resources/unchanged"
# (new, updated, unchanged) keys, in the order of a SaveResult.
POST_COUNTS = (POSTS_NEW, POSTS_UPDATED, POSTS_UNCHANGED)
RESOURCE_COUNTS = (RESOURCES_NEW, RESOURCES_UPDATED, RESOURCES_UNCHANGED)
FIRST_ERROR = f"{PREFIX}/first_error"
ERRORS = f"{PREFIX}/errors/"


def record_error(
    stats: StatsCollector, kind: str, url: str, reason: str, *, page_failed: bool = True
) -> None:
    """Count an error of ``kind`` (``blogarchive/errors/<kind>``) and keep the first one's text."""
    stats.inc_value(ERRORS + kind)
    if page_failed:
        stats.inc_value(FAILED_PAGES)
    if stats.get_value(FIRST_ERROR) is None:
        stats.set_value(FIRST_ERROR, f"{reason} at {url}")


def record_article_failure(stats: StatsCollector, url: str, kind: str, reason: str) -> None:
    """Count a post's own page that gave no data (``article_<kind>``): the post is kept."""
    record_error(stats, f"article_{kind}", url, reason, page_failed=False)


def errors_by_kind(stats: Mapping[str, Any]) -> dict[str, int]:
    """``{"http_500": 2, "timeout": 1}``: the run's errors by kind."""
    return {key[len(ERRORS) :]: value for key, value in stats.items() if key.startswith(ERRORS)}


def error_count(stats: Mapping[str, Any]) -> int:
    return sum(value for key, value in stats.items() if key.startswith(ERRORS))
