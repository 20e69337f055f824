"""``enfold``: Kriesi's Enfold, a static front page built with its Advanced Layout Builder.

The home page is a builder page with a right sidebar, so ``avia_layout_class()`` writes
``sidebar_right`` on the ``div.container_wrap`` that holds ``main`` as well as on the
``aside`` sidebar. Above the listing a Post Slider element shows the three newest posts on
EVERY page (``article.slide-entry``: linked image, ``h3.slide-entry-title`` link, a
60-character excerpt cut with "…", the date). The Blog Posts element lists the page's
posts in the "multi-big" style: linked image, author avatar link, ``h2.post-title`` link
(holding an empty ``span.post-format-icon``), a meta line with date, comment, category and
author links, the excerpt with " [&hellip;]" and a "Read more" link, then
``av_blog_entry_markup_helper()``'s hidden structured data, which repeats the title.
Builder elements page themselves with ``?avia-element-paging=N`` (``PAGE_PARAM``), and a
page past the last still answers, with the slider alone. ``avia_pagination()``: "Page X
of Y", numbers (range 2), then "&rsaquo;" (next) and "&raquo;" (LAST page). Tag archives
are the theme's archive template with ``page/N/``. Entities as ``&#8217;``; Yoast head
with JSON-LD.
"""

from __future__ import annotations

from dataclasses import replace
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
    long_date,
    post_classes,
    texturize,
    yoast_head,
)

T = texturize
PAGE_PARAM = "avia-element-paging"
_SLIDES = 3
_AVATAR = "https://secure.gravatar.com/avatar/5f2c7b1a9d3e4f6a8b0c1d2e3f4a5b6c?s=81&#038;d=blank"


def _head(ctx: Listing | Article, title: str) -> str:
    # Yoast does not know the builder's page numbers: every one is the front page to it.
    seo = replace(ctx, page=1) if isinstance(ctx, Listing) and ctx.page_param else ctx
    return (
        '<!DOCTYPE html>\n<html lang="en-GB" class="html_stretched responsive '
        'html_header_top html_logo_left html_main_nav_header html_menu_right">\n<head>\n'
        '<meta charset="UTF-8" />\n<meta name="viewport" content="width=device-width, '
        f'initial-scale=1">\n<title>{T(title)}</title>\n{yoast_head(seo, json_ld=True)}\n'
        "<link rel='stylesheet' id='avia-merged-styles-css' href='"
        f"{ctx.site.asset('dynamic_avia/avia-merged-styles.css')}' type='text/css' media='all' />"
        "\n</head>\n"
    )


@lru_cache(maxsize=8)
def _header(site: Site) -> str:
    items = "".join(
        f'<li class="menu-item menu-item-top-level"><a href="{site.home}{path}" tabindex="0">'
        f'<span class="avia-bullet"></span><span class="avia-menu-text">{label}</span></a></li>'
        for path, label in (
            ("", "Home"),
            ("category/blog-series/", "Blog series"),
            ("about/", "About"),
        )
    )
    return (
        "<div id='wrap_all'>\n<header id='header' class='all_colors header_color "
        "light_bg_color av_header_top av_logo_left av_main_nav_header av_menu_right' "
        'role="banner" itemscope="itemscope" itemtype="https://schema.org/WPHeader">'
        "<div id='header_main' class='container_wrap container_wrap_logo'><div class='container "
        f"av-logo-container'><span class='logo avia-standard-logo'><a href='{site.home}'><img "
        f"src=\"{site.home}files/2023/01/logo.png\" alt='{SITE_NAME}' /></a></span><nav "
        'class=\'main_menu\' role="navigation"><div class="avia-menu av-main-nav-wrap"><ul '
        f'class="menu av-main-nav" id="avia-menu">{items}</ul></div></nav></div></div>'
        "<div class='header_bg'></div></header>\n<div id='main' class='all_colors' "
        "data-scroll-offset='88'>\n"
    )


def _title_container(site: Site, text: str) -> str:
    return (
        "<div class='stretch_full container_wrap alternate_color light_bg_color "
        f"title_container'><div class='container'><strong class='main-title entry-title'><a "
        f"href='{site.home}' rel='bookmark' title='Permanent Link: {attr(text)}'>{T(text)}</a>"
        "</strong></div></div>\n"
    )


