"""A static web host on 127.0.0.1 for offline copies of blogs.

Serves a folder the way a simple web host does (``path/`` -> ``index.html``,
``path`` -> 301 to ``path/``, missing -> 404, query strings ignored), logs
every request, and can be told to answer some paths with an error or a delay,
or to redirect them elsewhere, so tests can play network faults and moved pages.
A page a site numbers with a query (``path/?avia-element-paging=2``) is served
from ``path/index.html?avia-element-paging=2`` when that file exists, as
``wget --mirror`` saves it; any other query is ignored.
Used by ``blogarchive demo``, the tests and the benchmarks;
``python -m crawler.demo.server ROOT`` runs it standalone.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html
import os
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit


@dataclass
class Fault:
    """How to answer one path instead of serving the file."""

    status: int = 500
    delay: float = 0.0  # seconds to wait before answering
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)  # more response headers


@dataclass
class RequestLog:
    entries: list[tuple[str, str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, method: str, path: str, status: int) -> None:
        with self.lock:
            self.entries.append((method, path, status))

    def paths(self) -> list[str]:
        with self.lock:
            return [path for _, path, _ in self.entries]


class _Handler(SimpleHTTPRequestHandler):
    # Keep-alive, as real web hosts do: a new connection per request would cost
    # both ends more than serving the page.
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # else headers and body, written apart, wait on delayed ACKs
    faults: dict[str, Fault] = {}
    redirects: dict[str, tuple[int, str]] = {}
    request_log: RequestLog

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        redirect = self.redirects.get(path)
        if redirect is not None:
            status, location = redirect
            self.send_response(status)
            self.send_header("Location", location)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            body = f'<a href="{html.escape(location)}">Moved</a>'.encode()
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        fault = self.faults.get(path)
        if fault is None:
            super().do_GET()
            return
        if fault.delay:
            time.sleep(fault.delay)
        try:
            self.send_response(fault.status)
            self.send_header("Content-Type", fault.content_type)
            self.send_header("Content-Length", str(len(fault.body)))
            for name, value in fault.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(fault.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up waiting, as a timeout test intends

    def translate_path(self, path: str) -> str:
        local = super().translate_path(path)
        query = urlsplit(path).query
        if query and os.path.isdir(local):
            saved = os.path.join(local, f"index.html?{query}")
            if os.path.isfile(saved):
                return saved
        return local

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        # A WordPress feed lives at .../feed/ (stored as feed/index.html here).
        if os.path.basename(os.path.dirname(os.fspath(path))) == "feed":
            return "application/rss+xml; charset=UTF-8"
        if os.path.basename(os.fspath(path)).startswith("index.html?"):
            return "text/html"
        return super().guess_type(path)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        path = getattr(self, "path", "")  # unset when the request line was unreadable
        self.request_log.add(self.command or "", path, int(code) if str(code).isdigit() else 0)

    def log_message(self, format: str, *args: object) -> None:
        pass  # requests are kept in request_log, not printed


class MirrorServer:
    """Serve ``root`` on 127.0.0.1 in a background thread.

    ``faults`` maps URL paths to :class:`Fault` answers, and ``redirects`` maps
    URL paths to ``(status, Location)`` (``(301, "http://127.0.0.1:8123/new/")``),
    answered before any fault or file; both may be changed while the server runs.
    """

    def __init__(self, root: str | Path, *, port: int = 0) -> None:
        self.root = Path(root)
        self.faults: dict[str, Fault] = {}
        self.redirects: dict[str, tuple[int, str]] = {}
        self.log = RequestLog()
        shared = {"faults": self.faults, "redirects": self.redirects, "request_log": self.log}
        handler = type("MirrorHandler", (_Handler,), shared)
        self._server = ThreadingHTTPServer(
            ("127.0.0.1", port), functools.partial(handler, directory=str(self.root))
        )
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> MirrorServer:
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until interrupted."""
        try:
            self._server.serve_forever()
        finally:
            self._server.server_close()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Serve an offline blog copy on 127.0.0.1.")
    parser.add_argument("root", help="folder to serve")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args(argv)
    server = MirrorServer(args.root, port=args.port)
    print(server.url, flush=True)  # the parent process reads the address from here
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
