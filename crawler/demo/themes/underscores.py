"""``underscores-numbers``: a stock ``_s`` (Underscores) theme, as BMJ blogs used in 2018.

No hero: every post is ``article.post > header.entry-header > h2.entry-title``, with an
``entry-meta`` line (date and the CMS uploader), the teaser in ``div.entry-content`` ending
with a ``more-link`` ("Continue reading"), and an ``entry-footer``. Numbered
``the_posts_pagination()``. Entities as ``&#8217;``; Yoast head without JSON-LD or rel links.
"""

from __future__ import annotations

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
    paginate_links,
    post_classes,
    texturize,
    yoast_head,
)

T = texturize


def _head(ctx: Listing | Article, title: str) -> str:
    return (
        '<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{T(title)}</title>\n{yoast_head(ctx, json_ld=False)}\n"
        f'<link rel="stylesheet" id="underscores-style-css" href="{ctx.site.asset("style.css")}'
        '?ver=1.0.0" media="all" />\n'
        f'<link rel="https://api.w.org/" href="{ctx.site.home}wp-json/" />\n</head>\n'
    )


def _header(site: Site) -> str:
    return (
        '<div id="page" class="site">\n<a class="skip-link screen-reader-text" href="#primary">'
        'Skip to content</a>\n<header id="masthead" class="site-header"><div class="site-branding">'
        f'<h1 class="site-title"><a href="{site.home}" rel="home">{SITE_NAME}</a></h1>'
        f'<p class="site-description">{TAGLINE}</p></div>\n<nav id="site-navigation" '
        'class="main-navigation"><div class="menu-main-container"><ul id="primary-menu" '
        f'class="menu"><li class="menu-item"><a href="{site.home}">Latest</a></li>'
        f'<li class="menu-item"><a href="{site.home}authors/">Authors</a></li>'
        f'<li class="menu-item"><a href="{site.home}topics/">Topics</a></li></ul></div></nav>'
        "</header>\n"
        f'<main id="primary" class="site-main">\n'
    )


def _footer(site: Site) -> str:
    return (
        f'</main>\n<aside id="secondary" class="widget-area">{classic_widgets(site)}</aside>\n'
        '<footer id="colophon" class="site-footer"><div class="site-info"><a href="https://'
        'wordpress.org/">Proudly powered by WordPress</a><span class="sep"> | </span>Theme: '
        'underscores by <a href="https://automattic.com/">Automattic</a>.</div></footer>\n'
        f'</div>\n<script src="{site.asset("js/navigation.js")}?ver=1.0.0" '
        'id="underscores-navigation-js"></script>\n</body>\n</html>\n'
    )


def _meta(e: Entry, site: Site) -> str:
    return (
        f'<div class="entry-meta"><span class="posted-on">Posted on <a href="{attr(e.href)}" '
        f'rel="bookmark"><time class="entry-date published updated" datetime="{iso(e.published)}">'
        f'{long_date(e.published)}</time></a></span><span class="byline"> by <span class="author '
        f'vcard"><a class="url fn n" href="{site.home}author/bmjleader/">'
        "BMJ Leader</a></span></span></div>"
    )


def _terms(e: Entry) -> str:
    cats = ", ".join(
        f'<a href="{attr(t.url)}" rel="category tag">{T(t.name)}</a>' for t in e.categories
    )
    tags = ", ".join(f'<a href="{attr(t.url)}" rel="tag">{T(t.name)}</a>' for t in e.tags)
    return (
        f'<footer class="entry-footer"><span class="cat-links">Posted in {cats}</span>'
        + (f'<span class="tags-links">Tagged {tags}</span>' if tags else "")
        + f'<span class="comments-link"><a href="{attr(e.href)}#respond">Leave a Comment'
        f'<span class="screen-reader-text"> on {T(e.heading)}</span></a></span></footer>'
    )


def _entry(e: Entry, site: Site) -> str:
    href = attr(e.href)
    return (
        f'<article id="post-{e.post_id}" class="{post_classes(e)}">\n<header class="entry-header">'
        f'<h2 class="entry-title"><a href="{href}" rel="bookmark">{T(e.heading)}</a></h2>'
        f"{_meta(e, site)}</header>\n"
        f'<div class="entry-content"><p>{T(e.teaser)} <a href="{href}" class="more-link">'
        f'Continue reading <span class="screen-reader-text">&#8220;{T(e.heading)}&#8221;</span>'
        f"</a></p>\n</div>\n{_terms(e)}\n</article>\n"
    )


def listing(ctx: Listing) -> str:
    """Render one listing page."""
    body_class = f"archive tag tag-{ctx.tag.slug}" if ctx.tag else "home blog"
    if ctx.page > 1:
        body_class += f" paged paged-{ctx.page}"
    header = (
        f'<header class="page-header"><h1 class="page-title">{T(ctx.heading)}</h1></header>\n'
        if ctx.tag
        else ""
    )
    items = paginate_links(ctx, mid_size=1, prev_text="Previous", next_text="Next")
    nav = (
        '<nav class="navigation pagination" aria-label="Posts"><h2 class="screen-reader-text">'
        f'Posts navigation</h2><div class="nav-links">{"".join(items)}</div></nav>\n'
        if ctx.last_page > 1
        else ""
    )
    return "".join(
        [
            _head(ctx, ctx.title),
            f'<body class="{body_class} hfeed">\n',
            _header(ctx.site),
            header,
            *(_entry(e, ctx.site) for e in ctx.entries),
            nav,
            _footer(ctx.site),
        ]
    )


def article(ctx: Article) -> str:
    """Render a single post page."""
    e = ctx.entry
    body = "".join(f"<p>{T(p)}</p>\n" for p in ctx.paragraphs)
    return "".join(
        [
            _head(ctx, f"{e.heading} – {SITE_NAME}"),
            f'<body class="post-template-default single single-post postid-{e.post_id}">\n',
            _header(ctx.site),
            f'<article id="post-{e.post_id}" class="{post_classes(e)}">\n<header class="entry-'
            f'header"><h1 class="entry-title">{T(e.heading)}</h1>{_meta(e, ctx.site)}</header>\n'
            f'<div class="entry-content">\n{body}</div>\n{_terms(e)}\n</article>\n'
            '<div id="comments" class="comments-area"><div id="respond" class="comment-respond">'
            '<h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3><form action="'
            f'{ctx.site.origin}/wp-comments-post.php" method="post" id="commentform">'
            '<textarea id="comment" name="comment"></textarea><input name="submit" type="submit" '
            f'value="Post Comment"><input type="hidden" name="comment_post_ID" value="{e.post_id}">'
            "</form></div></div>\n",
            _footer(ctx.site),
        ]
    )
