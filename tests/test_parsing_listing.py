"""parse_listing on hand-written listing pages in several WordPress markups.

The pages are in tests/fixtures/listing; each says in a comment what it models.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.demo.site import THEMES, build_site, synthetic_posts
from crawler.parsing.listing import (
    ListingEntry,
    ListingPage,
    ListingSelectors,
    listing_next_url,
    parse_listing,
)
from crawler.parsing.urls import post_permalink_pattern

FIXTURES = Path(__file__).parent / "fixtures" / "listing"
BMJ = post_permalink_pattern("https://blogs.bmj.com/bmjleader/")
POST = "https://blogs.bmj.com/bmjleader/"
NHSE = re.compile(r"^https://www\.england\.nhs\.uk/blog/(?!page/)[a-z0-9-]+/?$")


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def summary(page: ListingPage) -> list[tuple[str, str, str, str]]:
    """(url, heading, first 30 teaser chars, last 30 teaser chars) per entry."""
    return [(e.url, e.heading, e.teaser[:30], e.teaser[-30:]) for e in page.entries]


# --- (a) BMJ Leader home page 2: hero + "Latest articles", _s classes, "Older posts" --------

A_EXPECTED = [
    (
        POST + "2023/10/26/blog-2-we-need-to-talk-about-professionalism"
        "-when-am-i-going-to-meet-the-surgeon/",
        "Blog 2: We need to talk about professionalism: When am I going to meet the surgeon? "
        "By Jo Hartland, Mx Karen Chui and Xander Stephenson-Allen",
        "Welcome to the second blog in ",
        "onalism’ on marginalised individuals […]"[-30:],
    ),
    (
        POST + "2023/10/24/pharmacy-leadership-in-medicines-equity/",
        "Pharmacy Leadership in Medicines Equity. By Anisha Soni",
        "Earlier this year the NHS Busi",
        "to the Core20PLUS campaign. The […]"[-30:],
    ),
    (
        POST + "2023/10/16/the-storm-the-sea-and-why-healthcare-isnt-about-the-nhs-at-all/",
        "The storm, the sea, and why healthcare isn’t about the NHS at all. By Rich Taunt",
        "Place your bets! Between now a",
        "These NHS squalls are nothing […]"[-30:],
    ),
    (
        POST + "2023/10/09/in-conversation-with-dr-jan-frich/",
        "In conversation with Dr. Jan Frich",
        "To watch this interview, pleas",
        "rom being a clinician to being […]"[-30:],
    ),
    (
        POST + "2023/09/14/when-its-time-to-go-is-there-anywhere-for-me-to-go/",
        "When it’s time to go, is there anywhere for me to go? By Sue Holden",
        "Leadership within the NHS has ",
        "know when it is time to move […]"[-30:],
    ),
    (
        POST + "2023/07/24/greener-leader-blog-series-leadership-on-the-climate-emergency"
        "-must-extend-beyond-nhs-sustainability/",
        "Greener Leader Blog Series: Leadership on the climate emergency must extend beyond "
        "NHS sustainability",
        "Consciousness and concern abou",
        "is is to be welcomed. However, […]"[-30:],
    ),
    (
        POST + "2023/07/05/introducing-the-greener-leader-blog-series/",
        "Introducing the “Greener Leader” Blog Series",
        "The climate crisis is arguably",
        "et; we are Earth and Earth is us. […]"[-30:],
    ),
    (
        POST + "2023/06/29/leadership-in-crisis-management-lessons-from-emergency-medicine/",
        "Leadership in Crisis Management: Lessons from Emergency Medicine in the initial wave "
        "of the Covid-19 pandemic by Yongtian Tina Tan",
        "The Covid-19 pandemic has forc",
        "s and create novel algorithms to […]"[-30:],
    ),
    (
        POST
        + "2023/06/20/no-more-silos-our-survival-and-success-depend-on-collaborative-leadership/",
        "No more silos–our survival and success depend on collaborative leadership and "
        "development, and we can’t start too soon. By Emma Challans-Rasool and Charlotte Williams",
        "This is our third blog, and it",
        "working in practice can be hampered […]"[-30:],
    ),
    (
        POST + "2023/06/12/moving-away-from-branded-organisational-values/",
        "Moving away from branded organisational values: why we need a disease-model for "
        "organisational culture by Ali Raza",
        "Culture is notoriously difficu",
        "et al. argue that the priorities […]"[-30:],
    ),
]


@pytest.fixture(scope="module")
def page_a() -> ListingPage:
    return parse_listing(load("a_bmjleader_home_page2.html"), POST + "page/2/", BMJ)


def test_a_hero_layout_entries(page_a: ListingPage) -> None:
    assert summary(page_a) == A_EXPECTED


def test_a_older_posts_link_is_next(page_a: ListingPage) -> None:
    assert page_a.next_url == POST + "page/3/"  # not the "Newer posts" link to the front page


def test_a_full_teaser_collapses_nbsp_and_keeps_marker(page_a: ListingPage) -> None:
    assert page_a.entries[3].teaser == (
        "To watch this interview, please follow this link Hello I’m Domhnall MacAuley and "
        "welcome to this BMJLeader Conversation. Today I’m talking to Jan Frich. Jan you’ve a "
        "remarkable career from Clinical Neurologist to a Senior Executive in hospital and health "
        "authority. Tell us about that journey and how you move from being a clinician to being […]"
    )


def test_a_hero_thumbnail_and_read_more_make_one_entry(page_a: ListingPage) -> None:
    urls = [e.url for e in page_a.entries]
    assert len(urls) == len(set(urls)) == 10
    assert all("Read More" not in e.heading and e.heading for e in page_a.entries)


def test_a_menu_sidebar_and_footer_permalinks_ignored(page_a: ListingPage) -> None:
    urls = {e.url for e in page_a.entries}
    # Linked only from the Recent Posts widget.
    assert not any("2023/11/" in url for url in urls)
    # The menu and footer link "Greener Leader series"; the entry keeps its own title.
    greener = [
        e for e in page_a.entries if e.url.endswith("introducing-the-greener-leader-blog-series/")
    ]
    assert [e.heading for e in greener] == ["Introducing the “Greener Leader” Blog Series"]
    assert not any(
        "Latest articles" in e.teaser or "Recent Posts" in e.teaser for e in page_a.entries
    )


# --- (b) tag archive with hero, entry-footer metadata, no pagination ------------------------


def test_b_tag_archive() -> None:
    page = parse_listing(
        load("b_bmjleader_tag_climate_crisis.html"), POST + "tag/climate-crisis/", BMJ
    )
    assert summary(page) == [
        (
            POST
            + "2023/10/31/greener-leader-blog-series-being-a-greener-leader-in-maternity-care/",
            "Greener Leader Blog Series: Being a greener leader in maternity care : making one "
            "small sustainable change is all it takes. By Angie Willis",
            "Maternity care is the start of",
            "in collaboration with women […]"[-30:],
        ),
        (
            POST + "2023/07/24/greener-leader-blog-series-leadership-on-the-climate-emergency"
            "-must-extend-beyond-nhs-sustainability/",
            "Greener Leader Blog Series: Leadership on the climate emergency must extend "
            "beyond NHS sustainability",
            "Consciousness and concern abou",
            "is is to be welcomed. However, […]"[-30:],
        ),
        (
            POST + "2023/07/05/introducing-the-greener-leader-blog-series/",
            "Introducing the “Greener Leader” Blog Series",
            "The climate crisis is arguably",
            "et; we are Earth and Earth is us. […]"[-30:],
        ),
    ]
    assert page.next_url is None
    for entry in page.entries:  # "Posted in Blog", "2 Comments", "Leave a Comment" are metadata
        assert not re.search(r"Posted in|Comment|Read More", entry.teaser)


# --- (c) cards + the_posts_pagination, reached via ?cat=-1 ----------------------------------


C_HEADINGS = [
    "Until tackling health inequalities becomes business as usual, innovation is our best "
    "chance of equity. By Dr. Stuart Monk",
    "(P)luck: Lessons We Learned for Improving Healthcare and the World – Book Review by Yang Chen",
    "In conversation with Rachael Moses",
    "Oxford Handbook of Medical Leadership and Management – Book Review by Dr Rammina Yassaie",
    "Pieces of Us – Complexity and Leadership. By Jem Peel and Rob Sheffield",
    "Lucy Letby: Shuffling deckchairs will not work. By Roger Kline",
    "Leading Change in Health and Social Care: Building Relationships, Diversity and Action. "
    "By Corrina Grimes",
    "Greener Leader Blog Series: Being a greener leader in maternity care : making one small "
    "sustainable change is all it takes. By Angie Willis",
]


def test_c_card_layout() -> None:
    page = parse_listing(load("c_cards_page_numbers.html"), POST + "page/14/?cat=-1", BMJ)
    assert [e.heading for e in page.entries] == C_HEADINGS
    assert page.entries[0].url == (
        POST + "2023/11/20/until-tackling-health-inequalities-becomes-business-as-usual/"
    )
    assert page.entries[0].teaser.startswith("This blog post was originally published on the")
    assert page.entries[5].teaser.endswith("implying cause for concern.” Robert Francis. 2013 […]")
    assert page.entries[6].teaser.startswith("Leading change in the realm of health")
    assert all(e.teaser.endswith(" […]") for e in page.entries)
    # "Most read" and sidebar "Recent Posts" lists are not entries.
    assert not any("magical-meander" in e.url or "2024/" in e.url for e in page.entries)
    # WordPress keeps the query string in pagination links; stripping it is the spider's job.
    assert page.next_url == POST + "page/15/?cat=-1"


# --- (d) class-less old theme, windows-1252 bytes, <base href>, only <link rel=next> --------


D_EXPECTED = [
    (
        "2022/08/15/nhs-regional-clinical-leadership-fellow-blog-series-carrying-the-torch-of-nursing-leadership/",
        "NHS Regional Clinical Leadership Fellow Blog Series: “Carrying the torch of nursing "
        "leadership” by Nursing Regional Clinical Leadership Fellows",
        "Nurses make a huge difference ",
    ),
    (
        "2022/08/12/nhs-regional-clinical-leadership-fellow-blog-series-a-meaningful-moment-for-midwifery-leadership/",
        "NHS Regional Clinical Leadership Fellow Blog Series: “A meaningful moment for midwifery "
        "leadership” by Midwives Regional Clinical Leadership Fellows",
        "Maternity and neonatal service",
    ),
    (
        "2022/08/10/nhs-regional-clinical-leadership-fellow-blog-series-being-the-change-we-want-to-see-in-ahp-leadership",
        "NHS Regional Clinical Leadership Fellow Blog Series: “Being the change we want to see in "
        "AHP leadership” by AHP Regional Clinical Leadership Fellows",
        "Some people are surprised to l",
    ),
    (
        "2022/08/08/introducing-the-nhs-regional-clinical-leadership-fellow-blog-series/",
        "Introducing the NHS Regional Clinical Leadership Fellow Blog Series by Rammina Yassaie",
        "Seven Regions. Seven Professio",
    ),
    (
        "2022/07/28/magical-meander-service-growth/",
        "‘Magical Meander’: Service Growth",
        "Oh for the good old days of pa",
    ),
    (
        "2022/07/25/the-cobblers-children-have-no-shoes/",
        "“The cobbler’s children have no shoes” by Emma Hadley and Partha Kar",
        "Partha Kar: “Family must look ",
    ),
    (
        "2022/07/14/magical-meander-breaking-bad-news/",
        "‘Magical Meander’: Breaking bad news",
        "You might think as a doctor I ",
    ),
    (
        "2022/07/11/creating-tomorrow-today-blog-five/",
        "Creating tomorrow today: seven simple rules for leaders. Blog five: Support people to "
        "build their agency at every level of the system by Helen Bevan and Göran Henriks",
        "We have created a set of “seve",
    ),
    (
        "2022/07/04/interviews-asking-the-wrong-questions/",
        "Interviews: Asking the wrong questions by Roger Kline",
        "The NHS is awash with Action P",
    ),
]
OLD = "http://blogs.bmj.com/bmjleader/"


def test_d_old_theme_cp1252_bytes() -> None:
    data = load("d_old_theme_tables_cp1252.html")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the fixture really is windows-1252
    page = parse_listing(data, OLD + "page/11/", BMJ)
    got = [(e.url, e.heading, e.teaser[:30]) for e in page.entries]
    assert got == [(OLD + path, heading, start) for path, heading, start in D_EXPECTED]
    assert all(e.teaser.endswith(" […]") for e in page.entries)
    # Date/byline lines ("15 Aug, 22 | by BMJ Leader") and "more…" links are not teaser text.
    assert not any("BMJ Leader" in e.teaser or "more…" in e.teaser for e in page.entries)
    assert page.next_url == OLD + "page/12/"


def test_d_cp1252_without_charset_declaration_falls_back() -> None:
    data = load("d_old_theme_tables_cp1252.html").replace(b"; charset=windows-1252", b"")
    page = parse_listing(data, OLD + "page/11/", BMJ)
    assert [e.heading for e in page.entries] == [heading for _, heading, _ in D_EXPECTED]


def test_d_utf8_text_input_gives_the_same_result() -> None:
    text = load("d_old_theme_tables_cp1252.html").decode("cp1252")
    assert parse_listing(text, OLD + "page/11/", BMJ) == parse_listing(
        load("d_old_theme_tables_cp1252.html"), OLD + "page/11/", BMJ
    )


# --- (e) block theme ------------------------------------------------------------------------


def test_e_block_theme() -> None:
    page = parse_listing(
        load("e_block_theme_tt4.html"), POST + "tag/medical-leadership/page/2/", BMJ
    )
    assert (
        summary(page)
        == [
            (
                POST + "2023/09/14/when-its-time-to-go-is-there-anywhere-for-me-to-go/",
                "When it’s time to go, is there anywhere for me to go? By Sue Holden",
                "Leadership within the NHS has ",
                "know when it is time to move […]"[-30:],
            ),
            (
                POST
                + "2023/06/29/leadership-in-crisis-management-lessons-from-emergency-medicine/",
                "Leadership in Crisis Management: Lessons from Emergency Medicine in the initial "
                "wave of the Covid-19 pandemic by Yongtian Tina Tan",
                "The Covid-19 pandemic has forc",
                "s and create novel algorithms to […]"[-30:],
            ),
            (
                POST + "2023/05/22/in-conversation-with-professor-dame-clare-gerada/",
                "In conversation with Professor Dame Clare Gerada",
                "",  # no excerpt: the entry still counts; its date and category are not a teaser
                "",
            ),
            (
                POST + "2022/07/04/interviews-asking-the-wrong-questions/",
                "Interviews: Asking the wrong questions by Roger Kline",
                "The NHS is awash with Action P",
                "il unless employers (and unions) pay more […]"[-30:],
            ),
        ]
    )
    assert page.next_url == POST + "tag/medical-leadership/page/3/"


# --- (f) NHS England-like: date and author lines, "Read more", WP-PageNavi ------------------


def test_f_nhs_england_like_listing() -> None:
    page = parse_listing(
        load("f_nhs_england_blogs.html"), "https://www.england.nhs.uk/blog/page/2/", NHSE
    )
    assert [e.heading for e in page.entries] == [
        "Dementia is a challenge to the entire planet – Professor Alistair Burns",
        "Leading with kindness on the ward – Ruth May",
        "What the Long Term Workforce Plan means for allied health professionals – "
        "Suzanne Rastrick",
        "Freedom to speak up is everyone’s business – Dr Jayne Chidgey-Clark",
        "Why we need more clinicians in leadership roles – Professor Sir Stephen Powis",
    ]
    first = page.entries[0]
    assert (
        first.url == "https://www.england.nhs.uk/blog/dementia-is-a-challenge-to-the-entire-planet/"
    )
    assert first.teaser.startswith("This week I joined colleagues")
    assert first.teaser.endswith("every health system will feel the […]")
    for entry in page.entries:  # "Posted on: 12 October 2023" and "By …" lines are metadata
        assert not re.search(r"Posted on|^By |Read more", entry.teaser)
    # WP-PageNavi: "»" (nextpostslink), never "Last »" or "«".
    assert page.next_url == "https://www.england.nhs.uk/blog/page/3/"


# --- (g) empty archive, (h) broken HTML -----------------------------------------------------


def test_g_empty_archive_has_no_entries_despite_sidebar_permalinks() -> None:
    page = parse_listing(load("g_empty_archive.html"), POST + "tag/nursing-leadership/", BMJ)
    assert page == ListingPage((), None)


def test_h_broken_truncated_page() -> None:
    page = parse_listing(load("h_broken_truncated.html"), POST + "page/13/", BMJ)
    assert [e.heading for e in page.entries] == C_HEADINGS[:4]
    assert page.entries[0].teaser.endswith("conference last month, it […]")
    assert page.entries[1].heading.count("–") == 1  # "&#8211" without ";" still decodes
    assert page.entries[3].teaser.endswith("related to leadership and man")  # cut mid-word
    assert page.next_url == POST + "page/14/"  # relative <link rel=next> made absolute


# --- focused cases --------------------------------------------------------------------------


def entry_html(slug: str, title: str, teaser: str = "Teaser text […]") -> str:
    url = f"{POST}2023/01/02/{slug}/"
    return (
        f'<article><a href="{url}"><img src="x.jpg" alt=""></a>'
        f'<h2><a href="{url}">{title}</a></h2><p>{teaser}</p>'
        f'<a href="{url}">Read More&hellip;</a></article>'
    )


def test_entities_decoded_and_curly_punctuation_kept() -> None:
    html = entry_html("a", "Caf&eacute; &amp; &#8220;care&#8221; &ndash; it&#8217;s\n   fine")
    html += entry_html("b", "Double-escaped: it&amp;#8217;s &amp;amp; more")
    page = parse_listing(html, POST, BMJ)
    assert [e.heading for e in page.entries] == [
        "Café & “care” – it’s fine",
        "Double-escaped: it’s & more",
    ]


def test_hero_with_unlinked_title_takes_heading_from_its_block() -> None:
    url = POST + "2023/05/05/junior-doctors-as-leaders/"
    html = (
        f'<div class="hero"><a href="{url}"><img src="h.jpg"></a><h1>Junior doctors as leaders</h1>'
        f"<p>Doctors are often perceived as the leaders of clinical teams […]</p>"
        f'<a href="{url}">Read More…</a></div><h2>Latest articles</h2>' + entry_html("b", "Second")
    )
    page = parse_listing(html, POST, BMJ)
    assert page.entries[0] == ListingEntry(
        url,
        "Junior doctors as leaders",
        "Doctors are often perceived as the leaders of clinical teams […]",
    )
    assert [e.heading for e in page.entries] == ["Junior doctors as leaders", "Second"]


def test_unlinked_titles_linked_only_by_an_image_or_a_read_more_beside_the_byline() -> None:
    # Avada's Blog element with "Link Title To Post" off: the title is plain text; the post
    # is linked by its image, if it has one, and by "Read More" in the meta line after the
    # excerpt. The posts' container is named for its pagination mode.
    def post(slug: str, title: str, image: bool) -> str:
        url = f"{POST}2023/10/0{len(title) % 9 + 1}/{slug}/"
        img = f'<div class="thumb"><a href="{url}" aria-label="{title}"><img src="x.jpg"></a></div>'
        return (
            f'<article class="fusion-post-large">{img if image else ""}<div class="post-content">'
            f"<h2 class='entry-title'>{title}</h2><div class='fusion-post-content-container'>"
            f"<p>What {title.lower()} says [...]</p></div></div><div class='fusion-meta-info'>"
            f"By <a href='{POST}author/x/'>BMJ Leader</a> | <span>October 2nd, 2023</span> | "
            f"<a class='fusion-read-more' href='{url}'>Read More</a></div></article>"
        )

    html = (
        '<div class="fusion-posts-container fusion-posts-container-pagination">'
        + post("a", "First post", True)
        + post("b", "Second post", False)
        + "</div>"
    )
    page = parse_listing(html, POST, BMJ)
    assert [(e.heading, e.teaser) for e in page.entries] == [
        ("First post", "What first post says [...]"),
        ("Second post", "What second post says [...]"),
    ]


def test_a_wrapper_named_for_its_sidebar_layout_holds_the_listing() -> None:
    # Enfold's blog: sidebar_right on the wrapper of main and of the sidebar.
    html = (
        "<div class='container_wrap main_color sidebar_right'><div class='container'>"
        "<main class='content' role='main'>"
        + entry_html("a", "First")
        + entry_html("b", "Second")
        + "<nav class='pagination'><a href='/page/3/'>&rsaquo;</a></nav></main>"
        "<aside class='sidebar sidebar_right'>" + entry_html("c", "In the sidebar") + "</aside>"
        "</div></div>"
    )
    page = parse_listing(html, POST + "page/2/", BMJ)
    assert [e.heading for e in page.entries] == ["First", "Second"]
    assert page.next_url == "https://blogs.bmj.com/page/3/"


def test_a_date_link_in_the_meta_line_never_titles_an_entry() -> None:
    url = POST + "2023/10/02/a/"
    html = (
        f'<article><div class="entry-meta"><a href="{url}">October 2, 2023</a></div>'
        f"<p>Text of a post with no title link at all.</p></article>"
    )
    assert parse_listing(html, POST, BMJ).entries == ()


def test_permalink_cited_in_a_teaser_is_not_an_entry() -> None:
    other = POST + "2020/07/06/magical-meander-what-made-me-a-medical-manager/"
    teaser = (
        "As I wrote in <a href='" + other + "'>my earlier post</a>, leadership is learned on the "
        "job, in corridors and at three in the morning, more than on any course I attended […]"
    )
    page = parse_listing(entry_html("a", "First", teaser) + entry_html("b", "Second"), POST, BMJ)
    assert [e.heading for e in page.entries] == ["First", "Second"]
    assert "my earlier post" in page.entries[0].teaser


def test_sub_heading_inside_a_full_content_teaser_is_kept() -> None:
    # Full-content themes (Twenty Sixteen) show the post up to its more tag, sub-headings
    # included; WordPress' own excerpt of the same post starts with that heading's text.
    html = "".join(
        f'<article><h2 class="entry-title"><a href="{POST}2023/10/2{n}/{slug}/">{title}</a></h2>'
        f'<div class="entry-content"><h3>Partha Kar: “Family must look after family”</h3>'
        f"<p>So goes an old African proverb. <a href='{POST}2023/10/2{n}/{slug}/#more-9'>"
        f'Continue reading</a></p><div class="sharedaddy"><h3>Share this:</h3></div></div>'
        f'<footer class="entry-footer"><h4 class="screen-reader-text">Posted in</h4></footer>'
        "</article>"
        for n, slug, title in ((3, "cobbler", "The cobbler’s children"), (1, "b", "Second"))
    )
    page = parse_listing(html, POST, BMJ)
    assert [e.heading for e in page.entries] == ["The cobbler’s children", "Second"]
    assert page.entries[0].teaser == (
        "Partha Kar: “Family must look after family” So goes an old African proverb."
    )


def _elementor_widget(kind: str, inner: str) -> str:
    return (
        f'<div class="elementor-element elementor-widget elementor-widget-{kind}">'
        f'<div class="elementor-widget-container">{inner}</div></div>'
    )


def _loop_item(slug: str, title: str, excerpt: str) -> str:
    """Elementor's Loop Grid card: the whole card one link, every part a widget."""
    return (
        f'<div class="elementor e-loop-item"><a class="e-con-full e-con e-child" '
        f'href="{POST}2023/10/02/{slug}/">'
        + _elementor_widget("post-info", "<ul><li><span>Interviews</span></li></ul>")
        + _elementor_widget("theme-post-title", f'<h3 class="elementor-heading-title">{title}</h3>')
        + _elementor_widget("theme-post-excerpt", excerpt)
        + "</a></div>"
    )


