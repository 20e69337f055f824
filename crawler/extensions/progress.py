"""Show how each source's crawl is going, on stderr.

On a terminal, a live block with one line per source (spider name), redrawn in
place with ANSI cursor codes at most every ``PROGRESS_INTERVAL`` seconds. When
stderr is not a terminal (cron, pipes), plain lines at most every
``PROGRESS_LOG_INTERVAL`` seconds per source, and one final line per source:

    [progress] bmjleader: 12 pages, 118 entries, 3 new, 0 errors (finished)

``blogarchive crawl`` runs one crawler per source in one process: their
``Progress`` extensions share one ``ProgressBoard`` per stream, so the lines do
not fight. Progress is only a display: a broken stream stops it, never the crawl.
"""

from __future__ import annotations

import logging
import math
import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TextIO

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.statscollectors import StatsCollector
from scrapy.utils.asyncio import create_looping_call

from crawler import runstats

logger = logging.getLogger(__name__)

CURSOR_UP = "\x1b[{}A"  # move up n lines (then "\r" for column 0)
CLEAR_LINE = "\x1b[2K"
CLEAR_DOWN = "\x1b[J"  # clear from the cursor to the end of the screen
PLAIN_PREFIX = "[progress] "  # the CLI's own summary lines start with "<source>:"
# A looping call may fire a hair early; a redraw this close to the interval still counts.
THROTTLE_SLACK = 0.9


class LoopingCallLike(Protocol):
    running: bool

    def start(self, interval: float, now: bool = True) -> Any: ...

    def stop(self) -> Any: ...


LoopFactory = Callable[[Callable[[], None]], LoopingCallLike]
Clock = Callable[[], float]


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def progress_line(name: str, stats: Mapping[str, Any]) -> str:
    """``bmjleader: 12 pages, 118 entries, 3 new, 0 errors`` from a crawl's stats."""
    # A page answered 304 (not modified) was still read, cheaply.
    pages = stats.get(runstats.LISTING_PAGES, 0) + stats.get(runstats.NOT_MODIFIED, 0)
    return ", ".join(
        (
            f"{name}: {_plural(pages, 'page', 'pages')}",
            _plural(stats.get(runstats.ENTRIES, 0), "entry", "entries"),
            f"{stats.get(runstats.POSTS_NEW, 0)} new",
            _plural(runstats.error_count(stats), "error", "errors"),
        )
    )


def is_terminal(stream: TextIO) -> bool:
    """True when ``stream`` is an interactive terminal that understands cursor codes."""
    try:
        return bool(stream.isatty()) and os.environ.get("TERM") != "dumb"
    except (AttributeError, OSError, ValueError):
        return False


@dataclass
class _Source:
    read: Callable[[], Mapping[str, Any]]  # the crawl's live stats
    next_line_at: float  # plain mode: when this source may print again
    final: str | None = None  # set when the spider closed


class _EraseBeforeLog(logging.Filter):
    """Clears the live block before a log record is written to the same terminal."""

    def __init__(self, board: ProgressBoard) -> None:
        super().__init__()
        self.board = board

    def filter(self, record: logging.LogRecord) -> bool:
        self.board.erase()
        return True


