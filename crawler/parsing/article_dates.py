"""Where an article page states its dates, in order of trust.

``published``: JSON-LD ``datePublished`` (the page's Article node, then its
WebPage node), ``article:published_time``, the post's ``<time datetime>``
(``published`` / ``entry-date`` first; ones marked ``updated`` or ``modified``
give ``modified``) and hAtom ``abbr.published[title]``, microdata
``itemprop=datePublished``, then the short lines of text near the title, and
last the date in the permalink (``/2023/10/17/``). ``modified`` follows the same
order with the modified fields and lines labelled "Updated", "Last modified",
"Revised" or "Reviewed" (not the date in the URL).

A metadata value written in UTC (Yoast) is the same instant as the page's own
local ``<time datetime>``; the local form is kept, so the date is the one the
page shows: a post published at 00:30 BST on the 27th is the 27th, not the 26th
(and the 26th is what the archive, which keeps the date, would otherwise say).
Without a local value, a shown date (the text near the title, the permalink's)
that is the metadata's instant in some timezone (UTC-12 to UTC+14) is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from functools import partial

from lxml import etree

from crawler.parsing.article_meta import in_noise
from crawler.parsing.html import text_of
from crawler.parsing.pagedates import PageDate, machine_date, text_date, url_date

# Words that say which date a line of text gives.
_DATE_LABEL = re.compile(
    r"\b(?P<label>published|posted|first published|updated|last updated|modified|"
    r"last modified|revised|reviewed|last reviewed)\b",
    re.IGNORECASE,
)
_MODIFIED_LABELS = ("updated", "modified", "revised", "reviewed")
_LINE_TAGS = ("p", "div", "span", "time", "li", "small", "dd", "em", "strong", "h4", "h5", "h6")
_BLOCK_CHILDREN = frozenset({"p", "div", "li", "ul", "ol", "section", "article", "table", "h2"})
_MAX_LINE = 100
_LINES_AFTER_TITLE = 15
_LINES_BEFORE_TITLE = 5


def page_dates(
    container: etree._Element,
    title_el: etree._Element | None,
    body_el: etree._Element | None,
    *,
    nodes: tuple[dict | None, dict | None],
    meta: dict[str, list[str]],
    now: datetime,
    date_order: str,
    urls: tuple[str | None, ...] = (),
) -> tuple[PageDate | None, PageDate | None]:
    """The published and modified dates of the post in ``container``, each or both ``None``.

    ``nodes`` are the page's JSON-LD Article and WebPage nodes; ``now`` resolves
    relative text; ``date_order`` reads numeric dates; ``urls`` (the canonical URL,
    the page's URL) may carry the date in their path. Metadata beats the visible
    text even when they disagree, but the site's own time zone is kept (above).
    """
    article, page = nodes
    lines = _date_lines(container, title_el, body_el)
    in_url = next((found for u in urls if u and (found := url_date(u))), None)
    published = _published(article, page, meta, container, lines, now, date_order, in_url)
    modified = _modified(article, page, meta, container, lines, date_order)
    return published, modified


def _published(
    article: dict | None,
    page: dict | None,
    meta: dict,
    container: etree._Element,
    lines: list[tuple[str, bool]],
    now: datetime,
    date_order: str,
    in_url: PageDate | None,
) -> PageDate | None:
    metadata = (
        _ld_value(article, "datePublished"),
        _ld_value(page, "datePublished"),
        _meta_value(meta, "article:published_time", "og:published_time", "datepublished"),
    )
    own = [*_times(container, updated=False), *_itemprop(container, "datePublished")]
    for value in (*metadata, *own):
        if found := _value_date(value, date_order):
            return _as_shown(
                found, own, lambda: (_shown_date(lines, date_order), in_url), date_order
            )
    return _shown_date(lines, date_order, now=now, dateparser=True) or in_url


def _modified(
    article: dict | None,
    page: dict | None,
    meta: dict,
    container: etree._Element,
    lines: list[tuple[str, bool]],
    date_order: str,
) -> PageDate | None:
    metadata = (
        _ld_value(article, "dateModified"),
        _ld_value(page, "dateModified"),
        _meta_value(meta, "article:modified_time", "og:updated_time", "datemodified"),
    )
    own = [*_times(container, updated=True), *_itemprop(container, "dateModified")]
    shown = partial(_shown_date, lines, date_order, modified=True)
    for value in (*metadata, *own):
        if found := _value_date(value, date_order):
            return _as_shown(found, own, lambda: (shown(),), date_order)
    return shown()


def _shown_date(
    lines: list[tuple[str, bool]],
    date_order: str,
    *,
    now: datetime | None = None,
    dateparser: bool = False,
    modified: bool = False,
) -> PageDate | None:
    """The first date the lines near the title give for publication (lines not labelled
    as an update) or, with ``modified``, for the last update (lines labelled so).
    ``now`` reads relative dates; ``dateparser`` other wordings in date elements."""
    for text, is_date_element in lines:
        for label, segment in _segments(text):
            is_update = label is not None and label.lower().endswith(_MODIFIED_LABELS)
            if is_update != modified:
                continue
            found = text_date(
                segment,
                date_order=date_order,
                now=now,
                use_dateparser=dateparser and is_date_element,
            )
            if found:
                return found
    return None


def _as_shown(
    found: PageDate,
    own: list[str | tuple[str, str]],
    shown: Callable[[], tuple[PageDate | None, ...]],
    date_order: str,
) -> PageDate:
    """``found`` as the page shows it: the same instant written with the page's own
    offset, or the date shown (``shown()``) when that is ``found`` in some time zone."""
    instant = _instant(found)
    if instant is None:
        return found
    for value in own:
        local = _value_date(value, date_order)
        if local is not None and local.iso != found.iso and _instant(local) == instant:
            return local
    first, last = _local_dates(instant)
    for date_shown in shown():
        if (
            date_shown is not None
            and date_shown.precision == "day"
            and not date_shown.relative
            and date_shown.iso != found.iso[:10]
            and first <= date.fromisoformat(date_shown.iso) <= last
        ):
            return date_shown
    return found


def _instant(found: PageDate) -> datetime | None:
    """The moment a value with a time and an offset names, else ``None``."""
    if "T" not in found.iso:
        return None
    try:
        moment = datetime.fromisoformat(found.iso)
    except ValueError:
        return None
    return moment if moment.utcoffset() is not None else None


def _local_dates(instant: datetime) -> tuple[date, date]:
    """The first and last date ``instant`` falls on somewhere (UTC-12 to UTC+14)."""
    utc = instant.astimezone(UTC)
    return (utc - timedelta(hours=12)).date(), (utc + timedelta(hours=14)).date()


def _ld_value(node: dict | None, key: str) -> str | None:
    value = node.get(key) if node else None
    return value if isinstance(value, str) else None


def _value_date(value: str | tuple[str, str] | None, date_order: str) -> PageDate | None:
    """A date from a machine value, or from visible text given as ``("text", text)``
    (an ``itemprop`` on the shown date: its ``raw`` is the date matched, not the label)."""
    if not value:
        return None
    if isinstance(value, tuple):
        return text_date(value[1], date_order=date_order, use_dateparser=True)
    found = machine_date(value)
    if found is None:
        found = text_date(value, date_order=date_order, use_dateparser=True)
        if found is not None:
            found = PageDate(found.iso, value, found.precision)
    return found


def _times(container: etree._Element, *, updated: bool) -> list[str]:
    """``datetime`` values of the post's ``<time>`` elements (and the ``title`` of hAtom's
    ``abbr.published`` / ``abbr.updated``), best first."""
    ranked: list[tuple[int, str]] = []
    for el in container.iter("time", "abbr"):
        own = (el.get("class") or "").lower()
        if el.tag == "abbr":
            value = el.get("title") if re.search(r"\b(?:published|updated)\b", own) else None
        else:
            value = el.get("datetime")
        if not value or in_noise(el, container):
            continue
        around = " ".join((a.get("class") or "").lower() for a in el.iterancestors())
        if "published" in own or "entry-date" in own:
            kind, rank = "published", 0
        elif "updated" in own or "modified" in own:
            kind, rank = "updated", 0
        elif "modified" in around or "updated" in around:
            kind, rank = "updated", 1
        else:
            kind, rank = "published", 1
        if (kind == "updated") == updated:
            ranked.append((rank, value))
    return [value for _, value in sorted(ranked, key=lambda pair: pair[0])]


def _itemprop(container: etree._Element, name: str) -> list[str | tuple[str, str]]:
    """Microdata values: ``content`` / ``datetime`` / an ``abbr``'s ``title``, else the
    element's visible text as ``("text", text)``."""
    out: list[str | tuple[str, str]] = []
    for el in container.xpath(".//*[@itemprop=$name]", name=name):
        if in_noise(el, container):
            continue
        machine = el.get("content") or el.get("datetime")
        if not machine and el.tag == "abbr":
            machine = el.get("title")
        if machine:
            out.append(machine)
        elif text := text_of(el):
            out.append(("text", text))
    return out