def test_page_builder_cards_read_the_excerpt_widget_and_skip_a_carousel_above() -> None:
    # One container: "Editor's picks" heading widget, a carousel of older posts, the archive
    # title (an h1 in a heading widget of another kind), then the listing (a Loop Grid).
    picks = _loop_item("older", "An older pick", "Picked long ago...")
    grid = _loop_item("a", "First", "The first teaser...") + _loop_item(
        "b", "Second", "The second one..."
    )
    html = (
        '<div class="e-con"><div class="e-con-inner">'
        + _elementor_widget("heading", '<h2 class="elementor-heading-title">Editor’s picks</h2>')
        + _elementor_widget("loop-carousel", picks)
        + _elementor_widget("theme-archive-title", "<h1>Latest articles</h1>")
        + _elementor_widget("loop-grid", grid)
        + "</div></div>"
    )
    page = parse_listing(html, POST, BMJ)
    assert [(e.heading, e.teaser) for e in page.entries] == [
        ("First", "The first teaser..."),
        ("Second", "The second one..."),
    ]


def test_a_line_break_in_a_title_separates_its_words() -> None:
    html = entry_html("a", "Blog 2: professionalism:<br>When am I going to meet the surgeon?")
    heading = parse_listing(html + entry_html("b", "Second"), POST, BMJ).entries[0].heading
    assert heading == "Blog 2: professionalism: When am I going to meet the surgeon?"


