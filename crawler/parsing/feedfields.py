"""Field clean-up for the feed parser: HTML to text, footers, dates, links, post ids.

Every function is pure and never raises on odd input; ``None`` or ``""`` means
"nothing usable".
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from lxml import etree

from crawler.parsing.html import BLOCK_TAGS, absolute
from crawler.parsing.medium_urls import is_medium_host, medium_post_id
from crawler.parsing.text import clean_text
from crawler.parsing.urls import strip_crawl_traps

_HTML_PARSER = etree.HTMLParser(
    recover=True, remove_comments=True, remove_pis=True, no_network=True, default_doctype=False
)
# Elements whose text is never part of the prose (the tracking pixel is an <img>).
_SKIP_TAGS = frozenset(
    {
        "audio", "button", "canvas", "embed", "form", "head", "iframe", "img", "map", "noscript",
        "object", "picture", "script", "select", "style", "svg", "template", "textarea", "title",
        "video",
    }
)  # fmt: skip
_BREAK = "\x00"  # stands for <br> while a block is built; XML text never holds NUL
_TAG_OR_ENTITY = re.compile(r"[<&]")

# Yoast SEO's default RSS footer, "The post %1$s appeared first on %2$s."
_YOAST_START = re.compile(r"(?:^|(?<=\s))The post ")
_YOAST_RE = re.compile(r"The post \S.*? appeared first on \S[^\n]*")
# Medium's preview link: "Continue reading on Medium »" or "… on <Publication> »".
_CONTINUE_RE = re.compile(r"(?:^|\s+)Continue reading on [^»\n]{1,200}»$")

_WORDPRESS_ID = re.compile(r"[?&]p=(\d+)(?:[&#]|$)")
_MEDIUM_GUID = re.compile(r"^https?://(?:www\.)?medium\.com/p/([0-9a-f]{12})/?$", re.IGNORECASE)
_BLOGGER_ID = re.compile(r"^tag:blogger\.com,1999:blog-\d+\.post-(\d+)$")

# Zone names seen in RFC 822 feed dates that the email module does not know.
_ZONES = {
    "BST": 1, "WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2,
    "EET": 2, "EEST": 3, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}  # fmt: skip
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
}
_UTC_NAMES = frozenset({"GMT", "UT", "UTC", "Z", "-0000"})


def html_blocks(markup: str | None) -> list[str]:
    """The text blocks of an HTML fragment, in order, each with white space collapsed.

    Block elements (``p``, ``li``, ``h3``, ``figcaption``…) start new blocks;
    ``<br>`` becomes a newline inside its block. Scripts, styles, images (so the
    tracking pixel) and embeds give no text. Entities, double-escaped ones
    included, are decoded.
    """
    if not markup or markup.isspace():
        return []
    if not _TAG_OR_ENTITY.search(markup):
        text = clean_text(markup)
        return [text] if text else []
    try:
        root = etree.fromstring(markup, _HTML_PARSER)
    except (etree.XMLSyntaxError, etree.ParserError, ValueError):
        root = None
    if root is None:
        text = clean_text(markup, strip_tags=True)
        return [text] if text else []
    return element_blocks(root)


def element_blocks(root: etree._Element) -> list[str]:
    """Text blocks of an already parsed element (HTML, or Atom XHTML content)."""
    blocks: list[str] = []
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag.rpartition("}")[2].lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if (tag in _SKIP_TAGS or not tag) and el is not root:
                walker.skip_subtree()
                continue
            if tag == "br":
                parts.append(_BREAK)
            elif tag in BLOCK_TAGS:
                _flush(parts, blocks)
            if el.text:
                parts.append(el.text)
        else:
            if tag in BLOCK_TAGS and tag != "br":
                _flush(parts, blocks)
            if el.tail and el is not root:
                parts.append(el.tail)
    _flush(parts, blocks)
    return blocks


def _flush(parts: list[str], blocks: list[str]) -> None:
    if not parts:
        return
    lines = (clean_text(line) for line in "".join(parts).split(_BREAK))
    block = "\n".join(line for line in lines if line)
    if block:
        blocks.append(block)
    parts.clear()


def drop_footers(blocks: list[str], title: str) -> list[str]:
    """``blocks`` without a final Yoast "The post … appeared first on …." or Medium
    "Continue reading on … »", whether they fill the last block or end it."""
    blocks = list(blocks)
    changed = True
    while blocks and changed:
        last = blocks[-1]
        cut = _yoast_start(last, title)
        if cut is None and (match := _CONTINUE_RE.search(last)):
            cut = match.start()
        changed = cut is not None
        if cut is not None:
            rest = last[:cut].rstrip()
            blocks[-1:] = [rest] if rest else []
    return blocks


def _yoast_start(text: str, title: str) -> int | None:
    if "appeared first on" not in text:
        return None
    if title:
        # The entry's own title pins the footer even when the title says "The post …".
        at = text.rfind(f"The post {title} appeared first on ")
        if at >= 0 and (at == 0 or text[at - 1].isspace()) and "\n" not in text[at:]:
            return at
    # Otherwise the last "The post " that starts a whole footer: an earlier one may
    # open an ordinary sentence ("The post of chief nurse …").
    for start in reversed([m.start() for m in _YOAST_START.finditer(text)]):
        if _YOAST_RE.fullmatch(text, start):
            return start
    return None


def plain_blocks(text: str | None) -> list[str]:
    """Blocks of a plain-text value (Atom ``type="text"``): paragraphs at blank lines."""
    if not text:
        return []
    blocks = (clean_text(part) for part in re.split(r"\n\s*\n", text))
    return [block for block in blocks if block]


def feed_date(raw: str | None) -> str | None:
    """A feed date as ISO 8601 with offset, to the second, or ``None``.

    Reads RFC 822 (``pubDate``), ISO 8601 / W3C-DTF (Atom, ``dc:date``) and, as
    a last resort, anything ``dateparser`` understands. GMT, UT, Z and ``-0000``
    become ``+00:00``; a date with no zone at all is taken as UTC; the feed's own
    offset is kept otherwise.
    """
    text = " ".join(raw.split()) if raw else ""
    if not text or text.startswith("0000"):  # WordPress writes 0000-00-00 for "no date"
        return None
    parsed = _iso_date(text) if text[:4].isdigit() else None
    if parsed is None:
        parsed = _rfc822_date(text)
    if parsed is None:
        parsed = _fallback_date(text)
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        return parsed.isoformat(timespec="seconds")
    except (ValueError, OverflowError):
        return None


def _iso_date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _rfc822_date(text: str) -> datetime | None:
    try:
        parsed = parsedate_to_datetime(text)
    except (ValueError, TypeError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:
        zone = text.rsplit(None, 1)[-1].upper()
        if zone in _ZONES:
            return parsed.replace(tzinfo=timezone(timedelta(hours=_ZONES[zone])))
        if zone not in _UTC_NAMES and zone.isalpha():
            return None  # an unknown zone name: let dateparser try, rather than guess UTC
    return parsed


def _fallback_date(text: str) -> datetime | None:
    if len(text) > 64 or not any(ch.isdigit() for ch in text):
        return None
    import dateparser  # slow to import; only odd date formats need it

    try:
        # Absolute dates with day, month and year only: nothing is filled in from today.
        return dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except Exception:  # dateparser raises assorted errors on odd input
        return None


def entry_url(href: str | None, base: str) -> str | None:
    """An item link made absolute against ``base``, ``?source=``, ``utm_*`` (and
    the other crawl-trap parameters of :mod:`crawler.parsing.urls`) and the
    fragment removed; ``None`` unless it is an ``http(s)`` URL."""
    url = absolute(" ".join(href.split()) if href else None, base)
    if not url or not url[:8].lower().startswith(("http://", "https://")):
        return None
    return strip_crawl_traps(url)


def post_id(guid: str | None, url: str | None) -> str | None:
    """WordPress ``?p=NNN`` id, Medium 12-hex id (or Blogger post number) from the
    guid, else from the link."""
    if guid:
        guid = guid.strip()
        for pattern in (_WORDPRESS_ID, _MEDIUM_GUID, _BLOGGER_ID):
            if match := pattern.search(guid):
                return match.group(1).lower()
    if url:
        if match := _WORDPRESS_ID.search(url):
            return match.group(1)
        return medium_post_id(url) if is_medium_host(urlsplit(url).hostname or "") else None
    return None
