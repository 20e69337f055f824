"""RIS records (``TY  - BLOG``), the format Zotero, EndNote and Mendeley all import.

One record per post: ``TI`` title, ``AU`` one line per author in byline order
(``Family, Given``; a group whole), ``T2`` the blog's name, ``DA`` the date as
``YYYY/MM/DD/`` (``YYYY/MM//`` for a month), ``PY`` the year, ``UR`` the URL,
``Y2`` the access date, ``AB`` the teaser, ``T3`` the series, ``KW`` one line
per tag, then ``ER  - ``. Lines end in CR LF as the RIS specification says
(readers, rispy and Zotero among them, take LF too); each value is one line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

from crawler.exporters.base import ExportContext, date_parts, plain
from crawler.exporters.names import split_name

EOL = "\r\n"


def ris_date(value: str | None) -> str:
    """``2023-05-24`` -> ``2023/05/24/``; ``2023-05`` -> ``2023/05//``; ``2023`` -> ``2023///``."""
    parts = [f"{part:02d}" for part in date_parts(value)]
    if not parts:
        return ""
    return "/".join(parts + [""] * (3 - len(parts))) + "/"


def ris_record(post: Mapping[str, Any], context: ExportContext) -> str:
    """One post as a RIS record, ``TY`` to ``ER``, each line ending in CR LF."""
    published = post.get("published")
    fields: list[tuple[str, Any]] = [
        ("TY", "BLOG"),
        ("TI", post.get("title") or post.get("heading")),
        *(("AU", split_name(author).inverted()) for author in post.get("authors") or ()),
        ("T2", context.blog_name(post)),
        ("DA", ris_date(published)),
        ("PY", (published or "")[:4]),
        ("UR", post.get("url")),
        ("Y2", ris_date(context.access_date(post))),
        ("AB", post.get("teaser")),
        ("T3", post.get("series")),
        *(("KW", tag) for tag in post.get("tags") or ()),
    ]
    lines = [f"{tag}  - {text}" for tag, value in fields if (text := plain(value))]
    return EOL.join([*lines, "ER  - ", ""])


def write_ris(posts: Iterable[Mapping[str, Any]], stream: IO[str], context: ExportContext) -> None:
    """Write the records one by one, a blank line between them."""
    separator = ""
    for post in posts:
        stream.write(separator + ris_record(post, context))
        separator = EOL
