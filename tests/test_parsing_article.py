"""parse_article on hand-written article pages in tests/fixtures/articles, and its date rules.

Fixtures: (a) BMJ Leader ``_s`` single post with Yoast head and JSON-LD graph, (b) the
older BMJ theme with ``article:published_time`` in BST and no JSON-LD, (c) Twenty
Twenty-Four block theme with ``<time>`` only, (d) NHS England with a visible
"Published:" line and an author box, (e) Genesis whose visible date disagrees with
its metadata, (f) Ghost-like page with "2 weeks ago" only, (g) Drupal page with no
date, (h) Drupal page with "October 2023", (i) WordPress post full of widgets.
"""

from __future__ import annotations

import contextlib
import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.parsing.article import ArticlePage, NotAnArticlePage, parse_article, word_count
from crawler.parsing.article_meta import byline_names, is_account

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"
FETCHED = "2024-05-20T10:00:00+00:00"
BMJ_URL = "https://blogs.bmj.com/bmjleader/2023/10/24/pharmacy-leadership-in-medicines-equity/"


def parse(name: str, url: str = "https://example.org/post/", **options) -> ArticlePage:
    options.setdefault("fetched_at", FETCHED)
    return parse_article((ARTICLES / name).read_bytes(), url, **options)


def page(head: str = "", header: str = "", body: str = "<p>Some text of the post.</p>") -> str:
    """A minimal single-post page: head tags, lines under the title, then the content."""
    return (
        f"<html><head><title>T</title>{head}</head><body class='single'><main><article>"
        f"<header><h1>A post</h1>{header}</header>"
        f"<div class='entry-content'>{body}</div></article></main></body></html>"
    )


def json_ld(data: dict) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def parse_page(html: str, **options) -> ArticlePage:
    options.setdefault("fetched_at", FETCHED)
    return parse_article(html, "https://example.org/post/", **options)


# --- (a) BMJ Leader, _s markup with Yoast JSON-LD -----------------------------------------


@pytest.fixture(scope="module")
def bmj() -> ArticlePage:
    return parse("a_bmjleader_yoast.html", BMJ_URL)


def test_a_metadata(bmj):
    assert bmj.canonical_url == BMJ_URL
    assert bmj.title == "Pharmacy Leadership in Medicines Equity. By Anisha Soni"
    # JSON-LD's instant wins, written as the theme's <time> writes it: in the site's
    # own offset (BST), not Yoast's UTC, so the date is the one the page shows.
    assert bmj.published == "2023-10-24T08:30:00+01:00"
    assert bmj.published_raw == "2023-10-24T08:30:00+01:00"
    assert bmj.date_precision == "day"
    assert bmj.date_relative is False
    assert bmj.modified == "2023-10-25T10:12:41+01:00"
    assert bmj.categories == ("Blog", "Equality, diversity and inclusion")
    assert bmj.tags == ("health inequalities", "pharmacy")


def test_a_the_uploader_account_is_not_an_author(bmj):
    # The byline, <meta name=author>, JSON-LD and "Written by" all say "BMJ Leader".
    assert bmj.authors == ()


def test_a_body_starts_with_the_origin_note_and_keeps_structure(bmj):
    paragraphs = bmj.body_text.split("\n\n")
    assert paragraphs[0] == (
        "This blog post was originally published on the NHS Business Services Authority website."
    )
    assert paragraphs[1].startswith("Earlier this year the NHS Business Services Authority")
    assert "‘Access to NHS prescribing and exemption schemes in England’" in paragraphs[1]
    assert "What pharmacy leaders can do" in paragraphs  # heading
    assert "Work with community pharmacies to tell patients about the schemes." in paragraphs
    assert "Equity in medicines is not a side project; it is the work." in paragraphs
    assert (
        paragraphs[-1]
        == "(1) NHSBSA. Access to NHS prescribing and exemption schemes in England. 2023."
    )


def test_a_body_has_no_page_chrome(bmj):
    for text in (
        "Pharmacy Leadership in Medicines Equity. By Anisha Soni",  # the title
        "Posted on", "Recent Posts", "Leave a Reply", "Post navigation", "Skip to content",
        "In conversation with Dr. Jan Frich", "Privacy policy", "climate crisis", "Tagged",
        "anisha_soni2",  # the image's alt text
    ):  # fmt: skip
        assert text not in bmj.body_text
    assert bmj.word_count == word_count(bmj.body_text) == 188


