"""What an element of a page is, from its tag, role, class and id.

Page chrome (navigation, sidebars, footers, forms: ``chrome_level``), entry metadata
(``is_meta``), and what the class and id tokens say (``token_flags``: chrome, metadata,
summary, noisy region, widget). ``PageFacts`` memoises all of it per element while one
page is parsed, for the listing parser's several passes over the same elements.
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.parsing.html import HEADING_TAGS, text_of

# Never part of an entry: page chrome, widgets, invisible or interactive content.
_CHROME_TAGS = frozenset(
    {
        "aside", "button", "dialog", "embed", "footer", "head", "iframe", "link", "menu", "meta",
        "nav", "noscript", "object", "option", "script", "select", "style", "svg", "template",
        "textarea", "title",
    }
)  # fmt: skip
# ARIA landmark roles of page chrome (article_body skips them too).
CHROME_ROLES = frozenset(
    {"banner", "complementary", "contentinfo", "menu", "menubar", "navigation", "search"}
)
# Class/id tokens of page chrome: sidebars, widget areas, menus, comments, sharing, related posts.
_CHROME_TOKEN = re.compile(
    r"(?:site|page|global)[-_]?(?:header|footer)|masthead|colophon|secondary"
    r"|sidebar.*|.*[-_]sidebar|(?:.*[-_])?widgets?[-_]areas?.*|.*[-_]?widgets"
    r"|navbar|navigation|.*[-_]navigation"
    r"|menu|menu[-_].*|.*[-_]menu|nav[-_]links|.*breadcrumb.*|.*pagination.*|page[-_]numbers"
    r"|comments?|comments?[-_].*|.*[-_]comments?|respond|.*related.*|.*share.*|.*social.*"
    r"|addtoany.*|a2a[-_].*|cookie.*|.*newsletter.*|skip[-_]link|screen[-_]reader[-_]text"
    r"|sr[-_]only|visually[-_]hidden|yarpp.*",
    re.IGNORECASE,
)
# Of those, the names of pagers and navigation (``nav-pagination``, ``main-navigation``), which
# content blocks carry too: Avada's posts container is ``fusion-posts-container-pagination``,
# Enfold's post slider without dots ``av-no-slider-navigation``.
_PAGER_TOKEN = re.compile(r"navigation|.*[-_]navigation|.*pagination.*", re.IGNORECASE)
# Class/id tokens of blocks that hold an entry's summary.
_SUMMARY_TOKEN = re.compile(
    r"(?:entry|post|article|blog|item|card)?[-_]?(?:summary|excerpt|content|text|body|teaser"
    r"|intro|description|standfirst|lede)(?:[-_].*)?|excerpt.*|.*[-_]excerpt(?:[-_].*)?",
    re.IGNORECASE,
)
_NOISY_TOKEN = re.compile(
    r".*(?:comment|related|calendar|share).*|sidebar.*|.*[-_]sidebar|secondary"
    r"|(?:.*[-_])?widgets?[-_]areas?.*",  # not Genesis' div.content-sidebar-wrap around it all
    re.IGNORECASE,
)
# One widget: a sidebar block, but also every block of page builders (Elementor's
# elementor-widget, SiteOrigin's so-panel widget, tagDiv's td_block_widget), listings included.
_WIDGET_TOKEN = re.compile(r"(?:.*[-_])?widget(?:[-_].*)?", re.IGNORECASE)
# Class/id tokens of entry metadata: dates, bylines, taxonomy links, comment counts.
_META_TOKEN = re.compile(
    r"(?:entry|post|article|blog|item|card)[-_]?(?:meta|info|date|time|byline|author|details"
    r"|footer|categories|category|cats|tags|terms|label)"
    r"|meta|.*[-_]meta|meta[-_].*|.*[-_]meta[-_].*|byline|posted[-_](?:on|by)|author"
    r"|.*[-_]author(?:[-_].*)?|vcard|cat[-_]links"
    r"|tags?[-_]links|date|dateline|published|updated|wp-block-post-(?:date|author.*|terms"
    r"|comments.*|featured-image)|taxonomy-.*",
    re.IGNORECASE,
)
# Elements judged by tag only: their classes describe the post, not the page.
_CLASS_EXEMPT_TAGS = frozenset({"html", "body", "main", "article"})
# Bits returned by token_flags().
CHROME, META, SUMMARY, NOISY, WIDGET = 1, 2, 4, 8, 16
# Flags by class and id attribute, then by single token: whole class strings repeat across
# a site's pages, but an entry's also carries its post id (``post-21727``), so only its
# tokens do. Both are bounded: the tokens of odd sites could grow without end.
_flag_cache: dict[tuple[str | None, str | None], int] = {}
_token_flag_cache: dict[str, int] = {}


def token_flags(el: etree._Element) -> int:
    """What the class and id tokens of ``el`` say it is, as CHROME/META/SUMMARY/NOISY bits.

    NOISY marks regions whose "next" links page through something else
    (comments, sidebars, related posts, calendars, share buttons). WIDGET marks
    one widget, which may be a sidebar block or a page builder's post listing.
    """
    cls, ident = el.get("class"), el.get("id")
    if cls is None and ident is None:
        return 0
    return _attribute_flags(cls, ident) & _TOKEN_FLAGS


_TOKEN_FLAGS = CHROME | META | SUMMARY | NOISY | WIDGET
_TITLE_CLASS_FLAG = 32  # "title" in the class: kept with the token flags, left out of them
_OTHER_CHROME_FLAG = 64  # a chrome name that is not a pager's or navigation's: likewise


def _attribute_flags(cls: str | None, ident: str | None) -> int:
    key = (cls, ident)
    flags = _flag_cache.get(key)
    if flags is None:
        if len(_flag_cache) > 10_000:
            _flag_cache.clear()
        flags = _flag_cache[key] = _names_flags(cls, ident)
    return flags


def _names_flags(cls: str | None, ident: str | None) -> int:
    flags = 0
    for name in cls.split() if cls else ():
        flags |= _name_flags(name)
    if ident:
        flags |= _name_flags(ident)
    if cls and "title" in cls.lower():
        flags |= _TITLE_CLASS_FLAG
    return flags


def _pager_named(attributes: int) -> bool:
    """Chrome by its class and id only because they name a pager or navigation."""
    return attributes & (CHROME | _OTHER_CHROME_FLAG) == CHROME


def _name_flags(name: str) -> int:
    flags = _token_flag_cache.get(name)
    if flags is None:
        chrome = _CHROME_TOKEN.fullmatch(name) is not None
        flags = (
            (CHROME if chrome else 0)
            | (_OTHER_CHROME_FLAG if chrome and not _PAGER_TOKEN.fullmatch(name) else 0)
            | (META if _META_TOKEN.fullmatch(name) else 0)
            | (SUMMARY if _SUMMARY_TOKEN.fullmatch(name) else 0)
            | (NOISY if _NOISY_TOKEN.fullmatch(name) else 0)
            | (WIDGET if _WIDGET_TOKEN.fullmatch(name) else 0)
        )
        if len(_token_flag_cache) > 10_000:
            _token_flag_cache.clear()
        _token_flag_cache[name] = flags
    return flags


# Levels returned by chrome_level().
SOFT_CHROME, HARD_CHROME = 1, 2


def chrome_level(el: etree._Element) -> int:
    """``HARD_CHROME`` for page chrome (navigation, sidebars, footers, comments, forms),
    ``SOFT_CHROME`` for a widget outside those (a sidebar block, or a page builder's
    block that may hold the listing itself), else 0."""
    return _chrome_level(el, None, el.get("role"))


def _chrome_level(el: etree._Element, flags: int | None, role: str | None) -> int:
    """``chrome_level``; ``flags`` are ``token_flags(el)`` if known, ``role`` its role."""
    tag = el.tag
    if not isinstance(tag, str):
        return HARD_CHROME
    if tag in _CHROME_TAGS:
        return HARD_CHROME
    if role and role.lower() in CHROME_ROLES:
        return HARD_CHROME
    if tag == "header" and _is_site_header(el):
        return HARD_CHROME
    if tag == "form" and not any(True for _ in el.iter(*HEADING_TAGS)):
        return HARD_CHROME  # search and dropdown forms; a form wrapping the page has headings
    if tag in _CLASS_EXEMPT_TAGS:
        return 0
    if flags is None:
        flags = token_flags(el)
    if flags & CHROME:
        return HARD_CHROME
    return SOFT_CHROME if flags & WIDGET else 0


def is_chrome(el: etree._Element) -> bool:
    """True for page chrome: navigation, sidebars, widgets, footers, comments, forms."""
    return chrome_level(el) > 0


def is_meta(el: etree._Element) -> bool:
    """True for entry metadata blocks (dates, bylines, categories, comment counts)."""
    if el.tag == "time":
        return True
    if el.tag in _CLASS_EXEMPT_TAGS:
        return False
    return bool(token_flags(el) & META)


# Bits of PageFacts.kind(): chrome_level() in the lowest two, then whether is_meta(), then
# whether a class names a title (what lets a div or span title a widget), then whether only
# its class and id make it chrome, and whether only pager-like ones (PageFacts looks inside
# those), then token_flags().
LEVEL_BITS, IS_META, TITLE_CLASS, _NAMED_CHROME, _PAGER_NAMED = 3, 4, 8, 16, 32
_FLAGS_SHIFT = 6


def kind_flags(flags: int) -> int:
    """``token_flags`` bits as they sit in ``PageFacts.kind``."""
    return flags << _FLAGS_SHIFT


# Kinds by tag, class, id and role, which decide them for all but the tags _element_kind
# works out each time. Bounded like the flag caches.
_kind_cache: dict[tuple[str, str | None, str | None, str | None], int] = {}
_DIGITS = re.compile(r"[0-9]+")


def _element_kind(el: etree._Element) -> int:
    tag = el.tag
    if tag == "header" or tag == "form" or not isinstance(tag, str):
        # These depend on the element's place or content too.
        return _compute_kind(el, el.get("class"), el.get("id"), el.get("role"))
    cls = ident = role = None
    # One call for all attributes costs less than three get()s (most elements have one).
    # Names are unique: libxml2 drops a repeated attribute.
    for name, value in el.items():
        if name == "class":
            cls = value
        elif name == "id":
            ident = value
        elif name == "role":
            role = value
    key = (tag, cls, ident, role)
    kind = _kind_cache.get(key)
    if kind is None:
        # An entry's class and id carry its post id (post-21727), new on every page. No token
        # pattern can tell one run of digits from another (they only reach digits through
        # ".*"), so the kind is looked up with each run written as 0.
        # The tag, class and id are kept too, for the markup that repeats (col-md-4).
        shape = (tag, cls and _DIGITS.sub("0", cls), ident and _DIGITS.sub("0", ident), role)
        kind = _kind_cache.get(shape)
        if kind is None:
            kind = _compute_kind(el, cls, ident, role)
        if len(_kind_cache) > 10_000:
            _kind_cache.clear()
        _kind_cache[shape] = _kind_cache[key] = kind
    return kind


def _compute_kind(el: etree._Element, cls: str | None, ident: str | None, role: str | None) -> int:
    tag = el.tag
    attributes = 0 if cls is None and ident is None else _names_flags(cls, ident)
    flags = attributes & _TOKEN_FLAGS
    level = _chrome_level(el, flags, role)
    kind = level | flags << _FLAGS_SHIFT
    if level == HARD_CHROME and _chrome_level(el, flags & ~CHROME, role) != HARD_CHROME:
        kind |= _NAMED_CHROME | (_PAGER_NAMED if _pager_named(attributes) else 0)
    if tag == "time" or (flags & META and tag not in _CLASS_EXEMPT_TAGS):
        kind |= IS_META
    if attributes & _TITLE_CLASS_FLAG:
        kind |= TITLE_CLASS
    return kind


class PageFacts:
    """Memoised answers about the elements of one parsed page.

    A listing page is read in several passes (the permalink scan, each teaser walk, the
    pager search) that ask the same questions of the same elements. Keyed by element, a
    repeat costs one dict look-up instead of re-reading attributes and re-hashing long
    class strings. ``kind`` packs the answers into one int (see ``LEVEL_BITS``); the other
    methods answer as the module functions of the same names, but for two cases that need the
    element's content. A block that is chrome only by its class or id is not chrome (nor
    noisy) when it holds the page's ``main`` (``holds_main``); and when its names are only a
    pager's or a navigation's (``fusion-posts-container-pagination``,
    ``av-no-slider-navigation``) and it is no widget, not when it holds entries (an
    ``article`` or two headings). Keep an instance only while its page is parsed (it holds
    the elements) and never change the tree meanwhile.
    """

    __slots__ = ("_kinds", "_page", "_role_main", "_texts")

    def __init__(self, page: str | bytes | None = None) -> None:
        """``page``, the page's text as parsed, tells whether any element may have
        ``role="main"`` (a look at every element's role would cost more)."""
        self._kinds: dict[etree._Element, int] = {}
        self._texts: dict[etree._Element, str] = {}
        self._page = page
        self._role_main: bool | None = None  # known once asked

    def kind(self, el: etree._Element) -> int:
        kind = self._kinds.get(el)
        if kind is None:
            kind = _element_kind(el)
            if kind & _NAMED_CHROME and _holds_entries(el):
                if next(el.iter("main"), None) is not None or (
                    self._may_have_role_main() and _HOLDS_ROLE_MAIN(el)
                ):
                    # Named like chrome but holding the page's main content: Enfold's
                    # container_wrap ... sidebar_right around main and its sidebar.
                    kind &= ~(LEVEL_BITS | _NAMED_CHROME | _PAGER_NAMED | _NOT_CONTENT_FLAGS)
                    kind |= SOFT_CHROME if kind >> _FLAGS_SHIFT & WIDGET else 0
                elif kind & _PAGER_NAMED and not kind >> _FLAGS_SHIFT & WIDGET:
                    # Named like a pager or navigation but holding entries: a listing (Avada's
                    # fusion-posts-container-pagination) or a post slider, not page chrome. (A
                    # widget named for its pager, tagDiv's td_with_ajax_pagination block, stays
                    # chrome: a block that pages itself is not the page's listing.)
                    kind &= ~(LEVEL_BITS | _NAMED_CHROME | _PAGER_NAMED)
            self._kinds[el] = kind
        return kind

    def _may_have_role_main(self) -> bool:
        role_main = self._role_main
        if role_main is None:
            page = self._page
            role_main = self._role_main = page is None or _mentions_role_main(page)
        return role_main

    def chrome_level(self, el: etree._Element) -> int:
        return self.kind(el) & LEVEL_BITS

    def is_meta(self, el: etree._Element) -> bool:
        return bool(self.kind(el) & IS_META)

    def token_flags(self, el: etree._Element) -> int:
        return self.kind(el) >> _FLAGS_SHIFT

    def text_of(self, el: etree._Element) -> str:
        text = self._texts.get(el)
        if text is None:
            child = el[0] if len(el) == 1 else None
            if child is not None and isinstance(child.tag, str) and not el.text and not child.tail:
                text = self.text_of(child)  # <h2><a>Title</a></h2>: one text, read once for both
            else:
                text = text_of(el)
            self._texts[el] = text
        return text


_HOLDS_MAIN = etree.XPath("boolean(descendant::main | descendant::*[@role='main'])")
_HOLDS_ROLE_MAIN = etree.XPath("boolean(descendant::*[@role='main'])")
# Token flags an element holding the main content loses with its chrome level.
_NOT_CONTENT_FLAGS = (CHROME | NOISY) << _FLAGS_SHIFT


def holds_main(el: etree._Element) -> bool:
    """``el`` holds the page's main content, a ``main`` element or ``role=main``: then it is
    no chrome, whatever its class says (Enfold writes ``sidebar_right`` on the wrapper of
    ``main`` and its sidebar)."""
    return bool(_HOLDS_MAIN(el))


def _mentions_role_main(page: str | bytes) -> bool:
    if isinstance(page, bytes):
        return b'role="main"' in page or b"role='main'" in page
    return 'role="main"' in page or "role='main'" in page


def _holds_entries(el: etree._Element) -> bool:
    """``el`` holds an ``article`` or two headings: entries, which no pager or menu has (a
    pager may hold one heading, its screen-reader title), and which the main content of a
    listing has."""
    if not len(el):
        return False  # (most: screen-reader texts, comment counts)
    if next(el.iter("article"), None) is not None:
        return True
    headings = el.iter(*HEADING_TAGS)
    return next(headings, None) is not None and next(headings, None) is not None


def _is_site_header(el: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in ("article", "main", "section", "li") or parent.get("role") == "main":
            return False
        parent = parent.getparent()
    return True
