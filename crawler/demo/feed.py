"""The WordPress RSS 2.0 feed of a demo blog, as core ``feed-rss2.php`` with Yoast writes it."""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, datetime, time
from email.utils import format_datetime

from crawler.demo.themes._common import Entry, Site

FEED_ITEMS = 10  # WordPress' default "Syndication feeds show the most recent" setting


def _text(value: str) -> str:
    # WordPress writes typographic characters as numeric entities in titles.
    return "".join(f"&#{ord(c)};" if ord(c) > 127 else c for c in html.escape(value, quote=False))


def _date(entry: Entry) -> str:
    return format_datetime(datetime.combine(entry.published, time(8, 30), tzinfo=UTC))


def render_feed(site: Site, entries: Sequence[Entry], bodies: Sequence[Sequence[str]]) -> str:
    """The feed of the newest ``FEED_ITEMS`` entries; ``bodies`` are their paragraphs."""
    items = []
    for entry, paragraphs in list(zip(entries, bodies, strict=True))[:FEED_ITEMS]:
        footer = (
            f'<p>The post <a href="{entry.permalink}">{_text(entry.heading)}</a> appeared first '
            f'on <a href="{site.home}">BMJ Leader blog</a>.</p>'
        )
        terms = "".join(
            f"\n\t\t<category><![CDATA[{t.name}]]></category>"
            for t in (*entry.categories, *entry.tags)
        )
        content = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs)
        items.append(
            f"""	<item>
		<title>{_text(entry.heading)}</title>
		<link>{entry.permalink}</link>
		<comments>{entry.permalink}#respond</comments>
		<dc:creator><![CDATA[BMJ Leader]]></dc:creator>
		<pubDate>{_date(entry)}</pubDate>{terms}
		<guid isPermaLink="false">{site.home}?p={entry.post_id}</guid>
		<description><![CDATA[{entry.teaser.replace("[…]", "[&#8230;]")}{footer}]]></description>
		<content:encoded><![CDATA[{content}{footer}]]></content:encoded>
		<wfw:commentRss>{entry.permalink}feed/</wfw:commentRss>
		<slash:comments>0</slash:comments>
	</item>"""
        )
    newest = _date(entries[0]) if entries else format_datetime(datetime.now(UTC))
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:atom="http://www.w3.org/2005/Atom"
	xmlns:sy="http://purl.org/rss/1.0/modules/syndication/"
	xmlns:slash="http://purl.org/rss/1.0/modules/slash/"
	>
<channel>
	<title>BMJ Leader blog</title>
	<atom:link href="{site.home}feed/" rel="self" type="application/rss+xml" />
	<link>{site.home.rstrip("/")}</link>
	<description>Leadership in health and care</description>
	<lastBuildDate>{newest}</lastBuildDate>
	<language>en-GB</language>
	<sy:updatePeriod>hourly</sy:updatePeriod>
	<sy:updateFrequency>1</sy:updateFrequency>
	<generator>https://wordpress.org/?v=6.4.2</generator>
{chr(10).join(items)}
</channel>
</rss>
"""
