"""Regions of a listing page: the text after an entry's title, and widgets.

**Teasers.** The text that follows an entry's title, up to where the next entry starts.

The walk goes forward in document order from the end of the title element:
its tail, its following siblings, then up one level at a time, never leaving
``scope``. It stops at the first element ``is_stop`` flags (the next entry).
Text is split into blocks at block-level tags; metadata, chrome, headings,
figures and read-more links are skipped. The teaser is made of the preferred
blocks: those inside a ``marked`` element (a configured teaser selector), else
inside a summary/excerpt/content block, else inside ``<p>``, else all.

**Widgets.** Blocks titled like sidebar widgets ("Popular", "Trending Now",
"Recent Posts") and widget-classed blocks hold posts of other pages, unless they
are the listing itself (page builders put the listing in a widget too):
``listing_links`` decides which of their links to keep.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from typing import Protocol, TypeVar

from lxml import etree

from crawler.parsing.html import (
    BLOCK_TAGS,
    HEADING_TAGS,
    IS_META,
    LEVEL_BITS,
    SUMMARY,
    TITLE_CLASS,
    PageFacts,
    collapse,
    has_heading,
    heading_around,
    kind_flags,
)

_SKIP_TAGS = HEADING_TAGS | {"figure", "img", "picture", "video", "audio", "time", "form"}
# Short lines that describe the entry rather than summarise it.
_META_LINE = re.compile(
    r"(?:posted|published|updated|written|filed)(?: on| by| in|:).*"
    r"|(?:tagged|categori[sz]ed|categories|category|tags?|topics?|authors?|date)(?::| with| in).*"
    r"|by [A-Z\u00c0-\u024f][^\d]*"
    r"|(?:\d+|no|one) (?:comments?|responses?|replies)|leave a (?:comment|reply)"
    r"|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?(?:\d{1,2}(?:st|nd|rd|th)? [a-z]+,? "
    r"\d{2,4}|[a-z]+ \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})"
    r"(?:\s*[|·•–—-].{0,80})?"
    r"|\d+ min(?:ute)?s? read",
    re.IGNORECASE,
)
_READ_MORE = re.compile(
    r"(?:(?:read|view|see) (?:the )?(?:more|full (?:post|article|story|blog(?: post)?)|post"
    r"|article|story|blog(?: post)?)|more|keep reading|full (?:story|post|article))\W*"
    r"|continue reading\b.*|\W+",
    re.IGNORECASE,
)
_LEADING_SEPARATOR = re.compile(r"^[-–—:|·•]+\s+")
# Sidebar headings of unclassed themes; "Latest articles" is BMJ's main listing, so not here.
_WIDGET_HEADING = re.compile(
    r"(?:recent|related|popular|similar|most (?:read|popular|viewed)|trending|top|other)\s+"
    r"(?:posts|articles|entries|stories|blogs|reads)|you (?:may|might) also like|read next"
    r"|most (?:read|popular|viewed)|popular|trending(?: now)?|editor'?s picks"
    r"|further reading|archives?|categories|tags|tag cloud|blogroll|meta|recent comments"
    r"|follow us|subscribe|share this",
    re.IGNORECASE,
)
# Of those, the ones a page's own listing may be titled with ("Recent Posts" on a home page).
_MAYBE_LISTING_HEADING = re.compile(
    r"recent\s+(?:posts|articles|entries|stories|blogs)", re.IGNORECASE
)
_STOP = object()
_SUMMARY_KIND = kind_flags(SUMMARY)


def is_read_more(text: str) -> bool:
    """True for link texts such as ``Read More…``, ``Continue reading``, ``»`` or ``[…]``."""
    return bool(_READ_MORE.fullmatch(text.strip()))


def is_meta_line(text: str) -> bool:
    """True for short date/byline/taxonomy/comment-count lines."""
    return len(text) <= 160 and bool(_META_LINE.fullmatch(text))


def following_text(
    title: etree._Element,
    scope: etree._Element,
    stops: Mapping[etree._Element, str],
    key: str,
    is_own_link: Callable[[etree._Element], bool],
    marked: Collection[etree._Element] = (),
    facts: PageFacts | None = None,
) -> str:
    """The teaser text after ``title`` within ``scope`` (see module docstring); may be ``""``.

    ``stops`` maps the elements that start an entry to the entry's key: the walk stops at
    one whose key is not ``key``. ``facts`` memoises element checks across one page's calls.
    """
    walk = _Walk(stops, key, is_own_link, marked, facts or PageFacts())
    parts = walk.parts
    node = title
    while node is not None and node is not scope:
        if node.tail:
            parts.append(node.tail)
        for sib in node.itersiblings():
            if walk.subtree(sib) is _STOP:
                return walk.teaser()
            if sib.tail:
                parts.append(sib.tail)
        node = node.getparent()
        walk.flush()
    return walk.teaser()


class _Walk:
    """The text blocks read so far and the one being read (``parts``, best ``flags``)."""

    __slots__ = ("blocks", "facts", "flags", "is_own_link", "key", "marked", "parts", "stops")

    def __init__(
        self,
        stops: Mapping[etree._Element, str],
        key: str,
        is_own_link: Callable[[etree._Element], bool],
        marked: Collection[etree._Element],
        facts: PageFacts,
    ) -> None:
        self.stops = stops
        self.key = key
        self.is_own_link = is_own_link
        self.marked = marked
        self.facts = facts
        self.blocks: list[tuple[str, int]] = []
        self.parts: list[str] = []
        # Best preference among the non-blank parts: 3 marked, 2 summary, 1 <p>. It is 0
        # whenever parts is empty, so a flush can be skipped then.
        self.flags = 0

    def flush(self) -> None:
        if self.parts:
            text = collapse("".join(self.parts))
            if text and not is_meta_line(text) and not is_read_more(text):
                self.blocks.append((text, self.flags))
            self.parts.clear()
            self.flags = 0

    def subtree(self, top: etree._Element) -> object | None:
        """Read ``top`` and what it holds; ``_STOP`` where the next entry starts."""
        stops, key, marked, parts, kind_of = (
            self.stops, self.key, self.marked, self.parts, self.facts.kind
        )  # fmt: skip
        stack: list[int] = []  # preference of each open element
        walker = etree.iterwalk(top, events=("start", "end"))
        for event, el in walker:
            tag = el.tag
            if event == "start":
                owner = stops.get(el)
                if owner is not None and owner != key:
                    self.flush()
                    return _STOP
                outer = stack[-1] if stack else 0
                if tag in BLOCK_TAGS and parts:
                    self.flush()
                kind = kind_of(el)
                if (
                    not isinstance(tag, str)
                    or tag in _SKIP_TAGS
                    or kind & (LEVEL_BITS | IS_META)  # chrome or metadata
                    or (tag == "a" and self._skips_link(el))
                ):
                    walker.skip_subtree()
                    stack.append(outer)
                    continue
                if el in marked:
                    flags = 3
                elif kind & _SUMMARY_KIND:
                    flags = 2
                else:
                    flags = 1 if tag == "p" else 0
                if outer > flags:
                    flags = outer
                stack.append(flags)
                text = el.text
                if text:
                    parts.append(text)
                    if flags > self.flags and text.strip():
                        self.flags = flags
            else:
                stack.pop()
                if tag in BLOCK_TAGS and parts:
                    self.flush()
                tail = el.tail if el is not top else None
                if tail:  # text after the element, read with its parent's preference
                    parts.append(tail)
                    if stack and stack[-1] > self.flags and tail.strip():
                        self.flags = stack[-1]
        return None

    def _skips_link(self, el: etree._Element) -> bool:
        """Links back to the entry and read-more links."""
        return self.is_own_link(el) or is_read_more(
            etree.tostring(el, method="text", encoding=str, with_tail=False)
        )

    def teaser(self) -> str:
        self.flush()
        best = max((flags for _, flags in self.blocks), default=0)
        text = " ".join(text for text, flags in self.blocks if flags == best)
        return _LEADING_SEPARATOR.sub("", text)  # "<a>Title</a> – teaser" keeps no dash


# --- widgets ---------------------------------------------------------------------------


def widget_lists_after(heading: etree._Element) -> list[etree._Element]:
    """Bare link lists after a sidebar-style heading (one ``widget_label`` accepts), up to
    the next heading."""
    found = []
    for sib in heading.itersiblings():
        if sib.tag in HEADING_TAGS:
            break
        if sib.tag in ("ul", "ol", "select", "table", "div") and not any(
            True for _ in sib.iter(*HEADING_TAGS)
        ):
            found.append(sib)
    return found


# Wrappers a widget title never climbs out of.
_WRAPPER_STOP = frozenset({"html", "body", "main", "article"})
# Levels returned by widget_label().
MAYBE_LISTING, NOT_LISTING = 1, 2
# Non-heading elements that can title a widget: div.widget-title, span.block-title.
LABEL_TAGS = frozenset({"div", "span", "strong", "p", "header"})


def widget_label(el: etree._Element, facts: PageFacts) -> int:
    """Whether ``el`` titles a widget: ``NOT_LISTING`` ("Popular", "Trending Now"),
    ``MAYBE_LISTING`` ("Recent Posts", which may also title the page's own listing) or 0.

    Titles are headings or short title-classed blocks. An ``h1`` is the page's own
    title (an archive may be called "Popular"): callers only drop bare link lists after it.
    """
    tag = el.tag
    if tag in HEADING_TAGS:
        pass
    elif (
        tag not in LABEL_TAGS
        or not facts.kind(el) & TITLE_CLASS
        or next(el.iter(*HEADING_TAGS), None) is not None
    ):
        return 0
    text = facts.text_of(el).rstrip(":")
    if len(text) > 40 or not _WIDGET_HEADING.fullmatch(text):
        return 0
    return MAYBE_LISTING if _MAYBE_LISTING_HEADING.fullmatch(text) else NOT_LISTING


def widget_scope(label: etree._Element) -> list[etree._Element]:
    """The blocks a widget title heads: its following siblings, or those of the wrapper it
    is alone at the end of (Elementor's heading widget), up to the next title like it."""
    node = label
    for _ in range(3):
        if next(node.itersiblings(), None) is not None:
            break
        parent = node.getparent()
        if parent is None or parent.tag in _WRAPPER_STOP:
            break
        node = parent
    level = int(label.tag[1]) if label.tag in HEADING_TAGS else 7
    shape = _shape(node) if node is not label else None
    found = []
    for sib in node.itersiblings():
        if sib.tag in HEADING_TAGS and int(sib.tag[1]) <= level:
            break
        if shape is not None and _shape(sib) == shape:
            break
        found.append(sib)
    return found


def _shape(el: etree._Element) -> tuple[object, frozenset[str]]:
    """Tag and class tokens without per-instance ids (``elementor-element-9d6``)."""
    names = (el.get("class") or "").split()
    return el.tag, frozenset(t for t in names if not any(c.isdigit() for c in t))


class _Linked(Protocol):
    el: etree._Element
    key: str


_L = TypeVar("_L", bound=_Linked)


def listing_links(links: list[_L], widgets: dict[etree._Element, int]) -> list[_L]:
    """The links of ``links`` that belong to the page's listing, in order.

    ``widgets`` maps blocks to a level: 1 a widget-classed block (a sidebar block, or a
    page builder's block that may hold the listing), 2 a block under a "Recent Posts"
    title, 3 one under a "Popular"/"Trending" title. Links outside widgets are always
    kept; those of a level 1-2 widget when it titles more posts than all of those
    (Elementor's listing is a widget; a sidebar's few posts are not); level 3 only when
    nothing else is left.
    """
    rows = []
    for link in links:
        level, block = 0, None
        for anc in link.el.iterancestors():
            value = widgets.get(anc)
            if value is not None and value > level:
                level, block = value, anc
        rows.append((link, level, block))
    outside = {link.key for link, level, _ in rows if level == 0 and _is_titled(link.el)}
    titled: dict[etree._Element | None, set[str]] = {}
    for link, level, block in rows:
        if 0 < level < 3 and _is_titled(link.el):
            titled.setdefault(block, set()).add(link.key)
    keep = {block for block, keys in titled.items() if len(keys) > len(outside)}
    kept = [link for link, level, block in rows if level == 0 or block in keep]
    return kept or [link for link, level, _ in rows if level == 3]


def _is_titled(el: etree._Element) -> bool:
    """A link in a heading, or around one."""
    return heading_around(el) is not None or has_heading(el)
