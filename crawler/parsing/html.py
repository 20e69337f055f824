"""HTML helpers shared by the page parsers: decoding, parsing, links, text, headings.

What an element is (page chrome, metadata, a widget) is ``crawler.parsing.kinds``.

Everything here tolerates broken input: ``decode_html`` never raises and
``parse_html`` returns ``None`` instead of raising.
"""

from __future__ import annotations

import html as html_lib
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.cssselect import CSSSelector
from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Tags whose start or end breaks a line of running text.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>")
# A root-relative link that urljoin only prefixes with the base's scheme and host: no "//"
# (another host), no dot segments to resolve, no parameters, query or fragment to re-split
# (urljoin drops an empty "?" or "#"), no tab or line break (urlsplit removes them).
_PLAIN_ROOT_PATH = re.compile(r"(?!.*/\.)/(?!/)[^?#;\\\t\r\n]*\Z")
# An http(s) URL with a plain ASCII host (no brackets) and at most a numeric port: it splits.
_PLAIN_HTTP_URL = re.compile(
    r"https?://[A-Za-z0-9.\-_~%!$&'()*+,;=@]*(?::([0-9]{1,5}))?(?:[/?#]|\Z)"
)
_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE)
# collect_ids=False: nothing looks elements up by id (CSS "#x" compares the attribute), so
# libxml2 need not hash every id of the page.
_PARSER_OPTIONS = dict(
    recover=True,
    remove_comments=True,
    remove_pis=True,
    no_network=True,
    default_doctype=False,
    collect_ids=False,
)
_PARSER = etree.HTMLParser(**_PARSER_OPTIONS)
_UTF8_PARSER = etree.HTMLParser(**_PARSER_OPTIONS, encoding="utf-8")


def decode_html(data: str | bytes) -> str:
    """Return ``data`` as text. Never raises.

    Bytes are decoded by BOM, then the ``<meta>`` charset, then UTF-8, then
    cp1252 (what browsers use for "latin-1"), then latin-1, which always works.
    """
    return _decode(data)[0]


def _decode(data: str | bytes) -> tuple[str, bool]:
    """``decode_html`` and whether it read bytes as UTF-8 (no BOM)."""
    if isinstance(data, str):
        return data, False
    bom_enc, bom = read_bom(data)
    if bom_enc and bom:
        return data[len(bom) :].decode(bom_enc, "replace"), False
    declared = html_body_declared_encoding(data[:4096])
    for enc in (resolve_encoding(declared) if declared else None, "utf-8", "cp1252"):
        if enc:
            try:
                return data.decode(enc), enc == "utf-8"
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode("latin-1"), False


