"""Where an article page states its dates, in order of trust.

``published``: JSON-LD ``datePublished`` (the page's Article node, then its
WebPage node), ``article:published_time``, the post's ``<time datetime>``
(``published`` / ``entry-date`` first; ones marked ``updated`` or ``modified``
give ``modified``), microdata ``itemprop=datePublished``, then the short lines
of text near the title. ``modified`` follows the same order with the modified
fields and lines labelled "Updated", "Last modified", "Revised" or "Reviewed".
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml import etree

from crawler.parsing.article_meta import in_noise
from crawler.parsing.html import text_of
from crawler.parsing.pagedates import PageDate, machine_date, text_date

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
) -> tuple[PageDate | None, PageDate | None]:
    """The published and modified dates of the post in ``container``, each or both ``None``.

    ``nodes`` are the page's JSON-LD Article and WebPage nodes; ``now`` resolves
    relative text; ``date_order`` reads numeric dates. Metadata beats the
    visible text even when they disagree.
    """
    article, page = nodes
    lines = _date_lines(container, title_el, body_el)
    return (
        _published(article, page, meta, container, lines, now, date_order),
        _modified(article, page, meta, container, lines, date_order),
    )


def _published(
    article: dict | None,
    page: dict | None,
    meta: dict,
    container: etree._Element,
    lines: list[tuple[str, bool]],
    now: datetime,
    date_order: str,
) -> PageDate | None:
    for value in (
        _ld_value(article, "datePublished"),
        _ld_value(page, "datePublished"),
        _meta_value(meta, "article:published_time", "og:published_time", "datepublished"),
        *_times(container, updated=False),
        *_itemprop(container, "datePublished"),
    ):
        if found := _value_date(value, date_order):
            return found
    for text, is_date_element in lines:
        for label, segment in _segments(text):
            if label is None or not label.lower().endswith(_MODIFIED_LABELS):
                found = text_date(
                    segment, date_order=date_order, now=now, use_dateparser=is_date_element
                )
                if found:
                    return found
    return None


def _modified(
    article: dict | None,
    page: dict | None,
    meta: dict,
    container: etree._Element,
    lines: list[tuple[str, bool]],
    date_order: str,
) -> PageDate | None:
    for value in (
        _ld_value(article, "dateModified"),
        _ld_value(page, "dateModified"),
        _meta_value(meta, "article:modified_time", "og:updated_time", "datemodified"),
        *_times(container, updated=True),
        *_itemprop(container, "dateModified"),
    ):
        if found := _value_date(value, date_order):
            return found
    for text, _ in lines:
        for label, segment in _segments(text):
            is_modified = label is not None and label.lower().endswith(_MODIFIED_LABELS)
            if is_modified and (found := text_date(segment, date_order=date_order)):
                return found
    return None


def _ld_value(node: dict | None, key: str) -> str | None:
    value = node.get(key) if node else None
    return value if isinstance(value, str) else None


def _value_date(value: str | None, date_order: str) -> PageDate | None:
    if not value:
        return None
    found = machine_date(value)
    if found is None:
        found = text_date(value, date_order=date_order, use_dateparser=True)
        if found is not None:
            found = PageDate(found.iso, value, found.precision)
    return found


def _times(container: etree._Element, *, updated: bool) -> list[str]:
    """``datetime`` values of the post's ``<time>`` elements, best first."""
    ranked: list[tuple[int, str]] = []
    for el in container.iter("time"):
        value = el.get("datetime")
        if not value or in_noise(el, container):
            continue
        own = (el.get("class") or "").lower()
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


def _itemprop(container: etree._Element, name: str) -> list[str]:
    out = []
    for el in container.xpath(".//*[@itemprop=$name]", name=name):
        value = el.get("content") or el.get("datetime") or text_of(el)
        if value and not in_noise(el, container):
            out.append(value)
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
        text = text_of(el)
        if not text or len(text) > _MAX_LINE:
            continue
        is_date = el.tag == "time" or "date" in (el.get("class") or "").lower()
        (after if order.get(el, 0) > title_at else before).append((text, is_date))
    return after[:_LINES_AFTER_TITLE] + before[::-1][:_LINES_BEFORE_TITLE]


def _meta_value(meta: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if values := meta.get(key):
            return values[0]
    return None
