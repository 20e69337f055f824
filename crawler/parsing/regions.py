"""Read the text that follows an entry's title, up to where the next entry starts.

The walk goes forward in document order from the end of the title element:
its tail, its following siblings, then up one level at a time, never leaving
``scope``. It stops at the first element ``is_stop`` flags (the next entry).
Text is split into blocks at block-level tags; metadata, chrome, headings,
figures and read-more links are skipped. The teaser is made of the preferred
blocks: those inside a ``marked`` element (a configured teaser selector), else
inside a summary/excerpt/content block, else inside ``<p>``, else all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from lxml import etree

from crawler.parsing.html import (
    BLOCK_TAGS,
    HEADING_TAGS,
    SUMMARY,
    collapse,
    is_chrome,
    is_meta,
    token_flags,
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
_STOP = object()


def is_read_more(text: str) -> bool:
    """True for link texts such as ``Read More…``, ``Continue reading``, ``»`` or ``[…]``."""
    return bool(_READ_MORE.fullmatch(text.strip()))


def is_meta_line(text: str) -> bool:
    """True for short date/byline/taxonomy/comment-count lines."""
    return len(text) <= 160 and bool(_META_LINE.fullmatch(text))


def following_text(
    title: etree._Element,
    scope: etree._Element,
    is_stop: Callable[[etree._Element], bool],
    is_own_link: Callable[[etree._Element], bool],
    marked: Collection[etree._Element] = (),
) -> str:
    """The teaser text after ``title`` within ``scope`` (see module docstring); may be ``""``."""
    walk = _Walk(is_stop, is_own_link, marked)
    node = title
    while node is not None and node is not scope:
        walk.add(node.tail, 0)
        for sib in node.itersiblings():
            if walk.subtree(sib) is _STOP:
                return walk.teaser()
            walk.add(sib.tail, 0)
        node = node.getparent()
        walk.flush()
    return walk.teaser()


class _Walk:
    __slots__ = ("blocks", "flags", "is_own_link", "is_stop", "marked", "parts")

    def __init__(
        self,
        is_stop: Callable[[etree._Element], bool],
        is_own_link: Callable[[etree._Element], bool],
        marked: Collection[etree._Element],
    ) -> None:
        self.is_stop = is_stop
        self.is_own_link = is_own_link
        self.marked = marked
        self.blocks: list[tuple[str, int]] = []
        self.parts: list[str] = []
        self.flags = 0  # best preference seen in the current block: 3 marked, 2 summary, 1 <p>

    def add(self, text: str | None, flags: int) -> None:
        if text:
            self.parts.append(text)
            if text.strip():
                self.flags = max(self.flags, flags)

    def flush(self) -> None:
        text = collapse("".join(self.parts))
        if text and not is_meta_line(text) and not is_read_more(text):
            self.blocks.append((text, self.flags))
        self.parts.clear()
        self.flags = 0

    def subtree(self, top: etree._Element) -> object | None:
        stack: list[int] = []
        walker = etree.iterwalk(top, events=("start", "end"))
        for event, el in walker:
            if event == "start":
                if self.is_stop(el):
                    self.flush()
                    return _STOP
                outer = stack[-1] if stack else 0
                if el.tag in BLOCK_TAGS:
                    self.flush()
                if self._skip(el):
                    walker.skip_subtree()
                    stack.append(outer)
                    continue
                flags = max(outer, self._flags(el))
                stack.append(flags)
                self.add(el.text, flags)
            else:
                stack.pop()
                if el.tag in BLOCK_TAGS:
                    self.flush()
                if el is not top:
                    self.add(el.tail, stack[-1] if stack else 0)
        return None

    def _skip(self, el: etree._Element) -> bool:
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP_TAGS or is_chrome(el) or is_meta(el):
            return True
        if tag == "a":
            return self.is_own_link(el) or is_read_more(
                etree.tostring(el, method="text", encoding=str, with_tail=False)
            )
        return False

    def _flags(self, el: etree._Element) -> int:
        if el in self.marked:
            return 3
        if token_flags(el) & SUMMARY:
            return 2
        return 1 if el.tag == "p" else 0

    def teaser(self) -> str:
        self.flush()
        best = max((flags for _, flags in self.blocks), default=0)
        text = " ".join(text for text, flags in self.blocks if flags == best)
        return _LEADING_SEPARATOR.sub("", text)  # "<a>Title</a> – teaser" keeps no dash
