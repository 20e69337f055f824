"""``bmj-hero``: the current BMJ Leader layout as research/markup.md 1.4 sketches it.

``_s``-derived classes; the first post of every page is a hero in ``div.featured-post``,
then ``Latest articles`` (or ``Tag: X``), then ``article.post`` entries and
``the_posts_navigation()``. Typography as ``&#8217;`` entities; Yoast head with JSON-LD
and ``rel=prev/next``.
"""

from __future__ import annotations

from ._common import (
    SITE_NAME,
    Article,
    Entry,
    Listing,
    Site,
    attr,
    classic_widgets,
    iso,
    post_classes,
    search_form,
    texturize,
    yoast_head,
)

T = texturize


def _head(ctx: Listing | Article, title: str) -> str:
    site = ctx.site
    rel = ""
    if isinstance(ctx, Listing):
        if ctx.prev_url:
            rel += f'<link rel="prev" href="{attr(ctx.prev_url)}" />'
        if ctx.clean_next_url:
            rel += f'<link rel="next" href="{attr(ctx.clean_next_url)}" />'
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<link rel="profile" href="https://gmpg.org/xfn/11">\n'
        f"<title>{T(title)}</title>\n"
        '<meta name="robots" content="index, follow, max-image-preview:large" />\n'
        f"{yoast_head(ctx, json_ld=True)}{rel}\n"
        f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Feed" '
        f'href="{site.home}feed/" />\n'
        f'<link rel="stylesheet" id="wp-block-library-css" href="{site.origin}'
        '/wp-includes/css/dist/block-library/style.min.css?ver=6.3.2" media="all" />\n'
        f'<link rel="stylesheet" id="bmj-style-css" href="{site.asset("style.css")}?ver=1.4.2" '
        'media="all" />\n</head>\n'
    )


def _header(site: Site) -> str:
    return (
        '<div id="page" class="site"><a class="skip-link screen-reader-text" href="#primary">'
        'Skip to content</a>\n<header id="masthead" class="site-header"><div class="site-branding">'
        f'<a href="{site.home}" class="custom-logo-link" rel="home"><img src="{site.home}files/'
        '2019/01/bmj-leader-logo.png" class="custom-logo" alt="BMJ Leader" width="240" '
        'height="60"></a>'
        f'<p class="site-title"><a href="{site.home}" rel="home">{SITE_NAME}</a></p></div>\n'
        '<nav id="site-navigation" class="main-navigation"><button class="menu-toggle" '
        'aria-controls="primary-menu" aria-expanded="false">Menu</button><ul id="primary-menu" '
        f'class="menu"><li class="menu-item current-menu-item"><a href="{site.home}">Home</a></li>'
        f'<li class="menu-item"><a href="{site.home}about/">About</a></li>'
        '<li class="menu-item"><a href="https://bmjleader.bmj.com/">BMJ Leader journal</a></li>'
        f'<li class="menu-item"><a href="{site.home}submit-a-blog/">Submit a blog</a></li></ul>'
        f"</nav>{search_form(site)}</header>\n"
        '<div id="content" class="site-content"><div id="primary" class="content-area">'
        '<main id="main" class="site-main">\n'
    )


def _footer(site: Site) -> str:
    return (
        f'</main></div>\n<aside id="secondary" class="widget-area">{classic_widgets(site)}'
        '</aside></div>\n<footer id="colophon" class="site-footer"><div class="site-info">'
        '&copy; BMJ Publishing Group Limited. <a href="https://www.bmj.com/company/'
        'legal-information/">Terms and conditions</a> | <a href="https://www.bmj.com/company/'
        'your-privacy/">Privacy</a></div></footer></div>\n'
        f'<script src="{site.asset("js/navigation.js")}?ver=1.4.2" id="bmj-navigation-js">'
        "</script>\n</body>\n</html>\n"
    )


