"""The background process that parses pages and writes the archive beside the crawl."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from crawler import runstats
from crawler.background import (
    BackgroundCallError,
    BackgroundError,
    BackgroundGaveUp,
    BackgroundProcess,
    Functions,
    InProcess,
)
from crawler.items import PageEntries, Post
from crawler.parsing.listing import parse_listing
from crawler.parsing.urls import post_permalink_pattern
from crawler.pipelines.store import StorePipeline
from crawler.reparse import Tally
from crawler.restarting import RestartingProcess, Restarts
from crawler.store import Archive

REPO = Path(__file__).resolve().parent.parent
TARGET = "tests.test_background:Journal"


class Journal:
    """A target that appends each call to a file, so order and completeness can be seen."""

    def __init__(self, path: str, fail_on_start: bool = False) -> None:
        if fail_on_start:
            raise OSError(f"cannot open {path}")
        self.path = Path(path)
        self.lines: list[str] = []

    def add(self, line: str) -> None:
        self.lines.append(line)

    def add_slowly(self, line: str, seconds: float) -> None:
        time.sleep(seconds)
        self.lines.append(line)

    def count(self) -> int:
        return len(self.lines)

    def fail(self, why: str) -> None:
        raise ValueError(why)

    def pid(self) -> int:
        return os.getpid()

    def die(self) -> None:
        """What a segfault or the OOM killer does to a parsing process."""
        os.kill(os.getpid(), signal.SIGKILL)

    def close(self) -> str:
        self.path.write_text("\n".join(self.lines), encoding="utf-8")
        return f"{len(self.lines)} lines"


@pytest.fixture(params=[BackgroundProcess, InProcess], ids=["child", "inline"])
def process_class(request):
    return request.param


def test_calls_run_in_order_and_close_returns_the_close_result(tmp_path, process_class):
    journal = tmp_path / "journal.txt"
    worker = process_class(TARGET, str(journal))
    for n in range(200):
        worker.call("add", f"line {n}")
    outcomes = worker.close()
    assert journal.read_text(encoding="utf-8").splitlines() == [f"line {n}" for n in range(200)]
    assert [(o.method, o.result, o.error) for o in outcomes] == [("close", "200 lines", None)]


def test_results_and_errors_come_back_with_their_context(tmp_path, process_class):
    worker = process_class(TARGET, str(tmp_path / "j.txt"))
    worker.call("add", "a")
    worker.call("count", context="first count")
    worker.call("fail", "bad page", context="https://example.org/page/2/")
    worker.call("add", "b")  # a failed call does not stop the ones after it
    worker.call("count", context="second count")
    outcomes = worker.close()
    assert [(o.method, o.result, o.error, o.context) for o in outcomes] == [
        ("count", 1, None, "first count"),
        ("fail", None, "ValueError: bad page", "https://example.org/page/2/"),
        ("count", 2, None, "second count"),
        ("close", "2 lines", None, None),
    ]


def test_outcomes_never_wait_for_the_child(tmp_path):
    worker = BackgroundProcess(TARGET, str(tmp_path / "j.txt"))
    worker.call("add_slowly", "late", 0.5)
    worker.call("count")
    started = time.monotonic()
    assert worker.outcomes() == []  # nothing is ready yet, and asking does not block
    assert time.monotonic() - started < 0.4
    assert [o.result for o in worker.close()] == [1, "1 lines"]


def test_a_target_that_cannot_be_built_is_reported_not_raised(tmp_path):
    worker = BackgroundProcess(TARGET, str(tmp_path / "j.txt"), fail_on_start=True)
    worker.call("add", "dropped")
    outcomes = worker.close()
    assert outcomes[0].error == f"OSError: cannot open {tmp_path / 'j.txt'}"
    assert not (tmp_path / "j.txt").exists()


def test_ask_returns_the_result_and_raises_the_childs_error(process_class):
    html = textwrap.dedent("""\
        <html><body><main>
          <article><h2><a href="https://blog.example/2024/01/02/first-post/">First post
            by Ann Lee</a></h2><p>The teaser of the first post.</p></article>
        </main></body></html>""")
    pattern = post_permalink_pattern("https://blog.example/")

    async def ask_both():
        worker = process_class("crawler.background:Functions")
        try:
            listing = await worker.ask(
                "run", parse_listing, (html, "https://blog.example/", pattern), {}
            )
            with pytest.raises(BackgroundCallError, match="ZeroDivisionError"):
                await worker.ask("run", divmod, (1, 0), {})
            return listing
        finally:
            worker.close()

    listing = asyncio.run(ask_both())
    assert listing == parse_listing(html, "https://blog.example/", pattern)
    assert [e.url for e in listing.entries] == ["https://blog.example/2024/01/02/first-post/"]


def test_a_child_that_dies_fails_the_next_call_and_every_waiting_ask(tmp_path):
    async def scenario():
        worker = BackgroundProcess(TARGET, str(tmp_path / "j.txt"))
        waiting = worker.ask("add_slowly", "never", 5)
        await asyncio.sleep(0.3)
        worker._process.kill()
        with pytest.raises(BackgroundError, match="stopped unexpectedly"):
            await asyncio.wait_for(waiting, timeout=10)
        with pytest.raises(BackgroundError):
            worker.call("add", "after")
            worker.close()

    asyncio.run(scenario())


def _restarting(tmp_path: Path, restarts: Restarts | None = None) -> RestartingProcess:
    return RestartingProcess(TARGET, str(tmp_path / "j.txt"), restarts=restarts)


def test_after_a_sigkill_between_asks_the_next_ask_is_answered_by_a_new_child(tmp_path):
    async def scenario():
        worker = _restarting(tmp_path)
        try:
            await worker.ask("add", "before")
            first = await worker.ask("pid")
            os.kill(first, signal.SIGKILL)
            worker._process._process.wait(timeout=20)  # dead before the next ask is sent
            second = await worker.ask("pid")
            await worker.ask("add", "after")
            return first, second, await worker.ask("count"), worker.close()
        finally:
            worker.close()

    first, second, count, outcomes = asyncio.run(scenario())
    assert second != first
    assert count == 1  # a new object: what the dead child held is gone
    assert [(o.method, o.result) for o in outcomes] == [("close", "1 lines")]


def test_the_ask_a_child_dies_on_fails_and_the_asks_queued_behind_it_are_answered(tmp_path):
    async def scenario():
        worker = _restarting(tmp_path)
        try:
            first = await worker.ask("pid")
            asks = [
                worker.ask("die"),
                worker.ask("add", "queued"),
                worker.ask("fail", "a parse error"),  # an error of the call: the child lives
                worker.ask("count"),
                worker.ask("pid"),
            ]
            answers = await asyncio.gather(*asks, return_exceptions=True)
            return first, answers
        finally:
            worker.close()

    first, (died, added, failed, count, pid) = asyncio.run(scenario())
    assert isinstance(died, BackgroundError) and not isinstance(died, BackgroundGaveUp)
    assert "stopped unexpectedly (status -9)" in str(died)
    assert added is None
    assert isinstance(failed, BackgroundCallError) and "a parse error" in str(failed)
    assert count == 1
    assert pid != first


def test_children_that_keep_dying_are_given_up_after_three_in_a_row(tmp_path):
    async def scenario():
        worker = _restarting(tmp_path, Restarts(in_a_row=3, in_all=None))
        errors = []
        try:
            for method in ["die", "die", "count", "die", "die", "die", "count"]:
                try:
                    await worker.ask(method)
                    errors.append(None)
                except BackgroundError as exc:
                    errors.append(exc)
            return errors, worker.pid
        finally:
            worker.close()

    errors, pid = asyncio.run(scenario())
    assert [type(e).__name__ for e in errors] == [
        "BackgroundError",
        "BackgroundError",
        "NoneType",  # an answer: the two deaths before it were not in a row with the next ones
        "BackgroundError",
        "BackgroundError",
        "BackgroundGaveUp",
        "BackgroundGaveUp",
    ]
    assert str(errors[5]) == (
        f"the {TARGET} process stopped unexpectedly (status -9), 3 times in a row: "
        "not started again"
    )
    assert str(errors[6]) == str(errors[5])
    assert pid is None


def test_children_that_die_now_and_then_are_given_up_at_the_limit_in_all(tmp_path):
    async def scenario():
        worker = _restarting(tmp_path, Restarts(in_a_row=3, in_all=3))
        answers = []
        try:
            for method in ["die", "count", "die", "count", "die", "count"]:
                try:
                    answers.append(await worker.ask(method))
                except BackgroundError as exc:
                    answers.append(exc)
            return answers
        finally:
            worker.close()

    answers = asyncio.run(scenario())
    assert [type(a).__name__ for a in answers] == [
        *("BackgroundError", "int") * 2,
        *("BackgroundGaveUp", "BackgroundGaveUp"),
    ]
    assert str(answers[4]).endswith("(status -9), 3 times in all: not started again")


def test_the_child_keeps_finished_work_when_the_parent_is_killed(tmp_path):
    journal = tmp_path / "journal.txt"
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""\
                import os, signal, time
                from crawler.background import BackgroundProcess
                worker = BackgroundProcess({TARGET!r}, {str(journal)!r})
                for n in range(50):
                    worker.call("add", f"line {{n}}")
                worker.call("add_slowly", "the call in hand", 0.5)
                time.sleep(0.2)
                os.kill(os.getpid(), signal.SIGKILL)
                """),
        ],
        cwd=REPO,
    )
    parent.wait(timeout=30)
    deadline = time.monotonic() + 20
    while not journal.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    lines = journal.read_text(encoding="utf-8").splitlines()
    assert lines == [*(f"line {n}" for n in range(50)), "the call in hand"]


