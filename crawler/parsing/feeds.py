"""RSS 2.0, RSS 1.0 and Atom feeds (WordPress, Medium, Blogger…) parsed into plain data.

:func:`parse_feed` reads bytes or text, survives broken XML, wrong encoding
declarations and HTML entities that XML does not know, and raises
:class:`FeedError` only when the document is not a feed at all. The document
layer is :mod:`crawler.parsing.feedxml`; field clean-up is
:mod:`crawler.parsing.feedfields`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

from lxml import etree

from crawler.parsing import feedfields as fields
from crawler.parsing.feedxml import (
    FeedError,
    children,
    first_text,
    link_href,
    local_name,
    parse_xml,
    qualified_name,
)
from crawler.parsing.html import absolute
from crawler.parsing.text import clean_text

__all__ = ["Feed", "FeedEntry", "FeedError", "parse_feed", "wordpress_feed_page"]


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One feed item. Text fields are plain text; dates are ISO 8601 with offset."""

    url: str  # absolute; ?source=, utm_* and the fragment dropped
    title: str  # entities decoded, white space collapsed
    summary: str  # description/summary as one line; footers gone, "[…]"/"More..." kept
    content_text: str | None  # body blocks separated by blank lines; None when absent
    published: str | None
    updated: str | None
    author: str | None  # the CMS account (dc:creator, author/name), not a byline
    categories: tuple[str, ...]  # categories and tags, in order, de-duplicated
    guid: str | None
    post_id: str | None  # WordPress ?p= id, Medium 12-hex id, Blogger post number


@dataclass(frozen=True, slots=True)
class Feed:
    """A parsed feed: channel title and site link, entries in feed order, next page."""

    title: str | None
    site_url: str | None
    entries: tuple[FeedEntry, ...]
    next_url: str | None  # Atom / RFC 5005 <link rel="next">


_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_TAG = re.compile(r"<[A-Za-z/!]")
_ESCAPED_HTML = frozenset({"html", "text/html", "xhtml", "application/xhtml+xml"})


def parse_feed(data: bytes | str, feed_url: str) -> Feed:
    """Parse an RSS (0.9x, 1.0, 2.0) or Atom (0.3, 1.0) document fetched from ``feed_url``.

    Never raises on a damaged feed: broken XML is recovered as far as it goes (a
    last item cut off mid-way is dropped), a wrong encoding declaration falls back
    to UTF-8 then cp1252, and undeclared HTML entities are decoded. Entries
    without any http(s) link (item link, Atom alternate link or URL guid) are
    skipped. Relative links resolve against ``xml:base`` or ``feed_url``.

    Raises :class:`FeedError` (a ``ValueError``) only when the document is not a
    feed: empty, binary, not XML, an HTML page, or another XML vocabulary.
    """
    root, kind, cut = parse_xml(data, feed_url)
    feed = _atom_feed(root, feed_url) if kind == "feed" else _rss_feed(root, feed_url)
    if cut and feed.entries:
        feed = Feed(feed.title, feed.site_url, feed.entries[:-1], feed.next_url)
    return feed


def wordpress_feed_page(feed_url: str, page: int) -> str:
    """The URL of page ``page`` of a WordPress feed: ``?paged=N``; page 1 has no ``paged``.

    Other query parameters stay in order; an existing ``paged`` is replaced; the
    fragment is dropped. Raises ``ValueError`` for a page below 1.
    """
    if page < 1:
        raise ValueError(f"feed pages start at 1, got {page}")
    parts = urlsplit(feed_url.strip())
    pairs = [p for p in parts.query.split("&") if p and p.split("=", 1)[0] != "paged"]
    if page > 1:
        pairs.append(f"paged={page}")
    return urlunsplit(parts._replace(query="&".join(pairs), fragment=""))


