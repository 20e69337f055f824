"""The main text of an article page, without page chrome or post furniture.

Found by structure: the post's content block (``entry-content``, ``post-content``,
``gh-content``, Drupal's ``field--name-body``, ``itemprop=articleBody`` …), else the
post container after its title. Inside it, share widgets (Shareaholic, AddToAny,
Jetpack sharedaddy and likes), related posts (Jetpack, YARPP), comments, post
navigation, author boxes, newsletter forms, metadata lines and scripts are dropped,
and so is a final Yoast "The post … appeared first on …" footer. So is what the
structure itself marks as furniture, whatever its classes: text hidden from readers
(``display:none``, visually-hidden classes), a table of contents (a block of links
to the page's own anchors), a list of the post's tags or categories, a footnote's
"↩" back-link, an "Advertisement" label, and the byline and date lines before the
text (or a "Page last reviewed" line after it). Headings, list items, quotes and
captions stay, each as a paragraph.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.parsing.article_meta import byline_names
from crawler.parsing.feedfields import drop_footers
from crawler.parsing.html import BLOCK_TAGS, INLINE_TAGS, text_of
from crawler.parsing.kinds import CHROME, CHROME_ROLES, META, token_flags
from crawler.parsing.pagedates import text_date
from crawler.parsing.text import clean_text

# Content blocks of themes and CMSs; a candidate that holds another one yields to it.
_CONTENT_TOKEN = re.compile(
    r"entry|entry[-_]content|post[-_]?(?:content|body|entry|text)|article[-_]?(?:content|body)"
    r"|blog[-_](?:post[-_])?content|single[-_](?:post[-_])?content|content[-_]body"
    r"|the[-_]content|wp-block-post-content|gh-content|field--name-body|story[-_]body"
    r"|td-post-content|elementor-widget-theme-post-content|blog-content",
    re.IGNORECASE,
)
_LEAD_TOKEN = re.compile(r"(?:.*[-_])?(?:standfirst|lede|dek)", re.IGNORECASE)
_SKIP_TAGS = frozenset(
    {
        "aside", "audio", "button", "canvas", "dialog", "embed", "footer", "form", "head",
        "header", "iframe", "img", "input", "link", "map", "menu", "meta", "nav", "noscript",
        "object", "picture", "script", "select", "style", "svg", "template", "textarea",
        "title", "video",
    }
)  # fmt: skip
# Post furniture that html.py's chrome tokens do not cover.
_FURNITURE_TOKEN = re.compile(
    r"sharedaddy|sd-(?:sharing.*|like|block|social.*)|jp-.*|jetpack.*|shareaholic.*"
    r"|(?:.*[-_])?author[-_]?(?:box|bio|info|card|profile|details|wrap)(?:[-_].*)?"
    r"|about[-_]the[-_]author|about[-_]author|saboxplugin.*|(?:entry|post)[-_]author.*"
    r"|mc4wp.*|(?:.*[-_])?subscribe(?:[-_].*)?|optin.*|signup.*|sign-up.*|likes?[-_].*"
    r"|wp-block-post-(?:terms|date.*|author.*|navigation.*|comments.*|title)"
    r"|printfriendly.*|pf-button.*|ads?|advert.*|sponsor(?:ed)?(?:[-_].*)?"
    r"|crp_related.*|post-views.*|views-counter|reading-time|byline.*"
    # text only screen readers get: govuk-visually-hidden, nhsuk-u-visually-hidden, …
    r"|(?:.*[-_])?(?:visually[-_]hidden|screen[-_]reader[-_]text|sr[-_]only|screen[-_]only)",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_TERM_REL = frozenset({"tag", "category"})
_TERM_PATH = re.compile(r"/(?:categor(?:y|ies)|tags?|topics?|label)/", re.IGNORECASE)
# A block that only labels an advert: "Advertisement", "- Advertisement -", "Sponsored".
_AD_LABEL = re.compile(
    r"[\W_]*(?:advertisements?|adverts?|ads?|sponsored(?: content)?)[\W_]*", re.IGNORECASE
)
# Words of a date line besides its dates: "Updated on: …", "Page last reviewed: …".
_DATE_LINE_WORDS = frozenset(
    {
        "published", "posted", "updated", "last", "modified", "reviewed", "revised", "next",
        "review", "due", "on", "at", "date", "first", "page", "created", "originally",
    }
)  # fmt: skip
_MAX_META_LINE_WORDS = 12
_BREAK = "\x00"  # stands for <br> while a block is built


def content_root(container: etree._Element) -> etree._Element | None:
    """The innermost content block in ``container`` with the most text, or ``None``."""
    candidates = [
        el
        for el in container.iter("div", "section", "article", "main", "span", "td")
        if (_has_content_token(el) or el.get("itemprop") == "articleBody")
        and not _in_furniture(el, container)
    ]
    if not candidates:
        return None
    inner = set(candidates)
    for el in candidates:
        for anc in el.iterancestors():
            inner.discard(anc)
    ranked = [el for el in candidates if el in inner]
    return max(ranked, key=lambda el: len(_plain(el)))


def lead_blocks(container: etree._Element, body: etree._Element) -> list[str]:
    """Standfirst paragraphs outside ``body`` (Drupal's ``field--name-field-standfirst``)."""
    out: list[str] = []
    taken: list[etree._Element] = []
    for el in container.iter("div", "p", "section"):
        tokens = (el.get("class") or "").split()
        if (
            any(_LEAD_TOKEN.fullmatch(t) for t in tokens)
            and not _contains(el, body)
            and not _contains(body, el)
            and not any(_contains(outer, el) for outer in taken)
            and not _in_furniture(el, container)
        ):
            taken.append(el)
            out.extend(blocks_of(el))
    return out


def blocks_of(
    root: etree._Element, *, start_after: etree._Element | None = None, title: str = ""
) -> list[str]:
    """The text blocks of ``root`` in order, furniture skipped, Yoast footer dropped.

    With ``start_after`` (the title), blocks before it and inside it are skipped.
    """
    blocks: list[str] = []
    parts: list[str] = []
    started = start_after is None
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            skip = el is not root and (not tag or _is_furniture(el, tag))
            if skip or el is start_after:
                if not started and start_after is not None and _contains(el, start_after):
                    started = True  # the title, or the header that holds it
                    parts.clear()
                walker.skip_subtree()
                continue
            if tag == "br":
                parts.append(_BREAK)
            elif tag in BLOCK_TAGS:
                _flush(parts, blocks, started)
            if el.text:
                parts.append(el.text)
        else:
            if tag in BLOCK_TAGS and tag != "br":
                _flush(parts, blocks, started)
            if el.tail and el is not root:
                parts.append(el.tail)
    _flush(parts, blocks, started)
    return drop_footers(blocks, title) if blocks else blocks


def without_meta_lines(blocks: list[str]) -> list[str]:
    """``blocks`` without the byline and date lines before the text ("Posted by: …",
    "Updated on: … Published on: …"), the date lines after it ("Page last reviewed:
    …") and "Advertisement" labels; unchanged if nothing would be left."""
    kept = [block for block in blocks if not _AD_LABEL.fullmatch(block)]
    start = 0
    while start < len(kept) and (_is_date_line(kept[start]) or _is_byline_line(kept[start])):
        start += 1
    end = len(kept)
    while end > start and _is_date_line(kept[end - 1]):
        end -= 1
    return kept[start:end] or blocks


def _is_date_line(block: str) -> bool:
    if len(block.split()) > _MAX_META_LINE_WORDS:
        return False
    rest, dates = block, 0
    while (found := text_date(rest)) is not None and found.raw in rest:
        rest = rest.replace(found.raw, " ", 1)
        dates += 1
    words = [w for w in re.findall(r"[^\W_]+", rest.lower()) if w not in _DATE_LINE_WORDS]
    return dates > 0 and len(words) <= 1


def _is_byline_line(block: str) -> bool:
    return (
        len(block.split()) <= _MAX_META_LINE_WORDS
        and re.match(r"\W*(?:(?:written|posted|published)\s+)?by\b", block, re.IGNORECASE)
        is not None
        and bool(byline_names(block))
    )


def _flush(parts: list[str], blocks: list[str], started: bool) -> None:
    if parts and started:
        lines = (clean_text(line) for line in "".join(parts).split(_BREAK))
        block = "\n".join(line for line in lines if line)
        if block:
            blocks.append(block)
    parts.clear()


def _is_furniture(el: etree._Element, tag: str) -> bool:
    if tag in _SKIP_TAGS:
        return True
    role = el.get("role")
    if role and role.lower() in CHROME_ROLES:
        return True
    if el.get("aria-hidden") == "true" or el.get("hidden") is not None:
        return True
    if _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    flags = token_flags(el)
    if flags & CHROME:
        return True
    if flags & META and tag not in INLINE_TAGS and tag not in ("a", "time", "abbr", "cite"):
        return True
    if _has_furniture_token(el):
        return True
    if tag == "a":
        return _is_back_link(el)
    return tag in BLOCK_TAGS and (
        _is_link_block(el, _is_anchor_link) or _is_link_block(el, _is_term_link)
    )


def _is_back_link(a: etree._Element) -> bool:
    """A link to an anchor of the page that says nothing: a footnote's "↩︎", "^", "↑"."""
    href = a.get("href") or ""
    return href.startswith("#") and not any(ch.isalnum() for ch in text_of(a))


def _is_anchor_link(a: etree._Element) -> bool:
    return (a.get("href") or "").startswith("#")


def _is_term_link(a: etree._Element) -> bool:
    rel = set((a.get("rel") or "").lower().split())
    return bool(rel & _TERM_REL) or bool(_TERM_PATH.search(a.get("href") or ""))


def _is_link_block(el: etree._Element, kind) -> bool:  # noqa: ANN001 - a link predicate
    """A block of links of one kind and next to no other words: a table of contents
    (links to the page's own anchors, two or more), or the post's tags or categories
    ("Topics: Inclusion, Talent management")."""
    links = []
    for a in el.iter("a"):
        if a.get("href"):
            if not kind(a):
                return False  # most blocks stop here, at their first other link
            links.append(a)
    if len(links) < (2 if kind is _is_anchor_link else 1):
        return False
    words = len(_plain(el).split()) - sum(len(_plain(a).split()) for a in links)
    return words <= 3


def _has_furniture_token(el: etree._Element) -> bool:
    names = (el.get("class") or "").split()
    ident = el.get("id")
    if ident:
        names.append(ident)
    return any(_FURNITURE_TOKEN.fullmatch(name) for name in names)


def _has_content_token(el: etree._Element) -> bool:
    names = (el.get("class") or "").split()
    ident = el.get("id")
    if ident:
        names.append(ident)
    return any(_CONTENT_TOKEN.fullmatch(name) for name in names)


def _in_furniture(el: etree._Element, stop: etree._Element) -> bool:
    node: etree._Element | None = el
    while node is not None and node is not stop:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag not in ("article", "main", "header") and _is_furniture(node, tag):
            return True
        node = node.getparent()
    return False


def _contains(outer: etree._Element, inner: etree._Element) -> bool:
    return outer is inner or any(anc is outer for anc in inner.iterancestors())


def _plain(el: etree._Element) -> str:
    return etree.tostring(el, method="text", encoding=str, with_tail=False)
