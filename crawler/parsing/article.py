"""Article (single post) pages: dates, taxonomy, canonical URL, byline and main text.

Pure: HTML in, :class:`ArticlePage` out. Page metadata (JSON-LD, Open Graph,
``<time datetime>``, microdata) is preferred to what the page shows; the visible
text near the title is the last resort. The main text comes from
:mod:`crawler.parsing.article_body`, dates from :mod:`crawler.parsing.article_dates`
(reading values with :mod:`crawler.parsing.pagedates`), taxonomy and byline from
:mod:`crawler.parsing.article_meta`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from lxml import etree

from crawler.parsing.article_body import (
    blocks_of,
    content_root,
    lead_blocks,
    without_meta_lines,
)
from crawler.parsing.article_dates import page_dates
from crawler.parsing.article_meta import authors_of, in_noise, terms_of
from crawler.parsing.html import (
    absolute,
    base_url,
    decode_html,
    heading_around,
    parse_html,
    text_of,
)
from crawler.parsing.kinds import HARD_CHROME, chrome_level, holds_main
from crawler.parsing.pagedates import DATE_ORDERS, parse_fetched_at
from crawler.parsing.urls import canonical_post_url

_ARTICLE_TYPES = frozenset(
    {
        "Article", "BlogPosting", "NewsArticle", "OpinionNewsArticle", "AnalysisNewsArticle",
        "ReportageNewsArticle", "ScholarlyArticle", "TechArticle", "Report", "LiveBlogPosting",
        "SocialMediaPosting", "MedicalScholarlyArticle",
    }
)  # fmt: skip
_PAGE_TYPES = frozenset({"WebPage", "ItemPage", "MedicalWebPage"})
_TAG_START = re.compile(r"<[A-Za-z!]")
_SINGLE_BODY_CLASSES = frozenset({"single", "single-post", "singular", "post-template"})
_LISTING_BODY_CLASSES = frozenset({"home", "blog", "archive", "search", "error404", "paged"})
_DATED_PATH = re.compile(r"/(?:19|20)\d{2}/\d{2}/")


class NotAnArticlePage(ValueError):
    """The input is not HTML, or has no main text at all (or is a listing of posts)."""


@dataclass(frozen=True, slots=True)
class ArticlePage:
    """What one article page says about its post. See :func:`parse_article`."""

    canonical_url: str | None
    title: str | None
    published: str | None
    published_raw: str | None
    date_precision: str | None
    date_relative: bool
    modified: str | None
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    authors: tuple[str, ...]
    body_text: str
    word_count: int


def parse_article(
    html: str | bytes, url: str, *, fetched_at: str, date_order: str = "DMY"
) -> ArticlePage:
    """Read an article page. Raises :class:`NotAnArticlePage` for anything else.

    ``published`` comes from the first of: JSON-LD ``datePublished`` (the
    Article/BlogPosting node of this page, then its WebPage node),
    ``article:published_time``, a ``<time datetime>`` of the post (``published`` /
    ``entry-date`` before unlabelled ones; ``updated`` ones give ``modified``),
    microdata ``itemprop=datePublished``, then the date written near the title
    ("Published: 3 November 2021", "October 2023", "03/04/2024" read in
    ``date_order``, "2 weeks ago" resolved against ``fetched_at``). When the
    visible date disagrees with the metadata, the metadata wins: themes print
    dates in many ways, while the metadata is written by the CMS itself.
    Offsets are kept as written. ``published_raw`` is the exact value or the
    matched text. ``fetched_at`` must be ISO 8601 (``ValueError`` otherwise).

    ``authors`` is the page's own byline (header byline, an opening "By …" line,
    then an author box, then ``<meta name=author>`` / JSON-LD), only when it
    names people or a group; site and uploader accounts ("BMJ Leader",
    "admin", "Editorial team") are never authors.
    """
    if date_order not in DATE_ORDERS:
        raise ValueError(f"date_order must be one of {sorted(DATE_ORDERS)}, not {date_order!r}")
    now = parse_fetched_at(fetched_at)
    text = decode_html(html)
    root = parse_html(text) if _TAG_START.search(text[:100_000]) else None
    if root is None:
        raise NotAnArticlePage(f"not HTML: {url}")
    base = base_url(root, url)
    meta = _meta(root)
    canonical = _canonical(root, base, meta)
    article_node, page_node, graph = _ld_nodes(root, [canonical, url])
    title_el = _title_element(root, _document_titles(root, meta), base)
    container = _container(root, title_el)
    if _is_listing(root, meta, article_node, url):
        raise NotAnArticlePage(f"a listing of posts, not an article: {url}")
    title = _title(title_el, meta, article_node)

    body_el = content_root(container)
    if body_el is None and container is not root:
        body_el = content_root(root)
    if body_el is not None:
        blocks = lead_blocks(container, body_el) + blocks_of(body_el, title=title or "")
    else:
        inside = title_el is not None and container in title_el.iterancestors()
        blocks = blocks_of(container, start_after=title_el if inside else None, title=title or "")
    if not blocks:
        raise NotAnArticlePage(f"no main text: {url}")

    published, modified = page_dates(
        container,
        title_el,
        body_el,
        nodes=(article_node, page_node),
        meta=meta,
        now=now,
        date_order=date_order,
        urls=(canonical, url),
    )
    categories, tags = terms_of(container, body_el, meta, article_node)
    site_names = _site_names(root, meta, graph)
    authors = authors_of(container, body_el, blocks, meta, article_node, graph, site_names)
    body_text = "\n\n".join(without_meta_lines(blocks))
    return ArticlePage(
        canonical_url=canonical,
        title=title,
        published=published.iso if published else None,
        published_raw=published.raw if published else None,
        date_precision=published.precision if published else None,
        date_relative=published.relative if published else False,
        modified=modified.iso if modified else None,
        categories=categories,
        tags=tags,
        authors=authors,
        body_text=body_text,
        word_count=word_count(body_text),
    )


def word_count(text: str) -> int:
    """Words in ``text``: white-space separated tokens holding a letter or digit."""
    return sum(1 for token in text.split() if any(ch.isalnum() for ch in token))


# --- page structure ------------------------------------------------------------------------


def _in_chrome(el: etree._Element) -> bool:
    return any(
        chrome_level(anc) == HARD_CHROME and not holds_main(anc) for anc in el.iterancestors()
    )


def _title_element(
    root: etree._Element, document_titles: list[str], base: str
) -> etree._Element | None:
    """The post's title: an ``h1`` of the post (in its ``<article>``, else in ``main``),
    else the heading the document's ``<title>`` names (OceanWP's ``h2.entry-title``,
    Blogger's ``h3.post-title`` under the blog's ``h1``), else the first ``h1``."""
    h1s = [h for h in root.iter("h1") if text_of(h) and not _in_chrome(h)]
    for h in h1s:
        if next(h.iterancestors("article"), None) is not None:
            return h
    for h in h1s:
        if any(a.tag == "main" or a.get("role") == "main" for a in h.iterancestors()):
            return h
    named = _named_heading(root, document_titles, base)
    if named is not None:
        return named
    return h1s[0] if h1s else None


def _named_heading(
    root: etree._Element, document_titles: list[str], base: str
) -> etree._Element | None:
    """The longest heading whose text the document's title contains, best placed first:
    in an ``<article>``, then outside page chrome, then anywhere but asides and comments.
    A heading that links to the site's home page is the site's name, not the post's."""
    if not document_titles:
        return None
    home = absolute("/", base)
    found: list[tuple[int, int, etree._Element]] = []
    for h in root.iter("h1", "h2", "h3", "h4"):
        text = text_of(h).lower()
        if len(text) < 3 or not any(text in title for title in document_titles):
            continue
        links = [a for a in h.iter("a") if a.get("href")]
        if any(
            "home" in (a.get("rel") or "").split() or absolute(a.get("href"), base) == home
            for a in links
        ) or in_noise(h, root.find("body")):
            continue
        if next(h.iterancestors("article"), None) is not None:
            place = 0
        else:
            place = 2 if _in_chrome(h) else 1
        found.append((place, -len(text), h))
    return min(found, key=lambda f: f[:2])[2] if found else None


