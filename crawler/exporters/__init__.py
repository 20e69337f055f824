"""Export posts as JSON, JSON lines, CSV, RIS, BibLaTeX or CSL-JSON; manifests; BagIt bags.

Pure: posts in (export-shaped dicts, see ``crawler.store.rows.EXPORT_KEYS``),
files out. No Scrapy, no SQL. ``FORMATS`` names every format;
``export_posts`` writes one file atomically (a temporary file, then a rename).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from crawler.exporters.bag import make_bag
from crawler.exporters.base import ExportContext, atomic_text
from crawler.exporters.biblatex import write_biblatex
from crawler.exporters.csljson import write_csljson
from crawler.exporters.manifest import MANIFEST_NAME, write_manifest
from crawler.exporters.ris import write_ris
from crawler.exporters.spreadsheet import write_csv
from crawler.exporting import write_json_exports

Posts = Iterable[Mapping[str, Any]]
StreamWriter = Callable[[Posts, IO[str], ExportContext], None]


@dataclass(frozen=True)
class Format:
    """An export format: its file extension, and a writer that streams to a text file."""

    extension: str
    write: StreamWriter | None = None  # None: JSON, written by crawler.exporting
    newline: str | None = None  # passed to open(): "" where the writer picks line endings


FORMATS: dict[str, Format] = {
    "json": Format(".json"),
    "jsonl": Format(".jsonl"),
    "csv": Format(".csv", write_csv, newline=""),
    "ris": Format(".ris", write_ris, newline=""),
    "bibtex": Format(".bib", write_biblatex),
    "csljson": Format(".json", write_csljson),
}


def export_posts(
    posts: Posts,
    fmt: str,
    out: Path,
    *,
    blog_names: Mapping[str, str],
    accessed: str,
    excel: bool = False,
) -> Path:
    """Write ``posts`` to the file ``out`` in format ``fmt`` (a key of ``FORMATS``).

    One pass over ``posts``; the file appears only when complete, and an error
    leaves any previous file as it was. ``blog_names`` maps a source name to its
    blog's title; ``accessed`` is the access date for posts without
    ``last_seen``; ``excel`` adds a byte order mark to CSV. Returns ``out``.
    Raises ValueError for an unknown format.
    """
    try:
        spec = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}") from None
    out = Path(out)
    if spec.write is None:
        _export_json(posts, out, lines=fmt == "jsonl")
        return out
    context = ExportContext(blog_names=blog_names, accessed=accessed)
    encoding = "utf-8-sig" if excel and fmt == "csv" else "utf-8"
    with atomic_text(out, encoding=encoding, newline=spec.newline) as stream:
        spec.write(posts, stream, context)
    return out


def _export_json(posts: Posts, out: Path, *, lines: bool) -> None:
    """JSON or JSON lines exactly as ``posts.json``/``posts.jsonl``, renamed onto ``out``.

    ``write_json_exports`` writes into a private folder beside ``out`` (the
    same file system, so the final rename is atomic); for JSON lines it also
    writes the array, which is dropped.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}."))
    try:
        written = write_json_exports(posts, work, stem="export", lines=lines)
        os.replace(written[-1], out)
    finally:
        shutil.rmtree(work, ignore_errors=True)


__all__ = [
    "FORMATS",
    "MANIFEST_NAME",
    "ExportContext",
    "Format",
    "export_posts",
    "make_bag",
    "write_manifest",
]
