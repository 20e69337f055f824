"""The document layer of the feed parser: bytes to text, text to an lxml tree, names.

Tolerant by design: wrong encoding declarations, junk before the root, characters
XML forbids and HTML entities XML does not know are all repaired before lxml's
recovering parser sees the text. :class:`FeedError` is raised only for documents
that are not feeds at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.entities import html5

from lxml import etree
from w3lib.encoding import read_bom, resolve_encoding

from crawler.parsing.html import absolute


class FeedError(ValueError):
    """The document is not an RSS or Atom feed (empty, binary, an HTML page…)."""


_NAMESPACES = {
    "http://www.w3.org/2005/Atom": "atom",
    "http://purl.org/atom/ns#": "atom",  # Atom 0.3
    "http://purl.org/rss/1.0/": "",
    "http://my.netscape.com/rdf/simple/0.9/": "",
    "http://backend.userland.com/rss2": "",
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://rssnamespace.org/feedburner/ext/1.0": "feedburner",
}
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")
_ROOT_START = re.compile(r"<(?:[\w.-]+:)?(?:rss|feed|RDF)[\s>/]")
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)[\s>]", re.IGNORECASE)
_CDATA = re.compile(r"(<!\[CDATA\[.*?(?:\]\]>|$))", re.DOTALL)
_BAD_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# "&" that does not start one of XML's five entities or a character reference.
_LOOSE_AMP = re.compile(r"&(?!(?:amp|lt|gt|quot|apos|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});)(\w{1,32};)?")
_CHAR_REF = re.compile(r"&#(?:(\d{1,7})|[xX]([0-9a-fA-F]{1,6}));")


def parse_xml(data: bytes | str, feed_url: str) -> tuple[etree._Element, str, bool]:
    """The root element of a feed document, its local name (``rss``, ``RDF`` or
    ``feed``) and whether the parser had to recover from broken XML.

    Raises :class:`FeedError` for anything that is not a feed.
    """
    text = _decode(data, feed_url) if isinstance(data, bytes) else data
    text = _prepare(text, feed_url)
    # A parser per call: its error log tells whether this document needed recovery.
    parser = etree.XMLParser(
        recover=True, resolve_entities=False, no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(text, parser, base_url=feed_url or None)
    except (etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        if _HTML_START.search(text, 0, 2048):
            raise FeedError(f"{feed_url}: an HTML page, not a feed")
        raise FeedError(f"{feed_url}: not XML, so not a feed")
    kind = local_name(root)
    if kind.lower() == "html":
        raise FeedError(f"{feed_url}: an HTML page, not a feed")
    if kind not in ("rss", "RDF", "feed"):
        raise FeedError(f"{feed_url}: root element <{kind}> is not rss, RDF or feed")
    cut = bool(len(parser.error_log)) and _last_entry_cut(text, kind)
    return root, kind, cut


def _decode(data: bytes, feed_url: str) -> str:
    """Bytes to text: BOM, then UTF-8 (valid UTF-8 beats a legacy declaration), then
    the declared encoding, then cp1252 and latin-1."""
    head = data[:1024]
    if not data.strip():
        raise FeedError(f"{feed_url}: empty document")
    bom_enc, bom = read_bom(data)
    if bom_enc and bom:
        return data[len(bom) :].decode(bom_enc, "replace")
    if head.startswith((b"<\x00", b"\x00<")):  # UTF-16 without a BOM
        return data.decode("utf-16-le" if head[0] else "utf-16-be", "replace")
    if b"\x00" in head or head.startswith((b"\x1f\x8b", b"PK\x03\x04", b"%PDF", b"\x89PNG")):
        raise FeedError(f"{feed_url}: binary data, not a feed")
    match = _DECLARED.match(head)
    declared = resolve_encoding(match.group(1).decode("ascii")) if match else None
    for encoding in ("utf-8", declared, "cp1252"):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode("latin-1")


def _prepare(text: str, feed_url: str) -> str:
    """Text lxml can parse: no declaration or junk before the root, no characters XML
    forbids, and ``&`` escaped where XML would choke (outside CDATA)."""
    text = text.lstrip("\ufeff \t\r\n")
    if not text.strip():
        raise FeedError(f"{feed_url}: empty document")
    text = _XML_DECL.sub("", text, count=1)
    root = _ROOT_START.search(text, 0, 4096)
    if root and root.start():
        text = text[root.start() :]  # PHP notices, doctype or stylesheet PIs before the root
    text = _BAD_XML_CHARS.sub("", text)
    if "&" in text:
        text = "".join(
            piece if piece.startswith("<![CDATA[") else _fix_entities(piece)
            for piece in _CDATA.split(text)
        )
    return text


def _fix_entities(text: str) -> str:
    if "&" not in text:
        return text
    text = _LOOSE_AMP.sub(_entity_as_reference, text)
    return _CHAR_REF.sub(_drop_bad_reference, text)


def _entity_as_reference(match: re.Match[str]) -> str:
    name = match.group(1)
    if name and name in html5:  # &nbsp; &rsquo; … become character references
        return "".join(f"&#{ord(ch)};" for ch in html5[name])
    return "&amp;" + (name or "")


def _drop_bad_reference(match: re.Match[str]) -> str:
    decimal, hexadecimal = match.groups()
    code = int(decimal) if decimal else int(hexadecimal, 16)
    allowed = code in (9, 10, 13) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF
    return match.group() if allowed and code not in (0xFFFE, 0xFFFF) else ""


def _last_entry_cut(text: str, kind: str) -> bool:
    """After a recovered parse: did the document end inside its last entry?"""
    tag = "entry" if kind == "feed" else "item"
    opened = len(re.findall(rf"<(?:[\w.-]+:)?{tag}[\s>]", text))
    closed = len(re.findall(rf"</(?:[\w.-]+:)?{tag}\s*>", text))
    return opened > closed


# ---------------------------------------------------------------- XML walking


def local_name(el: etree._Element) -> str:
    """The tag without namespace or prefix; ``""`` for comments and the like."""
    tag = el.tag
    return tag.rpartition("}")[2].rpartition(":")[2] if isinstance(tag, str) else ""


def qualified_name(el: etree._Element, home: str) -> str:
    """``prefix:local`` with known namespaces given fixed prefixes; ``home`` ("" or
    "atom") is the document's own vocabulary and gets no prefix."""
    tag = el.tag
    if not isinstance(tag, str):
        return ""
    if tag[0] == "{":
        uri, _, local = tag[1:].partition("}")
        prefix = _NAMESPACES.get(uri, el.prefix or uri)
    elif ":" in tag:  # an undeclared prefix kept by the recovering parser
        prefix, _, local = tag.partition(":")
    else:
        prefix, local = "", tag
    return local if prefix == home else f"{prefix}:{local}"


def children(el: etree._Element, home: str) -> dict[str, list[etree._Element]]:
    """The child elements of ``el`` grouped by :func:`qualified_name`, in order."""
    found: dict[str, list[etree._Element]] = {}
    for child in el:
        found.setdefault(qualified_name(child, home), []).append(child)
    return found


def first_text(kids: dict[str, list[etree._Element]], *names: str) -> str | None:
    """The first non-blank text among the children called ``names`` (tried in order)."""
    for name in names:
        for el in kids.get(name, ()):
            value = "".join(el.itertext()).strip()
            if value:
                return value
    return None


def _links(els: list[etree._Element], rel: str) -> Iterator[tuple[str, etree._Element]]:
    for el in els:
        href = el.get("href")
        if href and (el.get("rel") or "alternate").strip().lower() == rel:
            yield href, el


def link_href(els: list[etree._Element], rel: str, feed_url: str) -> str | None:
    """The first ``rel`` link (HTML type preferred), absolute, or ``None``."""
    links = list(_links(els, rel))
    links.sort(key=lambda link: "html" not in (link[1].get("type") or "text/html"))
    for href, el in links:
        url = absolute(href, el.base or feed_url)
        if url:
            return url
    return None