def test_ctrl_c_to_the_process_group_leaves_the_child_to_the_parent(tmp_path):
    journal = tmp_path / "journal.txt"
    worker = BackgroundProcess(TARGET, str(journal))
    worker.call("add", "before")
    worker.call("count")  # answered only once the child is up and running calls
    deadline = time.monotonic() + 20
    while not worker.outcomes() and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(worker._process.pid, signal.SIGINT)
    os.kill(worker._process.pid, signal.SIGTERM)
    worker.call("add", "after")
    assert [o.result for o in worker.close()] == ["2 lines"]
    assert journal.read_text(encoding="utf-8").splitlines() == ["before", "after"]


def test_functions_runs_what_it_is_sent():
    assert Functions().run(divmod, (7, 2), {}) == (3, 1)


def _open_store(tmp_path: Path, background: bool = True) -> tuple[Path, Tally, StorePipeline]:
    """An archive with source "blog" registered, and an open store pipeline on it."""
    db = tmp_path / "archive.sqlite"
    with Archive(db) as archive:
        archive.register_source("blog", "wordpress", "https://blog.example/")
    stats = Tally()
    store = StorePipeline(str(db), stats, background=background)
    store.open_spider()
    return db, stats, store


def _post(url: str, source: str = "blog") -> Post:
    return Post(url=url, source=source, heading=f"A post at {url}")


