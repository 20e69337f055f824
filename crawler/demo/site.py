"""Write a static, WordPress-like copy of a blog that a plain HTTP file server can serve.

This is the demo's public module: it also re-exports the posts (``DemoPost``,
``demo_posts``, ``synthetic_posts``) and ``THEMES``.

The layout follows what Python's ``SimpleHTTPRequestHandler`` does with a directory:
``<base>/page/3/`` is served from ``<base>/page/3/index.html``, a missing page is a 404,
and query strings are ignored (so ``/page/2/?cat=-1`` is page 2, as on the real site).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from . import DemoPost, demo_posts, slugify, synthetic_posts
from .feed import render_feed
from .themes import (
    THEMES,
    Article,
    Entry,
    Listing,
    Site,
    Term,
    article_renderer,
    listing_renderer,
    page_param,
)

__all__ = [
    "THEMES",
    "DemoPost",
    "SiteInfo",
    "build_site",
    "demo_posts",
    "slugify",
    "synthetic_posts",
    "wp_trim_words",
]

TEASER_WORDS = 55
TEASER_MORE = " […]"
ROBOTS_TXT = "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n"
_MARKER = ".blogarchive-demo"
_WP_SPACE = re.compile(r"[\n\r\t ]+")  # wp_trim_words splits on these only, not on U+00A0
_RECENT = 5

_CATEGORY_RULES = (
    ("Book reviews", re.compile(r"Book Review")),
    ("Interviews", re.compile(r"^In conversation with")),
    ("Blog series", re.compile(r"Blog [Ss]eries|Magical Meander|Blog \w+:|^Part [IVX\d]+:")),
)
_TAG_RULES = (
    ("climate crisis", ("green", "climate", "carbon", "sustainab")),
    ("nursing", ("nurs", "midwi", "maternity")),
    ("equality, diversity and inclusion", ("inclusion", "inequalit", "equity", "professionalism")),
    ("covid-19", ("covid", "pandemic", "nightingale", "crisis")),
    ("culture", ("culture", "speak", "francis", "letby", "safety", "values", "kindness")),
    ("workforce", ("junior doctor", "trainee", "workforce", "mentor", "time to go", "cobbler")),
    ("book reviews", ("book review",)),
)


@dataclass(frozen=True)
class SiteInfo:
    """Where a built demo blog starts and what it lists."""

    start_url: str  # site_url + base_path, e.g. "http://127.0.0.1:8123/bmjleader/"
    listing_pages: int
    post_urls: tuple[str, ...]  # each listed post once, as served (http, trailing slash)


def wp_trim_words(text: str, num_words: int = TEASER_WORDS, more: str = TEASER_MORE) -> str:
    """WordPress ``wp_trim_words`` on plain text: split on ASCII white space, keep
    ``num_words`` words joined by one space, and append ``more`` if anything was cut."""
    words = [w for w in _WP_SPACE.split(text) if w]
    if len(words) > num_words:
        return " ".join(words[:num_words]) + more
    return " ".join(words)


def build_site(
    out_dir: Path,
    posts: Sequence[DemoPost],
    *,
    site_url: str,
    theme: str,
    base_path: str = "/bmjleader/",
    per_page: int = 10,
    tag_archive: bool = True,
    variants: bool = True,
    articles: bool = True,
    feed: bool = True,
) -> SiteInfo:
    """Write the blog's static files under ``out_dir`` and describe the result.

    Writes the home listing (``<base>/index.html``, ``<base>/page/N/index.html``; in a theme
    whose home pages a query numbers, ``<base>/index.html?param=N`` and one page past the
    last), tag archives when ``tag_archive``, one page per post when ``articles``, the RSS
    feed at ``<base>/feed/`` when ``feed`` (the newest ten posts) and ``robots.txt``.
    With ``variants`` the listing also carries the URL oddities a crawler must survive: the
    last post of page 1 repeated at the top of page 2, one entry linked over the other scheme
    (https), one without its trailing slash, and one next-page link with ``?cat=-1``.
    A previous demo build in the same place is replaced; any other non-empty directory
    there raises ``FileExistsError``.
    """
    if per_page < 1:
        raise ValueError("per_page must be at least 1")
    if not posts:
        raise ValueError("a demo blog needs at least one post")
    render_listing, render_article = listing_renderer(theme), article_renderer(theme)
    base_path = "/" + "/".join(p for p in base_path.split("/") if p) + "/"
    base_path = base_path.replace("//", "/")
    origin = site_url.rstrip("/")
    home = origin + base_path
    write = _PageWriter(_prepare_root(Path(out_dir), base_path), home)
    (Path(out_dir) / "robots.txt").write_text(ROBOTS_TXT, encoding="utf-8")

    ordered = sorted(posts, key=lambda p: p.date, reverse=True)
    entries = _entries(ordered, home)
    site = Site(
        origin=origin,
        home=home,
        base_path=base_path,
        recent=tuple(entries[:_RECENT]),
        categories=_terms(entries, "categories"),
        tags=_terms(entries, "tags"),
        theme=theme,
    )
    slots = list(entries)
    if variants and len(entries) > per_page:
        slots[per_page:per_page] = [entries[per_page - 1]]  # published mid-crawl: shifts by one
    pages = [slots[i : i + per_page] for i in range(0, len(slots), per_page)]
    if variants:
        _apply_link_variants(pages)
    trap_page = min(2, len(pages) - 1) if variants else 0
    param = page_param(theme)
    for n, page_entries in enumerate(pages, 1):
        ctx = Listing(site, n, len(pages), tuple(page_entries), home, page_param=param)
        next_url = ctx.clean_next_url
        if next_url and n == trap_page:
            # the categories dropdown's crawl trap
            next_url += "&cat=-1" if "?" in next_url else "?cat=-1"
        write(ctx.url, render_listing(replace(ctx, next_url=next_url)))
    if param:
        # A page a query numbers is there whatever the number: past the last one the
        # builder's page shows what it holds besides the listing (a post slider).
        beyond = Listing(site, len(pages) + 1, len(pages), (), home, page_param=param)
        write(beyond.url, render_listing(beyond))

    if tag_archive:
        for term in site.tags:
            tagged = [e for e in entries if any(t.term_id == term.term_id for t in e.tags)]
            chunks = [tagged[i : i + per_page] for i in range(0, len(tagged), per_page)]
            for n, chunk in enumerate(chunks, 1):
                ctx = Listing(site, n, len(chunks), tuple(chunk), term.url, tag=term)
                write(ctx.url, render_listing(replace(ctx, next_url=ctx.clean_next_url)))

    if feed:
        write(home + "feed/", render_feed(site, entries, [p.paragraphs for p in ordered]))

    if articles:
        for i, (post, entry) in enumerate(zip(ordered, entries, strict=True)):
            older = entries[i + 1] if i + 1 < len(entries) else None
            newer = entries[i - 1] if i else None
            page = render_article(Article(site, entry, post.paragraphs, older, newer))
            write(entry.permalink, page)

    return SiteInfo(
        start_url=home, listing_pages=len(pages), post_urls=tuple(e.permalink for e in entries)
    )


def _prepare_root(out_dir: Path, base_path: str) -> Path:
    root = out_dir.joinpath(*base_path.strip("/").split("/")) if base_path != "/" else out_dir
    if (root / _MARKER).exists():
        for child in root.iterdir():
            if child.is_dir():
                shutil.rmtree(child)
            else:
                child.unlink()
    elif root.exists() and any(root.iterdir()):
        raise FileExistsError(f"{root} is not empty and is not a previous demo build")
    root.mkdir(parents=True, exist_ok=True)
    (root / _MARKER).write_text("built by crawler.demo.site.build_site\n", encoding="utf-8")
    return root


class _PageWriter:
    """Writes ``<url>index.html`` files, making each directory once (tens of thousands of
    ``mkdir(parents=True)`` calls dominate a big build otherwise)."""

    def __init__(self, root: Path, home: str) -> None:
        self.root, self.home = str(root), home
        self.made = {self.root}

    def __call__(self, url: str, text: str) -> None:
        path, _, query = url.partition("?")  # ?n=2 is saved as index.html?n=2 (see server)
        folder = os.path.join(self.root, *path[len(self.home) :].strip("/").split("/"))
        self._make(folder)
        name = f"index.html?{query}" if query else "index.html"
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)

    def _make(self, folder: str) -> None:
        if folder in self.made:
            return
        self._make(os.path.dirname(folder))
        with contextlib.suppress(FileExistsError):
            os.mkdir(folder)
        self.made.add(folder)


def _entries(posts: Sequence[DemoPost], home: str) -> list[Entry]:
    """Listing entries in order, with ids, taxonomy and images decided from the post."""
    seen: set[str] = set()
    cats: dict[str, Term] = {}
    tags: dict[str, Term] = {}
    out = []
    for i, post in enumerate(posts):
        permalink = home + post.path()
        if permalink in seen:
            raise ValueError(f"two posts share the permalink {permalink}")
        seen.add(permalink)
        post_id = 1000 + 7 * (len(posts) - i)
        day = date.fromisoformat(post.date)
        image = f"{home}files/{day:%Y/%m}/{post.slug[:24].strip('-')}.jpg" if post_id % 3 else None
        cat = _term(cats, _category(post.heading), home + "category/", 2)
        tag_terms = tuple(_term(tags, name, home + "tag/", 20) for name in _tags(post, post_id))
        teaser = wp_trim_words(post.body)
        out.append(
            Entry(
                post_id, post.heading, permalink, permalink, teaser, day, image, (cat,), tag_terms
            )
        )
    return out


def _term(pool: dict[str, Term], name: str, prefix: str, first_id: int) -> Term:
    if name not in pool:
        slug = slugify(name)
        pool[name] = Term(first_id + len(pool), name, slug, f"{prefix}{slug}/", 0)
    return pool[name]


def _terms(entries: Sequence[Entry], field: str) -> tuple[Term, ...]:
    """The distinct terms of ``field`` with their post counts, sorted by name."""
    counts: dict[Term, int] = {}
    for e in entries:
        for t in getattr(e, field):
            counts[t] = counts.get(t, 0) + 1
    return tuple(sorted((replace(t, count=c) for t, c in counts.items()), key=lambda t: t.name))


def _category(heading: str) -> str:
    return next((name for name, rule in _CATEGORY_RULES if rule.search(heading)), "Blog")


def _tags(post: DemoPost, post_id: int) -> list[str]:
    text = post.heading.lower()
    names = [name for name, words in _TAG_RULES if any(w in text for w in words)][:2]
    if not names or post_id % 3 == 0:
        names.append("medical leadership")
    return names


def _apply_link_variants(pages: list[list[Entry]]) -> None:
    """Link one entry over the other scheme and one without its trailing slash (in place)."""

    def other_scheme(url: str) -> str:
        return "https" + url[4:] if url.startswith("http:") else "http" + url[5:]

    targets = [
        (min(2, len(pages)) - 1, 2, other_scheme),
        (min(3, len(pages)) - 1, 4, lambda url: url.rstrip("/")),
    ]
    used = set()
    for page_index, slot, change in targets:
        page = pages[page_index]
        slot = min(slot, len(page) - 1)
        entry = page[slot]
        if entry.post_id not in used:
            used.add(entry.post_id)
            page[slot] = replace(entry, href=change(entry.href))
