"""The progress display: live lines on a terminal, plain lines elsewhere, never a crash."""

from __future__ import annotations

import io
import logging
from types import SimpleNamespace

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.settings import Settings
from scrapy.statscollectors import StatsCollector

from crawler import runstats
from crawler.extensions import progress
from crawler.extensions.progress import (
    CLEAR_DOWN,
    CLEAR_LINE,
    PLAIN_PREFIX,
    Progress,
    ProgressBoard,
    progress_line,
)

UP2 = "\x1b[2A\r"


class TtyStream(io.StringIO):
    def isatty(self) -> bool:
        return True


class BrokenStream(io.StringIO):
    def write(self, text: str) -> int:
        raise BrokenPipeError("stderr went away")


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class FakeLoop:
    """Stands in for a LoopingCall: the test ticks it by hand."""

    made: list[FakeLoop] = []

    def __init__(self, func) -> None:
        self.func, self.running, self.interval = func, False, None
        FakeLoop.made.append(self)

    def start(self, interval: float, now: bool = True) -> None:
        self.running, self.interval = True, interval

    def stop(self) -> None:
        self.running = False


@pytest.fixture(autouse=True)
def fresh_registry():
    progress._BOARDS.clear()
    FakeLoop.made.clear()
    yield
    progress._BOARDS.clear()


def stats(pages=0, entries=0, new=0, **errors) -> dict:
    values = {
        runstats.LISTING_PAGES: pages,
        runstats.ENTRIES: entries,
        runstats.POSTS_NEW: new,
        runstats.POSTS_UNCHANGED: 99,  # not shown
    }
    values.update({runstats.ERRORS + kind: n for kind, n in errors.items()})
    return values


def board(stream, clock, *, tty: bool, interval=1.0, log_interval=30.0) -> ProgressBoard:
    return ProgressBoard(
        stream,
        is_tty=tty,
        interval=interval,
        log_interval=log_interval,
        clock=clock,
        loop_factory=FakeLoop,
    )


def test_line_counts_pages_entries_new_and_all_errors():
    line = progress_line("bmjleader", stats(12, 118, 3, parse=1, item=2))
    assert line == "bmjleader: 12 pages, 118 entries, 3 new, 3 errors"
    assert progress_line("x", stats(1, 1, 0, parse=1)) == "x: 1 page, 1 entry, 0 new, 1 error"
    assert progress_line("x", {}) == "x: 0 pages, 0 entries, 0 new, 0 errors"


# --- not a terminal: plain lines ------------------------------------------


def test_plain_lines_every_log_interval_per_source_then_a_final_line():
    out, clock, live = io.StringIO(), FakeClock(), stats()
    b = board(out, clock, tty=False)
    key = b.add("bmjleader", lambda: live)
    b.tick()
    assert out.getvalue() == ""  # nothing to say at the start

    live.update(stats(12, 118, 3))
    clock.now += 29.5
    b.tick()
    assert out.getvalue() == ""  # throttled
    clock.now += 0.5
    b.tick()
    clock.now += 10
    b.tick()
    assert out.getvalue() == "[progress] bmjleader: 12 pages, 118 entries, 3 new, 0 errors\n"

    b.close(key, "finished")
    assert out.getvalue().splitlines()[-1] == (
        "[progress] bmjleader: 12 pages, 118 entries, 3 new, 0 errors (finished)"
    )
    assert "\x1b" not in out.getvalue()


def test_plain_lines_of_several_sources_keep_their_own_pace():
    out, clock = io.StringIO(), FakeClock()
    b = board(out, clock, tty=False, log_interval=30)
    b.add("a", lambda: stats(1))
    clock.now += 20
    b.add("b", lambda: stats(2))
    clock.now += 10
    b.tick()
    assert out.getvalue().splitlines() == [PLAIN_PREFIX + "a: 1 page, 0 entries, 0 new, 0 errors"]
    clock.now += 20
    b.tick()
    assert out.getvalue().splitlines()[1:] == [
        PLAIN_PREFIX + "b: 2 pages, 0 entries, 0 new, 0 errors"
    ]


def test_log_interval_zero_prints_only_final_lines_and_needs_no_loop():
    out, clock = io.StringIO(), FakeClock()
    b = board(out, clock, tty=False, log_interval=0)
    key = b.add("a", lambda: stats(5))
    clock.now += 1000
    b.tick()
    assert out.getvalue() == "" and FakeLoop.made == []
    b.close(key, "shutdown")
    assert out.getvalue() == PLAIN_PREFIX + "a: 5 pages, 0 entries, 0 new, 0 errors (shutdown)\n"


