"""Conversions between post mappings, stored rows and export-shaped dicts."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from json.encoder import encode_basestring
from typing import Any

# What a listing shows of a post, parsed: the first export keys (issue 2's order).
_LISTED = (
    "url", "source", "heading", "title", "series", "series_part", "authors",
    "authors_more", "kind", "subject", "teaser", "teaser_truncated",
    "originally_published_at", "published",
)  # fmt: skip
# What feeds and the post's own page add.
_FROM_PAGES = (
    "cms_author", "tags", "reading_minutes", "body_text", "author_bio", "partial",
    "published_raw", "date_precision", "date_relative", "modified", "word_count",
    "canonical_url",
)  # fmt: skip

# The keys of an exported post, in order.
EXPORT_KEYS = (*_LISTED, "first_seen", "last_seen", *_FROM_PAGES)

# The Post fields kept in the posts table (listing_url is transient).
STORED_FIELDS = (
    *_LISTED, "author_source", "parser_version", *_FROM_PAGES, "article_fetched", "article_error",
)  # fmt: skip

# A change here is a change of the post itself: it gets a version row.
CONTENT_FIELDS = ("heading", "teaser", "body_text")

# What the parser derives; a change here alone is a re-parse, not new content.
DERIVED_FIELDS = tuple(f for f in STORED_FIELDS if f not in ("url", "source", *CONTENT_FIELDS))

# Facts only some kinds of page give (a listing has no date, a feed no body, an
# article page no teaser): a post seen without them keeps what is stored.
FILL_ONLY_FIELDS = (
    "teaser", "published", "cms_author", "tags", "reading_minutes", "body_text", "author_bio",
    "published_raw", "date_precision", "date_relative", "modified", "word_count", "canonical_url",
    "article_fetched",
)  # fmt: skip

# What the heading parser alone decides: re-labelling a series rewrites only these.
HEADING_FIELDS = ("title", "series", "series_part", "authors", "authors_more", "kind", "subject")

# The values kept in post_versions when a post's content changes.
VERSION_FIELDS = (
    "heading",
    "teaser",
    "title",
    "series",
    "series_part",
    "authors",
    "kind",
    "subject",
    "parser_version",
    "body_text",
)

_REQUIRED = ("url", "source", "heading")
_BOOLEANS = ("authors_more", "teaser_truncated", "partial", "date_relative")
_UNKNOWABLE = frozenset({"date_relative"})
_DEFAULTS = {"kind": "article", "author_source": "none"}
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def post_to_row(post: Mapping[str, Any], index: int = 0) -> dict[str, Any]:
    """Return the stored column values of one post mapping.

    Raises ValueError naming the post's position when a required field is empty.
    """
    row = dict(zip(STORED_FIELDS, map(post.get, STORED_FIELDS), strict=True))
    missing = [name for name in _REQUIRED if not row[name]]
    if missing:
        raise ValueError(f"post {index} in the batch has no {', '.join(missing)}")
    for name, default in _DEFAULTS.items():
        if row[name] is None:
            row[name] = default
    for name in _BOOLEANS:
        # None stays None where a flag may be unknown (no date read yet).
        if row[name] is not None or name not in _UNKNOWABLE:
            row[name] = int(bool(row[name]))
    row["authors"] = authors_to_json(row["authors"] or ())
    # No tags is "not known here" (a listing shows none), stored as NULL until merged.
    row["tags"] = authors_to_json(row["tags"]) if row["tags"] else None
    return row


def authors_to_json(names: Sequence[str]) -> str:
    """The stored form of a list of names (authors, tags): a JSON array, readable as UTF-8.

    What ``json.dumps(list(names), ensure_ascii=False)`` gives, without building
    an encoder for each list of two or three names.
    """
    try:
        return "[" + ", ".join(map(encode_basestring, names)) + "]"
    except TypeError:  # not all strings
        return _ENCODE(list(names))


def export_shape(values: Sequence[Any]) -> dict[str, Any]:
    """Turn a row selected as ``EXPORT_KEYS`` into an export-shaped dict."""
    post = dict(zip(EXPORT_KEYS, values, strict=True))
    post["authors"] = json.loads(post["authors"])
    post["tags"] = json.loads(post["tags"])
    for name in _BOOLEANS:
        if post[name] is not None or name not in _UNKNOWABLE:
            post[name] = bool(post[name])
    return post


def run_changes(run: Mapping[str, Any], change: str) -> int:
    """Posts plus resources a ``crawl_runs`` row counts as ``new``, ``updated`` or ``unchanged``.

    A source stores posts or (a resource hub) resources, so one of the two is 0.
    """
    return (run.get(f"posts_{change}") or 0) + (run.get(f"resources_{change}") or 0)
