"""The source registry: which sites to crawl and how, read from TOML.

Sources are data: adding a WordPress blog is a ``[[source]]`` entry, not code.
The built-in registry is ``crawler/sources.toml``; a user file given with
``--sources`` (or the ``SOURCES_FILE`` setting) adds sources or replaces
built-in ones of the same name.
"""

from __future__ import annotations

import importlib.resources
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from crawler.parsing.listing import ListingSelectors

# Read through importlib.resources: inside a zipped egg (Scrapyd) it is no file path.
BUILTIN_SOURCES_FILE = importlib.resources.files("crawler") / "sources.toml"

# Platform kinds, each crawled by its own spider (crawler/spiders/).
KINDS = ("wordpress", "feed", "medium", "resource-hub")
DATE_ORDERS = ("DMY", "MDY", "YMD")

_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_SELECTOR_KEYS = ("entry", "heading", "teaser", "next")
_KNOWN_KEYS = {
    "name", "kind", "title", "start_urls", "max_pages", "allow", "post_url", "date_order",
    *_SELECTOR_KEYS,
}  # fmt: skip


class SourceConfigError(ValueError):
    """A registry entry is invalid; the message names the file, the source and the problem."""

    def __init__(self, file: str | Path, source: str | None, problem: str) -> None:
        self.file = str(file)
        self.source = source
        self.problem = problem
        where = f"{self.file}: source {source!r}" if source else self.file
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True, slots=True)
class Source:
    """One site to crawl. Optional fields tune the platform spider for an odd site."""

    name: str
    kind: str
    start_urls: tuple[str, ...]
    title: str | None = None
    max_pages: int | None = None
    allow: str | None = None  # only follow and keep URLs under this path prefix
    post_url: str | None = None  # regex for post permalinks, when they carry no date
    date_order: str = "DMY"  # how to read ambiguous dates (UK sites: day first)
    selectors: ListingSelectors | None = None  # CSS overrides for listing pages


def load_sources(extra_file: str | Path | None = None) -> dict[str, Source]:
    """Read the built-in registry, then ``extra_file`` over it. Raises SourceConfigError."""
    sources = _read_file(BUILTIN_SOURCES_FILE)
    if extra_file:
        sources.update(_read_file(Path(extra_file)))
    return sources


def _read_file(path: Path | Traversable) -> dict[str, Source]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourceConfigError(path, None, f"cannot read file ({exc.strerror})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SourceConfigError(path, None, f"not valid TOML ({exc})") from exc
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise SourceConfigError(path, None, "expected [[source]] tables")
    sources: dict[str, Source] = {}
    for position, entry in enumerate(entries, start=1):
        source = _parse_entry(path, position, entry)
        if source.name in sources:
            raise SourceConfigError(path, source.name, "duplicate name")
        sources[source.name] = source
    return sources


def _parse_entry(path: Path, position: int, entry: Any) -> Source:
    label = f"#{position}"
    if not isinstance(entry, Mapping):
        raise SourceConfigError(path, label, "a [[source]] entry must be a table")
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise SourceConfigError(path, str(name or label), "name must match [a-z0-9-]+")
    unknown = sorted(set(entry) - _KNOWN_KEYS)
    if unknown:
        raise SourceConfigError(path, name, f"unknown key(s): {', '.join(unknown)}")
    kind = entry.get("kind")
    if kind not in KINDS:
        raise SourceConfigError(
            path, name, f"unknown kind {kind!r} (expected one of: {', '.join(KINDS)})"
        )
    start_urls = entry.get("start_urls")
    if isinstance(start_urls, str):
        start_urls = [start_urls]
    if not isinstance(start_urls, list) or not start_urls:
        raise SourceConfigError(path, name, "start_urls must be a non-empty list of URLs")
    for url in start_urls:
        if not _is_http_url(url):
            raise SourceConfigError(path, name, f"malformed URL {url!r}")
    max_pages = entry.get("max_pages")
    if max_pages is not None and (not isinstance(max_pages, int) or max_pages < 1):
        raise SourceConfigError(path, name, "max_pages must be a positive integer")
    title = entry.get("title")
    return Source(
        name=name,
        kind=kind,
        start_urls=tuple(start_urls),
        title=str(title) if title else None,
        max_pages=max_pages,
        allow=_allow(path, name, entry.get("allow")),
        post_url=_regex(path, name, entry.get("post_url")),
        date_order=_date_order(path, name, entry.get("date_order", "DMY")),
        selectors=_selectors(path, name, entry),
    )


def _allow(path: Path, name: str, allow: Any) -> str | None:
    if allow is None:
        return None
    if not isinstance(allow, str) or not allow.startswith("/"):
        raise SourceConfigError(path, name, "allow must be a URL path starting with /")
    return allow


def _regex(path: Path, name: str, pattern: Any) -> str | None:
    if pattern is None:
        return None
    try:
        re.compile(pattern)
    except (re.error, TypeError) as exc:
        raise SourceConfigError(path, name, f"invalid post_url regex ({exc})") from None
    return pattern


def _date_order(path: Path, name: str, order: Any) -> str:
    if order not in DATE_ORDERS:
        raise SourceConfigError(path, name, f"date_order must be one of {', '.join(DATE_ORDERS)}")
    return order


def _selectors(path: Path, name: str, entry: Mapping[str, Any]) -> ListingSelectors | None:
    given = {key: entry[key] for key in _SELECTOR_KEYS if key in entry}
    if not given:
        return None
    for key, value in given.items():
        if not isinstance(value, str) or not value.strip():
            raise SourceConfigError(path, name, f"{key} selector must be a CSS selector string")
    try:
        return ListingSelectors(**given)
    except ValueError as exc:
        raise SourceConfigError(path, name, f"invalid selector ({exc})") from None


def _is_http_url(url: Any) -> bool:
    if not isinstance(url, str):
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def select_sources(sources: Mapping[str, Source], names: Iterable[str]) -> list[Source]:
    """The named sources, or all of them when ``names`` is empty. Unknown names raise KeyError."""
    names = list(names)
    if not names:
        return list(sources.values())
    missing = [n for n in names if n not in sources]
    if missing:
        raise KeyError(", ".join(missing))
    return [sources[n] for n in names]
