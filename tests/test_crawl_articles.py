"""End-to-end: posts' own pages, raw pages in WARC, and re-parsing without the network."""

from __future__ import annotations

import gzip
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator

from crawler.demo.server import Fault
from crawler.demo.site import build_site, demo_posts
from crawler.store import Archive
from tests.conftest import run_command, scrapy_crawl

# What a crawl and a re-parse of its WARC must agree on (the times differ).
TIMES = ("first_seen", "last_seen")


def stored(db: Path) -> list[dict]:
    with Archive(db, read_only=True) as archive:
        return list(archive.export_rows())


def without_times(posts: list[dict]) -> list[dict]:
    return sorted(
        ({k: v for k, v in p.items() if k not in TIMES} for p in posts), key=lambda p: p["url"]
    )


def last_run(db: Path) -> dict:
    with Archive(db, read_only=True) as archive:
        return archive.latest_runs(limit=1)[0]


def warc_records(folder: Path) -> list:
    records = []
    for path in sorted(folder.glob("*.warc.gz")):
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream, check_digests=True):
                records.append(
                    (
                        record.rec_type,
                        dict(record.rec_headers.headers),
                        record.content_stream().read(),
                    )
                )
    return records


def test_new_posts_are_read_from_their_own_pages(serve_site, tmp_path):
    server, site = serve_site("underscores-numbers")
    db = tmp_path / "a.sqlite"

    result = scrapy_crawl(site.start_url, db, tmp_path / "exports")

    assert result.returncode == 0, result.stderr[-3000:]
    posts = stored(db)
    assert len(posts) == len(site.post_urls)
    for post in posts:
        assert post["body_text"] and post["word_count"] > 55
        assert post["published"] and post["date_precision"] == "day"
        assert post["tags"]
    assert last_run(db)["status"] == "ok"
    # Each post page read once, whatever variant of its URL the listing linked.
    served = [path for _, path, status in server.log.entries if status == 200 and "/20" in path]
    assert sorted(served) == sorted(urlsplit(url).path for url in site.post_urls)


