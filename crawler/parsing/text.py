"""Typography clean-up shared by the heading and teaser parsers."""

from __future__ import annotations

import html
import re

DOUBLE_QUOTES = '"“”„‟«»'
SINGLE_QUOTES = "'‘’‚‛‹›"
QUOTES = DOUBLE_QUOTES + SINGLE_QUOTES

# Zero-width characters and soft hyphens sit inside words, so they go without a space.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_SEPARATORS = " :;,|–—"
_LEADING_SEPARATORS_RE = re.compile(r"(?:[:;,.|–—)\]]\s*|-+\s+)+")
_ABBREVIATION_END_RE = re.compile(r"(?:\b[^\W\d_]\.){2,}$")
_WORD_CHAR_RE = re.compile(r"\w")


def clean_text(raw: str, *, strip_tags: bool = False) -> str:
    """Return ``raw`` with HTML entities decoded and white space collapsed and trimmed.

    Quotes, dashes and letters are kept as written; only spacing and entities change.
    """
    if "&" in raw:
        decoded = html.unescape(raw)
        # WordPress feeds sometimes escape twice (``&amp;#8217;``).
        if decoded != raw and "&" in decoded:
            decoded = html.unescape(decoded)
        raw = decoded
    if strip_tags and "<" in raw:
        raw = _TAG_RE.sub(" ", raw)
    if not raw.isascii() and _has_invisible(raw):
        raw = _INVISIBLE_RE.sub("", raw)
    if raw.isprintable() and "  " not in raw and raw[:1] != " " and raw[-1:] != " ":
        # Every white space character but the plain space is unprintable, so this
        # text is already collapsed and trimmed: skip the split and join.
        return raw
    # str.split() splits on every Unicode space: NBSP, thin spaces, line separators.
    collapsed = " ".join(raw.split())
    if collapsed.isprintable():
        # Control characters, if any, were white space (newlines, tabs): all gone,
        # as a control character becomes a space below.
        return collapsed
    return " ".join(_CONTROL_RE.sub(" ", raw).split())


def _has_invisible(text: str) -> bool:
    # The characters of _INVISIBLE, as plain substring tests: several times faster than
    # a regex scan or any() over them.
    return (
        "\u00ad" in text
        or "\u200b" in text
        or "\u200c" in text
        or "\u200d" in text
        or "\u2060" in text
        or "\ufeff" in text
    )


def trim_separators(text: str) -> str:
    """Strip separators (``:``, ``,``, dashes, ``|``) and spaces left at either end of a piece."""
    text = text.rstrip(_SEPARATORS)
    # A hyphen is a separator only with a space before it ("Title -"), not in "Covid-".
    while text.endswith("-") and text.rstrip("-").endswith(" "):
        text = text.rstrip("-").rstrip(_SEPARATORS)
    text = text.lstrip()
    if text[:1] in ":;,.|–—)]-" and (leading := _LEADING_SEPARATORS_RE.match(text)):
        text = text[leading.end() :]
    return text.strip()


def has_word(text: str) -> bool:
    """True when ``text`` has a letter or digit: a title, not a stray quote or bracket."""
    return text[:1].isalnum() or _WORD_CHAR_RE.search(text) is not None


def drop_final_period(text: str) -> str:
    """Drop one sentence-ending ``.``; keep ``...``, ``?``, ``!`` and abbreviations (``U.S.``)."""
    if (
        text.endswith(".")
        and not text.endswith("..")
        and not _ABBREVIATION_END_RE.search(text[-12:])
    ):
        return text[:-1].rstrip()
    return text


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    # A letter on both sides (``children’s``) or a plural possessive (``leaders’ views``).
    return before.isalpha() and (after.isalpha() or (before in "sS" and after == " "))


def is_wholly_quoted(text: str) -> bool:
    """True when ``text`` is one quotation: it opens and closes with quotes of one family."""
    if len(text) < 3:
        return False
    first, last = text[0], text[-1]
    # Substring tests for each quote mark are much faster than a test of each character.
    if first in DOUBLE_QUOTES and last in DOUBLE_QUOTES:
        inner = text[1:-1]
        return not any(quote in inner for quote in DOUBLE_QUOTES)
    if first in SINGLE_QUOTES and last in SINGLE_QUOTES:
        inner = text[1:-1]
        if not any(quote in inner for quote in SINGLE_QUOTES):
            return True
        return all(_is_apostrophe(inner, i) for i, ch in enumerate(inner) if ch in SINGLE_QUOTES)
    return False


def unquote(text: str) -> str:
    """Remove quotes that wrap the whole of ``text``; quotes inside it stay."""
    if is_wholly_quoted(text):
        inner = text[1:-1].strip()
        if inner:
            return inner
    return text


def drop_quote_marks(text: str) -> str:
    """Remove quotation marks around words inside ``text`` but keep apostrophes."""
    if not any(ch in QUOTES for ch in text):
        return text
    kept = [
        ch
        for i, ch in enumerate(text)
        if ch not in QUOTES or (ch in SINGLE_QUOTES and _is_apostrophe(text, i))
    ]
    return " ".join("".join(kept).split())