# --- (b) older BMJ theme: article:published_time in BST, no JSON-LD ------------------------


def test_b_meta_published_time_keeps_its_offset():
    found = parse("b_bmjleader_no_jsonld_bst.html")
    assert found.published == "2020-07-06T09:00:00+01:00"
    assert found.published_raw == "2020-07-06T09:00:00+01:00"
    assert found.date_precision == "day"
    assert found.modified == "2020-07-07T14:20:05+01:00"
    assert found.canonical_url == (
        "https://blogs.bmj.com/bmjleader/2020/07/06/magical-meander-what-made-me-a-medical-manager/"
    )
    assert found.title == "‘Magical Meander’: What made me a medical manager?"
    assert found.categories == ("Blog",)
    assert found.tags == ("medical management", "careers")  # article:tag meta, no tag links
    assert found.authors == ()
    assert found.body_text.startswith("I never planned to become a medical manager.")
    assert "Never chair a meeting you have not prepared for." in found.body_text
    assert found.body_text.endswith("for as long as you can.")
    for chrome in ("July 2020", "Archives", "Previous post", "Leave a comment", "Magical Meander"):
        assert chrome not in found.body_text
    assert found.word_count == 136


# --- (c) Twenty Twenty-Four block theme: <time datetime> only -----------------------------


def test_c_block_theme_time_element():
    found = parse("c_twentytwentyfour_time_only.html")
    assert found.published == "2024-03-12T09:15:00+00:00"
    assert found.published_raw == "2024-03-12T09:15:00+00:00"
    # the modified-date block, not the comment's <time>
    assert found.modified == "2024-03-14T16:02:11+00:00"
    assert (
        found.canonical_url
        == "https://wardtoboard.example.org/2024/03/12/kindness-is-a-leadership-skill/"
    )
    assert found.title == "Kindness is a leadership skill, not a soft option"
    assert found.categories == ("Compassionate leadership",)  # rel="tag" but taxonomy-category
    assert found.tags == ("kindness", "nursing")
    assert found.authors == ("Jane Roe",)
    paragraphs = found.body_text.split("\n\n")
    assert paragraphs[0].startswith("When I became a ward sister")
    assert "Compassion is not the opposite of standards; it is how we keep them." in paragraphs
    assert paragraphs[-1] == "None of this is new, but all of it is easy to forget under pressure."
    for chrome in ("Sam Carter", "matches my experience", "Huddles that work", "Designed with"):
        assert chrome not in found.body_text
    assert found.word_count == 112


# --- (d) NHS England: visible "Published:" line, author box --------------------------------


def test_d_visible_published_line_and_author_box():
    found = parse("d_nhs_england_visible_date.html")
    assert found.published == "2021-11-03"
    assert found.published_raw == "3 November 2021"
    assert found.date_precision == "day"
    assert found.date_relative is False
    assert found.modified is None
    assert found.authors == ("Alistair Burns",)
    assert found.categories == () and found.tags == ()
    assert found.title == "Dementia is a challenge to the entire planet"
    assert found.body_text.startswith("Last week I joined colleagues from 40 countries")
    assert found.body_text.endswith("one of our main priorities.")
    for chrome in (
        "Share this page", "Twitter", "LinkedIn", "Professor of Old Age Psychiatry",
        "National Clinical Director", "Margaret Hill", "2 comments", "Related blogs",
        "Why a dementia diagnosis matters", "Skip to main content", "Published:",
    ):  # fmt: skip
        assert chrome not in found.body_text
    assert found.word_count == 98


# --- (e) visible date disagrees with the metadata -----------------------------------------


