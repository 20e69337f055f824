"""CSV that opens safely in a spreadsheet.

A text cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return would be read as a formula (CSV injection); it gets a leading ``'``,
which spreadsheets show as text. A plain number (``-3``, ``+1.5``) is left as
it is. Lists (authors, tags) become one cell joined by ``; ``, booleans
``true``/``false``, None an empty cell. Columns: the export keys in their
order, then any other keys of the first post. With ``excel`` the file starts
with a UTF-8 byte order mark, so Excel reads accents right.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from itertools import chain
from typing import IO, Any

from crawler.exporters.base import ExportContext
from crawler.store.rows import EXPORT_KEYS

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
LIST_SEPARATOR = "; "


def safe_cell(value: Any) -> str | int | float:
    """The cell for one value, neutralised when a spreadsheet would take it for a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    text = str(value)
    if text.startswith(_FORMULA_STARTS) and not _NUMBER_RE.fullmatch(text):
        return "'" + text
    return text


def write_csv(posts: Iterable[Mapping[str, Any]], stream: IO[str], context: ExportContext) -> None:
    """Write a header row and a row per post (``stream`` opened with ``newline=""``)."""
    rows = iter(posts)
    first = next(rows, None)
    columns = list(EXPORT_KEYS)
    if first is not None:
        columns += [key for key in first if key not in EXPORT_KEYS]
    writer = csv.writer(stream)
    writer.writerow(columns)
    for post in chain([first] if first is not None else [], rows):
        writer.writerow([safe_cell(post.get(column)) for column in columns])
