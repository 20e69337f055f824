"""Regions of a listing page: the text after an entry's title, and widgets.

**Teasers.** The text that follows an entry's title, up to where the next entry starts.

The walk goes forward in document order from the end of the title element:
its tail, its following siblings, then up one level at a time, never leaving
``scope``. It stops at the first element that starts another entry.
Text is split into blocks at block-level tags; metadata, chrome, headings
(but those inside a summary/content block: a post's sub-heading), figures and
read-more links are skipped. The teaser is made of the preferred
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
from typing import Any, Protocol, TypeVar

from lxml import etree

from crawler.parsing.html import (
    BLOCK_TAGS,
    HEADING_TAGS,
    collapse,
    first_heading,
    has_heading,
    heading_around,
)
from crawler.parsing.kinds import (
    HARD_CHROME,
    IS_META,
    LEVEL_BITS,
    SUMMARY,
    TITLE_CLASS,
    PageFacts,
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
    r"|most (?:read|popular|viewed)|popular|trending(?: now)?|editor['’]?s picks"
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


class TeaserReader:
    """Reads the teasers of one page (see the module docstring).

    ``stops`` maps the elements that start an entry to the entry's key; ``link_key`` gives
    the key a link points to (``None`` without ``href``), so links back to the entry being
    read are skipped; ``marked`` are the matches of a configured teaser selector. One reader
    serves all the entries of a page: its buffers are reused.
    """

    __slots__ = ("blocks", "facts", "flags", "key", "link_key", "marked", "parts", "stops")

    def __init__(
        self,
        stops: Mapping[etree._Element, str],
        link_key: Callable[[etree._Element], str | None],
        marked: Collection[etree._Element],
        facts: PageFacts,
    ) -> None:
        self.stops = stops
        self.link_key = link_key
        self.marked = marked
        self.facts = facts
        self.key = ""  # of the entry being read
        self.blocks: list[tuple[str, int]] = []
        self.parts: list[str] = []  # of the block being read
        # Best preference among the non-blank parts: 3 marked, 2 summary, 1 <p>. It is 0
        # whenever parts is empty, so a flush can be skipped then.
        self.flags = 0

    def read(self, title: etree._Element, scope: etree._Element, key: str) -> str:
        """The teaser after ``title`` within ``scope`` of the entry ``key``; may be ``""``."""
        self.key = key
        self.blocks.clear()
        parts = self.parts
        node = title
        while node is not None and node is not scope:
            if tail := node.tail:
                parts.append(tail)
            sib = node.getnext()  # (cheaper than an itersiblings() iterator for a few)
            while sib is not None:
                if self._subtree(sib) is _STOP:
                    return self._teaser()
                if tail := sib.tail:
                    parts.append(tail)
                sib = sib.getnext()
            node = node.getparent()
            if parts:
                self._flush()
        return self._teaser()

    def _flush(self) -> None:
        parts = self.parts
        if parts:
            text = "".join(parts) if len(parts) > 1 else parts[0]
            if not text.isspace():  # most blocks are just the line breaks between two tags
                text = collapse(text)
                if text and not is_meta_line(text) and not is_read_more(text):
                    self.blocks.append((text, self.flags))
            parts.clear()
            self.flags = 0

    def _subtree(self, top: etree._Element) -> object | None:
        """Read ``top`` and what it holds; ``_STOP`` where the next entry starts."""
        flags = self._enter(top, 0)
        if flags is _STOP:
            return _STOP
        if flags is not None and len(top):  # read on inside; most tops are skipped whole
            parts = self.parts
            stack = [flags]  # preference of each open element
            walker = etree.iterwalk(top, events=("start", "end"))
            next(walker)  # top's start: entered above
            for event, el in walker:
                if event == "start":
                    flags = self._enter(el, stack[-1])
                    if flags is _STOP:
                        return _STOP
                    if flags is None:
                        walker.skip_subtree()
                        stack.append(stack[-1])
                    else:
                        stack.append(flags)
                    continue
                own = stack.pop()
                if parts and (el.tag in BLOCK_TAGS or own > (stack[-1] if stack else 0)):
                    self._flush()  # a block's end, or an inline summary's (span.excerpt)
                if stack:  # not top, whose tail its caller reads
                    tail = el.tail
                    if tail:  # text after the element, read with its parent's preference
                        parts.append(tail)
                        if stack[-1] > self.flags and tail.strip():
                            self.flags = stack[-1]
            return None
        if self.parts and (top.tag in BLOCK_TAGS or flags):  # top's end
            self._flush()
        return None

    def _enter(self, el: etree._Element, outer: int) -> Any:
        """Start reading ``el``: its preference, ``None`` to skip it, ``_STOP`` to stop."""
        owner = self.stops.get(el)
        if owner is not None and owner != self.key:
            self._flush()
            return _STOP
        tag = el.tag
        if tag in BLOCK_TAGS and self.parts:
            self._flush()
        if not isinstance(tag, str) or (
            tag in _SKIP_TAGS and (outer < 2 or tag not in HEADING_TAGS)
        ):
            return None  # a heading inside the summary or content block is the post's own text
        kind = self.facts.kind(el)
        level = kind & LEVEL_BITS
        if (
            (level and (level == HARD_CHROME or (outer < 2 and not kind & _SUMMARY_KIND)))
            or kind & IS_META
            or (tag == "a" and self._skips_link(el))
        ):
            # Chrome or metadata, a link back to the entry or a read-more link. A widget is
            # chrome unless it is or sits in the summary: page builders make each part of
            # an entry a widget (Elementor's Post Excerpt widget in a Loop Grid card).
            return None
        if el in self.marked:
            flags = 3
        elif kind & _SUMMARY_KIND:
            flags = 2
        else:
            flags = 1 if tag == "p" else 0
        if outer > flags:
            flags = outer
        elif flags > outer and self.parts and tag not in BLOCK_TAGS:
            self._flush()  # an inline element holding the summary is a block of its own
        text = el.text
        if text:
            self.parts.append(text)
            if flags > self.flags and text.strip():
                self.flags = flags
        return flags

    def _skips_link(self, el: etree._Element) -> bool:
        """Links back to the entry and read-more links."""
        return self.link_key(el) == self.key or is_read_more(
            etree.tostring(el, method="text", encoding=str, with_tail=False)
        )

    def _teaser(self) -> str:
        self._flush()
        blocks = self.blocks
        if len(blocks) == 1:
            text = blocks[0][0]
        else:
            best = max((flags for _, flags in blocks), default=0)
            text = " ".join(text for text, flags in blocks if flags == best)
        if text[:1] in "-–—:|·•":  # "<a>Title</a> – teaser" keeps no dash
            text = _LEADING_SEPARATOR.sub("", text)
        return text


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
    elif tag not in LABEL_TAGS or not facts.kind(el) & TITLE_CLASS or has_heading(el):
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
        if shape is not None and (_shape(sib) == shape or _titles_next_block(sib, level)):
            break
        found.append(sib)
    return found


# Elements that hold no content even when a heading's wrapper has them (Elementor's inline
# <style> beside its first heading).
_CONTENTLESS_TAGS = frozenset({"style", "script", "link", "meta", "noscript"})


def _titles_next_block(el: etree._Element, level: int) -> bool:
    """``el`` only wraps a heading of ``level`` or higher: the title of what follows (a page
    builder's heading widget, ``div > div > h1``, even when unlike the widget's own)."""
    heading = first_heading(el)
    if heading is None or heading is el or int(heading.tag[1]) > level:
        return False
    node = heading
    while node is not el:
        if node.tail and not node.tail.isspace():
            return False
        parent = node.getparent()
        if parent is None or (parent.text and not parent.text.isspace()):
            return False
        if any(child is not node and child.tag not in _CONTENTLESS_TAGS for child in parent):
            return False
        node = parent
    return True


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