def test_e_metadata_beats_the_visible_date():
    found = parse("e_genesis_date_disagrees.html")
    # The page shows "1 April 2022"; JSON-LD and article:published_time say 15 March.
    assert found.published == "2022-03-15T10:00:00+00:00"
    assert found.published_raw == "2022-03-15T10:00:00+00:00"
    assert found.modified == "2022-04-01T08:45:00+00:00"
    assert found.authors == ("Habib Naqvi",)
    assert found.categories == ("Workforce",)
    assert found.tags == ()
    assert "Leading Together is a blog" not in found.body_text
    assert "Leave a Comment" not in found.body_text
    assert found.word_count == 65


def test_e_without_metadata_the_visible_date_is_used():
    html = (ARTICLES / "e_genesis_date_disagrees.html").read_text()
    html = html.replace('"datePublished":"2022-03-15T10:00:00+00:00",', "")
    html = html.replace('content="2022-03-15T10:00:00+00:00"', 'content=""')
    found = parse_page(html)
    assert found.published == "2022-04-01"
    assert found.published_raw == "1 April 2022"


def test_e_json_ld_of_other_posts_is_ignored():
    html = (ARTICLES / "e_genesis_date_disagrees.html").read_text()
    html = html.replace('"datePublished":"2022-03-15T10:00:00+00:00",', "")
    found = parse_page(html)
    assert found.published == "2022-03-15T10:00:00+00:00"  # the meta tag, not 2019's ItemList


# --- (f) relative date ---------------------------------------------------------------------


def test_f_relative_date_resolves_against_fetch_time():
    found = parse("f_relative_date.html")
    assert found.published == "2024-05-06"
    assert found.published_raw == "2 weeks ago"
    assert found.date_precision == "day"
    assert found.date_relative is True
    assert found.canonical_url is None
    assert found.authors == ("Sam Okafor",)
    assert found.body_text.startswith("A year ago I took on the clinical director role")
    assert "1. Your diary is your strategy" in found.body_text.split("\n\n")
    for chrome in ("4 min read", "Number one is so true", "1w ago", "Rotas that", "Subscribe"):
        assert chrome not in found.body_text
    assert found.word_count == 86


def test_f_same_page_fetched_later_gives_a_later_date():
    assert parse("f_relative_date.html", fetched_at="2024-06-03T23:59:00+01:00").published == (
        "2024-05-20"
    )


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("1w ago", "2024-05-13", "day"),
        ("3d ago", "2024-05-17", "day"),
        ("5 hours ago", "2024-05-20", "day"),
        ("a week ago", "2024-05-13", "day"),
        ("Yesterday", "2024-05-19", "day"),
        ("2 months ago", "2024-03", "month"),
        ("1 year ago", "2023", "year"),
    ],
)
def test_relative_wordings(text, expected, precision):
    found = parse_page(page(header=f"<span class='date'>{text}</span>"))
    assert (found.published, found.date_precision, found.date_relative) == (
        expected,
        precision,
        True,
    )


# --- (g) no date, (h) month only -----------------------------------------------------------


def test_g_no_date_at_all():
    found = parse("g_no_date.html")
    assert found.published is None
    assert found.published_raw is None
    assert found.date_precision is None
    assert found.date_relative is False
    assert found.modified is None
    assert found.authors == ("Martin Bromiley",)
    assert found.tags == ("Workforce", "Leadership")  # Drupal topics
    assert found.categories == ()
    paragraphs = found.body_text.split("\n\n")
    assert paragraphs[0].startswith("The people who lead the NHS look less like")  # standfirst
    assert paragraphs[1].startswith("Ask a room of NHS staff")
    assert "Main navigation" not in found.body_text and "Topics" not in found.body_text
    assert found.word_count == 88


def test_h_month_only_date():
    found = parse("h_month_only.html")
    assert found.published == "2023-10"
    assert found.published_raw == "October 2023"
    assert found.date_precision == "month"
    assert found.authors == ("Ravi Menon",)  # "By Dr Ravi Menon, FMLM Fellow"
    assert found.canonical_url == (
        "https://www.fmlm.ac.uk/news-opinion/followership-matters-as-much-as-leadership"
    )
    assert "Total views" not in found.body_text and "FMLM Fellow" not in found.body_text
    assert found.word_count == 49


# --- (i) widgets, comments, related posts, Yoast footer ------------------------------------


@pytest.fixture(scope="module")
def widgets() -> ArticlePage:
    return parse("i_widgets_to_strip.html")


