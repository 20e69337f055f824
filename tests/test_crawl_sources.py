"""End-to-end: a user-written sources file with sources of every kind, crawled into one archive."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

from crawler.demo import DemoPost, demo_posts
from crawler.demo.site import build_site
from crawler.store import Archive
from tests.conftest import FAST, run_command

FIXTURES = Path(__file__).parent / "fixtures"
STORY_PATH = "/@amir-ali2020/leadership-in-the-nhs-2961c5deb7f2/"
HUB_PATH = "/leadership/"


def sources_file(path: Path, *entries: tuple[str, str, str]) -> Path:
    path.write_text(
        "".join(
            f'[[source]]\nname = "{name}"\nkind = "{kind}"\nstart_urls = ["{url}"]\n\n'
            for name, kind, url in entries
        ),
        encoding="utf-8",
    )
    return path


def serve_fixture(root: Path, fixture: str, path: str) -> None:
    folder = root / path.strip("/")
    folder.mkdir(parents=True)
    shutil.copy(FIXTURES / fixture, folder / "index.html")


def crawl(tmp_path: Path, sources: Path, *names: str):
    return run_command(
        [
            "blogarchive",
            "crawl",
            *names,
            "--sources",
            str(sources),
            "--db",
            "a.sqlite",
            "--exports",
            "out",
            *FAST,
        ],
        cwd=tmp_path,
    )


def test_a_medium_story_and_a_resource_hub(serve_site, tmp_path):
    server, _ = serve_site("cards")
    serve_fixture(server.root, "medium/a_2023_testid_leadership_in_the_nhs.html", STORY_PATH)
    serve_fixture(server.root, "hub/a_leadership_gutenberg.html", HUB_PATH)
    sources = sources_file(
        tmp_path / "mine.toml",
        ("story", "medium", server.url + STORY_PATH),
        ("hub", "resource-hub", server.url + HUB_PATH),
    )

    result = crawl(tmp_path, sources, "story", "hub")

    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        [story] = list(archive.export_rows())
        resources = list(archive.export_resources())
    assert story["url"] == "https://medium.com/p/2961c5deb7f2"
    assert (story["title"], story["authors"], story["published"]) == (
        "Leadership in the NHS",
        ["Amir Ali"],
        "2020-10-30",
    )
    assert story["reading_minutes"] == 3
    assert story["body_text"].startswith("In this blog, I will be discussing leadership")
    assert story["author_bio"].startswith("Husband, daddy to 2 beautiful princesses")
    assert story["partial"] is False

    exported = json.loads((tmp_path / "out" / "resources.json").read_text(encoding="utf-8"))
    assert exported == resources
    assert {r["section"] for r in resources} == {
        "Highlighted resources",
        "Highlighted Leadership Videos",
        "Blog posts",
        "Latest news and research",
    }
    assert sum(r["kind"] == "news" for r in resources) == 15
    assert all(
        list(r) == ["source", "page_url", "section", "kind", "title", "description", "link"]
        for r in resources
    )
    # Resources are not posts.
    posts = json.loads((tmp_path / "out" / "posts.json").read_text(encoding="utf-8"))
    assert [p["url"] for p in posts] == ["https://medium.com/p/2961c5deb7f2"]

    # The hub's run counts the resources it stored, and the command line says so.
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        runs = {run["source"]: run for run in archive.latest_runs(limit=2)}
    assert (runs["hub"]["resources_new"], runs["hub"]["posts_new"]) == (len(resources), 0)
    assert (runs["story"]["posts_new"], runs["story"]["resources_new"]) == (1, 0)
    assert "hub: ok: " in result.stdout
    assert f"{len(resources)} entries, {len(resources)} new, 0 updated" in result.stdout
    listed = run_command(["blogarchive", "runs", "--db", "a.sqlite"], cwd=tmp_path).stdout
    [hub_line] = [line for line in listed.splitlines() if " hub " in line]
    assert f" {len(resources)} " in hub_line


def test_a_listing_and_its_feed_are_one_archive(serve_site, tmp_path):
    _, site = serve_site("bmj-hero")
    sources = sources_file(
        tmp_path / "mine.toml",
        ("blog", "wordpress", site.start_url),
        ("blog-feed", "feed", site.start_url + "feed/"),
    )

    result = crawl(tmp_path, sources, "blog", "blog-feed")

    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert result.stdout.count(": ok:") == 2
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        posts = list(archive.export_rows())
        assert all(archive.versions(p["url"]) == [] for p in posts)
    # The feed's ten posts are listing posts too: still one row each.
    assert len(posts) == len({p["url"] for p in posts}) == len(site.post_urls)
    from_feed = [p for p in posts if p["cms_author"]]
    assert len(from_feed) == 10
    for post in from_feed:
        assert post["cms_author"] == "BMJ Leader"  # the uploader, kept apart
        assert "BMJ Leader" not in post["authors"]
        assert post["published"] and len(post["published"]) == 10
        assert post["tags"]
        assert post["teaser"] and post["teaser_truncated"] is True
    # A crawl of both again changes nothing.
    again = crawl(tmp_path, sources, "blog", "blog-feed")
    assert again.returncode == 0
    assert again.stdout.count(" 0 new, 0 updated") == 2


def test_a_blog_and_its_feed_ask_for_each_post_page_once(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    sources = sources_file(
        tmp_path / "mine.toml",
        ("blog", "wordpress", site.start_url),
        ("blog-feed", "feed", site.start_url + "feed/"),
    )
    assert crawl(tmp_path, sources, "blog", "blog-feed").returncode == 0
    # Crawled together, the two list the feed's ten posts: one request for each page.
    post_pages = Counter(p for p in server.log.paths() if p.removeprefix("/bmjleader/")[:2] == "20")
    assert len(post_pages) == len(site.post_urls)
    assert set(post_pages.values()) == {1}

    # One new post. Posts either source stored are known to both: one page to read,
    # and the blog's walk ends at its first page of archived posts.
    new = DemoPost(
        heading="Leading through winter by Deepa Okafor",
        slug="leading-through-winter",
        date="2024-02-01",
        body="A lesson from a winter on the wards. " * 30,
    )
    root = next(tmp_path.glob("site-*"))
    build_site(root, [new, *demo_posts()], site_url=server.url, theme="bmj-hero")
    before = len(server.log.entries)
    again = crawl(tmp_path, sources, "blog", "blog-feed")

    assert again.returncode == 0, again.stderr[-3000:]
    asked = [p for p in server.log.paths()[before:] if p != "/robots.txt"]
    assert [p for p in asked if p.removeprefix("/bmjleader/")[:2] == "20"] == [
        "/bmjleader/2024/02/01/leading-through-winter/"
    ]
    assert [p for p in asked if "/page/" in p] == ["/bmjleader/page/2/"]
