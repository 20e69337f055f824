"""Conditional requests: an unchanged listing or feed page comes back 304 and re-emits nothing."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

from crawler.demo.site import DemoPost, build_site, demo_posts
from crawler.middlewares.conditional import ConditionalRequestMiddleware
from crawler.store import Archive, ArchiveError
from tests.conftest import FAST, run_command

LISTING = {"handle_httpstatus_list": [304]}  # what the listing and feed requests carry
FIRST_NAMES = ("Amara", "Bridget", "Callum", "Deepa", "Euan", "Fatima", "Gareth", "Hannah")
LAST_NAMES = ("Okafor", "Lewis", "Patel", "McLeod", "Shah", "Evans", "Byrne", "Collins")


def new_posts(count: int, *, bylines: bool = True) -> list[DemoPost]:
    """``count`` posts newer than every demo post, each with a one-name byline."""
    posts = []
    for i in range(count):
        name = f"{FIRST_NAMES[i % 8]} {LAST_NAMES[(i * 3) % 8]}"
        title = f"Leading through winter pressures, lesson {i + 1}"
        posts.append(
            DemoPost(
                heading=f"{title} by {name}" if bylines else title,
                slug=f"leading-through-winter-pressures-lesson-{i + 1}",
                date=f"2024-01-{i + 1:02d}",
                body=f"Lesson {i + 1} from a winter on the wards. " * 30,
            )
        )
    return posts


def crawl_args(tmp_path: Path, start_url: str, *extra: str, kind: str = "wordpress") -> list[str]:
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[[source]]\nname = "blog"\nkind = "{kind}"\nstart_urls = ["{start_url}"]\n',
        encoding="utf-8",
    )
    return [
        "blogarchive",
        "crawl",
        "blog",
        "--sources",
        str(sources),
        "--db",
        "a.sqlite",
        "--exports",
        "out",
        *FAST,
        *extra,
    ]


def crawl(tmp_path: Path, start_url: str, *extra: str, kind: str = "wordpress"):
    result = run_command(crawl_args(tmp_path, start_url, *extra, kind=kind), cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr[-3000:]
    return result


def latest_run(tmp_path: Path) -> dict:
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        return archive.latest_runs(limit=1)[0]


def version_count(tmp_path: Path) -> int:
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        return archive.conn.execute("SELECT count(*) FROM post_versions").fetchone()[0]


def pages_since(server, before: int) -> list[tuple[str, int]]:
    """(path, status) of the requests after the first ``before``, robots.txt aside."""
    return [(p, s) for _, p, s in server.log.entries[before:] if p != "/robots.txt"]


# --- real crawls against a local copy ------------------------------------------


def test_a_quiet_night_gets_a_304_and_re_emits_nothing(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    crawl(tmp_path, site.start_url)
    versions = version_count(tmp_path)
    before = len(server.log.entries)

    result = crawl(tmp_path, site.start_url)

    assert result.returncode == 0
    assert pages_since(server, before) == [("/bmjleader/", 304)]
    run = latest_run(tmp_path)
    assert run["status"] == "ok" and run["pages"] == 1
    assert run["entries"] == run["posts_new"] == run["posts_updated"] == 0
    assert run["posts_unchanged"] == 0
    assert "not modified" in run["message"]
    assert version_count(tmp_path) == versions
    assert "blog: ok: 1 listing page(s) read, 1 not modified" in result.stdout


def test_after_15_new_posts_three_listing_pages_and_the_new_posts_pages(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    crawl(tmp_path, site.start_url)
    time.sleep(1.1)  # Last-Modified has one-second resolution: the rebuild must be later
    fresh = new_posts(15)
    build_site(server.root, [*fresh, *demo_posts()], site_url=server.url, theme="bmj-hero")
    before = len(server.log.entries)

    result = crawl(tmp_path, site.start_url)

    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    requested = pages_since(server, before)
    listing = [p for p, _ in requested if p == "/bmjleader/" or "/page/" in p]
    articles = [p for p, _ in requested if p not in listing]
    assert len(listing) <= 3
    assert sorted(articles) == sorted(f"/bmjleader/{post.path()}" for post in fresh)
    run = latest_run(tmp_path)
    assert run["status"] == "ok" and run["posts_new"] == 15 and run["posts_updated"] == 0

    before = len(server.log.entries)
    crawl(tmp_path, site.start_url)  # and the night after: quiet again
    assert pages_since(server, before) == [("/bmjleader/", 304)]


def test_a_full_walk_sends_no_validators(serve_site, tmp_path):
    server, site = serve_site("cards")
    crawl(tmp_path, site.start_url)
    before = len(server.log.entries)

    result = crawl(tmp_path, site.start_url, "--full")

    assert result.returncode == 0
    requested = pages_since(server, before)
    assert 304 not in {status for _, status in requested}
    assert len([p for p, status in requested if status == 200]) == site.listing_pages
    assert latest_run(tmp_path)["posts_unchanged"] > 0


def test_conditional_requests_can_be_turned_off(serve_site, tmp_path):
    server, site = serve_site("cards")
    crawl(tmp_path, site.start_url)
    before = len(server.log.entries)

    crawl(tmp_path, site.start_url, "-s", "CONDITIONAL_REQUESTS=False")

    assert pages_since(server, before) == [("/bmjleader/", 200)]  # caught up on page 1
    assert latest_run(tmp_path)["status"] == "ok"


def test_an_unchanged_feed_comes_back_304(serve_site, tmp_path):
    server, site = serve_site("cards")
    feed = site.start_url + "feed/"
    crawl(tmp_path, feed, kind="feed")
    before = len(server.log.entries)

    result = crawl(tmp_path, feed, kind="feed")

    assert result.returncode == 0
    assert pages_since(server, before) == [("/bmjleader/feed/", 304)]
    run = latest_run(tmp_path)
    assert run["status"] == "ok" and run["entries"] == 0


# --- the middleware on its own -------------------------------------------------


class _Spider(Spider):
    name = "blog"
    full = False


def middleware(tmp_path: Path, full: bool = False, **settings) -> ConditionalRequestMiddleware:
    crawler = get_crawler(_Spider, {"ARCHIVE_DB": str(tmp_path / "a.sqlite"), **settings})
    crawler.spider = _Spider()
    crawler.spider.full = full
    return ConditionalRequestMiddleware.from_crawler(crawler)


def stored(tmp_path: Path, **validators: tuple[str | None, str | None]) -> None:
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.save_page_validators(
            {"url": f"https://blog.example/{name}/", "etag": etag, "last_modified": modified}
            for name, (etag, modified) in validators.items()
        )


def test_stored_validators_go_on_listing_requests_only(tmp_path):
    stored(tmp_path, one=('"abc"', "Tue, 02 Jan 2024 10:00:00 GMT"), two=(None, "Mon"))
    mw = middleware(tmp_path)
    listing = Request("https://blog.example/one/", meta=dict(LISTING))
    only_date = Request("https://blog.example/two/", meta=dict(LISTING))
    article = Request("https://blog.example/one/")
    unknown = Request("https://blog.example/three/", meta=dict(LISTING))

    for request in (listing, only_date, article, unknown):
        assert mw.process_request(request) is None

    assert listing.headers[b"If-None-Match"] == b'"abc"'
    assert listing.headers[b"If-Modified-Since"] == b"Tue, 02 Jan 2024 10:00:00 GMT"
    assert b"If-None-Match" not in only_date.headers
    assert only_date.headers[b"If-Modified-Since"] == b"Mon"
    assert not {b"If-None-Match", b"If-Modified-Since"} & set(article.headers)
    assert not {b"If-None-Match", b"If-Modified-Since"} & set(unknown.headers)


def test_a_full_walk_or_a_new_archive_sends_nothing(tmp_path):
    fresh = middleware(tmp_path)  # no archive file yet
    request = Request("https://blog.example/one/", meta=dict(LISTING))
    fresh.process_request(request)
    assert b"If-Modified-Since" not in request.headers

    stored(tmp_path, one=('"abc"', "Mon"))
    full = middleware(tmp_path, full=True)
    request = Request("https://blog.example/one/", meta=dict(LISTING))
    full.process_request(request)
    assert not {b"If-None-Match", b"If-Modified-Since"} & set(request.headers)


def test_a_redirect_does_not_carry_another_pages_validators(tmp_path):
    stored(tmp_path, one=('"abc"', "Mon"))
    mw = middleware(tmp_path)
    request = Request("https://blog.example/one/", meta=dict(LISTING))
    mw.process_request(request)

    moved = request.replace(url="https://blog.example/elsewhere/")  # as RedirectMiddleware does
    mw.process_request(moved)

    assert not {b"If-None-Match", b"If-Modified-Since"} & set(moved.headers)


def test_fresh_validators_are_saved_in_one_batch_at_close(tmp_path):
    stored(tmp_path, gone=('"old"', None))
    mw = middleware(tmp_path)

    def answer(name: str, status: int = 200, meta: dict | None = None, **headers: str) -> None:
        request = Request(f"https://blog.example/{name}/", meta=LISTING if meta is None else meta)
        cls = HtmlResponse if status == 200 else Response
        mw.process_response(request, cls(request.url, status=status, headers=headers))

    answer("one", ETag='"e1"', **{"Last-Modified": "Tue, 02 Jan 2024 10:00:00 GMT"})
    answer("two", **{"Last-Modified": "Wed, 03 Jan 2024 10:00:00 GMT"})
    answer("gone")  # answered without validators now: forgotten
    answer("article", meta={}, ETag='"a"')  # not a listing request: not kept
    answer("error", status=500, meta={"handle_httpstatus_list": [304, 500]}, ETag='"x"')
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        assert set(archive.page_validators()) == {"https://blog.example/gone/"}  # not yet

    mw.spider_closed()

    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        assert archive.page_validators() == {
            "https://blog.example/one/": ('"e1"', "Tue, 02 Jan 2024 10:00:00 GMT"),
            "https://blog.example/two/": (None, "Wed, 03 Jan 2024 10:00:00 GMT"),
        }


def test_turned_off_by_its_setting(tmp_path):
    with pytest.raises(NotConfigured):
        middleware(tmp_path, CONDITIONAL_REQUESTS=False)


# --- the store -----------------------------------------------------------------


def test_page_validators_round_trip_and_filter(tmp_path):
    db = tmp_path / "a.sqlite"
    with Archive(db) as archive:
        assert archive.page_validators() == {}
        archive.save_page_validators(
            [
                {"url": "https://b.example/", "etag": '"1"', "last_modified": None},
                {"url": "https://b.example/page/2/", "etag": None, "last_modified": "Mon"},
            ],
            seen_at="2026-01-01T00:00:00+00:00",
        )
        archive.save_page_validators([{"url": "https://b.example/", "etag": '"2"'}])

        assert archive.page_validators() == {
            "https://b.example/": ('"2"', None),
            "https://b.example/page/2/": (None, "Mon"),
        }
        wanted = ["https://b.example/page/2/", "https://b.example/page/9/"]
        assert archive.page_validators(wanted) == {"https://b.example/page/2/": (None, "Mon")}
        assert archive.page_validators([]) == {}
        seen = archive.conn.execute("SELECT url, seen FROM page_validators ORDER BY url")
        assert [s for _, s in seen][1] == "2026-01-01T00:00:00+00:00"


def test_save_page_validators_is_one_transaction(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        with pytest.raises(ValueError, match="row 1"):
            archive.save_page_validators([{"url": "https://b.example/", "etag": "x"}, {}])
        assert archive.page_validators() == {}
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive, pytest.raises(ArchiveError):
        archive.save_page_validators([{"url": "https://b.example/", "etag": "x"}])
