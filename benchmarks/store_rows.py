"""Rows for ``Archive.save_posts`` built the way a crawl builds them.

A generated blog (``crawler.demo``) is written to a folder; its listing pages
(and, for ``articles=True``, each post's own page) are parsed with the
crawl's parsers and normalised by ``normalise_post``, and each post becomes
the dict the store pipeline sends: every stored ``Post`` field.

Shared by ``store_speed.py`` and ``store_equality.py``.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from crawler.demo.site import build_site, synthetic_posts  # noqa: E402
from crawler.extract import article_post, read_listing  # noqa: E402
from crawler.items import Post  # noqa: E402
from crawler.normalising import normalise_post  # noqa: E402
from crawler.parsing.article import parse_article  # noqa: E402
from crawler.parsing.urls import post_permalink_pattern  # noqa: E402
from crawler.pipelines.store import STORED_FIELDS  # noqa: E402

# Pages are read from disk, never served: the blog can have its real address.
SITE_URL = "https://blogs.bmj.com"
FETCHED_AT = "2026-11-22T10:00:00+00:00"

Page = list[dict[str, Any]]


def listing_pages(
    folder: Path,
    posts: int,
    *,
    theme: str = "bmj-hero",
    articles: bool = False,
    variants: bool = False,
    seed: int = 0,
) -> list[Page]:
    """The rows of each listing page of a generated blog of ``posts`` posts, page by page.

    With ``articles`` each post is completed from its own page (body text, dates,
    tags, canonical URL), as a crawl following articles stores it. ``variants``
    gives the listing's URL oddities (a post repeated across pages, http links).
    """
    site = build_site(
        folder,
        synthetic_posts(posts, seed=seed),
        site_url=SITE_URL,
        theme=theme,
        articles=articles,
        variants=variants,
        tag_archive=False,
        feed=False,
    )
    pattern = post_permalink_pattern(site.start_url)
    pages = []
    for url in _listing_urls(site.start_url, site.listing_pages):
        text = _read(folder, url)
        listing = read_listing(text, url, pattern, source=None, source_name="bench")
        page = []
        for post in listing.posts:
            if articles:
                found = parse_article(_read(folder, post.url), post.url, fetched_at=FETCHED_AT)
                post = article_post(post, found, fetched_at=FETCHED_AT)
            page.append(as_row(normalise_post(post)))
        pages.append(page)
    return pages


def as_row(post: Post) -> dict[str, Any]:
    """What the store pipeline sends of one post."""
    return {name: getattr(post, name) for name in STORED_FIELDS}


def _listing_urls(start_url: str, count: int) -> Iterator[str]:
    yield start_url
    for n in range(2, count + 1):
        yield f"{start_url}page/{n}/"


def _read(folder: Path, url: str) -> str:
    path = urlsplit(url).path.strip("/")  # listings link some posts over http
    return (folder / path / "index.html").read_text(encoding="utf-8")
