"""Crawls run from cron: incremental walks, one run at a time, interruptions, the ledger."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

from crawler.demo.server import Fault
from crawler.store import Archive, ArchiveError
from tests.conftest import BIN, FAST, run_command, scrapy_crawl


def sources_file(tmp_path: Path, start_url: str) -> Path:
    path = tmp_path / "sources.toml"
    path.write_text(
        f'[[source]]\nname = "blog"\nkind = "wordpress"\nstart_urls = ["{start_url}"]\n',
        encoding="utf-8",
    )
    return path


def crawl_args(tmp_path: Path, start_url: str, *extra: str) -> list[str]:
    # Name the source: with none, every built-in (real) site would be crawled.
    return [
        "blogarchive",
        "crawl",
        "blog",
        "--sources",
        str(sources_file(tmp_path, start_url)),
        "--db",
        "a.sqlite",
        "--exports",
        "out",
        *FAST,
        *extra,
    ]


def start_crawl(tmp_path: Path, start_url: str, *extra: str) -> subprocess.Popen:
    [_, *args] = crawl_args(tmp_path, start_url, *extra)
    return subprocess.Popen(
        [str(BIN / "blogarchive"), *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.05)


def running(tmp_path: Path) -> bool:
    try:
        return any(r["status"] == "running" for r in runs(tmp_path))
    except ArchiveError:  # not created yet
        return False


def runs(tmp_path: Path) -> list[dict]:
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        return archive.latest_runs(limit=50)


def posts(tmp_path: Path) -> set[str]:
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        return {p["url"] for p in archive.export_rows()}


def test_a_quiet_night_costs_the_site_one_listing_page(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    assert run_command(crawl_args(tmp_path, site.start_url), cwd=tmp_path).returncode == 0
    before = len(server.log.entries)

    result = run_command(crawl_args(tmp_path, site.start_url), cwd=tmp_path)

    assert result.returncode == 0
    pages = [p for p in server.log.paths()[before:] if p != "/robots.txt"]
    assert pages == ["/bmjleader/"]


def test_a_second_crawl_on_the_same_archive_exits_3_and_touches_nothing(serve_site, tmp_path):
    server, site = serve_site("cards")
    server.faults["/bmjleader/page/3/"] = Fault(status=200, delay=4, body=b"<html></html>")
    first = start_crawl(tmp_path, site.start_url)
    wait_for(lambda: running(tmp_path))
    runs_before = runs(tmp_path)

    second = run_command(crawl_args(tmp_path, site.start_url), cwd=tmp_path, timeout=30)

    assert second.returncode == 3
    assert "in use by process" in second.stderr and str(first.pid) in second.stderr
    assert runs(tmp_path) == runs_before
    first.wait(timeout=60)
    assert first.returncode in (0, 1)


def test_scrapy_crawl_beside_a_running_crawl_stops_before_touching_the_archive(
    serve_site, tmp_path
):
    server, site = serve_site("cards")
    server.faults["/bmjleader/page/3/"] = Fault(status=200, delay=4, body=b"<html></html>")
    first = start_crawl(tmp_path, site.start_url)
    wait_for(lambda: running(tmp_path))
    runs_before = runs(tmp_path)

    second = scrapy_crawl(site.start_url, tmp_path / "a.sqlite", tmp_path / "other-exports")

    assert second.returncode != 0
    assert f"a.sqlite is in use by process {first.pid}" in second.stderr
    assert runs(tmp_path) == runs_before  # no run of its own, and the first one left alone
    assert not (tmp_path / "other-exports").exists()
    first.wait(timeout=60)
    assert [run["status"] for run in runs(tmp_path)] != ["interrupted"]


def test_ctrl_c_marks_the_run_interrupted_and_exits_130(serve_site, tmp_path):
    server, site = serve_site("cards")
    server.faults["/bmjleader/page/2/"] = Fault(status=200, delay=5, body=b"<html></html>")
    crawl = start_crawl(tmp_path, site.start_url)
    wait_for(lambda: running(tmp_path) and "/bmjleader/" in server.log.paths())

    crawl.send_signal(signal.SIGINT)
    crawl.wait(timeout=60)

    assert crawl.returncode == 130
    [run] = runs(tmp_path)
    assert run["status"] == "interrupted"
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        assert archive.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_after_kill_9_the_next_run_completes_the_archive(serve_site, tmp_path):
    server, site = serve_site("underscores-numbers")
    server.faults["/bmjleader/page/4/"] = Fault(status=200, delay=30, body=b"<html></html>")
    crawl = start_crawl(tmp_path, site.start_url)
    wait_for(lambda: running(tmp_path) and len(posts(tmp_path)) >= 10)
    os.kill(crawl.pid, signal.SIGKILL)
    crawl.wait(timeout=30)
    killed = runs(tmp_path)
    assert [r["status"] for r in killed] == ["running"]
    assert 0 < len(posts(tmp_path)) < len(site.post_urls)
    del server.faults["/bmjleader/page/4/"]

    result = run_command(crawl_args(tmp_path, site.start_url), cwd=tmp_path)

    assert result.returncode == 0, result.stderr[-2000:]
    latest, stale = runs(tmp_path)
    assert stale["status"] == "interrupted" and latest["status"] == "ok"
    assert latest["pages"] == site.listing_pages  # the walk after a bad night is a full one
    assert len(posts(tmp_path)) == len(site.post_urls)
    with Archive(tmp_path / "a.sqlite", read_only=True) as archive:
        assert archive.conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_runs_prints_the_ledger(serve_site, tmp_path):
    _, site = serve_site("block-theme")
    run_command(crawl_args(tmp_path, site.start_url), cwd=tmp_path)

    table = run_command(["blogarchive", "runs", "--db", "a.sqlite"], cwd=tmp_path)

    assert table.returncode == 0
    header, rule, row = table.stdout.splitlines()
    assert header.split()[:4] == ["run", "source", "started", "status"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert row.split()[1] == "blog" and row.split()[3] == "ok"
