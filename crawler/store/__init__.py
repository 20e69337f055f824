"""The SQLite archive: the only package in the project that writes SQL.

``schema`` builds the tables by named migrations, ``saving`` is the batched
write path of ``Archive.save_posts``, ``rows`` converts between post mappings,
stored rows and export-shaped dicts.
"""

from crawler.store.archive import Archive, utc_now
from crawler.store.connection import BUSY_TIMEOUT_S, ArchiveError
from crawler.store.rows import EXPORT_KEYS, run_changes
from crawler.store.saving import SaveResult

__all__ = [
    "BUSY_TIMEOUT_S",
    "EXPORT_KEYS",
    "Archive",
    "ArchiveError",
    "SaveResult",
    "run_changes",
    "utc_now",
]
