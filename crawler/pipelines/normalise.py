"""Turn what a spider saw into archive fields: canonical URL, parsed heading and teaser."""

from __future__ import annotations

from crawler.items import Post
from crawler.parsing.headings import PARSER_VERSION, parse_heading
from crawler.parsing.teaser import parse_teaser
from crawler.parsing.urls import canonical_post_url


class NormalisePipeline:
    def process_item(self, item: Post) -> Post:
        item.url = canonical_post_url(item.url)
        heading = parse_heading(item.heading)
        item.title = heading.title
        item.series = heading.series
        item.series_part = heading.series_part
        item.authors = list(heading.authors)
        item.authors_more = heading.authors_more
        item.kind = heading.kind
        item.subject = heading.subject
        item.author_source = "heading" if heading.authors else "none"
        item.parser_version = PARSER_VERSION
        if item.teaser is not None:
            teaser = parse_teaser(item.teaser)
            item.teaser = teaser.text
            item.teaser_truncated = teaser.truncated
            item.originally_published_at = teaser.originally_published_at
        return item
