"""``cards``: a page-builder theme with a Bootstrap-style card grid.

The first post is a ``div.jumbotron`` hero with an ``<h1>`` title link; the rest are
``div.latest-article.card`` tiles (image link first, ``h3.card__title``, ``div.card__text``,
a ``Read more`` button). Pagination is numbers plus a ``»`` link only. No class mentions
"entry" or "post"; typography stays raw UTF-8; JSON-LD but no rel links.
"""

from __future__ import annotations

from functools import lru_cache

from ._common import (
    SITE_NAME,
    Article,
    Entry,
    Listing,
    Site,
    attr,
    long_date,
    raw,
    search_form,
    tag_cloud,
    yoast_head,
)

T = raw


def _head(ctx: Listing | Article, title: str) -> str:
    site = ctx.site
    return (
        '<!DOCTYPE html>\n<html lang="en-GB" class="no-js">\n<head>\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1, shrink-to-fit=no">\n'
        f"<title>{T(title)}</title>\n{yoast_head(ctx, json_ld=True)}\n"
        '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@4.6.2/dist/css/'
        'bootstrap.min.css">\n'
        f'<link rel="stylesheet" id="builder-css" href="{site.asset("assets/css/main.css")}'
        '?ver=3.2" media="all" />\n</head>\n'
    )


def _header(site: Site) -> str:
    return (
        '<header class="masthead"><nav class="navbar navbar-expand-lg navbar-light bg-light">'
        f'<a class="navbar-brand" href="{site.home}"><img src="{site.home}files/2019/01/'
        f'bmj-leader-logo.png" alt="{SITE_NAME}" height="40"></a><button class="navbar-toggler" '
        'type="button" data-toggle="collapse" data-target="#navbarMain">☰</button>'
        '<div class="collapse navbar-collapse" id="navbarMain"><ul class="navbar-nav mr-auto">'
        f'<li class="nav-item active"><a class="nav-link" href="{site.home}">Blog</a></li>'
        '<li class="nav-item"><a class="nav-link" href="https://bmjleader.bmj.com/">Journal</a>'
        f'</li><li class="nav-item"><a class="nav-link" href="{site.home}contact/">Contact</a>'
        f"</li></ul>{search_form(site)}</div></nav></header>\n"
        '<div class="container page-body"><div class="row"><div class="col-lg-8 main-column">\n'
    )


@lru_cache(maxsize=8)
def _sidebar(site: Site) -> str:
    recent = "".join(
        f'<li><a href="{attr(e.permalink)}">{T(e.heading)}</a></li>' for e in site.recent
    )
    options = "".join(
        f'<option class="level-0" value="{t.term_id}">{T(t.name)}&nbsp;&nbsp;({t.count})</option>'
        for t in site.categories
    )
    return (
        '</div><div class="col-lg-4 sidebar">'
        '<aside id="recent-posts-3" class="widget widget_recent_entries"><h2 class="widget-title">'
        f"Recent Posts</h2><ul>{recent}</ul></aside>"
        '<aside id="categories-3" class="widget widget_categories"><h2 class="widget-title">'
        f'Categories</h2><form action="{site.home}" method="get"><select name="cat" id="cat" '
        f'class="custom-select"><option value="-1">Select Category</option>{options}'
        "</select></form></aside>"
        '<aside id="tag_cloud-3" class="widget widget_tag_cloud"><h2 class="widget-title">'
        f'Topics</h2><div class="tagcloud">{tag_cloud(site)}</div></aside></div></div></div>\n'
        '<footer class="site-footer bg-dark text-light"><div class="container"><p>© BMJ '
        'Publishing Group Limited</p><p><a href="https://www.bmj.com/company/legal-information/">'
        "Legal</a></p></div></footer>\n"
        '<script src="https://code.jquery.com/jquery-3.5.1.slim.min.js"></script>\n'
        f'<script src="{site.asset("assets/js/main.js")}?ver=3.2"></script>\n</body>\n</html>\n'
    )


