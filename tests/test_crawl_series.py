"""Series across a source, end to end: recurrence re-labels earlier posts; one spelling each."""

from __future__ import annotations

from crawler.demo import DemoPost
from crawler.demo.site import build_site, demo_posts
from crawler.store import Archive
from tests.conftest import scrapy_crawl

NEW_INTERVIEW = DemoPost(
    heading="Interviews: Listening to the night shift by Amara Okoye",
    slug="interviews-listening-to-the-night-shift",
    date="2024-02-01",
    body="Night shifts are where the culture of a hospital shows most clearly. " * 12,
)


def posts_by_heading(db) -> dict[str, dict]:
    with Archive(db, read_only=True) as archive:
        return {post["heading"]: post for post in archive.export_rows()}


def test_spelling_variants_of_a_series_are_stored_under_one_name(serve_site, tmp_path):
    _, site = serve_site("bmj-hero")
    db = tmp_path / "a.sqlite"
    scrapy_crawl(site.start_url, db, tmp_path / "exports")

    greener = [p for h, p in posts_by_heading(db).items() if "Greener Leader" in h]
    assert len(greener) == 5
    assert {p["series"] for p in greener} == {"Greener Leader Blog Series"}


def test_a_prefix_that_comes_to_recur_relabels_the_earlier_post(serve_site, tmp_path):
    posts = demo_posts()
    server, site = serve_site("underscores-numbers", posts)
    db = tmp_path / "a.sqlite"
    scrapy_crawl(site.start_url, db, tmp_path / "exports")
    earlier = posts_by_heading(db)["Interviews: Asking the wrong questions by Roger Kline"]
    assert (earlier["series"], earlier["title"]) == (None, "Interviews: Asking the wrong questions")

    build_site(
        server.root, [NEW_INTERVIEW, *posts], site_url=server.url, theme="underscores-numbers"
    )
    scrapy_crawl(site.start_url, db, tmp_path / "exports")

    stored = posts_by_heading(db)
    earlier = stored["Interviews: Asking the wrong questions by Roger Kline"]
    new = stored[NEW_INTERVIEW.heading]
    assert (earlier["series"], earlier["title"]) == ("Interviews", "Asking the wrong questions")
    assert (new["series"], new["title"], new["authors"]) == (
        "Interviews",
        "Listening to the night shift",
        ["Amara Okoye"],
    )
    with Archive(db, read_only=True) as archive:
        run = archive.latest_runs(limit=1)[0]
        assert archive.versions(earlier["url"]) == []  # a re-label is not a new version
    assert (run["posts_new"], run["posts_updated"]) == (1, 0)
    # A one-off prefix stays in the title.
    letby = next(p for h, p in stored.items() if h.startswith("Lucy Letby:"))
    assert letby["series"] is None
