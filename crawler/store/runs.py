"""The run ledger's table, ``crawl_runs``: one row per run of a source.

Functions of a connection, as ``saving`` and ``validators`` are; ``Archive``
wraps them in its transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from typing import Any

from crawler.store.connection import ArchiveError, dicts
from crawler.store.schema import RUN_STATUSES

_NEWEST_FIRST = " ORDER BY started DESC, id DESC LIMIT ?"


def insert_run(conn: sqlite3.Connection, *, spider: str, source: str, started: str) -> int:
    """A new ``running`` row; its id."""
    cursor = conn.execute(
        "INSERT INTO crawl_runs (spider, source, started, status) VALUES (?, ?, ?, ?)",
        (spider, source, started, "running"),
    )
    return cursor.lastrowid


def check_run_fields(conn: sqlite3.Connection, fields: Mapping[str, Any]) -> None:
    """ValueError for a key that is not a column of crawl_runs, or an unknown status."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(crawl_runs)")} - {"id"}
    unknown = set(fields) - columns
    if unknown:
        raise ValueError(f"not crawl_runs columns: {', '.join(sorted(unknown))}")
    if "status" in fields:
        check_status(fields["status"])


def check_status(status: str) -> None:
    if status not in RUN_STATUSES:
        raise ValueError(f"status must be one of {', '.join(RUN_STATUSES)}")


def update_run(conn: sqlite3.Connection, run_id: int, fields: Mapping[str, Any]) -> None:
    """Set ``fields`` (checked columns) of run ``run_id``; ArchiveError when there is none."""
    assignments = ", ".join(f"{name} = ?" for name in fields)
    cursor = conn.execute(
        f"UPDATE crawl_runs SET {assignments} WHERE id = ?", (*fields.values(), run_id)
    )
    if cursor.rowcount == 0:
        raise ArchiveError(f"no crawl run with id {run_id}")


def close_stale_runs(conn: sqlite3.Connection, ended: str) -> int:
    """Mark runs still ``running`` as ``interrupted``; how many."""
    cursor = conn.execute(
        "UPDATE crawl_runs SET status = 'interrupted', ended = coalesce(ended, ?), "
        "message = 'the crawl process ended without closing its run (killed?)' "
        "WHERE status = 'running'",
        (ended,),
    )
    return cursor.rowcount


def select_runs(
    conn: sqlite3.Connection,
    *,
    limit: int,
    source: str | None = None,
    status: str | None = None,
    finished: bool = False,
    min_entries: int = 0,
) -> list[dict[str, Any]]:
    """Runs, newest first: of ``source``, ended so (``status``), not ``running``, with entries."""
    conditions, params = [], []
    if source is not None:
        conditions.append("source = ?")
        params.append(source)
    if status is not None:
        check_status(status)
        conditions.append("status = ?")
        params.append(status)
    if finished:
        conditions.append("status != 'running'")
    if min_entries > 0:
        conditions.append("entries >= ?")
        params.append(min_entries)
    where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    cursor = conn.execute(f"SELECT * FROM crawl_runs{where}{_NEWEST_FIRST}", (*params, limit))
    return dicts(cursor)


def select_run(conn: sqlite3.Connection, run_id: int) -> dict[str, Any]:
    """The row of run ``run_id``; ArchiveError if there is none."""
    found = dicts(conn.execute("SELECT * FROM crawl_runs WHERE id = ?", (run_id,)))
    if not found:
        raise ArchiveError(f"no crawl run with id {run_id}")
    return found[0]