class ProgressBoard:
    """The progress lines of every source writing to one stream."""

    def __init__(
        self,
        stream: TextIO,
        *,
        is_tty: bool,
        interval: float,
        log_interval: float,
        clock: Clock = time.monotonic,
        loop_factory: LoopFactory = create_looping_call,
    ) -> None:
        self.stream = stream
        self.is_tty = is_tty
        self.interval = interval
        self.log_interval = log_interval
        self.clock = clock
        self.loop_factory = loop_factory
        self.sources: dict[str, _Source] = {}  # in order of opening = order of lines
        self.broken = False
        self.stopped = False  # after the final frame, or broken
        self._loop: LoopingCallLike | None = None
        self._log_filter: _EraseBeforeLog | None = None
        self._drawn = 0  # lines of the block now on screen, ending just above the cursor
        self._frame: list[str] = []
        self._drawn_at = -math.inf

    @property
    def done(self) -> bool:
        return all(source.final is not None for source in self.sources.values())

    def add(self, name: str, read: Callable[[], Mapping[str, Any]]) -> str:
        """Show a source; returns its key (the name, made unique)."""
        key, n = name, 1
        while key in self.sources:
            n += 1
            key = f"{name}#{n}"
        self.sources[key] = _Source(read, next_line_at=self.clock() + self.log_interval)
        if not self.stopped:
            self._start()
        return key

    def close(self, key: str, reason: str) -> None:
        """Freeze a source's line; print its final line; finish when it was the last."""
        source = self.sources.get(key)
        if source is None or source.final is not None:
            return
        source.final = f"{progress_line(key, source.read())} ({reason})"
        if not self.is_tty:
            self._write(PLAIN_PREFIX + source.final + "\n")
        if self.done:
            if self.is_tty:
                self._draw(self._lines())  # the final frame: the cursor ends below it
            self._release()

    def tick(self) -> None:
        """Called every interval: redraw the block, or print the plain lines that are due."""
        try:
            if self.stopped:
                return
            if self.is_tty:
                if self.clock() - self._drawn_at >= self.interval * THROTTLE_SLACK:
                    self._draw(self._lines())
            else:
                self._print_due_lines()
        except Exception:  # a display must never break the crawl
            self._break()  # first: the debug log below must not reach erase()
            logger.debug("progress display failed", exc_info=True)

    def erase(self) -> None:
        """Remove the block from the screen (a log line goes there; the next tick redraws below)."""
        if self._drawn and not self.stopped:
            self._write(CURSOR_UP.format(self._drawn) + "\r" + CLEAR_DOWN)
            self._drawn, self._frame = 0, []

    def _lines(self) -> list[str]:
        return [
            source.final or progress_line(key, source.read())
            for key, source in self.sources.items()
        ]

    def _print_due_lines(self) -> None:
        if self.log_interval <= 0:
            return
        now = self.clock()
        for key, source in self.sources.items():
            if source.final is None and now >= source.next_line_at:
                self._write(PLAIN_PREFIX + progress_line(key, source.read()) + "\n")
                source.next_line_at = now + self.log_interval

    def _draw(self, lines: list[str]) -> None:
        if lines == self._frame and self._drawn:
            return  # nothing changed: no flicker
        width = self._width()
        parts = [CURSOR_UP.format(self._drawn) + "\r"] if self._drawn else []
        parts += [CLEAR_LINE + (line[:width] if width else line) + "\n" for line in lines]
        if len(lines) < self._drawn:
            parts.append(CLEAR_DOWN)
        self._write("".join(parts))
        if not self.broken:
            self._drawn, self._frame, self._drawn_at = len(lines), lines, self.clock()

    def _width(self) -> int | None:
        """Columns a line may use without wrapping (a wrapped line would break cursor-up)."""
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            return None
        return columns - 1 if columns > 1 else None  # 0: size unknown (a bare pty)

    def _write(self, text: str) -> None:
        if self.broken:
            return
        try:
            self.stream.write(text)
            self.stream.flush()
        except Exception:  # closed pipe, closed file, anything: stop displaying
            self._break()  # first: the debug log below must not write here again
            logger.debug("progress stream failed; no more progress", exc_info=True)

    def _start(self) -> None:
        if self.is_tty and self._log_filter is None:
            self._log_filter = _EraseBeforeLog(self)
            for handler in self._handlers_on_stream():
                handler.addFilter(self._log_filter)
        if self._loop is None and (self.is_tty or self.log_interval > 0):
            self._loop = self.loop_factory(self.tick)
            self._loop.start(self.interval, now=False)

    def _handlers_on_stream(self) -> list[logging.Handler]:
        return [
            handler
            for handler in logging.getLogger().handlers
            if getattr(handler, "stream", None) is self.stream
        ]

    def _break(self) -> None:
        self.broken = True
        self._release()

    def _release(self) -> None:
        """Stop ticking and let go of the log handlers and the stream."""
        self.stopped = True
        if self._loop is not None and self._loop.running:
            self._loop.stop()
        self._loop = None
        if self._log_filter is not None:
            for handler in logging.getLogger().handlers:
                handler.removeFilter(self._log_filter)
            self._log_filter = None
        self._drawn = 0
        if _BOARDS.get(id(self.stream)) is self:
            del _BOARDS[id(self.stream)]


# One board per stream in this process: every crawler's Progress draws on it.
_BOARDS: dict[int, ProgressBoard] = {}


def board_for(stream: TextIO, **options: Any) -> ProgressBoard:
    """The process's board on ``stream``, made with ``options`` by the first caller."""
    board = _BOARDS.get(id(stream))
    if board is None or board.stopped:
        board = _BOARDS[id(stream)] = ProgressBoard(stream, **options)
    return board


class Progress:
    """Scrapy extension: puts one crawler's source on the process's progress board."""

    def __init__(
        self,
        stats: StatsCollector,
        stream: TextIO,
        interval: float = 1.0,
        is_tty: bool = False,
        log_interval: float = 30.0,
        *,
        clock: Clock = time.monotonic,
        loop_factory: LoopFactory = create_looping_call,
    ) -> None:
        self.stats = stats
        self.stream = stream
        self.options = {
            "is_tty": is_tty,
            "interval": interval,
            "log_interval": log_interval,
            "clock": clock,
            "loop_factory": loop_factory,
        }
        self.board: ProgressBoard | None = None
        self.key: str | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        settings = crawler.settings
        interval = settings.getfloat("PROGRESS_INTERVAL", 1.0)
        if not settings.getbool("PROGRESS_ENABLED", True) or interval <= 0:
            raise NotConfigured
        stream = sys.stderr
        progress = cls(
            crawler.stats,
            stream,
            interval=interval,
            is_tty=is_terminal(stream),
            log_interval=settings.getfloat("PROGRESS_LOG_INTERVAL", 30.0),
        )
        crawler.signals.connect(progress.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(progress.spider_closed, signal=signals.spider_closed)
        return progress

    def spider_opened(self, spider: Spider) -> None:
        try:
            self.board = board_for(self.stream, **self.options)
            self.key = self.board.add(spider.name, self.stats.get_stats)
        except Exception:  # a display must never break the crawl
            logger.debug("progress display failed to start", exc_info=True)
            self.board = None

    def spider_closed(self, spider: Spider, reason: str) -> None:
        if self.board is None or self.key is None:
            return
        try:
            self.board.close(self.key, reason)
        except Exception:
            logger.debug("progress display failed to finish", exc_info=True)