def _segments(text: str) -> list[tuple[str | None, str]]:
    """``text`` cut at date labels: "Published: 3 Nov 2021 Updated: 5 Nov 2021" → two parts."""
    marks = list(_DATE_LABEL.finditer(text))
    if not marks:
        return [(None, text)]
    out: list[tuple[str | None, str]] = []
    if marks[0].start() > 0:
        out.append((None, text[: marks[0].start()]))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        out.append((mark["label"], text[mark.start() : end]))
    return out


def _date_lines(
    container: etree._Element, title_el: etree._Element | None, body_el: etree._Element | None
) -> list[tuple[str, bool]]:
    """Short lines of text near the title, nearest first, each with "is a date element".

    Lines after the title come first (up to 15), then lines before it (up to 5);
    inside the body only its first two lines count, and comments, related posts
    and sidebars never do.
    """
    order = {el: i for i, el in enumerate(container.iter())}
    title_at = order.get(title_el, -1) if title_el is not None else -1
    after: list[tuple[str, bool]] = []
    before: list[tuple[str, bool]] = []
    body_lines = 0
    for el in container.iter(*_LINE_TAGS):
        if any(isinstance(c.tag, str) and c.tag in _BLOCK_CHILDREN for c in el):
            continue
        if body_el is not None and (el is body_el or body_el in el.iterancestors()):
            body_lines += 1
            if body_lines > 2:
                continue
        if in_noise(el, container):
            continue
        text = _line_text(el)
        if not text or len(text) > _MAX_LINE:
            continue
        is_date = el.tag == "time" or "date" in (el.get("class") or "").lower()
        (after if order.get(el, 0) > title_at else before).append((text, is_date))
    return after[:_LINES_AFTER_TITLE] + before[::-1][:_LINES_BEFORE_TITLE]


def _line_text(el: etree._Element) -> str:
    """``el``'s text, white space collapsed, a ``<br>`` read as a space
    ("Updated on: 2 November 2023<br>Published on: 17 October 2023")."""
    if el.find(".//br") is None:
        return text_of(el)
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if node.tag == "br":
                parts.append(" ")
            elif node.text and isinstance(node.tag, str):
                parts.append(node.text)
        elif node is not el and node.tail:
            parts.append(node.tail)
    return " ".join("".join(parts).split())


def _meta_value(meta: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if values := meta.get(key):
            return values[0]
    return None
