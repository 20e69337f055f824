"""Recognise the names in a byline: people, groups, honorifics, post-nominals, "et al."."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from crawler.parsing.wordlists import (
    ACRONYMS,
    COMMON_WORDS,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    POST_NOMINAL_QUALIFIERS,
    POST_NOMINALS,
    PROFESSOR_QUALIFIERS,
    ROLE_CONNECTORS,
    ROLE_WORDS,
    SURNAME_WORDS,
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
# "MRCP(UK)", "(Eng)": a post-nominal's college in brackets.
_QUALIFIED_RE = re.compile(r"(?P<base>[^\W\d_]*)\((?P<qualifier>[^\W\d_]+)\),?")
# "Dr Habib Naqvi (Director, NHS Race and Health Observatory)": a role in brackets.
# A note after a name: a role in brackets, or a social media handle ("@janeroe").
_BRACKETED_RE = re.compile(r"\s*\(([^()]+)\)|\s+(@\w{2,})")
_HANDLE_RE = re.compile(r"@\w{2,}")
_MAX_ROLE_WORDS = 14
_MARKER_WORDS = frozenset({"part", "blog", "episode", "series"})
# Never a word of a person's name: title words, clause words and group nouns
# ("Scottish Government", "Health Observatory").
_NOT_NAME_WORDS = COMMON_WORDS | FUNCTION_WORDS | GROUP_NOUNS


class NameList(NamedTuple):
    """The names of a byline, whether it ends in "et al.", and roles written after names."""

    names: list[str]
    more: bool = False
    roles: tuple[str, ...] = ()


def is_honorific(token: str) -> bool:
    """True for a title such as ``Dr``, ``Dr.``, ``Prof`` or ``Baroness``."""
    return token[:1].isupper() and token.rstrip(".").lower() in HONORIFICS


def is_post_nominal(token: str) -> bool:
    """True for letters after a name such as ``MBE``, ``FRCP``, ``Ph.D.`` or ``MRCP(UK)``."""
    token = token.rstrip(",").replace(".", "")
    if token in POST_NOMINALS:
        return True
    if "(" not in token:
        return False
    match = _QUALIFIED_RE.fullmatch(token)
    return (
        match is not None
        and match["qualifier"].lower() in POST_NOMINAL_QUALIFIERS
        and (not match["base"] or match["base"] in POST_NOMINALS)
    )


def _is_professor(token: str) -> bool:
    return token.rstrip(".").lower() in ("professor", "prof")


def strip_honorifics(tokens: list[str]) -> tuple[list[str], bool]:
    """Drop leading honorifics (``Professor Sir``, ``the Rt Hon``, ``Emeritus Professor``).

    Say whether any were dropped.
    """
    first = tokens[0].rstrip(".").lower() if tokens else ""
    start = 0
    if first == "the" and len(tokens) > 1 and is_honorific(tokens[1]):
        start, first = 1, tokens[1].rstrip(".").lower()  # "the Rt Hon Patricia Hewitt"
    if first not in HONORIFICS and first not in PROFESSOR_QUALIFIERS:
        return tokens, False
    while start < len(tokens):
        token = tokens[start]
        if is_honorific(token):
            start += 1
        elif (
            token.lower() in PROFESSOR_QUALIFIERS
            and start + 1 < len(tokens)
            and _is_professor(tokens[start + 1])
        ):
            start += 2
        elif token.lower() == "emeritus" and start > 0 and _is_professor(tokens[start - 1]):
            start += 1  # "Professor Emeritus Dame Lesley Southgate"
        else:
            break
    return tokens[start:], start > 0


def _strip_post_nominals(tokens: list[str], *, has_comma: bool = True) -> list[str]:
    if tokens and not has_comma and not is_post_nominal(tokens[-1]):
        return tokens
    end = len(tokens)
    while end > 0 and is_post_nominal(tokens[end - 1]):
        end -= 1
    return [token.rstrip(",") for token in tokens[:end]]


def _is_name_word(token: str) -> bool:
    if token[:1].isupper():  # "" (a lone comma stripped) is no name word
        # All capitals ("NHS", "AHP") is an acronym, not a person's name.
        if (len(token) > 1 and token.isupper()) or not _NAME_WORD_RE.fullmatch(token):
            return False
    elif not _GLUED_PARTICLE_RE.match(token):
        return False
    return token.lower() not in _NOT_NAME_WORDS


def _is_initials(token: str) -> bool:
    if not (token[0].isupper() and token.isupper()):
        return False
    if len(token) == 2 and token.isalpha():
        return token.lower() not in ACRONYMS  # "JR Smith", but not "GP Partners"
    return _INITIALS_RE.fullmatch(token) is not None


# Bylines repeat the same few people, and a byline's names are tried more than once
# (alone, then in a list): remember the answers.
@lru_cache(maxsize=4096)
def person_name(text: str, *, allow_single: bool = False) -> str | None:
    """Return the person's name in ``text`` without honorifics or post-nominals, else None.

    A name is one to five words: capitalised name words, initials, particles
    (``van``, ``de``) and ``Jr``. One word is enough only after an honorific
    (``Professor Burns``) or with ``allow_single``. Common title words
    (``Leadership``, ``Data``) are never name words, except a few that are
    frequent surnames (``North``, ``Nurse``) as the last word after a first name.
    """
    tokens, had_honorific = strip_honorifics(text.split())
    tokens = _strip_post_nominals(tokens, has_comma="," in text)
    if not tokens or len(tokens) > _MAX_PERSON_WORDS:
        return None
    if len(tokens) == 1 and not (had_honorific or allow_single):
        return None
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if _is_name_word(token):
            continue
        if i == last:
            lowered = token.lower()
            if lowered in NAME_SUFFIXES and i > 1:
                continue
            if lowered in SURNAME_WORDS and token[:1].isupper() and _is_name_word(tokens[0]):
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
    A capitalised group noun followed by ``of``/``for`` also heads a group when
    every other word is capitalised: ``Royal College of General Practitioners``,
    ``Institute for Healthcare Improvement``.
    """
    tokens = text.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    if not 2 <= len(tokens) <= _MAX_GROUP_WORDS or not tokens[0][0].isupper():
        return None
    if tokens[-1].lower() not in GROUP_NOUNS and not _is_named_body(tokens):
        return None
    for token in tokens:
        if token in ("&", "and", "of", "for"):
            continue
        if not _GROUP_WORD_RE.fullmatch(token) or token in FUNCTION_WORDS:
            return None
    return " ".join(tokens)


