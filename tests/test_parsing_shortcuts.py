"""The shortcuts the listing parser takes for speed answer exactly as the long way round.

Each property compares a fast path with the plain computation it replaces, on inputs built
to reach both sides of it: link resolution without urljoin or urlsplit, collapsing white
space without splitting, texts without serialising, per-element answers from caches keyed
by digit-blind class strings, and the pager's tests on a link's text and href.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from crawler.parsing.html import absolute, collapse, parse_html, text_of, valid_url
from crawler.parsing.kinds import IS_META, LEVEL_BITS, PageFacts, chrome_level, is_meta, token_flags
from crawler.parsing.pagination import _PAGER_RAW_TEXT, _PAGER_TEXT, _refers_to_page

# Pieces that land on either side of each shortcut's conditions.
URL_BITS = st.sampled_from(
    ["/", "//", ".", "..", "/.", "a", "B", "?", "#", ";", "=", ":", "@", "[", "]", "%2e", "\\",
     "\t", "\n", " ", "é", "\x01", "\u2028", "80", "99999", "host", "www.", "x.org"]
)  # fmt: skip
URLS = st.lists(URL_BITS, max_size=10).map("".join)
HREFS = st.tuples(st.sampled_from(["", " ", "/", "http://", "https://", "HTTP://", "#", "?"]), URLS)
BASES = st.sampled_from(
    ["http://h/", "https://Ex.COM:8080/a/b", "http://h/a/b?q#f", "", "ftp://x/y", "http://[bad",
     "HTTP://H/p;x", "http://u@h:1/", "//h/x", "https://h", "http://h/é/", "mailto:x"]
)  # fmt: skip
WHITE = st.sampled_from([" ", "  ", "\n", "\t", "\u00a0", "\u2009", "\u3000", "\x1c", "\r\n"])
TEXTS = st.lists(st.one_of(WHITE, st.text(max_size=6)), max_size=12).map("".join)
TOKENS = st.sampled_from(
    ["post-21727", "post-35", "post", "entry-meta", "entry-summary", "widget", "widget_recent",
     "sidebar-2", "col-md-4", "menu-item-1045", "comments", "title", "Card-Title", "hentry",
     "elementor-element-9d6", "wp-block-post-date", "x1y2"]
)  # fmt: skip
TAGS = st.sampled_from(["div", "span", "p", "li", "header", "footer", "time", "article", "a"])


def _urljoin_resolve(href: str, base: str) -> str | None:
    """absolute() as it was written before its shortcuts."""
    href = href.strip()
    lowered = href[:11].lower()
    if not href or lowered.startswith(("javascript:", "mailto:", "tel:", "data:", "#")):
        return None
    try:
        url = href if lowered.startswith(("http://", "https://")) else urljoin(base, href)
        urlsplit(url).port  # noqa: B018 - raises on a bad host or port
    except ValueError:
        return None
    return url


# Hosts with a port, valid or not (out of range, padded, empty, not ASCII digits).
PORTED = st.builds(
    "{}:{}{}".format,
    st.sampled_from(["http://host", "https://x.org", "http://a@b", "http://h"]),
    st.one_of(st.integers(0, 100_000).map(str), st.sampled_from(["", "0080", "\u0661\u0662"])),
    URLS,
)


@settings(max_examples=500, deadline=None)
@given(
    st.one_of(st.tuples(st.sampled_from(["http://", "https://", ""]), URLS).map("".join), PORTED)
)
def test_valid_url_agrees_with_urlsplit(url: str) -> None:
    try:
        urlsplit(url).port  # noqa: B018
        splits = True
    except ValueError:
        splits = False
    assert valid_url(url) is splits


@settings(max_examples=800, deadline=None)
@given(HREFS.map("".join), BASES)
def test_absolute_agrees_with_urljoin(href: str, base: str) -> None:
    assert absolute(href, base) == _urljoin_resolve(href, base)


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_collapse_agrees_with_split_and_join(text: str) -> None:
    assert collapse(text) == " ".join(text.split())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(TAGS, TEXTS, TEXTS), min_size=1, max_size=4))
def test_texts_agree_with_serialising(nested: list[tuple[str, str, str]]) -> None:
    """text_of skips serialising childless elements; PageFacts shares a lone child's text."""
    root = etree.Element("div")
    el = root
    for tag, text, tail in nested:  # a chain of elements, each with text and a tail
        el = etree.SubElement(el, tag)
        el.text, el.tail = _xml_safe(text) or None, _xml_safe(tail) or None
    facts = PageFacts()
    for sub in root.iter():
        expected = " ".join(
            etree.tostring(sub, method="text", encoding=str, with_tail=False).split()
        )
        assert text_of(sub) == expected
        assert facts.text_of(sub) == expected


@settings(max_examples=400, deadline=None)
@given(
    TAGS,
    st.lists(TOKENS, max_size=4).map(" ".join),
    st.one_of(st.none(), TOKENS),
    st.one_of(st.none(), st.sampled_from(["main", "navigation", "Banner", "x"])),
    st.sampled_from(["article", "main", "body"]),
)
def test_element_kinds_agree_with_the_module_functions(
    tag: str, cls: str, ident: str | None, role: str | None, parent_tag: str
) -> None:
    """PageFacts' kinds are cached by class and id with digits blanked; they still answer as
    chrome_level, is_meta and token_flags do for this very element."""
    page = parse_html(f"<html><body><{parent_tag}><{tag}>x</{tag}></{parent_tag}></body></html>")
    assert page is not None
    el = next(page.iter(parent_tag))[0]
    if cls:
        el.set("class", cls)
    if ident:
        el.set("id", ident)
    if role:
        el.set("role", role)
    kind = PageFacts().kind(el)
    assert kind & LEVEL_BITS == chrome_level(el)
    assert bool(kind & IS_META) == is_meta(el)
    assert PageFacts().token_flags(el) == token_flags(el)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(WHITE, st.sampled_from(["Next", "older", "Posts", "page", "3", "12", "»", "x"])),
        max_size=6,
    ).map("".join)
)
def test_pager_reads_raw_text_as_collapsed(raw: str) -> None:
    assert bool(_PAGER_RAW_TEXT.fullmatch(raw)) == bool(_PAGER_TEXT.fullmatch(collapse(raw)))


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(["page", "paged", "/", "=", "1", "2", "0", "a", "?", "&", "\u0663"])
    ).map("".join),
    st.integers(min_value=1, max_value=30),
)
def test_page_reference_agrees_with_a_pattern_for_the_number(href: str, number: int) -> None:
    expected = re.search(rf"(?:page[/=]|paged=){number}\b", href) is not None
    assert _refers_to_page(href, number) is expected


def _xml_safe(text: str) -> str:
    """Text lxml accepts in a tree (the parser drops what it refuses)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ch >= " " and ch not in "\ufffe\uffff"))
