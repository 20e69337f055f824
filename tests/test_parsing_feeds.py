"""parse_feed on WordPress, Medium and Atom feeds, broken inputs, dates, links and paging.

The feeds are in tests/fixtures/feeds; each says in a comment what it models.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawler.parsing.feedfields import drop_footers, entry_url, feed_date, html_blocks, post_id
from crawler.parsing.feeds import Feed, FeedEntry, FeedError, parse_feed, wordpress_feed_page

FIXTURES = Path(__file__).parent / "fixtures" / "feeds"
BMJ_FEED = "https://blogs.bmj.com/bmjleader/feed/"
BMJ = "https://blogs.bmj.com/bmjleader/"
MEDIUM_USER_FEED = "https://medium.com/feed/@amir-ali2020"
MEDIUM_TAG_FEED = "https://medium.com/feed/tag/nhs-leadership"
BLOGGER_FEED = "https://wardofficenotes.blogspot.com/feeds/posts/default"


def load(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(scope="module")
def bmj() -> Feed:
    return parse_feed(load("bmjleader_feed.xml"), BMJ_FEED)


@pytest.fixture(scope="module")
def medium_user() -> Feed:
    return parse_feed(load("medium_user_amir_ali2020.xml"), MEDIUM_USER_FEED)


@pytest.fixture(scope="module")
def medium_tag() -> Feed:
    return parse_feed(load("medium_tag_nhs_leadership.xml"), MEDIUM_TAG_FEED)


@pytest.fixture(scope="module")
def blogger() -> Feed:
    return parse_feed(load("blogger_atom.xml"), BLOGGER_FEED)


# ---------------------------------------------------------------- WordPress (BMJ Leader)

BMJ_ENTRIES = [
    (
        "2023/10/31/blog-2-we-need-to-talk-about-professionalism-when-am-i-going-to-meet-the-surgeon/",
        "Blog 2: We need to talk about professionalism: When am I going to meet the surgeon? "
        "By Jo Hartland, Mx Karen Chui and Xander Stephenson-Allen",
        "3391",
        "2023-10-31T09:00:00+00:00",
    ),
    (
        "2023/10/24/pharmacy-leadership-in-medicines-equity/",
        "Pharmacy Leadership in Medicines Equity. By Anisha Soni",
        "3374",
        "2023-10-24T08:30:00+00:00",
    ),
    (
        "2023/10/17/the-storm-the-sea-and-why-healthcare-isnt-about-the-nhs-at-all/",
        "The storm, the sea, and why healthcare isn’t about the NHS at all. By Rich Taunt",
        "3368",
        "2023-10-17T07:15:00+00:00",
    ),
    (
        "2023/10/09/in-conversation-with-dr-jan-frich/",
        "In conversation with Dr. Jan Frich",
        "3352",
        "2023-10-09T10:00:00+00:00",
    ),
    (
        "2023/10/03/when-its-time-to-go-is-there-anywhere-for-me-to-go/",
        "When it’s time to go, is there anywhere for me to go? By Sue Holden",
        "3340",
        "2023-10-03T08:00:00+00:00",
    ),
    (
        "2023/09/26/greener-leader-blog-series-leadership-on-the-climate-emergency-must-extend-"
        "beyond-nhs-sustainability/",
        "Greener Leader Blog Series: Leadership on the climate emergency must extend beyond NHS "
        "sustainability",
        "3329",
        "2023-09-26T08:00:00+00:00",
    ),
    (
        "2023/09/19/introducing-the-greener-leader-blog-series/",
        "Introducing the “Greener Leader” Blog Series",
        "3317",
        "2023-09-19T08:00:00+00:00",
    ),
    (
        "2023/09/12/leadership-in-crisis-management-lessons-from-emergency-medicine/",
        "Leadership in Crisis Management: Lessons from Emergency Medicine in the initial wave of "
        "the Covid-19 pandemic by Yongtian Tina Tan",
        "3305",
        "2023-09-12T08:00:00+00:00",
    ),
    (
        "2023/09/05/no-more-silos-our-survival-and-success-depend-on-collaborative-leadership-and-"
        "development/",
        "No more silos–our survival and success depend on collaborative leadership and "
        "development, and we can’t start too soon. By Emma Challans-Rasool and Charlotte Williams",
        "3296",
        "2023-09-05T08:00:00+00:00",
    ),
    (
        "2023/08/29/moving-away-from-branded-organisational-values/",
        "Moving away from branded organisational values: why we need a disease-model for "
        "organisational culture by Ali Raza",
        "3281",
        "2023-08-29T08:00:00+00:00",
    ),
]


def test_bmj_channel(bmj: Feed):
    assert bmj.title == "BMJ Leader blog"
    assert bmj.site_url == "https://blogs.bmj.com/bmjleader"
    assert bmj.next_url is None
    assert len(bmj.entries) == 10


@pytest.mark.parametrize(("index", "expected"), list(enumerate(BMJ_ENTRIES)))
def test_bmj_entry_identity(bmj: Feed, index: int, expected: tuple[str, str, str, str]):
    path, title, wp_id, published = expected
    entry = bmj.entries[index]
    assert entry.url == BMJ + path
    assert entry.title == title
    assert entry.guid == f"https://blogs.bmj.com/bmjleader/?p={wp_id}"
    assert entry.post_id == wp_id
    assert entry.published == published
    assert entry.updated is None
    assert entry.author == "BMJ Leader"  # the uploader account, not the byline in the title


def test_bmj_yoast_footer_is_gone_everywhere(bmj: Feed):
    for entry in bmj.entries:
        assert "appeared first on" not in entry.summary
        assert entry.content_text is not None
        assert "appeared first on" not in entry.content_text
        assert not entry.content_text.endswith("BMJ Leader blog.")


def test_bmj_summary_keeps_the_excerpt_marker(bmj: Feed):
    first = bmj.entries[0]
    assert first.summary.startswith("Welcome to the second blog in this series,")
    assert "Professor Kimberlé Crenshaw" in first.summary
    assert first.summary.endswith("of ‘professionalism’ on marginalised individuals […]")
    for entry in bmj.entries[:9]:
        assert entry.summary.endswith(" […]")
        assert "\n" not in entry.summary and "  " not in entry.summary


def test_bmj_2019_style_excerpt_keeps_more_link_text(bmj: Feed):
    last = bmj.entries[9]
    assert last.summary.endswith("West et al. argue that the priorities [...] More...")


def test_bmj_content_blocks(bmj: Feed):
    first = bmj.entries[0].content_text
    assert first is not None
    blocks = first.split("\n\n")
    assert blocks[1] == "When am I going to meet the surgeon?"  # the <h2>
    assert blocks[2].startswith("Many of us have been asked this question")
    assert "scrubs. It is rarely" in blocks[2]  # &nbsp; is a space
    # <br /> is a line break inside its paragraph.
    assert bmj.entries[1].content_text.endswith(
        "References\n1. NHSBSA. Access to NHS prescribing and exemption schemes in England. 2023."
    )
    # List items and figure captions are blocks of their own; the image gives no text.
    assert bmj.entries[6].content_text.endswith(
        "Blog 1: why leadership matters\n\nBlog 2: beyond NHS sustainability"
    )
    assert "\n\nThe Greener Leader series\n\n" in bmj.entries[5].content_text


def test_bmj_entities_and_tracking_parameters(bmj: Feed):
    storm = bmj.entries[2]
    assert "utm_" not in storm.url and "?" not in storm.url
    assert "election we’ll see a raft of NHS flashpoints – maybe" in storm.summary
    interview = bmj.entries[3]
    assert interview.content_text.startswith("To watch this interview, please follow this link\n\n")


def test_bmj_categories_mix_categories_and_tags(bmj: Feed):
    assert bmj.entries[0].categories == (
        "Blog",
        "We need to talk about professionalism",
        "intersectionality",
        "professionalism",
    )
    # The "Leadership" category and the "leadership" tag are one subject.
    assert bmj.entries[3].categories == (
        "BMJ Leader Conversations",
        "Interview",
        "Leadership",
        "podcast",
    )


def test_bmj_str_and_bytes_give_the_same_feed(bmj: Feed):
    text = load("bmjleader_feed.xml").decode("utf-8")
    assert parse_feed(text, BMJ_FEED) == bmj


def test_bmj_second_page():
    feed = parse_feed(load("bmjleader_feed_paged2.xml"), wordpress_feed_page(BMJ_FEED, 2))
    assert [e.post_id for e in feed.entries] == ["2157", "2141", "2133", "2126"]
    assert [e.title for e in feed.entries] == [
        "‘Magical Meander’: Service Growth",
        # Double-escaped in the feed (&amp;#8220;), decoded all the way.
        "“The cobbler’s children have no shoes” by Emma Hadley and Partha Kar",
        "Creating tomorrow today: seven simple rules for leaders. Blog five: Support people to "
        "build their agency at every level of the system by Helen Bevan and Göran Henriks",
        "Interviews: Asking the wrong questions by Roger Kline",
    ]
    for entry in feed.entries:
        assert entry.summary.endswith(" [...] More...")
        assert "appeared first on" not in entry.summary + (entry.content_text or "")
    assert feed.entries[1].content_text == (
        "Those of us who work in the NHS are often the last to look after ourselves. "
        "The cobbler’s children, as the saying goes, have no shoes."
    )


def test_bmj_tag_feed():
    feed = parse_feed(
        load("bmjleader_tag_climate_crisis_feed.xml"),
        "https://blogs.bmj.com/bmjleader/tag/climate-crisis/feed/",
    )
    assert feed.title == "Climate crisis Archives - BMJ Leader blog"
    assert feed.site_url == "https://blogs.bmj.com/bmjleader"
    assert [e.post_id for e in feed.entries] == ["3317", "3102"]
    assert feed.entries[0].summary == (
        "The climate crisis is arguably the biggest leadership challenge that humanity has "
        "ever faced. […]"
    )
    assert all("climate crisis" in e.categories for e in feed.entries)


# ---------------------------------------------------------------- Medium


def test_medium_user_channel(medium_user: Feed):
    assert medium_user.title == "Stories by Amir Ali on Medium"
    assert medium_user.site_url == "https://medium.com/@amir-ali2020"
    assert medium_user.next_url is None
    assert [e.post_id for e in medium_user.entries] == [
        "c04f5e8d2a19",
        "7b3e0c9a41d2",
        "2961c5deb7f2",
    ]


def test_medium_user_entry(medium_user: Feed):
    entry = medium_user.entries[2]
    assert entry.url == "https://amir-ali2020.medium.com/leadership-in-the-nhs-2961c5deb7f2"
    assert entry.guid == "https://medium.com/p/2961c5deb7f2"
    assert entry.title == "Leadership in the NHS"
    assert entry.published == "2020-10-30T12:34:56+00:00"  # "GMT"
    assert entry.updated == "2020-10-30T12:40:01+00:00"  # atom:updated, "…01.123Z"
    assert entry.author == "Amir Ali"
    assert entry.categories == ("leadership", "nhs", "healthcare", "management")
    assert entry.summary == ""  # user feeds have no <description>


def test_medium_user_content(medium_user: Feed):
    content = medium_user.entries[2].content_text
    assert content is not None
    blocks = content.split("\n\n")
    assert blocks[0] == "Leadership in the NHS"  # the <h3> title repeat is kept
    assert blocks[1].startswith("In this blog, I will be discussing leadership within the NHS.")
    assert "Core leadership skills" in blocks  # figcaption; the image itself gives no text
    assert blocks[blocks.index("Make better decisions") + 1] == (
        "Get more done in less time with lower costs"
    )
    assert blocks[-1] == "Do you lead to inspire or lead with influence for dominance?"
    assert "stat?event" not in content and "medium.com" not in content
    assert medium_user.entries[0].content_text.endswith(
        "Here is what has worked for our teams & what has not."
    )


def test_medium_tag_feed(medium_tag: Feed):
    assert medium_tag.title == "NHS Leadership on Medium"
    assert medium_tag.site_url == "https://medium.com/tag/nhs-leadership/latest"
    assert [(e.url, e.post_id) for e in medium_tag.entries] == [
        (
            "https://medium.com/@drsaraholt/what-the-nhs-can-learn-from-aviation-about-speaking-"
            "up-a81c3e9f02b4",
            "a81c3e9f02b4",
        ),
        (
            "https://medium.com/digital-health-leaders/compassionate-leadership-isnt-soft-5f0d2b7c9e31",
            "5f0d2b7c9e31",
        ),
        (
            "https://jkhealthpolicy.medium.com/integrated-care-boards-one-year-on-e2b94d71c6a0",
            "e2b94d71c6a0",
        ),
    ]
    assert [e.summary for e in medium_tag.entries] == [
        "Cockpit culture changed when juniors were expected to challenge captains. "
        "Wards can change too.",
        "Four things I got wrong in my first year as a ward manager & what I do now",
        "",  # a preview with no snippet: only the image and "Continue reading on Medium »"
    ]
    assert all(e.content_text is None for e in medium_tag.entries)
    assert medium_tag.entries[1].title == "Compassionate leadership isn’t soft"
    assert medium_tag.entries[1].updated == "2023-11-07T17:02:10+00:00"


# ---------------------------------------------------------------- Atom


def test_atom_channel(blogger: Feed):
    assert blogger.title == "Notes from the Ward Office"
    assert blogger.site_url == "https://wardofficenotes.blogspot.com/"
    assert blogger.next_url == (
        "https://www.blogger.com/feeds/4417856020136429731/posts/default"
        "?start-index=4&max-results=3"
    )


def test_atom_entries(blogger: Feed):
    first, second, third = blogger.entries
    assert (
        first.url == "https://wardofficenotes.blogspot.com/2022/04/handover-is-leadership-act.html"
    )
    assert first.title == "Handover is a leadership act – not an admin task"
    assert first.published == "2022-04-02T18:04:00+01:00"  # the feed's own offset is kept
    assert first.updated == "2022-04-02T18:20:41+01:00"
    assert first.author == "Ruth Adeyemi"
    assert first.categories == ("clinical leadership", "handover")
    assert first.post_id == "8827140393650571924"
    assert first.summary.startswith("Every shift ends with a conversation")
    assert first.content_text.endswith(
        "we rarely teach it.\n\nThree habits\n\nStart on time.\n\nSickest first.\n\nName one worry."
    )
    assert second.url == "https://wardofficenotes.blogspot.com/2022/03/run-charts.html"
    assert second.title == "Run charts for people who hate statistics"  # <b> in type="html"
    assert second.summary == "You do not need a statistician to see whether a change helped."
    assert second.content_text == (  # type="xhtml"
        "You do not need a statistician to see whether a change helped.\n\n"
        "Plot the data over time, mark the change, and look for runs."
    )
    assert second.categories == ("quality improvement", "NHS")
    assert second.published == "2022-03-05T09:30:00+00:00"  # "Z"
    # A relative alternate link resolves against the feed URL.
    assert third.url == "https://wardofficenotes.blogspot.com/2022/01/untitled-note.html"
    assert third.content_text is None
    assert third.published == "2022-01-10T07:45:00-05:00"
    assert third.author == "Guest: Tom Reilly"


def test_atom_entry_inherits_feed_author_and_xml_base():
    doc = """<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://example.org/blog/">
      <title>Example</title><author><name>Site Team</name></author>
      <entry><title>One</title><link href="2024/one"/><id>urn:uuid:1</id>
        <updated>2024-01-02T03:04:05Z</updated>
        <content type="text">First paragraph.

