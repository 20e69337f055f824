"""Normalising posts where they are parsed: once, and to the same fields as the pipeline.

A crawl's parsing process (``ListingReader``) and ``reparse``'s workers hand the
pipelines posts already normalised; the normalise pipeline must leave those
alone (a cleaned teaser parsed again would lose its ``[…]`` mark), and a post's
own page must settle its authors the same way for a raw and a normalised post.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.extract import ListingReader, article_post, read_listing
from crawler.items import PageEntries, Post
from crawler.normalising import is_normalised, normalise_post
from crawler.parsing.article import ArticlePage
from crawler.parsing.urls import post_permalink_pattern
from crawler.pipelines.normalise import NormalisePipeline

LISTINGS = Path(__file__).parent / "fixtures" / "listing"
BMJ = post_permalink_pattern("https://blogs.bmj.com/bmjleader/")
NHSE = re.compile(r"^https://www\.england\.nhs\.uk/blog/(?!page/)[a-z0-9-]+/?$")
PAGES = [
    ("a_bmjleader_home_page2.html", "https://blogs.bmj.com/bmjleader/page/2/", BMJ),
    ("c_cards_page_numbers.html", "https://blogs.bmj.com/bmjleader/", BMJ),
    ("e_block_theme_tt4.html", "https://blogs.bmj.com/bmjleader/", BMJ),
    ("f_nhs_england_blogs.html", "https://www.england.nhs.uk/blog/", NHSE),
]


def raw_post(heading: str, teaser: str | None = None, **fields: object) -> Post:
    return Post(
        url="http://blogs.bmj.com/bmjleader/2024/05/01/a-post",
        source="bmjleader",
        heading=heading,
        teaser=teaser,
        **fields,
    )


def test_normalise_post_fills_the_heading_and_teaser_fields():
    post = normalise_post(
        raw_post(
            "Leading through change, part 2: Trust on the ward – Ann Lee and Bo Chen",
            "Trust is built in small moments. […]",
        )
    )
    assert post.url == "https://blogs.bmj.com/bmjleader/2024/05/01/a-post/"
    assert (post.series, post.series_part) == ("Leading through change", 2)
    assert post.authors == ["Ann Lee", "Bo Chen"]
    assert post.author_source == "heading"
    assert (post.teaser, post.teaser_truncated) == ("Trust is built in small moments.", True)
    assert is_normalised(post)


def test_the_pipeline_leaves_a_post_normalised_in_the_parsing_process_as_it_is():
    post = normalise_post(raw_post("Trust on the ward – Ann Lee", "Trust is built. […]"))
    before = replace(post, authors=list(post.authors))
    NormalisePipeline().process_item(PageEntries("https://blogs.bmj.com/bmjleader/", [post]))
    assert post == before  # in particular teaser_truncated stays True


def test_the_pipeline_normalises_raw_posts_of_a_page():
    page = PageEntries(
        "https://blogs.bmj.com/bmjleader/",
        [raw_post("Trust on the ward – Ann Lee", "Trust is built. […]")],
    )
    (post,) = NormalisePipeline().process_item(page).posts
    assert post.authors == ["Ann Lee"] and post.teaser_truncated


@pytest.mark.parametrize(("name", "page_url", "pattern"), PAGES)
def test_the_listing_reader_gives_read_listing_normalised(name, page_url, pattern):
    text = (LISTINGS / name).read_bytes().decode("utf-8", "replace")
    known = ("Leading through change",)
    reader = ListingReader(pattern, source=None, source_name="blog", known_series=known)
    read = reader.read(text, page_url)
    plain = read_listing(text, page_url, pattern, source=None, source_name="blog")
    assert read.posts, name
    assert read.next_url == plain.next_url
    assert read.posts == [normalise_post(post, known) for post in plain.posts]


HEADINGS = st.sampled_from(
    [
        "Trust on the ward",
        "Trust on the ward – Ann Lee",
        "Book review: Leading with care by Cara Diaz",
        "Podcast: Bo Chen on rota gaps",
    ]
)
NAMES = st.lists(st.sampled_from(["Dee Evans", "Fay Green", "BMJ Leader"]), max_size=2)


@given(
    heading=HEADINGS,
    page_authors=NAMES,
    cms_author=st.sampled_from([None, "Gus Hill", "BMJ Leader"]),
)
def test_a_post_page_settles_authors_alike_for_raw_and_normalised_posts(
    heading, page_authors, cms_author
):
    """Listing post + its own page: normalised before or after ``article_post``, same post."""
    page = ArticlePage(
        canonical_url=None,
        title=None,
        published="2024-05-01",
        published_raw="1 May 2024",
        date_precision="day",
        date_relative=False,
        modified=None,
        categories=(),
        tags=(),
        authors=tuple(page_authors),
        body_text="The text.",
        word_count=2,
    )
    listed = raw_post(heading, "A teaser. […]", cms_author=cms_author)
    late = normalise_post(article_post(replace(listed), page, fetched_at="2026-11-22T10:00:00Z"))
    early = article_post(normalise_post(replace(listed)), page, fetched_at="2026-11-22T10:00:00Z")
    assert early == late
