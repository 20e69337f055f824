"""The write path for a hub's external resources: kept apart from posts."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from crawler.store.saving import SaveResult

# The keys of an exported resource, in order.
RESOURCE_EXPORT_KEYS = ("source", "page_url", "section", "kind", "title", "description", "link")
_COLUMNS = ("id", *RESOURCE_EXPORT_KEYS)
_INSERT = "INSERT INTO resources ({}, first_seen, last_seen) VALUES ({}, ?, ?)".format(
    ", ".join(_COLUMNS), ", ".join("?" * len(_COLUMNS))
)
_UPDATE = "UPDATE resources SET {}, last_seen = ? WHERE id = ?".format(
    ", ".join(f"{name} = ?" for name in RESOURCE_EXPORT_KEYS)
)


def resource_row(resource: Mapping[str, Any], index: int = 0) -> dict[str, Any]:
    """The stored values of one resource mapping; ValueError when id, title or page is missing."""
    missing = [name for name in ("id", "source", "page_url", "title") if not resource.get(name)]
    if missing:
        raise ValueError(f"resource {index} in the batch has no {', '.join(missing)}")
    return {name: resource.get(name) for name in _COLUMNS}


def save_resources(
    conn: sqlite3.Connection, rows: Sequence[dict[str, Any]], seen_at: str
) -> SaveResult:
    """Insert new resources, update changed ones, move ``last_seen`` of all (no BEGIN/COMMIT)."""
    ids = [row["id"] for row in rows]
    placeholders = ", ".join("?" * len(ids))
    cursor = conn.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM resources WHERE id IN ({placeholders})", ids
    )
    known = {values[0]: dict(zip(_COLUMNS, values, strict=True)) for values in cursor}
    new = updated = 0
    for row in rows:
        old = known.get(row["id"])
        if old is None:
            conn.execute(_INSERT, (*(row[name] for name in _COLUMNS), seen_at, seen_at))
            new += 1
        else:
            updated += any(old[name] != row[name] for name in RESOURCE_EXPORT_KEYS)
            conn.execute(
                _UPDATE, (*(row[name] for name in RESOURCE_EXPORT_KEYS), seen_at, row["id"])
            )
        known[row["id"]] = row
    return SaveResult(new=new, updated=updated, unchanged=len(rows) - new - updated)
