"""Reading response records back from WARC files, record by record, with their offsets.

warcio's ArchiveIterator is not used here: it drops a record cut off at the end of a file
without a word, and a corrupt gzip member ends the whole file with an ArchiveLoadFailed
that has no offset. This reader frames gzip members itself (each checked by its CRC),
reports a bad one with its offset and goes on at the next member that starts a WARC
record. Files may be gzipped per record (as ``WarcWriter`` writes them, and as pywb and
``warcio recompress`` expect) or not gzipped at all.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import mmap
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from crawler.warc.records import (
    DECODED,
    EXTRA_PREFIX,
    KIND,
    REDIRECTED_FROM,
    SOURCE,
    ArchivedResponse,
    WarcRecordError,
)

OnError = Callable[[WarcRecordError], None]

_GZIP_MAGIC = b"\x1f\x8b\x08"
_FIRST_CHUNK = 16 * 1024
_CHUNK = 256 * 1024
_TRAILING_SPACE = re.compile(rb"[\x00\s]*\Z")
_EXTRA = EXTRA_PREFIX.lower()


class _BadRecord(Exception):
    """A record that cannot be parsed; the caller adds the file and the offset."""


class _Truncated(Exception):
    """The file ends inside a gzip member."""


def read_responses(
    paths: Iterable[str | Path], *, on_error: OnError | None = None
) -> Iterator[ArchivedResponse]:
    """Every HTTP response record of ``paths``, file by file, in file order.

    Other records (warcinfo, request, metadata, non-HTTP responses) are skipped. A record
    that cannot be read (cut off, corrupt gzip data, a block digest that does not match,
    malformed headers) becomes a WarcRecordError naming the file and the record's offset:
    passed to ``on_error`` if given, and reading goes on with the next record that can
    be found (in a gzipped file, the next gzip member that starts a WARC record; after a
    cut-off, nothing more of that file is left), else raised, which ends the iteration.
    An empty file has no records and is no error; a file that is not a WARC is one error
    at offset 0. A file that cannot be opened raises OSError whatever ``on_error`` is.
    """
    report: OnError = on_error or _raise
    for path in paths:
        yield from _read_file(str(path), report)


def _raise(error: WarcRecordError) -> None:
    raise error


def _read_file(name: str, report: OnError) -> Iterator[ArchivedResponse]:
    with open(name, "rb") as handle:
        if not handle.seek(0, 2):
            return
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            if data[:2] == _GZIP_MAGIC[:2]:
                yield from _read_gzipped(name, data, report)
            elif data[:5] == b"WARC/":
                yield from _read_records(name, data, 0, report, gzipped=False)
            else:
                report(WarcRecordError(name, 0, f"not a WARC file (first bytes {data[:16]!r})"))


def _read_gzipped(name: str, data: mmap.mmap, report: OnError) -> Iterator[ArchivedResponse]:
    pos = 0
    while pos < len(data):
        if data[pos : pos + 3] != _GZIP_MAGIC:
            if _TRAILING_SPACE.match(data, pos):
                return
            report(WarcRecordError(name, pos, "no gzip member starts here"))
            pos = _next_member(data, pos + 1)
            continue
        try:
            member, end = _gunzip_member(data, pos)
        except zlib.error as exc:
            report(WarcRecordError(name, pos, f"corrupt gzip data ({exc})"))
            pos = _next_member(data, pos + 1)
            continue
        except _Truncated:
            report(WarcRecordError(name, pos, f"cut off: the file ends at byte {len(data)}"))
            return
        yield from _read_records(name, member, pos, report, gzipped=True)
        pos = end


def _gunzip_member(data: mmap.mmap, pos: int) -> tuple[bytes, int]:
    """The decompressed gzip member at ``pos`` and the offset just after it."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    parts = []
    fed = pos
    chunk = _FIRST_CHUNK
    while not inflater.eof:
        if fed >= len(data):
            raise _Truncated
        parts.append(inflater.decompress(data[fed : fed + chunk]))
        fed += chunk
        chunk = _CHUNK
    return b"".join(parts), min(fed, len(data)) - len(inflater.unused_data)


def _next_member(data: mmap.mmap, start: int) -> int:
    """The offset of the next gzip member that starts a WARC record, or the end of data."""
    while (found := data.find(_GZIP_MAGIC, start)) >= 0:
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[found : found + 4096], 5)
        except zlib.error:
            head = b""
        if head == b"WARC/":
            return found
        start = found + 1
    return len(data)


def _next_plain_record(data: bytes | mmap.mmap, start: int) -> int:
    """The offset of the next line that starts with ``WARC/``, or the end of data."""
    while (found := data.find(b"WARC/", start)) >= 0:
        if data[found - 1 : found] == b"\n":
            return found
        start = found + 1
    return len(data)


