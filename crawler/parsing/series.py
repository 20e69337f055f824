"""Series prefixes, part markers and series names.

A prefix before ``:`` is a series when it says so ("... Blog Series:"), when it
is wholly quoted, or when it is a known series of the source. A part marker
(``Blog five:``, ``Part III``, ``(part 2)``) gives the part number; the text
before it names the series and the text after it is the title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import NamedTuple

from crawler.parsing.text import (
    clean_text,
    drop_quote_marks,
    has_word,
    is_wholly_quoted,
    trim_separators,
)
from crawler.parsing.text import unquote as _unquote
from crawler.parsing.wordlists import NUMBER_WORDS, ORDINAL_WORDS

_WORDS = "|".join(sorted([*NUMBER_WORDS, *ORDINAL_WORDS], key=len, reverse=True))
_ROMAN = r"(?=[XVI])X{0,3}(?:IX|IV|V?I{0,3})"
_NUMBER = rf"(?:\d{{1,3}}|(?i:{_WORDS})|{_ROMAN})"
_MARKER_WORD = r"(?i:blog(?:\s+post)?|part|episode|instal{1,2}ment)"
# Not preceded by a letter or digit; followed by a separator or the end.
_MARKER_RE = re.compile(
    r"(?<![^\s(\[,.:;–—-])[(\[]?\s*(?:"
    rf"{_MARKER_WORD}(?:\s*#\s*|\s+(?:(?i:no)\.?\s*)?)(?P<num>{_NUMBER})"
    rf"(?:\s+(?i:of)\s+{_NUMBER})?"
    r"|(?:^|(?<=[,.:;–—] ))(?i:the\s+)?"
    rf"(?P<ord>(?i:{'|'.join(ORDINAL_WORDS)})|\d{{1,2}}(?i:st|nd|rd|th))\s+{_MARKER_WORD}"
    r")\s*[)\]]?(?=\s*(?:[:.,;|)\]–—-]|$))"
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_SERIES_WORD_RE = re.compile(r"\bseries\b", re.IGNORECASE)
_COLON_RE = re.compile(r"\s*:(?:\s+|$)")
_DASH_SEPARATOR_RE = re.compile(r"\s+[–—-]\s+")
_INTRO_RE = re.compile(
    r"(?i:introducing|welcome\s+to)\s+(?:(?i:the|our|a)\s+)?(?:(?i:new)\s+)?"
    r"(?P<name>.*?\b(?i:series))(?:\s*[:–—-]\s*(?P<after>.+))?"
)
_INTRO_AFTER_RE = re.compile(
    r"(?i:introducing)\s+(?P<name>.+?)\s*[:,–—-]\s*(?i:(?:a|an|our|the)\s+)?(?i:new\s+)?"
    r"(?i:blog\s+)?(?i:series)"
)
_GENERIC_SERIES_RE = re.compile(r"(?i:(?:blog\s+)?series)")
_KEY_PUNCTUATION_RE = re.compile(r"[\W_]+")
_KEY_SUFFIX_RE = re.compile(r"(?: blog)?(?: series)?$")


class SeriesSplit(NamedTuple):
    """What is left of a heading body once its series and part are taken out."""

    title: str
    series: str | None = None
    part: int | None = None


# Series names recur by nature, and a prefix is keyed again for each set of known series.
@lru_cache(maxsize=4096)
def series_key(name: str) -> str:
    """Comparison key for spelling variants of one series name.

    Case, quotes, punctuation and spacing are ignored, and so are a leading
    ``the`` and a trailing ``blog series`` / ``series`` / ``blog``: "Greener Leader
    Blog Series", "Greener Leader Blog series", "Greener Leader Blog Series :" and
    "the “Greener Leader” series" share the key ``greener leader``.
    """
    key = _KEY_PUNCTUATION_RE.sub(" ", clean_text(name).casefold()).strip()
    key = key.removeprefix("the ")
    shorter = _KEY_SUFFIX_RE.sub("", key, count=1).strip()
    return key if shorter in ("", "blog") else shorter


def canonical_series_name(variants: Iterable[str]) -> str | None:
    """Pick one spelling for variants of a series (all with one ``series_key``).

    The most frequent cleaned spelling wins; ties go to the longer, then the more
    capitalised spelling, then the one seen first.
    """
    counts = Counter(clean_series_name(v) for v in variants)
    counts.pop("", None)
    if not counts:
        return None
    order = {name: i for i, name in enumerate(counts)}  # Counter keeps first-seen order
    return max(
        counts,
        key=lambda n: (counts[n], len(n), sum(c.isupper() for c in n), -order[n]),
    )


def clean_series_name(name: str) -> str:
    """A series name as written, without wrapping quotes or trailing separators."""
    return _unquote(trim_separators(clean_text(name)).rstrip(". ")).strip()


def known_series_keys(known_series: Iterable[str]) -> dict[str, str]:
    """Map ``series_key`` to the spelling given in ``known_series``."""
    return {series_key(name): clean_series_name(name) for name in known_series}


def part_number(token: str) -> int | None:
    """The integer of a part marker number: ``2``, ``five``, ``third``, ``III``, ``2nd``."""
    token = token.strip()
    if token[:1].isdigit():
        digits = token.rstrip("stndrhSTNDRH")
        return int(digits) or None if digits.isdigit() else None
    lowered = token.lower()
    if lowered in NUMBER_WORDS:
        return NUMBER_WORDS[lowered]
    if lowered in ORDINAL_WORDS:
        return ORDINAL_WORDS[lowered]
    total = 0
    for i, char in enumerate(token):
        value = _ROMAN_VALUES.get(char)
        if value is None:
            return None
        following = _ROMAN_VALUES.get(token[i + 1], 0) if i + 1 < len(token) else 0
        total += -value if value < following else value
    return total or None


def respelled(name: str, known: Mapping[str, str]) -> str:
    """Series ``name`` in the spelling ``known`` gives it (see ``known_series_keys``), if any."""
    return known.get(series_key(name), name)


def _named(name: str, known: Mapping[str, str]) -> str | None:
    cleaned = _written_name(name)
    if not cleaned:
        return None
    return respelled(cleaned, known) if known else cleaned


@lru_cache(maxsize=4096)  # the prefixes of a series recur
def _written_name(name: str) -> str:
    # ``name`` comes from an already cleaned heading, so clean_text is not needed again.
    return _unquote(trim_separators(name).rstrip(". ")).strip()


def _is_series_prefix(prefix: str, known: Mapping[str, str]) -> bool:
    return (
        _SERIES_WORD_RE.search(prefix) is not None
        or is_wholly_quoted(prefix)
        or (bool(known) and series_key(prefix) in known)
    )


def _split_prefix(body: str, known: Mapping[str, str], *, any_prefix: bool) -> SeriesSplit:
    """Split ``Series: Title`` at a colon (or, for a known series, a dash)."""
    if not known and ":" not in body:
        return SeriesSplit(body)
    for match in _colons(body):
        prefix, rest = body[: match.start()], body[match.end() :]
        if has_word(rest) and (any_prefix or _is_series_prefix(prefix, known)):
            return SeriesSplit(rest, _named(prefix, known))
        if not known:
            break  # only a known series may itself contain a colon
    match = _DASH_SEPARATOR_RE.search(body) if known else None
    if match:
        prefix, rest = body[: match.start()], body[match.end() :]
        if has_word(rest) and series_key(prefix) in known:
            return SeriesSplit(rest, _named(prefix, known))
    return SeriesSplit(body)


def _colons(body: str) -> Iterator[re.Match[str]]:
    """``_COLON_RE.finditer(body)``, started where the spaces before the first colon start.

    No match starts earlier, and a scan from the start tries (and fails) at each position.
    """
    first = body.find(":")
    if first < 0:
        return iter(())
    return _COLON_RE.finditer(body, len(body[:first].rstrip()))


def split_series(body: str, known: Mapping[str, str]) -> SeriesSplit:
    """Take the series prefix and part marker out of ``body`` (a heading without byline).

    Known series never move a split that finds a series without them: they only
    respell that series (``respelled``); ``headings.respell_series`` relies on this.
    """
    marker = _MARKER_RE.search(body) if _has_marker_word(body) else None
    if marker is None:
        return _split_prefix(body, known, any_prefix=False)
    part = part_number(marker["num"] or marker["ord"])
    before = trim_separators(body[: marker.start()]).rstrip(". ")
    after = trim_separators(body[marker.end() :])
    if before and has_word(after):
        return SeriesSplit(after, _named(before, known), part)
    if has_word(after):
        # "Blog 2: We need to talk about professionalism: When am I ...": a numbered
        # post's own colon prefix names its series.
        return _split_prefix(after, known, any_prefix=True)._replace(part=part)
    return _split_prefix(before or body, known, any_prefix=False)._replace(part=part)


def _has_marker_word(body: str) -> bool:
    lowered = body.lower()
    return "blog" in lowered or "part" in lowered or "episode" in lowered or "instal" in lowered


def series_intro(body: str, known: Mapping[str, str]) -> tuple[str | None] | None:
    """For ``Introducing the X Blog Series`` return ``(series,)``; None when not an intro."""
    lowered = body[:12].lower()
    if not (lowered.startswith("introducing") or lowered.startswith("welcome")):
        return None
    match = _INTRO_AFTER_RE.fullmatch(body)
    if match:
        # "Introducing ‘Voices from the Frontline’: a new blog series".
        return (_named(drop_quote_marks(match["name"]), known),)
    match = _INTRO_RE.fullmatch(body)
    if match:
        name = drop_quote_marks(match["name"])
        if _GENERIC_SERIES_RE.fullmatch(name):
            # "Introducing our new blog series: Leading in a crisis".
            return (_named(match["after"], known) if match["after"] else None,)
        return (_named(name, known),)
    return None