def _page(page_url: str, *posts: Post) -> PageEntries:
    return PageEntries(page_url, list(posts))


@pytest.mark.parametrize("background", [True, False], ids=["child", "inline"])
def test_the_store_pipeline_saves_pages_in_order_and_counts_them(tmp_path, background):
    db, stats, store = _open_store(tmp_path, background=background)
    for page in range(1, 4):
        posts = [_post(f"https://blog.example/2024/01/0{page}/post-{n}/") for n in range(5)]
        store.process_item(_page(f"https://blog.example/page/{page}/", *posts))
    store.process_item(_page("again", _post("https://blog.example/2024/01/01/post-0/")))
    store.close_spider()
    assert stats[runstats.POSTS_NEW] == 15
    assert stats[runstats.POSTS_UNCHANGED] == 1
    with Archive(db, read_only=True) as archive:
        assert archive.count_posts("blog") == 15


@pytest.mark.parametrize("background", [True, False], ids=["child", "inline"])
def test_a_page_the_store_refuses_is_logged_with_its_url_and_the_rest_are_kept(
    tmp_path, caplog, background
):
    db, stats, store = _open_store(tmp_path, background=background)
    store.process_item(_page("https://blog.example/", _post("https://blog.example/2024/01/01/a/")))
    elsewhere = _post("https://elsewhere.example/x/", "unregistered")
    store.process_item(_page("https://elsewhere.example/", elsewhere))
    second = _post("https://blog.example/2024/01/01/b/")
    store.process_item(_page("https://blog.example/page/2/", second))
    store.close_spider()
    assert runstats.errors_by_kind(stats) == {"store": 1}
    assert "Could not save posts from https://elsewhere.example/" in caplog.text
    assert "unknown source unregistered" in caplog.text
    with Archive(db, read_only=True) as archive:
        assert archive.count_posts() == 2


def test_the_store_pipeline_counts_stored_posts_whose_heading_gave_authors(tmp_path):
    db, stats, store = _open_store(tmp_path)
    by_heading = _post("https://blog.example/2024/01/01/a/")
    by_heading.authors, by_heading.author_source = ["Ann Lee"], "heading"
    by_page = _post("https://blog.example/2024/01/01/b/")
    by_page.authors, by_page.author_source = ["Bo Chen"], "page"
    unsigned = _post("https://blog.example/2024/01/01/c/")
    store.process_item(_page("https://blog.example/", by_heading, by_page, unsigned))
    store.close_spider()
    assert stats[runstats.AUTHORED] == 1


def test_a_store_process_that_dies_is_one_error_and_the_pages_saved_before_are_kept(
    tmp_path, caplog
):
    db, stats, store = _open_store(tmp_path)
    store.process_item(_page("https://blog.example/", _post("https://blog.example/2024/01/01/a/")))
    deadline = time.monotonic() + 20
    while not stats.get(runstats.POSTS_NEW) and time.monotonic() < deadline:
        store.collect()  # the first page's answer, once it is saved
        time.sleep(0.05)
    store.writer._process.kill()
    store.writer._process.wait()
    for page in range(3, 6):
        store.process_item(_page(f"page {page}", _post(f"https://blog.example/2024/01/0{page}/c/")))
    store.close_spider()
    assert runstats.errors_by_kind(stats) == {"store": 1}
    assert "stopped unexpectedly" in caplog.text
    with Archive(db, read_only=True) as archive:
        assert archive.get_post("https://blog.example/2024/01/01/a/") is not None
