"""URL rules: canonical post URLs, crawl-trap stripping, blog roots, permalink patterns, paging."""

from __future__ import annotations

import pytest

from crawler.parsing.urls import (
    blog_root,
    canonical_key,
    canonical_post_url,
    is_archive_url,
    is_page_param,
    next_page_guess,
    post_permalink_pattern,
    strip_crawl_traps,
)

JAN_FRICH = "https://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/"
LOCAL = "http://127.0.0.1:8123/bmjleader/"


@pytest.mark.parametrize(
    "url",
    [
        JAN_FRICH,
        "http://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/",
        "https://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich",
        "http://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich",
        "https://BLOGS.BMJ.COM/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/",
        "https://blogs.bmj.com:443/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/",
        "http://blogs.bmj.com:80/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/",
        "https://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/#comments",
        "https://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/#respond",
        "https://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/?cat=-1",
        "https://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich?utm_source=x#top",
        "https://blogs.bmj.com//bmjleader//2023/10/09/in-conversation-with-dr-jan-frich/",
        "https://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-fric%68/",
        "https://blogs.bmj.com/bmjleader/./2023/10/09/in-conversation-with-dr-jan-frich/",
        "  https://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/\n",
    ],
)
def test_canonical_post_url_variants_map_to_one_key(url: str) -> None:
    assert canonical_post_url(url) == JAN_FRICH


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # Non-default ports stay: a local mirror is not the live site.
        (LOCAL + "2023/10/09/x", "https://127.0.0.1:8123/bmjleader/2023/10/09/x/"),
        ("http://localhost:8080/a/b", "https://localhost:8080/a/b/"),
        # A file extension keeps its form.
        ("https://ex.org/blog/post.html", "https://ex.org/blog/post.html"),
        ("https://ex.org/files/2023/10/x.jpg?w=300", "https://ex.org/files/2023/10/x.jpg"),
        # ...but a dot followed by digits is part of a slug.
        ("https://ex.org/2023/01/02/release-v2.0", "https://ex.org/2023/01/02/release-v2.0/"),
        ("https://ex.org", "https://ex.org/"),
        # Percent-encoding normalised: unreserved decoded, hex upper-cased, UTF-8 encoded.
        ("https://ex.org/caf%c3%a9", "https://ex.org/caf%C3%A9/"),
        ("https://ex.org/café", "https://ex.org/caf%C3%A9/"),
        ("https://ex.org/%7euser", "https://ex.org/~user/"),
        ("https://ex.org/a%20b", "https://ex.org/a%20b/"),
    ],
)
def test_canonical_post_url_cases(url: str, expected: str) -> None:
    assert canonical_post_url(url) == expected


def test_canonical_post_url_is_idempotent() -> None:
    once = canonical_post_url("HTTP://Ex.org:80//a/./b%7e?x=1#y")
    assert canonical_post_url(once) == once == "https://ex.org/a/b~/"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://blogs.bmj.com/bmjleader/page/14/?cat=-1", "https://blogs.bmj.com/bmjleader/page/14/"),
        ("https://blogs.bmj.com/bmjleader/page/2/?submit=Search", "https://blogs.bmj.com/bmjleader/page/2/"),
        ("https://blogs.bmj.com/bmjleader/page/2/?s=&submit=Search", "https://blogs.bmj.com/bmjleader/page/2/"),
        ("https://ex.org/p/?replytocom=12#respond", "https://ex.org/p/"),
        ("https://ex.org/p/?share=twitter&nb=1", "https://ex.org/p/"),
        ("https://ex.org/p/?utm_source=tw&utm_Medium=social&fbclid=abc", "https://ex.org/p/"),
        ("https://ex.org/?amp&preview=true&orderby=date&order=asc", "https://ex.org/"),
        ("https://ex.org/?UTM_CAMPAIGN=x&CAT=2", "https://ex.org/"),
        # Paging and id parameters stay, as written and in order.
        ("https://ex.org/?cat=-1&paged=3", "https://ex.org/?paged=3"),
        ("https://ex.org/?p=36363&utm_source=rss", "https://ex.org/?p=36363"),
        ("https://ex.org/blog?page=2&s=x", "https://ex.org/blog?page=2"),
        ("https://ex.org/a/?q=a%20b&cat=1", "https://ex.org/a/?q=a%20b"),
        ("https://ex.org/a/#section", "https://ex.org/a/"),
        ("https://ex.org/a/", "https://ex.org/a/"),
    ],
)  # fmt: skip
def test_strip_crawl_traps(url: str, expected: str) -> None:
    assert strip_crawl_traps(url) == expected


