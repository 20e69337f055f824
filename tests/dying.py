"""Parsers that die on chosen pages, as a parsing process does when the OOM killer or a
crash in lxml takes it, or raise, as a parser bug would: imported by the child processes
of the crawls and re-parses under test.

The pages are the URL paths in the environment variable ``DIE_ON`` (comma-separated),
which the children inherit.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Sequence
from urllib.parse import urlsplit

from crawler.archived import ParsedRecord, parse_archived
from crawler.extract import ListingPosts, ListingReader
from crawler.sources import Source
from crawler.warc import ArchivedResponse

DIE_ON = "BLOGARCHIVE_TEST_DIE_ON"
RAISE_ON = "BLOGARCHIVE_TEST_RAISE_ON"  # pages whose parse raises (a parser bug)


def _die_on(url: str) -> None:
    if urlsplit(url).path in os.environ.get(DIE_ON, "").split(","):
        os.kill(os.getpid(), signal.SIGKILL)


class DyingListingReader(ListingReader):
    """The crawl's listing reader (setting LISTING_READER), killed by the pages in DIE_ON."""

    def read(self, text: str, page_url: str) -> ListingPosts:
        _die_on(page_url)
        return super().read(text, page_url)


class RaisingListingReader(ListingReader):
    """The crawl's listing reader, raising on the pages in RAISE_ON as a parser bug would."""

    def read(self, text: str, page_url: str) -> ListingPosts:
        if urlsplit(page_url).path in os.environ.get(RAISE_ON, "").split(","):
            raise ValueError(f"a parser bug met {page_url}")
        return super().read(text, page_url)


def dying_parse_archived(
    response: ArchivedResponse, source: Source | None, known_series: Sequence[str] | None = None
) -> ParsedRecord:
    """``parse_archived`` (what reparse's workers run), killed by the pages in DIE_ON."""
    _die_on(response.url)
    return parse_archived(response, source, known_series)
