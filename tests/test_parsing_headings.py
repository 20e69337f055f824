"""parse_heading against the labelled table, plus property tests and series helpers."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from crawler.parsing.headings import (
    KINDS,
    HeadingDraft,
    ParsedHeading,
    canonical_series_name,
    parse_heading,
    respell_series,
    series_key,
)
from crawler.parsing.text import clean_text
from crawler.parsing.wordlists import (
    HONORIFICS,
    NUMBER_WORDS,
    ORDINAL_WORDS,
    POST_NOMINAL_QUALIFIERS,
    POST_NOMINALS,
    PROFESSOR_QUALIFIERS,
)
from tests.headings_table import ROWS, Row

FIELDS = (
    "title",
    "series",
    "series_part",
    "authors",
    "authors_more",
    "kind",
    "subject",
    "author_roles",
)


def _row_id(row: Row) -> str:
    slug = re.sub(r"\W+", "-", row.heading.strip().lower()).strip("-")[:48]
    return f"{slug}+known" if row.known_series else slug


CASES = [pytest.param(row, name, id=f"{_row_id(row)}:{name}") for row in ROWS for name in FIELDS]


def test_table_is_large_and_unique():
    assert len(ROWS) >= 150
    assert len({(r.heading, r.known_series) for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize(("row", "name"), CASES)
def test_heading_field(row: Row, name: str):
    parsed = parse_heading(row.heading, known_series=row.known_series)
    assert getattr(parsed, name) == getattr(row, name)


@pytest.mark.parametrize("heading", ["", "   ", "\u00a0\n\t", "\x00\x01"])
def test_blank_heading_gives_empty_title(heading: str):
    assert parse_heading(heading) == ParsedHeading(title="")


@pytest.mark.parametrize(
    "heading",
    [
        "by",
        "By Jane Smith",
        "Book Review",
        "Part 2",
        "Blog Series:",
        "“”",
        ": – |",
        "In conversation with",
    ],
)
def test_degenerate_headings_keep_a_title(heading: str):
    assert parse_heading(heading).title


def test_leading_separator_is_trimmed_but_inner_punctuation_kept():
    assert parse_heading("-0.B").title == "-0.B"
    assert parse_heading(": – Leading well").title == "Leading well"


def test_known_series_as_list_or_set():
    heading = "Magical Meander: Another walk"
    for known in (["Magical Meander"], {"Magical Meander"}, frozenset({"Magical Meander"})):
        assert parse_heading(heading, known_series=known).series == "Magical Meander"


def test_huge_heading():
    heading = ("Leadership by example " * 20_000) + "by Jane Smith"
    parsed = parse_heading(heading)
    assert parsed.authors == ("Jane Smith",)
    assert parsed.title.endswith("Leadership by example")


# series_key / canonical_series_name


@pytest.mark.parametrize(
    "variant",
    [
        "Greener Leader Blog Series",
        "Greener Leader Blog series",
        "Greener Leader Blog Series :",
        "greener  leader\u00a0blog SERIES",
        "the “Greener Leader” series",
        "Greener Leader",
    ],
)
def test_series_key_joins_spelling_variants(variant: str):
    assert series_key(variant) == series_key("Greener Leader Blog Series") == "greener leader"


def test_series_key_keeps_distinct_series_apart():
    assert series_key("Magical Meander") != series_key("Greener Leader Blog Series")
    assert series_key("Blog Series") == "blog series"


def test_canonical_series_name_prefers_most_common_then_fullest():
    variants = [
        "Greener Leader Blog Series :",
        "Greener Leader Blog series",
        "Greener Leader Blog Series",
    ]
    assert canonical_series_name(variants) == "Greener Leader Blog Series"
    assert canonical_series_name(["A b", "A b", "A B"]) == "A b"
    assert canonical_series_name([" ", ""]) is None


# Properties

_CONNECTORS = {
    "by", "and", "et", "al", "colleagues", "others", "team", "blog", "part", "episode",
    "instalment", "installment", "no", "of", "book", "review", "a", "an", "the", "in",
    "conversation", "discussion", "with", "interview", "introducing", "welcome", "to",
    "new", "our", "series", "st", "nd", "rd", "th", "guest", "post", "article", "piece",
    "essay", "opinion", "written", "posted", "reviewed", "edited", "chat", "q", "minutes",
}  # fmt: skip
_DROPPABLE = (
    _CONNECTORS
    | HONORIFICS
    | PROFESSOR_QUALIFIERS
    | {p.lower() for p in POST_NOMINALS}
    | POST_NOMINAL_QUALIFIERS
    | set(NUMBER_WORDS)
    | set(ORDINAL_WORDS)
)
_ROMAN_RE = re.compile(r"[ivx]+")
_WORD_RE = re.compile(r"\w+")

_FRAGMENTS = [
    "by", "By", ". By", "Dr", "Prof.", "Jane", "Smith", "O'Neill", "Göran", "van", "MBE",
    "Blog", "Part", "2", "five", "III", ":", " : ", "–", "-", "|", "“", "”", "‘", "’", '"',
    "Series", "Blog Series:", "Book", "Review", "In conversation with", "Introducing the",
    "and", "&", ",", "et al.", "and colleagues", "Leadership", "NHS", "Fellows", "team",
    "of", "the", ".", "(", ")", "?", "data", "Design", "(part 2)", "&amp;", "\u00a0",
    "a guest blog", "written", "Podcast:", "Ten minutes with", "Q&A with", "By:", "-Jon",
    "Chief Executive", "chair of", "Director,", "on behalf of", "MRCP(UK)", "(Eng)", "JR",
    "Rt Hon", "Q&A:", "Interview:", "in conversation with", "Book review:", "Royal College",
    "Faculty of", "North", "Emeritus", "blog post", "on", "stand", "Written", "!",
]  # fmt: skip
_heading_like = st.lists(st.sampled_from(_FRAGMENTS), max_size=14).map(" ".join)


def _dropped_words(heading: str, parsed: ParsedHeading) -> list[str]:
    kept = " ".join(
        [
            parsed.title,
            parsed.series or "",
            parsed.subject or "",
            *parsed.authors,
            *parsed.author_roles,
        ]
    ).lower()
    kept_words = set(_WORD_RE.findall(kept))
    return [
        word
        for word in _WORD_RE.findall(clean_text(heading).lower())
        if word not in kept_words
        and word not in _DROPPABLE
        and not word.isdigit()
        and not _ROMAN_RE.fullmatch(word)
    ]


@settings(max_examples=400)
@given(st.one_of(st.text(), _heading_like, st.tuples(_heading_like, st.text()).map("".join)))
def test_never_raises_and_never_drops_a_word(heading: str):
    parsed = parse_heading(heading, known_series=("Jane Smith", "Leadership"))
    assert parsed.kind in KINDS
    assert isinstance(parsed.authors, tuple)
    if heading.strip() and clean_text(heading):
        assert parsed.title
    assert _dropped_words(heading, parsed) == []


@pytest.mark.parametrize("row", ROWS, ids=_row_id)
def test_table_rows_drop_no_word(row: Row):
    parsed = parse_heading(row.heading, known_series=row.known_series)
    assert _dropped_words(row.heading, parsed) == []


# Known series as recurrence gives them, some spelt differently from the fragments.
_KNOWN_FRAGMENTS = [
    "Jane Smith",
    "jane smith",
    "LEADERSHIP",
    "Leadership Blog Series",
    "Blog",
    "NHS",
    "data",
    "Part 2",
    "“Design”",
]


@settings(max_examples=400)
@example("Leadership Blog Series: Lessons from the ward by Jane Smith", ["LEADERSHIP"])
@example("Blog 2: leadership: Lessons", ["Leadership Blog Series"])
@example("Introducing the “Jane Smith” Blog Series", ["jane smith", "NHS"])
@given(
    st.one_of(_heading_like, st.text()),
    st.lists(st.sampled_from([*_KNOWN_FRAGMENTS, *_FRAGMENTS]), min_size=1, max_size=3),
)
def test_known_series_only_respell_a_series_found_without_them(heading: str, known: list[str]):
    plain = parse_heading(heading)
    if plain.series is not None:
        expected = parse_heading(heading, known_series=tuple(known))
        assert respell_series(plain, tuple(known)) == expected


@given(st.one_of(_heading_like, st.text()), st.lists(st.sampled_from(_KNOWN_FRAGMENTS), max_size=3))
def test_a_draft_parses_as_parse_heading(heading: str, known: list[str]):
    draft = HeadingDraft(heading)
    assert draft.parse() == parse_heading(heading)
    assert draft.parse(tuple(known)) == parse_heading(heading, known_series=tuple(known))
