"""A background process started again when it dies: for pure work asked of a child.

``BackgroundProcess`` keeps a dead child dead (the store's process ends the crawl
that way). A spider's parsing process, or a reparse worker, only parses: the
input it died on fails, and a new child takes the rest (``RestartingProcess``),
up to a limit (``Restarts``).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from dataclasses import dataclass
from typing import Any

from crawler.background import BackgroundError, BackgroundGaveUp, BackgroundProcess, Outcome

logger = logging.getLogger(__name__)


class Restarts:
    """Counts the children of one worker that died, and says when to start no more.

    One bad input kills one child; ``in_a_row`` deaths with no answer between
    them, or ``in_all`` (None: no such limit), say the fault is not the input's.
    """

    def __init__(self, in_a_row: int = 3, in_all: int | None = 10) -> None:
        self.in_a_row = in_a_row
        self.in_all = in_all
        self.row = 0
        self.total = 0

    def answered(self) -> None:
        """A child answered: the deaths before it were not in a row."""
        self.row = 0

    def died(self, error: BackgroundError) -> None:
        """Count a death; BackgroundGaveUp, naming it, when no new child should start."""
        self.row += 1
        self.total += 1
        if self.row >= self.in_a_row:
            raise BackgroundGaveUp(f"{error}, {self.row} times in a row: not started again")
        if self.in_all is not None and self.total >= self.in_all:
            raise BackgroundGaveUp(f"{error}, {self.total} times in all: not started again")


@dataclass(eq=False)
class _Asked:
    """An ask of a RestartingProcess: the caller's future, and the current child's answer."""

    method: str
    args: tuple[Any, ...]
    future: asyncio.Future[Any]
    answer: asyncio.Future[Any] | None = None


class RestartingProcess:
    """``BackgroundProcess.ask`` on pure work (parsers), with a new child when one dies.

    When the child dies (killed, out of memory, a crash in a C extension), the
    ask it had in hand, the oldest unanswered, fails with BackgroundError: that
    input killed it. A new child is started with the same target and arguments,
    and the asks queued behind that one are sent to it again, in order. After
    ``restarts`` says stop, every unanswered and later ask fails with
    BackgroundGaveUp. Asks only: unlike a ``call``, every ask is answered, so
    what a dead child left undone is known.
    """

    def __init__(
        self, target: str, *args: Any, restarts: Restarts | None = None, **kwargs: Any
    ) -> None:
        self.target = target
        self.restarts = restarts or Restarts()
        self._args, self._kwargs = args, kwargs
        self._process: BackgroundProcess | None = BackgroundProcess(target, *args, **kwargs)
        self._asked: list[_Asked] = []  # sent to the current child, unanswered, oldest first
        self._gave_up = ""
        self._closed = False

    @property
    def pid(self) -> int | None:
        """The current child's process id (None once given up or closed)."""
        return self._process.pid if self._process is not None else None

    def ask(self, method: str, *args: Any) -> asyncio.Future[Any]:
        """As ``BackgroundProcess.ask``; a child's death fails only the ask it had in hand."""
        if self._closed:
            raise BackgroundError(f"{self.target} is closed")
        asked = _Asked(method, args, asyncio.get_running_loop().create_future())
        self._send(asked)
        return asked.future

    def close(self) -> list[Outcome]:
        """Close the current child after its asks; a child found dead now lost nothing asked."""
        self._closed = True
        process, self._process = self._process, None
        if process is None:
            return []
        try:
            return process.close()
        except BackgroundError as exc:
            logger.warning("%s", exc)
            return []

    def _send(self, asked: _Asked) -> None:
        while not asked.future.done():
            process = self._process
            if process is None:
                asked.future.set_exception(BackgroundGaveUp(self._gave_up))
                return
            try:
                asked.answer = process.ask(asked.method, *asked.args)
            except BackgroundError as exc:  # it died before this ask reached it
                self._died(process, exc)
                continue
            self._asked.append(asked)
            asked.answer.add_done_callback(functools.partial(self._answered, process, asked))
            return

    def _answered(
        self, process: BackgroundProcess, asked: _Asked, answer: asyncio.Future[Any]
    ) -> None:
        if answer is not asked.answer or asked.future.done():
            return  # sent again to a newer child, or already settled
        error = None if answer.cancelled() else answer.exception()
        if isinstance(error, BackgroundError) and process is self._process:
            self._died(process, error)  # settles or re-sends this ask
            return
        if asked in self._asked:
            self._asked.remove(asked)
            if not isinstance(error, BackgroundError):
                self.restarts.answered()
        _settle(asked.future, answer)

    def _died(self, process: BackgroundProcess, error: BackgroundError) -> None:
        if process is not self._process:
            return  # the death of a child already replaced
        unanswered = []
        for asked in self._asked:
            answer = asked.answer
            if answer is not None and answer.done() and not _died_on(answer):
                self.restarts.answered()  # answered before it died, read only now
                _settle(asked.future, answer)
            else:
                unanswered.append(asked)
        self._asked = []
        process.terminate()  # it has exited: release its socket
        # The oldest unanswered ask was in hand; the later ones never started.
        in_hand, queued = unanswered[:1], [a for a in unanswered[1:] if not a.future.done()]
        try:
            self.restarts.died(error)
            self._process = BackgroundProcess(self.target, *self._args, **self._kwargs)
        except BackgroundError as exc:  # given up, or no new process could start
            self._process, self._gave_up = None, str(exc)
            for asked in in_hand + queued:
                if not asked.future.done():
                    asked.future.set_exception(BackgroundGaveUp(self._gave_up))
            return
        logger.warning("%s: a new one is started", error)
        for asked in in_hand:
            if not asked.future.done():
                asked.future.set_exception(BackgroundError(str(error)))
        for asked in queued:
            self._send(asked)


def _died_on(answer: asyncio.Future[Any]) -> bool:
    return not answer.cancelled() and isinstance(answer.exception(), BackgroundError)


def _settle(future: asyncio.Future[Any], answer: asyncio.Future[Any]) -> None:
    """Give ``future`` (unless it is settled) the outcome of ``answer``, which is done."""
    if future.done():
        return
    if answer.cancelled():
        future.cancel()
    elif answer.exception() is not None:
        future.set_exception(answer.exception())
    else:
        future.set_result(answer.result())
