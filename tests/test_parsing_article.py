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
    # JSON-LD wins over the <time> of the theme (same instant, written in BST).
    assert bmj.published == "2023-10-24T07:30:00+00:00"
    assert bmj.published_raw == "2023-10-24T07:30:00+00:00"
    assert bmj.date_precision == "day"
    assert bmj.date_relative is False
    assert bmj.modified == "2023-10-25T09:12:41+00:00"
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
