"""parse_teaser: white space, read-more link text, cut markers, first publication."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.parsing.teaser import ParsedTeaser, parse_teaser

# The 28 teasers of BMJ Leader listing seeds 000-002 (/work/shared/seeds), one a line.
SEED_TEASERS = Path(__file__).parent / "data" / "seed_teasers.txt"


def test_seed_teasers():
    teasers = SEED_TEASERS.read_text(encoding="utf-8").splitlines()
    assert len(teasers) == 28
    for raw in teasers:
        # Seeds 001 and 002 put the link text on its own line after each teaser.
        parsed = parse_teaser(raw + "\n\n\nRead More…")
        assert parsed.truncated
        assert parsed.text == " ".join(raw.removesuffix("[…]").split())
        assert "  " not in parsed.text
        assert parsed.originally_published_at is None or raw.startswith("This blog post")


SEED_002_FIRST = (
    "This blog post was originally published on the Health Innovation Network website Dr "
    "Stuart Monk, National Programme Director for the Accelerated Access Collaborative (AAC) "
    "Programmes at the Health Innovation Network, talks about the pivotal role of innovation "
    "tackling healthcare inequalities in the NHS. […]"
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            SEED_002_FIRST,
            ParsedTeaser(SEED_002_FIRST.removesuffix(" […]"), True, "Health Innovation Network"),
        ),
        (
            "This article was originally published on the NHS Confederation website. It argues",
            ParsedTeaser(
                "This article was originally published on the NHS Confederation website. It argues",
                False,
                "NHS Confederation",
            ),
        ),
        (
            "This blog was first published on The King’s Fund blog. Leaders must […]",
            ParsedTeaser(
                "This blog was first published on The King’s Fund blog. Leaders must",
                True,
                "The King’s Fund",
            ),
        ),
        (
            "This blog was first published on HSJ.",
            ParsedTeaser("This blog was first published on HSJ.", False, "HSJ"),
        ),
        (
            "This blog post was originally published on the FMLM’s website",
            ParsedTeaser(
                "This blog post was originally published on the FMLM’s website", False, "FMLM"
            ),
        ),
        ("Some text here […]\n\nRead More…", ParsedTeaser("Some text here", True)),
        ("Some text here […] Read more", ParsedTeaser("Some text here", True)),
        ("Text [...] Read More...", ParsedTeaser("Text", True)),
        ("Text [&hellip;]", ParsedTeaser("Text", True)),
        ("Text &#8230;", ParsedTeaser("Text", True)),
        ("compassi...", ParsedTeaser("compassi", True)),
        ("The end. More…", ParsedTeaser("The end.", False)),
        ("The end […] more…", ParsedTeaser("The end", True)),
        ("Employers must pay more…", ParsedTeaser("Employers must pay more", True)),
        ("Leaders should read more", ParsedTeaser("Leaders should read more", False)),
        ("A full sentence. Read more", ParsedTeaser("A full sentence.", False)),
        ("A teaser Continue reading →", ParsedTeaser("A teaser", False)),
        (
            "A teaser. Continue reading Why leaders matter →",
            ParsedTeaser("A teaser.", False),
        ),
        ("<p>Plain&nbsp;text\u00a0with <em>tags</em></p>", ParsedTeaser("Plain text with tags")),
        ("  lots \n\n of \t space  ", ParsedTeaser("lots of space")),
        ("Read More…", ParsedTeaser("", False)),
        ("", ParsedTeaser("")),
        ("[…]", ParsedTeaser("", True)),
        ("Not cut at all.", ParsedTeaser("Not cut at all.")),
        (
            "It is a decade since Sir Robert Francis told Ministers “There lurks…..an "
            "institutional culture” and more […]",
            ParsedTeaser(
                "It is a decade since Sir Robert Francis told Ministers “There lurks…..an "
                "institutional culture” and more",
                True,
            ),
        ),
    ],
    ids=lambda value: value[:40] if isinstance(value, str) else None,
)
def test_parse_teaser(raw: str, expected: ParsedTeaser):
    assert parse_teaser(raw) == expected


@given(st.text())
def test_never_raises(raw: str):
    parsed = parse_teaser(raw)
    assert parsed.text == parsed.text.strip()
    assert "  " not in parsed.text
