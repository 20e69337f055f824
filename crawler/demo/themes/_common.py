"""What a theme renders from, and the pieces of WordPress chrome several themes share.

Themes receive plain, fully resolved contexts (every URL is absolute and as it
should be linked), so a theme only decides markup, never URLs or variants.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

SITE_NAME = "BMJ Leader blog"
TAGLINE = "Leadership in health and care: views from BMJ Leader"

# wptexturize() output: WordPress writes typographic characters as numeric entities.
_ENTITIES = str.maketrans(
    {
        "\u2018": "&#8216;",
        "\u2019": "&#8217;",
        "\u201c": "&#8220;",
        "\u201d": "&#8221;",
        "\u2013": "&#8211;",
        "\u2014": "&#8212;",
        "\u2026": "&#8230;",
        "\u00a0": "&nbsp;",
    }
)


@dataclass(frozen=True, slots=True)
class Term:
    """A category or tag with its archive URL and post count."""

    term_id: int
    name: str
    slug: str
    url: str
    count: int


@dataclass(frozen=True, slots=True)
class Entry:
    """One post as a listing shows it. ``href`` is the link used on the page (it may be a
    variant: https, no trailing slash); ``permalink`` is the URL the server answers."""

    post_id: int
    heading: str
    href: str
    permalink: str
    teaser: str
    published: date
    image: str | None
    categories: tuple[Term, ...]
    tags: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Site:
    """Everything that is the same on every page of one blog."""

    origin: str  # scheme://host:port, no trailing slash
    home: str  # origin + base_path
    base_path: str
    recent: tuple[Entry, ...]
    categories: tuple[Term, ...]
    tags: tuple[Term, ...]
    theme: str

    def asset(self, name: str) -> str:
        return f"{self.origin}/wp-content/themes/{self.theme}/{name}"


@dataclass(frozen=True, slots=True)
class Listing:
    """One page of the home listing or of a tag archive."""

    site: Site
    page: int
    last_page: int
    entries: tuple[Entry, ...]
    archive_url: str  # page 1 of this archive
    tag: Term | None = None
    next_url: str | None = None  # the older page as linked (may carry a crawl trap)
    page_param: str | None = None  # pages numbered ?page_param=N, not page/N/

    def page_url(self, n: int) -> str:
        if n == 1:
            return self.archive_url
        if self.page_param:
            return f"{self.archive_url}?{self.page_param}={n}"
        return f"{self.archive_url}page/{n}/"

    @property
    def url(self) -> str:
        return self.page_url(self.page)

    @property
    def prev_url(self) -> str | None:
        return self.page_url(self.page - 1) if self.page > 1 else None

    @property
    def clean_next_url(self) -> str | None:
        return self.page_url(self.page + 1) if self.page < self.last_page else None

    @property
    def title(self) -> str:
        name = f"{self.tag.name} Archives – {SITE_NAME}" if self.tag else SITE_NAME
        return name if self.page == 1 else f"{name} – Page {self.page}"

    @property
    def heading(self) -> str:
        return f"Tag: {self.tag.name}" if self.tag else "Latest articles"


@dataclass(frozen=True, slots=True)
class Article:
    """A single post page."""

    site: Site
    entry: Entry
    paragraphs: tuple[str, ...]
    older: Entry | None
    newer: Entry | None


def raw(text: str) -> str:
    """Escape for HTML text, keeping typographic characters as UTF-8."""
    return html.escape(text, quote=False)


def texturize(text: str) -> str:
    """Escape for HTML text the way ``wptexturize`` leaves it: ``&#8217;``, ``&nbsp;``."""
    out = html.escape(text, quote=False).translate(_ENTITIES)
    return out.replace("[&#8230;]", "[&hellip;]")


def attr(text: str) -> str:
    """Escape for a double-quoted attribute value."""
    return html.escape(text, quote=True)


def iso(day: date, hour: int = 9) -> str:
    return f"{day.isoformat()}T{hour:02d}:30:00+00:00"