@lru_cache(maxsize=8)
def _footer(site: Site) -> str:
    news = "".join(
        f'<li class="news-content post-format-standard"><div class="news-link"><a '
        f'class=\'news-title\' title="Read: {attr(e.heading)}" href="{attr(e.permalink)}">'
        f'{T(e.heading)}</a><span class="news-time">{long_date(e.published)}</span></div></li>'
        for e in site.recent[:3]
    )
    return (
        "<div class='container_wrap footer_color' id='footer'><div class='container'><div "
        'class=\'flex_column av_one_third first\'><section id="newsbox-2" class="widget '
        'clearfix avia-widget-container newsbox"><h3 class="widgettitle">Latest news</h3><ul '
        f'class="news-wrap image_size_widget">{news}</ul></section></div></div></div>\n'
        "<footer class='container_wrap socket_color' id='socket' role=\"contentinfo\"><div "
        f"class='container'><span class='copyright'>&copy; Copyright - {SITE_NAME} - Enfold "
        "Theme by Kriesi</span></div></footer>\n</div></div>\n"
        f'<script src="{site.asset("js/avia.js")}"></script>\n</body>\n</html>\n'
    )


def _sidebar(site: Site) -> str:
    return (
        "<aside class='sidebar sidebar_right smartphones_sidebar_active alpha units' "
        'role="complementary" itemscope="itemscope" itemtype="https://schema.org/WPSideBar">'
        f'<div class="inner_sidebar extralight-border">{classic_widgets(site)}</div></aside>\n'
    )


def _hidden_data(e: Entry) -> str:
    """``av_blog_entry_markup_helper()``: schema.org data in a span the CSS hides."""
    image = e.image or ""
    return (
        "<span class='hidden'><span class='av-structured-data' itemprop=\"image\" "
        f"itemscope=\"itemscope\" itemtype='https://schema.org/ImageObject'><span itemprop='url'>"
        f"{attr(image)}</span></span><span class='av-structured-data' itemprop=\"publisher\" "
        "itemtype='https://schema.org/Organization' itemscope='itemscope'><span itemprop='name'>"
        "BMJ Leader</span></span><span class='av-structured-data' itemprop=\"author\" "
        'itemscope="itemscope" itemtype="https://schema.org/Person"><span itemprop=\'name\'>'
        "BMJ Leader</span></span><span class='av-structured-data' itemprop=\"datePublished\" "
        f'datetime="{iso(e.published)}">{e.published} 09:30:00</span><span '
        'class=\'av-structured-data\' itemprop="mainEntityOfPage" itemtype="https://schema.org/'
        f"mainEntityOfPage\"><span itemprop='name'>{T(e.heading)}</span></span></span>"
    )


def _slide_excerpt(e: Entry) -> str:
    text = e.teaser.removesuffix(" […]")
    cut = text.find(" ", 60)
    return text if cut < 0 else text[:cut] + "…"


def _slider(site: Site) -> str:
    slides = []
    for k, e in enumerate(site.recent[:_SLIDES], 1):
        image = (
            f"<a href='{attr(e.permalink)}' data-rel='slide-1' class='slide-image' "
            f'title=\'{attr(e.heading)}\'><img width="495" height="400" src="{attr(e.image)}" '
            'class="wp-post-image" alt="" /></a>'
            if e.image
            else ""
        )
        slides.append(
            f"<article class='slide-entry flex_column post-entry post-entry-{e.post_id} "
            f"slide-entry-overview slide-loop-{k} av_one_third{' first' if k == 1 else ''}' "
            f'aria-label="Slide: {attr(e.heading)}" itemscope="itemscope" '
            f'itemtype="https://schema.org/BlogPosting" itemprop="blogPost">{image}'
            '<div class="slide-content"><header class="entry-content-header"><h3 class='
            f"'slide-entry-title entry-title' itemprop=\"headline\"><a href='{attr(e.permalink)}'"
            f" title='{attr(e.heading)}'>{T(e.heading)}</a></h3><span class=\"av-vertical-"
            "delimiter\"></span></header><div class='slide-entry-excerpt entry-content' "
            f'itemprop="text">{T(_slide_excerpt(e))}</div></div><footer class="entry-footer">'
            "<div class=\"slide-meta\"><time class='slide-meta-time updated' itemprop="
            f'"datePublished">{long_date(e.published)}</time></div></footer>{_hidden_data(e)}'
            "</article>"
        )
    return (
        "<div class='av-special-heading av-special-heading-h2 blockquote modern-quote'><h2 "
        "class='av-special-heading-tag' itemprop=\"headline\">Highlights</h2></div>\n"
        "<div class='avia-content-slider avia-content-grid-active avia-content-slider1 "
        "avia-content-slider-odd av-slideshow-ui av-control-default av-hide-nav-arrows "
        'av-no-slider-navigation av-slideshow-manual av-loop-once\' itemscope="itemscope" '
        'itemtype="https://schema.org/Blog"><div class="avia-content-slider-inner"><div class='
        f'"slide-entry-wrap">{"".join(slides)}</div></div></div>\n'
        "<div class='av-special-heading av-special-heading-h2 blockquote modern-quote'><h2 "
        "class='av-special-heading-tag' itemprop=\"headline\">All posts</h2></div>\n"
    )