def _image(e: Entry, cls: str) -> str:
    if e.image:
        inner = f'<img class="img-fluid" src="{attr(e.image)}" alt="" loading="lazy">'
    else:
        inner = '<div class="placeholder-image" role="presentation"></div>'
    return f'<a class="{cls}" href="{attr(e.href)}">{inner}</a>'


def _hero(e: Entry) -> str:
    href = attr(e.href)
    return (
        f'<div class="jumbotron hero">{_image(e, "hero__image")}<div class="hero__body">'
        f'<span class="badge badge-primary">Featured</span><h1 class="hero__title display-5">'
        f'<a href="{href}">{T(e.heading)}</a></h1><div class="hero__text lead">{T(e.teaser)}'
        f'</div><a class="btn btn-primary btn-lg" href="{href}" role="button">Read more</a>'
        "</div></div>\n"
    )


def _card(e: Entry) -> str:
    href = attr(e.href)
    return (
        f'<div class="col-md-6 col-xl-4 mb-4"><div class="latest-article card h-100" '
        f'data-id="{e.post_id}">{_image(e, "card__image card-img-top")}<div class="card-body">'
        f'<h3 class="card__title h5"><a href="{href}">{T(e.heading)}</a></h3>'
        f'<div class="card__text">{T(e.teaser)}</div></div><div class="card-footer">'
        f'<a class="btn btn-outline-primary btn-sm" href="{href}">Read more</a></div></div></div>\n'
    )


def _pager(ctx: Listing) -> str:
    if ctx.last_page == 1:
        return ""
    numbers = sorted({1, ctx.last_page, *range(ctx.page - 2, ctx.page + 3)})
    links = []
    for n in numbers:
        if not 1 <= n <= ctx.last_page:
            continue
        if n == ctx.page:
            links.append(f'<li class="active"><span>{n}</span></li>')
        else:
            links.append(f'<li><a href="{attr(ctx.page_url(n))}">{n}</a></li>')
    if ctx.next_url:
        links.append(f'<li><a href="{attr(ctx.next_url)}">»</a></li>')
    return f'<div class="pager"><ul class="pager__list">{"".join(links)}</ul></div>\n'


def listing(ctx: Listing) -> str:
    """Render one listing page."""
    hero, *rest = ctx.entries
    if ctx.tag:
        top = f'<h1 class="archive-heading">{T(ctx.heading)}</h1>\n'
        section = ""
    else:
        top = ""
        section = f'<h2 class="section-heading">{ctx.heading}</h2>\n'
    return "".join(
        [
            _head(ctx, ctx.title),
            f'<body class="builder-layout{" is-archive" if ctx.tag else " is-front"}">\n',
            _header(ctx.site),
            top,
            _hero(hero),
            f'<div class="latest-articles">{section}<div class="row">\n',
            *map(_card, rest),
            "</div></div>\n",
            _pager(ctx),
            _sidebar(ctx.site),
        ]
    )


def article(ctx: Article) -> str:
    """Render a single post page."""
    e = ctx.entry
    body = "".join(f"<p>{T(p)}</p>\n" for p in ctx.paragraphs)
    chips = "".join(
        f'<a class="badge badge-light" href="{attr(t.url)}">{T(t.name)}</a>' for t in e.tags
    )
    return "".join(
        [
            _head(ctx, f"{e.heading} | {SITE_NAME}"),
            '<body class="builder-layout is-single">\n',
            _header(ctx.site),
            f'<div class="single-article" data-id="{e.post_id}"><h1 class="single-article__title">'
            f'{T(e.heading)}</h1><p class="single-article__date text-muted">'
            f'{long_date(e.published)}</p>\n<div class="single-article__body">\n{body}</div>'
            f'<div class="single-article__topics">{chips}</div></div>\n',
            _sidebar(ctx.site),
        ]
    )
