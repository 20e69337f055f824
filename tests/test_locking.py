"""The archive's lock: one writing process at a time, taken again freely inside it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from crawler.locking import ArchiveLock, ArchiveLocked

TRY_LOCK = """
import sys
from crawler.locking import ArchiveLock, ArchiveLocked
try:
    ArchiveLock(sys.argv[1]).acquire()
except ArchiveLocked as exc:
    print(exc)
    sys.exit(3)
"""


def lock_from_another_process(db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", TRY_LOCK, str(db)], capture_output=True, text=True, check=False
    )


def test_another_process_is_refused_with_the_holders_pid(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    with ArchiveLock(db):
        refused = lock_from_another_process(db)
    assert refused.returncode == 3
    assert f"is in use by process {os.getpid()}" in refused.stdout
    assert lock_from_another_process(db).returncode == 0  # free once released


def test_one_process_takes_it_again_and_holds_it_until_the_last_release(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    outer, inner = ArchiveLock(db), ArchiveLock(str(tmp_path / "." / "a.sqlite"))
    outer.acquire()
    inner.acquire()  # a crawl inside `blogarchive crawl`, which holds it already
    inner.release()
    assert lock_from_another_process(db).returncode == 3
    outer.release()
    assert lock_from_another_process(db).returncode == 0


def test_releasing_twice_or_unheld_is_harmless(tmp_path: Path) -> None:
    lock = ArchiveLock(tmp_path / "a.sqlite")
    lock.release()
    lock.acquire()
    lock.release()
    lock.release()
    assert lock_from_another_process(tmp_path / "a.sqlite").returncode == 0


def test_a_failed_attempt_holds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "a.sqlite"
    hold = TRY_LOCK + "\nprint('held', flush=True)\nimport time\ntime.sleep(30)\n"
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(ArchiveLocked):
            ArchiveLock(db).acquire()
    finally:
        holder.kill()
        holder.wait()
    with ArchiveLock(db):
        pass