def test_i_microdata_date_and_author_box(widgets):
    assert widgets.published == "2019-05-14"  # itemprop=datePublished, before "14th May 2019"
    assert widgets.published_raw == "2019-05-14"
    assert widgets.modified == "2019-06-02"
    assert widgets.authors == ("Rachel Stancliffe",)  # the author box, not "admin"
    assert widgets.categories == ("Net zero",)
    assert widgets.tags == ("climate", "leadership")


@pytest.mark.parametrize(
    "text",
    [
        "Share on Shareaholic",  # Shareaholic
        "Spread the word", "Share via AddToAny",  # AddToAny
        "Share this:", "Click to share", "Facebook",  # Jetpack sharedaddy
        "Like this:", "Loading...",  # Jetpack likes
        "Why anaesthetic gases matter",  # Jetpack related posts
        "Related posts:", "The supply chain is the climate problem",  # YARPP
        "Sign up to our newsletter", "Subscribe",  # newsletter form
        "appeared first on", "The post Greener leadership",  # Yoast feed footer
        "founded a centre for sustainable healthcare",  # author box
        "Tom Baker", "desflurane", "sharing with our board", "thoughts on", "Leave a Reply",
        "Low-carbon inhalers explained", "Post navigation",
        "Posted on", "admin", "Net zero", "Tagged", "Proudly powered", "x=1",
    ],
)  # fmt: skip
def test_i_boilerplate_is_removed(widgets, text):
    assert text not in widgets.body_text


def test_i_body_paragraphs_survive(widgets):
    assert widgets.body_text.split("\n\n") == [
        "The NHS is responsible for around four per cent of England’s carbon emissions. That "
        "makes every health leader a climate leader, whether they asked for the job or not.",
        "Most of the emissions are not in buildings or transport but in the supply chain: "
        "medicines, equipment and food.",
        "Where to start",
        "Measure your anaesthetic gases.",
        "Ask your suppliers for their carbon plans.",
        "Make sustainability part of clinical quality.",
        "Sustainable healthcare is simply good healthcare that lasts.",
        "Leaders who start now will find the later steps easier, and cheaper.",
    ]
    assert widgets.word_count == 88


# --- date precedence and reading ----------------------------------------------------------


def test_precedence_article_meta_over_time_over_microdata_over_text():
    header = (
        "<time class='entry-date published' datetime='2023-01-03T09:00:00+00:00'>3 Jan</time>"
        "<meta itemprop='datePublished' content='2023-01-04'>"
        "<p class='date'>Published: 5 January 2023</p>"
    )
    meta = "<meta property='article:published_time' content='2023-01-02T08:00:00+00:00'>"
    ld = json_ld({"@type": "BlogPosting", "datePublished": "2023-01-01"})
    assert parse_page(page(ld + meta, header)).published == "2023-01-01"
    assert parse_page(page(meta, header)).published == "2023-01-02T08:00:00+00:00"
    assert parse_page(page("", header)).published == "2023-01-03T09:00:00+00:00"
    no_time = header.split("</time>")[1]
    assert parse_page(page("", no_time)).published == "2023-01-04"
    assert parse_page(page("", no_time.split(">", 1)[1])).published == "2023-01-05"


def test_published_time_element_before_updated_one():
    header = (
        "<time class='updated' datetime='2023-02-01T10:00:00+00:00'>1 Feb</time>"
        "<time class='entry-date published' datetime='2023-01-15T10:00:00+00:00'>15 Jan</time>"
    )
    found = parse_page(page(header=header))
    assert found.published == "2023-01-15T10:00:00+00:00"
    assert found.modified == "2023-02-01T10:00:00+00:00"


def test_visible_updated_line_gives_modified():
    found = parse_page(page(header="<p>Published: 3 Nov 2021 Last updated: 5 Nov 2021</p>"))
    assert (found.published, found.modified) == ("2021-11-03", "2021-11-05")


@pytest.mark.parametrize(
    ("order", "expected"),
    [("DMY", "2024-04-03"), ("MDY", "2024-03-04"), ("YMD", None)],
)
def test_numeric_date_follows_the_source_date_order(order, expected):
    found = parse_page(page(header="<span class='posted-on'>03/04/2024</span>"), date_order=order)
    assert found.published == expected


