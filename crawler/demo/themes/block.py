"""``block-theme``: Twenty Twenty-Four style full-site-editing block markup.

A Query Loop: ``ul.wp-block-post-template > li.wp-block-post`` with ``h2.wp-block-post-title``,
``div.wp-block-post-excerpt`` (excerpt paragraph plus a separate ``more-text`` paragraph)
and ``div.wp-block-post-date``. No hero, no ``<article>``; "Latest Posts" block instead of
classic widgets; ``nav.wp-block-query-pagination`` with "Next Page". Raw UTF-8.
"""

from __future__ import annotations

from functools import lru_cache

from ._common import (
    SITE_NAME,
    TAGLINE,
    Article,
    Entry,
    Listing,
    Site,
    attr,
    iso,
    paginate_links,
    raw,
    search_form,
    tag_cloud,
    yoast_head,
)

T = raw
_LAYOUT = "is-layout-constrained wp-block-group-is-layout-constrained"


def _head(ctx: Listing | Article, title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="UTF-8" />\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f"<title>{T(title)}</title>\n{yoast_head(ctx, json_ld=False)}\n"
        '<style id="wp-block-library-inline-css">.wp-block-post-title{box-sizing:border-box}'
        "</style>\n"
        f'<link rel="stylesheet" id="twentytwentyfour-css" href="{ctx.site.asset("style.css")}'
        '?ver=1.0" media="all" />\n</head>\n'
    )


def _header(site: Site) -> str:
    return (
        '<div class="wp-site-blocks"><header class="wp-block-template-part">'
        f'<div class="wp-block-group alignwide {_LAYOUT}"><p class="wp-block-site-title">'
        f'<a href="{site.home}" target="_self" rel="home">{SITE_NAME}</a></p>'
        f'<p class="wp-block-site-tagline">{T(TAGLINE)}</p><nav class="is-responsive '
        'wp-block-navigation" aria-label="Header navigation"><ul class="wp-block-navigation__'
        f'container"><li class="wp-block-navigation-item"><a class="wp-block-navigation-item__'
        f'content" href="{site.home}about/">About</a></li><li class="wp-block-navigation-item">'
        f'<a class="wp-block-navigation-item__content" href="{site.home}contact/">Contact</a>'
        f"</li></ul></nav>{search_form(site)}</div></header>\n"
        f'<main class="wp-block-group {_LAYOUT}" style="margin-top:0">\n'
    )


@lru_cache(maxsize=8)
def _footer(site: Site) -> str:
    latest = "".join(
        f'<li><a class="wp-block-latest-posts__post-title" href="{attr(e.permalink)}">'
        f"{T(e.heading)}</a></li>"
        for e in site.recent
    )
    options = "".join(
        f'<option class="level-0" value="{t.term_id}">{T(t.name)}\u00a0\u00a0({t.count})</option>'
        for t in site.categories
    )
    return (
        '</main>\n<footer class="wp-block-template-part"><div class="wp-block-columns '
        'alignwide"><div class="wp-block-column"><h2 class="wp-block-heading">Recent Posts</h2>'
        f'<ul class="wp-block-latest-posts__list wp-block-latest-posts">{latest}</ul></div>'
        '<div class="wp-block-column"><div class="wp-block-categories-dropdown wp-block-'
        'categories"><label class="wp-block-categories__label" for="wp-block-categories-1">'
        f'Categories</label><form action="{site.home}" method="get"><select name="cat" '
        'id="wp-block-categories-1" class="postform"><option value="-1">Select Category'
        f"</option>{options}</select></form></div></div>"
        f'<div class="wp-block-column"><p class="wp-block-tag-cloud">{tag_cloud(site)}</p></div>'
        '</div><p class="has-small-font-size">Designed with <a href="https://wordpress.org" '
        'rel="nofollow">WordPress</a></p></footer></div>\n'
        f'<script src="{site.origin}/wp-includes/blocks/navigation/view.min.js?ver=6.4.2" '
        'id="wp-block-navigation-view-js"></script>\n</body>\n</html>\n'
    )