def test_a_post_cited_in_a_short_archive_description_is_not_an_entry() -> None:
    cited = POST + "2023/08/24/introducing-the-greener-leader-blog-series/"
    description = f'<p>Blogs by the Fellows. See also <a href="{cited}">the introduction</a>.</p>'
    html = description + entry_html("a", "First") + entry_html("b", "Second")
    assert [e.heading for e in parse_listing(html, POST, BMJ).entries] == ["First", "Second"]
    # Without heading titles on the page, a link inside a line may be how entries are listed.
    lines = "".join(
        f'<p>New: <a href="{POST}2023/01/0{n}/{slug}/">{slug.title()}</a></p>'
        for n, slug in ((2, "first"), (3, "second"))
    )
    assert [e.heading for e in parse_listing(lines, POST, BMJ).entries] == ["First", "Second"]


def test_card_link_around_spans_takes_the_title_classed_one() -> None:
    # A whole-card link with no heading inside (an agency theme's post card).
    def card(slug: str, title: str) -> str:
        return (
            f'<a class="post-card" href="{POST}2023/01/02/{slug}/">'
            '<span class="post-card__tag">Blog</span>'
            f'<span class="post-card__title">{title}</span>'
            f'<span class="post-card__excerpt">What {title} is about […]</span>'
            '<span class="post-card__date">2 January 2023</span></a>'
        )

    html = "<main><h1>News and blogs</h1>" + card("a", "First") + card("b", "Second") + "</main>"
    assert [(e.heading, e.teaser) for e in parse_listing(html, POST, BMJ).entries] == [
        ("First", "What First is about […]"),
        ("Second", "What Second is about […]"),
    ]


