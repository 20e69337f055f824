"""Series recognised across a source: recurrence and one spelling per series.

Whether ``Lucy Letby:`` is a series cannot be told from one heading: a colon
prefix is a series when other posts of the same source carry it too. That is a
fact about the archive, so it is computed here from all of a source's parsed
headings, and the names found are passed back to ``parse_heading`` as
``known_series``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from crawler.parsing.headings import HeadingDraft, ParsedHeading, respell_series
from crawler.parsing.series import canonical_series_name, series_key

# Where a series name can end: "Series: title", "Series – title".
_SERIES_MARKS = (":", "–", "—", " - ")

# Posts whose authors came from a page or a feed, not from the heading.
_BYLINE_ELSEWHERE = frozenset({"page", "feed"})

# Book reviews, interviews and intros keep colon titles of their own ("(P)luck: Lessons ...").
_PREFIX_KINDS = frozenset({"article"})


def colon_prefix(parsed: ParsedHeading) -> str | None:
    """The prefix before the first colon that the parser left in the title, if any."""
    if parsed.series or parsed.kind not in _PREFIX_KINDS:
        return None
    prefix, colon, rest = parsed.title.partition(":")
    prefix = prefix.strip()
    if not colon or not prefix or not rest.strip():
        return None
    return prefix


def source_series(parsed_headings: Iterable[ParsedHeading]) -> list[str]:
    """Series names of one source, one canonical spelling per series.

    A series is one the headings name themselves (``… Blog Series:``, quoted,
    part markers) or a colon prefix that two or more posts share. Spelling
    variants (``Blog Series`` / ``Blog series`` / ``Blog Series :``) are one
    series; the most frequent spelling names it.
    """
    named: dict[str, list[str]] = defaultdict(list)
    prefixes: dict[str, list[str]] = defaultdict(list)
    for parsed in parsed_headings:
        if parsed.series:
            named[series_key(parsed.series)].append(parsed.series)
        elif prefix := colon_prefix(parsed):
            prefixes[series_key(prefix)].append(prefix)
    names = []
    for key, variants in named.items():
        names.append(canonical_series_name([*variants, *prefixes.get(key, ())]))
    for key, variants in prefixes.items():
        if key not in named and len(variants) >= 2:
            names.append(canonical_series_name(variants))
    return sorted(name for name in names if name)


def heading_fields(parsed: ParsedHeading) -> dict[str, Any]:
    """The stored fields a parsed heading decides (authors as a list)."""
    return {
        "title": parsed.title,
        "series": parsed.series,
        "series_part": parsed.series_part,
        "authors": list(parsed.authors),
        "authors_more": parsed.authors_more,
        "kind": parsed.kind,
        "subject": parsed.subject,
    }


def relabelled(posts: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The posts of one source whose heading fields change once its series are known.

    ``posts`` hold ``url``, ``heading``, ``author_source`` and the current heading fields; the
    result holds ``url`` and the new fields of each post that changed, so that
    a prefix becoming a series re-labels the earlier posts that carry it.
    """
    # Each heading is parsed once, however many posts carry it. Known series respell
    # the series a heading names, and may find one at a colon or dash of a heading that
    # names none: only such a heading's draft is kept, to be parsed again.
    parsed: dict[str, ParsedHeading] = {}
    drafts: dict[str, HeadingDraft] = {}
    for heading in dict.fromkeys(post["heading"] for post in posts):
        draft = HeadingDraft(heading)
        parsed[heading] = first = draft.parse()
        if first.series is None and any(mark in heading for mark in _SERIES_MARKS):
            drafts[heading] = draft
    # A tuple: the parser caches what it derives from a hashable collection.
    names = tuple(source_series(parsed[post["heading"]] for post in posts))
    if names:
        for heading, first in parsed.items():
            if first.series is not None:
                parsed[heading] = respell_series(first, names)
        for heading, draft in drafts.items():
            parsed[heading] = draft.parse(names)
    changed = []
    for post in posts:
        heading = parsed[post["heading"]]
        fields = heading_fields(heading)
        if post.get("author_source") in _BYLINE_ELSEWHERE:
            fields["authors"], fields["authors_more"] = post["authors"], post["authors_more"]
        for name, value in fields.items():  # a loop, not any(): no generator per post
            if post.get(name) != value:
                changed.append({"url": post["url"], **fields})
                break
    return changed