def _item(e: Entry) -> str:
    href = attr(e.href)
    image = (
        f'<figure style="aspect-ratio:3/2;" class="wp-block-post-featured-image"><a href="{href}" '
        f'target="_self"><img width="1024" height="683" src="{attr(e.image)}" class="attachment-'
        'post-thumbnail size-post-thumbnail wp-post-image" alt="" style="object-fit:cover;" '
        'decoding="async" /></a></figure>'
        if e.image
        else ""
    )
    return (
        f'<li class="wp-block-post post-{e.post_id} post type-post status-publish format-standard '
        f'hentry">\n<div class="wp-block-group {_LAYOUT}">{image}'
        f'<h2 class="wp-block-post-title has-x-large-font-size"><a href="{href}" target="_self">'
        f'{T(e.heading)}</a></h2>\n<div class="wp-block-post-excerpt"><p class="wp-block-post-'
        f'excerpt__excerpt">{T(e.teaser)} </p><p class="wp-block-post-excerpt__more-text">'
        f'<a class="wp-block-post-excerpt__more-link" href="{href}">Read more</a></p></div>\n'
        f'<div class="wp-block-post-date has-small-font-size"><time datetime="{iso(e.published)}">'
        f'<a href="{href}">{e.published:%b} {e.published.day}, {e.published.year}</a></time></div>'
        "</div>\n</li>\n"
    )


def _pagination(ctx: Listing) -> str:
    if ctx.last_page == 1:
        return ""
    parts = []
    if ctx.prev_url:
        parts.append(
            f'<a href="{attr(ctx.prev_url)}" class="wp-block-query-pagination-previous">'
            '<span class="wp-block-query-pagination-previous-arrow is-arrow-arrow" '
            'aria-hidden="true">←</span>Previous Page</a>'
        )
    numbers = paginate_links(ctx, mid_size=2, prev_text="", next_text="")
    numbers = [n for n in numbers if "prev page-numbers" not in n and "next page-numbers" not in n]
    parts.append(f'<div class="wp-block-query-pagination-numbers">{"".join(numbers)}</div>')
    if ctx.next_url:
        parts.append(
            f'<a href="{attr(ctx.next_url)}" class="wp-block-query-pagination-next">Next Page'
            '<span class="wp-block-query-pagination-next-arrow is-arrow-arrow" '
            'aria-hidden="true">→</span></a>'
        )
    return (
        '<nav class="wp-block-query-pagination is-content-justification-space-between '
        f'is-layout-flex" aria-label="Pagination">{"".join(parts)}</nav>\n'
    )


def listing(ctx: Listing) -> str:
    """Render one listing page."""
    body_class = f"archive tag tag-{ctx.tag.slug}" if ctx.tag else "home blog"
    if ctx.page > 1:
        body_class += f" paged paged-{ctx.page}"
    if ctx.tag:
        title = f'<h1 class="wp-block-query-title">Tag: <span>{T(ctx.tag.name)}</span></h1>\n'
    else:
        title = f'<h2 class="wp-block-heading alignwide">{ctx.heading}</h2>\n'
    return "".join(
        [
            _head(ctx, ctx.title),
            f'<body class="{body_class} wp-embed-responsive">\n',
            _header(ctx.site),
            title,
            '<div class="wp-block-query alignwide"><ul class="columns-1 wp-block-post-template '
            'is-layout-flow wp-block-post-template-is-layout-flow">\n',
            *map(_item, ctx.entries),
            "</ul>\n",
            _pagination(ctx),
            "</div>\n",
            _footer(ctx.site),
        ]
    )


def article(ctx: Article) -> str:
    """Render a single post page."""
    e = ctx.entry
    body = "".join(f'<p class="wp-block-paragraph">{T(p)}</p>\n' for p in ctx.paragraphs)
    terms = ", ".join(f'<a href="{attr(t.url)}" rel="tag">{T(t.name)}</a>' for t in e.tags)
    return "".join(
        [
            _head(ctx, f"{e.heading} – {SITE_NAME}"),
            f'<body class="post-template-default single single-post postid-{e.post_id}">\n',
            _header(ctx.site),
            f'<h1 class="wp-block-post-title">{T(e.heading)}</h1>\n<div class="wp-block-post-'
            f'date"><time datetime="{iso(e.published)}">{e.published:%b} {e.published.day}, '
            f'{e.published.year}</time></div>\n<div class="entry-content wp-block-post-content '
            f'{_LAYOUT}">\n{body}</div>\n<div class="taxonomy-post_tag wp-block-post-terms">'
            f"{terms}</div>\n",
            _footer(ctx.site),
        ]
    )
