"""Run one object's methods in a child process, in call order, without waiting for them.

A crawl spends its single core on Scrapy's own request and item machinery; the
archive's SQLite writes and the WARC file's compression are ordered, write-only
work that can happen beside it. ``BackgroundProcess`` starts a plain child
interpreter (``python -m crawler.background``: no fork of a process with a
running reactor and threads), builds the object there, and forwards each
``call`` to it over a socket pair. Calls are applied one at a time in the order
made, so a batch the parent sends as one transaction is one transaction.

Results and errors come back as ``Outcome`` values, read with ``outcomes()``
(never blocks) or ``close()`` (waits for every call to finish). Only calls that
return something or fail send an answer, so a stream of fire-and-forget calls
costs one pickled message each way at most.

The child ignores SIGINT and SIGTERM: a Ctrl-C reaches the whole process group,
and the parent's orderly shutdown, which closes the child after the last call,
is what keeps every finished batch. If the parent dies, the child finishes the
call in hand, sees the socket close, closes its object and exits.

A child that dies stays dead: every later call raises BackgroundError (the
store's process ends the crawl that way). ``crawler.restarting`` is for pure
work asked of a child (a spider's parsing process): the ask that the child died
on fails, and a new child answers the next ones, up to a limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import itertools
import logging
import os
import signal
import socket
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import TracebackType
from typing import Any

logger = logging.getLogger(__name__)

_CLOSE = "__close__"
_READY = "__ready__"


class BackgroundError(RuntimeError):
    """The child process could not start, or stopped before it was closed."""


class BackgroundGaveUp(BackgroundError):
    """A ``RestartingProcess``'s children kept dying: no new one is started."""


class BackgroundCallError(RuntimeError):
    """An ``ask``ed call raised in the child; the message names the exception."""


@dataclass(frozen=True)
class Ask:
    """The context of an ``ask``: the child always answers it, naming this token."""

    token: int


@dataclass(frozen=True)
class Outcome:
    """What one call in the child came to: a result, or the error it raised."""

    method: str
    result: Any = None
    error: str | None = None  # "ExceptionType: message" when the call raised
    context: Any = None  # what the caller passed along with the call, to name it in messages


class BackgroundProcess:
    """An instance of ``target`` ("package.module:Class") living in a child process.

    ``call(method, *args, context=...)`` sends the call and returns at once;
    ``close()`` waits for all calls, closes the object (its ``close()`` method,
    when it has one) and returns the outcomes not yet read, the object's close
    result last.
    """

    def __init__(self, target: str, *args: Any, **kwargs: Any) -> None:
        self.target = target
        ours, theirs = socket.socketpair()
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "crawler.background", str(theirs.fileno())],
                pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL,
                env=env,
            )
        except OSError as exc:
            ours.close()
            raise BackgroundError(f"cannot start a process for {target}: {exc}") from exc
        finally:
            theirs.close()
        self._conn = Connection(ours.detach())
        self._pending: list[Outcome] = []
        self._closed = False
        self._why_closed = f"{target} is closed"  # what a call after close or death raises
        self._asked: dict[int, asyncio.Future[Any]] = {}
        self._tokens = itertools.count()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._send((target, args, kwargs))

    def call(self, method: str, *args: Any, context: Any = None) -> None:
        """Have the child run ``method(*args)`` after every earlier call."""
        if self._closed:
            raise BackgroundError(self._why_closed)
        self._collect()  # keep the answer side of the socket from filling up
        self._send((method, args, context))

    def ask(self, method: str, *args: Any) -> asyncio.Future[Any]:
        """Like ``call``, but the result (or BackgroundCallError) comes back as a future.

        Needs a running asyncio loop, which watches the socket for the answer.
        """
        if self._closed:
            raise BackgroundError(self._why_closed)
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
            loop.add_reader(self._conn.fileno(), self._on_readable)
        token = next(self._tokens)
        self._send((method, args, Ask(token)))  # raises, leaving no future, if the child died
        self._asked[token] = future = loop.create_future()
        return future

    @property
    def pid(self) -> int:
        return self._process.pid

    def outcomes(self) -> list[Outcome]:
        """The answers that have arrived so far (results, errors), oldest first."""
        self._collect()
        ready, self._pending = self._pending, []
        return ready

    def next_outcome(self) -> Outcome:
        """Wait for the next answer (a result or an error) and return it."""
        if not self._pending:
            self._pending.append(self._receive())
        return self._pending.pop(0)

    def close(self) -> list[Outcome]:
        """Wait for every call, close the object and the child; the unread outcomes."""
        if self._closed:
            return self.outcomes()
        self._closed = True
        try:
            self._send((_CLOSE, (), None))
            while True:
                outcome = self._receive()
                if not self._answer(outcome):
                    self._pending.append(outcome)
                if outcome.method == _CLOSE:
                    break
        finally:
            self._stop_reading()
            self._conn.close()
            status = self._process.wait()
        ready, self._pending = self._pending, []
        closing = ready.pop()
        if status != 0:
            raise BackgroundError(f"the {self.target} process exited with status {status}")
        return [*ready, Outcome("close", closing.result, closing.error)]

    def terminate(self) -> None:
        """Stop the child without waiting for its calls (it finishes the one in hand)."""
        self._closed = True
        self._stop_reading()
        self._conn.close()
        self._process.wait()
        self._fail_asked(BackgroundError(f"{self.target} was stopped"))

    def __enter__(self) -> BackgroundProcess:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc is None:
            self.close()
        else:
            self.terminate()

    def _send(self, message: tuple[Any, ...]) -> None:
        try:
            self._conn.send(message)
        except OSError as exc:
            raise self._died() from exc

    def _receive(self) -> Outcome:
        try:
            return self._conn.recv()
        except (EOFError, OSError) as exc:
            raise self._died() from exc

    def _collect(self) -> None:
        try:
            while not self._conn.closed and self._conn.poll():
                outcome = self._receive()
                if not self._answer(outcome):
                    self._pending.append(outcome)
        except OSError as exc:
            raise self._died() from exc

    def _on_readable(self) -> None:
        with contextlib.suppress(BackgroundError):  # the asks it failed carry it
            self._collect()

    def _answer(self, outcome: Outcome) -> bool:
        """Resolve the future of an ``ask``; False for any other outcome."""
        if not isinstance(outcome.context, Ask):
            return False
        future = self._asked.pop(outcome.context.token, None)
        if future is not None and not future.done():
            if outcome.error is None:
                future.set_result(outcome.result)
            else:
                future.set_exception(BackgroundCallError(outcome.error))
        return True

    def _stop_reading(self) -> None:
        if self._loop is not None and not self._conn.closed:
            self._loop.remove_reader(self._conn.fileno())
        self._loop = None

    def _fail_asked(self, error: BaseException) -> None:
        asked, self._asked = self._asked, {}
        for future in asked.values():
            if not future.done():
                future.set_exception(error)

    def _died(self) -> BackgroundError:
        self._closed = True
        self._stop_reading()
        with contextlib.suppress(EOFError, OSError):  # what it answered before it died
            while self._conn.poll():
                outcome = self._conn.recv()
                if not self._answer(outcome):
                    self._pending.append(outcome)
        status = self._process.wait()
        self._why_closed = f"the {self.target} process stopped unexpectedly (status {status})"
        error = BackgroundError(self._why_closed)
        self._fail_asked(error)
        return error


