"""``manifest.json``: how a collection was made, and a SHA-256 of every file in it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from crawler.exporters.base import atomic_text

MANIFEST_NAME = "manifest.json"
_CHUNK = 1 << 20


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file's bytes, as hex, read a megabyte at a time."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _relative(path: Path, folder: Path) -> str:
    """A path relative to the folder when the file is in it (POSIX slashes), else absolute."""
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def write_manifest(
    folder: Path,
    files: Sequence[Path],
    *,
    filters: Mapping[str, Any],
    query: str | None,
    count: int,
    archive_path: str,
    parser_version: str,
    created: str,
) -> Path:
    """Write ``folder/manifest.json`` (atomically) and return its path.

    It records when the export was made, from which archive and parser version,
    with which filters and query, how many posts, and each file's path
    (relative to ``folder``), size and SHA-256.
    """
    folder = Path(folder)
    manifest = {
        "created": created,
        "archive": archive_path,
        "parser_version": parser_version,
        "filters": dict(filters),
        "query": query,
        "count": count,
        "files": [
            {
                "path": _relative(Path(path), folder),
                "bytes": Path(path).stat().st_size,
                "sha256": sha256_file(Path(path)),
            }
            for path in files
        ],
    }
    out = folder / MANIFEST_NAME
    with atomic_text(out) as handle:
        json.dump(manifest, handle, ensure_ascii=False, indent=2, default=str)
        handle.write("\n")
    return out
