"""Curated resource pages (improve.bmj.com topic pages): sections of outbound resources.

A page is read as a stream of blocks in document order (headings, text blocks, link-list
items, embeds), page chrome left out. Section headings are the highest-ranked headings
without a link after the page title; every other heading, a wholly bold or wholly linked
text block, and each item of a link list starts an entry. Class names are never needed:
page builders (Gutenberg, Elementor, Divi) differ only in wrappers, and wrappers decide
just one thing, which entry a text block between two titles belongs to (see ``_owner``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from crawler.parsing.html import HEADING_TAGS, absolute, base_url, parse_html, text_of

_TEXT_TAGS = frozenset({"p", "blockquote", "dd", "dt", "td", "th", "pre", "address"})
_MEDIA_TAGS = frozenset({"iframe", "video", "embed", "object"})
_BLOCKISH = frozenset(
    {*_TEXT_TAGS, *HEADING_TAGS, *_MEDIA_TAGS, "div", "section", "article", "ul", "ol", "li",
     "figure", "table", "main", "header", "footer", "aside", "nav", "form"}
)  # fmt: skip
# Link texts that invite an action rather than name a resource.
_CTA = re.compile(
    r"(?:read|watch|view|download|visit|find out|learn|see|click|access|explore|go to|listen"
    r"|continue)\b.*|.*\bhere\b.*|more|read more|.*»|.*→",
    re.IGNORECASE,
)
# The sponsor's note at the foot of every topic page.
_FUNDING = re.compile(
    r"made possible by|retains full editorial control|is funded by"
    r"|award from the health foundation",
    re.IGNORECASE,
)
_CHROME_TAGS = frozenset(
    {"nav", "footer", "aside", "form", "script", "style", "noscript", "template", "button",
     "select", "figcaption", "svg", "dialog", "menu"}
)  # fmt: skip
_CHROME_TOKEN = re.compile(
    r"(?:site|page|global)[-_]?(?:header|footer)|masthead|colophon|.*sidebar.*|.*breadcrumbs?"
    r"|(?:main|primary|site|top)[-_]?(?:menu|navigation|nav)|menu|nav|navbar|skip[-_]link"
    r"|screen[-_]reader[-_]text|sr[-_]only|cookie.*|.*share.*|.*social.*|comments?|respond",
    re.IGNORECASE,
)
_IMAGE_LABEL = re.compile(r"(?:screen ?shot|screenshot|img_|dsc)[\w .:-]*", re.IGNORECASE)
_KINDS = (
    (re.compile(r"\bvideos?\b", re.I), "video"),
    (re.compile(r"\bblogs?\b", re.I), "blog"),
    (re.compile(r"\b(?:news|research)\b", re.I), "news"),
)


@dataclass(frozen=True, slots=True)
class Resource:
    """One entry of a resource hub page."""

    page_url: str
    section: str
    kind: str
    title: str
    description: str
    link: str | None
    resource_id: str


@dataclass(slots=True)
class _Block:
    kind: str  # heading | text | item | media
    el: etree._Element
    text: str = ""
    level: int = 0
    link: str | None = None
    is_title: bool = False


@dataclass(slots=True)
class _Entry:
    title: _Block
    before: list[_Block] = field(default_factory=list)
    after: list[_Block] = field(default_factory=list)


def parse_resource_hub(html: str | bytes, page_url: str) -> list[Resource]:
    """The resources listed on a curated hub page, in page order. Never raises.

    The intro before the first section, text that belongs to no entry, the funding
    note and page chrome are skipped. A small label above an entry's title
    ("Leadership in the NHS: A commentary by Roger Kline") is kept as the first
    paragraph of the description. Entries are unique by ``resource_id``.
    """
    root = parse_html(html)
    if root is None:
        return []
    base = base_url(root, page_url)
    content = _content_root(root)
    blocks: list[_Block] = []
    _walk(content, base, blocks)
    sections = _sections(blocks)
    resources: list[Resource] = []
    seen: set[str] = set()
    for heading, entries in sections:
        for entry in entries:
            resource = _resource(page_url, heading, entry)
            if resource and resource.resource_id not in seen:
                seen.add(resource.resource_id)
                resources.append(resource)
    return resources


def resource_id(page_url: str, *parts: str) -> str:
    """Stable 16-hex id: sha1 of the page URL and the given parts (link, or section and title)."""
    return hashlib.sha1("\n".join((page_url, *parts)).encode("utf-8")).hexdigest()[:16]


def embed_url(src: str) -> str:
    """The watch page of a YouTube, Vimeo or TED embed; other URLs unchanged."""
    try:
        parts = urlsplit(src)
    except ValueError:
        return src
    host = (parts.hostname or "").lower().removeprefix("www.")
    segs = [s for s in parts.path.split("/") if s]
    if host in ("youtube.com", "youtube-nocookie.com") and len(segs) >= 2 and segs[0] == "embed":
        return f"https://www.youtube.com/watch?v={segs[1]}"
    if host == "youtube.com" and segs == ["watch"] and (v := parse_qs(parts.query).get("v")):
        return f"https://www.youtube.com/watch?v={v[0]}"
    if host == "player.vimeo.com" and len(segs) >= 2 and segs[0] == "video":
        return f"https://vimeo.com/{segs[1]}"
    if host == "embed.ted.com" and segs[:1] == ["talks"] and len(segs) >= 2:
        return f"https://www.ted.com/talks/{segs[-1]}"
    return src


def _content_root(root: etree._Element) -> etree._Element:
    for path in ("//main", '//*[@role="main"]', "//body"):
        found = root.xpath(path)
        if found:
            return found[0]
    return root


def _is_chrome(el: etree._Element) -> bool:
    """Site chrome. Narrower than ``html.is_chrome``: page builders call every block a widget."""
    if el.tag in _CHROME_TAGS:
        return True
    if el.tag == "header" and not any(True for _ in el.iterancestors("main", "article")):
        return True
    role = (el.get("role") or "").lower()
    if role in ("navigation", "banner", "contentinfo", "complementary", "search"):
        return True
    names = (el.get("class") or "").split() + [el.get("id") or ""]
    return any(_CHROME_TOKEN.fullmatch(n) for n in names if n)


def _walk(el: etree._Element, base: str, out: list[_Block]) -> None:
    """Append the blocks under ``el`` in document order, skipping chrome."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag in _MEDIA_TAGS:
            out.append(_media_block(child, base))
        elif _is_chrome(child):
            continue
        elif tag in HEADING_TAGS:
            if child.xpath('boolean(.//a[contains(concat(" ", @class, " "), " rsswidget ")])'):
                continue  # an RSS widget's own title links to the feed, not to a resource
            if text := text_of(child):
                only = _only_link(child, text, base)
                link = only or _first_link(child, base)
                out.append(_Block("heading", child, text, int(tag[1]), link, only is not None))
        elif tag in ("ul", "ol") and _is_link_list(child):
            for li in child.iterchildren("li"):
                if (a := _main_anchor(li)) is not None:
                    link = absolute(a.get("href"), base)
                    out.append(_Block("item", li, text_of(a), link=link, is_title=True))
        elif tag == "a" and not text_of(child):
            continue  # image-only link: never a resource of its own
        elif tag in _TEXT_TAGS or tag == "li" or _is_leaf(child):
            _text_block(child, base, out)
            out.extend(_media_block(m, base) for m in child.iter(*_MEDIA_TAGS))
        else:
            _walk(child, base, out)