# --- a terminal: one line per source, redrawn in place ----------------------


def test_terminal_lines_are_redrawn_in_place():
    out, clock, live = TtyStream(), FakeClock(), stats(1, 10)
    b = board(out, clock, tty=True)
    b.add("bmjleader", lambda: live)
    b.add("bmjleader-feed", lambda: stats(2, 20, 1))
    b.tick()
    first = (
        CLEAR_LINE + "bmjleader: 1 page, 10 entries, 0 new, 0 errors\n"
        + CLEAR_LINE + "bmjleader-feed: 2 pages, 20 entries, 1 new, 0 errors\n"
    )  # fmt: skip
    assert out.getvalue() == first  # no cursor-up before the first frame

    live.update(stats(2, 25, 1, http=1))
    clock.now += 1
    b.tick()
    assert out.getvalue() == first + (
        UP2
        + CLEAR_LINE + "bmjleader: 2 pages, 25 entries, 1 new, 1 error\n"
        + CLEAR_LINE + "bmjleader-feed: 2 pages, 20 entries, 1 new, 0 errors\n"
    )  # fmt: skip


def test_terminal_redraws_are_throttled_and_skipped_when_nothing_changed():
    out, clock, live = TtyStream(), FakeClock(), stats(1)
    b = board(out, clock, tty=True, interval=1.0)
    b.add("a", lambda: live)
    b.tick()
    written = len(out.getvalue())

    live.update(stats(2))
    clock.now += 0.5
    b.tick()
    assert len(out.getvalue()) == written  # too soon
    clock.now += 0.5
    b.tick()
    assert "a: 2 pages" in out.getvalue()[written:]

    written = len(out.getvalue())
    clock.now += 5
    b.tick()
    assert len(out.getvalue()) == written  # same frame: no flicker


def test_a_source_opened_later_adds_a_line_below():
    out, clock = TtyStream(), FakeClock()
    b = board(out, clock, tty=True)
    b.add("a", lambda: stats(1))
    b.tick()
    b.add("b", lambda: stats(2))
    clock.now += 1
    b.tick()
    redraw = out.getvalue().split("\n", 1)[1]
    assert redraw.startswith("\x1b[1A\r" + CLEAR_LINE + "a: 1 page")
    assert redraw.endswith(CLEAR_LINE + "b: 2 pages, 0 entries, 0 new, 0 errors\n")


def test_final_frame_keeps_every_line_and_leaves_the_cursor_below():
    out, clock = TtyStream(), FakeClock()
    b = board(out, clock, tty=True)
    a = b.add("a", lambda: stats(3))
    c = b.add("c", lambda: stats(4))
    b.tick()
    b.close(a, "finished")
    assert out.getvalue().count("\n") == 2  # a closed source waits for the next frame
    clock.now += 0.1
    b.close(c, "finished")  # the last one: drawn at once, throttle or not

    final = out.getvalue().rsplit(UP2, 1)[1]
    assert final == (
        CLEAR_LINE + "a: 3 pages, 0 entries, 0 new, 0 errors (finished)\n"
        + CLEAR_LINE + "c: 4 pages, 0 entries, 0 new, 0 errors (finished)\n"
    )  # fmt: skip
    assert not FakeLoop.made[0].running and progress._BOARDS == {}
    written = len(out.getvalue())
    clock.now += 10
    b.tick()
    assert len(out.getvalue()) == written  # the CLI's summary may print now


def test_a_log_line_erases_the_block_and_the_next_frame_is_drawn_below_it():
    out, clock = TtyStream(), FakeClock()
    handler = logging.StreamHandler(out)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        b = board(out, clock, tty=True)
        key = b.add("a", lambda: stats(1))
        b.add("b", lambda: stats(2))
        b.tick()
        logging.getLogger("crawler.test").warning("Page failed: x")
        after_log = out.getvalue().split("\n", 2)[2]
        assert after_log == UP2 + CLEAR_DOWN + "Page failed: x\n"

        clock.now += 1
        b.tick()
        assert out.getvalue().endswith(
            "Page failed: x\n" + CLEAR_LINE + "a: 1 page, 0 entries, 0 new, 0 errors\n"
            + CLEAR_LINE + "b: 2 pages, 0 entries, 0 new, 0 errors\n"
        )  # fmt: skip
        b.close(key, "finished")
        b.close("b", "finished")
        assert handler.filters == []  # let go of the log handler
    finally:
        root.removeHandler(handler)