def parse_html(data: str | bytes) -> etree._Element | None:
    """Parse (possibly broken) HTML into an lxml tree; ``None`` when nothing is there."""
    text, utf8 = _decode(data)
    start = text[:64].lstrip()  # not the whole page: lstrip and strip copy what they keep
    if len(start) < 5:
        start = text.lstrip()
    if start[:5].lower() == "<?xml":
        text = _XML_DECL.sub("", text, count=1)  # lxml refuses str input that declares an encoding
        utf8 = False
    if not text or text.isspace():
        return None
    if utf8 and "\x00" not in text:
        # The same tree from the bytes themselves: lxml would hand the text to libxml2 as
        # UTF-16 (or latin-1) and have it converted back to UTF-8. (A NUL takes the path
        # below, which drops it.)
        try:
            return etree.fromstring(data, _UTF8_PARSER)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            pass
    try:
        return etree.fromstring(text, _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        try:
            return etree.fromstring(_BAD_CHARS.sub("", text), _PARSER)
        except (etree.ParserError, etree.XMLSyntaxError, ValueError):
            return None


def base_url(root: etree._Element, page_url: str) -> str:
    """The URL relative links resolve against: ``<base href>`` if present, else the page."""
    for el in root.iter("base"):
        url = absolute(el.get("href"), page_url)
        if url:
            return url
    return page_url


def valid_url(url: str) -> bool:
    """False when ``urllib`` cannot split ``url`` (bad IPv6 host or port)."""
    plain = _PLAIN_HTTP_URL.match(url)
    if plain and (plain[1] is None or int(plain[1]) <= 65535):
        return True  # nothing urlsplit could reject: a plain host name and a valid port
    try:
        urlsplit(url).port  # noqa: B018 - the property raises on a bad port
    except ValueError:
        return False
    return True


# absolute() results by (href, base). A page resolves each permalink several times (title,
# thumbnail, read-more, teaser and pager checks) and a site repeats its menu and sidebar
# links on every page; urljoin and urlsplit cost far more than the look-up.
_absolute_cache: dict[tuple[str, str], str | None] = {}


def absolute(href: str | None, base: str) -> str | None:
    """Resolve ``href`` against ``base``; ``None`` for empty, script and mail links."""
    if not href:
        return None
    key = (href, base)
    try:
        return _absolute_cache[key]
    except KeyError:
        pass
    url = _resolve(href, base)
    if len(_absolute_cache) > 20_000:  # bound memory over a long crawl of many sites
        _absolute_cache.clear()
    _absolute_cache[key] = url
    return url


def _resolve(href: str, base: str) -> str | None:
    href = href.strip()
    lowered = href[:11].lower()
    if not href or lowered.startswith(("javascript:", "mailto:", "tel:", "data:", "#")):
        return None
    try:
        if lowered.startswith(("http://", "https://")):
            url = href
        elif _PLAIN_ROOT_PATH.match(href) and (origin := _origin(base)):
            url = origin + href  # what urljoin makes of it, at a fraction of the cost
        else:
            url = urljoin(base, href)
    except ValueError:
        return None
    return url if valid_url(url) else None


@lru_cache(maxsize=256)
def _origin(base: str) -> str | None:
    """``scheme://host`` of an http(s) ``base`` (as urljoin rebuilds it), else ``None``."""
    parts = urlsplit(base)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


def collapse(text: str) -> str:
    """Collapse runs of white space (including no-break spaces) to one space."""
    text = text.strip()
    # The only printable white space is " ": a printable text without "  " is collapsed
    # already, and most are (splitting and joining costs twice the checks).
    if text.isprintable() and "  " not in text:
        return text
    return " ".join(text.split())


def unescape_leftovers(text: str) -> str:
    """Decode entities that survived parsing (double-escaped titles such as ``&amp;#8217;``)."""
    return html_lib.unescape(text) if "&" in text and _ENTITY.search(text) else text


def text_of(el: etree._Element) -> str:
    """Text content of ``el`` (entities decoded), white space collapsed."""
    if len(el):
        return collapse(etree.tostring(el, method="text", encoding=str, with_tail=False))
    return collapse(el.text or "")  # no child nodes: the text is all there is, unserialised


def tokens(el: etree._Element) -> list[str]:
    """The class and id tokens of ``el``."""
    value = el.get("class")
    out = value.split() if value else []
    ident = el.get("id")
    if ident:
        out.append(ident)
    return out


# Inline containers a title link may sit in below its heading (<h2><span><a>).
INLINE_TAGS = frozenset({"span", "strong", "b", "em", "i", "font", "small", "mark", "u"})


def heading_around(el: etree._Element) -> etree._Element | None:
    """The heading ``el`` sits in, through inline wrappers only (``<h2><span><a>``)."""
    parent = el.getparent()
    while parent is not None and isinstance(parent.tag, str):
        if parent.tag in HEADING_TAGS:
            return parent
        if parent.tag not in INLINE_TAGS and parent.tag != "a":
            return None
        parent = parent.getparent()
    return None


def has_heading(el: etree._Element) -> bool:
    """True when ``el`` contains a heading (or is one)."""
    return first_heading(el) is not None


def first_heading(el: etree._Element) -> etree._Element | None:
    """``el`` if it is a heading, else its first heading in document order, or ``None``."""
    if el.tag in HEADING_TAGS:
        return el
    # Testing the few descendants of a typical block costs less than setting up an iterator
    # that matches six tags.
    for sub in el.iterdescendants():
        if sub.tag in HEADING_TAGS:
            return sub
    return None


@lru_cache(maxsize=64)
def css(selector: str) -> CSSSelector:
    """Compiled CSS selector (HTML rules: case-insensitive tag names). Raises ``ValueError``."""
    try:
        return CSSSelector(selector, translator="html")
    except Exception as exc:  # cssselect raises several error types
        raise ValueError(f"invalid CSS selector {selector!r}: {exc}") from exc
