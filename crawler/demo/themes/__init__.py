"""WordPress theme markups for the offline demo blogs.

Each theme module has ``listing(Listing) -> str`` and ``article(Article) -> str``. The
themes differ in structure (wrappers, heading levels, where the teaser and the read-more
link sit, how pagination is exposed), not only in class names, so a crawler tested on all
of them cannot lean on any one theme's markup.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from . import avada, block, bmj_hero, cards, classless, enfold, nightingale, underscores
from ._common import Article, Entry, Listing, Site, Term

_MODULES: dict[str, ModuleType] = {
    "bmj-hero": bmj_hero,
    "underscores-numbers": underscores,
    "cards": cards,
    "classless": classless,
    "block-theme": block,
    "nightingale": nightingale,
    "avada": avada,
    "enfold": enfold,
}

THEMES: tuple[str, ...] = tuple(_MODULES)


def _module(theme: str) -> ModuleType:
    try:
        return _MODULES[theme]
    except KeyError:
        raise ValueError(f"unknown theme {theme!r}; choose one of {', '.join(THEMES)}") from None


def listing_renderer(theme: str) -> Callable[[Listing], str]:
    """The function that renders a listing page in ``theme``."""
    return _module(theme).listing


def page_param(theme: str) -> str | None:
    """The query parameter that numbers the home listing's pages in ``theme`` (a page
    builder's element on a static front page), or ``None`` for ``page/N/``."""
    return getattr(_module(theme), "PAGE_PARAM", None)


def article_renderer(theme: str) -> Callable[[Article], str]:
    """The function that renders a single post page in ``theme``."""
    return _module(theme).article


__all__ = [
    "THEMES",
    "Article",
    "Entry",
    "Listing",
    "Site",
    "Term",
    "article_renderer",
    "listing_renderer",
    "page_param",
]
