"""Run health: a listing that suddenly yields no entries, or far fewer bylines, is degraded."""

from __future__ import annotations

import re
import time
from dataclasses import replace

import pytest

from crawler import runstats
from crawler.demo.server import Fault
from crawler.demo.site import build_site, demo_posts
from crawler.extensions.run_ledger import run_status
from crawler.parsing.headings import parse_heading
from crawler.store import Archive
from tests.conftest import run_command
from tests.test_conditional import crawl_args, latest_run, pages_since

# --- judged from a run's stats and its source's earlier ok runs ----------------

HISTORY = [{"entries": 40, "authored": 34}, {"entries": 20, "authored": 16}]  # 85%, 80%


def stats(**counts: int) -> dict[str, int]:
    keys = {
        "pages": runstats.LISTING_PAGES,
        "not_modified": runstats.NOT_MODIFIED,
        "entries": runstats.ENTRIES,
        "authored": runstats.AUTHORED,
        "empty": runstats.EMPTY_PAGES,
        "no_entries": runstats.ERRORS + "no_entries",
        "failed": runstats.FAILED_PAGES,
    }
    return {keys[name]: value for name, value in counts.items()}


def test_a_304_night_is_healthy():
    assert run_status(stats(not_modified=1), "finished", HISTORY) == (
        "ok",
        "1 listing page(s) read, 1 not modified",
    )


def test_a_caught_up_night_with_few_entries_is_healthy():
    # Ten known entries, none with a byline: too few to judge.
    status, _ = run_status(stats(pages=1, entries=10, authored=0), "finished", HISTORY)
    assert status == "ok"


def test_a_listing_without_entries_after_runs_with_entries_is_degraded():
    status, message = run_status(
        stats(no_entries=1, failed=1, empty=1, not_modified=1), "finished", HISTORY
    )
    assert status == "degraded"
    assert message == "no entries parsed on 2 listing pages (markup changed?)"
    assert run_status(stats(no_entries=1, failed=1), "finished", HISTORY)[1] == (
        "no entries parsed on 1 listing page (markup changed?)"
    )


def test_a_new_source_with_an_empty_first_page_still_fails():
    status, message = run_status(stats(no_entries=1, failed=1), "finished", [])
    assert status == "failed" and message.startswith("no listing page could be read")


def test_a_dead_site_still_fails():
    status, _ = run_status(stats(failed=3), "finished", HISTORY)
    assert status == "failed"


def test_a_fall_in_the_share_of_bylines_is_degraded():
    status, message = run_status(stats(pages=3, entries=25, authored=3), "finished", HISTORY)
    assert status == "degraded"
    assert message == "only 12% of entries have authors (was 82%): markup changed?"


def test_half_the_usual_share_is_still_healthy():
    assert run_status(stats(pages=3, entries=20, authored=9), "finished", HISTORY)[0] == "ok"


def test_small_runs_are_not_compared_with():
    # Quiet nights of one page without bylines do not lower the bar.
    history = [{"entries": 10, "authored": 0}] * 4 + [{"entries": 60, "authored": 48}]
    status, message = run_status(stats(pages=3, entries=25, authored=3), "finished", history)
    assert status == "degraded" and "(was 80%)" in message


def test_runs_from_before_authors_were_counted_are_not_compared():
    old = [{"entries": 40, "authored": None}]
    assert run_status(stats(pages=3, entries=25, authored=0), "finished", old)[0] == "ok"


def test_the_share_is_compared_with_the_median_of_the_last_five_ok_runs():
    history = [{"entries": 20, "authored": a} for a in (18, 2, 17, 16, 1, 19)]  # 6th ignored
    # median of 90%, 10%, 85%, 80%, 5% is 80%: 35% is below half of it
    status, message = run_status(stats(pages=3, entries=20, authored=7), "finished", history)
    assert status == "degraded" and "(was 80%)" in message


def test_an_interrupted_run_is_not_judged():
    assert run_status(stats(), "shutdown", HISTORY)[0] == "interrupted"


def test_recent_runs_of_a_source(tmp_path):
    with Archive(tmp_path / "a.sqlite") as archive:
        for i, (source, status, entries) in enumerate(
            [("a", "ok", 5), ("a", "degraded", 5), ("b", "ok", 5), ("a", "ok", 0), ("a", "ok", 7)]
        ):
            run = archive.start_run(spider=source, source=source, started=f"2026-01-0{i + 1}")
            archive.finish_run(run, status=status, entries=entries, authored=1)

        assert [r["entries"] for r in archive.recent_runs("a")] == [7, 0, 5, 5]
        assert [r["entries"] for r in archive.recent_runs("a", status="ok")] == [7, 0, 5]
        ok_with_entries = archive.recent_runs("a", status="ok", min_entries=1, limit=1)
        assert [(r["entries"], r["authored"]) for r in ok_with_entries] == [(7, 1)]
        assert [r["entries"] for r in archive.recent_runs("a", min_entries=6)] == [7]
        with pytest.raises(ValueError):
            archive.recent_runs("a", status="fine")


# --- real crawls against a local copy ------------------------------------------

_POST_LINK = re.compile(r'<a\b[^>]*href="[^"]*/\d{4}/\d{2}/\d{2}/[^"]*"[^>]*>(.*?)</a>', re.S)


def crawl(tmp_path, start_url, *extra):
    return run_command(crawl_args(tmp_path, start_url, *extra), cwd=tmp_path)


def test_a_listing_whose_titles_are_no_longer_links_marks_the_run_degraded(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    assert crawl(tmp_path, site.start_url).returncode == 0
    # The theme changes: entries still show, but no title or image links to the post any more.
    page_one = (server.root / "bmjleader" / "index.html").read_text(encoding="utf-8")
    unlinked = _POST_LINK.sub(r"<span>\1</span>", page_one)
    server.faults["/bmjleader/"] = Fault(status=200, body=unlinked.encode())
    before = len(server.log.entries)

    result = crawl(tmp_path, site.start_url)

    assert result.returncode == 1
    run = latest_run(tmp_path)
    assert run["status"] == "degraded" and run["entries"] == 0
    assert run["message"] == "no entries parsed on 1 listing page (markup changed?)"
    assert "blog: degraded: no entries parsed on 1 listing page (markup changed?)" in result.stderr
    # Page 2 is unchanged: it answers 304, and the walk stops there.
    assert pages_since(server, before) == [("/bmjleader/", 200), ("/bmjleader/page/2/", 304)]


def test_headings_that_lose_their_bylines_mark_the_run_degraded(serve_site, tmp_path):
    server, site = serve_site("bmj-hero")
    assert crawl(tmp_path, site.start_url).returncode == 0
    first = latest_run(tmp_path)
    assert first["authored"] / first["entries"] > 0.6
    time.sleep(1.1)  # Last-Modified has one-second resolution: the rebuild must be later
    unsigned = [replace(p, heading=parse_heading(p.heading).title) for p in demo_posts()]
    build_site(server.root, unsigned, site_url=server.url, theme="bmj-hero")

    quiet = crawl(tmp_path, site.start_url)  # ten changed entries on page 1: too few to judge
    assert quiet.returncode == 0 and latest_run(tmp_path)["entries"] <= 11
    result = crawl(tmp_path, site.start_url, "--full")

    assert result.returncode == 1
    run = latest_run(tmp_path)
    assert run["status"] == "degraded" and run["authored"] == 0
    assert re.fullmatch(
        r"only 0% of entries have authors \(was \d+%\): markup changed\?", run["message"]
    )
