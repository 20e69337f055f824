"""Raw pages in WARC files (ISO 28500, WARC/1.1), written and read without Scrapy.

``WarcWriter`` stores each ``Exchange`` (one HTTP fetch) as a response record and a
request record, each its own gzip member, in ``<folder>/<run_name>.warc.gz`` after a
warcinfo record; pywb, ReplayWeb.page and ``warcio check`` read the file as it is.
``read_responses`` gives the response records back as ``ArchivedResponse`` values, so
``blogarchive reparse`` can rebuild the archive from WARC files alone.

Extension headers of the response record (WARC/1.1 allows extension fields):

``WARC-Blogarchive-Source``
    the blogarchive source name (``Exchange.source``).
``WARC-Blogarchive-Kind``
    the page kind: listing, feed, article, medium or hub (``Exchange.kind``); ``redirect``
    for a 3xx answer the crawl followed (``REDIRECT_KIND``), which is not parsed again.
``WARC-Blogarchive-Decoded``
    the content codings Scrapy had already removed from the body, comma-separated in the
    order the server applied them (``gzip``). Present only when the body is not the bytes
    the server sent.
``WARC-Blogarchive-Redirected-From``
    the URLs that redirected to this record's WARC-Target-URI, space-separated, in the
    order they were requested: the first is the URL the crawl asked for
    (``Exchange.redirected_from``). Present only on a redirected page's record; each
    3xx hop is also a response record of its own (kind ``redirect``), with its request
    record, written just before it, so replay tools play the redirect as it happened.
``WARC-Blogarchive-Extra-<name>``
    one per ``Exchange.extra`` item (``WARC-Blogarchive-Extra-start_url``).

Every record also names the file's warcinfo record in WARC-Warcinfo-ID, and the request
record names its response in WARC-Concurrent-To.

Bodies are stored as Scrapy gives them. Where that is not what the server sent, the HTTP
headers are made true of the stored body, so a replay tool does not decode it twice, and
the received values are kept under other names:

``X-Blogarchive-Original-Content-Encoding``
    the received Content-Encoding list, when codings were decoded; the Content-Encoding
    left holds only the codings still on the body (usually none).
``X-Blogarchive-Original-Transfer-Encoding``
    a received Transfer-Encoding (Scrapy's body is always de-chunked).
``X-Blogarchive-Original-Content-Length``
    a received Content-Length that differs from the stored body's length, which is then
    the Content-Length written.

Header values go in as latin-1, byte for byte as received (warcio's own writer would
percent-encode non-ASCII values); WARC header values are UTF-8.
"""

from crawler.warc.reader import read_responses
from crawler.warc.records import REDIRECT_KIND, ArchivedResponse, Exchange, WarcRecordError
from crawler.warc.writer import WarcWriter, stored_response_headers, warc_date

__all__ = [
    "REDIRECT_KIND",
    "ArchivedResponse",
    "Exchange",
    "WarcRecordError",
    "WarcWriter",
    "read_responses",
    "stored_response_headers",
    "warc_date",
]
