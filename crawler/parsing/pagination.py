"""Find the explicit link to the next (older) page of a WordPress-style listing."""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

from crawler.parsing.html import absolute, css, text_of, tokens
from crawler.parsing.kinds import NOISY, WIDGET, PageFacts
from crawler.parsing.urls import is_page_param

# Candidate kinds, most trusted first.
_HEAD_LINK, _REL_NEXT, _NEXT_CLASS, _OLDER_SLOT, _PAGE_URL, _NEXT_TEXT, _NUMBERED = range(7)

_NEXT_TEXT_RE = re.compile(
    r"[«‹←<]?\s*(?:older (?:posts|entries|articles|stories|items)|next(?: page| posts| entries)?"
    r"|(?:load |show )?more (?:posts|articles|entries|stories)|load more|[›»→])\s*[›»→>]?",
    re.IGNORECASE,
)
# What may be a page number in a listing URL: /page/3/, ?paged=3, ?query-2-page=3 (a quick
# look at an href; _listing_position reads the URL).
_PAGED_HREF = re.compile(r"/page/(\d+)/?(?:$|[?#])|[?&][\w-]*pa?ge?d?[\w-]*=(\d+)")
_BACKWARD_TEXT_RE = re.compile(r"\b(?:newer|previous|prev|first|last)\b|^\W*[«‹←]\W*$", re.I)
_NEXT_CLASS_RE = re.compile(
    r"next|nextpostslink|next[-_]page|.*[-_]next|.*pagination[-_]next.*", re.IGNORECASE
)
# A next link's holder: Genesis' li.pagination-next (a bare li.next may hold a newer link).
_NEXT_HOLDER_RE = re.compile(r"(?:.*[-_])?(?:pagination|pager|paging)[-_]next.*", re.IGNORECASE)
_BACKWARD_CLASS_RE = re.compile(
    r"(?!nav-previous$)(?:prev|previous|prev[-_].*|.*[-_]prev|.*[-_]previous|previouspostslink"
    r"|newer.*|nav-next)",
    re.IGNORECASE,
)
_PAGE_NUMBER_TEXT = re.compile(r"(?:page\s*)?(\d{1,5})", re.IGNORECASE)
_PAGE_IN_PATH = re.compile(r"/page/(\d+)/?$")
_PAGE_REF = re.compile(r"(?:page[/=]|paged=)([0-9]+)\b")
_PAGERLESS_TAGS = frozenset({"aside", "script", "style", "head", "select", "svg"})
# What _kind reads in a link's text (white space collapsed), as one pattern.
_PAGER_TEXT = re.compile(
    f"(?:{_NEXT_TEXT_RE.pattern})|(?:{_PAGE_NUMBER_TEXT.pattern})", re.IGNORECASE
)
# The same on text as written: any run of white space where the collapsed text has one space
# (both patterns only have single spaces and \s* in them), and around the text.
_PAGER_RAW_TEXT = re.compile(
    r"\s*(?:" + _PAGER_TEXT.pattern.replace(" ", r"\s+") + r")\s*", re.IGNORECASE
)


