"""Article page metadata: categories, tags and the page's own byline.

Categories and tags come from the post's taxonomy links (``rel="category tag"``,
``cat-links`` / ``tags-links``, the block theme's ``taxonomy-*`` terms, Drupal
topic fields), else from JSON-LD ``articleSection`` / ``keywords`` and the
``article:section`` / ``article:tag`` meta tags.

Authors are read, first source that names someone wins, from: bylines before
the post's text (``rel=author``, ``.byline``, ``.entry-author-name``, the block
theme's ``wp-block-post-author-name``, Drupal author fields), a first paragraph
that is only "By …", author boxes after the text, then ``<meta name="author">``,
the JSON-LD author and Yoast's "Written by" label. Names go through
:func:`crawler.parsing.names.parse_name_list`; honorifics and post-nominals go,
roles after a comma are not names. Site and uploader accounts are never authors:
the site's own name ("BMJ Leader" on "BMJ Leader blog"), and names with account
words ("admin", "Editorial team", "Blog Editor", "Web team").
"""

from __future__ import annotations

import re

from lxml import etree

from crawler.parsing.html import text_of
from crawler.parsing.kinds import NOISY, holds_main, token_flags
from crawler.parsing.names import parse_name_list

_BYLINE_TOKEN = re.compile(
    r"byline|author|author[-_]?name|(?:entry|post|article)[-_]author(?:[-_]name)?|fn"
    r"|field--name-field-authors?|saboxplugin-authorname|byline[-_]name|contributor[-_]name"
    # BEM and prefixed forms: wp-block-post-author__name, td-author-name, …-author-box__name
    r"|(?:.*[-_])?author(?:[-_]+box)?[-_]+name",
    re.IGNORECASE,
)
_BY_PREFIX = re.compile(
    r"^\W*(?:(?:written|posted|published|words)\s+)?(?:by|author|authors)\b\s*:?\s*",
    re.IGNORECASE,
)
_ACCOUNT_WORDS = frozenset(
    {
        "admin", "administrator", "editor", "editors", "editorial", "webmaster", "staff",
        "blog", "blogs", "website", "web", "guest", "contributor", "contributors", "moderator",
        "newsroom", "press", "comms", "communications", "marketing", "digital", "user",
    }
)  # fmt: skip
_MAX_BYLINE = 200
_CATEGORY_CONTEXT = re.compile(
    r"cat-links|entry-categories|post-categories|categories|taxonomy-category"
    r"|field--name-field-categor(?:y|ies)",
    re.IGNORECASE,
)
_TAG_CONTEXT = re.compile(
    r"tags?-links|entry-tags|post-tags|tags|taxonomy-post_tag|field--name-field-(?:tags|topics)",
    re.IGNORECASE,
)
_CATEGORY_PATH = re.compile(r"/categor(?:y|ies)/")
_TAG_PATH = re.compile(r"/(?:tag|tags|topics?)/")


def terms_of(
    container: etree._Element,
    body: etree._Element | None,
    meta: dict[str, list[str]],
    node: dict | None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The post's categories and tags, each in page order without repeats."""
    categories: list[str] = []
    tags: list[str] = []
    for a in container.iter("a"):
        if body is not None and (a is body or body in a.iterancestors()):
            continue
        kind = _term_kind(a, container)
        name = _term_name(a) if kind else ""
        if name and not in_noise(a, container):
            (categories if kind == "category" else tags).append(name)
    if not categories:
        categories = _ld_list(node, "articleSection") or meta.get("article:section", [])
    if not tags:
        tags = _ld_list(node, "keywords") or meta.get("article:tag", [])
    return _unique(categories), _unique(tags)


def _term_name(a: etree._Element) -> str:
    """A term link's name; a theme's hashtag mark ("#surgery") is not part of it."""
    return text_of(a).lstrip("#").strip()


def _term_kind(a: etree._Element, container: etree._Element) -> str | None:
    rel = (a.get("rel") or "").lower().split()
    href = a.get("href") or ""
    if not rel and not (_CATEGORY_PATH.search(href) or _TAG_PATH.search(href)):
        return None
    for depth, anc in enumerate(a.iterancestors(), 1):
        classes = anc.get("class") or ""
        if _CATEGORY_CONTEXT.search(classes):
            return "category"
        if _TAG_CONTEXT.search(classes):
            return "tag"
        if anc is container or depth >= 4:
            break
    if "category" in rel or (not rel and _CATEGORY_PATH.search(href)):
        return "category"
    if "tag" in rel:
        return "category" if _CATEGORY_PATH.search(href) else "tag"
    return "tag" if _TAG_PATH.search(href) and not rel else None


def _ld_list(node: dict | None, key: str) -> list[str]:
    value = node.get(key) if node else None
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list):
        return []
    return [" ".join(v.split()) for v in value if isinstance(v, str) and v.strip()]