def _document_titles(root: etree._Element, meta: dict[str, list[str]]) -> list[str]:
    titles = [text_of(t).lower() for t in root.iter("title")]
    titles.extend(v.lower() for v in meta.get("og:title", []))
    return [t for t in titles if t]


def _container(root: etree._Element, title_el: etree._Element | None) -> etree._Element:
    """The post's own element: the ``<article>`` around the title, the only article when
    it holds the title or the text (not a lone related-post card), ``main``, or the
    smallest element holding both the title and the text (page builders have neither)."""
    if title_el is not None:
        article = next(title_el.iterancestors("article"), None)
        if article is not None:
            return article
    text_el = content_root(root)
    articles = _top_articles(root)
    if len(articles) == 1 and (
        title_el is None
        or _contains(articles[0], title_el)
        or (text_el is not None and _contains(articles[0], text_el))
    ):
        return articles[0]
    for el in root.iter("main", "div", "section"):
        if (el.tag == "main" or el.get("role") == "main") and not _in_chrome(el):
            return el
    if title_el is not None and text_el is not None:
        common = next((a for a in text_el.iterancestors() if _contains(a, title_el)), None)
        if common is not None:
            return common
    body = root.find("body")
    return body if body is not None else root


def _contains(outer: etree._Element, inner: etree._Element) -> bool:
    return outer is inner or any(anc is outer for anc in inner.iterancestors())


def _top_articles(root: etree._Element) -> list[etree._Element]:
    return [
        a
        for a in root.iter("article")
        if next(a.iterancestors("article"), None) is None and not in_noise(a)
    ]


