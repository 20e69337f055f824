"""BibLaTeX ``@online`` entries, for biber and for import into Zotero.

Fields: ``title`` (in an extra pair of braces, so no style changes its case),
``author`` (``Family, Given and Family, Given`` in byline order; a group in
double braces, so it is never split), ``organization`` (the blog's name: the
field biblatex's ``@online`` has for who publishes a site), ``date`` (ISO:
day, month or year), ``url`` (verbatim, as biber reads it), ``urldate``,
``abstract`` (the teaser), ``series`` and ``number`` (the part), ``keywords``
(tags). Text keeps its Unicode (biber reads UTF-8); the characters LaTeX would
take as commands are escaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import IO, Any

from crawler.exporters.base import ExportContext, plain
from crawler.exporters.keys import CitationKeys
from crawler.exporters.names import Name, split_name

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_SPECIAL_TABLE = str.maketrans(_SPECIAL)
# Braces would end the field; white space would end the URL for a reader.
_URL_UNSAFE = str.maketrans({"{": "%7B", "}": "%7D", " ": "%20", "\\": "%5C"})


def escape(text: str) -> str:
    """``100% & {x}`` -> ``100\\% \\& \\{x\\}``: LaTeX's special characters escaped."""
    return text.translate(_SPECIAL_TABLE)


def bib_name(name: Name) -> str:
    """``Henriks, Göran``, ``King, Jr, Martin``, or ``{NHS Confederation}`` for a group."""
    if name.literal:
        return "{" + escape(name.literal) + "}"
    parts = [name.family, name.suffix, name.given] if name.suffix else [name.family, name.given]
    return ", ".join(escape(part) for part in parts if part)


def _url(url: str) -> str:
    return url.translate(_URL_UNSAFE)


def bib_entry(post: Mapping[str, Any], context: ExportContext, keys: CitationKeys) -> str:
    """One post as an ``@online`` entry with a key from ``keys``."""
    names = [split_name(author) for author in post.get("authors") or ()]
    part = post.get("series_part")
    fields = [
        ("title", "{" + escape(plain(post.get("title") or post.get("heading"))) + "}"),
        ("author", " and ".join(bib_name(name) for name in names)),
        ("organization", escape(plain(context.blog_name(post)))),
        ("date", plain(post.get("published"))),
        ("url", _url(plain(post.get("url")))),
        ("urldate", context.access_date(post)),
        ("abstract", escape(plain(post.get("teaser")))),
        ("series", escape(plain(post.get("series")))),
        ("number", str(part) if part is not None and post.get("series") else ""),
        ("keywords", ", ".join(escape(plain(tag)) for tag in post.get("tags") or ())),
    ]
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields if value)
    return f"@online{{{keys.key(post, names)},\n{body}}}\n"


def write_biblatex(
    posts: Iterable[Mapping[str, Any]], stream: IO[str], context: ExportContext
) -> None:
    """Write the entries one by one, a blank line between them."""
    keys = CitationKeys()
    separator = ""
    for post in posts:
        stream.write(separator + bib_entry(post, context, keys))
        separator = "\n"
