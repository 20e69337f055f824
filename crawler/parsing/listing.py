"""Find the post entries and the next-page link on a blog listing page.

Entries are found by the structure of the web, not by theme class names: a
link to a post permalink (usually inside a heading) starts an entry, the text
that follows it up to the next entry is its teaser, and links back to the same
permalink (``Read More…``, thumbnails) belong to the same entry. Links in page
chrome (navigation, sidebars and widgets, footers, comments) are ignored, and so
are links in entry metadata, but for a post nothing else links (a title that is
no link, its "Read More" beside the byline): a plain heading in its block then
titles it.
"""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from crawler.parsing.html import (
    HEADING_TAGS,
    INLINE_TAGS,
    absolute,
    base_url,
    collapse,
    css,
    first_heading,
    has_heading,
    heading_around,
    parse_html,
    text_of,
    tokens,
    unescape_leftovers,
    valid_url,
)
from crawler.parsing.kinds import (
    HARD_CHROME,
    IS_META,
    LEVEL_BITS,
    SOFT_CHROME,
    TITLE_CLASS,
    PageFacts,
)
from crawler.parsing.pagination import find_next_url
from crawler.parsing.regions import (
    LABEL_TAGS,
    TeaserReader,
    is_read_more,
    listing_links,
    widget_label,
    widget_lists_after,
    widget_scope,
)

# A link inside running text with this much text around it is a citation, not an entry.
_PROSE_CHARS = 80
# Which entry (by index) has links inside each element, or _SHARED for more than one.
_Owners = dict[etree._Element, int]
_SHARED = -1


@dataclass(frozen=True, slots=True)
class ListingEntry:
    url: str  # absolute permalink as linked on the page (not canonicalised)
    heading: str  # title link text, white space collapsed, entities decoded
    teaser: str  # raw teaser text as shown (marker and `Read More…` may remain)


@dataclass(frozen=True, slots=True)
class ListingPage:
    entries: tuple[ListingEntry, ...]
    next_url: str | None  # an explicit link to the next (older) page, if the page has one


@dataclass(frozen=True, slots=True)
class ListingSelectors:
    """Optional CSS overrides from a source's config; structure is the fallback for each.

    ``entry`` matches one element per entry; ``heading`` the title (a link or an
    element containing it); ``teaser`` the summary block; ``next`` the next-page
    link. Invalid selectors raise ``ValueError`` here, at config time.
    """

    entry: str | None = None
    heading: str | None = None
    teaser: str | None = None
    next: str | None = None

    def __post_init__(self) -> None:
        for value in (self.entry, self.heading, self.teaser, self.next):
            if value is not None:
                css(value)


_NO_SELECTORS = ListingSelectors()


@dataclass(slots=True)
class _Link:
    el: etree._Element
    url: str
    key: str
    # In entry metadata (a date, a comment count, "Read More" beside the byline): it joins
    # its post's entry, and starts one where nothing else links the post (a title that is
    # no link), but its text never titles it.
    in_meta: bool = False


@dataclass(slots=True)
class _Draft:
    key: str
    links: list[_Link]
    title: etree._Element | None = None  # heading or link the teaser follows
    url: str = ""
    heading: str = ""
    container: etree._Element | None = None
    # Other headings linking to the same post (a featured slider or grid repeating it), with
    # their link and its text, and once known the container of each.
    alts: list[tuple[etree._Element, _Link, str]] = field(default_factory=list)
    alt_boxes: list[etree._Element] = field(default_factory=list)


