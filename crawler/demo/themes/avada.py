"""``avada``: Avada's Fusion Builder Blog element (large layout) with unlinked titles.

The home page is a builder page holding one Blog element with "Link Title To Post" off
and the image rollover off. So a post's title is a plain ``h2.blog-shortcode-post-title``
with no link; the featured image (when the post has one) is linked to the post; and
every post is linked by "Read More" in ``div.fusion-meta-info`` AFTER the excerpt,
beside the byline, date, category and comment links. The posts' container is named
for its pagination mode (``fusion-posts-container-pagination``). Excerpts are 40 words
with Avada's ASCII ``[...]``. Pagination: ``div.pagination`` with ``span.current``,
``a.inactive`` numbers and ``a.pagination-next`` "Next". Raw UTF-8 text; Yoast head
with JSON-LD; classic widgets in a right sidebar.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._common import (
    SITE_NAME,
    TAGLINE,
    Article,
    Entry,
    Listing,
    Site,
    attr,
    classic_widgets,
    iso,
    post_classes,
    raw,
    search_form,
    yoast_head,
)

R = raw
_WORDS = 40
_WP_SPACE = re.compile(r"[\n\r\t ]+")


def _date(entry: Entry) -> str:
    day = entry.published.day
    suffix = "th" if 11 <= day % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{entry.published:%B} {day}{suffix}, {entry.published.year}"


def _excerpt(entry: Entry) -> str:
    """The excerpt cut as Avada cuts it: 40 words (split as WordPress does: not on U+00A0)."""
    words = _WP_SPACE.split(entry.teaser.removesuffix(" […]"))
    return " ".join(words[:_WORDS]) + " [...]" if len(words) > _WORDS else entry.teaser


def _head(ctx: Listing | Article, title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html class="avada-html-layout-wide avada-html-header-position-top" '
        'lang="en-GB">\n<head>\n<meta http-equiv="X-UA-Compatible" content="IE=edge" />\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'
        f"<title>{R(title)}</title>\n{yoast_head(ctx, json_ld=True)}\n"
        "<link rel='stylesheet' id='fusion-dynamic-css-css' href='"
        f"{ctx.site.asset('fusion-styles/0b8d7e5f.min.css')}' type='text/css' media='all' />\n"
        "</head>\n"
    )


@lru_cache(maxsize=8)
def _header(site: Site) -> str:
    menu = "".join(
        f'<li class="menu-item menu-item-type-{kind}"><a href="{site.home}{path}" '
        f'class="fusion-bar-highlight"><span class="menu-text">{label}</span></a></li>'
        for kind, path, label in (
            ("post_type menu-item-home", "", "Blog"),
            ("taxonomy", "category/blog-series/", "Blog series"),
            ("post_type", "about/", "About"),
        )
    )
    return (
        '<a class="skip-link screen-reader-text" href="#content">Skip to content</a>\n'
        '<div id="boxed-wrapper"><div id="wrapper" class="fusion-wrapper">\n'
        '<header class="fusion-header-wrapper"><div class="fusion-header-v3 fusion-logo-left">'
        '<div class="fusion-secondary-header"><div class="fusion-row">'
        '<div class="fusion-alignleft">'
        f'<div class="fusion-contact-info"><span>{R(TAGLINE)}</span></div></div></div></div>'
        '<div class="fusion-header"><div class="fusion-row"><div class="fusion-logo">'
        f'<a class="fusion-logo-link" href="{site.home}"><img src="{site.home}files/2023/01/'
        f'logo.png" width="300" height="64" alt="{SITE_NAME} Logo" class="fusion-standard-logo" />'
        '</a></div><nav class="fusion-main-menu" aria-label="Main Menu"><ul id="menu-main" '
        f'class="fusion-menu">{menu}<li class="fusion-custom-menu-item fusion-main-menu-search">'
        '<a class="fusion-main-menu-icon" href="#" aria-label="Search" role="button"></a>'
        f'<div class="fusion-custom-menu-item-contents">{search_form(site)}</div></li></ul></nav>'
        "</div></div></div></header>\n"
    )


def _title_bar(site: Site, title: str) -> str:
    return (
        '<section class="avada-page-titlebar-wrapper" aria-label="Page Title Bar">'
        '<div class="fusion-page-title-bar fusion-page-title-bar-none"><div class="fusion-page-'
        f'title-row"><div class="fusion-page-title-captions"><h1 class="entry-title">{R(title)}'
        '</h1></div><div class="fusion-page-title-secondary"><nav class="fusion-breadcrumbs" '
        f'aria-label="Breadcrumb"><ol class="awb-breadcrumb-list"><li><a href="{site.home}">Home'
        f'</a></li><li aria-current="page"><span class="breadcrumb-leaf">{R(title)}</span></li>'
        "</ol></nav></div></div></div></section>\n"
    )


@lru_cache(maxsize=8)
def _sidebar_and_footer(site: Site) -> str:
    return (
        '</section>\n<aside id="sidebar" class="sidebar fusion-widget-area fusion-content-widget-'
        'area fusion-sidebar-right fusion-blogsidebar" role="complementary">'
        f"{classic_widgets(site, 'raw')}"
        "</aside>\n</div></main>\n"
        '<div class="fusion-footer"><footer id="footer" class="fusion-footer-copyright-area"><div '
        'class="fusion-row"><div class="fusion-copyright-notice"><div>Copyright 2023 BMJ '
        "Publishing Group Ltd | All Rights Reserved</div></div></div></footer></div>\n"
        "</div></div>\n"
        f'<script src="{site.asset("js/fusion-blog.js")}?ver=7.11.2"></script>\n</body>\n</html>\n'
    )


def _meta_info(e: Entry, site: Site, read_more: bool) -> str:
    cats = ", ".join(
        f'<a href="{attr(t.url)}" rel="category tag">{R(t.name)}</a>' for t in e.categories
    )
    more = (
        f'<div class="fusion-alignright"><a class="fusion-read-more" href="{attr(e.href)}" '
        f'aria-label="More on {attr(e.heading)}">Read More</a></div>'
        if read_more
        else ""
    )
    return (
        '<div class="fusion-meta-info"><div class="fusion-alignleft">By <span class="vcard">'
        f'<span class="fn"><a href="{site.home}author/bmjleader/" title="Posts by BMJ Leader" '
        'rel="author">BMJ Leader</a></span></span><span class="fusion-inline-sep">|</span>'
        f'<span class="updated rich-snippet-hidden">{iso(e.published)}</span><span>{_date(e)}'
        f'</span><span class="fusion-inline-sep">|</span>Categories: {cats}<span class="fusion-'
        f'inline-sep">|</span><span class="fusion-comments"><a href="{attr(e.href)}#respond">0 '
        f"Comments</a></span></div>{more}</div>"
    )


def _entry(e: Entry, site: Site) -> str:
    image = (
        '<div class="fusion-flexslider flexslider fusion-post-slideshow"><ul class="slides"><li>'
        '<div class="fusion-image-wrapper fusion-image-size-fixed" aria-haspopup="true">'
        f'<a href="{attr(e.href)}" aria-label="{attr(e.heading)}"><img width="669" height="272" '
        f'src="{attr(e.image)}" class="attachment-blog-large size-blog-large wp-post-image" '
        'alt="" decoding="async" /></a></div></li></ul></div>'
        if e.image
        else ""
    )
    return (
        f'<article id="blog-1-post-{e.post_id}" class="fusion-post-large {post_classes(e)}">\n'
        f'{image}<div class="fusion-post-content post-content"><h2 class="blog-shortcode-post-'
        f'title entry-title">{R(e.heading)}</h2><div class="fusion-post-content-container"><p>'
        f'{R(_excerpt(e))}</p></div></div><div class="fusion-clearfix"></div>'
        f"{_meta_info(e, site, True)}</article>\n"
    )


def _pagination(ctx: Listing) -> str:
    if ctx.last_page == 1:
        return ""
    out = ['<div class="pagination clearfix">']
    if ctx.prev_url:
        out.append(
            f'<a class="pagination-prev" rel="prev" href="{attr(ctx.prev_url)}"><span class="'
            'page-prev"></span><span class="page-text">Previous</span></a>'
        )
    for n in range(max(1, ctx.page - 1), min(ctx.last_page, ctx.page + 1) + 1):
        if n == ctx.page:
            out.append(f'<span class="current">{n}</span>')
        else:
            out.append(f'<a href="{attr(ctx.page_url(n))}" class="inactive">{n}</a>')
    if ctx.next_url:
        out.append(
            f'<a class="pagination-next" rel="next" href="{attr(ctx.next_url)}"><span class="'
            'page-text">Next</span><span class="page-next"></span></a>'
        )
    return "".join(out) + '</div><div class="fusion-clearfix"></div>\n'


def listing(ctx: Listing) -> str:
    """Render one listing page."""
    body_class = f"archive tag tag-{ctx.tag.slug}" if ctx.tag else "home page-template-default"
    if ctx.page > 1:
        body_class += f" paged paged-{ctx.page}"
    return "".join(
        [
            _head(ctx, ctx.title),
            f'<body class="{body_class} fusion-body ltr avada-blog-layout-large">\n',
            _header(ctx.site),
            _title_bar(ctx.site, ctx.heading if ctx.tag else "Blog"),
            '<main id="main" class="clearfix"><div class="fusion-row">\n<section id="content" '
            'style="width: 71%;"><div class="post-content"><div class="fusion-fullwidth '
            'fullwidth-box fusion-builder-row-1"><div class="fusion-builder-row fusion-row">'
            '<div class="fusion-layout-column fusion_builder_column fusion-one-full"><div class="'
            'fusion-column-wrapper"><div class="fusion-blog-shortcode fusion-blog-shortcode-1 '
            'fusion-blog-archive fusion-blog-layout-large fusion-blog-pagination">\n'
            '<div class="fusion-posts-container fusion-posts-container-pagination fusion-blog-'
            f'rollover" data-pages="{ctx.last_page}">\n',
            *(_entry(e, ctx.site) for e in ctx.entries),
            "</div>\n",
            _pagination(ctx),
            "</div></div></div></div></div></div>\n",
            _sidebar_and_footer(ctx.site),
        ]
    )


def article(ctx: Article) -> str:
    """Render a single post page (the theme's single.php, related posts below)."""
    e = ctx.entry
    body = "".join(f"<p>{R(p)}</p>\n" for p in ctx.paragraphs)
    related = "".join(
        f'<li class="swiper-slide"><div class="fusion-carousel-item-wrapper"><div class="fusion-'
        f'rollover"><a class="fusion-rollover-link" href="{attr(o.permalink)}">{R(o.heading)}</a>'
        f'<h4 class="fusion-rollover-title"><a href="{attr(o.permalink)}">{R(o.heading)}</a></h4>'
        "</div></div></li>"
        for o in (ctx.older, ctx.newer)
        if o is not None
    )
    image = (
        '<div class="fusion-flexslider flexslider post-slideshow fusion-post-slideshow"><ul '
        f'class="slides"><li><a href="{attr(e.image)}" data-rel="iLightbox[gallery{e.post_id}]" '
        f'aria-label="{attr(e.heading)}"><span class="screen-reader-text">View Larger Image</span>'
        f'<img width="1200" height="675" src="{attr(e.image)}" class="wp-post-image" alt="" />'
        "</a></li></ul></div>"
        if e.image
        else ""
    )
    return "".join(
        [
            _head(ctx, f"{e.heading} - {SITE_NAME}"),
            f'<body class="post-template-default single single-post postid-{e.post_id} '
            'fusion-body ltr">\n',
            _header(ctx.site),
            _title_bar(ctx.site, "Blog"),
            '<main id="main" class="clearfix"><div class="fusion-row">\n<section id="content" '
            'style="width: 71%;">\n',
            f'<article id="post-{e.post_id}" class="{post_classes(e)}">{image}'
            f'<h1 class="entry-title fusion-post-title">{R(e.heading)}</h1>'
            f'<div class="post-content">\n{body}</div>\n{_meta_info(e, ctx.site, False)}'
            '<div class="fusion-sharing-box fusion-single-sharing-box"><h4>Share This Story, '
            "Choose Your Platform!</h4></div>"
            '<section class="related-posts single-related-posts"><div class="fusion-title"><h3 '
            'class="title-heading-left">Related Posts</h3></div><div class="awb-carousel"><ul '
            f'class="swiper-wrapper">{related}</ul></div></section></article>\n',
            _sidebar_and_footer(ctx.site),
        ]
    )