@pytest.mark.parametrize(
    ("start", "root"),
    [
        ("https://blogs.bmj.com/bmjleader/", "https://blogs.bmj.com/bmjleader/"),
        ("https://blogs.bmj.com/bmjleader", "https://blogs.bmj.com/bmjleader/"),
        ("https://blogs.bmj.com/bmjleader/page/3/", "https://blogs.bmj.com/bmjleader/"),
        ("https://blogs.bmj.com/bmjleader/page/3", "https://blogs.bmj.com/bmjleader/"),
        ("https://blogs.bmj.com/bmjleader/page/14/?cat=-1", "https://blogs.bmj.com/bmjleader/"),
        ("https://blogs.bmj.com/bmjleader/tag/climate-crisis/", "https://blogs.bmj.com/bmjleader/"),
        ("https://blogs.bmj.com/bmjleader/tag/medical-leadership/page/2/", "https://blogs.bmj.com/bmjleader/"),
        ("https://blogs.bmj.com/qualitysafety/category/uncategorized/page/3/", "https://blogs.bmj.com/qualitysafety/"),
        ("https://blogs.bmj.com/bmj/category/editors-at-large/readers-editor/feed/", "https://blogs.bmj.com/bmj/"),
        ("https://blogs.bmj.com/bmjleader/author/bmjleader/", "https://blogs.bmj.com/bmjleader/"),
        ("https://blogs.bmj.com/bmj/2016/02", "https://blogs.bmj.com/bmj/"),
        ("https://blogs.bmj.com/bmj/2012/01/page/2/", "https://blogs.bmj.com/bmj/"),
        ("https://blogs.bmj.com/quality/2015/page/3/", "https://blogs.bmj.com/quality/"),
        ("https://blogs.bmj.com/bmjleader/2023/10/09/", "https://blogs.bmj.com/bmjleader/"),
        (JAN_FRICH, "https://blogs.bmj.com/bmjleader/"),
        ("https://blogs.bmj.com/bmjleader/feed/", "https://blogs.bmj.com/bmjleader/"),
        ("http://127.0.0.1:8123/", "http://127.0.0.1:8123/"),
        ("http://127.0.0.1:8123", "http://127.0.0.1:8123/"),
        (LOCAL + "page/2/", LOCAL),
        ("https://www.england.nhs.uk/blog/page/2/", "https://www.england.nhs.uk/blog/"),
        ("HTTPS://Blogs.BMJ.com/bmjleader/#top", "https://blogs.bmj.com/bmjleader/"),
    ],
)  # fmt: skip
def test_blog_root(start: str, root: str) -> None:
    assert blog_root(start) == root


BMJ = post_permalink_pattern("https://blogs.bmj.com/bmjleader/page/3/")


@pytest.mark.parametrize(
    "url",
    [
        JAN_FRICH,
        "http://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/",
        "https://blogs.bmj.com/bmjleader/2023/10/24/pharmacy-leadership-in-medicines-equity",
        "https://www.blogs.bmj.com/bmjleader/2023/10/24/pharmacy-leadership-in-medicines-equity/",
        "https://BLOGS.bmj.com/bmjleader/2023/10/24/pharmacy-leadership-in-medicines-equity/",
        "https://blogs.bmj.com:443/bmjleader/2023/10/24/pharmacy-leadership-in-medicines-equity/",
        JAN_FRICH + "#comments",
        JAN_FRICH + "?utm_source=twitter",
        "https://blogs.bmj.com/bmjleader/2020/07/06/magical-meander-what-made-me-a-medical-manager/",
        "https://blogs.bmj.com/bmjleader/2023/10/09/caf%C3%A9-culture/",
    ],
)
def test_permalink_pattern_matches_posts(url: str) -> None:
    assert BMJ.match(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://blogs.bmj.com/bmjleader/",
        "https://blogs.bmj.com/bmjleader/page/2/",
        "https://blogs.bmj.com/bmjleader/tag/climate-crisis/",
        "https://blogs.bmj.com/bmjleader/category/blog/page/2/",
        "https://blogs.bmj.com/bmjleader/2023/10/",
        "https://blogs.bmj.com/bmjleader/2023/10/09/",
        "https://blogs.bmj.com/bmjleader/feed/",
        "https://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/feed/",
        "https://blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/page/2/",
        "https://blogs.bmj.com/bmjleader/files/2023/10/x.jpg",
        "https://blogs.bmj.com/bmjleader/?p=12345",
        "https://blogs.bmj.com/bmj/2023/10/09/a-post-on-another-sub-site/",
        "https://blogs.bmj.com/2023/10/09/a-post-on-the-network-root/",
        "https://stg-blogs.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich/",
        "https://blogs.bmj.com.evil.example/bmjleader/2023/10/09/x/",
        "https://blogs.bmj.com/bmjleader/2023/13/09/bad-month/",
        "https://blogs.bmj.com/bmjleader/about/",
        "mailto:editor@bmj.com",
    ],
)
def test_permalink_pattern_rejects_non_posts(url: str) -> None:
    assert not BMJ.match(url)


