"""CSL-JSON items of type ``post-weblog``: what Zotero, Pandoc and citeproc read.

The file is one JSON array. ``id`` is the same key the BibLaTeX export gives
(``henriks2023creating``); ``author`` keeps byline order, a person as
``family``/``given`` (a particle stays in ``family``, as Zotero stores it) and
a group as ``literal``; ``container-title`` is the blog's name, ``issued`` and
``accessed`` are ``date-parts``, ``collection-title``/``collection-number`` the
series and part, ``abstract`` the teaser, ``keyword`` the tags.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import IO, Any

from crawler.exporters.base import ExportContext, date_parts, plain
from crawler.exporters.keys import CitationKeys
from crawler.exporters.names import Name, split_name


def csl_name(name: Name) -> dict[str, str]:
    """``{"family": ..., "given": ...}`` (and ``suffix``), or ``{"literal": ...}``."""
    if name.literal:
        return {"literal": name.literal}
    fields = {"family": name.family, "given": name.given, "suffix": name.suffix}
    return {key: value for key, value in fields.items() if value}


def csl_item(post: Mapping[str, Any], context: ExportContext, keys: CitationKeys) -> dict[str, Any]:
    """One post as a CSL-JSON item; empty fields are left out."""
    names = [split_name(author) for author in post.get("authors") or ()]
    issued = date_parts(post.get("published"))
    accessed = date_parts(context.access_date(post))
    series = plain(post.get("series"))
    part = post.get("series_part")
    item: dict[str, Any] = {
        "id": keys.key(post, names),
        "type": "post-weblog",
        "title": plain(post.get("title") or post.get("heading")),
        "author": [csl_name(name) for name in names],
        "container-title": plain(context.blog_name(post)),
        "issued": {"date-parts": [issued]} if issued else None,
        "URL": post.get("url"),
        "accessed": {"date-parts": [accessed]} if accessed else None,
        "abstract": plain(post.get("teaser")),
        "collection-title": series,
        "collection-number": part if series and part is not None else None,
        "keyword": ", ".join(plain(tag) for tag in post.get("tags") or ()),
    }
    return {key: value for key, value in item.items() if value not in (None, "", [])}


def write_csljson(
    posts: Iterable[Mapping[str, Any]], stream: IO[str], context: ExportContext
) -> None:
    """Write one JSON array, an item a line, without holding the posts in memory."""
    keys = CitationKeys()
    stream.write("[")
    separator = "\n"
    for post in posts:
        stream.write(separator + json.dumps(csl_item(post, context, keys), ensure_ascii=False))
        separator = ",\n"
    stream.write("\n]\n")