def _is_named_body(tokens: list[str]) -> bool:
    """``Faculty of Medical Leadership and Management``: a group noun, then of/for, all capitals."""
    headed = False
    for i, token in enumerate(tokens):
        if token in ("&", "and", "of", "for", "the"):
            continue
        if not token[0].isupper():
            return False
        if (
            not headed
            and token.lower() in GROUP_NOUNS
            and i + 1 < len(tokens)
            and tokens[i + 1] in ("of", "for")
        ):
            headed = True
    return headed


def _has_separator(text: str) -> bool:
    return "," in text or " and " in text or "&" in text or ";" in text


def is_role(text: str) -> bool:
    """True for a role or affiliation written after a name.

    ``Chief Executive of NHS Employers``, ``chair of the BMA GP committee``,
    ``NHS England``, ``on behalf of the FMLM Trainee Steering Group``: capitalised
    words, acronyms and numbers, role words, and joining words; no clause words.
    """
    tokens = text.split()
    if tokens and tokens[0] in ("a", "an"):
        tokens = tokens[1:]  # "a GP in Leeds", "an honorary senior lecturer"
        if tokens and tokens[0] in PROFESSOR_QUALIFIERS:
            tokens = tokens[1:]
    if not tokens or len(tokens) > _MAX_ROLE_WORDS:
        return False
    first = tokens[0]
    if first.lower() in _MARKER_WORDS:
        return False  # "Jane Roe, Part 2": a part marker, not a role
    if not (
        first[0].isupper()
        or first in ROLE_WORDS
        or first[0] == "@"
        or text.startswith("on behalf of ")
    ):
        return False
    for token in tokens:
        token = token.strip("(),;")
        if not token:
            return False
        if token[0] == "@" and _HANDLE_RE.fullmatch(token):
            continue
        if token[0].isupper() or token[0].isdigit():
            if not _GROUP_WORD_RE.fullmatch(token) and not token.isalnum():
                return False
            continue
        lowered = token.lower()
        if lowered in ROLE_CONNECTORS or lowered in ROLE_WORDS:
            continue
        if lowered in FUNCTION_WORDS or not (lowered in COMMON_WORDS or lowered in GROUP_NOUNS):
            return False
    return True


