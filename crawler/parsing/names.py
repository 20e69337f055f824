"""Recognise the names in a byline: people, groups, honorifics, post-nominals, "et al."."""

from __future__ import annotations

import re

from crawler.parsing.wordlists import (
    COMMON_WORDS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    POST_NOMINALS,
    PROFESSOR_QUALIFIERS,
)

_MAX_PERSON_WORDS = 5
_MAX_GROUP_WORDS = 9

_NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
# "al-Hassan", "d'Souza": a lower-case particle glued to a capitalised name.
_GLUED_PARTICLE_RE = re.compile(r"(?:al|el|d|de|da|di|le|la|ibn|bin)['’\-][^\W\d_]")
_INITIALS_RE = re.compile(r"[^\W\d_](?:\.[^\W\d_]){0,3}\.?")
_GROUP_WORD_RE = re.compile(r"[^\W\d_][\w'’&.\-]*")
_MORE_RE = re.compile(
    r"(?:,?\s*\bet\.?\s*al\b\.?|,?\s*(?:\band|&)\s+(?:colleagues|others|team)\b\.?)\s*$",
    re.IGNORECASE,
)
_MORE_ENDINGS = ("al", "colleagues", "others", "team")
_SPLIT_RE = re.compile(r"\s*(?:[,;]\s*(?:(?:and|&)\s+)?|\s+and\s+|\s*&\s*)")


def is_honorific(token: str) -> bool:
    """True for a title such as ``Dr``, ``Dr.``, ``Prof`` or ``Baroness``."""
    return token[:1].isupper() and token.rstrip(".").lower() in HONORIFICS


def is_post_nominal(token: str) -> bool:
    """True for letters after a name such as ``MBE``, ``FRCP`` or ``Ph.D.``."""
    return token.rstrip(",").replace(".", "") in POST_NOMINALS


def strip_honorifics(tokens: list[str]) -> tuple[list[str], bool]:
    """Drop leading honorifics (``Professor Sir``, ``Associate Professor``); say if any were."""
    first = tokens[0].rstrip(".").lower() if tokens else ""
    if first not in HONORIFICS and first not in PROFESSOR_QUALIFIERS:
        return tokens, False
    start = 0
    while start < len(tokens):
        token = tokens[start]
        if is_honorific(token):
            start += 1
        elif (
            token.lower() in PROFESSOR_QUALIFIERS
            and start + 1 < len(tokens)
            and tokens[start + 1].rstrip(".").lower() in ("professor", "prof")
        ):
            start += 2
        else:
            break
    return tokens[start:], start > 0


def _strip_post_nominals(tokens: list[str]) -> list[str]:
    if tokens and not is_post_nominal(tokens[-1]) and not any("," in t for t in tokens):
        return tokens
    end = len(tokens)
    while end > 0 and is_post_nominal(tokens[end - 1]):
        end -= 1
    return [token.rstrip(",") for token in tokens[:end]]


def _is_name_word(token: str) -> bool:
    if token[0].isupper():
        # All capitals ("NHS", "AHP") is an acronym, not a person's name.
        if (len(token) > 1 and token.isupper()) or not _NAME_WORD_RE.fullmatch(token):
            return False
    elif not _GLUED_PARTICLE_RE.match(token):
        return False
    lowered = token.lower()
    return lowered not in COMMON_WORDS and lowered not in FUNCTION_WORDS


def _is_initials(token: str) -> bool:
    return token[0].isupper() and token.isupper() and _INITIALS_RE.fullmatch(token) is not None


def person_name(text: str, *, allow_single: bool = False) -> str | None:
    """Return the person's name in ``text`` without honorifics or post-nominals, else None.

    A name is one to five words: capitalised name words, initials, particles
    (``van``, ``de``) and ``Jr``. One word is enough only after an honorific
    (``Professor Burns``) or with ``allow_single``. Common title words
    (``Leadership``, ``Data``) are never name words.
    """
    tokens, had_honorific = strip_honorifics(text.split())
    tokens = _strip_post_nominals(tokens)
    if not tokens or len(tokens) > _MAX_PERSON_WORDS:
        return None
    if len(tokens) == 1 and not (had_honorific or allow_single):
        return None
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if _is_name_word(token):
            continue
        if i == last:
            if token.lower() in NAME_SUFFIXES and i > 1:
                continue
            return None
        if _is_initials(token) or (token in NAME_PARTICLES and i > 0):
            continue
        return None
    return " ".join(tokens)


def group_name(text: str) -> str | None:
    """Return a group author (``Nursing Regional Clinical Leadership Fellows``), else None.

    A group ends in a group noun (Fellows, team, Network...), starts with a
    capitalised word or acronym after an optional ``the``, and has no clause words.
    """
    tokens = text.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    if not 2 <= len(tokens) <= _MAX_GROUP_WORDS or tokens[-1].lower() not in GROUP_NOUNS:
        return None
    if not tokens[0][0].isupper():
        return None
    for token in tokens:
        if token in ("&", "and", "of", "for"):
            continue
        if not _GROUP_WORD_RE.fullmatch(token) or token in FUNCTION_WORDS:
            return None
    return " ".join(tokens)


def _has_separator(text: str) -> bool:
    return "," in text or " and " in text or "&" in text or ";" in text


def parse_name_list(text: str, *, people_only: bool = False) -> tuple[list[str], bool] | None:
    """Split a byline into names; return ``(names, more)`` or None when it is not only names.

    Names are separated by ``,``, ``;``, `` and ``, ``&`` (an Oxford comma is fine).
    A final ``et al.`` / ``and colleagues`` sets ``more``. Pieces that are only
    post-nominals (``Jane Roe, MBE``) are dropped. Groups count unless ``people_only``.
    """
    text = text.strip()
    more = False
    if text.rstrip(" .").lower().endswith(_MORE_ENDINGS):
        match = _MORE_RE.search(text)
        if match:
            more = True
            text = text[: match.start()]
    text = text.rstrip(" .")
    if not text:
        return None
    names: list[str] = []
    for piece in _SPLIT_RE.split(text) if _has_separator(text) else (text,):
        if not piece:
            continue
        name = person_name(piece) or (None if people_only else group_name(piece))
        if name is None:
            if all(is_post_nominal(token) for token in piece.split()):
                continue
            break
        names.append(name)
    else:
        return (names, more) if names else None
    # "Nursing and Midwifery Fellows" is one group, although "and" splits names.
    if not people_only and (group := group_name(text)):
        return [group], more
    return None