def _media_block(el: etree._Element, base: str) -> _Block:
    src = el.get("src") or el.get("data-src") or el.get("data")
    if src is None and (source := el.find(".//source")) is not None:
        src = source.get("src")
    url = absolute(src, base)
    return _Block("media", el, link=embed_url(url) if url else None)


def _is_leaf(el: etree._Element) -> bool:
    return not any(isinstance(d.tag, str) and d.tag in _BLOCKISH for d in el.iterdescendants())


def _text_block(el: etree._Element, base: str, out: list[_Block]) -> None:
    text = text_of(el)
    if not text or _IMAGE_LABEL.fullmatch(text):
        return
    block = _Block("text", el, text, link=_first_link(el, base))
    bold = " ".join(text_of(b) for b in el.iter("strong", "b"))
    only_link = _only_link(el, text, base)
    if only_link is not None:
        block.link = only_link
        block.is_title = not _CTA.fullmatch(text)
    elif bold and " ".join(bold.split()) == text and len(text) <= 200:
        block.is_title = True
    out.append(block)


def _only_link(el: etree._Element, text: str, base: str) -> str | None:
    """The href when one link's text is the whole of ``el``'s text."""
    anchors = [a for a in el.iter("a") if a.get("href")]
    if len(anchors) == 1 and text_of(anchors[0]) == text:
        return absolute(anchors[0].get("href"), base)
    return None


def _first_link(el: etree._Element, base: str) -> str | None:
    for a in el.iter("a"):
        if text_of(a) and (url := absolute(a.get("href"), base)):
            return url
    return None


def _main_anchor(li: etree._Element) -> etree._Element | None:
    return next((a for a in li.iter("a") if a.get("href") and text_of(a)), None)


def _is_link_list(ul: etree._Element) -> bool:
    """Every item opens with, or mostly is, one link (news lists, RSS widgets)."""
    items = [li for li in ul.iterchildren("li") if text_of(li)]
    if not items:
        return False
    for li in items:
        a = _main_anchor(li)
        if a is None or _CTA.fullmatch(label := text_of(a)):
            return False
        text = text_of(li)
        if len(label) * 2 < len(text) and not text.startswith(label):
            return False  # prose that mentions a link, not a title with a date or excerpt
    return True


