"""The offline demo blogs: bundled posts, synthetic posts and the static site builder."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest

from crawler.demo.site import THEMES, build_site, demo_posts, synthetic_posts, wp_trim_words
from crawler.demo.themes import page_param

SITE_URL = "http://127.0.0.1:8123"
# The 28 teasers of seeds 000-002, copied so the suite needs nothing outside the repo.
SEED_TEASERS = Path(__file__).resolve().parent / "data" / "seed_teasers.txt"
POST_LINK = re.compile(r"^https?://127\.0\.0\.1:8123/bmjleader/\d{4}/\d{2}/\d{2}/[^/?#]+/?$")
WS = re.compile(r"[ \t\r\n]+")  # ASCII white space only: U+00A0 is part of a word
PER_PAGE = 10

# Per theme: XPath of the title link of every listing entry (hero included).
TITLE_LINKS = {
    "bmj-hero": "//main//h2[@class='entry-title']/a",
    "underscores-numbers": "//article//h2[@class='entry-title']/a",
    "cards": "//h1[contains(@class,'hero__title')]/a | //h3[contains(@class,'card__title')]/a",
    "classless": "//td/b/a | //td/h3/a",
    "block-theme": "//li[contains(@class,'wp-block-post')]/div/h2/a",
    # The card's one link wraps the heading, which holds no link.
    "nightingale": "//div[@class='nhsuk-promo']/a[h2 or div/h2]",
    # The title is no link: "Read More" beside the byline is the one link every post has.
    "avada": "//a[@class='fusion-read-more']",
    # Not the post slider's h3 titles above the listing: the same three posts on every page.
    "enfold": "//h2[contains(@class,'post-title')]/a",
}


@pytest.fixture(scope="module", params=THEMES)
def built(request, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param)
    info = build_site(out, demo_posts(), site_url=SITE_URL, theme=request.param)
    return request.param, out, info


def page_path(out: Path, n: int, theme: str = "") -> Path:
    """Page ``n`` of the home listing: ``page/N/``, or ``index.html?param=N`` as saved for a
    theme whose pages a query numbers."""
    param = page_param(theme) if theme else None
    if n == 1:
        return out / "bmjleader" / "index.html"
    return out / "bmjleader" / (f"index.html?{param}={n}" if param else f"page/{n}/index.html")


def page_url(n: int, theme: str = "") -> str:
    param = page_param(theme) if theme else None
    home = f"{SITE_URL}/bmjleader/"
    return home if n == 1 else f"{home}?{param}={n}" if param else f"{home}page/{n}/"


def parse(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_text(encoding="utf-8"))


def links(doc: lxml.html.HtmlElement, base: str) -> list[str]:
    return [urljoin(base, href) for href in doc.xpath("//a/@href | //link/@href")]


def served(url: str) -> str:
    """The URL the demo server answers for a linked post URL (http, no query, slash)."""
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return f"http://{parts.netloc}{path}"


def listing_docs(out: Path, pages: int, theme: str = "") -> list[tuple[str, lxml.html.HtmlElement]]:
    return [(page_url(n, theme), parse(page_path(out, n, theme))) for n in range(1, pages + 1)]


def test_files_exist_and_page_after_last_is_absent(built):
    theme, out, info = built
    posts = demo_posts()
    assert info.start_url == f"{SITE_URL}/bmjleader/"
    assert info.listing_pages == (len(posts) + 1 + PER_PAGE - 1) // PER_PAGE  # +1: repeated post
    for n in range(1, info.listing_pages + 1):
        assert page_path(out, n, theme).is_file()
    beyond = page_path(out, info.listing_pages + 1, theme)
    if page_param(theme):  # a page a query numbers answers past the last, listing no post
        assert not parse(beyond).xpath(TITLE_LINKS[theme])
    else:
        assert not beyond.exists()
    assert not (out / "bmjleader" / "page" / "1").exists()
    assert (out / "robots.txt").read_text().splitlines()[:2] == [
        "User-agent: *",
        "Disallow: /wp-admin/",
    ]
    assert (out / "bmjleader" / "tag" / "climate-crisis" / "index.html").is_file()
    for url in info.post_urls:
        assert (out / urlsplit(url).path.strip("/") / "index.html").is_file()


def test_post_urls_are_distinct_served_permalinks(built):
    _, _, info = built
    assert len(info.post_urls) == len(set(info.post_urls)) == len(demo_posts())
    for url in info.post_urls:
        assert url.startswith("http://") and url.endswith("/") and POST_LINK.match(url)
    assert info.post_urls[0].endswith(
        "/2023/12/12/blog-3-we-need-to-talk-about-professionalism-who-decides/"
    )


def test_listing_pages_look_like_wordpress(built):
    theme, out, info = built
    for n, (_, doc) in enumerate(listing_docs(out, info.listing_pages, theme), 1):
        title = doc.findtext(".//title")
        assert title == ("BMJ Leader blog" if n == 1 else f"BMJ Leader blog – Page {n}")
        assert doc.xpath("//form[@role='search']//input[@name='s']")
        assert doc.xpath("//form[@role='search']//button[@name='submit'][@value='Search']")
        assert doc.xpath("//select[@name='cat']/option[@value='-1'][.='Select Category']")
        assert doc.xpath("//h2[.='Recent Posts']/following::ul[1]/li/a")
        assert len(doc.xpath(TITLE_LINKS[theme])) == (PER_PAGE if n < info.listing_pages else 1)


def test_every_post_is_linked_from_a_listing_page(built):
    theme, out, info = built
    linked = set()
    for url, doc in listing_docs(out, info.listing_pages, theme):
        for a in doc.xpath(TITLE_LINKS[theme]):
            href = urljoin(url, a.get("href"))
            assert POST_LINK.match(href), href
            linked.add(served(href))
    assert linked == set(info.post_urls)


def test_url_variants_are_present(built):
    theme, out, info = built
    hrefs = [
        h for url, doc in listing_docs(out, info.listing_pages, theme) for h in links(doc, url)
    ]
    post_hrefs = [h for h in hrefs if POST_LINK.match(h)]
    assert any(h.startswith("https://") for h in post_hrefs)
    # Title and read-more; a nightingale card is one link.
    assert sum(h.startswith("https://") for h in post_hrefs) >= (theme != "nightingale") + 1
    assert any(not h.endswith("/") for h in post_hrefs)
    # The trap on a next-page link: /page/3/?cat=-1, or ?param=3&cat=-1.
    traps = [h for h in hrefs if re.search(r"(?:/page/\d+/\?|[?&][\w-]+=\d+&)cat=-1$", h)]
    assert len(set(traps)) == 1
    trap_page = int(re.search(r"(?:/page/|=)(\d+)", traps[0]).group(1))
    assert trap_page <= info.listing_pages
    repeated = demo_posts()[PER_PAGE - 1]
    for n in (1, 2):
        assert repeated.path() in page_path(out, n, theme).read_text(encoding="utf-8")


def test_no_pagination_link_past_the_last_page(built):
    theme, out, info = built
    beyond = page_url(info.listing_pages + 1, theme)
    for url, doc in listing_docs(out, info.listing_pages, theme):
        assert all(not h.startswith(beyond) for h in links(doc, url))


# Themes that cut excerpts their own way: words kept and the marker.
OWN_EXCERPTS = {"avada": (40, " [...]")}


def test_teasers_are_the_first_55_words_plus_marker(built):
    theme, out, info = built
    words, marker = OWN_EXCERPTS.get(theme, (55, " […]"))
    text = " ".join(
        WS.sub(" ", doc.text_content()) for _, doc in listing_docs(out, info.listing_pages, theme)
    )
    for post in demo_posts():
        teaser = wp_trim_words(post.body, words, marker)
        assert teaser.endswith(marker)
        assert teaser in text, post.heading
    assert text.count(marker) == len(demo_posts()) + 1


def test_some_teasers_use_nbsp(built):
    theme, out, _ = built
    source = page_path(out, 2, theme).read_text(encoding="utf-8")
    if theme in ("cards", "block-theme", "avada"):
        assert "Jan Frich.\u00a0 Jan" in source
    else:
        assert "Jan Frich.&nbsp; Jan" in source or "Jan Frich.&#160; Jan" in source
    assert "Jan Frich.\u00a0 Jan" in WS.sub(" ", parse(page_path(out, 2, theme)).text_content())


def test_tag_archive_has_tag_heading(built):
    _, out, _ = built
    doc = parse(out / "bmjleader" / "tag" / "climate-crisis" / "index.html")
    assert "Tag: climate crisis" in WS.sub(" ", doc.text_content())


@pytest.mark.parametrize("theme", ["cards", "classless"])
def test_some_themes_avoid_entry_and_post_classes(tmp_path, theme):
    build_site(tmp_path, demo_posts(), site_url=SITE_URL, theme=theme, articles=False)
    doc = parse(page_path(tmp_path, 1))
    classes = " ".join(doc.xpath("//body//@class"))
    assert not re.search(r"entry|post", classes)
    if theme == "classless":
        assert not doc.xpath("//body//@class | //body//@id")


def test_classless_has_no_pagination_but_rel_next_on_some_pages(tmp_path):
    info = build_site(tmp_path, demo_posts(), site_url=SITE_URL, theme="classless")
    with_rel = []
    for n in range(1, info.listing_pages + 1):
        doc = parse(page_path(tmp_path, n))
        body_links = [urljoin(page_url(n), h) for h in doc.xpath("//body//a/@href")]
        assert not any("/page/" in h for h in body_links)
        with_rel.append(bool(doc.xpath("//head/link[@rel='next']")))
    assert any(with_rel[:-1]) and not all(with_rel[:-1])


def test_without_variants_or_extras(tmp_path):
    posts = synthetic_posts(25, seed=3)
    info = build_site(
        tmp_path, posts, site_url=SITE_URL, theme="block-theme",
        variants=False, tag_archive=False, articles=False,
    )  # fmt: skip
    assert info.listing_pages == 3
    assert not (tmp_path / "bmjleader" / "tag").exists()
    assert not (tmp_path / "bmjleader" / posts[0].date[:4]).exists()
    html = "".join(page_path(tmp_path, n).read_text(encoding="utf-8") for n in (1, 2, 3))
    assert "https://127.0.0.1" not in html and "?cat=-1" not in html
    assert posts[PER_PAGE - 1].path() in page_path(tmp_path, 1).read_text(encoding="utf-8")
    assert posts[PER_PAGE - 1].path() not in page_path(tmp_path, 2).read_text(encoding="utf-8")


def test_rebuild_replaces_a_previous_build_and_refuses_foreign_dirs(tmp_path):
    build_site(tmp_path, demo_posts(), site_url=SITE_URL, theme="cards")
    info = build_site(tmp_path, demo_posts()[:15], site_url=SITE_URL, theme="cards")
    assert info.listing_pages == 2
    assert not page_path(tmp_path, 3).exists()
    foreign = tmp_path / "other"
    (foreign / "bmjleader").mkdir(parents=True)
    (foreign / "bmjleader" / "keep.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        build_site(foreign, demo_posts(), site_url=SITE_URL, theme="cards")
    with pytest.raises(ValueError):
        build_site(tmp_path / "x", demo_posts(), site_url=SITE_URL, theme="no-such-theme")


def test_demo_posts_are_realistic():
    posts = demo_posts()
    assert 55 <= len(posts) <= 70
    assert [p.date for p in posts] == sorted((p.date for p in posts), reverse=True)
    assert len({p.slug for p in posts}) == len({p.date for p in posts}) == len(posts)
    assert all("2020-01-01" <= p.date <= "2023-12-31" for p in posts)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", p.slug) for p in posts)
    assert all(len(p.body.split()) > 70 and "\n\n" in p.body for p in posts)
    headings = [p.heading for p in posts]
    assert "Pharmacy Leadership in Medicines Equity. By Anisha Soni" in headings
    assert any(h.startswith("‘Magical Meander’:") for h in headings)
    assert any("– Book Review by" in h for h in headings)


def seed_teasers() -> list[str]:
    lines = SEED_TEASERS.read_text(encoding="utf-8").splitlines()
    return [line.removesuffix(" […]") for line in lines]


def test_seed_posts_reproduce_the_seed_teasers():
    teasers = seed_teasers()
    assert len(teasers) == 28
    trimmed = {wp_trim_words(p.body, more="") for p in demo_posts()}
    for teaser in teasers:
        assert teaser in trimmed, teaser[:60]


def test_wp_trim_words_splits_on_ascii_space_only():
    body = "To watch this interview, please follow this\u00a0link Hello " + "word " * 60
    teaser = wp_trim_words(body)
    assert teaser.startswith("To watch this interview, please follow this\u00a0link Hello word")
    assert len(teaser[: -len(" […]")].split(" ")) == 55
    assert wp_trim_words("Short  text\n\nhere.") == "Short text here."


def test_synthetic_posts_are_deterministic_and_unique():
    posts = synthetic_posts(3000, seed=7)
    assert posts == synthetic_posts(3000, seed=7)
    assert posts != synthetic_posts(3000, seed=8)
    assert len({p.slug for p in posts}) == len({p.date for p in posts}) == 3000
    assert [p.date for p in posts] == sorted((p.date for p in posts), reverse=True)
    assert all(len(p.body.split()) > 55 and re.fullmatch(r"[a-z0-9-]+", p.slug) for p in posts)
    assert any("\u00a0" in p.body for p in posts)
    assert any(" – Book Review by " in p.heading for p in posts)
    assert any(p.heading.startswith("In conversation with ") for p in posts)
