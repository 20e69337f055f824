"""Medium story URLs: the post id in every URL form, and one canonical URL per story."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

POST_ID = r"[0-9a-f]{12}"
_SLUG_ID = re.compile(rf"^(?:.*-)?({POST_ID})$")
_CUSTOM_SLUG_ID = re.compile(rf"^[a-z0-9][a-z0-9-]*-({POST_ID})$", re.IGNORECASE)
_MEDIUM_APP = re.compile(rf"^medium://p/({POST_ID})$")


def is_medium_host(host: str) -> bool:
    """True for ``medium.com`` and its sub-domains (``user.medium.com``)."""
    host = host.lower().rstrip(".")
    return host == "medium.com" or host.endswith(".medium.com")


def medium_post_id(url: str) -> str | None:
    """The 12-hex post id in a Medium URL, or ``None``.

    Understands ``/@user/slug-ID``, ``user.medium.com/slug-ID``, ``/p/ID``,
    ``/publication/slug-ID``, ``medium://p/ID`` and custom publication domains
    (``/slug-ID``; there the id must mix letters and digits, so a slug that merely
    ends in a number or a hex-looking word is not taken for a post).
    """
    url = url.strip()
    if app := _MEDIUM_APP.match(url):
        return app.group(1)
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    segs = [s for s in parts.path.split("/") if s]
    if not segs or parts.scheme not in ("http", "https"):
        return None
    last = segs[-1].lower()
    if is_medium_host(parts.hostname or ""):
        if len(segs) >= 2 and segs[-2] == "p" and re.fullmatch(POST_ID, last):
            return last
        match = _SLUG_ID.match(last)
        return match.group(1) if match else None
    match = _CUSTOM_SLUG_ID.match(last)
    if match and len(segs) <= 2:
        found = match.group(1).lower()
        if re.search(r"\d", found) and re.search(r"[a-f]", found):
            return found
    return None


def canonical_medium_url(url: str) -> str:
    """One URL per Medium story: ``https://medium.com/p/<id>``.

    Every form of a story URL (``medium.com/@user/slug-ID``, ``user.medium.com/slug-ID``,
    ``medium.com/p/ID``, a publication's own domain ``/slug-ID``, with or without
    ``?source=…``) maps to it. This form survives slug edits (retitling), username
    changes and moves between publications or domains; it is the RSS ``<guid>`` and
    Medium redirects it to the story's current address. URLs without a post id
    (profiles, other sites) are returned unchanged apart from dropping ``source``.
    """
    post_id = medium_post_id(url)
    if post_id:
        return f"https://medium.com/p/{post_id}"
    return strip_source(url)


def strip_source(url: str) -> str:
    """``url`` without Medium's ``?source=…`` tracking parameter."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    kept = [q for q in parts.query.split("&") if q and q.split("=", 1)[0].lower() != "source"]
    return urlunsplit(parts._replace(query="&".join(kept)))
