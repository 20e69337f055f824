"""What every export format shares: the context, atomic files, dates and plain text."""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True)
class ExportContext:
    """Facts about an export that are not in the posts themselves."""

    blog_names: Mapping[str, str] = field(default_factory=dict)
    accessed: str = ""

    def blog_name(self, post: Mapping[str, Any]) -> str:
        """The blog's title for the post's source, else the source name."""
        source = post.get("source") or ""
        return self.blog_names.get(source, source)

    def access_date(self, post: Mapping[str, Any]) -> str:
        """When the post was last seen online (``last_seen``'s date), else the export's date."""
        last_seen = post.get("last_seen") or ""
        return last_seen[:10] if _DATE_RE.fullmatch(last_seen[:10]) else self.accessed[:10]


@contextmanager
def atomic_text(
    out: Path, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[IO[str]]:
    """Open a temporary file beside ``out`` for writing; move it onto ``out`` on success.

    The same contract as ``crawler.exporting``: on any error the previous file
    stays as it was and no temporary file is left; the file is readable by all.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    temp = Path(name)
    try:
        os.chmod(fd, 0o644)
        with open(fd, "w", encoding=encoding, newline=newline) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, out)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def date_parts(value: str | None) -> list[int]:
    """``"2023-05-24"`` -> ``[2023, 5, 24]``; ``"2023-05"`` -> ``[2023, 5]``; else ``[]``."""
    match = _DATE_RE.match(value or "")
    return [int(part) for part in match.groups() if part] if match else []


def plain(value: Any) -> str:
    """A value as one line of text: whitespace runs (newlines too) become one space."""
    if value is None:
        return ""
    return " ".join(str(value).split())
