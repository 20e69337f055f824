"""Find the byline at the end of a heading: `` by Name``, `` – Name``, `` | Name``."""

from __future__ import annotations

import re
from typing import NamedTuple

from crawler.parsing.names import parse_name_list
from crawler.parsing.text import drop_final_period, has_word, trim_separators
from crawler.parsing.wordlists import BY_PHRASE_VERBS, BYLINE_LEAD_INS

# Greedy ``body`` makes the match start at the LAST " by "; the spec takes the last one.
_BY_RE = re.compile(r"(?P<body>.*\S)\s+(?P<open>\()?(?:by|By|BY):?\s+(?P<tail>.+)", re.DOTALL)
# "Leadership in the NHS -Jon Rouse": the space after the dash is sometimes missing.
_DASH_RE = re.compile(r"(?P<body>.*\S)\s+(?:[–—|]|-{1,2})\s*(?P<tail>\S.*)", re.DOTALL)
# "Title – a guest blog by Name", "Title, written by Name": words that lead into the byline.
# "Title. Written by Name": after a sentence's end the lead-in goes, the "." goes later.
_LEAD_IN_RE = re.compile(
    r"(?:\s*[,:;|–—]|\s+-+|(?<=[.?!])\s+)\s*(?i:(?:an?\s+)?(?:guest\s+)?(?:blog(?:\s+post)?|"
    r"post|article|piece|essay|opinion(?:\s+piece)?)|written|posted|reviewed|edited)$"
)


# "In memoriam – Kate Granger": the name after the dash is whom the post is about.
_TRIBUTE_RE = re.compile(
    r"(?i:(?:an?\s+)?(?:personal\s+)?(?:tribute|obituary|in\s+memoriam|in\s+memory|farewell"
    r"|thank\s+you|remembering|celebrating))\W*"
)


class Byline(NamedTuple):
    """A heading split at its byline; ``authors`` is empty when there is none.

    ``roles`` are roles written after names (``Chief Executive of X``). ``plain``
    says the byline followed a word directly (``Title by Name``), with no
    punctuation, bracket or lead-in word (``. By``, ``(by``, ``reviewed by``).
    """

    body: str
    authors: tuple[str, ...] = ()
    more: bool = False
    roles: tuple[str, ...] = ()
    plain: bool = False


def _title_before(body: str) -> tuple[str, bool]:
    """The title before a byline, and whether a lead-in ("written", "a blog") went."""
    last_word = body[body.rfind(" ") + 1 :].lower()
    led_in = False
    if last_word in BYLINE_LEAD_INS and (lead_in := _LEAD_IN_RE.search(body)):
        body = body[: lead_in.start()]
        led_in = True
    return drop_final_period(trim_separators(body)), led_in


def _by_byline(text: str) -> Byline | None:
    match = _BY_RE.fullmatch(text)
    if match is None:
        return None
    body, tail = match["body"], match["tail"]
    if match["open"]:
        if not tail.endswith(")"):
            return None
        tail = tail[:-1]
    if _last_word(body) in BY_PHRASE_VERBS:
        return None
    parsed = parse_name_list(tail)
    if parsed is None:
        return None
    title, led_in = _title_before(body)
    if not has_word(title):
        return None
    plain = not (match["open"] or led_in) and body[-1:].isalnum()
    return Byline(title, tuple(parsed.names), parsed.more, parsed.roles, plain)


def _last_word(body: str) -> str:
    """The word just before "by", or "" when a sentence ended there ("... go? By Sue")."""
    word = body[body.rfind(" ") + 1 :].rstrip(",;:–—-")
    return word.lower() if word.isalpha() else ""


def _dash_byline(text: str) -> Byline | None:
    # A dash or bar after a space, as plain substring tests: faster than any() over a tuple.
    if not (" –" in text or " —" in text or " -" in text or " |" in text):
        return None
    match = _DASH_RE.fullmatch(text)
    if match is None or _TRIBUTE_RE.fullmatch(match["body"]):
        return None
    # Only people here: "Pieces of Us – Complexity and Leadership" must stay a title.
    parsed = parse_name_list(match["tail"], people_only=True)
    if parsed is None:
        return None
    title, _ = _title_before(match["body"])
    if not has_word(title):
        return None
    return Byline(title, tuple(parsed.names), parsed.more, parsed.roles)


def split_byline(text: str) -> Byline:
    """Split cleaned heading ``text`` into the text before the byline and the byline's names.

    The last `` by `` followed only by names wins; failing that, a final
    `` – ``/`` — ``/`` - ``/`` | `` followed only by people's names. The text
    before loses the separator and the ``.`` that preceded ``By``.
    """
    if "by" in text or "By" in text or "BY" in text:
        found = _by_byline(text)
        if found is not None:
            return found
    return _dash_byline(text) or Byline(text)
