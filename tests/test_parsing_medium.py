"""parse_medium_article and Medium URL rules on hand-written pages in tests/fixtures/medium.

Fixture (a) carries the text of a real story (seed 003); its expected body is kept in
a_expected_body.txt, built from the captured text, not from the parser.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.parsing.medium import (
    MediumArticle,
    NotAnArticle,
    parse_medium_article,
    parse_medium_date,
)
from crawler.parsing.medium_urls import canonical_medium_url, medium_post_id

FIXTURES = Path(__file__).parent / "fixtures" / "medium"
TODAY = date(2025, 11, 20)
AMIR_BIO = (
    "Husband, daddy to 2 beautiful princesses and 2 princes, Primary Care and Out of "
    "Hospital ICT Project Manager. My Views are my own."
)


def parse(name: str, url: str, today: date = TODAY) -> MediumArticle:
    return parse_medium_article((FIXTURES / name).read_bytes(), url, today=today)


# --- (a) 2023+ data-testid layout, seed 003 ------------------------------------------------


@pytest.fixture(scope="module")
def story_a() -> MediumArticle:
    return parse(
        "a_2023_testid_leadership_in_the_nhs.html",
        "https://amir-ali2020.medium.com/leadership-in-the-nhs-2961c5deb7f2?source=rss-7d3a------2",
    )


def test_a_metadata(story_a):
    assert story_a.url == "https://medium.com/p/2961c5deb7f2"
    assert story_a.post_id == "2961c5deb7f2"
    assert story_a.title == "Leadership in the NHS"
    assert story_a.author == "Amir Ali"
    assert story_a.author_url == "https://amir-ali2020.medium.com/"
    assert story_a.published == "2020-10-30"
    assert story_a.published_raw == "Oct 30, 2020"
    assert story_a.reading_minutes == 3
    assert story_a.author_bio == AMIR_BIO
    assert story_a.partial is False


def test_a_body_is_the_captured_text(story_a):
    expected = (FIXTURES / "a_expected_body.txt").read_text(encoding="utf-8").strip()
    assert story_a.body_text == expected


def test_a_body_keeps_caption_list_and_headings_but_no_chrome(story_a):
    paragraphs = story_a.body_text.split("\n\n")
    assert "Core leadership skills" in paragraphs
    assert paragraphs[paragraphs.index("Make better decisions") + 2] == "Achieve better results"
    assert "what can we do to improve leadership?" in paragraphs
    assert paragraphs[-1] == "Do you lead to inspire or lead with influence for dominance?"
    for chrome in ("--", "Amir Ali", "Follow", "Sign up", "Listen", "Share", "3 min read", "Help"):
        assert chrome not in paragraphs
    assert story_a.title not in paragraphs
    assert AMIR_BIO not in story_a.body_text


# --- (b) 2021-22 pw-* layout in a publication -------------------------------------------------


def test_b_pw_layout_in_a_publication():
    story = parse(
        "b_2022_pw_publication.html",
        "https://medium.com/nhs-leadership-notes/"
        "what-a-ward-manager-taught-me-about-compassionate-leadership-8f3a1c2b9d47",
    )
    assert story.url == "https://medium.com/p/8f3a1c2b9d47"
    assert story.post_id == "8f3a1c2b9d47"
    assert story.title == "What a ward manager taught me about compassionate leadership"
    assert story.author == "Priya Raman"
    assert story.author_url == "https://medium.com/@priya.raman"
    # The visible date wins over the UTC timestamps of the metadata (evening of Jul 6).
    assert (story.published, story.published_raw) == ("2022-07-07", "Jul 7, 2022")
    assert story.reading_minutes == 6
    assert story.author_bio == (
        "Respiratory nurse turned improvement lead. Writing about the everyday work of "
        "leading on wards."
    )
    assert story.partial is False
    paragraphs = story.body_text.split("\n\n")
    assert paragraphs[0] == "Lessons from twelve night shifts on a respiratory ward"  # subtitle
    assert paragraphs[-1] == "None of this is soft. It is the hardest work on the ward."
    assert "“If I only hear about the problems at handover, I have already missed them.”" in (
        paragraphs
    )
    assert "Photo by the author, used with the ward’s permission" in paragraphs
    assert "covering breaks so that breaks happened;" in paragraphs
    for chrome in ("Published in", "NHS Leadership Notes", "--", "312 Followers", "Help"):
        assert chrome not in paragraphs
    assert "The handover is a leadership moment" not in story.body_text  # recommendations


# --- (c) member-only story behind the paywall -------------------------------------------------


def test_c_member_only_preview_is_partial():
    story = parse(
        "c_member_only_paywall.html",
        "https://tomwhitfield.medium.com/the-nhs-does-not-need-more-heroes-a4d9e07c1b35",
    )
    assert story.partial is True
    assert story.post_id == "a4d9e07c1b35"
    assert story.title == "The NHS does not need more heroes. It needs better systems."
    assert story.author == "Tom Whitfield"
    assert story.author_url == "https://tomwhitfield.medium.com/"
    assert (story.published, story.published_raw) == ("2023-03-03", "Mar 3, 2023")
    assert story.reading_minutes == 8
    assert story.body_text.split("\n\n") == [
        "Every winter the headlines find a new hero: the nurse who worked a triple shift, the "
        "consultant who slept in the car park. We clap, and then we schedule the next triple "
        "shift.",
        "Heroism is what a system asks for when it has stopped designing for",
    ]
    assert story.author_bio == (
        "Former paramedic. Now writing about how systems fail the people inside them."
    )


# --- (d) a date of this year, shown without the year ------------------------------------------


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 11, 20), "2025-10-15"),
        (date(2025, 10, 15), "2025-10-15"),
        (date(2026, 1, 5), "2025-10-15"),  # re-parsed in January: last October, not next
    ],
)
def test_d_date_without_year_is_this_year(today, expected):
    story = parse(
        "d_current_year_no_year.html",
        "https://medium.com/@amir-ali2020/three-questions-i-ask-every-new-team-5e0b7c3f91d2",
        today,
    )
    assert (story.published, story.published_raw) == (expected, "Oct 15")
    assert story.reading_minutes == 4
    assert story.author == "Amir Ali"
    assert story.author_url == "https://medium.com/@amir-ali2020"
    assert story.author_bio == AMIR_BIO
    assert story.body_text.split("\n\n") == [
        "When I join a new project team I ask the same three questions in the first week.",
        "What are you proud of here?",
        "What slows you down?",
        "What would you change if it were your call?",
        "The answers tell me more than any organisation chart.",
    ]


# --- (e) metadata only, unknown body markup; (g) Apollo cache only ----------------------------


def test_e_fields_from_meta_and_json_ld():
    story = parse("e_metadata_only.html", "https://medium.com/@helenmarsh/x")
    assert story.url == "https://medium.com/p/7c2e9a0d4b61"
    assert story.post_id == "7c2e9a0d4b61"
    assert story.title == "Leading through uncertainty: notes from a primary care network"
    assert story.author == "Dr Helen Marsh"
    assert story.author_url == "https://medium.com/@helenmarsh"
    assert story.published == "2021-03-04"  # JSON-LD, not article:published_time (Mar 5)
    assert story.published_raw == "2021-03-04T18:02:13.551Z"
    assert story.reading_minutes == 5
    assert story.author_bio is None
    assert story.partial is False
    assert story.body_text.split("\n\n") == [
        "Our network covers six practices and forty thousand patients. In March 2020 none of "
        "our plans survived the first week.",
        "What we kept",
        "We kept the Monday huddle. Fifteen minutes, every practice, no slides.",
        "We kept the rule that anyone could stop a change that was not working.",
    ]


def test_g_fields_from_apollo_state():
    story = parse("g_apollo_only.html", "https://medium.com/p/0d4c8b2a7e19?source=rss")
    assert story.post_id == "0d4c8b2a7e19"
    assert story.title == "Why our ward stopped doing bed meetings"
    assert story.author == "Sam Osei"
    assert story.author_url == "https://medium.com/@samosei"
    assert story.published == "2024-02-12"
    assert story.reading_minutes == 2  # 1.6 minutes, rounded up as Medium shows it
    assert story.author_bio == "Ward manager, Leeds. Writing about small changes that stick."
    assert story.body_text.split("\n\n") == [
        "For two years we held a bed meeting at 10am and another at 3pm.",
        "Now the nurse in charge updates one shared board, and we meet only when it turns red.",
    ]


# --- (f) not a story ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "url"),
    [
        ((FIXTURES / "f_profile_page.html").read_bytes(), "https://amir-ali2020.medium.com/"),
        ((FIXTURES / "f_not_found.html").read_bytes(), "https://medium.com/p/ffffffffffff"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "https://x.y/"),
        ('{"id": "2961c5deb7f2", "title": "Leadership in the NHS"}', "https://medium.com/p/x"),
        ("", "https://medium.com/"),
    ],
    ids=["profile", "404", "pdf", "json", "empty"],
)
def test_f_not_an_article(source, url):
    with pytest.raises(NotAnArticle):
        parse_medium_article(source, url)


def test_not_an_article_is_a_value_error():
    assert issubclass(NotAnArticle, ValueError)


# --- URLs ----------------------------------------------------------------------------------------

POST_2961_FORMS = [
    "https://medium.com/p/2961c5deb7f2",
    "http://medium.com/p/2961c5deb7f2",
    "https://medium.com/p/2961c5deb7f2/",
    "https://medium.com/p/2961c5deb7f2?source=rss-7d3a0f2c9b1e------2",
    "https://www.medium.com/p/2961c5deb7f2",
    "https://medium.com/@amir-ali2020/leadership-in-the-nhs-2961c5deb7f2",
    "https://medium.com/@amir-ali2020/leadership-in-the-nhs-2961c5deb7f2?source=post_page-----2961c5deb7f2--------------------------------",
    "https://medium.com/@amir-ali2020/2961c5deb7f2",
    "https://amir-ali2020.medium.com/leadership-in-the-nhs-2961c5deb7f2",
    "https://amir-ali2020.medium.com/leadership-in-the-nhs-2961c5deb7f2?source=rss-7d3a0f2c9b1e------2",
    "https://amir-ali2020.medium.com/leadership-in-the-nhs-2961c5deb7f2#3f1a",
    "https://medium.com/nhs-leadership-notes/leadership-in-the-nhs-2961c5deb7f2",
    "https://medium.com/amp/p/2961c5deb7f2",
    "https://blog.nhs-leadership-notes.org/leadership-in-the-nhs-2961c5deb7f2?source=rss----5f2e------2",
    "medium://p/2961c5deb7f2",
]


@pytest.mark.parametrize("url", POST_2961_FORMS)
def test_every_form_of_a_story_url_is_one_canonical_url(url):
    assert medium_post_id(url) == "2961c5deb7f2"
    assert canonical_medium_url(url) == "https://medium.com/p/2961c5deb7f2"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://medium.com/@amir-ali2020?source=post_page-----2961c5deb7f2---", "https://medium.com/@amir-ali2020"),
        ("https://amir-ali2020.medium.com/?source=rss", "https://amir-ali2020.medium.com/"),
        ("https://medium.com/tag/leadership?source=x&page=2", "https://medium.com/tag/leadership?page=2"),
        ("https://blogs.bmj.com/bmjleader/2023/10/24/pharmacy-leadership-in-medicines-equity/", "https://blogs.bmj.com/bmjleader/2023/10/24/pharmacy-leadership-in-medicines-equity/"),
        ("https://example.org/posts/update-202310241530?source=feed", "https://example.org/posts/update-202310241530"),
        ("https://example.org/a/b/c/slug-2961c5deb7f2", "https://example.org/a/b/c/slug-2961c5deb7f2"),
        ("https://example.org/decade-facade", "https://example.org/decade-facade"),
    ],
)  # fmt: skip
def test_urls_without_a_story_id_only_lose_source(url, expected):
    assert medium_post_id(url) is None
    assert canonical_medium_url(url) == expected


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Oct 30, 2020", "2020-10-30"),
        ("Jul 7, 2017", "2017-07-07"),
        ("October 30, 2020", "2020-10-30"),
        ("Oct 15", "2025-10-15"),
        ("Nov 22", "2025-11-22"),  # two days ahead: clock skew, still this year
        ("Dec 24", "2024-12-24"),  # well after today: last year
        ("Feb 29", "2024-02-29"),  # not a 2025 date
        ("2020-10-30T14:27:41.236Z", "2020-10-30"),
        ("2 days ago", "2025-11-18"),
        ("Oct 32, 2020", None),
        ("Foo 3", None),
        ("", None),
        ("Read the full story", None),
    ],
)
def test_parse_medium_date(raw, expected):
    assert parse_medium_date(raw, today=TODAY) == expected


# --- never raises anything but NotAnArticle -------------------------------------------------------

_HTML_BITS = st.sampled_from(
    [
        "<h1 data-testid='storyTitle'>",
        "</h1>",
        "<article>",
        "<p>",
        "<meta property='og:type' content='article'>",
        "<meta property='og:title' content='T'>",
        "<script type='application/ld+json'>",
        '{"@type": "NewsArticle", "datePublished": 5, "author": [1]}',
        "</script>",
        "<script>window.__APOLLO_STATE__ = {",
        '"Post:2961c5deb7f2": {"title": "T", "readingTime": -1, "firstPublishedAt": 1e300}',
        "<span data-testid='storyPublishDate'>",
        "<span data-testid='storyReadTime'>",
        "Oct 15",
        "99999999 min read",
        "<div data-testid='storyPreviewMeteredBanner'>",
        "<h2 class='pw-author-name'>",
        "&#0;",
        "\x00",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(st.text(), st.binary(), st.lists(st.one_of(_HTML_BITS, st.text())).map("".join)),
    st.sampled_from(["https://medium.com/p/2961c5deb7f2", "https://example.org/x", "not a url"]),
)
def test_never_raises_except_not_an_article(source, url):
    try:
        story = parse_medium_article(source, url, today=TODAY)
    except NotAnArticle:
        return
    assert story.title
    assert story.published is None or len(story.published) == 10