def test_permalink_pattern_for_local_mirror_needs_its_port() -> None:
    pattern = post_permalink_pattern(LOCAL)
    assert pattern.match(LOCAL + "2023/10/09/in-conversation-with-dr-jan-frich/")
    assert pattern.match("https://127.0.0.1:8123/bmjleader/2023/10/09/x")
    assert not pattern.match("http://127.0.0.1/bmjleader/2023/10/09/x/")
    assert not pattern.match("http://127.0.0.1:9999/bmjleader/2023/10/09/x/")


def test_permalink_pattern_for_a_root_blog() -> None:
    pattern = post_permalink_pattern("http://127.0.0.1:8123/")
    assert pattern.match("http://127.0.0.1:8123/2023/10/09/slug/")
    assert not pattern.match("http://127.0.0.1:8123/page/2/")


def test_permalink_pattern_accepts_posts_under_a_parent_of_a_listing_page() -> None:
    # /bmj/latest-articles/ is a page of the /bmj/ sub-site that lists /bmj/YYYY/... posts.
    pattern = post_permalink_pattern("https://blogs.bmj.com/bmj/latest-articles/page/704/")
    assert pattern.match("https://blogs.bmj.com/bmj/2016/02/29/some-post/")
    assert not pattern.match("https://blogs.bmj.com/2016/02/29/network-root-post/")


@pytest.mark.parametrize(
    ("page", "start", "expected"),
    [
        ("https://blogs.bmj.com/bmjleader/", "https://blogs.bmj.com/bmjleader/",
         "https://blogs.bmj.com/bmjleader/page/2/"),
        ("https://blogs.bmj.com/bmjleader", "https://blogs.bmj.com/bmjleader/",
         "https://blogs.bmj.com/bmjleader/page/2/"),
        ("https://blogs.bmj.com/bmjleader/page/7/", "https://blogs.bmj.com/bmjleader/",
         "https://blogs.bmj.com/bmjleader/page/8/"),
        ("https://blogs.bmj.com/bmjleader/page/9", "https://blogs.bmj.com/bmjleader/",
         "https://blogs.bmj.com/bmjleader/page/10/"),
        ("https://blogs.bmj.com/bmjleader/tag/x/", "https://blogs.bmj.com/bmjleader/tag/x/",
         "https://blogs.bmj.com/bmjleader/tag/x/page/2/"),
        ("https://blogs.bmj.com/bmjleader/tag/x/page/2/", "https://blogs.bmj.com/bmjleader/tag/x/",
         "https://blogs.bmj.com/bmjleader/tag/x/page/3/"),
        ("https://blogs.bmj.com/bmjleader/page/14/?cat=-1", "https://blogs.bmj.com/bmjleader/",
         "https://blogs.bmj.com/bmjleader/page/15/"),
        ("https://blogs.bmj.com/bmjleader/page/2/?submit=Search&s=", "https://blogs.bmj.com/bmjleader/",
         "https://blogs.bmj.com/bmjleader/page/3/"),
        ("https://ex.org/?paged=3&utm_source=x", "https://ex.org/", "https://ex.org/?paged=4"),
        (LOCAL, LOCAL, LOCAL + "page/2/"),
        ("page/4/", LOCAL, LOCAL + "page/5/"),
        ("http://127.0.0.1:8123/", "http://127.0.0.1:8123/", "http://127.0.0.1:8123/page/2/"),
        ("https://ex.org/blog/page/2/#main", "https://ex.org/blog/", "https://ex.org/blog/page/3/"),
        ("https://ex.org/blog/?query-2-page=3", "https://ex.org/blog/",
         "https://ex.org/blog/?query-2-page=4"),
        ("https://ex.org/news/?e-page-1a2b3c=2&utm_medium=x", "https://ex.org/news/",
         "https://ex.org/news/?e-page-1a2b3c=3"),
        ("https://ex.org/blog/?per_page=20", "https://ex.org/blog/",
         "https://ex.org/blog/page/2/?per_page=20"),
        ("https://ex.org/?avia-element-paging=6", "https://ex.org/",
         "https://ex.org/?avia-element-paging=7"),
    ],
)  # fmt: skip
def test_next_page_guess(page: str, start: str, expected: str) -> None:
    assert next_page_guess(page, start) == expected