def parse_listing(
    html: str | bytes,
    page_url: str,
    post_url: re.Pattern[str],
    *,
    selectors: ListingSelectors | None = None,
) -> ListingPage:
    """Parse a listing page. ``post_url`` matches absolute post permalinks.

    Returns one entry per permalink, in page order, and the explicit next-page
    link (absolute) or ``None``. ``html`` may be bytes in any common encoding
    and may be broken, empty or not HTML at all: the result is then empty,
    never an exception. ``selectors`` are tried first; whatever they miss is
    found by structure.
    """
    root = parse_html(html)
    if root is None:
        return ListingPage((), None)
    _space_line_breaks(root)
    if not valid_url(page_url):
        page_url = ""  # resolve links against nothing rather than fail
    sel = selectors or _NO_SELECTORS
    base = base_url(root, page_url)
    facts = PageFacts(html)
    drafts: list[_Draft] = []
    if sel.entry:
        drafts = _drafts_from_entry_selector(root, base, post_url, sel, facts)
    if not drafts and sel.heading:
        drafts = _drafts_from_heading_selector(root, base, post_url, sel.heading)
    if not drafts:
        drafts = _structural_drafts(root, base, post_url, facts)
    entries = _finish(root, drafts, sel, base, facts)
    # Hrefs of permalinks: the pager skips every link with one (dates, images, read-more).
    post_hrefs = {link.el.get("href") for draft in drafts for link in draft.links}
    next_url = find_next_url(root, page_url, base, post_url, sel.next, facts, post_hrefs)
    return ListingPage(entries, next_url)


def _space_line_breaks(root: etree._Element) -> None:
    """Give each ``<br>`` a space after it: a title an editor broke in two
    (``professionalism:<br>When``) is two words, as a reader sees it, not one."""
    for br in root.iter("br"):
        tail = br.tail
        if not tail:
            br.tail = " "
        elif not tail[0].isspace():
            # (A control character that libxml2 kept but lxml will not set: left as it is.)
            with suppress(ValueError):
                br.tail = " " + tail


def _structural_drafts(
    root: etree._Element, base: str, post_url: re.Pattern[str], facts: PageFacts
) -> list[_Draft]:
    groups: dict[str, _Draft] = {}
    for link in _permalink_links(root, base, post_url, facts):
        draft = groups.get(link.key)
        if draft is None:
            groups[link.key] = _Draft(link.key, [link])
        else:
            draft.links.append(link)
    drafts = list(groups.values())
    for draft in drafts:
        _pick_title(draft, facts)
    # Where entries are titled by headings, a post linked only from inside a short sentence
    # is cited, not listed: an archive description's "Start with the <a>introduction</a>."
    if sum(1 for draft in drafts if draft.title is not None and draft.title.tag != "a") > 1:
        drafts = [d for d in drafts if not all(_cites(link.el, facts) for link in d.links)]
    return drafts


def _permalink_links(
    root: etree._Element, base: str, post_url: re.Pattern[str], facts: PageFacts
) -> list[_Link]:
    """Permalink links outside page chrome and entry metadata, in document order, and
    those in entry metadata of posts nothing else links.

    Links in widgets are kept only when the widget looks like the page's listing
    (see ``listing_links``).
    """
    found: list[_Link] = []
    # Links in entry metadata (link, permalink, how many links came before): kept only for
    # posts nothing else links (a title that is no link, "Read More" beside the byline).
    in_meta: list[tuple[etree._Element, tuple[str, str], int]] = []
    widget_lists: set[etree._Element] = set()
    widgets: dict[etree._Element, int] = {}  # block -> how unlikely it is to be the listing
    kind_of = facts.kind
    # href -> (permalink without fragment, key), or None: an entry links its post two to
    # four times (title, image, date, read-more).
    permalinks: dict[str | None, tuple[str, str] | None] = {}
    walker = etree.iterwalk(root, events=("start",))
    for _, el in walker:
        tag = el.tag
        if tag == "a":
            href = el.get("href")
            if href in permalinks:
                permalink = permalinks[href]
            else:
                permalink = permalinks[href] = _permalink(href, base, post_url)
            if permalink is not None and not _is_prose_link(el, facts):
                found.append(_Link(el, *permalink))
            continue
        if not len(el) and tag not in HEADING_TAGS and tag not in LABEL_TAGS:
            continue  # <br>, <img>: nothing inside to skip, not a widget holding links, no title
        kind = kind_of(el)  # one look-up for the chrome level, metadata and title class
        level = kind & LEVEL_BITS
        if level == HARD_CHROME or el in widget_lists:
            walker.skip_subtree()
            continue
        if kind & IS_META and not has_heading(el):
            for a in el.iter("a"):  # (el itself when a link is the metadata block)
                href = a.get("href")
                if href in permalinks:
                    permalink = permalinks[href]
                else:
                    permalink = permalinks[href] = _permalink(href, base, post_url)
                if permalink is not None:
                    in_meta.append((a, permalink, len(found)))
            walker.skip_subtree()
            continue
        if level == SOFT_CHROME:
            widgets.setdefault(el, SOFT_CHROME)
        if tag in HEADING_TAGS or (tag in LABEL_TAGS and kind & TITLE_CLASS):
            label = widget_label(el, facts)
            if label and tag in HEADING_TAGS:
                widget_lists.update(widget_lists_after(el))
            if label and tag != "h1":
                for block in widget_scope(el):
                    widgets[block] = max(widgets.get(block, 0), label + 1)
    if in_meta:
        found = _with_meta_only_posts(found, in_meta)
    return listing_links(found, widgets) if widgets else found


