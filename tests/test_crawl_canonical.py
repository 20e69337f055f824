"""End-to-end: one post listed under two URLs whose own pages declare one canonical URL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from scrapy.exceptions import DropItem

from crawler import runstats
from crawler.items import PageEntries, Post
from crawler.parsing.urls import canonical_post_url
from crawler.pipelines.dedupe import DedupePipeline
from crawler.reparse import Tally
from crawler.store import Archive
from tests.conftest import run_command, scrapy_crawl
from tests.test_crawl_articles import last_run, stored, without_times


def serve_one_post_at_two_urls(serve_site) -> tuple[object, object, str, str]:
    """A blog whose page 1 lists one post twice: at its permalink and at a second URL.

    The second URL serves a copy of the post's page, which (as WordPress does)
    declares the permalink as its canonical URL.
    """
    server, site = serve_site("underscores-numbers")
    permalink = site.post_urls[3]  # on page 1, linked as it is
    alias = permalink.rstrip("/") + "-2/"
    root = Path(server.root)
    shutil.copytree(
        root / urlsplit(permalink).path.strip("/"), root / urlsplit(alias).path.strip("/")
    )
    front = root / "bmjleader" / "index.html"
    html = front.read_text(encoding="utf-8")
    start = html.rindex("<article ", 0, html.index(permalink))
    end = html.index("</article>", start) + len("</article>")
    entry = html[start:end]
    front.write_text(html[:end] + entry.replace(permalink, alias) + html[end:], encoding="utf-8")
    return server, site, permalink, alias


def article_requests(server, *urls: str) -> list[str]:
    paths = {urlsplit(url).path for url in urls}
    return [path for path in server.log.paths() if path in paths]


def test_a_post_listed_at_two_urls_is_one_post_and_stays_one(serve_site, tmp_path):
    server, site, permalink, alias = serve_one_post_at_two_urls(serve_site)
    db, exports = tmp_path / "a.sqlite", tmp_path / "exports"

    result = scrapy_crawl(site.start_url, db, exports)

    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(article_requests(server, permalink, alias)) == sorted(
        urlsplit(url).path for url in (permalink, alias)
    )  # both pages read: only a page tells what its URL is
    posts = stored(db)
    assert len(posts) == len(site.post_urls)
    key = canonical_post_url(permalink)
    [post] = [p for p in posts if p["url"] == key]
    assert post["canonical_url"] == permalink and post["body_text"]
    with Archive(db, read_only=True) as archive:
        assert archive.get_post(canonical_post_url(alias)) == post
        assert archive.url_aliases() == {canonical_post_url(alias): key}
    exported = json.loads((exports / "posts.json").read_text(encoding="utf-8"))
    assert len(exported) == len(site.post_urls)
    assert [p["url"] for p in exported].count(key) == 1
    assert canonical_post_url(alias) not in {p["url"] for p in exported}
    assert last_run(db)["posts_new"] == len(site.post_urls)

    # An incremental crawl that reads page 1 again (no 304) adds and fetches nothing.
    before = len(server.log.paths())
    again = scrapy_crawl(site.start_url, db, exports, "-s", "CONDITIONAL_REQUESTS=False")

    assert again.returncode == 0, again.stderr[-3000:]
    assert "/bmjleader/" in server.log.paths()[before:]
    assert not [p for p in server.log.paths()[before:] if "/20" in p]
    run = last_run(db)
    assert (run["posts_new"], run["posts_updated"]) == (0, 0)
    # The listing's second link is dropped in the crawl as a repeat of the post.
    assert run["posts_unchanged"] == run["entries"] - 1
    assert without_times(stored(db)) == without_times(posts)
    with Archive(db, read_only=True) as archive:
        assert archive.versions(key) == []

    # A re-parse of both crawls' WARC files gives the same posts.
    server.stop()
    rebuilt = run_command(
        ["blogarchive", "reparse", "--warc-dir", str(tmp_path / "warc"), "--db", "b.sqlite"],
        cwd=tmp_path,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
    assert without_times(stored(tmp_path / "b.sqlite")) == without_times(posts)
    with Archive(tmp_path / "b.sqlite", read_only=True) as archive:
        assert archive.url_aliases() == {canonical_post_url(alias): key}


def test_dedupe_takes_an_alias_for_its_post(tmp_path):
    db = tmp_path / "a.sqlite"
    first, second = "https://x.example/2024/01/15/a/", "https://x.example/2024/01/15/b/"
    with Archive(db) as archive:
        archive.register_source("x", "wordpress", "https://x.example/")
        archive.save_posts(
            [
                {"url": first, "source": "x", "heading": "A"},
                {"url": second, "source": "x", "heading": "A", "canonical_url": first},
            ],
            seen_at="2026-11-01T10:00:00+00:00",
        )
    stats = Tally()
    dedupe = DedupePipeline(stats, str(db))
    dedupe.open_spider()

    def page(*urls: str) -> PageEntries:
        return PageEntries(
            "https://x.example/", [Post(url=u, source="x", heading="A") for u in urls]
        )

    assert [p.url for p in dedupe.process_item(page(second)).entries] == [second]
    with pytest.raises(DropItem, match="already seen"):
        dedupe.process_item(page(first))
    fresh = dedupe.process_item(page(first, "https://x.example/c/")).entries
    assert [p.url for p in fresh] == ["https://x.example/c/"]
    assert stats[runstats.DUPLICATES] == 2
