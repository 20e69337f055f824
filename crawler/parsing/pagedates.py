"""Dates on article pages: machine values (ISO 8601) and the text a reader sees.

Every function is pure and never raises on odd input; ``None`` means "no date here".
Results keep what the page says: a timezone offset is kept as written (never
converted), and a date shown without a day is a month (``"2023-10"``), not a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

DATE_ORDERS = frozenset({"DMY", "MDY", "YMD"})
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_MACHINE = re.compile(
    r"(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
)
# Absolute dates in running text, most specific first. Each match is checked by date().
_TEXT_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<mon>\d{2})-(?P<day>\d{2})(?!\d)"),
    re.compile(rf"(?<![\w/]){_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}(?!\d)", re.IGNORECASE),
    re.compile(rf"(?<![\w/]){_MONTH}\s+{_DAY},?\s+{_YEAR}(?!\d)", re.IGNORECASE),
    re.compile(r"(?<![\d/.])(?P<a>\d{1,4})([/.-])(?P<b>\d{1,2})\2(?P<c>\d{4}|\d{2})(?![\d/])"),
    # "31 Aug, 16": a two-digit year after a named month.
    re.compile(rf"(?<![\w/]){_DAY}\s+{_MONTH},?\s+'?(?P<yy>\d{{2}})(?![\d:])", re.IGNORECASE),
)
_MONTH_ONLY = re.compile(rf"(?<![\w/]){_MONTH},?\s+{_YEAR}(?!\d)", re.IGNORECASE)
# "Published: 2019": a bare year counts only right after a date label.
_LABELLED_YEAR = re.compile(
    r"\b(?:published|posted|updated|date)\b:?\s*(?:on|in)?\s*(?P<year>(?:19|20)\d{2})\s*$",
    re.IGNORECASE,
)
_UNITS = {
    "s": "seconds", "sec": "seconds", "secs": "seconds", "second": "seconds",
    "seconds": "seconds", "m": "minutes", "min": "minutes", "mins": "minutes",
    "minute": "minutes", "minutes": "minutes", "h": "hours", "hr": "hours", "hrs": "hours",
    "hour": "hours", "hours": "hours", "d": "days", "day": "days", "days": "days",
    "w": "weeks", "wk": "weeks", "wks": "weeks", "week": "weeks", "weeks": "weeks",
    "mo": "months", "mos": "months", "month": "months", "months": "months", "y": "years",
    "yr": "years", "yrs": "years", "year": "years", "years": "years",
}  # fmt: skip
_RELATIVE = re.compile(
    r"(?<!\w)(?P<n>\d{1,3}|an?|one)\s*(?P<unit>"
    + "|".join(sorted(_UNITS, key=len, reverse=True))
    + r")\s+ago\b",
    re.IGNORECASE,
)
_RELATIVE_WORD = re.compile(r"\b(?P<word>yesterday|today|just now)\b", re.IGNORECASE)
_DATEPARSER_MAX = 60
# A permalink's date: /2023/10/17/slug/ (day), Blogger's /2023/10/slug.html (month).
_URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})/(?P<month>0[1-9]|1[0-2])/(?:(?P<day>0[1-9]|[12]\d|3[01])/)?"
    r"(?=(?!\d{2}/)[^/?#]+)"
)


@dataclass(frozen=True, slots=True)
class PageDate:
    """A date as ISO 8601, the text it was read from, its precision, and whether it
    was relative text ("2 weeks ago") resolved against the fetch time."""

    iso: str
    raw: str
    precision: str  # "day" | "month" | "year"
    relative: bool = False


def machine_date(raw: str | None) -> PageDate | None:
    """An ISO 8601 value from metadata (``datetime`` attributes, meta tags, JSON-LD).

    ``2023-10-24T07:30:00+00:00`` stays a datetime with its offset (``Z`` is
    written ``+00:00``; seconds are kept, fractions dropped); a value without an
    offset stays without one. ``2023-10-24``, ``2023-10`` and ``2023`` give day,
    month and year precision. Anything else is ``None``.
    """
    value = raw.strip() if isinstance(raw, str) else ""
    match = _MACHINE.fullmatch(value)
    if match is None:
        return None
    day = match["date"]
    parts = [int(p) for p in day.split("-")]
    if not _plausible(parts[0]) or _valid(*parts, *[1] * (3 - len(parts))) is None:
        return None
    precision = ("year", "month", "day")[len(parts) - 1]
    if match["time"] is None or len(parts) < 3:
        return PageDate(day, value, precision)
    try:
        parsed = datetime.fromisoformat(f"{day}T{match['time'].replace(',', '.')}")
        zone = match["zone"]
        text = parsed.isoformat(timespec="seconds")
        if zone:
            text += "+00:00" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
            datetime.fromisoformat(text)  # rejects an offset of 24 hours or more
    except ValueError:
        return PageDate(day, value, "day")
    return PageDate(text, value, "day")


def text_date(
    text: str,
    *,
    date_order: str = "DMY",
    now: datetime | None = None,
    use_dateparser: bool = False,
) -> PageDate | None:
    """The first date written in ``text``, a short line such as "Published: 3 November 2021".

    Reads "24 October 2023", "October 24, 2023", "24/10/2023" (in ``date_order``:
    DMY, MDY or YMD; when that reading is impossible, the only possible one),
    "October 2023" (month precision), a labelled bare year ("Published: 2019"), and,
    given ``now``, relative text ("2 weeks ago", "1w ago", "yesterday"). With
    ``use_dateparser`` (for elements that are certainly a date), other wordings
    go to ``dateparser`` with the same date order. ``raw`` is the matched text.
    """
    if not text or not any(ch.isdigit() for ch in text) and now is None:
        return None
    for pattern in _TEXT_PATTERNS:
        for match in pattern.finditer(text):
            found = _absolute(match, date_order)
            if found is not None:
                return PageDate(found, match.group(0), "day")
    if match := _MONTH_ONLY.search(text):
        month = _MONTHS[match["month"].lower()]
        return PageDate(f"{match['year']}-{month:02d}", match.group(0), "month")
    if match := _LABELLED_YEAR.search(text):
        return PageDate(match["year"], match["year"], "year")
    if now is not None and (found := relative_date(text, now)):
        return found
    if use_dateparser and len(text) <= _DATEPARSER_MAX and any(ch.isdigit() for ch in text):
        return _dateparser_date(text, date_order)
    return None


def url_date(url: str) -> PageDate | None:
    """The date a permalink's path carries: ``/2023/10/17/slug/`` is a day,
    ``/2023/10/slug.html`` a month; ``raw`` is the path part (``2023/10/17``).
    An archive path with nothing after the date (``/2023/10/``) is not a post's."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    match = _URL_DATE.search(path)
    if match is None:
        return None
    year, month, day = match["year"], match["month"], match["day"]
    if day is None:
        return PageDate(f"{year}-{month}", f"{year}/{month}", "month")
    found = _valid(int(year), int(month), int(day))
    return PageDate(found, f"{year}/{month}/{day}", "day") if found else None