def find_next_url(
    root: etree._Element,
    page_url: str,
    base: str,
    post_url: re.Pattern[str] | None = None,
    selector: str | None = None,
    facts: PageFacts | None = None,
    post_hrefs: Collection[str | None] = (),
) -> str | None:
    """The absolute URL of the next (older) listing page, or ``None``.

    Looks, most trusted first, at ``selector`` (a CSS override), ``<link
    rel=next>``, ``a[rel~=next]``, next-classed links (``a.next.page-numbers``,
    ``wp-block-query-pagination-next``), the ``.nav-previous`` slot of
    ``the_posts_navigation``, "Older posts"/"Next"/"»" link texts, and the
    numbered link for the current page + 1. Never returns a newer/previous link,
    the current page, or a post permalink; same-host links win. ``facts`` shares
    element checks with the rest of the page's parse; links whose ``href`` is one of
    ``post_hrefs`` are known to resolve to ``post_url`` permalinks, so they are skipped:
    they cannot be the answer.
    """
    facts = facts or PageFacts()
    found: list[tuple[int, int, int, str]] = []  # (in a widget, kind, order, url)
    if selector:
        for el in css(selector)(root):
            url = _href(el, base)
            if url and _acceptable(url, page_url, post_url):
                return url
    here = _listing_position(page_url)
    current = _current_page(root, here)
    for el in root.iter("link"):
        if "next" in (el.get("rel") or "").lower().split():
            url = absolute(el.get("href"), base)
            step = _step(url, here, current) if url else -1
            if step == 1 and _host(url) == _host(page_url) and _acceptable(url, page_url, post_url):
                return url  # the most trusted sign, and plainly the next page: no need to look on
            if step >= 0:
                found.append((0, _HEAD_LINK, len(found), url))
    for a in root.iter("a"):
        href = a.get("href")
        if not href or href in post_hrefs:
            continue
        kind = _kind(a, current, facts) if _may_page(a, facts) else None
        if kind is None and ("page" not in href or not _PAGED_HREF.search(href)):
            continue
        url = absolute(href, base)
        if not url:
            continue
        step = _step(url, here, current)
        if step < 0:
            continue  # an earlier page, whatever the link says ("Next Entries »" in Divi)
        if step > 0:  # the page after this one, whatever the link says ("← Previous" in ColorMag)
            kind = _PAGE_URL if kind is None else min(kind, _PAGE_URL)
        if kind is None or any(_hides_pagers(anc, facts) for anc in a.iterancestors()):
            continue  # the ancestors last: few links get this far
        found.append((_in_widget(a, facts), kind, len(found), url))
    found.sort()
    host = _host(page_url)
    good = [url for *_, url in found if _acceptable(url, page_url, post_url)]
    same_host = [url for url in good if _host(url) == host]
    return (same_host or good or [None])[0]


@lru_cache(maxsize=4096)  # pure; the same page links come back on every page of a listing
def _listing_position(url: str) -> tuple[str | None, str, str | None, int | None]:
    """(host, path without its page part, how the page is given, page number) of a URL."""
    parts = urlsplit(url)
    path = parts.path
    match = _PAGE_IN_PATH.search(path)
    if match:
        return _host(url), path[: match.start()].rstrip("/"), "path", int(match.group(1))
    for name, value in parse_qsl(parts.query):
        if value.isdigit() and is_page_param(name):  # ?paged=3, ?query-2-page=3
            return _host(url), path.rstrip("/"), "query", int(value)
    return _host(url), path.rstrip("/"), None, None


def _step(url: str, here: tuple[str | None, str, str | None, int | None], current: int) -> int:
    """1 when ``url`` is page current + 1 of this listing, -1 when it is this page or an
    earlier one, 0 when that cannot be told (another listing or another URL form)."""
    host, path, form, number = _listing_position(url)
    if (host, path) != here[:2] or (here[2] is not None and form != here[2]):
        return 0
    number = number or 1
    if number <= current:
        return -1
    return 1 if number == current + 1 else 0


def _in_widget(a: etree._Element, facts: PageFacts) -> int:
    """1 inside a widget (a page builder's listing keeps its pager there), else 0."""
    return int(any(facts.token_flags(anc) & WIDGET for anc in a.iterancestors()))


def _hides_pagers(el: etree._Element, facts: PageFacts) -> bool:
    """True for a region whose links are not the listing's pager: sidebars, scripts, forms'
    drop-downs, and NOISY blocks (comments, related posts, calendars). A link is never one."""
    tag = el.tag
    if tag == "a":
        return False
    return tag in _PAGERLESS_TAGS or (
        tag not in ("body", "html") and bool(facts.token_flags(el) & NOISY)
    )


def _may_page(a: etree._Element, facts: PageFacts) -> bool:
    """False for a link that ``_kind`` finds nothing in: most of a page's links (titles,
    menus, read-more links), so these tests come first and cheap (no serialising a text that
    is all in ``a.text``)."""
    rel = a.get("rel")
    if rel and "next" in rel.lower().split():
        return True
    cls = a.get("class")
    if cls and "next" in cls.lower():
        return True
    parent = a.getparent()
    parent_class = parent.get("class") if parent is not None else None
    if parent_class and ("nav-previous" in (lowered := parent_class.lower()) or "next" in lowered):
        return True
    if len(a):
        return _PAGER_TEXT.fullmatch(facts.text_of(a)) is not None
    return _PAGER_RAW_TEXT.fullmatch(a.text or "") is not None