def _entry(e: Entry, k: int, site: Site) -> str:
    preview = (
        f'<div class="big-preview multi-big"><a href="{attr(e.href)}" title="{attr(e.heading)}"'
        f'><img width="845" height="321" src="{attr(e.image)}" class="wp-post-image" alt="" />'
        "</a></div>"
        if e.image
        else ""
    )
    cats = ", ".join(f'<a href="{attr(t.url)}" rel="tag">{T(t.name)}</a>' for t in e.categories)
    return (
        f"<article class='post-entry post-entry-type-standard post-entry-{e.post_id} "
        f"post-loop-{k} post-parity-{'odd' if k % 2 else 'even'} multi-big "
        f'{post_classes(e)}\' itemscope="itemscope" itemtype="https://schema.org/BlogPosting" '
        f"itemprop=\"blogPost\">{preview}<div class='blog-meta'><a href='{site.home}author/"
        "bmjleader/' class='post-author-format-type'><span class='rounded-container'><img "
        f"alt='BMJ Leader' src='{_AVATAR}' class='avatar avatar-81 photo' height='81' width='81'"
        " /></span></a></div><div class='entry-content-wrapper clearfix standard-content'>"
        "<header class=\"entry-content-header\"><h2 class='post-title entry-title' itemprop="
        f"\"headline\"><a href='{attr(e.href)}' rel='bookmark' title='Permanent Link: "
        f"{attr(e.heading)}'>{T(e.heading)}<span class='post-format-icon minor-meta'></span></a>"
        "</h2><span class='post-meta-infos'><time class='date-container minor-meta updated' "
        f'itemprop="datePublished" datetime="{iso(e.published)}">{long_date(e.published)}</time>'
        "<span class='text-sep'>/</span><span class='comment-container minor-meta'><a href=\""
        f'{attr(e.href)}#respond" class="comments-link">0 Comments</a></span><span class='
        "'text-sep'>/</span><span class=\"blog-categories minor-meta\">in "
        f'{cats}</span><span class="text-sep">/</span><span class="blog-author minor-meta">by '
        '<span class="entry-author-link" itemprop="author"><span class="author"><span class="fn">'
        f'<a href="{site.home}author/bmjleader/" title="Posts by BMJ Leader" rel="author">BMJ '
        'Leader</a></span></span></span></span></span></header><div class="entry-content" '
        f'itemprop="text"><p>{T(e.teaser)}</p>\n<div class="read-more-link"><a href="'
        f'{attr(e.href)}" class="more-link">Read more<span class="more-link-arrow"></span></a>'
        "</div>\n</div><footer class=\"entry-footer\"></footer><div class='post_delimiter'>"
        f"</div></div><div class='post_author_timeline'></div>{_hidden_data(e)}</article>\n"
    )


def _pagination(ctx: Listing) -> str:
    """``avia_pagination()``: range 2, arrows only when there are more than five pages."""
    pages, n, show = ctx.last_page, ctx.page, 5
    if pages == 1:
        return ""
    link = ctx.page_url
    out = [f"<nav class='pagination'><span class='pagination-meta'>Page {n} of {pages}</span>"]
    if n > 3 and show < pages:
        out.append(f"<a href='{attr(link(1))}'>&laquo;</a>")
    if n > 1 and show < pages:
        out.append(f"<a href='{attr(link(n - 1))}'>&lsaquo;</a>")
    for i in range(1, pages + 1):
        if n - 3 < i < n + 3 or pages <= show:
            if i == n:
                out.append(f"<span class='current'>{i}</span>")
            else:
                cls = {n - 1: "inactive previous_page", n + 1: "inactive next_page"}.get(
                    i, "inactive"
                )
                href = ctx.next_url if i == n + 1 and ctx.next_url else link(i)
                out.append(f"<a href='{attr(href)}' class='{cls}' >{i}</a>")
    if n < pages and show < pages:
        out.append(f"<a href='{attr(ctx.next_url or link(n + 1))}'>&rsaquo;</a>")
    if n < pages - 1 and n + 1 < pages and show < pages:
        out.append(f"<a href='{attr(link(pages))}'>&raquo;</a>")
    return f"<div class='multi-big'>{''.join(out)}</nav></div>\n"


