"""parse_listing on listing pages modelled on popular WordPress themes.

Each folder in tests/fixtures/themes holds the first and the last page of one
theme's blog listing and ``expected.json``: per page, the entries in page order
(permalink, heading, first ~40 characters of the teaser and, where given, the last
~30 characters of the teaser once cleaned as a crawl cleans it) and the next-page URL.
The comment at the top of each page says what it models and what is invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.parsing.listing import ListingPage, listing_next_url, parse_listing
from crawler.parsing.teaser import parse_teaser
from crawler.parsing.urls import post_permalink_pattern

THEMES = Path(__file__).parent / "fixtures" / "themes"
BLOG = "http://127.0.0.1:8123/bmjleader/"
POST_URL = post_permalink_pattern(BLOG)
CASES = [
    pytest.param(folder.name, page, id=f"{folder.name}-{page.removesuffix('.html')}")
    for folder in sorted(p for p in THEMES.iterdir() if p.is_dir())
    for page in sorted(json.loads((folder / "expected.json").read_text("utf-8"))["pages"])
]


def expected(theme: str, page: str) -> dict:
    return json.loads((THEMES / theme / "expected.json").read_text("utf-8"))["pages"][page]


def parse(theme: str, page: str) -> ListingPage:
    data = (THEMES / theme / page).read_bytes()
    return parse_listing(data, expected(theme, page)["url"], POST_URL)


def test_there_are_enough_themes() -> None:
    assert len({theme for theme, _ in (case.values for case in CASES)}) >= 8


@pytest.mark.parametrize(("theme", "page"), CASES)
def test_entry_urls_each_once_in_page_order(theme: str, page: str) -> None:
    want = [e["url"] for e in expected(theme, page)["entries"]]
    assert [e.url for e in parse(theme, page).entries] == want


@pytest.mark.parametrize(("theme", "page"), CASES)
def test_headings(theme: str, page: str) -> None:
    want = {e["url"]: e["heading"] for e in expected(theme, page)["entries"]}
    got = {e.url: e.heading for e in parse(theme, page).entries}
    assert {url: got.get(url) for url in want} == want


@pytest.mark.parametrize(("theme", "page"), CASES)
def test_teaser_prefixes(theme: str, page: str) -> None:
    want = {e["url"]: e["teaser_prefix"] for e in expected(theme, page)["entries"]}
    got = {e.url: e.teaser[: len(want.get(e.url, ""))] for e in parse(theme, page).entries}
    assert {url: got.get(url) for url in want} == want


@pytest.mark.parametrize(("theme", "page"), CASES)
def test_teaser_ends(theme: str, page: str) -> None:
    # What a reader sees last of the teaser: no read-more text, screen-reader title,
    # sharing buttons, caption or meta line after it.
    entries = expected(theme, page)["entries"]
    want = {e["url"]: e["teaser_end"] for e in entries if "teaser_end" in e}
    got = {e.url: parse_teaser(e.teaser).text for e in parse(theme, page).entries}
    assert {url: got.get(url, "")[-len(end) :] for url, end in want.items()} == want


@pytest.mark.parametrize(("theme", "page"), CASES)
def test_next_url(theme: str, page: str) -> None:
    assert parse(theme, page).next_url == expected(theme, page)["next_url"]


@pytest.mark.parametrize(("theme", "page"), CASES)
def test_the_next_link_alone_is_what_the_full_parse_finds(theme: str, page: str) -> None:
    # A crawl asks for the next page on this before the entries are parsed.
    data = (THEMES / theme / page).read_bytes()
    url = expected(theme, page)["url"]
    assert listing_next_url(data, url, POST_URL) == parse_listing(data, url, POST_URL).next_url
