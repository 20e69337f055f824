"""The values that go into and come out of a WARC file, and the header names they use.

No Scrapy and no warcio here: these are plain data, shared by the writer and the reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

# WARC headers (ISO 28500 allows extension fields; ours share one prefix).
SOURCE = "WARC-Blogarchive-Source"
KIND = "WARC-Blogarchive-Kind"
DECODED = "WARC-Blogarchive-Decoded"
REDIRECTED_FROM = "WARC-Blogarchive-Redirected-From"
EXTRA_PREFIX = "WARC-Blogarchive-Extra-"

# The page kind of a 3xx answer the crawl followed to the page it archived: nothing to parse.
REDIRECT_KIND = "redirect"

# HTTP headers written in place of ones that no longer describe the stored body.
ORIGINAL_CONTENT_ENCODING = "X-Blogarchive-Original-Content-Encoding"
ORIGINAL_CONTENT_LENGTH = "X-Blogarchive-Original-Content-Length"
ORIGINAL_TRANSFER_ENCODING = "X-Blogarchive-Original-Transfer-Encoding"


@dataclass(frozen=True)
class Exchange:
    """One HTTP fetch as the crawler saw it: what ``WarcWriter.write`` stores.

    Header names and values are ``str``; for bytes from the wire decode them as
    latin-1 (``value.decode("latin-1")``), which maps every byte to one character; the
    writer encodes them back the same way, so names and values are stored byte for byte.
    ``fetched_at`` is ISO 8601 with a UTC offset (``2024-05-01T10:00:00Z`` or ``+00:00``);
    it becomes the WARC-Date of both records. ``decoded`` lists the content codings
    already removed from ``body``, in the order the server applied them
    (``Content-Encoding: gzip`` -> ``("gzip",)``). ``source``, ``kind`` and ``extra``
    are blogarchive's routing data; ``extra`` names are letters, digits, ``-`` and ``_``.
    ``redirected_from`` lists the URLs redirected to ``url``, in the order they were
    requested (the first is the one the crawl asked for); empty when nothing redirected.
    """

    url: str
    method: str
    request_headers: list[tuple[str, str]]
    status: int
    reason: str
    response_headers: list[tuple[str, str]]
    body: bytes
    fetched_at: str
    decoded: tuple[str, ...] = ()
    source: str | None = None
    kind: str | None = None
    extra: Mapping[str, str] = field(default_factory=dict)
    redirected_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArchivedResponse:
    """One response record read back from a WARC file.

    ``headers`` are the HTTP headers as stored (for a decoded body, the rewritten ones:
    see the package docstring), decoded as latin-1. ``fetched_at`` is the record's
    WARC-Date. ``warc_path`` is the path as given to the reader and ``offset`` the byte
    offset of the record in that file (of its gzip member, in a gzipped file), the same
    offset a CDX index gives. ``redirected_from``: the URLs redirected to ``url``, first
    the one requested (empty for a record without ``WARC-Blogarchive-Redirected-From``,
    as in files written before it existed).
    """

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    fetched_at: str
    source: str | None
    kind: str | None
    extra: dict[str, str]
    decoded: tuple[str, ...]
    warc_path: str
    offset: int
    redirected_from: tuple[str, ...] = ()

    @property
    def requested_url(self) -> str:
        """The URL the crawl asked for: the first it was redirected from, else ``url``."""
        return self.redirected_from[0] if self.redirected_from else self.url

    def header(self, name: str) -> str | None:
        """The first HTTP header called ``name`` (any case), or None."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)


class WarcRecordError(ValueError):
    """A WARC record that cannot be read; the message names the file and the offset."""

    def __init__(self, path: str, offset: int, reason: str) -> None:
        super().__init__(f"{path}: record at offset {offset}: {reason}")
        self.path = path
        self.offset = offset
        self.reason = reason