def _categories(values: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        name = clean_text(value, strip_tags=True)
        if name:
            seen.setdefault(name.casefold(), name)
    return tuple(seen.values())


def _people(els: list[etree._Element], home: str) -> str | None:
    """Names from dc:creator / RSS author ("mail@x (Name)") / Atom author/name."""
    names: list[str] = []
    for el in els:
        if local_name(el) == "author" and len(el):
            value = first_text(children(el, home), "name", "atom:name") or ""
        else:
            value = "".join(el.itertext())
            if match := re.fullmatch(r"\s*\S+@\S+\s*\((.+)\)\s*", value):
                value = match.group(1)
        name = clean_text(value, strip_tags=True)
        if name and name not in names:
            names.append(name)
    return ", ".join(names) or None


def _title(els: list[etree._Element] | None) -> str:
    """A title or other text construct as one line; Atom ``type`` honoured."""
    if not els:
        return ""
    el = els[0]
    kind = (el.get("type") or "").lower()
    if kind in ("xhtml", "application/xhtml+xml") and len(el):
        return " ".join(fields.element_blocks(el))
    return clean_text("".join(el.itertext()), strip_tags=kind != "text")


def _body(els: list[etree._Element] | None) -> list[str] | None:
    """Text blocks of a description / content element; ``None`` when there is none."""
    if not els:
        return None
    el = els[0]
    if el.get("src"):
        return None  # Atom out-of-line content
    kind = (el.get("type") or "html").lower()
    if kind in ("xhtml", "application/xhtml+xml") and len(el):
        return fields.element_blocks(el)
    raw = "".join(el.itertext())
    if kind in ("text", "text/plain") or not _TAG.search(raw):
        return fields.plain_blocks(raw)
    if kind in _ESCAPED_HTML or not kind.startswith(("image/", "audio/", "video/", "application/")):
        return fields.html_blocks(raw)
    return None


def _entry(
    kids: dict[str, list[etree._Element]],
    home: str,
    feed_url: str,
    *,
    link: str | None,
    guid: str | None,
    dates: tuple[str | None, str | None],
    people: list[etree._Element],
    categories: list[str],
) -> FeedEntry | None:
    """One entry from its child elements and the dialect-specific raw values;
    ``None`` when it has no http(s) URL."""
    url = fields.entry_url(link, feed_url)
    if url is None and guid and guid[:8].lower().startswith(("http://", "https://")):
        url = fields.entry_url(guid, feed_url)  # only a guid that is itself a URL
    if url is None:
        return None
    title = _title(kids.get("title") or kids.get("dc:title"))
    summary = fields.drop_footers(
        _body(kids.get("description") or kids.get("summary") or kids.get("atom:summary")) or [],
        title,
    )
    content = _body(kids.get("content:encoded") or kids.get("content") or kids.get("atom:content"))
    if content is not None:
        content = fields.drop_footers(content, title)
    return FeedEntry(
        url=url,
        title=title,
        summary=clean_text(" ".join(summary)),
        content_text="\n\n".join(content) if content else None,
        published=fields.feed_date(dates[0]),
        updated=fields.feed_date(dates[1]),
        author=_people(people, home),
        categories=_categories(categories),
        guid=guid,
        post_id=fields.post_id(guid, url),
    )


def _rss_feed(root: etree._Element, feed_url: str) -> Feed:
    channel = next((el for el in root if local_name(el) == "channel"), root)
    top = children(channel, "")
    site = absolute(first_text(top, "link"), feed_url) or link_href(
        top.get("atom:link", []), "alternate", feed_url
    )
    entries = []
    for item in root.iter("{*}item", "item"):
        kids = children(item, "")
        link = first_text(kids, "feedburner:origLink", "link") or link_href(
            kids.get("atom:link", []), "alternate", feed_url
        )
        guid = first_text(kids, "guid") or item.get(f"{{{_RDF}}}about")
        dates = (
            first_text(kids, "pubDate", "dc:date", "atom:published", "dcterms:issued"),
            first_text(kids, "atom:updated", "dcterms:modified"),
        )
        people = kids.get("dc:creator") or kids.get("author") or kids.get("atom:author") or []
        categories = [
            "".join(el.itertext()) for el in kids.get("category", []) + kids.get("dc:subject", [])
        ]
        entry = _entry(
            kids,
            "",
            feed_url,
            link=link,
            guid=guid,
            dates=dates,
            people=people,
            categories=categories,
        )
        if entry:
            entries.append(entry)
    return Feed(
        title=_title(top.get("title")) or None,
        site_url=fields.entry_url(site, feed_url) if site else None,
        entries=tuple(entries),
        next_url=link_href(top.get("atom:link", []), "next", feed_url),
    )


def _atom_feed(root: etree._Element, feed_url: str) -> Feed:
    home = "atom" if qualified_name(root, "") == "atom:feed" else ""  # Atom without xmlns: ""
    top = children(root, home)
    feed_authors = top.get("author", [])
    entries = []
    for item in top.get("entry", []):
        kids = children(item, home)
        link = link_href(kids.get("link", []), "alternate", feed_url)
        guid = first_text(kids, "id")
        dates = (
            first_text(kids, "published", "issued", "dc:date"),
            first_text(kids, "updated", "modified"),
        )
        categories = [el.get("term") or el.get("label") or "" for el in kids.get("category", [])]
        people = kids.get("author") or kids.get("dc:creator") or feed_authors
        entry = _entry(
            kids,
            home,
            feed_url,
            link=link,
            guid=guid,
            dates=dates,
            people=people,
            categories=categories,
        )
        if entry:
            entries.append(entry)
    site = link_href(top.get("link", []), "alternate", feed_url)
    return Feed(
        title=_title(top.get("title")) or None,
        site_url=fields.entry_url(site, feed_url) if site else None,
        entries=tuple(entries),
        next_url=link_href(top.get("link", []), "next", feed_url),
    )