def test_title_link_opening_a_long_paragraph_is_an_entry() -> None:
    url = POST + "2012/01/31/guest-bloggers/"
    html = (
        f"<div><p><a href='{url}'><strong>Guest bloggers</strong></a> – we are always looking for "
        "new voices from across health and care, and this page explains how to pitch a post […]"
        "</p>" + entry_html("b", "Second") + "</div>"
    )
    first = parse_listing(html, POST, BMJ).entries[0]
    assert (first.url, first.heading) == (url, "Guest bloggers")
    assert first.teaser.startswith("we are always looking for new voices")


def test_same_post_linked_with_http_no_slash_and_anchor_is_one_entry() -> None:
    html = (
        f'<div><h3><a href="{POST}2023/01/02/a/">Title A</a></h3><p>Teaser A […]</p>'
        f'<a href="http://blogs.bmj.com/bmjleader/2023/01/02/a#comments">3 Comments</a>'
        f'<a href="http://blogs.bmj.com/bmjleader/2023/01/02/a">Continue reading</a></div>'
    )
    page = parse_listing(html, POST, BMJ)
    assert page.entries == (ListingEntry(POST + "2023/01/02/a/", "Title A", "Teaser A […]"),)


def test_recent_posts_list_without_classes_is_ignored() -> None:
    html = (
        "<table><tr><td>" + entry_html("a", "Main entry") + "</td><td><h3>Recent Posts</h3><ul>"
        f'<li><a href="{POST}2023/01/01/widget-post/">Widget post</a></li></ul></td></tr></table>'
    )
    page = parse_listing(html, POST, BMJ)
    assert [e.heading for e in page.entries] == ["Main entry"]