def listing(ctx: Listing) -> str:
    """Render one listing page: the builder's front page, or a tag archive."""
    site = ctx.site
    body_class = f"archive tag tag-{ctx.tag.slug}" if ctx.tag else "home page-template-default"
    if ctx.page > 1:
        body_class += f" paged paged-{ctx.page}" if ctx.tag else ""
    if ctx.tag:
        top, intro = _title_container(site, ctx.heading), ""
        main_class = "content av-content-small alpha units"
    else:
        top = ""
        intro = (
            '<section class=\'av_textblock_section\' itemscope="itemscope" itemtype="https://'
            f'schema.org/CreativeWork"><div class=\'avia_textblock\' itemprop="text"><h1>'
            f"{SITE_NAME}</h1><p>{T(TAGLINE)}.</p></div></section>\n{_slider(site)}"
        )
        main_class = "template-page content av-content-small alpha units"
    entries = "".join(_entry(e, k, site) for k, e in enumerate(ctx.entries, 1))
    if not ctx.entries:
        entries = "<p class='entry-content'>Sorry, no posts matched your criteria</p>\n"
    return "".join(
        [
            _head(ctx, ctx.title),
            f'<body id="top" class="{body_class} stretched" itemscope="itemscope" '
            'itemtype="https://schema.org/WebPage">\n',
            _header(site),
            top,
            "<div class='container_wrap container_wrap_first main_color sidebar_right'><div "
            f"class='container'><main class='{main_class}' role=\"main\" itemprop=\""
            "mainContentOfPage\"><div class='post-entry post-entry-type-page'><div class='entry-"
            f"content-wrapper clearfix'>\n{intro}<div class='av-blog-entries'>\n{entries}",
            _pagination(ctx) if ctx.entries else "",
            "</div></div></div></main>\n",
            _sidebar(site),
            "</div></div>\n",
            _footer(site),
        ]
    )


def article(ctx: Article) -> str:
    """Render a single post page (single.php through loop-index.php, right sidebar)."""
    e = ctx.entry
    body = "".join(f"<p>{T(p)}</p>\n" for p in ctx.paragraphs)
    cats = ", ".join(f'<a href="{attr(t.url)}" rel="tag">{T(t.name)}</a>' for t in e.categories)
    preview = (
        f'<div class="big-preview single-big"><a href="{attr(e.image)}" title="{attr(e.heading)}"'
        f'><img width="845" height="321" src="{attr(e.image)}" class="wp-post-image" alt="" />'
        "</a></div>"
        if e.image
        else ""
    )
    return "".join(
        [
            _head(ctx, f"{e.heading} – {SITE_NAME}"),
            f'<body id="top" class="post-template-default single single-post postid-{e.post_id} '
            'stretched">\n',
            _header(ctx.site),
            _title_container(ctx.site, "Blog"),
            "<div class='container_wrap container_wrap_first main_color sidebar_right'><div "
            "class='container template-blog template-single-blog'><main class='content units "
            'av-content-small alpha av-main-single\' role="main" itemprop="mainContentOfPage">',
            f"<article class='post-entry post-entry-type-standard post-entry-{e.post_id} "
            f"post-loop-1 post-parity-odd post-entry-last single-big {post_classes(e)}' "
            'itemscope="itemscope" itemtype="https://schema.org/BlogPosting" itemprop="blogPost">'
            f"{preview}<div class='blog-meta'></div><div class='entry-content-wrapper clearfix "
            "standard-content'><header class=\"entry-content-header\"><h1 class='post-title "
            f"entry-title' itemprop=\"headline\">{T(e.heading)}<span class='post-format-icon "
            "minor-meta'></span></h1><span class='post-meta-infos'><time class='date-container "
            f'minor-meta updated\' itemprop="datePublished" datetime="{iso(e.published)}">'
            f"{long_date(e.published)}</time><span class='text-sep'>/</span><span "
            f'class="blog-categories minor-meta">in {cats}</span><span class="text-sep">/</span>'
            '<span class="blog-author minor-meta">by <span class="entry-author-link" itemprop='
            f'"author"><span class="author"><span class="fn"><a href="{ctx.site.home}author/'
            'bmjleader/" rel="author">BMJ Leader</a></span></span></span></span></span></header>'
            f'<div class="entry-content" itemprop="text">\n{body}</div><footer class="entry-'
            'footer"><div class=\'av-social-sharing-box\'><div class="av-share-box"><h5 class='
            "'av-share-link-description'>Share this entry</h5></div></div></footer><div class="
            "'post_delimiter'></div></div><div class='post_author_timeline'></div>"
            f"{_hidden_data(e)}</article>\n</main>\n",
            _sidebar(ctx.site),
            "</div></div>\n",
            _footer(ctx.site),
        ]
    )
