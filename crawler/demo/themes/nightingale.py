"""``nightingale``: the NHS Leadership Academy's theme for NHS organisations (NHS.UK frontend).

Each post is an ``nhsuk-promo`` card whose one link WRAPS the image, the title (an
``h2.nhsuk-promo__heading`` with no link of its own) and the excerpt paragraph: the title
link is the whole card, and no link sits inside the heading. No date, author or read-more
link in the listing. Pagination puts the "Next" item first, then "Previous", then the
numbers (``nightingale_archive_pagination``). NHS header and footer; classic widgets in
the blog sidebar. Entities as ``&#8217;``; Yoast head without JSON-LD.
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
    classic_widgets,
    iso,
    long_date,
    paginate_links,
    post_classes,
    search_form,
    texturize,
    yoast_head,
)

T = texturize
_ARROW_RIGHT = (
    '<svg class="nhsuk-icon nhsuk-icon__arrow-right" xmlns="http://www.w3.org/2000/svg" '
    'viewBox="0 0 24 24" aria-hidden="true"><path d="M19.6 11.66l-2.73-3A.51.51 0 0 0 16 9v2H5a1 '
    "1 0 0 0 0 2h11v2a.5.5 0 0 0 .32.46.39.39 0 0 0 .18 0 .52.52 0 0 0 .37-.16l2.73-3a.5.5 0 0 0 "
    '0-.64z"></path></svg>'
)
_ARROW_LEFT = (
    '<svg class="nhsuk-icon nhsuk-icon__arrow-left" xmlns="http://www.w3.org/2000/svg" '
    'viewBox="0 0 24 24" aria-hidden="true"><path d="M4.1 12.3l2.7 3c.2.2.5.2.7 0 .1-.1.1-.2.1-.3'
    "v-2h11c.6 0 1-.4 1-1s-.4-1-1-1h-11V9c0-.2-.1-.4-.3-.5h-.2c-.1 0-.3.1-.4.2l-2.7 3c0 .2 0 .4.1"
    '.6z"></path></svg>'
)


def _head(ctx: Listing | Article, title: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en-GB" class="no-js">\n<head>\n<meta charset="UTF-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{T(title)}</title>\n{yoast_head(ctx, json_ld=False)}\n"
        f'<link rel="stylesheet" id="nightingale-style-css" href="{ctx.site.asset("style.min.css")}'
        '?ver=2.7.4" media="all" />\n</head>\n'
    )


@lru_cache(maxsize=8)
def _header(site: Site) -> str:
    items = "".join(
        f'<li class="nhsuk-header__navigation-item"><a class="nhsuk-header__navigation-link" '
        f'href="{site.home}{path}">{label}</a></li>'
        for path, label in (("", "Home"), ("about/", "About us"), ("contact/", "Contact us"))
    )
    return (
        '<a class="nhsuk-skip-link" href="#maincontent">Skip to main content</a>\n'
        '<div id="page" class="site"><div id="content" class="site-content">\n'
        '<header class="nhsuk-header nhsuk-header--organisation nhsuk-header--white" '
        'role="banner"><div class="nhsuk-width-container nhsuk-header__container">'
        f'<div class="nhsuk-header__logo"><a class="nhsuk-header__link" href="{site.home}" '
        f'aria-label="{SITE_NAME} homepage"><span class="nhsuk-organisation-name">{SITE_NAME}'
        f'</span><span class="nhsuk-organisation-descriptor">{T(TAGLINE)}</span></a></div>'
        '<div class="nhsuk-header__content" id="content-header"><div class="nhsuk-header__menu">'
        '<button class="nhsuk-header__menu-toggle" id="toggle-menu" aria-controls="header-'
        'navigation" aria-expanded="false">Menu</button></div><div class="nhsuk-header__search">'
        f"{search_form(site)}</div></div></div>"
        '<nav class="nhsuk-header__navigation" id="header-navigation" role="navigation" '
        'aria-label="Primary navigation"><div class="nhsuk-width-container">'
        f'<ul class="nhsuk-header__navigation-list">{items}</ul></div></nav></header>\n'
        '<div class="nhsuk-width-container"><main class="nhsuk-main-wrapper" id="maincontent" '
        'role="main"><div id="primary" class="clear">\n'
    )


@lru_cache(maxsize=8)
def _footer(site: Site) -> str:
    return (
        '</div></main></div>\n<footer role="contentinfo"><div class="nhsuk-footer-container">'
        '<div class="nhsuk-width-container"><h2 class="nhsuk-u-visually-hidden">Support links'
        '</h2><div class="nhsuk-footer"><ul class="nhsuk-footer__list">'
        '<li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" '
        f'href="{site.home}accessibility-statement/">Accessibility statement</a></li>'
        '<li class="nhsuk-footer__list-item"><a class="nhsuk-footer__list-item-link" '
        f'href="{site.home}privacy-policy/">Privacy policy</a></li></ul>'
        '<p class="nhsuk-footer__copyright">&copy; BMJ Publishing Group Limited</p></div></div>'
        "</div></footer>\n</div></div>\n"
        f'<script src="{site.asset("js/nhsuk.min.js")}?ver=2.7.4"></script>\n</body>\n</html>\n'
    )


def _sidebar(site: Site) -> str:
    return (
        '<div id="secondary" class="widget-area nhsuk-grid-column-one-third">'
        f"{classic_widgets(site)}</div>\n"
    )


def _card(e: Entry) -> str:
    image = (
        f'<img width="300" height="200" src="{attr(e.image)}" class="nhsuk-promo__img '
        'wp-post-image" alt="" decoding="async" loading="lazy" />'
        if e.image
        else ""
    )
    return (
        '<div class="nhsuk-grid-column-one-half nhsuk-promo-group__item nhsuk-postslisting">'
        f'<div class="nhsuk-promo"><a class="nhsuk-promo__link-wrapper" href="{attr(e.href)}">'
        f'{image}<div class="nhsuk-promo__content"><h2 class="nhsuk-promo__heading">'
        f"{T(e.heading)}</h2><p>{T(e.teaser)}</p>\n</div></a></div></div>\n"
    )


def _pagination(ctx: Listing) -> str:
    """``nightingale_archive_pagination()``: the next item first, then previous, then numbers."""
    if ctx.last_page == 1:
        return ""
    items = paginate_links(
        ctx,
        mid_size=2,
        prev_text=f'<span class="nhsuk-pagination__title">Previous</span>{_ARROW_LEFT}',
        next_text=f'<span class="nhsuk-pagination__title">Next</span>{_ARROW_RIGHT}',
    )
    out = []
    if items and 'class="next page-numbers"' in items[-1]:
        out.append(f"<li class='nhsuk-pagination-item--next'>{items.pop()}</li>")
    if items and 'class="prev page-numbers"' in items[0]:
        out.append(f"<li class='nhsuk-pagination-item--previous'>{items.pop(0)}</li>")
    out.append(f"<li class='nhsuk-pagination-numbers'>{''.join(items)}</li>")
    return (
        '<div class="navigation"><nav class="nhsuk-pagination" role="navigation" '
        f'aria-label="Pagination"><ul class="nhsuk-list nhsuk-pagination__list">{"".join(out)}'
        "</ul></nav></div>\n"
    )


def listing(ctx: Listing) -> str:
    """Render one listing page."""
    body_class = f"archive tag tag-{ctx.tag.slug}" if ctx.tag else "home blog"
    if ctx.page > 1:
        body_class += f" paged paged-{ctx.page}"
    return "".join(
        [
            _head(ctx, ctx.title),
            f'<body class="{body_class} nhsuk-template__body">\n',
            _header(ctx.site),
            f'<header><h1 class="nhsuk-heading-xl">{T(ctx.heading)}</h1></header>\n',
            '<div class="nhsuk-grid-column-two-thirds index">\n'
            '<div class="nhsuk-grid-row nhsuk-card-group">\n',
            *map(_card, ctx.entries),
            "</div>\n",
            _pagination(ctx),
            "</div>\n",
            _sidebar(ctx.site),
            _footer(ctx.site),
        ]
    )


def article(ctx: Article) -> str:
    """Render a single post page (template-parts/content.php, its nested <article> kept)."""
    e = ctx.entry
    body = "".join(f"<p>{T(p)}</p>\n" for p in ctx.paragraphs)
    cats = ", ".join(
        f'<a href="{attr(t.url)}" rel="category tag">{T(t.name)}</a>' for t in e.categories
    )
    return "".join(
        [
            _head(ctx, f"{e.heading} – {SITE_NAME}"),
            f'<body class="post-template-default single single-post postid-{e.post_id} '
            'nhsuk-template__body">\n',
            _header(ctx.site),
            f'<article id="post-{e.post_id}" class="{post_classes(e)}"><header class="entry-'
            f'header"><h1 class="nhsuk-heading-xl">{T(e.heading)}</h1><div class="nhsuk-review-'
            f'date"><span class="byline">Posted by <span class="author vcard"><a class="url fn n" '
            f'href="{ctx.site.home}author/bmjleader/">BMJ Leader</a></span></span> '
            f'<span class="posted-on">on <time class="entry-date published updated" '
            f'datetime="{iso(e.published)}">{long_date(e.published)}</time></span></div>'
            f"</header>\n<article>\n{body}</article>\n"
            '<div class="nhsuk-content__clearfix"></div><footer class="article-footer">'
            f'<span class="cat-links">Posted in {cats}</span></footer></article>\n',
            _sidebar(ctx.site),
            _footer(ctx.site),
        ]
    )
