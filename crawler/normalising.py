"""Turn what a spider saw into archive fields: canonical URL, parsed heading and teaser.

Pure (no Scrapy, no archive), so it runs wherever the post is: in the spider's
parsing process next to the parser, in ``reparse``'s workers, or in the
normalise pipeline for posts that arrive raw.
"""

from __future__ import annotations

from collections.abc import Sequence

from crawler.items import Post
from crawler.parsing.headings import PARSER_VERSION, parse_heading
from crawler.parsing.names import person_name
from crawler.parsing.recurrence import heading_fields
from crawler.parsing.teaser import parse_teaser
from crawler.parsing.urls import canonical_post_url


def is_normalised(post: Post) -> bool:
    """Whether ``normalise_post`` has run on ``post``.

    It must not run twice: it cleans the teaser in place, and a cleaned teaser
    parsed again loses its ``[…]`` mark.
    """
    return post.parser_version is not None


def normalise_post(post: Post, known_series: Sequence[str] = ()) -> Post:
    """Fill ``post``'s derived fields from its heading and teaser, in place.

    ``known_series``: the source's series names in their stored spelling (a
    tuple: the heading parser caches what it derives from it), so a known post
    parses as it is stored.
    """
    post.url = canonical_post_url(post.url)
    page_authors = post.authors  # a spider sets these only from a page's own byline
    heading = parse_heading(post.heading, known_series=known_series)
    for name, value in heading_fields(heading).items():
        setattr(post, name, value)
    post.author_source = "heading" if heading.authors else "none"
    if not heading.authors:
        _fallback_byline(post, page_authors)
    post.parser_version = PARSER_VERSION
    if post.teaser is not None:
        teaser = parse_teaser(post.teaser)
        post.teaser = teaser.text
        post.teaser_truncated = teaser.truncated
        post.originally_published_at = teaser.originally_published_at
    return post


def with_page_byline(post: Post, page_authors: Sequence[str]) -> tuple[list[str], str]:
    """(authors, author_source) of a normalised ``post`` once its own page names ``page_authors``.

    The heading's byline wins; then the page's; then what the post had (a feed author).
    """
    if post.author_source == "heading" or not page_authors:
        return list(post.authors), post.author_source
    return list(page_authors), "page"


def _fallback_byline(post: Post, page_authors: list[str]) -> None:
    """Authors when the heading names none: the page's byline, else the feed's author.

    A feed's author is often the account that uploaded the post ("BMJ Leader"),
    so it counts only when it is a person's name.
    """
    if page_authors:
        post.authors, post.author_source = page_authors, "page"
    elif post.cms_author and post.kind == "article" and (name := person_name(post.cms_author)):
        post.authors, post.author_source = [name], "feed"