@pytest.mark.parametrize(
    "html",
    ["", "   \n", "just some text, no markup at all", "<html></html>", "<<<>>>&&&",
     "</div></div></p>", "<?xml version='1.0' encoding='utf-8'?><p>x</p>", "\x00\x01<p>\x00</p>",
     "<div>" * 3000, b"\xff\xfe\x00<\x00p\x00>", b"\x81\x8d\x8f\x90\x9d",
     "<base href='http://[::1'><a rel=next href='http://[::1'>x</a><a href='http://h:x/'>2</a>"],
)  # fmt: skip
def test_degenerate_input_returns_empty_page(html: str | bytes) -> None:
    assert parse_listing(html, POST, BMJ) == ListingPage((), None)


def test_unusable_page_url_does_not_raise() -> None:
    page = parse_listing(entry_html("a", "Title"), "http://[::1", BMJ)
    assert [e.heading for e in page.entries] == ["Title"]


HTML_BITS = st.sampled_from(
    ["<div>", "</div>", "<p>", "</p>", "<h2>", "</h2>", "<a href='", POST + "2023/01/02/x/",
     "'>", "</a>", "<aside>", "<nav>", "<br>", "&amp;", "&#8217;", "&", "<", ">", "Read More…",
     "<article class='post'>", "</article>", "<link rel=next href=/page/2/>", "<base href='",
     "<!--", "-->", "<script>", "</script>", "<table><tr><td>", "<b>", "<select name=cat>",
     "<a rel=next href='", "http://[::1", "<span class='entry-meta'>", "<h3>Recent Posts</h3>"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(HTML_BITS, st.text(max_size=20)), max_size=40).map("".join))
