"""URL rules: canonical post URLs, crawl-trap stripping, permalink patterns.

All functions take and return absolute ``http(s)`` URLs as strings and never
touch the network. They target WordPress (subdirectory multisite included).
A URL that ``urllib`` cannot split (bad IPv6 host or port) raises ``ValueError``.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

from crawler.parsing.medium_urls import canonical_medium_url, is_medium_host, medium_post_id

_DEFAULT_PORTS = {"http": 80, "https": 443}
# A path of unreserved and sub-delim characters only: already in canonical form.
_PLAIN_PATH_CHARS = r"[A-Za-z0-9\-._~/!$&'()*+,;=:@]"
_PLAIN_PATH = re.compile(rf"^{_PLAIN_PATH_CHARS}*$")
# "https://host/path": no port, user, query, fragment, escape or other character to resolve.
_PLAIN_URL = re.compile(
    rf"(?P<scheme>https?)://(?P<host>[A-Za-z0-9.\-]+)(?P<path>/{_PLAIN_PATH_CHARS}*)?"
)
_REPEATED_SLASHES = re.compile(r"/{2,}")
# A last path segment with a file extension keeps its form (no trailing slash).
_FILE_SEGMENT = re.compile(r"\.[A-Za-z][A-Za-z0-9]{0,4}$")
# Query parameters that only re-serve a page under a new URL (search, dropdowns,
# comment replies, share buttons, tracking, previews, sort orders).
TRAP_PARAMS = frozenset(
    {
        "_ga", "amp", "cat", "doing_wp_cron", "fbclid", "gclid", "like_comment", "mc_cid",
        "mc_eid", "msclkid", "nb", "order", "orderby", "preview", "preview_id", "preview_nonce",
        "print", "ref", "replytocom", "s", "share", "source", "submit",
    }
)  # fmt: skip
_TRAP_PREFIXES = ("utm_",)
_YEAR = r"(?:19|20)\d\d"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12]\d|3[01])"
_DATE_TAIL = re.compile(rf"^{_YEAR}(?:/{_MONTH}(?:/{_DAY}(?:/[^/]+)?)?)?$")
_DATE_ONLY = re.compile(rf"^{_YEAR}(?:/{_MONTH}(?:/{_DAY})?)?$")
_TAXONOMY = frozenset({"tag", "category", "author"})
_FEED_TAIL = frozenset({"feed", "rss", "rss2", "atom", "rdf"})
_PAGE_TAIL = re.compile(r"(^|/)page/(\d+)/?$")
# Query parameters that number a listing's pages: WordPress' ``paged`` (plain permalinks)
# and ``page``, the Query Loop block's ``query-2-page`` (``query-page``) on a page that
# holds a query of its own, Elementor's ``e-page-1a2b3c``, ``product-page``, FacetWP's
# ``fwp_paged``. Not ``per_page`` (a page size) nor ``page_id`` (a page).
_PAGE_PARAM = re.compile(
    r"(?!(?:.*[-_])?per[-_])(?:[a-z0-9]+[-_])*(?:paged?|paging|pg)|e-page-[a-z0-9]+",
    re.IGNORECASE,
)


def canonical_post_url(url: str) -> str:
    """The dedupe key of a post URL.

    ``https`` scheme (http and https are the same post), lower-case host,
    default port dropped (others kept), query and fragment dropped, ``//``
    collapsed, dot segments resolved, percent-encoding normalised, and a
    trailing slash added unless the last segment has a file extension.
    Shortlinks (``/?p=123``) lose their query too: pass permalinks. A Medium
    story, under any of its URLs, maps to ``https://medium.com/p/<id>``.
    """
    parts = _split(url.strip())
    hostname = _hostname(parts)
    if is_medium_host(hostname) and medium_post_id(url):
        return canonical_medium_url(url)
    if not parts.netloc:
        return urlunsplit(parts._replace(fragment=""))
    host = hostname.rstrip(".")
    if ":" in host:
        host = f"[{host}]"  # IPv6 literal
    port = _port(parts) if ":" in parts.netloc else None
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    path = parts.path
    if "//" in path:
        path = _REPEATED_SLASHES.sub("/", path)
    path = path or "/"
    if "/." in path:
        path = urlsplit(urljoin("https://h/", path)).path
    last = path.rsplit("/", 1)[-1]
    if last and not _FILE_SEGMENT.search(last):
        path += "/"
    if _PLAIN_PATH.match(path):
        return f"https://{netloc}{path}"  # nothing to re-encode: skip w3lib's slower pass
    return canonicalize_url(urlunsplit(("https", netloc, path, "", "")))


def canonical_key(declared: str | None, post_url: str) -> str | None:
    """The dedupe key that a post page's ``rel=canonical`` gives its post, or ``None``.

    ``declared`` is the canonical link as the page gives it (absolute), ``post_url``
    the URL the post was found at. The key is ``canonical_post_url(declared)`` when
    that names *another* URL that can only be one post. ``None`` when the page names
    itself, or when the value is junk that would join unrelated posts: empty, not
    an absolute http(s) URL, a query that the key would drop (``?p=123``), a
    site's home page, a listing page (``page/N/``, tag, category, author, feed,
    date archive), a parent folder of the post (the blog's front page, as a
    misconfigured theme declares on every post) or a URL under the post (a
    scheme-less ``example.com/x`` resolved against the page).
    """
    if not declared or not declared.strip() or declared == post_url:
        return None  # (a page naming its own URL, the common case, needs no parsing)
    try:
        parts = urlsplit(declared.strip())
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            return None
        is_medium_story = is_medium_host(parts.hostname) and medium_post_id(declared)
        if not is_medium_story and urlsplit(strip_crawl_traps(declared)).query:
            return None
        key, own = canonical_post_url(declared), canonical_post_url(post_url)
    except ValueError:
        return None
    if key == own:
        return None
    key_parts, own_parts = urlsplit(key), urlsplit(own)
    if key_parts.path == "/" or is_archive_url(key):
        return None
    if _site(key_parts.netloc) == _site(own_parts.netloc) and (
        own_parts.path.startswith(key_parts.path) or key_parts.path.startswith(own_parts.path)
    ):
        return None
    return key


def is_archive_url(url: str) -> bool:
    """Whether ``url`` is a listing rather than a post: ``page/N/``, a feed, an archive.

    Tag, category and author archives, date archives (``2023/``, ``2023/10/``,
    ``2023/10/09/``) and feeds, paginated or not.
    """
    segs = [s for s in urlsplit(url).path.lower().split("/") if s]
    if not segs:
        return True
    if len(segs) >= 2 and segs[-2] == "page" and segs[-1].isdigit():
        return True
    if segs[-1] in _FEED_TAIL or any(seg in _TAXONOMY for seg in segs[:-1]):
        return True
    return any(
        len(segs) >= n and segs[-1].isdigit() and _DATE_ONLY.match("/".join(segs[-n:]))
        for n in (1, 2, 3)
    )


def strip_crawl_traps(url: str) -> str:
    """``url`` without crawl-trap query parameters and without its fragment.

    Removes :data:`TRAP_PARAMS` and ``utm_*`` (names compared case-insensitively);
    keeps paging and id parameters (``paged``, ``page``, ``p``) and everything
    else exactly as written, in order.
    """
    parts = urlsplit(url.strip())
    kept = [pair for pair in parts.query.split("&") if pair and not _is_trap(pair)]
    return urlunsplit(parts._replace(query="&".join(kept), fragment=""))


def blog_root(start_url: str) -> str:
    """The blog's root URL for a start URL, with a trailing slash.

    Drops trailing archive parts: ``page/N/``, ``feed/``, ``tag/<slug>/``,
    ``category/<slug>/…``, ``author/<slug>/``, date archives ``YYYY/[MM/[DD/]]``
    and a post slug after a full date; keeps scheme, host, port and the
    sub-site path. Query and fragment are dropped.
    """
    parts = urlsplit(start_url.strip())
    segs = [s for s in parts.path.split("/") if s]
    for i, seg in enumerate(segs[:-1]):
        if seg.lower() in _TAXONOMY:
            segs = segs[:i]
            break
    changed = True
    while segs and changed:
        changed = False
        if len(segs) >= 2 and segs[-2].lower() == "page" and segs[-1].isdigit():
            segs, changed = segs[:-2], True
        elif segs[-1].lower() in _FEED_TAIL:
            segs, changed = segs[:-1], True
        else:
            for n in (4, 3, 2, 1):
                if len(segs) >= n and _DATE_TAIL.match("/".join(segs[-n:])):
                    segs, changed = segs[:-n], True
                    break
    path = "/" + "".join(s + "/" for s in segs)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, "", ""))


def post_permalink_pattern(start_url: str) -> re.Pattern[str]:
    """Regex for absolute post permalinks ``<root>YYYY/MM/DD/<slug>[/]`` on the start URL's host.

    Matches http or https, an optional ``www.``, an optional trailing slash and
    an optional query or fragment. The date may also sit under a parent folder
    of the root other than ``/`` (BMJ's ``/bmj/latest-articles/`` lists
    ``/bmj/YYYY/...`` posts). Never matches ``page/N/``, tag or date archives,
    feeds or uploads (``files/YYYY/MM/x.jpg``).
    """
    root = urlsplit(blog_root(start_url))
    host = (root.hostname or "").lower()
    host = host.removeprefix("www.")
    port = root.port if root.port not in (None, 80, 443) else None
    port_re = f":{port}" if port else r"(?::(?:80|443))?"
    segs = [s for s in root.path.split("/") if s]
    prefixes = ["/".join(segs[:n]) + "/" for n in range(len(segs), 0, -1)] or [""]
    prefix_re = "|".join(re.escape(p) for p in prefixes)
    return re.compile(
        rf"^https?://(?:www\.)?{re.escape(host)}{port_re}/(?:{prefix_re})"
        rf"{_YEAR}/{_MONTH}/{_DAY}/[^/?#\s]+/?(?:[?#]\S*)?$",
        re.IGNORECASE,
    )


def is_page_param(name: str) -> bool:
    """Whether a query parameter numbers a listing's pages: ``paged``, ``page``, the Query
    Loop block's ``query-2-page``, Elementor's ``e-page-1a2b3c``, Enfold's
    ``avia-element-paging`` and the like."""
    return _PAGE_PARAM.fullmatch(name) is not None


def next_page_guess(page_url: str, start_url: str) -> str:
    """The URL of the page after ``page_url`` in the same listing.

    ``…/page/N/`` becomes ``…/page/N+1/``; a listing without a page number
    (front page, ``tag/x/``) gets ``page/2/``; a page-number query (``paged=N``
    of plain permalinks, the Query Loop block's ``query-2-page=N``: see
    ``is_page_param``) becomes N+1. Crawl-trap parameters and the fragment are
    dropped. ``page_url`` is resolved against ``start_url``.
    """
    url = strip_crawl_traps(urljoin(start_url, page_url))
    parts = urlsplit(url)
    pairs = parts.query.split("&") if parts.query else []
    for i, pair in enumerate(pairs):
        name, _, value = pair.partition("=")
        if is_page_param(name):
            number = int(value) if value.isdigit() else 1
            pairs[i] = f"{name}={number + 1}"
            return urlunsplit(parts._replace(query="&".join(pairs)))
    match = _PAGE_TAIL.search(parts.path)
    if match:
        path = parts.path[: match.start(2)] + f"{int(match.group(2)) + 1}/"
    else:
        path = parts.path if parts.path.endswith("/") else parts.path + "/"
        path += "page/2/"
    return urlunsplit(parts._replace(path=path))


def _site(netloc: str) -> str:
    return netloc.removeprefix("www.")


def _split(url: str) -> SplitResult:
    """``urlsplit(url)``; a plain ``http(s)://host/path`` is split here, several times faster."""
    plain = _PLAIN_URL.fullmatch(url)
    if plain is None:
        return urlsplit(url)
    return SplitResult(plain["scheme"], plain["host"], plain["path"] or "", "", "")


def _hostname(parts: SplitResult) -> str:
    """``parts.hostname or ""``, without parsing a netloc that is a plain host name."""
    netloc = parts.netloc
    if "@" in netloc or ":" in netloc or "[" in netloc or "%" in netloc:
        return parts.hostname or ""
    return netloc.lower()


def _port(parts: SplitResult) -> int | None:
    try:
        return parts.port
    except ValueError:  # a non-numeric port: keep nothing rather than fail
        return None


def _is_trap(pair: str) -> bool:
    name = pair.split("=", 1)[0].lower()
    return name in TRAP_PARAMS or name.startswith(_TRAP_PREFIXES)