def _kind(a: etree._Element, current: int, facts: PageFacts) -> int | None:
    rel = (a.get("rel") or "").lower().split()
    text = facts.text_of(a)
    parent = a.getparent()
    parent_class = (parent.get("class") or "").lower() if parent is not None else ""
    if not (
        "next" in rel
        or "next" in (a.get("class") or "").lower()
        or "nav-previous" in parent_class
        or "next" in parent_class
        or _PAGER_TEXT.fullmatch(text)
    ):
        return None  # titles, menus and read-more links: most of a page's links
    # Each kind below needs one of these, in the text or a class (of the link, its parent or
    # grandparent); the other pages' numbers, most of what gets this far, have none.
    grand = parent.getparent() if parent is not None else None
    own_names = _names(a)
    holder_names = _names(parent)
    number = _PAGE_NUMBER_TEXT.fullmatch(text)
    if not (
        "next" in rel
        or "next" in own_names
        or "next" in holder_names
        or "nav-previous" in holder_names
        or "nav-previous" in _names(grand)
        or _NEXT_TEXT_RE.fullmatch(text)
        or (number and int(number.group(1)) == current + 1)
    ):
        return None
    own = tokens(a)
    if "prev" in rel or "previous" in rel or _BACKWARD_TEXT_RE.search(text):
        return None
    holder = tokens(parent) if parent is not None else []
    around = holder + (
        tokens(grand) if parent is not None and (grand := parent.getparent()) is not None else []
    )
    if any(_BACKWARD_CLASS_RE.fullmatch(t) for t in own + around):
        return None
    if "next" in rel:
        return _REL_NEXT
    if any(_NEXT_CLASS_RE.fullmatch(t) for t in own) or any(
        _NEXT_HOLDER_RE.fullmatch(t) for t in holder
    ):
        return _NEXT_CLASS  # a.next, or Genesis' li.pagination-next > a
    if any(t.lower() == "nav-previous" for t in around):
        return _OLDER_SLOT
    if _NEXT_TEXT_RE.fullmatch(text):
        return _NEXT_TEXT
    number = _PAGE_NUMBER_TEXT.fullmatch(text)
    if number and int(number.group(1)) == current + 1:
        href = a.get("href") or ""
        if "page-numbers" in own or _refers_to_page(href, current + 1):
            return _NUMBERED
    return None


def _names(el: etree._Element | None) -> str:
    """The class and id of ``el`` in lower case, as one string."""
    if el is None:
        return ""
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def _refers_to_page(href: str, number: int) -> bool:
    """``href`` holds ``page/N``, ``page=N`` or ``paged=N`` for this number, with nothing
    word-like after it. (A pattern with the number written in would be compiled anew for
    every page, which costs more than the rest of the search.)"""
    wanted = str(number)
    return any(ref[1] == wanted for ref in _PAGE_REF.finditer(href))


def _current_page(
    root: etree._Element, here: tuple[str | None, str, str | None, int | None]
) -> int:
    """The page number in the page's URL (``here``, from ``_listing_position``), else the
    one the pager marks current, else 1."""
    if here[3] is not None:
        return here[3]
    for el in root.iter("span", "a", "li", "em", "strong"):
        if _marked_current(el):
            number = _PAGE_NUMBER_TEXT.fullmatch(text_of(el))
            if number:
                return int(number.group(1))
    return 1


def _marked_current(el: etree._Element) -> bool:
    """``aria-current="page"``, or "current" in ``tokens(el)``: read with one ``items()`` call
    (most elements have one attribute or none; libxml2 keeps each name once)."""
    for name, value in el.items():
        if name == "aria-current":
            if value == "page":
                return True
        elif name == "class":
            if "current" in value and "current" in value.split():
                return True
        elif name == "id" and value == "current":
            return True
    return False


def _href(el: etree._Element, base: str) -> str | None:
    if el.tag not in ("a", "link"):
        el = next(el.iter("a"), el)
    return absolute(el.get("href"), base)


def _acceptable(url: str, page_url: str, post_url: re.Pattern[str] | None) -> bool:
    if _same_page(url, page_url):
        return False
    return not (post_url is not None and post_url.match(url))


def _same_page(a: str, b: str) -> bool:
    return _page_key(a) == _page_key(b)


@lru_cache(maxsize=4096)  # pure, and asked for the same page URL once per candidate
def _page_key(url: str) -> tuple[str | None, str, str]:
    parts = urlsplit(url)
    return (_host(url), parts.path.rstrip("/"), parts.query)


@lru_cache(maxsize=4096)
def _host(url: str) -> str | None:
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None
