"""Opening the archive's SQLite file: pragmas, and migrating it (or checking it is migrated)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from crawler.store.schema import MIGRATIONS

BUSY_TIMEOUT_S = 10.0


class ArchiveError(Exception):
    """The archive cannot be opened, or cannot do what was asked of it."""


def open_database(path: Path, read_only: bool) -> Database:
    """Connect, set the pragmas, and migrate (or, read-only, check the schema)."""
    try:
        if read_only:
            uri = f"{path.resolve().as_uri()}?mode=ro"
            conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    except (OSError, sqlite3.Error) as exc:
        raise ArchiveError(f"cannot open archive {path}: {exc}") from exc
    try:
        db = Database(conn)
        _configure(db, read_only)
        if read_only:
            _check_migrated(db, path)
        else:
            MIGRATIONS.apply(db)
    except sqlite3.Error as exc:
        conn.close()
        raise ArchiveError(f"cannot open archive {path}: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return db


def _configure(db: Database, read_only: bool) -> None:
    if read_only:
        db.execute("PRAGMA query_only = ON")
    else:
        db.enable_wal()
        # WAL makes NORMAL safe against corruption; it only risks the last commits on power loss.
        db.execute("PRAGMA synchronous = NORMAL")
        # Statement journals in memory: inserting a page of posts at once (saving.py) needs
        # one over SQLite's 64 KiB spill size, and a temporary file a page costs 10% of it.
        db.execute("PRAGMA temp_store = MEMORY")
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")


def _check_migrated(db: Database, path: Path) -> None:
    pending = MIGRATIONS.pending(db)
    if pending:
        raise ArchiveError(
            f"{path} is not an up-to-date blogarchive archive "
            f"({len(pending)} schema steps missing); open it writable once to migrate"
        )


def dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    """A cursor's rows as dicts keyed by column name."""
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, values, strict=True)) for values in cursor]
