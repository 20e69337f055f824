"""``classless``: an old (≤2016-era) table-layout theme with no ids or classes in the body.

Titles are ``<b><a>`` (home) or bare ``<h3><a>`` (tag archives), a ``31 Aug, 16 | by BMJ``
date line, teasers as ``<p>`` or bare text plus ``<br>``, and a root-relative ``more…``
link. There is no visible pagination: only some pages carry ``<link rel="next">`` in the
head, so a crawler must fall back to requesting ``/page/N+1/`` until it gets a 404.
Everything non-ASCII is written as a numeric character reference.
"""

from __future__ import annotations

from functools import lru_cache

from ._common import SITE_NAME, Article, Entry, Listing, Site, attr

_SIDEBAR_WIDTH = 220


def T(text: str) -> str:
    """Escape and write every non-ASCII character as ``&#NNNN;`` (old themes did)."""
    esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return esc.encode("ascii", "xmlcharrefreplace").decode("ascii")


def _has_rel_next(ctx: Listing) -> bool:
    # The old SEO plugin emitted rel=next on some pages only.
    return ctx.next_url is not None and ctx.page % 3 != 0


def _head(ctx: Listing | Article, title: str) -> str:
    rel = ""
    if isinstance(ctx, Listing) and _has_rel_next(ctx):
        rel = f'<link rel="next" href="{attr(ctx.next_url or "")}">\n'
        if ctx.prev_url:
            rel += f'<link rel="prev" href="{attr(ctx.prev_url)}">\n'
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
        '"http://www.w3.org/TR/html4/loose.dtd">\n<html>\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\n'
        f"<title>{T(title)}</title>\n{rel}"
        f'<link rel="stylesheet" href="{ctx.site.asset("style.css")}" type="text/css" '
        'media="screen">\n'
        f'<link rel="alternate" type="application/rss+xml" title="RSS 2.0" '
        f'href="{ctx.site.home}feed/">\n</head>\n'
    )


def _top(site: Site) -> str:
    return (
        '<body>\n<table width="100%" border="0" cellpadding="0" cellspacing="0">\n<tr><td '
        f'colspan="2"><a href="{site.base_path}"><img src="{site.base_path}files/2012/03/'
        f'header.gif" alt="{SITE_NAME}" border="0"></a><br>\n<font size="1">You don\'t need to '
        "be signed in to read BMJ Blogs, but you can register here to receive updates about "
        "other BMJ products and services via our site.</font><br>\n"
        f'<a href="{site.base_path}">Home</a> | <a href="{site.base_path}about/">About</a> | '
        f'<a href="{site.base_path}guest-bloggers/">Guest bloggers</a></td></tr>\n'
        '<tr><td valign="top">\n'
    )


@lru_cache(maxsize=8)
def _sidebar(site: Site) -> str:
    recent = "".join(
        f'<li><a href="{attr(e.permalink)}">{T(e.heading)}</a></li>\n' for e in site.recent
    )
    options = "".join(
        f'<option value="{t.term_id}">{T(t.name)} ({t.count})</option>' for t in site.categories
    )
    tags = " ".join(
        f'<a href="{attr(t.url)}" title="{t.count} topics">{T(t.name)}</a>' for t in site.tags
    )
    return (
        f'</td>\n<td valign="top" width="{_SIDEBAR_WIDTH}">\n'
        f'<form method="get" action="{site.base_path}" role="search"><input type="text" name="s" '
        'size="15"> <button type="submit" name="submit" value="Search">Search</button></form>\n'
        f"<h2>Recent Posts</h2>\n<ul>\n{recent}</ul>\n"
        f'<h2>Categories</h2>\n<form action="{site.home}" method="get"><select name="cat" '
        f'onchange="this.form.submit()"><option value="-1">Select Category</option>{options}'
        f"</select></form>\n<h2>Tags</h2>\n<p>{tags}</p>\n</td></tr>\n"
        '<tr><td colspan="2" align="center"><font size="1">&copy; BMJ Publishing Group Ltd '
        "</font></td></tr>\n</table>\n"
        '<script type="text/javascript" src="/wp-includes/js/jquery/jquery.js"></script>\n'
        "</body>\n</html>\n"
    )


def _date_line(e: Entry) -> str:
    return f"<small>{e.published:%d %b, %y} | by BMJ</small>"


def _more_href(e: Entry, site: Site) -> str:
    # A plain entry links "more…" root-relative; a variant keeps its odd absolute href.
    if e.href == e.permalink and e.href.startswith(site.origin):
        return e.href[len(site.origin) :]
    return e.href


def _entry(e: Entry, n: int, ctx: Listing) -> str:
    title = f'<a href="{attr(e.href)}">{T(e.heading)}</a>'
    title = f"<h3>{title}</h3>\n" if ctx.tag else f"<b>{title}</b><br>\n"
    teaser = f"<p>{T(e.teaser)}</p>\n" if n % 2 == 0 else f"{T(e.teaser)}<br>\n"
    more = f'<a href="{attr(_more_href(e, ctx.site))}">more&#8230;</a>'
    return f"{title}{_date_line(e)}<br>\n{teaser}{more}\n<br><br>\n"


def listing(ctx: Listing) -> str:
    """Render one listing page."""
    heading = f"<h2>{T(ctx.heading)}</h2>\n" if ctx.tag else ""
    return "".join(
        [
            _head(ctx, ctx.title),
            _top(ctx.site),
            heading,
            *(_entry(e, n, ctx) for n, e in enumerate(ctx.entries)),
            _sidebar(ctx.site),
        ]
    )


def article(ctx: Article) -> str:
    """Render a single post page."""
    e = ctx.entry
    body = "".join(f"<p>{T(p)}</p>\n" for p in ctx.paragraphs)
    links = ""
    if ctx.older:
        links += f'&laquo; <a href="{attr(ctx.older.permalink)}">{T(ctx.older.heading)}</a> '
    if ctx.newer:
        links += f'| <a href="{attr(ctx.newer.permalink)}">{T(ctx.newer.heading)}</a> &raquo;'
    return "".join(
        [
            _head(ctx, f"{SITE_NAME} » {e.heading}"),
            _top(ctx.site),
            f"<h2>{T(e.heading)}</h2>\n{_date_line(e)}<br>\n{body}<p>{links}</p>\n",
            _sidebar(ctx.site),
        ]
    )
