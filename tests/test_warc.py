"""Raw pages in WARC files: written by WarcWriter, read back by our reader and by warcio."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.warc import (
    ArchivedResponse,
    Exchange,
    WarcRecordError,
    WarcWriter,
    read_responses,
    stored_response_headers,
    warc_date,
)

T = "2026-11-01T10:00:00Z"
REQUEST = [("User-Agent", "blogarchive (+https://example.org/contact)"), ("Accept", "*/*")]
HTML = "<html><head><title>Leadership</title></head><body><p>Göran Henriks – “flow”</p></html>"
FEED = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Blog</title>'

EXCHANGES = [
    Exchange(
        url="https://blogs.bmj.com/bmjleader/",
        method="GET",
        request_headers=REQUEST,
        status=200,
        reason="OK",
        response_headers=[
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(HTML.encode()))),
        ],
        body=HTML.encode(),
        fetched_at=T,
        source="bmjleader",
        kind="listing",
        extra={"start_url": "https://blogs.bmj.com/bmjleader/", "page": "1"},
    ),
    Exchange(
        url="https://blogs.bmj.com/bmjleader/feed/?paged=2",
        method="GET",
        request_headers=REQUEST,
        status=200,
        reason="OK",
        response_headers=[("Content-Type", "application/rss+xml; charset=UTF-8")],
        body=FEED.encode(),
        fetched_at="2026-11-01T10:00:01.250000Z",
        source="bmjleader-feed",
        kind="feed",
    ),
    Exchange(
        url="https://medium.com/@someone/leading-well-abc123",
        method="GET",
        request_headers=REQUEST,
        status=200,
        reason="OK",
        response_headers=[
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),
            ("Content-Length", "57"),
            ("Set-Cookie", "a=1"),
            ("Set-Cookie", "b=2"),
        ],
        body=HTML.encode(),
        fetched_at=T,
        decoded=("gzip",),
        source="medium",
        kind="medium",
    ),
    Exchange(
        url="https://example.nhs.uk/blog/caf%C3%A9/",
        method="GET",
        request_headers=REQUEST,
        status=200,
        reason="OK",
        response_headers=[
            ("Content-Type", "text/html; charset=windows-1252"),
            ("Content-Disposition", 'inline; filename="caf\xe9.html"'),
        ],
        body="<p>Café — naïve “quotes” ✓</p>".encode() + "<p>caf\xe9</p>".encode("cp1252"),
        fetched_at=T,
        source="nhsblog",
        kind="article",
        extra={"note": "Göran ✓"},
    ),
    Exchange(
        url="https://improve.bmj.com/missing",
        method="GET",
        request_headers=[],
        status=404,
        reason="Not Found",
        response_headers=[("Content-Type", "text/html")],
        body=b"<h1>Not found</h1>",
        fetched_at=T,
        kind="hub",
    ),
]


def write_run(folder: Path, exchanges=EXCHANGES, name: str = "run-1") -> Path:
    with WarcWriter(folder, run_name=name) as writer:
        for exchange in exchanges:
            writer.write(exchange)
    return writer.path


def read_all(paths) -> tuple[list[ArchivedResponse], list[WarcRecordError]]:
    errors: list[WarcRecordError] = []
    return list(read_responses(paths, on_error=errors.append)), errors


def gzip_members(data: bytes) -> list[tuple[int, bytes]]:
    """(offset, decompressed bytes) of each gzip member, found independently of our reader."""
    members, pos = [], 0
    while pos < len(data):
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        content = inflater.decompress(data[pos:])
        assert inflater.eof
        members.append((pos, content))
        pos = len(data) - len(inflater.unused_data)
    return members


# Writing and reading back


def test_every_field_round_trips_through_our_reader(tmp_path):
    path = write_run(tmp_path / "archive" / "warc")
    assert path == tmp_path / "archive" / "warc" / "run-1.warc.gz"
    responses, errors = read_all([path])
    assert errors == []
    assert len(responses) == len(EXCHANGES)
    for exchange, got in zip(EXCHANGES, responses, strict=True):
        assert got.url == exchange.url
        assert got.status == exchange.status
        assert got.body == exchange.body
        assert got.fetched_at == warc_date(exchange.fetched_at)
        assert (got.source, got.kind) == (exchange.source, exchange.kind)
        assert got.extra == dict(exchange.extra)
        assert got.decoded == exchange.decoded
        assert got.redirected_from == () and got.requested_url == exchange.url
        assert got.warc_path == str(path)
        if not exchange.decoded:
            assert got.headers == exchange.response_headers
    assert responses[1].fetched_at == "2026-11-01T10:00:01.250000Z"
    assert responses[3].header("content-disposition") == 'inline; filename="caf\xe9.html"'
    assert responses[4].source is None and responses[4].extra == {}


def test_offsets_are_the_gzip_members_of_the_response_records(tmp_path):
    path = write_run(tmp_path)
    responses, _ = read_all([path])
    members = dict(gzip_members(path.read_bytes()))
    for got in responses:
        content = members[got.offset]
        assert content.startswith(b"WARC/1.1\r\nWARC-Type: response\r\n")
        assert f"WARC-Target-URI: {got.url}\r\n".encode() in content


def test_each_record_is_its_own_gzip_member(tmp_path):
    path = write_run(tmp_path)
    members = gzip_members(path.read_bytes())
    assert len(members) == 1 + 2 * len(EXCHANGES)
    for _, content in members:
        assert content.startswith(b"WARC/1.1\r\n")
        assert content.count(b"WARC/1.1\r\nWARC-Type:") == 1
        assert content.endswith(b"\r\n\r\n")


def test_a_decoded_body_has_truthful_http_headers(tmp_path):
    path = write_run(tmp_path)
    got = next(r for r in read_all([path])[0] if r.decoded)
    assert got.header("Content-Encoding") is None
    assert got.header("X-Blogarchive-Original-Content-Encoding") == "gzip"
    assert got.header("Content-Length") == str(len(got.body))
    assert got.header("X-Blogarchive-Original-Content-Length") == "57"
    assert [v for k, v in got.headers if k == "Set-Cookie"] == ["a=1", "b=2"]
    raw = gzip.decompress(path.read_bytes())
    assert b"WARC-Blogarchive-Decoded: gzip\r\n" in raw


@pytest.mark.parametrize(
    ("received", "decoded", "expected"),
    [
        # Scrapy's HttpCompressionMiddleware has already dropped Content-Encoding.
        ([("Content-Length", "10")], ("gzip",), [("Content-Encoding", None), ("Orig-CE", "gzip")]),
        # Only the outer coding was removed: the inner one stays on the body.
        ([("Content-Encoding", "br, gzip")], ("gzip",), [("Content-Encoding", "br")]),
        ([("Content-Encoding", "x-gzip")], ("gzip",), [("Content-Encoding", None)]),
        ([("Transfer-Encoding", "chunked")], (), [("Orig-TE", "chunked"), ("Content-Length", "3")]),
        ([("Content-Length", "3")], (), [("Content-Length", "3"), ("Orig-CL", None)]),
        ([("Content-Length", "7")], (), [("Content-Length", "3"), ("Orig-CL", "7")]),
        ([], (), [("Content-Length", None)]),
    ],
)
def test_stored_response_headers(received, decoded, expected):
    exchange = replace(EXCHANGES[0], response_headers=received, body=b"abc", decoded=decoded)
    stored = dict(stored_response_headers(exchange))
    short = {"Orig-CE": "Content-Encoding", "Orig-TE": "Transfer-Encoding"}
    short["Orig-CL"] = "Content-Length"
    for name, value in expected:
        if name in short:
            name = f"X-Blogarchive-Original-{short[name]}"
        assert stored.get(name) == value, name
    assert "Transfer-Encoding" not in stored


def test_a_head_response_keeps_its_content_length():
    exchange = replace(
        EXCHANGES[0], method="HEAD", body=b"", response_headers=[("Content-Length", "9")]
    )
    assert stored_response_headers(exchange) == [("Content-Length", "9")]


def test_warc_date_is_utc_with_z():
    assert warc_date("2026-11-01T11:00:00+01:00") == "2026-11-01T10:00:00Z"
    assert warc_date("2026-11-01T10:00:00.5+00:00") == "2026-11-01T10:00:00.500000Z"
    with pytest.raises(ValueError, match="no UTC offset"):
        warc_date("2026-11-01T10:00:00")
    with pytest.raises(ValueError, match="not an ISO 8601"):
        warc_date("yesterday")


@pytest.mark.parametrize(
    "change",
    [
        {"fetched_at": "2026-11-01 10:00"},
        {"url": "ftp://example.org/x"},
        {"url": "https://example.org/a b"},
        {"method": "GET /"},
        {"status": 42},
        {"response_headers": [("X-Evil", "a\r\n\r\nHTTP/1.1 200 OK")]},
        {"request_headers": [("Bad Name", "x")]},
        {"extra": {"page number": "2"}},
        {"source": "two\nlines"},
        {"redirected_from": ("https://example.org/a b",)},
        {"redirected_from": ("ftp://example.org/x",)},
    ],
)
def test_an_exchange_that_cannot_go_in_a_warc_is_refused_and_nothing_is_written(tmp_path, change):
    with WarcWriter(tmp_path, run_name="r") as writer:
        size = writer.path.stat().st_size
        with pytest.raises(ValueError):
            writer.write(replace(EXCHANGES[0], **change))
        writer.write(EXCHANGES[4])
    assert [r.url for r in read_all([writer.path])[0]] == [EXCHANGES[4].url]
    assert size > 0


def test_the_writer_never_overwrites_a_run_and_refuses_writes_after_close(tmp_path):
    path = write_run(tmp_path)
    with pytest.raises(FileExistsError):
        WarcWriter(tmp_path, run_name="run-1")
    writer = WarcWriter(tmp_path, run_name="run-2")
    writer.close()
    writer.close()
    with pytest.raises(ValueError, match="closed"):
        writer.write(EXCHANGES[0])
    with pytest.raises(ValueError, match="run name"):
        WarcWriter(tmp_path, run_name="../escape")
    assert read_all([path, writer.path])[1] == []


def test_each_write_is_flushed_to_disk_before_close(tmp_path):
    writer = WarcWriter(tmp_path, run_name="live")
    writer.write(EXCHANGES[0])
    # A second reader sees the complete records while the crawl still runs.
    responses, errors = read_all([writer.path])
    writer.close()
    assert (len(responses), errors) == (1, [])


# Checked by warcio, as replay tools read the file


def test_warcio_reads_the_file_and_every_digest_passes(tmp_path):
    path = write_run(tmp_path)
    with path.open("rb") as stream:
        records = []
        for record in ArchiveIterator(stream, check_digests=True):
            body = record.content_stream().read()
            assert record.digest_checker.passed is True, record.digest_checker.problems
            records.append((record.rec_type, record.rec_headers, record.http_headers, body))
    types = [rec_type for rec_type, *_ in records]
    assert types == ["warcinfo"] + ["response", "request"] * len(EXCHANGES)
    warcinfo_id = records[0][1].get_header("WARC-Record-ID")
    for n, exchange in enumerate(EXCHANGES):
        (_, response, http, body), (_, request, request_http, _) = records[1 + 2 * n : 3 + 2 * n]
        for headers in (response, request):
            assert headers.protocol == "WARC/1.1"
            assert headers.get_header("WARC-Target-URI") == exchange.url
            assert headers.get_header("WARC-Date") == warc_date(exchange.fetched_at)
            assert headers.get_header("WARC-Warcinfo-ID") == warcinfo_id
            assert headers.get_header("WARC-Payload-Digest").startswith("sha1:")
        assert request.get_header("WARC-Concurrent-To") == response.get_header("WARC-Record-ID")
        assert http.get_statuscode() == str(exchange.status)
        # content_stream() applies any Content-Encoding still claimed: the body must come
        # back as stored, so a decoded body is not claimed to be gzipped.
        assert body == exchange.body
        assert request_http.protocol == "GET"
        assert request_http.get_header("Host")


def test_warcio_check_passes(tmp_path):
    path = write_run(tmp_path)
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from warcio.cli import main; main(sys.argv[1:])"]
        + ["check", "-v", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("digest pass") == 1 + 2 * len(EXCHANGES)


def test_a_warc_written_by_warcio_alone_is_read_too(tmp_path):
    path = tmp_path / "other.warc"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.0")
        for n in range(2):
            payload = io.BytesIO(b"hi")
            record = writer.create_warc_record(
                f"http://example.org/{n}", "response", payload=payload, length=2, http_headers=http
            )
            writer.write_record(record)
    responses, errors = read_all([path])
    assert errors == []
    assert [(r.url, r.body, r.source, r.decoded, r.extra) for r in responses] == [
        (f"http://example.org/{n}", b"hi", None, (), {}) for n in range(2)
    ]
    assert responses[0].offset == 0 and responses[1].offset > 0


def redirect_chain() -> list[Exchange]:
    """A page reached through two redirects: each 3xx, then the page naming both URLs."""
    first, second, page = (f"https://blogs.bmj.com/bmjleader/{slug}/" for slug in "abc")
    hop = replace(EXCHANGES[4], source="bmjleader", kind="redirect", body=b"Moved")
    return [
        replace(hop, url=first, status=302, reason="", response_headers=[("Location", second)]),
        replace(hop, url=second, status=301, reason="", response_headers=[("Location", page)]),
        replace(EXCHANGES[3], url=page, kind="article", redirected_from=(first, second)),
    ]


def test_a_redirect_chain_reads_back_in_order_with_the_urls_the_page_came_from(tmp_path):
    chain = redirect_chain()
    path = write_run(tmp_path, chain)
    responses, errors = read_all([path])
    assert errors == []
    assert [(r.url, r.status, r.kind) for r in responses] == [
        (chain[0].url, 302, "redirect"),
        (chain[1].url, 301, "redirect"),
        (chain[2].url, 200, "article"),
    ]
    assert [r.header("Location") for r in responses[:2]] == [chain[1].url, chain[2].url]
    assert responses[2].redirected_from == (chain[0].url, chain[1].url)
    assert responses[2].requested_url == chain[0].url
    assert [r.redirected_from for r in responses[:2]] == [(), ()]
    raw = b"".join(content for _, content in gzip_members(path.read_bytes()))
    header = f"WARC-Blogarchive-Redirected-From: {chain[0].url} {chain[1].url}\r\n"
    assert raw.count(b"WARC-Blogarchive-Redirected-From") == 1 and header.encode() in raw


def test_warcio_reads_a_redirect_chain_as_replay_tools_do(tmp_path):
    chain = redirect_chain()
    path = write_run(tmp_path, chain)
    seen = []
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream, check_digests=True):
            record.content_stream().read()
            assert record.digest_checker.passed is True, record.digest_checker.problems
            if record.rec_type == "response":
                http = record.http_headers
                uri = record.rec_headers.get_header("WARC-Target-URI")
                seen.append((uri, http.get_statuscode(), http.get_header("Location")))
    assert seen == [
        (chain[0].url, "302", chain[1].url),
        (chain[1].url, "301", chain[2].url),
        (chain[2].url, "200", None),
    ]
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from warcio.cli import main; main(sys.argv[1:])"]
        + ["check", "-v", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("digest pass") == 1 + 2 * len(chain)


# Damaged files: each bad record is reported with its offset, the others still read


def response_offsets(path: Path) -> list[int]:
    return [
        offset
        for offset, content in gzip_members(path.read_bytes())
        if content.startswith(b"WARC/1.1\r\nWARC-Type: response")
    ]


def test_a_file_cut_off_inside_its_last_record(tmp_path):
    path = write_run(tmp_path)
    last = response_offsets(path)[-1]
    data = path.read_bytes()
    path.write_bytes(data[: last + 100])
    responses, errors = read_all([path])
    assert [r.url for r in responses] == [e.url for e in EXCHANGES[:-1]]
    assert len(errors) == 1
    assert errors[0].offset == last
    assert (
        str(errors[0])
        == f"{path}: record at offset {last}: cut off: the file ends at byte {last + 100}"
    )


def test_without_on_error_the_first_bad_record_is_raised(tmp_path):
    path = write_run(tmp_path)
    last = response_offsets(path)[-1]
    path.write_bytes(path.read_bytes()[: last + 100])
    seen = []
    with pytest.raises(WarcRecordError, match=f"record at offset {last}: cut off"):
        for response in read_responses([path]):
            seen.append(response.url)
    assert len(seen) == len(EXCHANGES) - 1


@pytest.mark.parametrize("where", [30, 60, -12, -3])
def test_a_corrupt_byte_in_one_gzip_member_loses_that_record_only(tmp_path, where):
    # 30 and 60 land in the deflate data, -12 in it or its end, -3 in the length trailer.
    path = write_run(tmp_path)
    offsets = response_offsets(path)
    members = [offset for offset, _ in gzip_members(path.read_bytes())]
    victim = offsets[1]
    end = members[members.index(victim) + 1]
    data = bytearray(path.read_bytes())
    data[victim + where if where > 0 else end + where] ^= 0x55
    path.write_bytes(bytes(data))
    responses, errors = read_all([path])
    assert [r.url for r in responses] == [e.url for i, e in enumerate(EXCHANGES) if i != 1]
    assert [e.offset for e in errors] == [victim]
    assert "corrupt gzip data" in str(errors[0])
    assert [r.offset for r in responses] == [o for o in offsets if o != victim]


def test_any_single_changed_byte_of_a_record_loses_that_record_at_most(tmp_path):
    path = write_run(tmp_path)
    original = path.read_bytes()
    members = [offset for offset, _ in gzip_members(original)]
    victim = response_offsets(path)[1]
    others = [e.url for i, e in enumerate(EXCHANGES) if i != 1]
    for at in range(victim, members[members.index(victim) + 1]):
        data = bytearray(original)
        data[at] ^= 0x55
        path.write_bytes(bytes(data))
        responses, errors = read_all([path])
        assert [r.url for r in responses if r.url != EXCHANGES[1].url] == others, at
        # Either the byte did not matter (gzip header time, OS) or the record is reported.
        if errors:
            assert [e.offset for e in errors] == [victim], at
            assert len(responses) == len(others), at
        else:
            assert responses[1].body == EXCHANGES[1].body, at


def test_a_record_cut_short_mid_file_by_a_failed_write_loses_that_record_only(tmp_path):
    path = write_run(tmp_path)
    offsets = response_offsets(path)
    data = path.read_bytes()
    path.write_bytes(data[: offsets[2] + 150] + data[offsets[3] :])
    responses, errors = read_all([path])
    assert [r.url for r in responses] == [e.url for i, e in enumerate(EXCHANGES) if i != 2]
    assert [e.offset for e in errors] == [offsets[2]]


def test_reading_goes_on_after_garbage_between_members(tmp_path):
    path = write_run(tmp_path)
    offsets = response_offsets(path)
    data = path.read_bytes()
    path.write_bytes(data[: offsets[2]] + b"\x1f\x8bjunk\x1f\x8b\x08junk" + data[offsets[2] :])
    responses, errors = read_all([path])
    assert len(responses) == len(EXCHANGES)
    assert [e.offset for e in errors] == [offsets[2]]


def test_an_empty_file_has_no_records_and_no_error(tmp_path):
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    assert read_all([tmp_path / "empty.warc.gz"]) == ([], [])


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<html>not a warc</html>\n", "not a WARC file (first bytes b'<html>not a warc"),
        (gzip.compress(b"<html>gzipped, still not a warc</html>"), "not a WARC record"),
        (b"WARC/1.1\r\nWARC-Type: response\r\n", "cut off inside the WARC headers"),
    ],
)
def test_a_file_that_is_not_a_warc_is_one_error_at_offset_0(tmp_path, content, reason):
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(content)
    good = write_run(tmp_path)
    responses, errors = read_all([bad, good])
    assert len(responses) == len(EXCHANGES)
    assert [(e.path, e.offset) for e in errors] == [(str(bad), 0)]
    assert reason in str(errors[0])


def plain_copy(path: Path) -> tuple[Path, list[int]]:
    """An uncompressed copy of a WARC file and the offsets of its response records."""
    plain = path.with_suffix("")
    data = b"".join(content for _, content in gzip_members(path.read_bytes()))
    plain.write_bytes(data)
    offsets, pos = [], 0
    while (pos := data.find(b"WARC/1.1\r\nWARC-Type: response", pos + 1)) >= 0:
        offsets.append(pos)
    return plain, offsets


def test_an_uncompressed_warc_reads_the_same(tmp_path):
    plain, offsets = plain_copy(write_run(tmp_path))
    responses, errors = read_all([plain])
    assert errors == []
    assert [r.body for r in responses] == [e.body for e in EXCHANGES]
    assert [r.offset for r in responses] == offsets


def test_an_uncompressed_warc_with_a_changed_body_byte_and_a_cut_off_end(tmp_path):
    plain, offsets = plain_copy(write_run(tmp_path))
    data = bytearray(plain.read_bytes())
    body_at = data.index(FEED.encode())
    data[body_at + 5] ^= 0x20
    block_at = data.index(b"\r\n\r\n", offsets[-1]) + 4
    plain.write_bytes(bytes(data[: block_at + 20]))
    responses, errors = read_all([plain])
    assert [r.url for r in responses] == [e.url for e in (EXCHANGES[0], EXCHANGES[2], EXCHANGES[3])]
    assert [e.offset for e in errors] == [offsets[1], offsets[-1]]
    assert "WARC-Block-Digest" in errors[0].reason
    assert "cut off: Content-Length is" in errors[1].reason


def test_many_records_read_back_in_order(tmp_path):
    """Not a timed test (timings belong in benchmarks/): the count and the order hold."""
    small = replace(EXCHANGES[4], body=b"x" * 200)
    with WarcWriter(tmp_path, run_name="big") as writer:
        for n in range(500):
            writer.write(replace(small, url=f"https://example.org/{n}"))
    urls = [r.url for r in read_responses([writer.path])]
    assert urls == [f"https://example.org/{n}" for n in range(500)]