def _is_listing(
    root: etree._Element, meta: dict[str, list[str]], node: dict | None, url: str
) -> bool:
    """True for a listing, archive, search or 404 page (WordPress body classes), or,
    on a page with no sign of being one post, several post links in headings or by date."""
    body = root.find("body")
    classes = set((body.get("class") or "").split()) if body is not None else set()
    if classes & _LISTING_BODY_CLASSES and not classes & _SINGLE_BODY_CLASSES:
        return True
    if node is not None or _first(meta, "og:type") == "article" or classes & _SINGLE_BODY_CLASSES:
        return False
    if _one_entry(root):
        return False
    if len(_top_articles(root)) >= 3:
        return True
    headed: set[str] = set()
    dated: set[str] = set()
    for a in root.iter("a"):
        href = a.get("href")
        if not href or href == url or _in_chrome(a):
            continue
        if heading_around(a) is not None:
            headed.add(href)
        elif _DATED_PATH.search(href) and next(a.iterancestors("p", "li"), None) is None:
            dated.add(href)
    return len(headed) >= 3 or len(dated) >= 3


def _one_entry(root: etree._Element) -> bool:
    """True when the page marks up exactly one post: one hAtom ``hentry``, or one
    microdata Article/BlogPosting (Blogger's item pages have nothing else to say so)."""
    entries = root.xpath(
        "//*[contains(concat(' ', normalize-space(@class), ' '), ' hentry ')]"
        " | //*[@itemscope and (contains(@itemtype, '/BlogPosting') or"
        " contains(@itemtype, '/Article') or contains(@itemtype, '/NewsArticle'))]"
    )
    return len(entries) == 1


def _title(title_el: etree._Element | None, meta: dict, node: dict | None) -> str | None:
    if title_el is not None:
        return text_of(title_el)
    headline = node.get("headline") if node else None
    return _first(meta, "og:title") or (_clean(headline) if isinstance(headline, str) else None)


# --- metadata ------------------------------------------------------------------------------


def _meta(root: etree._Element) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name")
        value = el.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().lower(), []).append(" ".join(value.split()))
    return out


def _first(meta: dict[str, list[str]], *keys: str) -> str | None:
    for key in keys:
        if values := meta.get(key):
            return values[0]
    return None


def _canonical(root: etree._Element, base: str, meta: dict[str, list[str]]) -> str | None:
    for el in root.iter("link"):
        rels = (el.get("rel") or "").lower().split()
        if "canonical" in rels and (found := absolute(el.get("href"), base)):
            return found
    return absolute(_first(meta, "og:url"), base)


def _ld_nodes(
    root: etree._Element, urls: list[str | None]
) -> tuple[dict | None, dict | None, list[dict]]:
    """This page's Article node and WebPage node from JSON-LD, and every top-level node.

    A node belongs to the page when its ``@id``, ``url`` or ``mainEntityOfPage``
    is the page's URL (fragment ignored: Yoast's Article is ``URL#article``); an
    article node with no URL at all counts when it is the only one.
    """
    nodes: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        for item in data if isinstance(data, list) else [data]:
            graph = item.get("@graph") if isinstance(item, dict) else None
            if isinstance(graph, list):
                nodes.extend(n for n in graph if isinstance(n, dict))
            elif isinstance(item, dict):
                nodes.append(item)
    keys = {_url_key(u) for u in urls if u}
    keys.discard(None)
    articles = [n for n in nodes if _types(n) & _ARTICLE_TYPES]
    article = next((n for n in articles if _node_urls(n) & keys), None)
    if article is None and len(articles) == 1 and not _node_urls(articles[0]):
        article = articles[0]
    page = next((n for n in nodes if _types(n) & _PAGE_TYPES and _node_urls(n) & keys), None)
    return article, page, nodes


def _types(node: dict) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k for k in kinds if isinstance(k, str)}


def _node_urls(node: dict) -> set[str]:
    out = set()
    for key in ("@id", "url", "mainEntityOfPage"):
        value = node.get(key)
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str) and (found := _url_key(value)):
            out.add(found)
    return out


def _url_key(url: str) -> str | None:
    try:
        return canonical_post_url(url) if url.startswith(("http://", "https://")) else None
    except ValueError:
        return None


def _site_names(root: etree._Element, meta: dict, graph: list[dict]) -> set[str]:
    names = {v.lower() for v in meta.get("og:site_name", [])}
    for node in graph:
        # Yoast's site "represents a person" node is ["Person", "Organization"]: a
        # personal blog's author is its publisher too, and still an author.
        types = _types(node)
        name = node.get("name")
        if types & {"WebSite", "Organization"} and "Person" not in types and isinstance(name, str):
            names.add(_clean(name).lower())
    for el in root.iter("p", "div", "span", "a", "h1"):
        classes = (el.get("class") or "").split()
        if "site-title" in classes or "wp-block-site-title" in classes:
            names.add(text_of(el).lower())
    names.discard("")
    return names


def _clean(value: str) -> str:
    return " ".join(value.split())