def _permalink(href: str | None, base: str, post_url: re.Pattern[str]) -> tuple[str, str] | None:
    """(permalink without fragment, same-post key) of a link to a post, else ``None``."""
    url = absolute(href, base)
    return (url.split("#", 1)[0], _key(url)) if url and post_url.match(url) else None


def _with_meta_only_posts(
    found: list[_Link], in_meta: list[tuple[etree._Element, tuple[str, str], int]]
) -> list[_Link]:
    """``found`` with the metadata links of posts it does not link, in document order."""
    linked = {link.key for link in found}
    extra = [(a, permalink, pos) for a, permalink, pos in in_meta if permalink[1] not in linked]
    if not extra:
        return found
    merged: list[_Link] = []
    start = 0
    for a, permalink, pos in extra:
        merged.extend(found[start:pos])
        merged.append(_Link(a, *permalink, in_meta=True))
        start = pos
    merged.extend(found[start:])
    return merged


def _drafts_from_heading_selector(
    root: etree._Element, base: str, post_url: re.Pattern[str], selector: str
) -> list[_Draft]:
    drafts: dict[str, _Draft] = {}
    for el in css(selector)(root):
        link = _link_in(el, base, post_url)
        heading = _clean_heading(text_of(el))
        if link is not None and heading and link.key not in drafts:
            drafts[link.key] = _Draft(link.key, [link], el, link.url, heading)
    return list(drafts.values())


def _drafts_from_entry_selector(
    root: etree._Element,
    base: str,
    post_url: re.Pattern[str],
    sel: ListingSelectors,
    facts: PageFacts,
) -> list[_Draft]:
    assert sel.entry is not None
    heading_sel = sel.heading
    drafts: dict[str, _Draft] = {}
    for box in css(sel.entry)(root):
        links = [
            _Link(a, url.split("#", 1)[0], _key(url))
            for a in box.iter("a")
            if (url := absolute(a.get("href"), base)) and post_url.match(url)
        ]
        draft = None
        for el in css(heading_sel)(box) if heading_sel else ():
            link = _link_in(el, base, post_url) or (links[0] if links else None)
            if link is not None and (heading := _clean_heading(text_of(el))):
                same = [x for x in links if x.key == link.key] or [link]
                draft = _Draft(link.key, same, el, link.url, heading)
                break
        if draft is None and links:
            draft = _Draft(links[0].key, [x for x in links if x.key == links[0].key])
            _pick_title(draft, facts)
        if draft is not None and draft.key not in drafts:
            draft.container = box
            drafts[draft.key] = draft
    return list(drafts.values())


