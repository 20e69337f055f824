"""The source registry: built-in sources, user files over them, and bad entries."""

from __future__ import annotations

import pytest

from crawler.sources import Source, SourceConfigError, load_sources, select_sources
from crawler.spiderloader import spider_class_for


def write(tmp_path, text: str):
    path = tmp_path / "sources.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_registry_has_bmjleader_listing_feed_and_the_medium_seed():
    sources = load_sources()
    assert sources["bmjleader"].kind == "wordpress"
    assert sources["bmjleader"].start_urls == ("https://blogs.bmj.com/bmjleader/",)
    assert sources["bmjleader-feed"].start_urls == ("https://blogs.bmj.com/bmjleader/feed/",)
    assert sources["amir-ali-medium"].kind == "medium"
    assert {s.kind for s in sources.values()} <= {"wordpress", "feed", "medium", "resource-hub"}


def test_optional_keys_are_read(tmp_path):
    path = write(
        tmp_path,
        '[[source]]\nname = "nhse"\nkind = "wordpress"\nstart_urls = ["https://e.nhs.uk/blogs/"]\n'
        'allow = "/blog/"\npost_url = "/blog/[^/]+/$"\ndate_order = "MDY"\n'
        'entry = "div.post"\nheading = "h2 a"\n',
    )
    source = load_sources(path)["nhse"]
    assert (source.allow, source.post_url, source.date_order) == ("/blog/", "/blog/[^/]+/$", "MDY")
    assert (source.selectors.entry, source.selectors.heading) == ("div.post", "h2 a")
    assert source.selectors.teaser is None


def test_user_file_adds_and_replaces_sources(tmp_path):
    path = write(
        tmp_path,
        '[[source]]\nname = "bmjleader"\nkind = "wordpress"\nstart_urls = ["http://127.0.0.1:8000/b/"]\n'
        '[[source]]\nname = "trust-blog"\nkind = "wordpress"\nstart_urls = ["https://t.nhs.uk/blog/"]\n'
        "max_pages = 3\n",
    )
    sources = load_sources(path)
    assert sources["bmjleader"].start_urls == ("http://127.0.0.1:8000/b/",)
    assert sources["trust-blog"].max_pages == 3


_OK = 'name = "a"\nkind = "wordpress"\nstart_urls = ["https://a.org/"]'


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        ('name = "a"\nkind = "gopher"\nstart_urls = ["https://a.org/"]', "unknown kind 'gopher'"),
        ('name = "a"\nkind = "wordpress"', "start_urls must be a non-empty list"),
        ('name = "a"\nkind = "wordpress"\nstart_urls = ["ftp://a.org/"]', "malformed URL"),
        ('name = "a"\nkind = "wordpress"\nstart_urls = ["not a url"]', "malformed URL"),
        ('name = "A b"\nkind = "wordpress"\nstart_urls = ["https://a.org/"]', "name must match"),
        (
            'name = "a"\nkind = "wordpress"\nstart_urls = ["https://a.org/"]\nmax_page = 2',
            "unknown key(s): max_page",
        ),
        (
            'name = "a"\nkind = "wordpress"\nstart_urls = ["https://a.org/"]\nmax_pages = 0',
            "max_pages",
        ),
        (f'{_OK}\nentry = "div[["', "invalid selector"),
        (f'{_OK}\npost_url = "(["', "invalid post_url regex"),
        (f'{_OK}\nallow = "blog"', "allow must be a URL path"),
        (f'{_OK}\ndate_order = "DDMM"', "date_order must be one of"),
    ],
)
def test_bad_entries_name_file_source_and_problem(tmp_path, entry, problem):
    path = write(tmp_path, f"[[source]]\n{entry}\n")
    with pytest.raises(SourceConfigError) as error:
        load_sources(path)
    assert str(path) in str(error.value)
    assert problem in str(error.value)


def test_duplicate_names_in_one_file(tmp_path):
    entry = '[[source]]\nname = "a"\nkind = "wordpress"\nstart_urls = ["https://a.org/"]\n'
    with pytest.raises(SourceConfigError, match="source 'a': duplicate name"):
        load_sources(write(tmp_path, entry * 2))


def test_unreadable_or_invalid_toml(tmp_path):
    with pytest.raises(SourceConfigError, match="cannot read file"):
        load_sources(tmp_path / "missing.toml")
    with pytest.raises(SourceConfigError, match="not valid TOML"):
        load_sources(write(tmp_path, "[[source]\nname="))


def test_select_sources_keeps_order_and_rejects_unknown_names():
    sources = {
        "a": Source("a", "wordpress", ("https://a.org/",)),
        "b": Source("b", "wordpress", ("https://b.org/",)),
    }
    assert [s.name for s in select_sources(sources, [])] == ["a", "b"]
    assert [s.name for s in select_sources(sources, ["b"])] == ["b"]
    with pytest.raises(KeyError):
        select_sources(sources, ["c"])


def test_each_source_becomes_a_spider_named_after_it():
    source = Source("trust-blog", "wordpress", ("https://t.nhs.uk/blog/",), max_pages=4)
    spider_class = spider_class_for(source)
    assert spider_class.name == "trust-blog"
    spider = spider_class()
    assert spider.start_url == "https://t.nhs.uk/blog/"
    assert spider.max_pages == 4
    assert spider.post_url.match("https://t.nhs.uk/blog/2024/01/31/a-post/")
    assert not spider.post_url.match("https://t.nhs.uk/blog/page/2/")


def test_spider_arguments_are_checked_early():
    spider_class = spider_class_for(Source("x", "wordpress", ("https://x.org/",)))
    with pytest.raises(ValueError, match="max_pages must be a positive integer"):
        spider_class(max_pages="lots")
    assert spider_class(start_url="http://127.0.0.1:9/copy/").post_url.match(
        "http://127.0.0.1:9/copy/2023/10/24/p/"
    )