def _sections(blocks: list[_Block]) -> list[tuple[str, list[_Entry]]]:
    headings = [b for b in blocks if b.kind == "heading" and not b.is_title]
    if headings and headings[0].level == 1:
        page_title = headings[0]
        headings = headings[1:]
    else:
        page_title = None
    if not headings:
        return []
    top = min(h.level for h in headings)
    for b in blocks:
        if b.kind == "heading" and b is not page_title and not b.is_title:
            b.is_title = b.level > top
    sections: list[tuple[_Block, list[_Block]]] = []
    for b in blocks:
        if b.kind == "heading" and b is not page_title and not b.is_title:
            sections.append((b, []))
        elif sections and b is not page_title:
            sections[-1][1].append(b)
    return [(h.text, _entries(h, body)) for h, body in sections]


def _entries(heading: _Block, body: list[_Block]) -> list[_Entry]:
    titles = [b for b in body if b.is_title]
    titles = [t for i, t in enumerate(titles) if not _is_label(t, titles[i + 1 :], body)]
    entries = [_Entry(t) for t in titles]
    by_title = {id(e.title): e for e in entries}
    previous: _Entry | None = None
    for i, b in enumerate(body):
        if id(b) in by_title:
            previous = by_title[id(b)]
            continue
        following = next((by_title[id(x)] for x in body[i + 1 :] if id(x) in by_title), None)
        owner = _owner(b, previous, following, heading)
        if owner is None or (b.kind == "text" and _FUNDING.search(b.text)):
            continue
        (owner.before if owner is following else owner.after).append(b)
    return entries


def _is_label(title: _Block, later: list[_Block], body: list[_Block]) -> bool:
    """A linkless title right before another title, no text between, is that title's label."""
    if title.kind == "item" or title.link or not later:
        return False
    nxt = later[0]
    between = body[body.index(title) + 1 : body.index(nxt)]
    if any(b.kind == "text" for b in between) or nxt.kind == "item":
        return False
    title.is_title, title.kind = False, "text"
    return True


def _owner(
    block: _Block, previous: _Entry | None, following: _Entry | None, heading: _Block
) -> _Entry | None:
    """Which entry a non-title block belongs to, by shared wrappers.

    A block goes to the entry whose title shares the deeper common ancestor with it: a
    label or an embed above a title in the same card belongs to that card. On a tie
    (a flat run of siblings), text describes the entry before it, and an embed or an
    image introduces the entry after it. List items own nothing outside themselves;
    text before a section's first entry is the section's intro unless it shares a card.
    """
    before = _depth(block, previous)
    after = _depth(block, following)
    if after is not None and (
        before is None
        and (after > _shared_depth(block.el, heading.el) or block.kind == "media")
        or before is not None
        and (after > before or (after == before and block.kind == "media"))
    ):
        return following
    return previous if before is not None else None


def _depth(block: _Block, entry: _Entry | None) -> int | None:
    if entry is None or entry.title.kind == "item":
        return None
    return _shared_depth(block.el, entry.title.el)


def _shared_depth(a: etree._Element, b: etree._Element) -> int:
    """Depth of the deepest common ancestor of ``a`` and ``b`` (root = 1)."""
    ancestors = {b, *b.iterancestors()}  # elements, not id(): lxml proxies are transient
    chain = [a, *a.iterancestors()]
    for i, anc in enumerate(chain):
        if anc in ancestors:
            return len(chain) - i
    return 0


def _resource(page_url: str, section: str, entry: _Entry) -> Resource | None:
    title = entry.title.text.strip()
    if not title or _FUNDING.search(title):
        return None
    parts = entry.before + entry.after
    media = [b for b in parts if b.kind == "media"]
    link = entry.title.link
    if link is None:
        link = next((b.link for b in media if b.link), None)
    if link is None:
        link = next(
            (b.link for b in parts if b.kind == "text" and b.link and _CTA.fullmatch(b.text)), None
        )
    texts = [b.text for b in parts if b.kind == "text" and not (b.link and _CTA.fullmatch(b.text))]
    if entry.title.kind == "item":  # a list item's own text after its link (date, summary)
        rest = text_of(entry.title.el)
        texts = [rest.removeprefix(title).strip(" –—-|:")] if rest.startswith(title) else []
        texts = [t for t in texts if t]
    kind = next((k for pattern, k in _KINDS if pattern.search(section)), "resource")
    if any(b.el.tag in ("iframe", "video") for b in media):
        kind = "video"
    rid = resource_id(page_url, link) if link else resource_id(page_url, section, title)
    return Resource(page_url, section, kind, title, "\n\n".join(texts), link, rid)
