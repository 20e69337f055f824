"""One writer at a time: an exclusive lock beside the archive file.

The lock is an OS file lock (``flock``) on ``<archive>.lock``: it is released
by the kernel when the holder exits, even after ``kill -9``, so a crashed run
never leaves a stale lock behind. The file holds the holder's pid for the
message a second run prints.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType


class ArchiveLocked(RuntimeError):
    """Another process holds the archive's lock."""


class ArchiveLock:
    """``with ArchiveLock(db_path):`` holds the archive for this process, or raises."""

    def __init__(self, db_path: str | Path) -> None:
        self.path = Path(f"{db_path}.lock")
        self._fd: int | None = None

    def acquire(self) -> None:
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
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

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