def test_lines_are_cut_to_the_terminal_width(monkeypatch):
    out, clock = TtyStream(), FakeClock()
    monkeypatch.setattr(ProgressBoard, "_width", lambda self: 12)
    b = board(out, clock, tty=True)
    b.add("a-very-long-source-name", lambda: stats())
    b.tick()
    assert out.getvalue() == CLEAR_LINE + "a-very-long-"[:12] + "\n"


# --- a broken stream stops the display, never the crawl -----------------------


@pytest.mark.parametrize("tty", [True, False])
def test_a_stream_that_fails_stops_the_display_quietly(tty):
    out, clock = BrokenStream(), FakeClock()
    b = board(out, clock, tty=tty, log_interval=1)
    key = b.add("a", lambda: stats(1))
    clock.now += 5
    b.tick()  # must not raise
    assert b.broken and not FakeLoop.made[0].running
    b.tick()
    b.close(key, "finished")  # must not raise either


def test_a_failing_stats_read_stops_the_display_quietly():
    out, clock = TtyStream(), FakeClock()
    b = board(out, clock, tty=True)

    def boom():
        raise RuntimeError("stats gone")

    b.add("a", boom)
    b.tick()
    assert b.broken and out.getvalue() == ""


# --- the Scrapy extension -----------------------------------------------------


def crawler_with(**settings) -> SimpleNamespace:
    connected = []
    return SimpleNamespace(
        settings=Settings({"PROGRESS_ENABLED": True, **settings}),
        stats=StatsCollector(SimpleNamespace(settings=Settings())),
        signals=SimpleNamespace(connect=lambda handler, signal: connected.append(signal)),
        connected=connected,
    )


def test_disabled_extension_is_not_configured():
    with pytest.raises(NotConfigured):
        Progress.from_crawler(crawler_with(PROGRESS_ENABLED=False))
    with pytest.raises(NotConfigured):
        Progress.from_crawler(crawler_with(PROGRESS_INTERVAL=0))


def test_extension_reads_settings_and_writes_to_stderr(monkeypatch):
    tty = TtyStream()
    monkeypatch.setattr("sys.stderr", tty)
    monkeypatch.delenv("TERM", raising=False)
    crawler = crawler_with(PROGRESS_INTERVAL=0.5, PROGRESS_LOG_INTERVAL=10)
    ext = Progress.from_crawler(crawler)
    assert ext.stream is tty and len(crawler.connected) == 2
    assert ext.options["is_tty"] and ext.options["interval"] == 0.5
    assert ext.options["log_interval"] == 10

    monkeypatch.setenv("TERM", "dumb")
    assert not Progress.from_crawler(crawler_with()).options["is_tty"]
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert not Progress.from_crawler(crawler_with()).options["is_tty"]


def test_crawlers_in_one_process_share_one_board():
    out, clock = TtyStream(), FakeClock()
    made = []
    for name, pages in (("bmjleader", 3), ("bmjleader-feed", 5)):
        collector = StatsCollector(SimpleNamespace(settings=Settings()))
        collector.set_value(runstats.LISTING_PAGES, pages)
        ext = Progress(collector, out, 1.0, True, 30.0, clock=clock, loop_factory=FakeLoop)
        ext.spider_opened(SimpleNamespace(name=name))
        made.append(ext)
    assert made[0].board is made[1].board and len(FakeLoop.made) == 1
    FakeLoop.made[0].func()
    assert out.getvalue().count("\n") == 2

    made[0].spider_closed(SimpleNamespace(name="bmjleader"), "finished")
    made[1].spider_closed(SimpleNamespace(name="bmjleader-feed"), "finished")
    assert out.getvalue().endswith(
        CLEAR_LINE + "bmjleader: 3 pages, 0 entries, 0 new, 0 errors (finished)\n"
        + CLEAR_LINE + "bmjleader-feed: 5 pages, 0 entries, 0 new, 0 errors (finished)\n"
    )  # fmt: skip


def test_project_settings_turn_progress_on():
    from crawler import settings

    assert "crawler.extensions.progress.Progress" in settings.EXTENSIONS
    assert settings.PROGRESS_ENABLED and settings.PROGRESS_INTERVAL == 1.0
    assert settings.PROGRESS_LOG_INTERVAL == 30.0
