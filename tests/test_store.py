"""The SQLite archive: schema, saving posts and their versions, crawl runs, export rows."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from crawler.store import EXPORT_KEYS, Archive, ArchiveError, SaveResult, utc_now

T1 = "2026-11-01T10:00:00+00:00"
T2 = "2026-11-08T10:00:00+00:00"
T3 = "2026-11-15T10:00:00+00:00"
SOURCE = "ihi"


def make_post(n: int = 1, **fields: Any) -> dict[str, Any]:
    """A post mapping as the store pipeline passes it (Post fields, no listing_url)."""
    post: dict[str, Any] = {
        "url": f"https://www.ihi.org/insights/post-{n}",
        "source": SOURCE,
        "heading": f"Leading Quality, Part {n}: Flow – Göran Henriks",
        "teaser": "Improvement starts with the people closest to the patient…",
        "title": "Flow",
        "series": "Leading Quality",
        "series_part": n,
        "authors": ["Göran Henriks"],
        "authors_more": False,
        "kind": "article",
        "subject": None,
        "teaser_truncated": True,
        "originally_published_at": None,
        "published": "2026-10-30",
        "author_source": "heading",
        "parser_version": "1",
    }
    post.update(fields)
    return post


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "archive" / "blogarchive.sqlite"


@pytest.fixture
def archive(db_path: Path):
    with Archive(db_path) as opened:
        opened.register_source(SOURCE, "hub", "https://www.ihi.org/insights", at=T1)
        yield opened


def authors_of(archive: Archive, url: str) -> list[str]:
    sql = (
        "SELECT a.name FROM post_authors pa JOIN authors a ON a.id = pa.author_id "
        "JOIN posts p ON p.id = pa.post_id WHERE p.url = ? ORDER BY pa.position"
    )
    return [name for (name,) in archive.conn.execute(sql, (url,))]


def table_counts(archive: Archive) -> dict[str, int]:
    tables = ("posts", "authors", "post_authors", "post_versions")
    return {t: archive.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


# --- opening and schema ----------------------------------------------------


def test_creates_file_and_parent_folders(db_path: Path) -> None:
    with Archive(db_path):
        pass
    assert db_path.is_file()


def test_schema_has_tables_columns_and_types(archive: Archive) -> None:
    db = archive.db
    expected = {
        "sources",
        "posts",
        "authors",
        "post_authors",
        "post_versions",
        "crawl_runs",
        "tags",
        "post_tags",
        "resources",
    }
    assert expected <= set(db.table_names())
    posts = db["posts"]
    assert posts.columns_dict == {
        "id": int,
        "url": str,
        "source": str,
        "heading": str,
        "title": str,
        "series": str,
        "series_part": int,
        "authors": str,
        "authors_more": int,
        "kind": str,
        "subject": str,
        "teaser": str,
        "teaser_truncated": int,
        "originally_published_at": str,
        "published": str,
        "author_source": str,
        "parser_version": str,
        "first_seen": str,
        "last_seen": str,
        "updated": str,
        "cms_author": str,
        "tags": str,
        "reading_minutes": int,
        "body_text": str,
        "author_bio": str,
        "partial": int,
        "published_raw": str,
        "date_precision": str,
        "date_relative": int,
        "modified": str,
        "word_count": int,
        "canonical_url": str,
        "article_fetched": str,
        "article_error": str,
    }
    assert posts.pks == ["id"]
    assert {c.name for c in posts.columns if c.notnull} >= {"url", "source", "heading"}
    assert db["post_authors"].pks == ["post_id", "position"]
    assert {"seen_from", "seen_until", "heading", "teaser"} <= set(db["post_versions"].columns_dict)
    assert {"status", "message", "finish_reason", "posts_new"} <= set(db["crawl_runs"].columns_dict)


def test_schema_has_foreign_keys_and_indexes(archive: Archive) -> None:
    db = archive.db
    assert {(fk.column, fk.other_table) for fk in db["posts"].foreign_keys} == {
        ("source", "sources")
    }
    assert {(fk.column, fk.other_table) for fk in db["post_authors"].foreign_keys} == {
        ("post_id", "posts"),
        ("author_id", "authors"),
    }
    assert [fk.other_table for fk in db["post_versions"].foreign_keys] == ["posts"]
    indexes = {tuple(index.columns): index.unique for index in db["posts"].indexes}
    assert indexes[("url",)] == 1
    assert ("source", "first_seen") in indexes
    assert {("series",), ("kind",), ("published",)} <= set(indexes)
    assert {tuple(i.columns): i.unique for i in db["authors"].indexes}[("name",)] == 1


def test_pragmas_wal_foreign_keys_busy_timeout(archive: Archive) -> None:
    def pragma(name: str) -> Any:
        return archive.conn.execute(f"PRAGMA {name}").fetchone()[0]

    assert archive.db.journal_mode == "wal"
    assert pragma("foreign_keys") == 1
    assert pragma("synchronous") == 1  # NORMAL
    assert pragma("busy_timeout") == 10_000
    assert pragma("temp_store") == 2  # MEMORY: a page's statement journal stays off disk


def test_migrations_recorded_and_idempotent(db_path: Path) -> None:
    with Archive(db_path) as first:
        applied = first.conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'blogarchive' ORDER BY id"
        ).fetchall()
        schema = first.db.schema
    names = [name for (name,) in applied]
    assert names and all(re.fullmatch(r"m\d{3}_\w+", name) for name in names)
    with Archive(db_path) as second:
        again = second.conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
        assert again == len(names)
        assert second.db.schema == schema


def test_not_a_database_raises_archive_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("not a database, just text " * 100)
    with pytest.raises(ArchiveError, match="cannot open archive"):
        Archive(path)


def test_unopenable_path_raises_archive_error(tmp_path: Path) -> None:
    (tmp_path / "blocker").write_text("a file where a folder should be")
    with pytest.raises(ArchiveError):
        Archive(tmp_path / "blocker" / "archive.sqlite")


# --- full-text search ------------------------------------------------------


def test_fts_finds_title_teaser_and_authors(archive: Archive) -> None:
    archive.save_posts([make_post(1), make_post(2, authors=["Maureen Bisognano"])], seen_at=T1)
    found = [row["url"] for row in archive.db["posts"].search("Bisognano")]
    assert found == [make_post(2)["url"]]
    assert len(list(archive.db["posts_fts"].search("closest patient"))) == 2
    match = "SELECT rowid FROM posts_fts WHERE posts_fts MATCH ?"
    assert len(archive.conn.execute(match, ("flow",)).fetchall()) == 2


def test_fts_follows_updates(archive: Archive) -> None:
    archive.save_posts([make_post(1)], seen_at=T1)
    archive.save_posts([make_post(1, teaser="Psychological safety in huddles")], seen_at=T2)
    archive.save_posts([make_post(1, teaser="Psychological safety in huddles")], seen_at=T3)
    match = "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH ?"
    assert archive.conn.execute(match, ("huddles",)).fetchone()[0] == 1
    assert archive.conn.execute(match, ("closest",)).fetchone()[0] == 0
    # The index stays consistent with its content table.
    archive.conn.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('integrity-check', 1)")


# --- saving posts ----------------------------------------------------------


def test_new_post_is_inserted(archive: Archive) -> None:
    result = archive.save_posts([make_post(1)], seen_at=T1)
    assert result == SaveResult(new=1, updated=0, unchanged=0)
    row = archive.db["posts"].get(1)
    assert row["first_seen"] == row["last_seen"] == row["updated"] == T1
    assert row["authors"] == '["Göran Henriks"]'
    assert (row["authors_more"], row["teaser_truncated"]) == (0, 1)
    assert archive.get_post(make_post(1)["url"])["title"] == "Flow"


def test_same_post_again_is_unchanged_and_moves_last_seen(archive: Archive) -> None:
    archive.save_posts([make_post(1)], seen_at=T1)
    result = archive.save_posts([make_post(1)], seen_at=T2)
    assert result == SaveResult(new=0, updated=0, unchanged=1)
    row = archive.db["posts"].get(1)
    assert (row["first_seen"], row["last_seen"], row["updated"]) == (T1, T2, T1)
    assert archive.versions(make_post(1)["url"]) == []


def test_changed_teaser_updates_and_keeps_old_values(archive: Archive) -> None:
    archive.save_posts([make_post(1)], seen_at=T1)
    changed = make_post(1, teaser="A new teaser", title="Flow, revised", authors=["A. Other"])
    result = archive.save_posts([changed], seen_at=T2)
    assert result == SaveResult(new=0, updated=1, unchanged=0)
    row = archive.db["posts"].get(1)
    assert (row["teaser"], row["title"], row["updated"], row["last_seen"]) == (
        "A new teaser",
        "Flow, revised",
        T2,
        T2,
    )
    [version] = archive.versions(changed["url"])
    assert version["seen_from"] == T1 and version["seen_until"] == T2
    assert version["teaser"] == make_post(1)["teaser"]
    assert version["title"] == "Flow" and version["authors"] == ["Göran Henriks"]


def test_changed_heading_counts_as_update(archive: Archive) -> None:
    archive.save_posts([make_post(1)], seen_at=T1)
    archive.save_posts([make_post(1, heading="Flow (updated)")], seen_at=T2)
    result = archive.save_posts([make_post(1, heading="Flow (updated again)")], seen_at=T3)
    assert result.updated == 1
    versions = archive.versions(make_post(1)["url"])
    assert [(v["heading"], v["seen_from"], v["seen_until"]) for v in versions] == [
        (make_post(1)["heading"], T1, T2),
        ("Flow (updated)", T2, T3),
    ]


def test_reparse_only_refreshes_derived_fields_without_version(archive: Archive) -> None:
    archive.save_posts([make_post(1)], seen_at=T1)
    reparsed = make_post(1, title="Flow!", series=None, series_part=None, parser_version="2")
    result = archive.save_posts([reparsed], seen_at=T2)
    assert result == SaveResult(new=0, updated=0, unchanged=1)
    row = archive.db["posts"].get(1)
    assert (row["title"], row["series"], row["parser_version"]) == ("Flow!", None, "2")
    assert (row["updated"], row["last_seen"]) == (T1, T2)
    assert archive.versions(reparsed["url"]) == []


def test_author_order_kept_and_relinked_on_change(archive: Archive) -> None:
    url = make_post(1)["url"]
    archive.save_posts([make_post(1, authors=["Zoe Adams", "Ann Baker", "Carl Cole"])], seen_at=T1)
    assert authors_of(archive, url) == ["Zoe Adams", "Ann Baker", "Carl Cole"]
    assert archive.get_post(url)["authors"] == ["Zoe Adams", "Ann Baker", "Carl Cole"]
    archive.save_posts([make_post(1, authors=["Carl Cole", "Zoe Adams"])], seen_at=T2)
    assert authors_of(archive, url) == ["Carl Cole", "Zoe Adams"]
    archive.save_posts([make_post(1, authors=[])], seen_at=T3)
    assert authors_of(archive, url) == []


def test_authors_table_dedupes_names_across_posts(archive: Archive) -> None:
    second = make_post(2, authors=["Göran Henriks", "Don Berwick"])
    archive.save_posts([make_post(1), second], seen_at=T1)
    archive.save_posts([make_post(3, authors=["Don Berwick"])], seen_at=T2)
    names = [name for (name,) in archive.conn.execute("SELECT name FROM authors ORDER BY name")]
    assert names == ["Don Berwick", "Göran Henriks"]
    assert table_counts(archive)["post_authors"] == 4


def test_missing_url_raises_and_writes_nothing(archive: Archive) -> None:
    batch = [make_post(1), make_post(2, url="")]
    with pytest.raises(ValueError, match="post 1 .* no url"):
        archive.save_posts(batch, seen_at=T1)
    assert table_counts(archive) == dict.fromkeys(table_counts(archive), 0)


def test_failure_mid_batch_rolls_back_everything(archive: Archive) -> None:
    archive.save_posts([make_post(1)], seen_at=T1)
    # The third post only fails when its row is bound, after the others were written.
    batch = [
        make_post(1, teaser="changed"),
        make_post(2, authors=["New Author"]),
        make_post(3, series_part=object()),
    ]
    before = table_counts(archive)
    with pytest.raises(sqlite3.Error):
        archive.save_posts(batch, seen_at=T2)
    assert table_counts(archive) == before
    assert archive.get_post(make_post(1)["url"])["teaser"] == make_post(1)["teaser"]
    assert not archive.conn.in_transaction
    assert archive.save_posts([make_post(2)], seen_at=T2).new == 1


def test_unknown_source_raises(archive: Archive) -> None:
    with pytest.raises(ArchiveError, match="register_source"):
        archive.save_posts([make_post(1, source="nowhere")], seen_at=T1)
    assert archive.count_posts() == 0


def test_repeated_url_in_one_batch(archive: Archive) -> None:
    batch = [make_post(1), make_post(1), make_post(1, teaser="second look")]
    assert archive.save_posts(batch, seen_at=T1) == SaveResult(new=1, updated=1, unchanged=1)
    assert archive.count_posts() == 1
    assert len(archive.versions(make_post(1)["url"])) == 1


def test_defaults_fill_missing_optional_fields(archive: Archive) -> None:
    minimal = {"url": "https://x.example/a", "source": SOURCE, "heading": "A", "kind": None}
    archive.save_posts([minimal], seen_at=T1)
    post = archive.get_post("https://x.example/a")
    assert (post["kind"], post["authors"], post["authors_more"]) == ("article", [], False)


def test_empty_batch_is_a_no_op(archive: Archive) -> None:
    assert archive.save_posts([], seen_at=T1) == SaveResult(0, 0, 0)


def test_register_source_keeps_first_crawled(archive: Archive) -> None:
    archive.register_source(SOURCE, "hub", "https://www.ihi.org/blog", at=T2)
    row = archive.db["sources"].get(SOURCE)
    assert (row["first_crawled"], row["last_crawled"], row["start_url"]) == (
        T1,
        T2,
        "https://www.ihi.org/blog",
    )


def test_count_posts_per_source(archive: Archive) -> None:
    archive.register_source("kingsfund", "wordpress", "https://www.kingsfund.org.uk/blog")
    other = make_post(9, url="https://www.kingsfund.org.uk/blog/x", source="kingsfund")
    archive.save_posts([make_post(1), make_post(2), other], seen_at=T1)
    assert (archive.count_posts(), archive.count_posts(SOURCE)) == (3, 2)
    assert archive.count_posts("kingsfund") == 1


# --- read-only -------------------------------------------------------------


def test_read_only_reads_but_cannot_write(db_path: Path) -> None:
    with Archive(db_path) as writable:
        writable.register_source(SOURCE, "hub", "https://www.ihi.org/insights")
        writable.save_posts([make_post(1)], seen_at=T1)
    with Archive(db_path, read_only=True) as archive:
        assert archive.count_posts() == 1
        with pytest.raises(ArchiveError, match="read-only"):
            archive.save_posts([make_post(2)], seen_at=T2)
        with pytest.raises(ArchiveError):
            archive.register_source("x", "wordpress", "https://x.example")
        with pytest.raises(ArchiveError):
            archive.start_run(spider="ihi", source=SOURCE, started=T2)
        with pytest.raises(sqlite3.OperationalError):
            archive.conn.execute("DELETE FROM posts")
        assert archive.count_posts() == 1


def test_read_only_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError):
        Archive(tmp_path / "missing.sqlite", read_only=True)
    assert not (tmp_path / "missing.sqlite").exists()


def test_read_only_unmigrated_database_raises(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(ArchiveError, match="open it writable once"):
        Archive(path, read_only=True)


# --- crawl runs ------------------------------------------------------------


def test_crawl_run_start_finish_get(archive: Archive) -> None:
    run_id = archive.start_run(spider="ihi", source=SOURCE, started=T1)
    run = archive.get_run(run_id)
    assert (run["status"], run["pages"], run["ended"]) == ("running", 0, None)
    archive.finish_run(
        run_id,
        ended=T2,
        status="degraded",
        pages=12,
        pages_failed=1,
        message="1 page failed",
        finish_reason="finished",
    )
    run = archive.get_run(run_id)
    assert (run["status"], run["pages"], run["pages_failed"], run["ended"]) == (
        "degraded",
        12,
        1,
        T2,
    )
    assert run["message"] == "1 page failed"


def test_latest_runs_newest_first(archive: Archive) -> None:
    ids = [archive.start_run(spider="ihi", source=SOURCE, started=t) for t in (T1, T2, T3)]
    assert [run["id"] for run in archive.latest_runs()] == ids[::-1]
    assert [run["id"] for run in archive.latest_runs(limit=1)] == [ids[-1]]


def test_finish_run_rejects_unknown_columns_status_and_ids(archive: Archive) -> None:
    run_id = archive.start_run(spider="ihi", source=SOURCE, started=T1)
    with pytest.raises(ValueError, match="pagez"):
        archive.finish_run(run_id, pagez=3)
    with pytest.raises(ValueError, match="id"):
        archive.finish_run(run_id, id=99)
    with pytest.raises(ValueError, match="status"):
        archive.finish_run(run_id, status="great")
    with pytest.raises(ArchiveError):
        archive.finish_run(run_id + 1, status="ok")
    with pytest.raises(ArchiveError):
        archive.get_run(run_id + 1)


# --- export rows -----------------------------------------------------------


def test_export_rows_keys_types_and_order(archive: Archive) -> None:
    archive.register_source("aaa", "wordpress", "https://aaa.example/")
    archive.save_posts([make_post(2), make_post(1)], seen_at=T2)
    archive.save_posts([make_post(3)], seen_at=T1)
    archive.save_posts([make_post(9, url="https://aaa.example/p", source="aaa")], seen_at=T3)
    rows = list(archive.export_rows())
    assert [row["url"].rsplit("/", 1)[1] for row in rows] == ["p", "post-3", "post-2", "post-1"]
    for row in rows:
        assert tuple(row) == EXPORT_KEYS
        assert isinstance(row["authors"], list)
        assert isinstance(row["authors_more"], bool) and isinstance(row["teaser_truncated"], bool)
    assert rows[1]["series_part"] == 3 and rows[1]["published"] == "2026-10-30"


def test_export_rows_streams_from_a_cursor(archive: Archive) -> None:
    archive.save_posts([make_post(n) for n in range(5)], seen_at=T1)
    rows = archive.export_rows()
    assert next(rows)["url"] == make_post(0)["url"]
    rows.close()


def test_get_post_unknown_url_is_none(archive: Archive) -> None:
    assert archive.get_post("https://nowhere.example/") is None


def test_utc_now_is_iso_utc_with_seconds() -> None:
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", utc_now())


# --- re-labelling heading fields -------------------------------------------


def test_refresh_rewrites_heading_fields_only(archive: Archive):
    archive.save_posts([make_post(1), make_post(2)], seen_at=T1)
    before = archive.get_post(make_post(1)["url"])

    changed = archive.refresh_heading_fields(
        [
            {
                "url": make_post(1)["url"],
                "title": "Flow, revisited",
                "series": "Leading Quality",
                "series_part": 1,
                "authors": ["Helen Bevan", "Göran Henriks"],
                "authors_more": True,
                "kind": "article",
                "subject": None,
            },
            {
                "url": "https://nowhere.example/",
                **{k: None for k in ("title", "series")},
                "series_part": None,
                "authors": [],
                "authors_more": False,
                "kind": "article",
                "subject": None,
            },
        ]
    )

    assert changed == 1
    after = archive.get_post(make_post(1)["url"])
    assert after["title"] == "Flow, revisited"
    assert after["authors"] == ["Helen Bevan", "Göran Henriks"]
    assert after["authors_more"] is True
    assert (after["first_seen"], after["last_seen"]) == (before["first_seen"], before["last_seen"])
    assert authors_of(archive, make_post(1)["url"]) == ["Helen Bevan", "Göran Henriks"]
    assert archive.versions(make_post(1)["url"]) == []
    # Full-text search follows the new title.
    hits = archive.conn.execute(
        "SELECT count(*) FROM posts_fts WHERE posts_fts MATCH 'revisited'"
    ).fetchone()[0]
    assert hits == 1


def test_heading_rows_and_series_names(archive: Archive):
    archive.save_posts([make_post(1), make_post(2, series="Flow Series")], seen_at=T2)
    rows = {row["url"]: row for row in archive.heading_rows(SOURCE)}
    assert rows[make_post(1)["url"]]["authors"] == ["Göran Henriks"]
    assert rows[make_post(1)["url"]]["authors_more"] is False
    assert set(rows[make_post(1)["url"]]) == {
        "url",
        "heading",
        "author_source",
        "title",
        "series",
        "series_part",
        "authors",
        "authors_more",
        "kind",
        "subject",
    }
    assert archive.series_names() == {SOURCE: ["Flow Series", "Leading Quality"]}


# --- facts only some sources give ----------------------------------------------


def tags_of(archive: Archive, url: str) -> list[str]:
    sql = (
        "SELECT t.name FROM post_tags pt JOIN tags t ON t.id = pt.tag_id "
        "JOIN posts p ON p.id = pt.post_id WHERE p.url = ? ORDER BY pt.position"
    )
    return [name for (name,) in archive.conn.execute(sql, (url,))]


def test_a_listing_without_dates_or_tags_keeps_what_a_feed_stored(archive: Archive):
    from_feed = make_post(
        1, cms_author="BMJ Leader", tags=["Blog", "climate crisis"], published="2023-10-24"
    )
    archive.save_posts([from_feed], seen_at=T1)

    result = archive.save_posts(
        [make_post(1, cms_author=None, tags=[], published=None)], seen_at=T2
    )

    assert result == SaveResult(unchanged=1)
    post = archive.get_post(from_feed["url"])
    assert (post["cms_author"], post["tags"], post["published"]) == (
        "BMJ Leader",
        ["Blog", "climate crisis"],
        "2023-10-24",
    )
    assert post["last_seen"] == T2
    assert tags_of(archive, from_feed["url"]) == ["Blog", "climate crisis"]


def test_new_facts_fill_in_and_tags_are_relinked(archive: Archive):
    archive.save_posts([make_post(1, tags=[])], seen_at=T1)
    assert archive.get_post(make_post(1)["url"])["tags"] == []

    archive.save_posts(
        [
            make_post(
                1,
                tags=["leadership"],
                reading_minutes=3,
                body_text="Full text.",
                author_bio="Nurse.",
            )
        ],
        seen_at=T2,
    )
    archive.save_posts([make_post(1, tags=["NHS", "leadership"])], seen_at=T3)

    post = archive.get_post(make_post(1)["url"])
    assert post["tags"] == ["NHS", "leadership"]
    assert (post["reading_minutes"], post["body_text"], post["author_bio"]) == (
        3,
        "Full text.",
        "Nurse.",
    )
    assert tags_of(archive, make_post(1)["url"]) == ["NHS", "leadership"]
    assert post["partial"] is False


# --- resources ------------------------------------------------------------------


def make_resource(n: int = 1, **fields: Any) -> dict[str, Any]:
    resource = {
        "id": f"r{n}",
        "source": SOURCE,
        "page_url": "https://improve.bmj.com/leadership/",
        "section": "Highlighted resources",
        "kind": "resource",
        "title": f"Resource {n}",
        "description": "A guide for clinicians & boards – with “quotes”.",
        "link": f"https://example.org/{n}",
    }
    resource.update(fields)
    return resource


def test_resources_are_saved_apart_from_posts(archive: Archive):
    assert archive.save_resources([make_resource(1), make_resource(2)], seen_at=T1) == SaveResult(
        new=2
    )
    again = archive.save_resources(
        [make_resource(1), make_resource(2, title="Resource two")], seen_at=T2
    )
    assert again == SaveResult(updated=1, unchanged=1)
    exported = list(archive.export_resources())
    assert [r["title"] for r in exported] == ["Resource 1", "Resource two"]
    assert list(exported[0]) == [
        "source",
        "page_url",
        "section",
        "kind",
        "title",
        "description",
        "link",
    ]
    assert archive.count_posts() == 0


def test_a_resource_without_a_title_writes_nothing(archive: Archive):
    with pytest.raises(ValueError, match="resource 1 in the batch has no title"):
        archive.save_resources([make_resource(1), make_resource(2, title="")], seen_at=T1)
    assert list(archive.export_resources()) == []


def test_a_page_without_a_teaser_is_no_change_of_content(archive: Archive):
    archive.save_posts([make_post(1)], seen_at=T1)
    result = archive.save_posts([make_post(1, teaser=None, body_text="The article.")], seen_at=T2)
    assert result == SaveResult(unchanged=1)
    post = archive.get_post(make_post(1)["url"])
    assert post["teaser"] == make_post(1)["teaser"]
    assert post["body_text"] == "The article."
    assert archive.versions(make_post(1)["url"]) == []


def test_a_changed_article_text_keeps_the_old_text_as_a_version(archive: Archive):
    archive.save_posts([make_post(1, body_text="First text.", article_fetched=T1)], seen_at=T1)
    result = archive.save_posts(
        [make_post(1, body_text="Second text.", article_fetched=T2)], seen_at=T2
    )
    assert result == SaveResult(updated=1)
    [version] = archive.versions(make_post(1)["url"])
    assert (version["body_text"], version["seen_until"]) == ("First text.", T2)


def test_an_article_error_stays_until_the_page_is_read(archive: Archive):
    archive.save_posts([make_post(1, article_error="HTTP 500")], seen_at=T1)
    archive.save_posts([make_post(1)], seen_at=T2)  # listing only: not tried again yet
    errors = "SELECT article_error FROM posts WHERE url = ?"
    assert archive.conn.execute(errors, (make_post(1)["url"],)).fetchone() == ("HTTP 500",)
    archive.save_posts([make_post(1, article_fetched=T3, body_text="Text.")], seen_at=T3)
    assert archive.conn.execute(errors, (make_post(1)["url"],)).fetchone() == (None,)


# --- one post, several URLs: rel=canonical joins the key ---------------------------

BLOG = "https://blog.example.org/news/"
U1 = BLOG + "2024/01/15/flow-at-the-front-door/"
U2 = BLOG + "2024/01/15/flow-at-the-front-door-2/"


def canonical_post(url: str, n: int = 1, **fields: Any) -> dict[str, Any]:
    """A listed post as the store gets it: url normalised (as the pipeline does), no date."""
    return make_post(n, **{"url": url, "published": None, **fields})


def article(url: str, canonical: str, n: int = 1, **fields: Any) -> dict[str, Any]:
    """The post completed from its own page, which declares ``canonical``."""
    words = " ".join(f"n{n}w{i}" for i in range(40))  # words of this story only
    body = fields.pop("body_text", f"Flow at the front door: {words}.")
    return canonical_post(
        url, n, canonical_url=canonical, body_text=body, article_fetched=T1, **fields
    )


def other_urls(archive: Archive) -> list[tuple[str, int | None, str]]:
    sql = "SELECT url, post_id, reason FROM post_urls ORDER BY url"
    return archive.conn.execute(sql).fetchall()


def test_a_canonical_naming_a_stored_url_is_that_post(archive: Archive) -> None:
    archive.save_posts([canonical_post(U1)], seen_at=T1)
    [post_id] = archive.conn.execute("SELECT id FROM posts").fetchone()

    result = archive.save_posts([article(U2, canonical=U1)], seen_at=T2)

    assert result == SaveResult(unchanged=1)
    assert archive.count_posts() == 1
    post = archive.get_post(U2)
    assert post == archive.get_post(U1)
    assert (post["url"], post["first_seen"], post["last_seen"]) == (U1, T1, T2)
    assert post["body_text"].startswith("Flow at the front door: n1w0")
    assert post["canonical_url"] == U1
    assert other_urls(archive) == [(U2, post_id, "alias")]


def test_a_later_listing_of_an_alias_updates_the_one_post(archive: Archive) -> None:
    archive.save_posts([canonical_post(U1)], seen_at=T1)
    archive.save_posts([article(U2, canonical=U1)], seen_at=T2)

    same = archive.save_posts([canonical_post(U2)], seen_at=T3)
    assert same == SaveResult(unchanged=1)
    changed = archive.save_posts([canonical_post(U2, teaser="A new teaser")], seen_at=T3)

    assert changed == SaveResult(updated=1)
    assert archive.count_posts() == 1
    post = archive.get_post(U1)
    assert (post["url"], post["teaser"], post["last_seen"]) == (U1, "A new teaser", T3)
    assert post["canonical_url"] == U1  # a listing's missing canonical blanks nothing
    [version] = archive.versions(U2)
    assert version["teaser"] == make_post(1)["teaser"]
    assert archive.versions(U1) == [version]


def test_a_post_found_at_its_declared_canonical_url_moves_there(archive: Archive) -> None:
    archive.save_posts([article(U2, canonical=U1)], seen_at=T1)
    assert archive.get_post(U1)["url"] == U2  # not reached at U1 yet
    [(post_id,)] = archive.conn.execute("SELECT id FROM posts").fetchall()
    assert other_urls(archive) == [(U1, post_id, "canonical")]

    result = archive.save_posts([article(U1, canonical=U1)], seen_at=T2)

    assert result == SaveResult(unchanged=1)
    assert archive.count_posts() == 1
    post = archive.get_post(U2)
    assert (post["url"], post["first_seen"]) == (U1, T1)
    assert other_urls(archive) == [(U2, post_id, "alias")]
    assert archive.db["posts"].get(post_id)["url"] == U1


def test_two_urls_of_one_post_in_one_batch_are_one_row(archive: Archive) -> None:
    result = archive.save_posts([article(U2, canonical=U1), article(U1, canonical=U1)], seen_at=T1)
    assert result == SaveResult(new=1, unchanged=1)
    assert [p["url"] for p in archive.export_rows()] == [U1]
    assert [url for url, _, _ in other_urls(archive)] == [U2]


def test_two_stored_rows_declaring_one_canonical_merge_into_the_older(archive: Archive) -> None:
    elsewhere = "https://www.ihi.org/insights/flow-at-the-front-door/"
    byline = {"authors": ["Zoe Adams", "Ann Baker"]}
    archive.save_posts([canonical_post(U1, tags=["flow"], **byline)], seen_at=T1)
    archive.save_posts([canonical_post(U1, teaser="Edited", **byline)], seen_at=T2)
    second = {"published": "2024-01-15", "authors": ["Zoe"]}
    archive.save_posts([canonical_post(U2, teaser="Second", **second)], seen_at=T1)
    archive.save_posts([canonical_post(U2, teaser="Second, edited", **second)], seen_at=T2)
    keep_id, lose_id = (i for (i,) in archive.conn.execute("SELECT id FROM posts ORDER BY id"))
    page = {"canonical": elsewhere, "teaser": None, **byline}
    archive.save_posts([article(U1, **page)], seen_at=T3)
    assert archive.count_posts() == 2  # one page named the canonical: nothing to merge yet

    archive.save_posts([article(U2, **page)], seen_at=T3)

    assert archive.count_posts() == 1
    post = archive.get_post(U2)
    assert post == archive.get_post(elsewhere) == archive.get_post(U1)
    assert archive.db["posts"].get(keep_id)["url"] == U1
    assert (post["first_seen"], post["last_seen"]) == (T1, T3)
    assert post["published"] == "2024-01-15"  # a fact only the merged row had
    assert post["teaser"] == "Edited"
    # Nothing is lost: both rows' versions, and the merged row's last teaser.
    versions = [(v["teaser"], v["seen_from"], v["seen_until"]) for v in archive.versions(U1)]
    assert versions == [
        (make_post(1)["teaser"], T1, T2),
        ("Second", T1, T2),
        ("Second, edited", T2, T2),  # until it was last seen
    ]
    assert authors_of(archive, U1) == ["Zoe Adams", "Ann Baker"]
    assert tags_of(archive, U1) == ["flow"]
    links = "SELECT count(*) FROM {} WHERE post_id = ?"
    for table in ("post_authors", "post_tags", "post_versions"):
        assert archive.conn.execute(links.format(table), (lose_id,)).fetchone() == (0,)
    assert other_urls(archive) == [
        (U2, keep_id, "alias"),
        (elsewhere, keep_id, "canonical"),
    ]
    # A later listing of the merged-away URL is the same post.
    assert archive.save_posts([canonical_post(U2, teaser="Edited")], seen_at=T3).unchanged == 1
    assert archive.count_posts() == 1
    archive.conn.execute("INSERT INTO posts_fts(posts_fts, rank) VALUES ('integrity-check', 1)")


def test_a_canonical_on_another_site_joins_a_syndicated_copy(archive: Archive) -> None:
    archive.register_source("kingsfund", "wordpress", "https://www.kingsfund.org.uk/blog/")
    original = "https://www.kingsfund.org.uk/blog/2024/01/flow-at-the-front-door/"
    archive.save_posts([canonical_post(original, source="kingsfund")], seen_at=T1)

    archive.save_posts([article(U1, canonical=original + "?utm_source=syndication")], seen_at=T2)

    assert archive.count_posts() == 1
    post = archive.get_post(U1)
    assert (post["url"], post["source"]) == (original, "kingsfund")


@pytest.mark.parametrize(
    "junk",
    [
        BLOG,  # the blog's front page, as a misconfigured theme declares on every post
        "https://blog.example.org/",  # the site's home page
        "http://blog.example.org/news/page/2/",  # a listing page
        BLOG + "tag/flow/",
        BLOG + "2024/01/",  # a date archive
        BLOG + "?p=123",  # the shortlink: its key would drop what names the post
        "{url}blog.example.org/x",  # scheme-less, resolved against the page
        "",
    ],
)
def test_a_junk_canonical_joins_no_posts(archive: Archive, junk: str) -> None:
    for url in (U1, U2):  # one story even: same heading, same text
        archive.save_posts([article(url, canonical=junk.format(url=url), n=1)], seen_at=T1)

    assert archive.count_posts() == 2
    assert other_urls(archive) == []


def test_a_canonical_declared_by_different_stories_joins_nothing(archive: Archive) -> None:
    about = "https://blog.example.org/about-us/"  # not junk by its shape
    archive.save_posts([article(U1, canonical=about, n=1)], seen_at=T1)
    result = archive.save_posts([article(U2, canonical=about, n=2)], seen_at=T2)

    assert result == SaveResult(new=1)
    assert archive.count_posts() == 2
    assert other_urls(archive) == [(about, None, "ambiguous")]
    # From now on it joins nothing, not even a post with the first one's heading.
    third = BLOG + "2024/02/01/flow-again/"
    archive.save_posts([article(third, canonical=about, n=1)], seen_at=T3)
    assert archive.count_posts() == 3
    assert archive.get_post(about) is None


def test_a_canonical_naming_another_story_does_not_join_it(archive: Archive) -> None:
    archive.save_posts([canonical_post(U1, n=1)], seen_at=T1)
    archive.save_posts([article(U2, canonical=U1, n=2)], seen_at=T2)
    assert archive.count_posts() == 2
    assert other_urls(archive) == []


def test_a_failed_batch_undoes_a_merge(archive: Archive) -> None:
    archive.save_posts([canonical_post(U1), canonical_post(U2)], seen_at=T1)
    archive.save_posts([article(U1, canonical="https://elsewhere.example/flow/")], seen_at=T1)
    before = table_counts(archive)

    batch = [
        article(U2, canonical="https://elsewhere.example/flow/"),
        make_post(3, series_part=object()),
    ]
    with pytest.raises(sqlite3.Error):
        archive.save_posts(batch, seen_at=T2)

    assert table_counts(archive) == before
    assert {p["url"] for p in archive.export_rows()} == {U1, U2}
    assert [url for url, _, _ in other_urls(archive)] == ["https://elsewhere.example/flow/"]


def test_an_archive_from_before_post_urls_is_upgraded_in_place(db_path: Path) -> None:
    """m011 on an archive written by m001-m010: its posts joined by their canonical URLs."""
    from sqlite_utils import Database

    from crawler.store.schema import MIGRATIONS

    db_path.parent.mkdir(parents=True)
    db = Database(db_path)
    MIGRATIONS.apply(db, stop_before="m011_post_urls")
    assert "post_urls" not in db.table_names()
    db["sources"].insert({"name": SOURCE, "kind": "wordpress", "start_url": BLOG})
    heading = make_post(1)["heading"]
    body = "The same text, read at two addresses. " * 10
    old = {"source": SOURCE, "heading": heading, "authors": "[]", "body_text": body}
    posts = [
        {"url": U2, "canonical_url": U1, "first_seen": T1, "updated": T1, "teaser": "Old"},
        {"url": U1, "canonical_url": U1, "first_seen": T2, "updated": T2, "teaser": "New"},
        {"url": BLOG + "2024/02/01/a/", "canonical_url": BLOG, "first_seen": T1},
        {"url": BLOG + "2024/02/02/b/", "canonical_url": BLOG, "first_seen": T1},
    ]
    for post in posts:
        db["posts"].insert({**old, "last_seen": post["first_seen"], "updated": T1, **post})
    db["post_versions"].insert(
        {"post_id": 2, "seen_from": T1, "seen_until": T2, "heading": "Older", "authors": "[]"}
    )
    db.close()

    with Archive(db_path) as archive:
        assert archive.count_posts() == 3
        post = archive.get_post(U2)
        assert (post["url"], post["first_seen"], post["last_seen"]) == (U1, T1, T2)
        [(kept,)] = archive.conn.execute("SELECT id FROM posts WHERE url = ?", (U1,)).fetchall()
        assert kept == 1  # the older row, moved to the canonical URL it was found at
        assert other_urls(archive) == [(U2, 1, "alias")]
        assert post["teaser"] == "New"  # the values seen last
        assert [(v["heading"], v["teaser"]) for v in archive.versions(U1)] == [
            ("Older", None),
            (heading, "Old"),
        ]
        assert archive.get_post(BLOG) is None  # the front page joined nothing
        # New saves go through the same rule.
        assert archive.save_posts([canonical_post(U2, teaser="New")], seen_at=T3).new == 0
        assert archive.count_posts() == 3


def test_registering_a_source_again_without_a_start_url_keeps_the_stored_one(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        archive.register_source("blog", "wordpress", "https://blog.example/")
        archive.register_source("blog", "wordpress", "")  # as reparse does
        row = archive.conn.execute("SELECT start_url FROM sources WHERE name = 'blog'").fetchone()
    assert row == ("https://blog.example/",)