Second paragraph.</content></entry>
    </feed>"""
    (entry,) = parse_feed(doc, "https://example.org/feed.atom").entries
    assert entry.url == "https://example.org/blog/2024/one"
    assert entry.author == "Site Team"
    assert entry.published is None and entry.updated == "2024-01-02T03:04:05+00:00"
    assert entry.content_text == "First paragraph.\n\nSecond paragraph."


# ---------------------------------------------------------------- broken and odd input


def test_truncated_feed_recovers_the_complete_items():
    feed = parse_feed(load("broken_truncated_feed.xml"), BMJ_FEED)
    assert feed.title == "BMJ Leader blog"
    # The fourth item was cut off inside its description, so it is left out.
    assert [e.post_id for e in feed.entries] == ["3391", "3374", "3368"]
    complete = parse_feed(load("bmjleader_feed.xml"), BMJ_FEED)
    assert feed.entries == complete.entries[:3]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (load("broken_html_page.html"), "an HTML page, not a feed"),
        (load("broken_empty.xml"), "empty document"),
        ("  \n\t ", "empty document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary data"),
        ('{"version": "https://jsonfeed.org/version/1.1", "items": []}', "not XML"),
        (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<url><loc>https://example.org/</loc></url></urlset>",
            "root element <urlset> is not rss, RDF or feed",
        ),
        ("<html><body><p>Feed moved</p></body></html>", "an HTML page"),
    ],
)
def test_not_a_feed(data: bytes | str, message: str):
    with pytest.raises(FeedError, match=message) as caught:
        parse_feed(data, BMJ_FEED)
    assert isinstance(caught.value, ValueError)
    assert BMJ_FEED in str(caught.value)


def test_empty_channel_is_a_feed_with_no_entries():
    feed = parse_feed("<rss version='2.0'><channel><title>New blog</title></channel></rss>", BMJ)
    assert feed == Feed(title="New blog", site_url=None, entries=(), next_url=None)


def test_latin1_declared_feed():
    feed = parse_feed(
        load("latin1_declared_feed.xml"), "http://www.gestionclinica.example.es/feed/"
    )
    assert feed.title == "Gestión Clínica – Liderazgo sanitario"
    (entry,) = feed.entries
    assert entry.title == "Liderazgo médico: ¿qué aprendimos en 2019?"
    assert entry.author == "Señora Administración"
    assert entry.categories == ("Gestión",)
    assert entry.published == "2020-01-13T10:30:00+01:00"
    assert entry.summary.endswith("un presupuesto de 250.000 € (unos £215.000) […]")
    assert entry.content_text is None


def _rss(title: str, *, declaration: str = '<?xml version="1.0" encoding="UTF-8"?>') -> str:
    return (
        f"{declaration}<rss version='2.0'><channel><item><title>{title}</title>"
        "<link>https://example.org/2024/01/02/post/</link></item></channel></rss>"
    )


@pytest.mark.parametrize(
    ("data", "title"),
    [
        # Declared UTF-8, written in cp1252 (an old plugin's output).
        (_rss("Caf\xe9 \x93leaders\x94").encode("latin-1"), "Café “leaders”"),
        # Declared ISO-8859-1, written in UTF-8.
        (
            _rss("Café – ok", declaration='<?xml version="1.0" encoding="ISO-8859-1"?>').encode(),
            "Café – ok",
        ),
        # UTF-16 with a BOM, and UTF-8 with a BOM.
        (_rss("Naïve").encode("utf-16"), "Naïve"),
        (b"\xef\xbb\xbf" + _rss("Naïve").encode(), "Naïve"),
        # HTML entities XML does not define, a bare ampersand, a control character.
        (_rss("It&rsquo;s&nbsp;Q&A &hellip;\x0b done"), "It’s Q&A … done"),
        # A PHP warning printed before the declaration.
        ("\nWarning: Undefined array key in /wp-content/x.php on line 3\n" + _rss("Hi"), "Hi"),
        # Double-escaped entities and markup in a plain RSS title.
        (_rss("&amp;#8220;Quoted&amp;#8221; &lt;em&gt;title&lt;/em&gt;"), "“Quoted” title"),
    ],
)
def test_encodings_and_entities(data: bytes | str, title: str):
    (entry,) = parse_feed(data, "https://example.org/feed/").entries
    assert entry.title == title
    assert entry.url == "https://example.org/2024/01/02/post/"


def test_missing_fields_and_fallbacks():
    doc = """<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
      <atom:link rel="next" href="/feed/?paged=2"/>
      <item><guid>https://example.org/?p=77</guid></item>
      <item><title>No link at all</title><guid isPermaLink="false">post-78</guid></item>
      <item><link>/relative/path/#comments</link><author>editor@example.org (Ed Itor)</author>
        <pubDate>not a date</pubDate><category>  </category></item>
    </channel></rss>"""
    feed = parse_feed(doc, "https://example.org/feed/")
    assert feed.title is None and feed.site_url is None
    assert feed.next_url == "https://example.org/feed/?paged=2"
    first, second = feed.entries  # the item without any URL is skipped
    assert first == FeedEntry(
        url="https://example.org/?p=77",
        title="",
        summary="",
        content_text=None,
        published=None,
        updated=None,
        author=None,
        categories=(),
        guid="https://example.org/?p=77",
        post_id="77",
    )
    assert second.url == "https://example.org/relative/path/"
    assert second.author == "Ed Itor"
    assert second.published is None and second.categories == ()


def test_rss_1_0_rdf_feed():
    doc = """<?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
             xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://example.org/"><title>RDF blog</title>
        <link>https://example.org/</link></channel>
      <item rdf:about="https://example.org/a/"><title>A</title><link>https://example.org/a/</link>
        <dc:date>2021-05-06T07:08:09+02:00</dc:date><dc:creator>Jo</dc:creator>
        <dc:subject>Leadership</dc:subject><description>Short &lt;b&gt;text&lt;/b&gt;</description>
      </item>
    </rdf:RDF>"""
    feed = parse_feed(doc, "https://example.org/index.rdf")
    assert feed.title == "RDF blog"
    (entry,) = feed.entries
    assert (entry.url, entry.guid, entry.published, entry.author, entry.categories) == (
        "https://example.org/a/",
        "https://example.org/a/",
        "2021-05-06T07:08:09+02:00",
        "Jo",
        ("Leadership",),
    )
    assert entry.summary == "Short text"


# ---------------------------------------------------------------- field helpers


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tue, 24 Oct 2023 08:30:00 +0000", "2023-10-24T08:30:00+00:00"),
        ("Fri, 30 Oct 2020 12:34:56 GMT", "2020-10-30T12:34:56+00:00"),
        ("Tue, 24 Oct 2023 08:30:00 -0000", "2023-10-24T08:30:00+00:00"),
        ("Tue, 24 Oct 2023 08:30:00 BST", "2023-10-24T08:30:00+01:00"),
        ("Tue, 24 Oct 2023 08:30:00 EST", "2023-10-24T08:30:00-05:00"),
        ("24 Oct 2023 08:30 +0100", "2023-10-24T08:30:00+01:00"),
        ("  Tue, 24 Oct 2023\n 08:30:00 +0000 ", "2023-10-24T08:30:00+00:00"),
        ("2020-10-30T12:40:01.123Z", "2020-10-30T12:40:01+00:00"),
        ("2022-04-02T18:04:00.003+01:00", "2022-04-02T18:04:00+01:00"),
        ("2023-10-24T08:30:00+0530", "2023-10-24T08:30:00+05:30"),
        ("2023-10-24", "2023-10-24T00:00:00+00:00"),
        ("2023-10-24 08:30:00", "2023-10-24T08:30:00+00:00"),
        ("Tuesday, October 24, 2023 8:30 AM", "2023-10-24T08:30:00+00:00"),
        ("0000-00-00 00:00:00", None),
        ("yesterday", None),
        ("Oct 24", None),  # no year: nothing is filled in from today
        ("Mon, 32 Oct 2023 08:30:00 +0000", None),
        ("", None),
        (None, None),
    ],
)
def test_feed_date(raw: str | None, expected: str | None):
    assert feed_date(raw) == expected


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        (
            "https://amir-ali2020.medium.com/leadership-in-the-nhs-2961c5deb7f2"
            "?source=rss-3b1d9a2c7e45------2",
            "https://amir-ali2020.medium.com/leadership-in-the-nhs-2961c5deb7f2",
        ),
        ("https://x.org/a/?utm_source=rss&utm_medium=rss&id=4#more-4", "https://x.org/a/?id=4"),
        ("  https://x.org/a/\n", "https://x.org/a/"),
        ("/2024/01/a/", "https://blogs.bmj.com/2024/01/a/"),
        ("mailto:editor@example.org", None),
        ("javascript:void(0)", None),
        ("ftp://x.org/a", None),
        ("http://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_entry_url(href: str | None, expected: str | None):
    assert entry_url(href, BMJ_FEED) == expected


@pytest.mark.parametrize(
    ("guid", "url", "expected"),
    [
        ("https://blogs.bmj.com/bmjleader/?p=3391", None, "3391"),
        ("https://medium.com/p/2961C5DEB7F2", None, "2961c5deb7f2"),
        (
            None,
            "https://medium.com/@amir-ali2020/leadership-in-the-nhs-2961c5deb7f2",
            "2961c5deb7f2",
        ),
        (None, "https://medium.com/p/2961c5deb7f2", "2961c5deb7f2"),
        ("tag:blogger.com,1999:blog-1.post-42", "https://x.blogspot.com/a.html", "42"),
        ("urn:uuid:1", "https://example.org/?p=12", "12"),
        (None, "https://example.org/2021/cafe-2961c5deb7f2/", None),  # not Medium
        ("https://example.org/?page_id=5", None, None),
        (None, None, None),
    ],
)
def test_post_id(guid: str | None, url: str | None, expected: str | None):
    assert post_id(guid, url) == expected


def test_footers_only_go_when_they_end_the_text():
    title = "The post office is a leadership school"
    yoast = f"The post {title} appeared first on BMJ Leader blog."
    assert drop_footers(["Body.", yoast], title) == ["Body."]
    assert drop_footers([f"Body text. {yoast}"], title) == ["Body text."]
    # Without the title (it was edited since), the last full footer still goes.
    old = "The post Old title appeared first on BMJ Leader blog."
    assert drop_footers([f"The post of chief nurse is vacant. {old}"], "") == [
        "The post of chief nurse is vacant."
    ]
    kept = ["The post appeared first on a noticeboard.", "Then it moved."]
    assert drop_footers(kept, "") == kept
    assert drop_footers(["Snippet", "Continue reading on Digital Health Leaders »"], "") == [
        "Snippet"
    ]


def test_html_blocks_skip_scripts_and_keep_tails():
    markup = (
        "<p>a<script>var x = 1;</script>b<!-- c -->d</p><style>p{}</style>"
        "<p>e &amp;amp;#8217; f<br>g</p><iframe>x</iframe>tail"
    )
    assert html_blocks(markup) == ["abd", "e ’ f\ng", "tail"]
    assert html_blocks("") == [] and html_blocks("   ") == []
    assert html_blocks("plain &#8220;text&#8221;") == ["plain “text”"]


# ---------------------------------------------------------------- paging


@pytest.mark.parametrize(
    ("feed_url", "page", "expected"),
    [
        (BMJ_FEED, 1, BMJ_FEED),
        (BMJ_FEED, 2, "https://blogs.bmj.com/bmjleader/feed/?paged=2"),
        ("https://blogs.bmj.com/bmjleader/feed/?paged=2", 3, BMJ_FEED + "?paged=3"),
        ("https://blogs.bmj.com/bmjleader/feed/?paged=5", 1, BMJ_FEED),
        (
            "https://blogs.bmj.com/bmjleader/tag/climate-crisis/feed/?lang=en#x",
            4,
            "https://blogs.bmj.com/bmjleader/tag/climate-crisis/feed/?lang=en&paged=4",
        ),
        ("https://example.org/?feed=rss2", 2, "https://example.org/?feed=rss2&paged=2"),
    ],
)
def test_wordpress_feed_page(feed_url: str, page: int, expected: str):
    assert wordpress_feed_page(feed_url, page) == expected


def test_wordpress_feed_page_rejects_page_zero():
    with pytest.raises(ValueError, match="start at 1"):
        wordpress_feed_page(BMJ_FEED, 0)


# ---------------------------------------------------------------- never raises


_FEED_PIECES = st.sampled_from(
    [
        "<?xml version='1.0' encoding='ISO-8859-1'?>", "<rss>", "</rss>", "<channel>", "<item>",
        "</item>", "<title>", "</title>", "<link>", "</link>", "https://x.org/a?p=1&utm_x=1",
        "<guid>", "</guid>", "<description><![CDATA[<p>", "</p>]]></description>",
        "<content:encoded>", "<pubDate>", "Tue, 24 Oct 2023 08:30:00 +0000", "</pubDate>",
        "<feed xmlns='http://www.w3.org/2005/Atom'>", "<entry>", "<link rel='next' href='",
        "'/>", "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>", "</div>",
        "<category term='x'/>", "&amp;#8217;", "&nbsp;", "&#0;", "&", "<", "]]>", "The post ",
        " appeared first on ", "Continue reading on Medium »", "<br>", "\x00", "\ud800", "é",
    ]
)  # fmt: skip


def _only_feed_errors(data: bytes | str) -> None:
    try:
        result = parse_feed(data, BMJ_FEED)
    except FeedError:
        return
    assert isinstance(result, Feed)
    for entry in result.entries:
        assert entry.url.startswith(("http://", "https://"))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | st.text(max_size=2000))
def test_parse_feed_raises_only_feed_error_on_anything(data: bytes | str):
    _only_feed_errors(data)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_FEED_PIECES | st.text(max_size=20), max_size=40).map("".join))
def test_parse_feed_raises_only_feed_error_on_feed_like_text(text: str):
    _only_feed_errors(text)
    _only_feed_errors(text.encode("utf-8", "surrogatepass"))


_FIXTURE_BYTES = [path.read_bytes() for path in sorted(FIXTURES.iterdir())]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_FIXTURE_BYTES), st.integers(0, 30_000), st.integers(0, 30_000), st.binary())
def test_parse_feed_survives_cut_and_spliced_fixtures(doc: bytes, a: int, b: int, junk: bytes):
    start, end = sorted((a % (len(doc) + 1), b % (len(doc) + 1)))
    _only_feed_errors(doc[:start])
    _only_feed_errors(doc[:start] + junk + doc[end:])
