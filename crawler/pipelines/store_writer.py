"""The store pipeline's writes, as its background process runs them.

Kept apart from ``store.py`` so the child process imports the archive and the
parsers only, not Scrapy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from crawler.parsing.recurrence import relabelled
from crawler.store import Archive, SaveResult


class StoreWriter:
    """Saves pages of posts or resources, one transaction each, and re-labels series."""

    def __init__(self, db_path: str) -> None:
        self.archive = Archive(db_path)

    def register_source(self, name: str, kind: str, start_url: str) -> None:
        self.archive.register_source(name, kind, start_url)

    def save_posts(self, rows: Sequence[dict[str, Any]], seen_at: str) -> SaveResult:
        return self.archive.save_posts(rows, seen_at=seen_at)

    def save_resources(self, rows: Sequence[dict[str, Any]], seen_at: str) -> SaveResult:
        return self.archive.save_resources(rows, seen_at=seen_at)

    def relabel(self, sources: Iterable[str]) -> int:
        """Re-label series across each source: a prefix may recur only now. How many changed."""
        return sum(
            self.archive.refresh_heading_fields(relabelled(self.archive.heading_rows(source)))
            for source in sorted(sources)
        )

    def close(self) -> None:
        self.archive.close()