def _read_records(
    name: str, data: bytes | mmap.mmap, base: int, report: OnError, *, gzipped: bool
) -> Iterator[ArchivedResponse]:
    """The responses in ``data``: one gzip member (all at offset ``base``) or a plain file."""
    pos = 0
    while pos < len(data):
        offset = base if gzipped else pos
        try:
            response, pos = _parse_record(data, pos)
        except _BadRecord as exc:
            report(WarcRecordError(name, offset, str(exc)))
            if gzipped:
                return  # the rest of this member cannot be framed; the next member can
            pos = _next_plain_record(data, pos + 1)
            continue
        while data[pos : pos + 1] in (b"\r", b"\n"):  # the blank lines after a record
            pos += 1
        if response is not None:
            yield ArchivedResponse(**response, warc_path=name, offset=offset)


def _parse_record(data: bytes | mmap.mmap, pos: int) -> tuple[dict | None, int]:
    """The ArchivedResponse fields of the record at ``pos`` (None if not an HTTP
    response) and the offset after its block."""
    head_end = data.find(b"\r\n\r\n", pos)
    head = data[pos : head_end if head_end >= 0 else pos + 64]
    if not head.startswith(b"WARC/"):
        raise _BadRecord(f"not a WARC record (first bytes {head[:16]!r})")
    if head_end < 0:
        raise _BadRecord("cut off inside the WARC headers")
    try:
        fields = _header_lines(head.decode("utf-8").split("\r\n")[1:])
    except (UnicodeDecodeError, ValueError) as exc:
        raise _BadRecord(f"bad WARC headers: {exc}") from None
    found = {key.lower(): value for key, value in reversed(fields)}
    try:
        length = int(found["content-length"])
        if length < 0:
            raise ValueError
    except (KeyError, ValueError):
        raise _BadRecord("no valid Content-Length in the WARC headers") from None
    start = head_end + 4
    end = start + length
    if end > len(data):
        raise _BadRecord(f"cut off: Content-Length is {length}, {len(data) - start} bytes follow")
    uri = found.get("warc-target-uri", "").strip("<>")
    if found.get("warc-type") != "response" or not uri.startswith(("http:", "https:")):
        return None, end
    block = data[start:end]
    _check_digest(block, found.get("warc-block-digest"))
    return _response_fields(uri, block, fields, found), end


def _response_fields(
    uri: str, block: bytes, fields: list[tuple[str, str]], found: dict[str, str]
) -> dict:
    http_end = block.find(b"\r\n\r\n")
    if http_end < 0:
        raise _BadRecord("the HTTP headers have no end")
    status_line, *lines = block[:http_end].decode("latin-1").split("\r\n")
    parts = status_line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise _BadRecord(f"bad HTTP status line {status_line[:60]!r}")
    try:
        headers = _header_lines(lines)
    except ValueError as exc:
        raise _BadRecord(f"bad HTTP headers: {exc}") from None
    decoded = found.get(DECODED.lower(), "")
    return {
        "url": uri,
        "status": int(parts[1]),
        "headers": headers,
        "body": block[http_end + 4 :],
        "fetched_at": found.get("warc-date", ""),
        "source": found.get(SOURCE.lower()),
        "kind": found.get(KIND.lower()),
        "extra": {
            key[len(_EXTRA) :]: value for key, value in fields if key.lower().startswith(_EXTRA)
        },
        "decoded": tuple(c.strip() for c in decoded.split(",") if c.strip()),
        "redirected_from": tuple(found.get(REDIRECTED_FROM.lower(), "").split()),
    }


def _header_lines(lines: list[str]) -> list[tuple[str, str]]:
    """``Name: value`` lines (a line starting with a space or tab continues the last)."""
    headers: list[tuple[str, str]] = []
    for line in lines:
        if line[:1] in (" ", "\t") and headers:
            name, value = headers[-1]
            headers[-1] = (name, f"{value} {line.strip()}")
            continue
        name, colon, value = line.partition(":")
        if not colon or not name.strip():
            raise ValueError(f"no 'name: value' in {line[:60]!r}")
        headers.append((name.strip(), value.strip()))
    return headers


def _check_digest(block: bytes, digest: str | None) -> None:
    """Compare a ``sha1:BASE32`` (or base16) block digest; unknown kinds are not checked."""
    if not digest:
        return
    algorithm, _, expected = digest.partition(":")
    try:
        actual = hashlib.new(algorithm.strip().lower(), block).digest()
    except ValueError:
        return
    expected = expected.strip().upper()
    try:
        if len(expected) == 2 * len(actual):
            matches = base64.b16decode(expected) == actual
        else:
            matches = base64.b32decode(expected) == actual
    except (binascii.Error, ValueError):
        raise _BadRecord(f"unreadable WARC-Block-Digest {digest!r}") from None
    if not matches:
        raise _BadRecord(f"WARC-Block-Digest {digest} does not match the block")