def test_impossible_reading_in_the_source_order_falls_back():
    found = parse_page(page(header="<span class='date'>24/10/2023</span>"), date_order="MDY")
    assert found.published == "2023-10-24"


@pytest.mark.parametrize(
    ("value", "expected", "precision"),
    [
        ("2023", "2023", "year"),
        ("2023-10", "2023-10", "month"),
        ("2023-10-24", "2023-10-24", "day"),
        ("2023-10-24T08:30:00Z", "2023-10-24T08:30:00+00:00", "day"),
        ("2023-10-24T08:30:00-0500", "2023-10-24T08:30:00-05:00", "day"),
        ("2023-10-24T08:30:00", "2023-10-24T08:30:00", "day"),  # no offset: none invented
        ("October 24, 2023", "2023-10-24", "day"),  # not ISO: read as text
    ],
)
def test_machine_values_and_precision(value, expected, precision):
    ld = json_ld({"@type": "Article", "datePublished": value})
    found = parse_page(page(ld))
    assert (found.published, found.date_precision, found.published_raw) == (
        expected,
        precision,
        value,
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted on October 24, 2023", "2023-10-24"),
        ("24th Oct 2023", "2023-10-24"),
        ("Published: 2019", "2019"),
        ("3-Nov-2021", "2021-11-03"),  # dateparser, in a date element only
    ],
)
def test_visible_wordings(text, expected):
    assert parse_page(page(header=f"<div class='post-date'>{text}</div>")).published == expected


def test_dates_in_the_body_are_not_the_publication_date():
    body = "".join(f"<p>Paragraph {i} of the text.</p>" for i in range(4))
    body += "<p>On 12 March 2020 the first lockdown began.</p>"
    assert parse_page(page(body=body)).published is None


def test_page_without_a_content_block_reads_the_text_after_the_title():
    html = (
        "<html><body class='single'><main><header class='post-head'><h1>Title here</h1>"
        "<p>Posted 3 May 2022</p></header><p>First paragraph.</p><p>Second paragraph.</p>"
        "<div class='sharedaddy'>Share this:</div></main></body></html>"
    )
    found = parse_page(html)
    assert found.body_text == "First paragraph.\n\nSecond paragraph."
    assert found.published == "2022-05-03"
    assert found.title == "Title here"


def test_utc_metadata_is_kept_in_the_pages_own_offset():
    # Yoast writes UTC; the theme's <time> the same instant in BST, the date shown.
    ld = json_ld({"@type": "BlogPosting", "datePublished": "2023-10-26T23:30:00+00:00"})
    header = "<time class='entry-date published' datetime='2023-10-27T00:30:00+01:00'>27 Oct</time>"
    found = parse_page(page(ld, header))
    assert (found.published, found.published_raw) == (
        "2023-10-27T00:30:00+01:00",
        "2023-10-27T00:30:00+01:00",
    )
    # Another instant is another date, and the metadata wins as before.
    other = header.replace("2023-10-27T00:30:00+01:00", "2023-10-28T09:00:00+01:00")
    assert parse_page(page(ld, other)).published == "2023-10-26T23:30:00+00:00"


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("Oct 27, 2023", "2023-10-27"),  # 23:30 UTC is the 27th east of UTC+00:30
        ("Oct 26, 2023", "2023-10-26T23:30:00+00:00"),  # the same date: the full value
        ("Oct 29, 2023", "2023-10-26T23:30:00+00:00"),  # no time zone makes it the 29th
        ("3 weeks ago", "2023-10-26T23:30:00+00:00"),
    ],
)
def test_a_shown_date_that_is_the_metadatas_instant_elsewhere_is_kept(shown, expected):
    ld = json_ld({"@type": "BlogPosting", "datePublished": "2023-10-26T23:30:00+00:00"})
    found = parse_page(page(ld, f"<span class='published'>{shown}</span>"))
    assert found.published == expected


