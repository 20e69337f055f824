"""The command line, run as a user runs it: the installed console scripts in a subprocess."""

from __future__ import annotations

import json
from pathlib import Path

from crawler.store import Archive
from tests.conftest import REPO_ROOT, run_command

FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0"]


def write_sources(path: Path, start_url: str, name: str = "bmjleader") -> Path:
    path.write_text(
        f'[[source]]\nname = "{name}"\nkind = "wordpress"\nstart_urls = ["{start_url}"]\n',
        encoding="utf-8",
    )
    return path


def test_crawl_a_source_from_a_user_sources_file(serve_site, tmp_path):
    _, site = serve_site("bmj-hero")
    sources = write_sources(tmp_path / "mine.toml", site.start_url, name="localcopy")

    result = run_command(
        [
            "blogarchive",
            "crawl",
            "localcopy",
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

    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("localcopy: ok:")
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        assert archive.count_posts("localcopy") == len(site.post_urls)
    assert len(json.loads((tmp_path / "out" / "posts.json").read_text())) == len(site.post_urls)


def test_crawl_of_a_dead_site_exits_1_with_a_one_line_reason(tmp_path):
    sources = write_sources(tmp_path / "dead.toml", "http://127.0.0.1:9/blog/")

    result = run_command(
        [
            "blogarchive",
            "crawl",
            "--sources",
            str(sources),
            "bmjleader",
            "--db",
            "a.sqlite",
            *FAST,
            "-s",
            "RETRY_TIMES=0",
        ],
        cwd=tmp_path,
    )

    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("bmjleader:")]
    assert len(lines) == 1
    assert lines[0].startswith("bmjleader: failed: no listing page could be read")
    assert "127.0.0.1:9/blog/" in lines[0]


def test_unknown_source_is_a_usage_error(tmp_path):
    result = run_command(["blogarchive", "crawl", "nosuchblog", "--db", "a.sqlite"], cwd=tmp_path)
    assert result.returncode == 2
    assert "unknown source(s): nosuchblog" in result.stderr
    assert not (tmp_path / "a.sqlite").exists()


def test_bad_sources_file_names_file_source_and_problem(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[source]]\nname = "x-blog"\nkind = "joomla"\nstart_urls = ["https://x.org/"]\n'
    )

    result = run_command(["blogarchive", "crawl", "--sources", str(bad)], cwd=tmp_path)

    assert result.returncode == 2
    assert str(bad) in result.stderr and "'x-blog'" in result.stderr
    assert "unknown kind 'joomla'" in result.stderr


def test_demo_serves_the_bundled_copy_and_crawls_it(tmp_path):
    result = run_command(["blogarchive", "demo"], cwd=tmp_path)

    assert result.returncode == 0, result.stderr[-2000:]
    assert "Serving an offline copy of the BMJ Leader blog at http://127.0.0.1:" in result.stdout
    assert "Crawl ok" in result.stdout
    with Archive(tmp_path / "demo.sqlite", read_only=True) as archive:
        stored = archive.count_posts()
    assert stored >= 50
    assert f"Stored {stored} posts in demo.sqlite" in result.stdout
    assert len((tmp_path / "exports" / "posts.jsonl").read_text().splitlines()) == stored


def test_scrapy_list_shows_registry_sources():
    result = run_command(["scrapy", "list"], cwd=REPO_ROOT)
    assert result.returncode == 0
    assert "bmjleader" in result.stdout.split()


def test_parse_heading_prints_fields_as_json(tmp_path):
    result = run_command(
        ["blogarchive", "parse-heading", "Pharmacy Leadership in Medicines Equity. By Anisha Soni"],
        cwd=tmp_path,
    )
    assert result.returncode == 0
    fields = json.loads(result.stdout)
    assert fields["title"] == "Pharmacy Leadership in Medicines Equity"
    assert fields["authors"] == ["Anisha Soni"]


def test_an_archive_that_is_not_sqlite_is_refused_untouched(tmp_path):
    notes = tmp_path / "notes.sqlite"
    notes.write_text("my research notes, not a database\n")

    sources = write_sources(tmp_path / "dead.toml", "http://127.0.0.1:9/blog/")
    result = run_command(
        ["blogarchive", "crawl", "bmjleader", "--sources", str(sources), "--db", str(notes)],
        cwd=tmp_path,
    )

    assert result.returncode == 2
    assert result.stderr.startswith("blogarchive: ") and "notes.sqlite" in result.stderr
    assert "Traceback" not in result.stderr
    assert notes.read_text() == "my research notes, not a database\n"
