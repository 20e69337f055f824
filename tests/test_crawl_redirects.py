"""End-to-end: a post's own page that redirects (a moved post, a slug change).

The crawl follows the redirect and stores the page's data on the listed post in
one crawl; the WARC keeps every hop, so replay tools can play the redirect and
``blogarchive reparse`` pairs the page with the post the crawl requested it for.
"""

from __future__ import annotations

import gzip
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from scrapy import Request, Spider
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler
from warcio.archiveiterator import ArchiveIterator

from crawler.middlewares.warc import (
    ReceivedBodyMiddleware,
    RedirectHopMiddleware,
    WarcRecorderMiddleware,
)
from crawler.parsing.urls import canonical_post_url
from crawler.store import Archive
from crawler.warc import read_responses
from tests.conftest import run_command, scrapy_crawl
from tests.test_crawl_articles import last_run, stored, warc_records, without_times

REDIRECTED_FROM = "WARC-Blogarchive-Redirected-From"


def path_of(url: str) -> str:
    return urlsplit(url).path


def folder_of(server, url: str) -> Path:
    return Path(server.root) / path_of(url).strip("/")


def move_post(server, old: str, new: str, status: int = 301) -> None:
    """Move a post's page from ``old`` to ``new`` (which it now names as canonical); redirect."""
    page = folder_of(server, old) / "index.html"
    html = page.read_text(encoding="utf-8").replace(old, new)
    folder_of(server, new).mkdir(parents=True)
    (folder_of(server, new) / "index.html").write_text(html, encoding="utf-8")
    shutil.rmtree(folder_of(server, old))
    server.redirects[path_of(old)] = (status, new)


def list_again(server, listed: str, other: str) -> None:
    """Add an entry to page 1 that repeats the entry of ``listed`` under the URL ``other``."""
    front = Path(server.root) / "bmjleader" / "index.html"
    html = front.read_text(encoding="utf-8")
    start = html.rindex("<article ", 0, html.index(listed))
    end = html.index("</article>", start) + len("</article>")
    entry = html[start:end]
    front.write_text(html[:end] + entry.replace(listed, other) + html[end:], encoding="utf-8")


def requests_for(server, url: str) -> int:
    return server.log.paths().count(path_of(url))


