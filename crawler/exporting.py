"""Write archive rows as a JSON array and JSON lines, atomically.

Rows come from ``Archive.export_rows()`` / ``export_resources()``; this module
runs no SQL.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any


def write_json_exports(
    rows: Iterable[Mapping[str, Any]],
    folder: str | Path,
    *,
    stem: str = "posts",
    lines: bool = True,
) -> list[Path]:
    """Write ``<stem>.json`` (one array) and, with ``lines``, ``<stem>.jsonl`` (one object a line).

    One streaming pass over ``rows``. Each file is written to a temporary file
    in ``folder`` and moved into place only when every row has been written, so
    on any error the previous exports stay as they were and no temporary file
    is left. Creates ``folder`` if needed; returns the paths written.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    targets = [folder / f"{stem}.json", *([folder / f"{stem}.jsonl"] if lines else [])]
    temps: list[Path] = []
    try:
        with ExitStack() as stack:
            handles = [_open_temp(target, temps, stack) for target in targets]
            _write_rows(rows, *handles)
            for handle in handles:
                handle.flush()
                os.fsync(handle.fileno())
        for temp, target in zip(temps, targets, strict=True):
            os.replace(temp, target)
    except BaseException:
        for temp in temps:
            temp.unlink(missing_ok=True)
        raise
    return targets


def _open_temp(target: Path, created: list[Path], stack: ExitStack) -> IO[str]:
    """A new temporary file beside ``target``, recorded in ``created`` before use."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    created.append(Path(name))
    # mkstemp makes the file private (0600); exports are meant to be shared.
    os.chmod(fd, 0o644)
    return stack.enter_context(open(fd, "w", encoding="utf-8"))


def _write_rows(
    rows: Iterable[Mapping[str, Any]], json_file: IO[str], jsonl_file: IO[str] | None = None
) -> None:
    json_file.write("[")
    separator = "\n"
    for row in rows:
        line = json.dumps(dict(row), ensure_ascii=False)
        json_file.write(separator + line)
        if jsonl_file is not None:
            jsonl_file.write(line + "\n")
        separator = ",\n"
    json_file.write("\n]\n")