def test_never_raises_on_html_like_strings(html: str) -> None:
    page = parse_listing(html, POST + "page/2/", BMJ)
    assert isinstance(page, ListingPage)
    assert all(e.heading and BMJ.match(e.url) for e in page.entries)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(), st.binary()))
def test_never_raises_on_arbitrary_text_or_bytes(data: str | bytes) -> None:
    assert isinstance(parse_listing(data, POST, BMJ), ListingPage)


# --- selectors from a source config ---------------------------------------------------------


def test_selectors_are_used_first() -> None:
    selectors = ListingSelectors(
        entry="div.latest-article", heading="h3", teaser="p.excerpt", next="a.prev"
    )
    page = parse_listing(
        load("c_cards_page_numbers.html"), POST + "page/14/", BMJ, selectors=selectors
    )
    # Only the cards match: the hero is outside div.latest-article.
    assert [e.heading for e in page.entries] == C_HEADINGS[1:]
    assert page.entries[0].teaser.startswith("(P)luck is a book written")
    assert page.next_url == POST + "page/13/?cat=-1"  # the configured selector wins


def test_selectors_that_match_nothing_fall_back_to_structure() -> None:
    selectors = ListingSelectors(entry="div.no-such-thing", heading="h9", teaser=".nope", next=".x")
    page = parse_listing(
        load("a_bmjleader_home_page2.html"), POST + "page/2/", BMJ, selectors=selectors
    )
    assert summary(page) == A_EXPECTED
    assert page.next_url == POST + "page/3/"