def test_the_permalinks_date_when_the_page_has_no_other():
    html = page(body="<p>Text of the post.</p>")
    url = "https://example.org/2023/10/17/a-post/"
    found = parse_article(html, url, fetched_at=FETCHED)
    assert (found.published, found.published_raw, found.date_precision) == (
        "2023-10-17",
        "2023/10/17",
        "day",
    )
    assert found.modified is None
    blogger = parse_article(html, "https://x.blogspot.com/2023/10/a-post.html", fetched_at=FETCHED)
    assert (blogger.published, blogger.date_precision) == ("2023-10", "month")
    dated = page(header="<span class='posted-on'>18 October 2023</span>")
    assert parse_article(dated, url, fetched_at=FETCHED).published == "2023-10-18"


def test_hatom_abbr_title_and_microdata_text():
    header = (
        "<abbr class='published' itemprop='datePublished' "
        "title='2023-10-26T21:14:00+01:00'>21:14</abbr>"
    )
    assert parse_page(page(header=header)).published == "2023-10-26T21:14:00+01:00"
    label = (
        "<li itemprop='datePublished'>"
        "<span class='screen-reader-text'>Post published:</span>26/10/2023</li>"
    )
    found = parse_page(page(header=f"<ul>{label}</ul>"))
    assert (found.published, found.published_raw) == ("2023-10-26", "26/10/2023")


def test_a_line_break_separates_dated_labels():
    header = "<p>Updated on: 2 November 2023<br>Published on: 17 October 2023</p>"
    found = parse_page(page(header=header))
    assert (found.published, found.modified) == ("2023-10-17", "2023-11-02")


@pytest.mark.parametrize(
    "furniture",
    [
        # a table of contents: links to the page's own anchors, a title
        "<div class='toc'><p>Contents</p><ul><li><a href='#one'>One</a></li>"
        "<li><a href='#two'>Two</a></li></ul></div>",
        # the post's topics
        "<div class='x'><h2>Topics</h2><a href='/blog/tag/inclusion/'>Inclusion</a> "
        "<a rel='tag' href='/t/2/'>Workforce</a></div>",
        "<p style='display: none'>Toggle</p>",
        "<p><span class='govuk-visually-hidden'>Information: </span></p>",
        "<div class='td-a-rec'><span>- Advertisement -</span><a href='/ad'><img alt='x'></a></div>",
    ],
)
def test_structural_furniture_leaves_the_body(furniture):
    body = f"<p>First paragraph of the post.</p>{furniture}<p>Second paragraph.</p>"
    assert parse_page(page(body=body)).body_text == (
        "First paragraph of the post.\n\nSecond paragraph."
    )


def test_footnotes_stay_without_their_back_links():
    body = (
        "<p>A claim.<sup><a href='#fn1' id='fn1-link'>1</a></sup></p>"
        "<ol class='wp-block-footnotes'><li id='fn1'>NHS England. A plan. 2023. "
        "<a href='#fn1-link' aria-label='Jump to footnote reference 1'>↩︎</a></li>"
        "<li id='fn2'>Another source. <a href='#fn1-link'>↩︎</a></li></ol>"
    )
    assert parse_page(page(body=body)).body_text.split("\n\n") == [
        "A claim.1",
        "NHS England. A plan. 2023.",
        "Another source.",
    ]


def test_byline_and_date_lines_around_the_text_leave_the_body():
    html = (
        "<html><body class='single'><main><h1>Title here</h1>"
        "<p>Posted by: Aisha Rahman, Head of Inclusive Leadership</p>"
        "<p>Updated on: 2 November 2023<br>Published on: 17 October 2023</p>"
        "<p>By the end of the year we had changed how places were filled.</p>"
        "<p>Second paragraph.</p><p>Page last reviewed: 3 November 2023</p></main></body></html>"
    )
    found = parse_page(html)
    assert found.body_text.split("\n\n") == [
        "By the end of the year we had changed how places were filled.",
        "Second paragraph.",
    ]
    assert found.authors == ("Aisha Rahman",)


# --- bylines -------------------------------------------------------------------------------


def test_opening_by_line_names_the_authors():
    found = parse_page(page(body="<p>By Jo Hartland and Xander Stephenson-Allen</p><p>Text.</p>"))
    assert found.authors == ("Jo Hartland", "Xander Stephenson-Allen")