def parse_name_list(text: str, *, people_only: bool = False) -> NameList | None:
    """Split a byline into names; return a ``NameList`` or None when it is not only names.

    Names are separated by ``,``, ``;``, `` and ``, ``&`` (an Oxford comma is fine).
    A final ``et al.`` / ``and colleagues`` sets ``more``. Pieces that are only
    post-nominals (``Jane Roe, MBE``) are dropped. Groups count unless ``people_only``.
    A role after a person's name, after a comma or in brackets (``Jane Roe, Chief
    Executive of X``), is kept in ``roles``, not taken for a name (bracketed roles
    and handles first, then the others, each in the order written).
    """
    parsed = _parse_name_list(text, people_only)
    # A list of its own: the cached answer is shared between calls.
    return None if parsed is None else NameList(list(parsed.names), parsed.more, parsed.roles)


# The same bylines come back post after post (a blog's regular authors): remember them.
@lru_cache(maxsize=4096)
def _parse_name_list(text: str, people_only: bool) -> NameList | None:
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
    if ("(" in text or "@" in text) and _has_bracketed_role(text):
        return _parse_bracketed(text, more, people_only=people_only)
    if not _has_separator(text):
        name = person_name(text) or (None if people_only else group_name(text))
        return NameList([name], more) if name else None
    found = _split_names(text, people_only=people_only)
    if found is not None:
        return NameList(found[0], more, found[1])
    # "Nursing and Midwifery Fellows" is one group, although "and" splits names.
    if not people_only and (group := group_name(text)):
        return NameList([group], more)
    return None


def _split_names(text: str, *, people_only: bool) -> tuple[list[str], tuple[str, ...]] | None:
    names: list[str] = []
    roles: list[str] = []
    role_start = -1  # where the role being read began, or -1
    role_end = 0
    position = 0
    after_comma = False
    for separator in (*_SPLIT_RE.finditer(text), None):
        end = separator.start() if separator else len(text)
        piece = text[position:end]
        if piece:
            name = person_name(piece)
            if name is not None:
                names.append(name)
                if role_start >= 0:
                    roles.append(text[role_start:role_end])
                    role_start = -1
            elif all(is_post_nominal(token) for token in piece.split()):
                pass
            elif names and (role_start >= 0 or after_comma) and is_role(piece):
                # "Jane Roe, Chief Executive, NHS Providers": a role, not an author.
                if role_start < 0:
                    role_start = position
                role_end = end
            elif not people_only and (group := group_name(piece)):
                names.append(group)
                if role_start >= 0:
                    roles.append(text[role_start:role_end])
                    role_start = -1
            else:
                return None
        if separator is None:
            break
        position = separator.end()
        after_comma = separator.group().lstrip()[:1] in (",", ";")
    if role_start >= 0:
        roles.append(text[role_start:role_end])
    return (names, tuple(roles)) if names else None


def _has_bracketed_role(text: str) -> bool:
    """True for a handle, or a bracket with more than a post-nominal's college (``(Eng)``)."""
    return any(
        not match[1] or match[1].strip().lower() not in POST_NOMINAL_QUALIFIERS
        for match in _BRACKETED_RE.finditer(text)
    )


def _parse_bracketed(text: str, more: bool, *, people_only: bool) -> NameList | None:
    """A byline with notes: ``Dr Habib Naqvi (Director, NHS Race ...)``, ``Jo Li @joli``."""
    bracketed = [(match[1] or match[2]).strip() for match in _BRACKETED_RE.finditer(text)]
    if not bracketed or not all(is_role(role) for role in bracketed):
        return None
    rest = _BRACKETED_RE.sub("", text)
    if "(" in rest or ")" in rest:
        return None
    parsed = parse_name_list(rest, people_only=people_only)
    if parsed is None or not any(person_name(name) for name in parsed.names):
        return None
    return NameList(parsed.names, more or parsed.more, (*bracketed, *parsed.roles))
