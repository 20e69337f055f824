"""parse_resource_hub on improve.bmj.com topic pages in two page-builder markups.

Fixtures (a) and (b) carry seed 004's text in Gutenberg and Elementor markup; (c) is a
second topic page in the template of (a). Each fixture says in a comment what it models.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.parsing.hub import Resource, embed_url, parse_resource_hub, resource_id

FIXTURES = Path(__file__).parent / "fixtures" / "hub"
LEADERSHIP = "https://improve.bmj.com/leadership/"
SAFETY = "https://improve.bmj.com/patient-safety-2-2/"

# "Latest news and research" of seed 004, in page order.
NEWS_TITLES = [
    "A Dutchman in London: reflections of a hospital chief executive from the Netherlands in "
    "the NHS",
    "Slaughtering to serving: a reflection on healthcare leadership in Indonesia",
    "We need to work differently in a crisis: peer-professional leadership to redesign "
    "physicians work",
    "'Mali Matters: reflections on a leadership and quality improvement project to improve "
    "blood transfusion safety at Maluti Adventist Hospital, Mapoteng, Lesotho",
    "Australian doctors are more engaged than UK doctors: why is this the case?",
    "Stemming the 'Leaky Pipeline: an investigation of the relationship between work-family "
    "conflict and womens career progression in academic medicine",
    "Supporting the pursuit of professionalism during a crisis",
    "Leading improvement at scale in healthcare: Sir John Oldham",
    "Ten minutes with Professor Marion Lynch, Covid 19 Technical Adviser, Tropical Health and "
    "Education Trust (THET)",
    "Intersectional effects of gender and ethnicity? A quantitative analysis of bonus pay gap "
    "data for Shelford Hospital consultants",
    "The critical role of the NHS Race and Health Observatory",
    "Designing the careful and kind clinic: an evidence-based approach",
    "Leadership for careful and kind care",
    "Ten minutes with Professor Gillian Leng, Chief Executive, National Institute for Health "
    "and Care Excellence",
    "Deliberate practices of speaking up and responding skills: the Speak-PREP e-learning "
    "module for healthcare professionals",
]
NEWS_LINKS = [
    "https://bmjleader.bmj.com/content/early/" + path + "?rss=1"
    for path in (
        "2021/09/08/leader-2021-000467", "2021/09/02/leader-2021-000473",
        "2021/08/26/leader-2020-000392", "2021/08/19/leader-2021-000449",
        "2021/08/12/leader-2020-000360", "2021/08/05/leader-2020-000372",
        "2021/07/29/leader-2021-000431", "2021/07/22/leader-2021-000488",
        "2021/07/15/leader-2021-000501", "2021/07/08/leader-2020-000398",
        "2021/07/01/leader-2021-000512", "2021/06/24/leader-2021-000455",
        "2021/06/24/leader-2021-000456", "2021/06/17/leader-2021-000520",
        "2021/06/10/leader-2020-000389",
    )
]  # fmt: skip
INCLUSION = "https://www.kingsfund.org.uk/insight-and-analysis/blogs/inclusion-essential-leadership-prerequisite"  # noqa: E501
AHP = "https://www.nhsconfed.org/publications/developing-allied-health-professional-leaders"
COACHING = "https://www.leadershipacademy.nhs.uk/resources/coaching-and-mentoring-handbook/"
NHSE_BLOG = "https://www.england.nhs.uk/blog/building-a-leadership-culture-fit-for-the-future/"
ROUSE = "https://www.gmhsc.org.uk/news/leadership-in-the-nhs-jon-rouse/"
DISABILITY = "https://www.youtube.com/watch?v=ZyqGt9SBdVQ"

# (section, kind, title, link, start of the description) for seed 004.
LEADERSHIP_EXPECTED = [
    ("Highlighted resources", "resource", "Inclusion: essential leadership prerequisite or "
     "optional extra?", INCLUSION, "Leadership in the NHS: A commentary by "),
    ("Highlighted resources", "resource", "Developing allied health professional leaders — an "
     "interactive guide for clinicians and trust boards", AHP, "This interactive guide describes "
     "the commo"),
    ("Highlighted resources", "resource", "Coaching & Mentoring Handbook: NHS Leadership Academy",
     COACHING, "This handbook explains more about coachin"),
    ("Highlighted Leadership Videos", "video", "How to turn a group of strangers into a team.",
     "VIDEO-1", "How often do we find ourselves working w"),
    ("Highlighted Leadership Videos", "video", "Our fight for disability rights, why we still "
     "aren’t done.", DISABILITY, "As healthcare leaders we have a responsi"),
    ("Blog posts", "blog", "Building a leadership culture fit for the future – NHS England",
     NHSE_BLOG, "Dom Hardy, director of primary care and "),
    ("Blog posts", "blog", "Leadership in the NHS -Jon Rouse", ROUSE,
     "The NHS Long Term Plan was released in Ja"),
] + [
    ("Latest news and research", "news", title, link, "")
    for title, link in zip(NEWS_TITLES, NEWS_LINKS, strict=True)
]  # fmt: skip
VIDEO_1 = {
    "a_leadership_gutenberg.html": "https://www.ted.com/talks/"
    "amy_edmondson_how_to_turn_a_group_of_strangers_into_a_team",
    "b_leadership_elementor.html": "https://www.youtube.com/watch?v=mawS2o7f5BI",
}
ROUSE_TEXT = (
    "The NHS Long Term Plan was released in January with a clear thread leading from the ‘Five "
    "Year Forward View’ toward more place based, integrated care. There is an acknowledgement "
    "within the plan that workforce challenges are some of the biggest issues facing the NHS in "
    "the coming years and that ‘how’ we deliver services in the future will need to be "
    "significantly transformed.\n\nWith this in mind the leadership of not only our health and "
    "care services becomes key if we are to deliver the quality, access, prevention and cost "
    "outcomes we are seeking. Here in Greater Manchester we are going one step further to look "
    "at leadership across our wider public services…"
)
INCLUSION_TEXT = (
    "Leadership in the NHS: A commentary by Roger Kline\n\nIn healthcare, leadership is "
    "decisive in influencing the quality of care and the performance of hospitals. How staff "
    "are treated significantly influences care provision and organisational performance so "
    "understanding how leaders can help ensure staff are cared for, valued, supported and "
    "respected is important. Research suggests ‘inclusion’ is a critical part of the answer."
)


def parse(name: str, url: str = LEADERSHIP) -> list[Resource]:
    return parse_resource_hub((FIXTURES / name).read_bytes(), url)


def summary(resources: list[Resource]) -> list[tuple[str, str, str, str | None, str]]:
    return [(r.section, r.kind, r.title, r.link, r.description[:36]) for r in resources]


def trimmed(rows: list[tuple[str, str, str, str | None, str]]) -> list[tuple]:
    """Expected rows cut like ``summary`` cuts descriptions."""
    return [(*row[:4], row[4][:36]) for row in rows]


LEADERSHIP_PAGES = ["a_leadership_gutenberg.html", "b_leadership_elementor.html"]


@pytest.mark.parametrize("name", LEADERSHIP_PAGES)
def test_leadership_page_field_by_field(name):
    expected = [
        (s, k, t, VIDEO_1[name] if link == "VIDEO-1" else link, d)
        for s, k, t, link, d in LEADERSHIP_EXPECTED
    ]
    assert summary(parse(name)) == trimmed(expected)


@pytest.mark.parametrize("name", LEADERSHIP_PAGES)
def test_leadership_full_descriptions(name):
    found = {r.title: r for r in parse(name)}
    # The label above the title is kept as the first paragraph of the description.
    assert found["Inclusion: essential leadership prerequisite or optional extra?"].description == (
        INCLUSION_TEXT
    )
    assert found["Leadership in the NHS -Jon Rouse"].description == ROUSE_TEXT
    assert "Leadership in the NHS: A commentary by Roger Kline" not in found
    assert all(r.description == "" for r in found.values() if r.kind == "news")


@pytest.mark.parametrize("name", LEADERSHIP_PAGES)
def test_all_fifteen_news_items_with_their_links(name):
    news = [r for r in parse(name) if r.section == "Latest news and research"]
    assert [r.title for r in news] == NEWS_TITLES
    assert [r.link for r in news] == NEWS_LINKS
    assert {r.kind for r in news} == {"news"}


@pytest.mark.parametrize("name", LEADERSHIP_PAGES)
def test_intro_footer_and_chrome_are_not_resources(name):
    resources = parse(name)
    text = " ".join(f"{r.title} {r.description}" for r in resources)
    for absent in (
        "Welcome to our collection",
        "Let us know here",
        "The development and maintenance",
        "made possible by an award",
        "Recent Posts",
        "Quality improvement in primary care",
        "BMJ Leader current issue",
        "Screen Shot",
        "BMJ Publishing Group",
    ):
        assert absent not in text
    links = {r.link for r in resources}
    assert "https://improve.bmj.com/contact/" not in links
    assert not any(link and link.startswith("https://improve.bmj.com/") for link in links)
    assert {r.section for r in resources} == {
        "Highlighted resources",
        "Highlighted Leadership Videos",
        "Blog posts",
        "Latest news and research",
    }


@pytest.mark.parametrize("name", [*LEADERSHIP_PAGES, "c_patient_safety_gutenberg.html"])
def test_ids_are_stable_unique_and_derived_from_the_link(name):
    first = parse(name)
    assert [r.resource_id for r in first] == [r.resource_id for r in parse(name)]
    assert len({r.resource_id for r in first}) == len(first)
    for r in first:
        parts = (r.link,) if r.link else (r.section, r.title)
        digest = hashlib.sha1("\n".join((r.page_url, *parts)).encode()).hexdigest()[:16]
        assert r.resource_id == digest == resource_id(r.page_url, *parts)
        assert len(r.resource_id) == 16 and int(r.resource_id, 16) >= 0


def test_same_text_in_two_markups_gives_the_same_ids_where_links_agree():
    a = {r.title: r.resource_id for r in parse("a_leadership_gutenberg.html")}
    b = {r.title: r.resource_id for r in parse("b_leadership_elementor.html")}
    differing = {t for t in a if a[t] != b[t]}
    assert differing == {"How to turn a group of strangers into a team."}  # TED vs YouTube


# --- (c) Patient Safety: same template, other cases ------------------------------------------


def test_patient_safety_page():
    resources = parse("c_patient_safety_gutenberg.html", SAFETY)
    assert summary(resources) == trimmed([
        ("Highlighted resources", "resource", "Patient Safety Incident Response Framework",
         "https://www.england.nhs.uk/patient-safety/incident-response-framework/",
         "The framework sets out how NHS organisati"),
        ("Highlighted resources", "resource", "Human factors in healthcare: a concise guide",
         "https://chfg.org/wp-content/uploads/2020/12/human-factors-concise-guide.pdf",
         "An introduction to human factors for fron"),
        ("Highlighted resources", "resource", "Safety huddles: a practical checklist", None,
         "A one-page checklist for running a ten-mi"),
        ("Highlighted Patient Safety Videos", "video", "Just a routine operation",
         "https://www.youtube.com/watch?v=JzlvgtPIof4", "Martin Bromiley tells the story of his w"),
        ("Highlighted Patient Safety Videos", "video", "Speaking up for safety",
         "https://vimeo.com/345678901", "Why junior staff stay silent, and what l"),
        ("Blog posts", "blog", "Learning from patient safety events – NHS England",
         "https://www.england.nhs.uk/blog/learning-from-patient-safety-events/",
         "How the new national service turns incid"),
        ("Latest news and research", "news",
         "Safety culture and speaking up in operating theatres: a survey study",
         "https://qualitysafety.bmj.com/content/early/2021/09/10/bmjqs-2021-013524?rss=1",
         "September 10, 2021 Background: speaking "),
        ("Latest news and research", "news",
         "Medication errors at transitions of care: a systematic review",
         "https://qualitysafety.bmj.com/content/early/2021/09/03/bmjqs-2021-013377?rss=1",
         "September 3, 2021 Transitions between car"),
    ])  # fmt: skip
    by_title = {r.title: r for r in resources}
    huddles = by_title["Safety huddles: a practical checklist"]
    assert huddles.description == (
        "A one-page checklist for running a ten-minute safety huddle at the start of each "
        "shift.\n\nPrint it and pin it up in the staff room."
    )
    assert huddles.resource_id == resource_id(SAFETY, "Highlighted resources", huddles.title)
    # "Read the guide" supplies the link and is not part of the description.
    guide = by_title["Human factors in healthcare: a concise guide"]
    assert "Read the guide" not in guide.description
    # The section intro belongs to no entry.
    assert not any("Short talks we recommend" in r.description for r in resources)
    assert all(r.page_url == SAFETY for r in resources)


# --- embeds and robustness -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("https://www.youtube.com/embed/ZyqGt9SBdVQ?feature=oembed", DISABILITY),
        ("https://www.youtube-nocookie.com/embed/ZyqGt9SBdVQ", DISABILITY),
        ("https://player.vimeo.com/video/345678901?dnt=1", "https://vimeo.com/345678901"),
        ("https://embed.ted.com/talks/lang/en/amy_edmondson_how_to_turn_a_group_of_strangers_into_a_team",
         VIDEO_1["a_leadership_gutenberg.html"]),
        ("https://example.org/player?id=4", "https://example.org/player?id=4"),
    ],
)  # fmt: skip
def test_embed_url(src, expected):
    assert embed_url(src) == expected


def test_page_without_sections_has_no_resources():
    html = "<html><body><h1>Leadership</h1><p><a href='https://x.org/'>A link</a></p></body></html>"
    assert parse_resource_hub(html, LEADERSHIP) == []


@pytest.mark.parametrize(("kind", "heading"), [
    ("video", "Videos"), ("video", "Highlighted Patient Safety Video"), ("blog", "From the blogs"),
    ("news", "Research"), ("news", "In the news"), ("resource", "Tools and guides"),
])  # fmt: skip
def test_kind_from_section_heading(kind, heading):
    html = f"<h1>T</h1><h2>{heading}</h2><h3><a href='https://x.org/a'>Entry</a></h3><p>Text</p>"
    assert [(r.kind, r.title, r.description) for r in parse_resource_hub(html, LEADERSHIP)] == [
        (kind, "Entry", "Text")
    ]


_HTML_BITS = st.sampled_from(
    [
        "<h1>", "</h1>", "<h2>", "</h2>", "<h3>", "</h3>", "<h6>", "<p>", "</p>", "<strong>",
        "<a href='https://x.org/'>", "<a href='javascript:0'>", "<a href='http://[::1'>", "</a>",
        "<ul>", "<li>", "<a class='rsswidget' href='/n'>", "<iframe src='//embed.ted.com/talks'>",
        "<div class='wp-block-column'>", "</div>", "<nav>", "<aside>", "here", "Read more",
        "Videos", "Blog", "News", "made possible by", "&#0;", "\x00",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.binary(), st.lists(st.one_of(_HTML_BITS, st.text())).map("".join)))
def test_never_raises(source):
    resources = parse_resource_hub(source, LEADERSHIP)
    assert len({r.resource_id for r in resources}) == len(resources)
    assert all(r.title and r.kind in ("resource", "video", "blog", "news") for r in resources)