def test_group_byline_is_kept():
    header = "<span class='byline'>By Nursing Regional Clinical Leadership Fellows</span>"
    assert parse_page(page(header=header)).authors == (
        "Nursing Regional Clinical Leadership Fellows",
    )


@pytest.mark.parametrize(
    "name", ["admin", "Editorial team", "BMJ Leader", "Blog Editor", "Web Team"]
)
def test_accounts_are_not_authors(name):
    head = "<meta property='og:site_name' content='BMJ Leader blog'>"
    header = f"<span class='byline'>by <a rel='author' href='/author/x/'>{name}</a></span>"
    assert parse_page(page(head, header)).authors == ()


def test_byline_helpers():
    assert byline_names("Written by Professor Jane Roe MBE and Dr Sam Li") == ["Jane Roe", "Sam Li"]
    assert is_account("BMJ Leader", {"bmj leader blog"})
    assert not is_account("Jane Roe", {"bmj leader blog"})


# --- not an article -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        "",
        "   ",
        "just some words, no markup at all",
        b"\x00\xff\xfe binary",
        "<html><head><title>Empty</title></head><body><nav><a href='/'>Home</a></nav></body>",
    ],
)
def test_not_an_article(data):
    with pytest.raises(NotAnArticlePage):
        parse_article(data, "https://example.org/", fetched_at=FETCHED)


@pytest.mark.parametrize(
    "name", ["a_bmjleader_home_page2.html", "e_block_theme_tt4.html", "g_empty_archive.html"]
)
def test_listing_pages_are_not_articles(name):
    data = (FIXTURES / "listing" / name).read_bytes()
    with pytest.raises(NotAnArticlePage):
        parse_article(data, "https://blogs.bmj.com/bmjleader/page/2/", fetched_at=FETCHED)


def test_bad_arguments_are_value_errors():
    with pytest.raises(ValueError, match="date_order"):
        parse_page(page(), date_order="DM")
    with pytest.raises(ValueError):
        parse_page(page(), fetched_at="yesterday")


# Pieces of article markup, odd values included, glued at random.
_PIECES = [
    "<html>", "<body class='single'>", "<article>", "<h1>", "</h1>", "<p>",
    "</p>", "<div class='entry-content'>", "</div>", "<time datetime='2023-99'>",
    "<time datetime='2023-10-24T08:30:00+99:99'>", "Published: 31/02/2023",
    "99999 weeks ago", "<script type='application/ld+json'>", "</script>",
    '{"@graph": [{"@type": ["Article"], "datePublished": 3, "author": [1]}]}',
    '{"@type": "Article", "url": "http://[::1", "keywords": 5}',
    "<a rel='tag' href='/tag/x/'>", "<a rel='author'>", "By ", "Jane Roe",
    "<meta property='article:published_time' content='0000-00-00'>",
    "<link rel='canonical' href='http://[bad'>", "&amp;", "\x00", "</",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.text(),
        st.binary(),
        st.lists(
            st.sampled_from(_PIECES),
            max_size=40,
        ).map("".join),
    )
)
def test_never_raises_anything_else(data):
    with contextlib.suppress(NotAnArticlePage):
        parse_article(data, "https://example.org/post/", fetched_at=FETCHED)


# --- properties ------------------------------------------------------------------------------

# Elements a page marks as not the post: landmarks, comments, related posts, sign-up forms.
_CHROME_WRAPPERS = [
    "<nav aria-label='Posts'><a href='/x/'>{}</a></nav>",
    "<aside><h3>{}</h3></aside>",
    "<div role='complementary'><p>{}</p></div>",
    "<div role='navigation'><a href='/y/'>{}</a></div>",
    "<footer><p>{}</p></footer>",
    "<div id='comments' class='comments-area'><ol><li><cite>{0}</cite><p>{0}</p></li></ol></div>",
    "<section class='related-posts'><h3><a href='/z/'>{}</a></h3></section>",
    "<form action='/subscribe'><p>{}</p><input type='email'></form>",
]
_BODY_WRAPPERS = [
    "<p>{}</p>",
    "<h2>{}</h2>",
    "<ul><li>{}</li></ul>",
    "<blockquote><p>{}</p></blockquote>",
]
_letters = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8)