def long_date(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def post_classes(entry: Entry) -> str:
    """The ``post_class()`` list WordPress puts on an article."""
    terms = [f"category-{t.slug}" for t in entry.categories]
    terms += [f"tag-{t.slug}" for t in entry.tags]
    thumb = " has-post-thumbnail" if entry.image else ""
    return (
        f"post-{entry.post_id} post type-post status-publish format-standard{thumb} hentry "
        + " ".join(terms)
    )


def search_form(site: Site) -> str:
    return (
        f'<form role="search" method="get" class="search-form" action="{site.base_path}">'
        '<label><span class="screen-reader-text">Search for:</span>'
        '<input type="search" class="search-field" placeholder="Search &hellip;" value="" '
        'name="s"></label><button type="submit" class="search-submit" name="submit" '
        'value="Search">Search</button></form>'
    )


@lru_cache(maxsize=16)
def classic_widgets(site: Site, esc_name: str = "texturize") -> str:
    """Recent Posts, Categories dropdown and Tag Cloud as core classic widgets."""
    esc = texturize if esc_name == "texturize" else raw
    recent = "".join(
        f'<li><a href="{attr(e.permalink)}">{esc(e.heading)}</a></li>' for e in site.recent
    )
    options = "".join(
        f'<option class="level-0" value="{t.term_id}">{esc(t.name)}&nbsp;&nbsp;({t.count})</option>'
        for t in site.categories
    )
    return (
        f'<aside id="search-2" class="widget widget_search">{search_form(site)}</aside>'
        '<aside id="recent-posts-2" class="widget widget_recent_entries">'
        f'<h2 class="widget-title">Recent Posts</h2><nav aria-label="Recent Posts"><ul>{recent}'
        "</ul></nav></aside>"
        '<aside id="categories-2" class="widget widget_categories"><h2 class="widget-title">'
        f'Categories</h2><form action="{site.home}" method="get"><label class="screen-reader-text" '
        'for="cat">Categories</label><select name="cat" id="cat" class="postform">'
        f'<option value="-1">Select Category</option>{options}</select></form>'
        '<script>(function(){var d=document.getElementById("cat");d.onchange=function(){'
        "if(d.options[d.selectedIndex].value>0){d.parentNode.submit();}};})();</script></aside>"
        '<aside id="tag_cloud-2" class="widget widget_tag_cloud"><h2 class="widget-title">Tags'
        f'</h2><div class="tagcloud">{tag_cloud(site, esc)}</div></aside>'
    )


def tag_cloud(site: Site, esc=raw) -> str:
    top = max((t.count for t in site.tags), default=1)
    links = []
    for pos, t in enumerate(site.tags, 1):
        size = 8 + round(14 * t.count / top, 1)
        links.append(
            f'<a href="{attr(t.url)}" class="tag-cloud-link tag-link-{t.term_id} '
            f'tag-link-position-{pos}" style="font-size: {size}pt;" aria-label="'
            f'{attr(t.name)} ({t.count} items)">{esc(t.name)}</a>'
        )
    return "\n".join(links)


def yoast_head(ctx: Listing | Article, *, json_ld: bool) -> str:
    """Yoast SEO meta block: canonical, Open Graph and optionally the schema graph."""
    site = ctx.site
    if isinstance(ctx, Article):
        url, title, kind = ctx.entry.permalink, f"{ctx.entry.heading} – {SITE_NAME}", "article"
        extra = (
            f'<meta property="article:published_time" content="{iso(ctx.entry.published)}" />'
            '<meta name="author" content="BMJ Leader" />'
        )
    else:
        url, title, kind, extra = ctx.url, ctx.title, "website", ""
    out = (
        f'<link rel="canonical" href="{attr(url)}" />'
        '<meta property="og:locale" content="en_GB" />'
        f'<meta property="og:type" content="{kind}" />'
        f'<meta property="og:title" content="{attr(title)}" />'
        f'<meta property="og:url" content="{attr(url)}" />'
        f'<meta property="og:site_name" content="{SITE_NAME}" />{extra}'
        '<meta name="twitter:card" content="summary_large_image" />'
    )
    if json_ld:
        page_type = "WebPage" if kind == "article" else "CollectionPage"
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": page_type, "@id": url, "url": url, "name": title, "inLanguage": "en-GB"},
                {
                    "@type": "WebSite",
                    "@id": f"{site.home}#website",
                    "url": site.home,
                    "name": SITE_NAME,
                    "potentialAction": [
                        {
                            "@type": "SearchAction",
                            "target": f"{site.home}?s={{search_term_string}}",
                            "query-input": "required name=search_term_string",
                        }
                    ],
                },
            ],
        }
        data = json.dumps(graph, ensure_ascii=False).replace("</", "<\\/")
        out += f'<script type="application/ld+json" class="yoast-schema-graph">{data}</script>'
    return out


def paginate_links(ctx: Listing, *, mid_size: int, prev_text: str, next_text: str) -> list[str]:
    """``paginate_links()`` items: prev, numbers with dots (end_size 1), next."""
    items = []
    if ctx.prev_url:
        items.append(f'<a class="prev page-numbers" href="{attr(ctx.prev_url)}">{prev_text}</a>')
    shown = sorted({1, ctx.last_page} | set(range(ctx.page - mid_size, ctx.page + mid_size + 1)))
    before = 0
    for n in shown:
        if not 1 <= n <= ctx.last_page:
            continue
        if n > before + 1:
            items.append('<span class="page-numbers dots">&hellip;</span>')
        if n == ctx.page:
            items.append(f'<span aria-current="page" class="page-numbers current">{n}</span>')
        else:
            items.append(f'<a class="page-numbers" href="{attr(ctx.page_url(n))}">{n}</a>')
        before = n
    if ctx.next_url:
        items.append(f'<a class="next page-numbers" href="{attr(ctx.next_url)}">{next_text}</a>')
    return items