def checked_statuses(path: Path) -> dict[str, tuple[str, str | None]]:
    """``{URL: (HTTP status, Location)}`` of the response records, as warcio reads them.

    Every record's digests must pass, and ``warcio check`` must pass the file.
    """
    statuses = {}
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, check_digests=True):
            record.content_stream().read()
            assert record.digest_checker.passed is not False, record.digest_checker.problems
            if record.rec_type == "response":
                url = record.rec_headers.get_header("WARC-Target-URI")
                http = record.http_headers
                statuses[url] = (http.get_statuscode(), http.get_header("Location"))
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from warcio.cli import main; main(sys.argv[1:])"]
        + ["check", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return statuses


def reparse_into(tmp_path: Path, name: str) -> Path:
    result = run_command(
        ["blogarchive", "reparse", "--warc-dir", str(tmp_path / "warc"), "--db", name],
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return tmp_path / name


def aliases(db: Path) -> dict[str, str]:
    with Archive(db, read_only=True) as archive:
        return archive.url_aliases()


def test_a_moved_post_is_read_through_its_redirect_archived_with_it_and_reparsed(
    serve_site, tmp_path
):
    server, site = serve_site("underscores-numbers")
    old = site.post_urls[3]  # on page 1, as the listing still links it
    new = old.rstrip("/") + "-renamed/"
    move_post(server, old, new)
    db = tmp_path / "a.sqlite"

    result = scrapy_crawl(site.start_url, db, tmp_path / "exports")

    assert result.returncode == 0, result.stderr[-3000:]
    assert (requests_for(server, old), requests_for(server, new)) == (1, 1)
    posts = stored(db)
    assert len(posts) == len(site.post_urls)
    # The post keeps the URL it is listed at; its page's canonical URL joins it.
    [post] = [p for p in posts if p["url"] == canonical_post_url(old)]
    assert post["body_text"] and post["word_count"] and post["published"]
    assert post["canonical_url"] == new
    assert aliases(db) == {canonical_post_url(new): canonical_post_url(old)}
    assert last_run(db)["status"] == "ok"

    # The WARC holds the 301 (with its Location) just before the page it led to,
    # which names the URL it was redirected from; warcio reads it with every digest.
    records = warc_records(tmp_path / "warc")
    responses = [(n, h, body) for n, (kind, h, body) in enumerate(records) if kind == "response"]
    [(at, hop, _)] = [r for r in responses if r[1]["WARC-Target-URI"] == old]
    [(final_at, final, body)] = [r for r in responses if r[1]["WARC-Target-URI"] == new]
    assert hop["WARC-Blogarchive-Kind"] == "redirect"
    assert final["WARC-Blogarchive-Kind"] == "article"
    assert final[REDIRECTED_FROM] == old
    assert final_at == at + 2  # the 301's request record, then the page's records
    assert records[at + 1][0] == "request" and records[at + 1][1]["WARC-Target-URI"] == old
    assert b"<article" in body
    [path] = (tmp_path / "warc").glob("*.warc.gz")
    statuses = checked_statuses(path)
    assert statuses[old] == ("301", new)
    assert statuses[new] == ("200", None)
    assert [h for _, h, _ in responses if REDIRECTED_FROM in h] == [final]

    # A re-parse of that WARC, without the network, gives the crawl's posts.
    server.stop()
    rebuilt = reparse_into(tmp_path, "b.sqlite")
    assert without_times(stored(rebuilt)) == without_times(posts)
    assert aliases(rebuilt) == aliases(db)


def test_a_post_listed_at_its_old_url_and_its_new_one_is_completed_in_the_same_crawl(
    serve_site, tmp_path
):
    server, site = serve_site("underscores-numbers")
    new = site.post_urls[3]
    old = new.rstrip("/") + "-old-slug/"  # the post's first slug, now redirected
    list_again(server, new, old)
    server.redirects[path_of(old)] = (301, new)
    db = tmp_path / "a.sqlite"

    result = scrapy_crawl(site.start_url, db, tmp_path / "exports")

    assert result.returncode == 0, result.stderr[-3000:]
    # Each listed URL is asked for once; the new page once for each (only a page
    # tells which post a URL is).
    assert (requests_for(server, old), requests_for(server, new)) == (1, 2)
    posts = stored(db)
    assert len(posts) == len(site.post_urls)
    [post] = [p for p in posts if p["url"] == canonical_post_url(new)]
    assert post["body_text"] and post["canonical_url"] == new
    # The old URL's entry got its page in this crawl: it is known as the same post.
    assert aliases(db) == {canonical_post_url(old): canonical_post_url(new)}
    run = last_run(db)
    assert run["status"] == "ok" and run["errors"] == 0

    records = warc_records(tmp_path / "warc")
    pages = [h for kind, h, _ in records if kind == "response" and h["WARC-Target-URI"] == new]
    assert sorted(h.get(REDIRECTED_FROM, "") for h in pages) == ["", old]
    assert {h["WARC-Blogarchive-Kind"] for h in pages} == {"article"}

    server.stop()
    rebuilt = reparse_into(tmp_path, "b.sqlite")
    assert without_times(stored(rebuilt)) == without_times(posts)
    assert aliases(rebuilt) == aliases(db)


class ArticleSpider(Spider):
    name = "bmjleader"
    kind = "wordpress"
    start_url = "https://blog.example/"


def test_every_hop_of_a_chain_is_written_before_the_page_it_led_to(tmp_path):
    """The downloader side as Scrapy runs it: each 3xx, then RedirectMiddleware."""
    crawler = get_crawler(ArticleSpider, {"WARC_ENABLED": True})
    hops, redirect = (
        RedirectHopMiddleware.from_crawler(crawler),
        RedirectMiddleware(crawler.settings),
    )
    redirect.crawler = crawler
    spider = ArticleSpider()
    first = Request("https://blog.example/2024/01/15/a/", meta={"kind": "article"})
    answers = [(302, "/2024/01/15/b/"), (301, "https://blog.example/2024/01/15/c/")]
    request = first
    for status, location in answers:
        answer = Response(request.url, status=status, headers={"Location": location})
        assert hops.process_response(request, answer) is answer
        request = redirect.process_response(request, answer)
    page = HtmlResponse(request.url, body=b"<html><p>Text</p></html>", request=request)
    assert hops.process_response(request, page) is page
    # A 3xx that is not followed is the page itself, and written once.
    kept = Request("https://blog.example/moved/", meta={"kind": "article", "dont_redirect": True})
    moved = Response(kept.url, status=301, headers={"Location": "/x/"}, request=kept)
    hops.process_response(kept, moved)
    assert redirect.process_response(kept, moved) is moved

    recorder = WarcRecorderMiddleware(tmp_path, background=False)
    recorder.record(page, spider)
    recorder.record(moved, spider)
    recorder.close()

    [path] = tmp_path.glob("*.warc.gz")
    responses = list(read_responses([path]))
    assert [(r.url, r.status, r.kind, r.header("Location")) for r in responses] == [
        (first.url, 302, "redirect", "/2024/01/15/b/"),
        ("https://blog.example/2024/01/15/b/", 301, "redirect", answers[1][1]),
        (page.url, 200, "article", None),
        (moved.url, 301, "article", "/x/"),
    ]
    assert responses[2].redirected_from == (first.url, "https://blog.example/2024/01/15/b/")
    assert responses[2].requested_url == first.url
    assert {r.source for r in responses} == {"bmjleader"}
    assert [r.redirected_from for r in (responses[0], responses[1], responses[3])] == [()] * 3
    checked_statuses(path)


def test_the_next_request_does_not_archive_the_body_received_for_an_earlier_one(tmp_path):
    """A retry or a meta refresh copies the request's meta, with what was received before."""
    received = ReceivedBodyMiddleware()
    first = Request("https://blog.example/2024/01/15/a/", meta={"kind": "article"})
    error = gzip.compress(b"<html><p>Try again later</p></html>")
    answer = HtmlResponse(first.url, status=500, body=error, headers={"Content-Encoding": "gzip"})
    received.process_response(first, answer)
    retry = first.copy()  # as RetryMiddleware (and a redirect) makes the next request
    page = HtmlResponse(retry.url, body=b"<html><p>The post</p></html>", request=retry)
    received.process_response(retry, page)

    recorder = WarcRecorderMiddleware(tmp_path, background=False)
    recorder.record(page, ArticleSpider())
    recorder.close()

    [archived] = read_responses(tmp_path.glob("*.warc.gz"))
    assert (archived.status, archived.body) == (200, page.body)
    assert archived.header("Content-Encoding") is None