@st.composite
def _pages_with_chrome(draw):
    """A post page with body blocks of "body…" words and chrome of "chrome…" words
    at random places: around the page, inside the article and inside the text."""
    body = [
        " ".join(f"body{w}" for w in draw(st.lists(_letters, min_size=3, max_size=12)))
        for _ in range(draw(st.integers(1, 6)))
    ]
    blocks = [draw(st.sampled_from(_BODY_WRAPPERS)).format(text) for text in body]
    chrome = []
    for _ in range(draw(st.integers(1, 8))):
        words = " ".join(f"chrome{w}" for w in draw(st.lists(_letters, min_size=1, max_size=6)))
        chrome.append(draw(st.sampled_from(_CHROME_WRAPPERS)).format(words))
    places: dict[str, list[str]] = {"before": [], "in_text": [], "after_text": [], "after": []}
    for piece in chrome:
        places[draw(st.sampled_from(sorted(places)))].append(piece)
    for piece in places["in_text"]:
        blocks.insert(draw(st.integers(0, len(blocks))), piece)
    layout = draw(st.sampled_from(["article", "main", "builder"]))
    text, after_text = "".join(blocks), "".join(places["after_text"])
    if layout == "article":
        post = (
            "<main><article><header><h1>A post</h1></header>"
            f"<div class='entry-content'>{text}</div>{after_text}</article></main>"
        )
    elif layout == "main":  # no content block: the text after the title
        post = f"<main><h1>A post</h1>{text}{after_text}</main>"
    else:  # a page builder's columns: no main, no article, no content class
        post = (
            "<div class='row'><div class='col'><h1>A post</h1></div>"
            f"<div class='col'><div class='text-block'>{text}</div>{after_text}</div></div>"
        )
    html = (
        "<html><head><title>A post</title></head><body class='single'>"
        + "".join(places["before"])
        + post
        + "".join(places["after"])
        + "</body></html>"
    )
    return html, body


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_pages_with_chrome())
def test_body_is_the_text_and_nothing_the_page_marks_as_chrome(case):
    html, body = case
    found = parse_page(html)
    assert "chrome" not in found.body_text
    assert found.body_text.split("\n\n") == body


_UNITS = ["second", "minute", "hour", "day", "week", "month", "year", "d", "w", "h", "mo", "yr"]


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 999),
    st.sampled_from(_UNITS),
    st.datetimes(min_value=datetime(2005, 1, 1), max_value=datetime(2035, 12, 31)),
    st.sampled_from(["+00:00", "+01:00", "-05:00", "+14:00"]),
)
def test_relative_dates_are_never_after_the_crawl(n, unit, when, offset):
    fetched = when.replace(microsecond=0).isoformat() + offset
    text = f"{n} {unit}{'s' if n > 1 and len(unit) > 2 else ''} ago"
    html = page(header=f"<span class='date'>{text}</span>")
    found = parse_article(html, "https://example.org/post/", fetched_at=fetched)
    if found.published is None:  # beyond the plausible years (1900 to 2100)
        return
    assert found.date_relative is True
    assert found.published <= fetched[: len(found.published)]


def test_a_wrapper_named_for_its_sidebar_layout_holds_the_post() -> None:
    # Enfold writes its layout class on the wrapper of main and the sidebar alike.
    html = (
        "<html><head><title>T</title></head><body class='single'><div id='main'>"
        "<div class='container_wrap container_wrap_first main_color sidebar_right'>"
        "<div class='container'><main class='content units' role='main'>"
        "<article class='post-entry'><header class='entry-content-header'><h1 class='post-title "
        "entry-title'>A post</h1><time class='date-container updated' datetime='2023-11-07T09:30"
        ":00+00:00'>November 7, 2023</time></header><div class='entry-content'><p>What the post"
        " says.</p></div></article></main><aside class='sidebar sidebar_right' role="
        "'complementary'><h3>Latest news</h3><p>A widget.</p></aside></div></div></div>"
        "</body></html>"
    )
    page = parse_page(html)
    assert (page.title, page.body_text) == ("A post", "What the post says.")
    assert page.published == "2023-11-07"
