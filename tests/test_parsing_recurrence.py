"""Series recognised across a source: recurrence and one spelling per series."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from crawler.parsing.headings import parse_heading
from crawler.parsing.recurrence import colon_prefix, heading_fields, relabelled, source_series


def parsed(*headings: str):
    return [parse_heading(h) for h in headings]


def stored(heading: str, url: str) -> dict:
    return {"url": url, "heading": heading, **heading_fields(parse_heading(heading))}


def test_colon_prefix_is_what_the_parser_left_in_the_title():
    [letby, greener, review] = parsed(
        "Lucy Letby: Shuffling deckchairs will not work. By Roger Kline",
        "Greener Leader Blog Series: Being a greener leader in maternity care",
        "(P)luck: Lessons We Learned for Improving Healthcare – Book Review by Yang Chen",
    )
    assert colon_prefix(letby) == "Lucy Letby"
    assert colon_prefix(greener) is None  # already a series
    assert colon_prefix(review) is None  # a book's own title


def test_a_one_off_prefix_is_no_series():
    assert source_series(parsed("Lucy Letby: Shuffling deckchairs will not work")) == []


def test_a_recurring_prefix_is_a_series():
    names = source_series(
        parsed(
            "Interviews: Asking the wrong questions by Roger Kline",
            "Interviews: Listening to the night shift by Amara Okoye",
            "Lucy Letby: Shuffling deckchairs will not work",
        )
    )
    assert names == ["Interviews"]


def test_spelling_variants_get_one_canonical_name():
    names = source_series(
        parsed(
            "Greener Leader Blog Series: Leadership on the climate emergency",
            "Greener Leader Blog series: Green theatres, one list at a time",
            "Greener Leader Blog Series : Being a greener leader in maternity care",
            "Introducing the “Greener Leader” Blog Series",
        )
    )
    assert names == ["Greener Leader Blog Series"]


def test_relabelled_returns_only_the_posts_that_change():
    posts = [
        stored("Interviews: Asking the wrong questions by Roger Kline", "u1"),
        stored("Pharmacy Leadership in Medicines Equity. By Anisha Soni", "u2"),
        stored("Interviews: Listening to the night shift by Amara Okoye", "u3"),
    ]
    changes = {change["url"]: change for change in relabelled(posts)}
    assert set(changes) == {"u1", "u3"}
    assert changes["u1"]["series"] == "Interviews"
    assert changes["u1"]["title"] == "Asking the wrong questions"
    assert changes["u1"]["authors"] == ["Roger Kline"]
    assert (
        relabelled([stored(p["heading"], p["url"]) | changes.get(p["url"], {}) for p in posts])
        == []
    )


def test_variant_spellings_are_rewritten_to_the_canonical_one():
    posts = [
        stored("Greener Leader Blog Series: A greener theatre", "a"),
        stored("Greener Leader Blog Series: Travel less, meet better", "b"),
        stored("Greener Leader Blog series: Green theatres, one list at a time", "c"),
    ]
    [change] = relabelled(posts)
    assert (change["url"], change["series"]) == ("c", "Greener Leader Blog Series")


@given(st.lists(st.text(max_size=80), max_size=12))
def test_relabelling_never_raises_and_is_stable(headings):
    posts = [stored(h, str(i)) for i, h in enumerate(headings)]
    once = {c["url"]: c for c in relabelled(posts)}
    settled = [p | once.get(p["url"], {}) for p in posts]
    assert relabelled(settled) == []
