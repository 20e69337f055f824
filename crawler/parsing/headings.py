"""Split a listing heading into title, series, part, authors and kind.

Implements ../shared/spec/headings.md (copied in the README). The work is shared
with ``bylines`` (who wrote it), ``series`` (series prefix and part marker) and
``names`` (what a name looks like); this module decides the kind and the title.

Choices where the spec leaves doubt (headings-2):

- A role after a name ("by Jane Roe, Chief Executive of NHS Employers", "– Ruth
  May, Chief Nursing Officer", "by Dr Jo Li (Director, X)", "@handle") is not an
  author: the name goes to ``authors`` and the role, word for word, to
  ``author_roles``, so no word of the heading is lost. A role follows a comma or
  sits in brackets; after " and " a name or group is a co-author.
- "Book review: Humble Inquiry by Edgar Schein" names the book's author: the
  title keeps "by Edgar Schein" and there are no authors. A reviewer is named
  after ". By", "reviewed by", "– Book Review by", or after a quoted book title.
- "Q&A: Name on ..." and "Interview: Name ..." are interviews only when a
  person's name follows the label; "Host in conversation with Guest" is an
  interview of the guest, with no authors (the spec takes none from interviews).
- A dash before a name is no byline after a bare tribute ("In memoriam – Name").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from crawler.parsing.bylines import Byline, split_byline
from crawler.parsing.names import parse_name_list, person_name, strip_honorifics
from crawler.parsing.series import (
    canonical_series_name,
    known_series_keys,
    respelled,
    series_intro,
    series_key,
    split_series,
)
from crawler.parsing.text import (
    clean_text,
    drop_final_period,
    has_word,
    is_wholly_quoted,
    trim_separators,
    unquote,
)

__all__ = [
    "KINDS",
    "PARSER_VERSION",
    "HeadingDraft",
    "ParsedHeading",
    "canonical_series_name",
    "parse_heading",
    "respell_series",
    "series_key",
]

# Bump when parsing rules change, so stored rows can be told apart from a re-parse.
PARSER_VERSION = "headings-2"

KINDS = ("article", "book-review", "interview", "series-intro")

# An optional "Podcast:"-style label may come first; the title stays whole either way.
# After a bare "Q&A:" or "Interview:" label a person's name must follow ("Interview:
# Sir Mike Richards on ..."), so "Interview: what panels look for" stays an article.
_INTERVIEW_RE = re.compile(
    r"(?:[^:]{1,60}:\s+)?"
    r"(?:(?i:in\s+conversation|a\s+conversation|in\s+discussion|(?:an\s+)?interview|a\s+chat"
    r"|q\s*&\s*a|(?:\w+|\d+)\s+minutes)\s+(?i:with)\s+|(?i:in\s+conversation)\s*[:–—-]\s*"
    r"|(?P<label>(?i:q\s*&\s*a|interview))\s*[:–—-]\s*)"
    r"(?P<rest>.+)"
)
# "Domhnall MacAuley in conversation with Sir Simon Wessely": a named host first.
_HOSTED_INTERVIEW_RE = re.compile(
    r"(?P<host>[^:]{3,60}?)\s+(?i:in\s+conversation\s+with|in\s+discussion\s+with"
    r"|talks\s+(?:to|with))\s+(?P<rest>.+)"
)
_SUBJECT_END_RE = re.compile(r"\s*(?:[:?(|–—]|\s-\s|,\s)|\s+(?:on|about)\s+")
_REVIEW_SUFFIX_RE = re.compile(
    r"(?:\s*[:|,–—]\s*|\s+-+\s+|\s*\(\s*)(?i:an?\s+)?(?i:book\s+review)\s*\)?$"
)
_REVIEW_PREFIX_RE = re.compile(
    r"(?i:an?\s+)?(?i:book\s+review)(?:\s*[:|–—]\s*|\s+-+\s+|\s+(?i:of)\s+)"
)


@dataclass(frozen=True, slots=True)
class ParsedHeading:
    """The facts packed into one heading; see the field table in the spec."""

    title: str
    series: str | None = None
    series_part: int | None = None
    authors: tuple[str, ...] = field(default_factory=tuple)
    authors_more: bool = False
    kind: str = "article"
    subject: str | None = None
    # Roles written after names in the byline ("Chief Executive of NHS Employers"), in
    # order; kept so no word of the heading is lost, but they are not authors.
    author_roles: tuple[str, ...] = ()


def parse_heading(heading: str, *, known_series: Collection[str] = ()) -> ParsedHeading:
    """Parse one heading line. Never raises.

    ``known_series`` are colon prefixes that recur on other posts of the same
    source (compared with ``series_key``); such a prefix is a series, reported
    in the spelling given there. ``title`` is never empty when ``heading`` has
    any non-space text; the caller keeps ``heading`` itself unchanged.
    """
    return HeadingDraft(heading).parse(known_series)


_NOT_DRAFTED = Byline("")


class HeadingDraft:
    """A heading parsed as far as it can be without the source's known series.

    ``HeadingDraft(heading).parse(known_series)`` is ``parse_heading(heading,
    known_series=known_series)``. The byline and interview rules, most of the
    work, do not depend on known series, so a caller that parses one heading
    against several sets of them (``recurrence.relabelled``) drafts it once.
    """

    __slots__ = ("_byline", "_done", "_text")

    def __init__(self, heading: str) -> None:
        self._text = text = clean_text(heading)
        self._byline = _NOT_DRAFTED
        # The result whatever the known series: an interview, or a heading that failed.
        self._done: ParsedHeading | None = None
        if not text:
            return
        try:
            self._draft(text)
        except Exception:  # one odd heading must not stop a crawl
            self._done = ParsedHeading(title=text)

    def parse(self, known_series: Collection[str] = ()) -> ParsedHeading:
        """The parsed heading, given the known series of its source (see ``parse_heading``)."""
        if not self._text:
            return ParsedHeading(title="")
        try:
            # Read first: known series that cannot be read fail any heading, interviews too.
            known = _known_keys(known_series)
            if self._done is not None:
                return self._done
            return _complete(self._text, self._byline, known)
        except Exception:  # one odd heading must not stop a crawl
            return ParsedHeading(title=self._text)

    def _draft(self, text: str) -> None:
        byline = split_byline(text)
        if byline.plain and _names_the_books_author(byline.body):
            byline = Byline(drop_final_period(text))
        self._byline = byline
        body = byline.body
        subject = _interview(body) if _has_interview_hint(body) else None
        if subject is not None:
            self._done = ParsedHeading(
                title=body, authors=byline.authors, authors_more=byline.more, kind="interview",
                subject=subject or None, author_roles=byline.roles,
            )  # fmt: skip


def respell_series(parsed: ParsedHeading, known_series: Collection[str]) -> ParsedHeading:
    """``parse_heading(heading, known_series=known_series)``, for a heading that names a series.

    ``parsed`` is the heading parsed without known series, and its ``series`` is
    set. Known series never move the split that found it (see ``split_series``):
    they can only respell the series, so the heading need not be parsed again.
    """
    if parsed.series is None:
        raise ValueError("respell_series needs a heading that names a series")
    series = respelled(parsed.series, _known_keys(known_series))
    return parsed if series == parsed.series else replace(parsed, series=series)


def _known_keys(known_series: Collection[str]) -> Mapping[str, str]:
    if not known_series:
        return {}
    try:
        return _cached_known_keys(known_series)
    except TypeError:  # a list or set: not hashable, so not cached
        return known_series_keys(known_series)


@lru_cache(maxsize=64)
def _cached_known_keys(known_series: Collection[str]) -> Mapping[str, str]:
    return known_series_keys(known_series)


def _complete(text: str, byline: Byline, known: Mapping[str, str]) -> ParsedHeading:
    """Series, part, title and kind of a heading that is no interview (see ``HeadingDraft``)."""
    body = byline.body
    intro = series_intro(body, known)
    if intro is not None:
        return ParsedHeading(
            title=_finish(body, text), series=intro[0], authors=byline.authors,
            authors_more=byline.more, kind="series-intro", author_roles=byline.roles,
        )  # fmt: skip

    body, is_review = _strip_book_review(body)
    split = split_series(body, known)
    title = split.title
    who = byline
    if split.part is not None and not byline.authors:
        # "Leading change by Jane Roe, Part 2": the byline shows once the marker is gone.
        late = split_byline(title)
        if late.authors:
            title, who = late.body, late
    if not is_review:
        title, is_review = _strip_book_review(title)
    return ParsedHeading(
        title=_finish(title, byline.body), series=split.series, series_part=split.part,
        authors=who.authors, authors_more=who.more,
        kind="book-review" if is_review else "article", author_roles=who.roles,
    )  # fmt: skip


def _has_interview_hint(body: str) -> bool:
    # Plain substring tests: much faster than a regex of alternatives or any().
    return (
        "with" in body
        or "onversation" in body
        or "&" in body
        or "nterview" in body
        or "iscussion" in body
        or "talks" in body
    )


def _names_the_books_author(body: str) -> bool:
    """``Book review: Humble Inquiry by Edgar Schein``: the "by" names the book's author.

    Only for a heading that opens with a book-review label and an unquoted book
    title followed directly by "by"; a reviewer is named after ``. By``, ``reviewed
    by`` or ``– Book Review by``, and a quoted title (``Book review of ‘X’ by Y``)
    keeps its byline.
    """
    if not body[:11].lower().startswith(("book review", "a book revi")):
        return False
    match = _REVIEW_PREFIX_RE.match(body)
    return match is not None and not is_wholly_quoted(body[match.end() :].strip())


def _interview(body: str) -> str | None:
    """The interviewee of an interview heading ("" when unnamed), or None when not one."""
    match = _INTERVIEW_RE.match(body)
    if match:
        subject = _interview_subject(match["rest"], names_only=bool(match["label"]))
        return "" if subject is None and not match["label"] else subject
    if "onversation with" not in body and "iscussion with" not in body and "talks " not in body:
        return None
    match = _HOSTED_INTERVIEW_RE.match(body)
    if match and person_name(match["host"]):
        return _interview_subject(match["rest"], names_only=True)
    return None


def _strip_book_review(text: str) -> tuple[str, bool]:
    if "review" not in text.lower():
        return text, False
    match = _REVIEW_SUFFIX_RE.search(text) or _REVIEW_PREFIX_RE.match(text)
    if match is None:
        return text, False
    stripped = (text[: match.start()] + text[match.end() :]).strip()
    return (stripped or text), True


def _finish(title: str, fallback: str) -> str:
    cleaned = unquote(trim_separators(title))
    if has_word(cleaned) or not has_word(fallback):
        return cleaned or fallback
    return fallback


def _interview_subject(rest: str, *, names_only: bool = False) -> str | None:
    """The interviewee: names in ``rest`` up to a ``:``/dash/``?``/`` on ``, no honorifics.

    Without names, the words up to there ("the Chief Nursing Officer"), unless
    ``names_only``: then None.
    """
    parsed = parse_name_list(rest)
    if parsed is None:
        end = _SUBJECT_END_RE.search(rest)
        if end:
            rest = rest[: end.start()]
        parsed = parse_name_list(rest)
    if parsed is None:
        if names_only:
            return None
        tokens, _ = strip_honorifics(rest.split())
        return trim_separators(" ".join(tokens)) or rest
    names = parsed.names
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]