def _finish(
    root: etree._Element,
    drafts: list[_Draft],
    sel: ListingSelectors,
    base: str,
    facts: PageFacts,
) -> tuple[ListingEntry, ...]:
    owners = _owners(drafts)
    for idx, draft in enumerate(drafts):
        if draft.container is None:
            start = draft.title if draft.title is not None else draft.links[0].el
            draft.container = _container(start, idx, owners)
        if draft.title is None:
            _title_from_container(draft, idx, owners)
        draft.alt_boxes = [_container(heading, idx, owners) for heading, _, _ in draft.alts]
    drafts = [d for d in drafts if d.title is not None and d.heading]
    stop_owner: dict[etree._Element, str] = {}
    for draft in drafts:
        assert draft.container is not None and draft.title is not None
        key = draft.key
        stop_owner.setdefault(draft.container, key)
        stop_owner.setdefault(draft.title, key)
        for link in draft.links:
            stop_owner.setdefault(link.el, key)
        for (heading, _, _), box in zip(draft.alts, draft.alt_boxes, strict=True):
            stop_owner.setdefault(heading, key)
            stop_owner.setdefault(box, key)
    marked = set(css(sel.teaser)(root)) if sel.teaser else set()

    def link_key(el: etree._Element) -> str | None:
        url = el.get("href")
        return _key(absolute(url, base) or "") if url else None

    reader = TeaserReader(stop_owner, link_key, marked, facts)
    entries = []
    for draft in drafts:
        teaser = _teaser(draft, draft.title, draft.container, reader, sel)
        if draft.alts:
            teaser = _best_of_repeats(draft, teaser, reader, sel)
        entries.append(ListingEntry(draft.url, draft.heading, teaser))
    return tuple(entries)


def _best_of_repeats(
    draft: _Draft, teaser: str, reader: TeaserReader, sel: ListingSelectors
) -> str:
    """A post titled more than once (a featured slider or grid above the listing): keep the
    occurrence with the longest teaser, then the longest title (grids cut titles short)."""
    best = (len(teaser), len(draft.heading), teaser)
    for (heading, link, text), box in zip(draft.alts, draft.alt_boxes, strict=True):
        other = _teaser(draft, heading, box, reader, sel)
        candidate = (len(other), len(_clean_heading(text)), other)
        if candidate[:2] > best[:2]:
            best = candidate
            _set_title(draft, heading, link, text)
            draft.container = box
    return best[2]


def _teaser(
    draft: _Draft,
    title: etree._Element | None,
    box: etree._Element | None,
    reader: TeaserReader,
    sel: ListingSelectors,
) -> str:
    assert box is not None and title is not None
    if sel.teaser:
        hits = css(sel.teaser)(box)
        if hits:
            return text_of(hits[0])
    if box is not title:
        text = reader.read(title, box, draft.key)
        if text:
            return text
    parent = box.getparent()
    if parent is None or sel.entry:
        return ""
    # Flat layouts (<h2><a>…</a></h2><p>…</p> siblings): read on until the next entry.
    return reader.read(title, parent, draft.key)


def _pick_title(draft: _Draft, facts: PageFacts) -> None:
    """Choose the title link: in a heading, then a card link around a heading, then rel=bookmark
    or title-classed, then the first link with real text."""
    usable = [
        (link, text)
        for link in draft.links
        if not link.in_meta and _usable(text := facts.text_of(link.el))
    ]
    titled = [
        (h, link, text) for link, text in usable if (h := heading_around(link.el)) is not None
    ]
    if titled:
        heading, link, text = titled[0]
        seen = {heading}
        for alt in titled[1:]:
            if alt[0] not in seen:
                seen.add(alt[0])
                draft.alts.append(alt)
        return _set_title(draft, heading, link, text)
    for link in draft.links:
        heading = first_heading(link.el)
        if heading is not None and _usable(text := facts.text_of(heading)):
            return _set_title(draft, heading, link, text)
    for link in draft.links:  # a card link around a title-classed block (span.card__title)
        if link.in_meta:
            continue
        label = _title_label(link.el, facts)
        if label is not None and _usable(text := facts.text_of(label)):
            return _set_title(draft, label, link, text)
    for link, text in usable:
        parent = link.el.getparent()
        names = tokens(link.el) + (tokens(parent) if parent is not None else [])
        rel = (link.el.get("rel") or "").lower().split()
        if "bookmark" in rel or any("title" in name.lower() for name in names):
            return _set_title(draft, link.el, link, text)
    if usable:
        link, text = usable[0]
        return _set_title(draft, link.el, link, text)
    return None