def test_heading_selector_alone() -> None:
    page = parse_listing(
        load("e_block_theme_tt4.html"),
        POST + "tag/medical-leadership/page/2/",
        BMJ,
        selectors=ListingSelectors(heading=".wp-block-post-title a"),
    )
    assert len(page.entries) == 4
    assert page.entries[0].teaser.startswith("Leadership within the NHS")


def test_invalid_selector_fails_at_config_time() -> None:
    with pytest.raises(ValueError, match="invalid CSS selector"):
        ListingSelectors(entry="div[")


# --- next page links ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "page_url", "expected"),
    [
        ('<div class="navigation"><div class="alignleft"><a href="/page/3/">&laquo; Older '
         'Entries</a></div><div class="alignright"><a href="/">Newer Entries &raquo;</a>'
         "</div></div>",
         "https://ex.org/page/2/", "https://ex.org/page/3/"),
        ('<a href="/page/1/">Newer posts</a><a href="/?paged=3">Previous</a>',
         "https://ex.org/page/2/", None),
        ('<a rel="next" href="page/5/">go</a>', "https://ex.org/blog/", "https://ex.org/blog/page/5/"),
        ('<a href="https://ex.org/page/4/">›</a>', "https://ex.org/page/3/", "https://ex.org/page/4/"),
        ('<a href="https://ex.org/page/2/">Next page</a>', "https://ex.org/page/2/", None),
        ('<a class="page-numbers" href="/page/1/">1</a><span class="page-numbers current">2</span>'
         '<a class="page-numbers" href="/page/3/">3</a>', "https://ex.org/page/2/",
         "https://ex.org/page/3/"),
        ('<a class="page-numbers" href="/?paged=2">2</a>', "https://ex.org/", "https://ex.org/?paged=2"),
        ('<a href="https://mirror.example/page/3/">Next</a><a href="/page/3/">Older posts</a>',
         "https://ex.org/page/2/", "https://ex.org/page/3/"),
        ('<div id="comments"><div class="nav-previous"><a href="/p/comment-page-1/">Older Comments'
         '</a></div></div>', "https://ex.org/page/2/", None),
        ('<nav class="post-navigation"><div class="nav-previous"><a href="'
         + POST + '2023/01/01/older-post/">Older post</a></div></nav>', POST, None),
        ('<a class="last" href="/page/160/">Last &raquo;</a>', "https://ex.org/", None),
        # A Query Loop block that does not inherit the page's query pages with ?query-N-page=M
        ('<a href="/blog/?query-2-page=2" class="wp-block-query-pagination-next">Next Page</a>',
         "https://ex.org/blog/", "https://ex.org/blog/?query-2-page=2"),
        ('<a href="/blog/?query-2-page=2" class="wp-block-query-pagination-previous">Previous '
         'Page</a><a class="page-numbers" href="?cst">1</a><a class="page-numbers" '
         'href="?query-2-page=2&#038;cst">2</a><span class="page-numbers current">3</span>',
         "https://ex.org/blog/?query-2-page=3", None),
        ('<a class="page-numbers" href="?e-page-1a2b3c=3">3</a>', "https://ex.org/news/?e-page-1a2b3c=2",
         "https://ex.org/news/?e-page-1a2b3c=3"),
        ('<a class="page-numbers" href="/?page_id=7&#038;paged=3">3</a>',
         "https://ex.org/?page_id=7&paged=2", "https://ex.org/?page_id=7&paged=3"),
        # Enfold's avia_pagination() of a builder element: "›" the next page, "»" the last
        ("<nav class='pagination'><span class='pagination-meta'>Page 6 of 12</span>"
         "<a href='/?avia-element-paging=1'>&laquo;</a><a href='/?avia-element-paging=5'>"
         "&lsaquo;</a><span class='current'>6</span><a href='/?avia-element-paging=12'>&raquo;"
         "</a><a href='/?avia-element-paging=7'>&rsaquo;</a></nav>",
         "https://ex.org/?avia-element-paging=6", "https://ex.org/?avia-element-paging=7"),
        ("", "https://ex.org/", None),
    ],
)  # fmt: skip
def test_next_url(body: str, page_url: str, expected: str | None) -> None:
    assert parse_listing(f"<html><body>{body}</body></html>", page_url, BMJ).next_url == expected


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_the_next_link_alone_is_what_the_full_parse_finds(name: str) -> None:
    pattern = NHSE if name.startswith("f_") else BMJ
    url = "https://www.england.nhs.uk/blog/" if name.startswith("f_") else POST + "page/2/"
    data = load(name)
    assert listing_next_url(data, url, pattern) == parse_listing(data, url, pattern).next_url


@pytest.mark.parametrize("theme", THEMES)
def test_the_next_link_alone_matches_on_every_generated_theme_page(tmp_path, theme: str) -> None:
    site = build_site(
        tmp_path, synthetic_posts(95), site_url="https://blog.example", theme=theme, feed=False,
        articles=False,
    )  # fmt: skip
    pattern = post_permalink_pattern(site.start_url)
    pages = sorted((tmp_path / "bmjleader").rglob("index.html*"))  # index.html?paged=2 too
    assert len(pages) >= site.listing_pages
    for page in pages:
        query = page.name.partition("?")[2]
        url = f"https://blog.example/{page.parent.relative_to(tmp_path)}/"
        url += f"?{query}" if query else ""
        data = page.read_bytes()
        assert listing_next_url(data, url, pattern) == parse_listing(data, url, pattern).next_url