def _unique(values: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for value in values:
        seen.setdefault(value.lower(), value)
    return tuple(seen.values())


def in_noise(el: etree._Element, stop: etree._Element | None = None) -> bool:
    """True inside comments, related posts, share widgets, sidebars, menus or asides
    (looking up from ``el`` to ``stop``, exclusive)."""
    node: etree._Element | None = el
    while node is not None and node is not stop:
        tag = node.tag
        if not isinstance(tag, str) or tag in ("aside", "nav"):
            return True
        if node.get("role") in ("complementary", "navigation"):
            return True
        if token_flags(node) & NOISY and not holds_main(node):  # (Enfold's sidebar_right)
            return True
        node = node.getparent()
    return False


# --- authors -------------------------------------------------------------------------------


def authors_of(
    container: etree._Element,
    body: etree._Element | None,
    blocks: list[str],
    meta: dict[str, list[str]],
    node: dict | None,
    graph: list[dict],
    site_names: set[str],
) -> tuple[str, ...]:
    """The page's own byline as names (see the module docstring for sources and rules)."""
    before, after = _byline_texts(container, body)
    opening = [blocks[0]] if blocks and _BY_PREFIX.match(blocks[0]) else []
    meta_texts = [*meta.get("author", []), *_ld_authors(node, graph)]
    if _first_label(meta) == "written by":
        meta_texts.extend(meta.get("twitter:data1", []))
    for texts in (before, opening, after, meta_texts):
        names: list[str] = []
        for text in texts:
            names.extend(n for n in byline_names(text, site_names) if n not in names)
        if names:
            return tuple(names)
    return ()


def byline_names(text: str, site_names: set[str] = frozenset()) -> list[str]:  # type: ignore[assignment]
    """People and groups named by one byline text, accounts left out."""
    text = _BY_PREFIX.sub("", " ".join(text.split()), count=1).strip(" ,;:–—-")
    if not text or len(text) > _MAX_BYLINE or text.startswith(("http://", "https://")):
        return []
    parsed = parse_name_list(text)
    if parsed is None:
        return []
    return [name for name in parsed.names if not is_account(name, site_names)]


def is_account(name: str, site_names: set[str] = frozenset()) -> bool:  # type: ignore[assignment]
    """True for a site or uploader account rather than a person or a named group."""
    lowered = name.lower()
    if any(lowered == site or site.startswith(lowered + " ") for site in site_names):
        return True
    words = set(re.findall(r"[^\W\d_]+", lowered))
    return bool(words & _ACCOUNT_WORDS)


def _byline_texts(
    container: etree._Element, body: etree._Element | None
) -> tuple[list[str], list[str]]:
    """Byline texts before the body and after it (author boxes)."""
    before: list[str] = []
    after: list[str] = []
    passed_body = body is None
    for el in container.iter():
        if el is body:
            passed_body = True
            continue
        if not isinstance(el.tag, str) or (body is not None and body in el.iterancestors()):
            continue
        if not _is_byline(el) or in_noise(el, container):
            continue
        text = text_of(el)
        if text:
            (after if passed_body else before).append(text)
    return before, after


def _is_byline(el: etree._Element) -> bool:
    if el.tag == "a" and "author" in (el.get("rel") or "").lower().split():
        return True
    if el.get("itemprop") == "author" and el.find(".//*[@itemprop='name']") is None:
        return True
    if el.get("itemprop") == "name" and any(
        a.get("itemprop") == "author" for a in el.iterancestors()
    ):
        return True
    names = (el.get("class") or "").split()
    return any(_BYLINE_TOKEN.fullmatch(name) for name in names)


def _ld_authors(node: dict | None, graph: list[dict]) -> list[str]:
    value = node.get("author") if node else None
    items = value if isinstance(value, list) else [value]
    by_id = {n.get("@id"): n for n in graph if isinstance(n.get("@id"), str)}
    out = []
    for item in items:
        if isinstance(item, dict) and not isinstance(item.get("name"), str):
            item = by_id.get(item.get("@id"), {})
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            out.append(name)
    return out


def _first_label(meta: dict[str, list[str]]) -> str:
    values = meta.get("twitter:label1")
    return values[0].strip().lower() if values else ""