def _title_label(link: etree._Element, facts: PageFacts) -> etree._Element | None:
    """A block inside a card link whose class names it a title, when the link holds more
    than it (``<a><span class="tag">Blog</span><span class="post-card__title">…</span>
    <span class="excerpt">…</span></a>``): a link with no heading in it."""
    if not len(link):
        return None
    for el in link.iterdescendants(*LABEL_TAGS):
        if facts.kind(el) & TITLE_CLASS:
            return el
    return None


def _set_title(draft: _Draft, el: etree._Element, link: _Link, text: str) -> None:
    draft.title, draft.url, draft.heading = el, link.url, _clean_heading(text)


def _title_from_container(draft: _Draft, idx: int, owners: _Owners) -> None:
    """No usable link text (image and read-more links only): use a plain heading in the entry."""
    assert draft.container is not None
    for heading in draft.container.iter(*HEADING_TAGS):
        text = text_of(heading)
        if _usable(text) and owners.get(heading, idx) == idx:
            draft.title, draft.heading = heading, _clean_heading(text)
            draft.url = draft.links[0].url
            return


def _owners(drafts: list[_Draft]) -> _Owners:
    owners: _Owners = {}
    for idx, draft in enumerate(drafts):
        for link in draft.links:
            el: etree._Element | None = link.el
            while el is not None:
                owner = owners.get(el)
                if owner in (idx, _SHARED):
                    break  # and so are all elements above: an earlier link marked them
                owners[el] = idx if owner is None else _SHARED
                el = el.getparent()
    return owners


def _container(start: etree._Element, idx: int, owners: _Owners) -> etree._Element:
    """The largest ancestor of ``start`` that holds no link of another entry."""
    box = start
    parent = box.getparent()
    while (
        parent is not None and parent.tag not in ("body", "html") and owners.get(parent, idx) == idx
    ):
        box, parent = parent, parent.getparent()
    return box


def _link_in(el: etree._Element, base: str, post_url: re.Pattern[str]) -> _Link | None:
    for a in el.iter("a") if el.tag != "a" else (el,):
        url = absolute(a.get("href"), base)
        if url and post_url.match(url):
            return _Link(a, url.split("#", 1)[0], _key(url))
    return None


def _is_prose_link(el: etree._Element, facts: PageFacts) -> bool:
    """A permalink cited inside a paragraph (``see <a>my earlier post</a>``) starts no entry."""
    return _cites(el, facts, _PROSE_CHARS)


def _cites(el: etree._Element, facts: PageFacts, prose: int = 0) -> bool:
    """``el`` is a link inside a paragraph that it does not open, with more than ``prose``
    characters of other text around it."""
    parent = el.getparent()
    while parent is not None and parent.tag in INLINE_TAGS:
        parent = parent.getparent()
    if parent is None or parent.tag not in ("p", "blockquote"):
        return False
    around, own = facts.text_of(parent), facts.text_of(el)
    # A title link opens its paragraph ("<p><b><a>Title</a></b> teaser…"); a citation does not.
    return len(around) - len(own) > prose and not around.startswith(own)


def _usable(text: str) -> bool:
    return bool(text) and not is_read_more(text)


def _clean_heading(text: str) -> str:
    return collapse(unescape_leftovers(text))


@lru_cache(maxsize=4096)  # pure; every link of an entry and every teaser link asks again
def _key(url: str) -> str:
    """Same-post key within one page: scheme, ``www.``, fragment and trailing slash ignored."""
    url = url.split("#", 1)[0]
    rest = url.split("://", 1)[-1]
    host, _, path = rest.partition("/")
    return host.lower().removeprefix("www.") + "/" + path.rstrip("/")


def listing_next_url(
    html: str | bytes,
    page_url: str,
    post_url: re.Pattern[str],
    selectors: ListingSelectors | None = None,
) -> str | None:
    """``parse_listing(...).next_url`` without reading the entries: about a third of the work.

    Lets a crawl ask for the next page while the entries are parsed elsewhere.
    """
    root = parse_html(html)
    if root is None:
        return None
    if not valid_url(page_url):
        page_url = ""
    sel = selectors or ListingSelectors()
    return find_next_url(root, page_url, base_url(root, page_url), post_url, sel.next)