def relative_date(text: str, now: datetime) -> PageDate | None:
    """Resolve "2 weeks ago", "1w ago", "3 months ago", "yesterday" against ``now``.

    Seconds to weeks give a day; months give a month and years a year, since
    "3 months ago" does not say which day.
    """
    if match := _RELATIVE.search(text):
        amount = match["n"].lower()
        n = 1 if amount in ("a", "an", "one") else int(amount)
        unit = _UNITS[match["unit"].lower()]
        raw = match.group(0)
        if unit == "years":
            year = now.year - n
            return PageDate(f"{year:04d}", raw, "year", True) if _plausible(year) else None
        if unit == "months":
            months = now.year * 12 + now.month - 1 - n
            year, month = divmod(months, 12)
            if not _plausible(year):
                return None
            return PageDate(f"{year:04d}-{month + 1:02d}", raw, "month", True)
        try:
            day = (now - timedelta(**{unit: n})).date()
        except OverflowError:
            return None
        return PageDate(day.isoformat(), raw, "day", True) if _plausible(day.year) else None
    if match := _RELATIVE_WORD.search(text):
        back = 1 if match["word"].lower() == "yesterday" else 0
        return PageDate(
            (now.date() - timedelta(days=back)).isoformat(), match.group(0), "day", True
        )
    return None


def _absolute(match: re.Match[str], date_order: str) -> str | None:
    groups = match.groupdict()
    if groups.get("a") is not None:
        return _numeric(int(match["a"]), int(match["b"]), match["c"], date_order)
    year = 2000 + int(match["yy"]) if groups.get("yy") is not None else int(match["year"])
    month = int(match["mon"]) if groups.get("mon") else _MONTHS[match["month"].lower()]
    return _valid(year, month, int(match["day"]))


def _numeric(a: int, b: int, c: str, date_order: str) -> str | None:
    """``a/b/c`` in the source's order; the other day-month order only if that one is impossible."""
    if a > 31 or date_order == "YMD":  # "2024/04/03" is year first whatever the order
        if len(c) > 2:
            return None
        return _valid(a + 2000 if a < 100 else a, b, int(c))
    year = int(c) + 2000 if len(c) == 2 else int(c)
    if date_order == "MDY":
        return _valid(year, a, b) or _valid(year, b, a)
    return _valid(year, b, a) or _valid(year, a, b)


def _valid(year: int, month: int, day: int) -> str | None:
    if not _plausible(year):
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _plausible(year: int) -> bool:
    return 1900 <= year <= 2100


def _dateparser_date(text: str, date_order: str) -> PageDate | None:
    import dateparser  # slow to import; only unusual wordings need it

    settings = {
        "DATE_ORDER": date_order,
        "PARSERS": ["absolute-time"],
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    try:
        found = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    if found is None or not _plausible(found.year):
        return None
    return PageDate(found.date().isoformat(), " ".join(text.split()), "day")


def parse_fetched_at(fetched_at: str) -> datetime:
    """The crawl time as a ``datetime``; raises ``ValueError`` when it is not ISO 8601."""
    return datetime.fromisoformat(fetched_at.strip())
