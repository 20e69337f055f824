"""How save_posts groups its writes: what a page of posts comes to is as if saved one by one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from crawler.store import Archive, SaveResult
from tests.test_store import (
    SOURCE,
    T1,
    T2,
    T3,
    U1,
    U2,
    article,
    authors_of,
    canonical_post,
    make_post,
    table_counts,
)

MATCH = "SELECT rowid FROM posts_fts WHERE posts_fts MATCH ? ORDER BY rowid"


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    with Archive(tmp_path / "blogarchive.sqlite") as opened:
        opened.register_source(SOURCE, "hub", "https://www.ihi.org/insights", at=T1)
        yield opened


def ids_by_url(archive: Archive) -> dict[str, int]:
    return dict(archive.conn.execute("SELECT url, id FROM posts"))


def check_index(archive: Archive) -> None:
    """Raises unless the full-text index agrees with the posts table."""
    archive.conn.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('integrity-check', 1)")
    archive.conn.commit()  # the command's implicit transaction


def test_new_posts_around_a_canonical_row_get_ids_in_page_order(archive: Archive) -> None:
    plain = [make_post(n, url=f"https://www.ihi.org/insights/plain-{n}") for n in (1, 2, 3)]
    page = [
        plain[0],
        article(U2, canonical=U1, n=9),  # new, and its canonical URL to settle
        plain[1],
        {**plain[0], "teaser": "Seen again, edited"},
        plain[2],
    ]

    result = archive.save_posts(page, seen_at=T1)

    assert result == SaveResult(new=4, updated=1)
    ids = ids_by_url(archive)
    assert [ids[url] for url in (plain[0]["url"], U2, plain[1]["url"], plain[2]["url"])] == [
        1,
        2,
        3,
        4,
    ]
    assert archive.get_post(plain[0]["url"])["teaser"] == "Seen again, edited"
    assert archive.get_post(U1)["url"] == U2  # the declared canonical URL names the post


def test_a_feed_sized_batch_of_new_posts_is_stored_whole(archive: Archive) -> None:
    posts = [
        make_post(n, authors=[f"Author {n}", "Göran Henriks"], tags=[f"tag {n % 3}"])
        for n in range(1, 41)
    ]

    assert archive.save_posts(posts, seen_at=T1) == SaveResult(new=40)

    ids = ids_by_url(archive)
    assert [ids[post["url"]] for post in posts] == list(range(1, 41))
    for post in posts[::13]:
        assert authors_of(archive, post["url"]) == post["authors"]
        assert archive.get_post(post["url"])["series_part"] == post["series_part"]
    hits = archive.conn.execute(MATCH, ('"Author 17"',)).fetchall()
    assert hits == [(ids[posts[16]["url"]],)]
    assert len(archive.conn.execute(MATCH, ("closest",)).fetchall()) == 40
    check_index(archive)
    assert archive.save_posts(posts, seen_at=T2) == SaveResult(unchanged=40)


def test_a_value_sqlite_cannot_store_fails_the_page_naming_its_column(archive: Archive) -> None:
    archive.save_posts([make_post(1)], seen_at=T1)
    before = table_counts(archive)
    page = [make_post(2), make_post(3, series_part=[3]), make_post(4)]

    # series_part is the sixth value of a post's INSERT, as when posts were inserted one by one.
    with pytest.raises(sqlite3.ProgrammingError, match="parameter 6"):
        archive.save_posts(page, seen_at=T2)

    assert table_counts(archive) == before
    assert archive.count_posts() == 1
    check_index(archive)


def test_the_index_follows_a_reparse_that_leaves_indexed_columns_alone(archive: Archive) -> None:
    archive.save_posts([make_post(1), make_post(2)], seen_at=T1)
    archive.save_posts([make_post(1, kind="interview", parser_version="2")], seen_at=T2)
    check_index(archive)
    assert archive.db["posts"].get(1)["kind"] == "interview"
    assert archive.conn.execute(MATCH, ("flow",)).fetchall() == [(1,), (2,)]

    archive.save_posts([make_post(1, title="Huddles", kind="interview")], seen_at=T3)

    check_index(archive)
    assert archive.conn.execute(MATCH, ("huddles",)).fetchall() == [(1,)]
    assert archive.conn.execute(MATCH, ("flow",)).fetchall() == [(2,)]


def test_links_of_known_and_new_posts_in_one_page(archive: Archive) -> None:
    archive.save_posts([make_post(1, authors=["Zoe Adams"], tags=["flow"])], seen_at=T1)
    page = [
        make_post(2, authors=["Ann Baker", "Zoe Adams"]),
        make_post(1, authors=["Carl Cole"], tags=["flow", "NHS"]),
        make_post(3, authors=[]),
    ]

    assert archive.save_posts(page, seen_at=T2) == SaveResult(new=2, unchanged=1)

    assert authors_of(archive, make_post(1)["url"]) == ["Carl Cole"]
    assert authors_of(archive, make_post(2)["url"]) == ["Ann Baker", "Zoe Adams"]
    assert authors_of(archive, make_post(3)["url"]) == []
    assert archive.get_post(make_post(1)["url"])["tags"] == ["flow", "NHS"]
    assert archive.get_post(make_post(2)["url"])["tags"] == []
    assert table_counts(archive)["post_authors"] == 3


def test_a_new_post_found_again_by_its_canonical_in_the_page_takes_the_later_byline(
    archive: Archive,
) -> None:
    page = [
        article(U1, canonical=U1, authors=["Zoe Adams"]),
        article(U2, canonical=U1, authors=["Ann Baker", "Carl Cole"]),
    ]

    assert archive.save_posts(page, seen_at=T1) == SaveResult(new=1, unchanged=1)

    assert archive.count_posts() == 1
    assert authors_of(archive, U1) == ["Ann Baker", "Carl Cole"]
    assert archive.get_post(U2)["url"] == U1


def test_a_source_registered_meanwhile_by_another_writer_is_found(archive: Archive) -> None:
    with Archive(archive.path) as other:
        other.register_source("kingsfund", "wordpress", "https://www.kingsfund.org.uk/blog/")
    post = canonical_post("https://www.kingsfund.org.uk/blog/2024/01/a/", source="kingsfund")
    assert archive.save_posts([post, make_post(1)], seen_at=T1) == SaveResult(new=2)
    assert {p["source"] for p in archive.export_rows()} == {"kingsfund", SOURCE}


def test_a_relabelling_of_many_posts_rewrites_each_the_last_listing_winning(
    archive: Archive,
) -> None:
    posts = [make_post(n) for n in range(1, 151)]
    archive.save_posts(posts, seen_at=T1)
    fields = ("title", "series", "series_part", "authors", "authors_more", "kind", "subject")
    rows = [
        {"url": post["url"], **{name: post[name] for name in fields}, "series": f"Series {n % 3}"}
        for n, post in enumerate(posts)
    ]
    rows.append({**rows[0], "title": "Flow, relabelled twice", "authors": ["Helen Bevan"]})

    assert archive.refresh_heading_fields(rows) == 151

    stored = {p["url"]: p for p in archive.export_rows()}
    assert [stored[post["url"]]["series"] for post in posts[:4]] == [
        "Series 0",
        "Series 1",
        "Series 2",
        "Series 0",
    ]
    assert stored[posts[0]["url"]]["title"] == "Flow, relabelled twice"
    assert authors_of(archive, posts[0]["url"]) == ["Helen Bevan"]
    assert authors_of(archive, posts[1]["url"]) == ["Göran Henriks"]
    assert {p["last_seen"] for p in stored.values()} == {T1}
    assert archive.conn.execute(MATCH, ("relabelled",)).fetchall() == [(1,)]
    check_index(archive)
