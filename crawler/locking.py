"""One writer at a time: an exclusive lock beside the archive file.

The lock is an OS file lock (``flock``) on ``<archive>.lock``: it is released
by the kernel when the holder exits, even after ``kill -9``, so a crashed run
never leaves a stale lock behind. The file holds the holder's pid for the
message a second run prints.

A process may take the lock more than once (``blogarchive crawl`` holds it, and
each of its crawls takes it again, as a lone ``scrapy crawl`` does): it is
released when the last holder in the process lets go.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType


class ArchiveLocked(RuntimeError):
    """Another process holds the archive's lock."""


# Locks this process holds: lock file -> [file descriptor, holders].
_HELD: dict[Path, list[int]] = {}


class ArchiveLock:
    """``with ArchiveLock(db_path):`` holds the archive for this process, or raises."""

    def __init__(self, db_path: str | Path) -> None:
        self.path = Path(f"{db_path}.lock")
        self._held = False

    def acquire(self) -> None:
        if self._held:
            return
        key = self.path.resolve()
        if key in _HELD:
            _HELD[key][1] += 1
            self._held = True
            return
        _HELD[key] = [self._lock(), 1]
        self._held = True

    def _lock(self) -> int:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "another process"
            os.close(fd)
            raise ArchiveLocked(
                f"{self.path.with_suffix('')} is in use by process {holder}: "
                "another crawl or reparse is running; try again when it ends"
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode("ascii"))
        return fd

    def release(self) -> None:
        if not self._held:
            return
        self._held = False
        key = self.path.resolve()
        held = _HELD[key]
        held[1] -= 1
        if held[1] == 0:
            del _HELD[key]
            fcntl.flock(held[0], fcntl.LOCK_UN)
            os.close(held[0])

    def __enter__(self) -> ArchiveLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
