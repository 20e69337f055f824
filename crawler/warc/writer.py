"""Writing exchanges to a gzipped WARC file with warcio: one file per crawl run."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser
from warcio.warcwriter import WARCWriter

from crawler.warc.records import (
    DECODED,
    EXTRA_PREFIX,
    KIND,
    ORIGINAL_CONTENT_ENCODING,
    ORIGINAL_CONTENT_LENGTH,
    ORIGINAL_TRANSFER_ENCODING,
    REDIRECTED_FROM,
    SOURCE,
    Exchange,
)

WARC_VERSION = "WARC/1.1"
CONFORMS_TO = "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"

_TOKEN = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_EXTRA_NAME = re.compile(r"[A-Za-z0-9_-]+")
_RUN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_LINE_BREAK = re.compile(r"[\r\n\x00]")
# Statuses whose Content-Length does not describe a body in this message.
_NO_BODY_STATUSES = {204, 304}
_CODING_ALIASES = {"x-gzip": "gzip", "x-compress": "compress"}


class _WireHeaders(StatusAndHeaders):
    """HTTP headers written as latin-1, the bytes the server sent.

    warcio percent-encodes non-ASCII header values, which would change them.
    """

    def compute_headers_buffer(self, header_filter: Any = None) -> None:
        text = self.to_str(header_filter)
        try:
            data = text.encode("latin-1")
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        self.headers_buff = data + b"\r\n"


class WarcWriter:
    """Appends exchanges to ``<folder>/<run_name>.warc.gz``, one gzip member per record.

    The file is created (never overwritten: an existing one raises FileExistsError)
    and starts with a warcinfo record. Each ``write`` adds a response record and a
    request record that names it in WARC-Concurrent-To, then flushes, so a crawl
    killed between two writes leaves only complete records. Not thread-safe (Scrapy
    calls it from one thread). Use it as a context manager or call ``close``.
    """

    path: Path

    def __init__(self, folder: str | Path, *, run_name: str, software: str = "blogarchive") -> None:
        if not _RUN_NAME.fullmatch(run_name):
            raise ValueError(f"run name {run_name!r}: use letters, digits, '.', '-' and '_'")
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{run_name}.warc.gz"
        self._file = self.path.open("xb")
        self._warc = WARCWriter(self._file, gzip=True, warc_version=WARC_VERSION)
        info = self._warc.create_warcinfo_record(
            self.path.name,
            {
                "software": software,
                "format": "WARC File Format 1.1",
                "conformsTo": CONFORMS_TO,
                "isPartOf": run_name,
            },
        )
        self._warcinfo_id = info.rec_headers.get_header("WARC-Record-ID")
        self._warc.write_record(info)

    def write(self, exchange: Exchange) -> None:
        """Store one exchange; ValueError (nothing written) if a field cannot go in a WARC."""
        if self._file.closed:
            raise ValueError(f"{self.path}: the WARC writer is closed")
        response = _response_record(self._warc, exchange)
        request = _request_record(self._warc, exchange)
        for record in (response, request):
            record.rec_headers.add_header("WARC-Warcinfo-ID", self._warcinfo_id)
        self._warc.write_request_response_pair(request, response)

    def close(self) -> Path:
        """Close the file and return its path; calling it again does nothing more."""
        self._file.close()
        return self.path

    def __enter__(self) -> WarcWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def warc_date(fetched_at: str) -> str:
    """``fetched_at`` as a WARC-Date: UTC, ``Z``, microseconds only when there are some."""
    try:
        moment = datetime.fromisoformat(fetched_at)
    except (TypeError, ValueError):
        raise ValueError(f"fetched_at {fetched_at!r} is not an ISO 8601 date and time") from None
    if moment.tzinfo is None:
        raise ValueError(f"fetched_at {fetched_at!r} has no UTC offset")
    moment = moment.astimezone(UTC)
    text = moment.strftime("%Y-%m-%dT%H:%M:%S")
    if moment.microsecond:
        text += f".{moment.microsecond:06d}"
    return text + "Z"


def stored_response_headers(exchange: Exchange) -> list[tuple[str, str]]:
    """The HTTP headers written for ``exchange``: the received ones, made true of the body.

    With ``decoded``, Content-Encoding loses the removed codings (the original list goes
    to X-Blogarchive-Original-Content-Encoding). A Transfer-Encoding is renamed to
    X-Blogarchive-Original-Transfer-Encoding, since the body Scrapy gives is de-chunked.
    After either change, or when a Content-Length disagrees with the body, Content-Length
    becomes ``len(body)`` (a different original goes to X-Blogarchive-Original-Content-Length);
    not for HEAD, 1xx, 204 and 304, whose Content-Length never describes the body.
    """
    headers = list(exchange.response_headers)
    rewritten = False
    if exchange.decoded:
        codings = [
            coding.strip()
            for value in _values(headers, "content-encoding")
            for coding in value.split(",")
            if coding.strip()
        ]
        removed = [_coding(c) for c in exchange.decoded]
        kept = codings
        if [_coding(c) for c in codings[-len(removed) :]] == removed:
            kept = codings[: -len(removed)]
        headers = _without(headers, "content-encoding")
        if kept:
            headers.append(("Content-Encoding", ", ".join(kept)))
        headers.append((ORIGINAL_CONTENT_ENCODING, ", ".join([*kept, *exchange.decoded])))
        rewritten = True
    transfer = _values(headers, "transfer-encoding")
    if transfer:
        headers = _without(headers, "transfer-encoding")
        headers.append((ORIGINAL_TRANSFER_ENCODING, ", ".join(transfer)))
        rewritten = True
    if exchange.method.upper() == "HEAD" or exchange.status < 200:
        return headers
    if exchange.status in _NO_BODY_STATUSES:
        return headers
    lengths = _values(headers, "content-length")
    length = str(len(exchange.body))
    if (rewritten or lengths) and lengths != [length]:
        headers = _without(headers, "content-length")
        if lengths:
            headers.append((ORIGINAL_CONTENT_LENGTH, ", ".join(lengths)))
        headers.append(("Content-Length", length))
    return headers


def _response_record(warc: WARCWriter, exchange: Exchange) -> ArcWarcRecord:
    _check_exchange(exchange)
    reason = exchange.reason or _phrase(exchange.status)
    http = _WireHeaders(
        f"{exchange.status} {reason}".rstrip(),
        stored_response_headers(exchange),
        protocol="HTTP/1.1",
    )
    # Standard fields first, so the record reads in the usual order; ours follow.
    fields = {
        "WARC-Type": "response",
        "WARC-Record-ID": StatusAndHeadersParser.make_warc_id(),
        "WARC-Date": warc_date(exchange.fetched_at),
        "WARC-Target-URI": exchange.url,
    }
    if exchange.source is not None:
        fields[SOURCE] = exchange.source
    if exchange.kind is not None:
        fields[KIND] = exchange.kind
    if exchange.decoded:
        fields[DECODED] = ", ".join(exchange.decoded)
    if exchange.redirected_from:
        fields[REDIRECTED_FROM] = " ".join(exchange.redirected_from)
    for name, value in exchange.extra.items():
        fields[EXTRA_PREFIX + name] = value
    return warc.create_warc_record(
        exchange.url,
        "response",
        payload=BytesIO(exchange.body),
        length=len(exchange.body),
        warc_headers_dict=fields,
        http_headers=http,
    )


def _request_record(warc: WARCWriter, exchange: Exchange) -> ArcWarcRecord:
    parts = urlsplit(exchange.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = list(exchange.request_headers)
    if not _values(headers, "host"):
        # Twisted sends Host itself, so Scrapy's request headers lack it.
        headers.insert(0, ("Host", parts.netloc.rpartition("@")[2]))
    http = _WireHeaders(f"{exchange.method} {target} HTTP/1.1", headers, is_http_request=True)
    return warc.create_warc_record(
        exchange.url, "request", payload=BytesIO(b""), length=0, http_headers=http
    )


def _check_exchange(exchange: Exchange) -> None:
    """Refuse what would break the record's framing or make an invalid WARC."""
    url = exchange.url
    _check_url(url, "url")
    for hop in exchange.redirected_from:
        _check_url(hop, f"{url}: redirected from")
    if not _TOKEN.fullmatch(exchange.method):
        raise ValueError(f"{url}: method {exchange.method!r} is not an HTTP token")
    if not 100 <= exchange.status <= 599:
        raise ValueError(f"{url}: status {exchange.status} is not an HTTP status")
    _check_line(url, "reason", exchange.reason)
    _check_headers(url, "request header", exchange.request_headers)
    _check_headers(url, "response header", exchange.response_headers)
    for coding in exchange.decoded:
        if not _TOKEN.fullmatch(coding):
            raise ValueError(f"{url}: decoded coding {coding!r} is not a token")
    for what, value in (("source", exchange.source), ("kind", exchange.kind)):
        if value is not None:
            _check_line(url, what, value)
    for name, value in exchange.extra.items():
        if not _EXTRA_NAME.fullmatch(name):
            raise ValueError(f"{url}: extra name {name!r}: use letters, digits, '-' and '_'")
        _check_line(url, f"extra {name}", value)


def _check_url(url: str, what: str) -> None:
    if urlsplit(url).scheme not in ("http", "https") or re.search(r"\s", url):
        raise ValueError(f"{what} {url!r}: an http(s) URL without spaces is needed")


def _check_headers(url: str, what: str, headers: Iterable[tuple[str, str]]) -> None:
    for name, value in headers:
        if not _TOKEN.fullmatch(name):
            raise ValueError(f"{url}: {what} name {name!r} is not an HTTP token")
        _check_line(url, f"{what} {name}", value)


def _check_line(url: str, what: str, value: str) -> None:
    if _LINE_BREAK.search(value):
        raise ValueError(f"{url}: {what} {value!r} holds a line break or NUL")


def _values(headers: list[tuple[str, str]], name: str) -> list[str]:
    return [value for key, value in headers if key.lower() == name]


def _without(headers: list[tuple[str, str]], name: str) -> list[tuple[str, str]]:
    return [(key, value) for key, value in headers if key.lower() != name]


def _coding(name: str) -> str:
    name = name.strip().lower()
    return _CODING_ALIASES.get(name, name)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