@pytest.mark.parametrize(
    ("name", "numbers_pages"),
    [("paged", True), ("page", True), ("query-2-page", True), ("query-page", True),
     ("e-page-1a2b3c", True), ("product-page", True), ("fwp_paged", True), ("pg", True),
     ("avia-element-paging", True),
     ("page_id", False), ("per_page", False), ("posts_per_page", False), ("pagename", False),
     ("p", False), ("cst", False), ("s", False)],
)  # fmt: skip
def test_is_page_param(name: str, numbers_pages: bool) -> None:
    assert is_page_param(name) is numbers_pages


# --- rel=canonical as a dedupe key ----------------------------------------------

NEW_SLUG = "https://blogs.bmj.com/bmjleader/2023/10/09/jan-frich-in-conversation/"


@pytest.mark.parametrize(
    ("declared", "key"),
    [
        (NEW_SLUG, NEW_SLUG),  # the same post under its new slug
        ("http://blogs.bmj.com/bmjleader/2023/10/09/jan-frich-in-conversation", NEW_SLUG),
        (NEW_SLUG + "?utm_source=feed#top", NEW_SLUG),  # trap parameters go
        (  # a syndicated copy names its original, on another site
            "https://www.kingsfund.org.uk/insight-and-analysis/blogs/frich",
            "https://www.kingsfund.org.uk/insight-and-analysis/blogs/frich/",
        ),
        (
            "https://medium.com/@frich/leading-in-norway-1a2b3c4d5e6f?source=rss",
            "https://medium.com/p/1a2b3c4d5e6f",
        ),
        (JAN_FRICH, None),  # the page names itself
        ("http://BLOGS.bmj.com/bmjleader/2023/10/09/in-conversation-with-dr-jan-frich", None),
        (None, None),
        ("", None),
        ("   ", None),
        ("ftp://blogs.bmj.com/bmjleader/x/", None),
        ("https:///bmjleader/x/", None),  # no host
        ("https://blogs.bmj.com/bmjleader/?p=36363", None),  # the query names the post
        ("https://blogs.bmj.com/", None),  # the site's home page
        ("https://other.example/", None),
        ("https://blogs.bmj.com/bmjleader/", None),  # the blog's front page
        ("https://www.blogs.bmj.com/bmjleader/", None),
        ("https://blogs.bmj.com/bmjleader/2023/", None),  # a parent: the year's archive
        ("https://blogs.bmj.com/bmjleader/page/2/", None),
        ("https://blogs.bmj.com/bmjleader/tag/medical-leadership/", None),
        ("https://blogs.bmj.com/bmjleader/category/interviews/page/3/", None),
        ("https://blogs.bmj.com/bmjleader/author/bmjleader/", None),
        ("https://blogs.bmj.com/bmjleader/feed/", None),
        ("https://blogs.bmj.com/bmjleader/2022/05/", None),
        (JAN_FRICH + "blogs.bmj.com/x", None),  # a scheme-less value resolved against the page
        ("http://[::1/x", None),  # not a URL at all
    ],
)
def test_canonical_key(declared: str | None, key: str | None) -> None:
    assert canonical_key(declared, JAN_FRICH) == key


@pytest.mark.parametrize(
    ("url", "archive"),
    [
        ("https://x.example/", True),
        ("https://x.example/blog/page/12/", True),
        ("https://x.example/blog/tag/nhs/", True),
        ("https://x.example/blog/rss/", True),
        ("https://x.example/2024/01/15/", True),
        ("https://x.example/blog/2024/", True),
        ("https://x.example/blog/2024/01/15/a-post/", False),
        ("https://x.example/blog/a-post-about-tags/", False),
        ("https://x.example/blog/2024-review/", False),
    ],
)
def test_is_archive_url(url: str, archive: bool) -> None:
    assert is_archive_url(url) is archive