def _entry(e: Entry) -> str:
    href = attr(e.href)
    image = (
        f'<a class="post-thumbnail" href="{href}" aria-hidden="true" tabindex="-1"><img '
        f'width="640" height="360" src="{attr(e.image)}" class="attachment-large size-large '
        'wp-post-image" alt="" decoding="async"></a>'
        if e.image
        else ""
    )
    return (
        f'<article id="post-{e.post_id}" class="{post_classes(e)}">{image}\n'
        f'<h2 class="entry-title"><a href="{href}" rel="bookmark">{T(e.heading)}</a></h2>\n'
        f'<div class="entry-summary"><p>{T(e.teaser)}</p>\n</div>'
        f'<a class="read-more" href="{href}">Read More&#8230;</a>\n</article>\n'
    )


def listing(ctx: Listing) -> str:
    """Render one listing page."""
    site = ctx.site
    tag = f" archive tag tag-{ctx.tag.slug} tag-{ctx.tag.term_id}" if ctx.tag else " home blog"
    paged = f" paged paged-{ctx.page}" if ctx.page > 1 else ""
    if ctx.tag:
        heading = (
            f'<header class="page-header"><h1 class="page-title">{T(ctx.heading)}</h1></header>'
        )
    else:
        heading = f'<h2 class="section-title">{ctx.heading}</h2>'
    hero, *rest = ctx.entries
    nav = ""
    if ctx.next_url or ctx.prev_url:
        older = (
            f'<div class="nav-previous"><a href="{attr(ctx.next_url)}">Older posts</a></div>'
            if ctx.next_url
            else ""
        )
        newer = (
            f'<div class="nav-next"><a href="{attr(ctx.prev_url)}">Newer posts</a></div>'
            if ctx.prev_url
            else ""
        )
        nav = (
            '<nav class="navigation posts-navigation" aria-label="Posts"><h2 class="screen-'
            f'reader-text">Posts navigation</h2><div class="nav-links">{older}{newer}</div></nav>'
        )
    return "".join(
        [
            _head(ctx, ctx.title),
            f'<body class="{tag.strip()}{paged} hfeed">\n',
            _header(site),
            f'<div class="featured-post">\n{_entry(hero)}</div>\n{heading}\n',
            *map(_entry, rest),
            nav,
            _footer(site),
        ]
    )


def article(ctx: Article) -> str:
    """Render a single post page."""
    e = ctx.entry
    body = "".join(f"<p>{T(p)}</p>\n" for p in ctx.paragraphs)
    links = []
    if ctx.older:
        links.append(
            f'<div class="nav-previous"><a href="{attr(ctx.older.permalink)}" rel="prev">'
            f'<span class="nav-title">{T(ctx.older.heading)}</span></a></div>'
        )
    if ctx.newer:
        links.append(
            f'<div class="nav-next"><a href="{attr(ctx.newer.permalink)}" rel="next">'
            f'<span class="nav-title">{T(ctx.newer.heading)}</span></a></div>'
        )
    tags = ", ".join(f'<a href="{attr(t.url)}" rel="tag">{T(t.name)}</a>' for t in e.tags)
    return "".join(
        [
            _head(ctx, f"{e.heading} – {SITE_NAME}"),
            f'<body class="post-template-default single single-post postid-{e.post_id} '
            'single-format-standard">\n',
            _header(ctx.site),
            f'<article id="post-{e.post_id}" class="{post_classes(e)}">\n<header class="entry-'
            f'header"><h1 class="entry-title">{T(e.heading)}</h1></header>\n'
            f'<div class="entry-content">\n{body}</div>\n<footer class="entry-footer">'
            f'<time class="entry-date published" datetime="{iso(e.published)}"></time>'
            f'<span class="tags-links">Tagged {tags}</span></footer>\n</article>\n'
            '<nav class="navigation post-navigation" aria-label="Posts"><h2 class="screen-reader-'
            f'text">Post navigation</h2><div class="nav-links">{"".join(links)}</div></nav>\n',
            _footer(ctx.site),
        ]
    )