def test_a_quiet_recrawl_reads_no_article_page_again(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    db = tmp_path / "a.sqlite"
    scrapy_crawl(site.start_url, db, tmp_path / "exports")
    before = len(server.log.paths())

    scrapy_crawl(site.start_url, db, tmp_path / "exports")

    again = server.log.paths()[before:]
    assert not [p for p in again if "/20" in p]


def test_no_articles_reads_listings_only(serve_site, tmp_path):
    server, site = serve_site("cards")
    db = tmp_path / "a.sqlite"
    scrapy_crawl(site.start_url, db, tmp_path / "exports", "-s", "FOLLOW_ARTICLES=False")
    assert not [p for p in server.log.paths() if "/20" in p]
    assert all(p["body_text"] is None for p in stored(db))


def test_a_failing_article_keeps_the_listing_data_and_is_retried(serve_site, tmp_path):
    server, site = serve_site("block-theme")
    broken = site.post_urls[3].removeprefix(server.url)
    server.faults[broken] = Fault(status=500)
    db = tmp_path / "a.sqlite"

    scrapy_crawl(site.start_url, db, tmp_path / "exports", "-s", "RETRY_TIMES=0")

    run = last_run(db)
    assert run["status"] == "degraded" and "HTTP 500" in run["message"]
    with Archive(db, read_only=True) as archive:
        post = archive.get_post(next(p["url"] for p in stored(db) if broken in p["url"]))
        error = archive.conn.execute(
            "SELECT article_error FROM posts WHERE url = ?", (post["url"],)
        ).fetchone()[0]
    assert post["title"] and post["teaser"] and post["body_text"] is None
    assert error == "HTTP 500"

    del server.faults[broken]
    before = len(server.log.paths())
    scrapy_crawl(site.start_url, db, tmp_path / "exports")
    assert broken in server.log.paths()[before:]
    with Archive(db, read_only=True) as archive:
        assert archive.get_post(post["url"])["body_text"]


def test_a_changed_article_keeps_its_old_text_as_a_version(serve_site, tmp_path):
    posts = demo_posts()
    server, site = serve_site("bmj-hero", posts)
    db = tmp_path / "a.sqlite"
    scrapy_crawl(site.start_url, db, tmp_path / "exports")

    edited = replace(posts[2], body="A new opening paragraph for this post.\n\n" + posts[2].body)
    build_site(server.root, [*posts[:2], edited, *posts[3:]], site_url=server.url, theme="bmj-hero")
    scrapy_crawl(site.start_url, db, tmp_path / "exports")

    [changed] = [p for p in stored(db) if p["heading"] == posts[2].heading]
    assert changed["body_text"].startswith("A new opening paragraph")
    with Archive(db, read_only=True) as archive:
        [version] = archive.versions(changed["url"])
    assert version["body_text"] and not version["body_text"].startswith("A new opening")
    assert last_run(db)["posts_updated"] == 1


def test_the_warc_holds_every_page_data_came_from_and_is_valid(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    html = (server.root / "bmjleader" / "page" / "2" / "index.html").read_bytes()
    server.faults["/bmjleader/page/2/"] = Fault(
        status=200, body=gzip.compress(html), headers={"Content-Encoding": "gzip"}
    )
    db = tmp_path / "a.sqlite"
    scrapy_crawl(site.start_url, db, tmp_path / "exports")

    records = warc_records(tmp_path / "warc")
    responses = [(h, body) for kind, h, body in records if kind == "response"]
    kinds = [h["WARC-Blogarchive-Kind"] for h, _ in responses]
    assert kinds.count("listing") == site.listing_pages
    assert kinds.count("article") == len(site.post_urls)
    assert {h["WARC-Blogarchive-Source"] for h, _ in responses} == {"bmjleader"}
    assert sum(kind == "request" for kind, _, _ in records) == len(responses)
    assert records[0][0] == "warcinfo"
    # The gzip-encoded page is kept as the server sent it.
    [page2] = [b for h, b in responses if h["WARC-Target-URI"].endswith("/page/2/")]
    assert page2 == html  # warcio's content_stream undoes the recorded Content-Encoding


def test_reparse_of_the_warc_gives_the_same_posts_as_the_crawl(serve_site, tmp_path):
    server, site = serve_site("underscores-numbers")
    crawled = tmp_path / "crawled.sqlite"
    scrapy_crawl(site.start_url, crawled, tmp_path / "exports")
    server.stop()  # no network from here on

    result = run_command(
        [
            "blogarchive",
            "reparse",
            "--warc-dir",
            str(tmp_path / "warc"),
            "--db",
            "rebuilt.sqlite",
            "--exports",
            "rebuilt",
        ],
        cwd=tmp_path,
    )

    assert result.returncode == 0, result.stderr[-3000:]
    assert "Re-parsed" in result.stdout
    assert without_times(stored(tmp_path / "rebuilt.sqlite")) == without_times(stored(crawled))
    assert (tmp_path / "rebuilt" / "posts.jsonl").exists()


def test_reparse_skips_a_corrupt_record_and_names_its_offset(serve_site, tmp_path):
    _, site = serve_site("cards")
    scrapy_crawl(
        site.start_url, tmp_path / "a.sqlite", tmp_path / "exports", "-s", "FOLLOW_ARTICLES=False"
    )
    [warc] = (tmp_path / "warc").glob("*.warc.gz")
    data = bytearray(warc.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 40] = b"\x00" * 40
    warc.write_bytes(bytes(data))

    result = run_command(["blogarchive", "reparse", str(warc), "--db", "b.sqlite"], cwd=tmp_path)

    assert result.returncode == 1
    assert "offset" in result.stderr
    with Archive(tmp_path / "b.sqlite", read_only=True) as archive:
        assert 0 < archive.count_posts() < len(site.post_urls)


def test_an_article_over_download_maxsize_is_skipped_with_a_warning(serve_site, tmp_path):
    server, site = serve_site("cards")
    huge = site.post_urls[1].removeprefix(server.url)
    server.faults[huge] = Fault(
        status=200, body=b"<html><body>" + b"x" * 2_000_000 + b"</body></html>"
    )
    db = tmp_path / "a.sqlite"

    result = scrapy_crawl(
        site.start_url, db, tmp_path / "exports", "-s", "DOWNLOAD_MAXSIZE=1000000"
    )

    assert "larger than DOWNLOAD_MAXSIZE" in result.stderr
    with Archive(db, read_only=True) as archive:
        [post] = [p for p in archive.export_rows() if huge in p["url"]]
        error = archive.conn.execute(
            "SELECT article_error FROM posts WHERE url = ?", (post["url"],)
        ).fetchone()[0]
    assert post["teaser"] and post["body_text"] is None
    assert error == "larger than DOWNLOAD_MAXSIZE: skipped"
    assert len(stored(db)) == len(site.post_urls)