class InProcess:
    """``BackgroundProcess``'s interface, with the object in this process: calls run at once.

    For debugging and for callers that want no child process (BACKGROUND_PROCESSES off).
    """

    def __init__(self, target: str, *args: Any, **kwargs: Any) -> None:
        self.target = target
        self._instance = _build(target, args, kwargs)
        self._pending: list[Outcome] = []

    def call(self, method: str, *args: Any, context: Any = None) -> None:
        result, error = _call(self._instance, method, args)
        if result is not None or error is not None:
            self._pending.append(Outcome(method, result, error, context))

    def ask(self, method: str, *args: Any) -> asyncio.Future[Any]:
        future = asyncio.get_running_loop().create_future()
        result, error = _call(self._instance, method, args)
        if error is None:
            future.set_result(result)
        else:
            future.set_exception(BackgroundCallError(error))
        return future

    def outcomes(self) -> list[Outcome]:
        ready, self._pending = self._pending, []
        return ready

    def next_outcome(self) -> Outcome:
        if not self._pending:
            raise BackgroundError(f"no call to {self.target} is waiting for an answer")
        return self._pending.pop(0)

    def close(self) -> list[Outcome]:
        result, error = _call(self._instance, "close", ())
        return [*self.outcomes(), Outcome("close", result, error)]


class Functions:
    """A target that runs the (picklable, module-level) functions it is sent: pure parsers."""

    def run(
        self, function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> Any:
        return function(*args, **kwargs)


def _build(target: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)(*args, **kwargs)


def _serve(conn: Connection) -> None:
    """The child's loop: build the object, then run calls until told to close."""
    target, args, kwargs = conn.recv()
    try:
        instance = _build(target, args, kwargs)
    except Exception as exc:  # reported to the parent with the first answer it reads
        conn.send(Outcome(_READY, error=_describe(exc)))
        instance = None
    while True:
        try:
            method, args, context = conn.recv()
        except EOFError:  # the parent is gone: keep what was done, and stop
            method, context = _CLOSE, None
        if method == _CLOSE:
            result, error = _call(instance, "close", ()) if instance is not None else (None, None)
            with contextlib.suppress(OSError):  # the parent may be gone
                conn.send(Outcome(_CLOSE, result, error))
            return
        if instance is None:
            continue  # the construction error was reported; drop the calls
        result, error = _call(instance, method, args)
        if result is not None or error is not None or isinstance(context, Ask):
            conn.send(Outcome(method, result, error, context))


def _call(instance: Any, method: str, args: tuple[Any, ...]) -> tuple[Any, str | None]:
    function = getattr(instance, method, None)
    if function is None:
        return None, None if method == "close" else f"AttributeError: no method {method!r}"
    try:
        return function(*args), None
    except Exception as exc:
        return None, _describe(exc)


def _describe(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()


def main() -> None:
    # The parent decides when to stop; see the module docstring.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    conn = Connection(int(sys.argv[1]))
    try:
        _serve(conn)
    finally:
        conn.close()


if __name__ == "__main__":
    # Run as the importable module, so what it sends unpickles as crawler.background.Outcome.
    from crawler.background import main as module_main

    module_main()
