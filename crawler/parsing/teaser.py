"""Clean a listing teaser (WordPress auto-excerpt) into plain text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.parsing.text import clean_text

# Link text after the excerpt. An ellipsis or arrow marks it as a link wherever it
# stands; without one, "Read More" must be capitalised or follow the end of a sentence
# or a cut, so a teaser ending "... we must read more" keeps its words.
_AFTER_BREAK = r"(?:^|(?<=[^\w\s,;:])|(?<=[^\w\s,;:]\s))"
# Every pattern below is anchored at the end and matches characters of one kind only,
# so a match lies within the text's final run of that kind: the search starts there.
_LINK_TEXT_RUN_RE = re.compile(r"[\w\s….→›»>]*")  # words, spaces, ellipses, arrows
_CONTINUE_RUN_RE = re.compile(r"[^.!?]*")  # "Continue reading <title> →": no sentence end
_CUT_RUN_RE = re.compile(r"[\s\[\]….]*")  # "[…]", "[...]", "…", "..."
# Each read-more pattern with the run its matches lie in.
_READ_MORE_RES = (
    (
        re.compile(r"(?:^|(?<=\s))(?i:read\s+more|continue\s+reading)\s*(?:…|\.{3}|→|›|»|>>)\s*$"),
        _LINK_TEXT_RUN_RE,
    ),
    (
        re.compile(r"(?:^|(?<=\s))Continue\s+reading\b[^.!?]{0,200}?(?:→|›|»|>>)\s*$"),
        _CONTINUE_RUN_RE,
    ),
    (re.compile(r"(?:^|(?<=\s))(?:Read\s+[Mm]ore|READ\s+MORE)\s*$"), _LINK_TEXT_RUN_RE),
    (re.compile(_AFTER_BREAK + r"(?i:read\s+more|continue\s+reading)\s*$"), _LINK_TEXT_RUN_RE),
    (re.compile(_AFTER_BREAK + r"(?i:more)\s*(?:…|\.{3})\s*$"), _LINK_TEXT_RUN_RE),
)
# Longer than any read-more or cut-marker match (the longest allows 200 characters).
_TAIL = 300
_CUT_ENDINGS = ("]", "…", "...")
_LINK_ENDINGS = ("…", "...", "→", "›", "»", ">>")
_TRUNCATION_RE = re.compile(r"\s*(?:\[\s*(?:…|\.{3,})\s*\]|…|\.{3,})\s*$")
_ORIGIN_RE = re.compile(
    r"(?i:this\s+(?:blog\s+post|blog|article|post|piece)\s+(?:was|has\s+been|is)\s+"
    r"(?:originally|first)\s+(?:published|posted|written)\s+(?:on|in|by|for)\s+)"
    r"(?:the\s+)?(?P<site>.{1,120}?)"
    r"(?:[’']s)?"
    r"(?:\s+(?i:website|web\s+site|site|blog|webpage|page|pages)\b|[.,;:(]\s|[.,;:]?$|\s+on\s+\d)"
)


@dataclass(frozen=True, slots=True)
class ParsedTeaser:
    """A teaser as plain text, whether it was cut, and where the post first appeared."""

    text: str
    truncated: bool = False
    originally_published_at: str | None = None


def parse_teaser(raw: str) -> ParsedTeaser:
    """Clean one teaser. Never raises.

    White space (NBSP included) is collapsed, tags and entities become text, the
    ``Read More…`` link text is dropped, and a final cut marker (``[…]``, ``[...]``,
    ``…``, ``...``) is dropped and recorded as ``truncated``. A teaser opening with
    "This blog post was originally published on the X website" records X as
    ``originally_published_at``; the sentence itself stays in the text.
    """
    text = clean_text(raw, strip_tags=True)
    truncated = False
    changed = True
    while changed and text:
        changed = False
        # Every pattern is anchored at the end, so only the tail is searched, and
        # only when the text ends the way a pattern needs: a regex scan from each
        # position of a 55-word teaser cost more than the rest of the pipeline.
        tail = max(0, len(text) - _TAIL)
        ending = text[-12:].lower()
        if "more" in ending or "reading" in ending or ending.rstrip().endswith(_LINK_ENDINGS):
            for pattern, run in _READ_MORE_RES:
                read_more = _search_end(pattern, run, text, tail)
                if read_more:
                    text, changed = text[: read_more.start()].rstrip(), True
                    break
        if text.endswith(_CUT_ENDINGS) and (
            cut := _search_end(_TRUNCATION_RE, _CUT_RUN_RE, text, tail)
        ):
            text, changed, truncated = text[: cut.start()].rstrip(), True, True
    return ParsedTeaser(text, truncated, _origin(text))


def _search_end(
    pattern: re.Pattern[str], run: re.Pattern[str], text: str, tail: int
) -> re.Match[str] | None:
    """``pattern.search(text, tail)`` for an end-anchored pattern whose matches lie in ``run``.

    ``run`` matches every character such a match can hold, so the match starts
    within the final run of them. Searching from there finds the same match
    without a failed attempt at each earlier position of the tail (that scan was
    most of the time spent on a teaser).
    """
    run_length = run.match(text[tail:][::-1]).end()
    return pattern.search(text, len(text) - run_length)


def _origin(text: str) -> str | None:
    if text[:4].lower() != "this":
        return None
    match = _ORIGIN_RE.match(text)
    return match["site"].strip() if match else None
