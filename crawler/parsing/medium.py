"""Medium story pages: metadata, body text, author card and paywall state.

Selection never uses Medium's generated atomic classes (``bm b bn``), which change
between builds. Each field is read from the first source that has it: the 2023+
``data-testid`` markup, the 2021–22 ``pw-*`` classes, ``<meta>`` tags, JSON-LD,
then ``window.__APOLLO_STATE__``.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from lxml import etree

from crawler.parsing.html import HEADING_TAGS, absolute, base_url, parse_html, text_of
from crawler.parsing.medium_urls import POST_ID, canonical_medium_url, medium_post_id, strip_source

_READ_TIME = re.compile(r"(\d+)\s*min(?:ute)?s?\s+read", re.IGNORECASE)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_SHORT_DATE = re.compile(r"^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "BlogPosting", "SocialMediaPosting"})
_BODY_TAGS = ("p", "li", "blockquote", "pre", "figcaption", *sorted(HEADING_TAGS))
_BODY_TAG_SET = frozenset(_BODY_TAGS)
# Where the story ends: tags, footer actions, author card, recommendations.
_END_TESTIDS = frozenset(
    {
        "footerClapButton", "footerSocialActions", "post-end-cta", "belowPostTagsPrompt",
        "recommendedPosts", "post-preview",
    }
)  # fmt: skip
_END_HEADING = re.compile(r"(?:More from|Recommended from|Written by)\b", re.IGNORECASE)
# Story chrome inside <article>: byline, action bars, paywall banner, promotions.
_CHROME_TESTIDS = frozenset(
    {
        "authorPhoto", "authorName", "authorByline", "storyReadTime", "storyPublishDate",
        "headerSocialActions", "footerSocialActions", "postSidebarActions", "headerClapButton",
        "footerClapButton", "headerBookmarkButton", "footerBookmarkButton", "headerFollowButton",
        "audioPlayButton", "headerSocialShareButton", "responsesPanel-button", "responses",
        "storyPreviewMeteredBanner", "metered-paywall", "popover", "post-end-cta",
        "belowPostTagsPrompt", "recommendedPosts", "publicationName",
    }
)  # fmt: skip
_CHROME_TAGS = frozenset({"header", "nav", "footer", "aside", "button", "form", "noscript"})
_CHROME_CLASSES = frozenset(
    {"speechify-ignore", "pw-post-byline-header", "pw-multi-vote-count", "pw-responses-count"}
)
_CHROME_TEXT = re.compile(
    r"--|·|Follow|Following|Sign (?:up|in)|Listen|Share|Member-only story|Top highlight"
    r"|\d+(?:\.\d+)?K?\s+(?:Followers|Following|claps?|responses?)|Written by .*|More from .*"
    r"|·?\s*(?:Writer|Editor) for .*",
    re.IGNORECASE,
)
_CARD_NAME_TAGS = frozenset({"a", "span", "p", "div", "h2", "h3", "h4"})
_PAYWALL_TESTIDS = frozenset({"storyPreviewMeteredBanner", "metered-paywall"})
_PAYWALL_TOKEN = re.compile(r"metered-?paywall|paywall|storyPreviewMeteredBanner", re.I)
_MEDIUM_TITLE_TAIL = re.compile(r"\s+\|\s+by\s+.*$|\s+[-|]\s+Medium$")


class NotAnArticle(ValueError):
    """The page is not a Medium story (profile, 404, error page, non-HTML)."""


@dataclass(frozen=True, slots=True)
class MediumArticle:
    """One Medium story as read from its page."""

    url: str
    post_id: str | None
    title: str
    author: str | None
    author_url: str | None
    published: str | None
    published_raw: str | None
    reading_minutes: int | None
    body_text: str
    author_bio: str | None
    partial: bool


def parse_medium_article(
    html: str | bytes, page_url: str, *, today: date | None = None
) -> MediumArticle:
    """Read a Medium story page. Raises :class:`NotAnArticle` for anything else.

    ``today`` dates year-less bylines ("Oct 15" means this year); pass the fetch date
    when re-parsing an archived page. ``body_text`` holds paragraphs, headings, list
    items and captions separated by blank lines, without title, byline or footer.
    ``partial`` is true when a paywall banner shows the body is only a preview.
    """
    root = parse_html(html)
    if root is None:
        raise NotAnArticle("not HTML")
    base = base_url(root, page_url)
    meta = _meta(root)
    ld = _json_ld_article(root)
    post_id = _post_id(root, page_url, meta, ld)
    apollo = _apollo(root, post_id)
    title_el = _first(
        root, '//*[@data-testid="storyTitle"]', '//h1[contains(@class,"pw-post-title")]'
    )
    is_story = (
        title_el is not None
        or meta.get("og:type") == "article"
        or ld is not None
        or apollo.get("post") is not None
    )
    if not is_story:
        raise NotAnArticle(f"no Medium story on {page_url}")

    canonical = _canonical_link(root, base)
    url = canonical_medium_url(canonical if canonical and medium_post_id(canonical) else page_url)
    if post_id:
        url = f"https://medium.com/p/{post_id}"

    post = apollo.get("post") or {}
    user = apollo.get("user") or {}
    ld_author = ld.get("author") if ld else None
    if isinstance(ld_author, list):
        ld_author = ld_author[0] if ld_author else None
    if not isinstance(ld_author, dict):
        ld_author = {}

    title = _pick(
        _text(title_el),
        meta.get("og:title"),
        meta.get("title"),
        _str(ld.get("name")) if ld else None,
        _MEDIUM_TITLE_TAIL.sub("", _str(ld.get("headline")) or "") if ld else None,
        _str(post.get("title")),
        _title_tag(root),
    )
    if not title:
        raise NotAnArticle(f"no story title on {page_url}")

    author_el = _first(
        root,
        '//*[@data-testid="authorName"]',
        '//*[contains(@class,"pw-author")]//a[normalize-space()]',
    )
    author = _pick(
        _text(author_el), meta.get("author"), _str(ld_author.get("name")), _str(user.get("name"))
    )
    author_href = author_el.get("href") if author_el is not None else None
    if author_el is not None and author_href is None:
        link = author_el.find(".//a[@href]")
        author_href = link.get("href") if link is not None else None
    author_url = _pick(
        absolute(author_href, base),
        meta.get("article:author"),
        _str(ld_author.get("url")),
        f"https://medium.com/@{user['username']}" if _str(user.get("username")) else None,
    )

    published_raw = _pick(
        _text(_first(root, '//*[@data-testid="storyPublishDate"]')),
        _text(_first(root, '//*[contains(@class,"pw-published-date")]')),
        _str(ld.get("datePublished")) if ld else None,
        meta.get("article:published_time"),
    )
    first_published = post.get("firstPublishedAt")
    if not published_raw and isinstance(first_published, int | float) and first_published > 0:
        stamp = datetime.fromtimestamp(min(first_published / 1000, 253_402_214_400), UTC)
        published_raw = stamp.isoformat()
    published = parse_medium_date(published_raw, today=today) if published_raw else None

    reading_minutes = _minutes(
        _text(_first(root, '//*[@data-testid="storyReadTime"]')),
        _text(_first(root, '//*[contains(@class,"pw-reading-time")]')),
        meta.get("twitter:data1"),
    )
    if reading_minutes is None and isinstance(post.get("readingTime"), int | float):
        minutes = post["readingTime"]
        reading_minutes = max(1, math.ceil(minutes)) if 0 < minutes < 10_000 else None

    texts, story_end = _story(root, title_el, title)
    body = "\n\n".join(texts or apollo.get("paragraphs") or [])
    return MediumArticle(
        url=url,
        post_id=post_id,
        title=title,
        author=author,
        author_url=strip_source(author_url) if author_url else None,
        published=published,
        published_raw=published_raw,
        reading_minutes=reading_minutes,
        body_text=body,
        author_bio=_author_bio(story_end, author) or _str(user.get("bio")),
        partial=_is_partial(root, post),
    )


def parse_medium_date(raw: str, *, today: date | None = None) -> str | None:
    """``YYYY-MM-DD`` for a Medium date: "Oct 30, 2020", "Oct 15" (this year), ISO, "2 days ago"."""
    raw = " ".join(raw.split())
    today = today or date.today()
    if iso := _ISO_DATE.match(raw):
        return _valid(*map(int, iso.groups()))
    if short := _SHORT_DATE.match(raw):
        month = _MONTHS.get(short.group(1).lower())
        if month is None:
            return None
        day = int(short.group(2))
        if short.group(3):
            return _valid(int(short.group(3)), month, day)
        found = _valid(today.year, month, day)
        # Medium drops the year only for this year's dates; a date well after
        # ``today`` must be last year's (clock skew allows a day or two).
        if found is None or date.fromisoformat(found) > today + timedelta(days=2):
            return _valid(today.year - 1, month, day)
        return found
    if len(raw) > 40 or not re.search(r"\d|ago|yesterday|today|now", raw, re.IGNORECASE):
        return None
    import dateparser  # slow to import; only relative dates ("2 days ago") need it

    try:
        found = dateparser.parse(
            raw,
            languages=["en"],
            settings={"RELATIVE_BASE": datetime(today.year, today.month, today.day)},
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return found.date().isoformat() if found else None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _str(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _pick(*values: str | None) -> str | None:
    return next((v.strip() for v in values if v and v.strip()), None)


def _text(el: etree._Element | None) -> str | None:
    return text_of(el) or None if el is not None else None


def _first(root: etree._Element, *paths: str) -> etree._Element | None:
    for path in paths:
        found = root.xpath(path)
        if found:
            return found[0]
    return None


def _meta(root: etree._Element) -> dict[str, str]:
    out: dict[str, str] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name")
        value = el.get("content")
        if key and value and value.strip():
            out.setdefault(key.strip().lower(), " ".join(value.split()))
    return out


def _title_tag(root: etree._Element) -> str | None:
    el = root.find(".//title")
    return _MEDIUM_TITLE_TAIL.sub("", text_of(el)) or None if el is not None else None


def _canonical_link(root: etree._Element, base: str) -> str | None:
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split():
            return absolute(el.get("href"), base)
    return None


def _json_ld_article(root: etree._Element) -> dict[str, Any] | None:
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(k in _ARTICLE_TYPES for k in kinds if isinstance(k, str)):
                    return item
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return None


def _apollo(root: etree._Element, post_id: str | None) -> dict[str, Any]:
    """The story's ``Post``, its creator ``User`` and its paragraphs from the Apollo cache.

    Profile and list pages cache many posts, so only the page's own post counts.
    """
    if post_id is None:
        return {}
    for script in root.iter("script"):
        text = script.text or ""
        at = text.find("__APOLLO_STATE__")
        if at < 0:
            continue
        start = text.find("{", at)
        try:
            state, _ = json.JSONDecoder().raw_decode(text, start)
        except (ValueError, RecursionError):
            return {}
        if not isinstance(state, dict):
            return {}
        post = state.get(f"Post:{post_id}")
        if not isinstance(post, dict) or not _str(post.get("title")):
            return {}
        creator = post.get("creator")
        user = state.get(creator.get("__ref")) if isinstance(creator, dict) else None
        return {
            "post": post,
            "user": user if isinstance(user, dict) else None,
            "paragraphs": _apollo_paragraphs(state, post),
        }
    return {}


def _apollo_paragraphs(state: dict[str, Any], post: dict[str, Any]) -> list[str]:
    content = next(
        (v for k, v in post.items() if k.startswith("content") and isinstance(v, dict)), {}
    )
    body = content.get("bodyModel")
    paragraphs = body.get("paragraphs") if isinstance(body, dict) else None
    out = []
    for para in paragraphs if isinstance(paragraphs, list) else []:
        if isinstance(para, dict) and "__ref" in para:
            para = state.get(para["__ref"])
        if isinstance(para, dict) and (text := _str(para.get("text"))):
            out.append(text)
    if out and post.get("title") and out[0] == _str(post["title"]):
        out.pop(0)  # the first paragraph of a story is its title
    return out


def _post_id(
    root: etree._Element, page_url: str, meta: dict[str, str], ld: dict | None
) -> str | None:
    candidates = [
        page_url,
        _canonical_link(root, page_url) or "",
        meta.get("al:android:url", ""),
        meta.get("og:url", ""),
        _str(ld.get("url")) or "" if ld else "",
    ]
    for candidate in candidates:
        if found := medium_post_id(candidate):
            return found
    identifier = ld.get("identifier") if ld else None
    if isinstance(identifier, str) and re.fullmatch(POST_ID, identifier):
        return identifier
    return None


def _minutes(*values: str | None) -> int | None:
    for value in values:
        if value and (match := _READ_TIME.search(value)):
            return int(match.group(1)[:6])
    return None


def _story_container(root: etree._Element, title_el: etree._Element | None) -> etree._Element:
    if title_el is not None:
        for anc in title_el.iterancestors("article"):
            return anc
    found = _first(root, '//*[@data-testid="storyContent"]', "//article", "//main", "//body")
    return root if found is None else found


def _is_chrome(el: etree._Element, stop: etree._Element) -> bool:
    node: etree._Element | None = el
    while node is not None and node is not stop:
        if node.tag in _CHROME_TAGS or node.get("data-testid") in _CHROME_TESTIDS:
            return True
        if node.get("role") in ("tooltip", "navigation", "banner"):
            return True
        if _CHROME_CLASSES.intersection((node.get("class") or "").split()):
            return True
        node = node.getparent()
    return False


def _story(
    root: etree._Element, title_el: etree._Element | None, title: str
) -> tuple[list[str], etree._Element]:
    """The story's text blocks, and the element after which the author card may follow.

    Blocks are read in document order from just after the title to the first
    end-of-story marker (tags, footer claps, author card, recommendations), which
    also guards against an unclosed ``<article>`` swallowing the rest of the page.
    """
    container = _story_container(root, title_el)
    texts: list[str] = []
    started = title_el is None
    for el in container.iter():
        if el is title_el:
            started = True
            continue
        if not started or not isinstance(el.tag, str):
            continue
        if texts and _ends_story(el):
            return texts, el
        if el.tag not in _BODY_TAG_SET or _is_chrome(el, container):
            continue
        if any(True for _ in el.iterdescendants(*_BODY_TAGS)):
            continue  # an outer block (li around p) yields to the inner ones
        text = text_of(el)
        if not text or _CHROME_TEXT.fullmatch(text):
            continue
        if title_el is None and not texts and text == title and el.tag in HEADING_TAGS:
            continue  # metadata-only pages repeat the title as a heading
        texts.append(text)
    return texts, container


def _ends_story(el: etree._Element) -> bool:
    if el.tag == "footer" or el.get("data-testid") in _END_TESTIDS:
        return True
    if "pw-author-name" in (el.get("class") or "").split():
        return True
    if el.tag == "a" and "/tag/" in (el.get("href") or ""):
        return not any(True for _ in el.iterancestors(*_BODY_TAGS))
    return el.tag in HEADING_TAGS and bool(_END_HEADING.match(text_of(el)))


def _author_bio(end: etree._Element, author: str | None) -> str | None:
    """The author card's bio: the first plain text after the author's name past the story."""
    for el in end.xpath('//*[contains(concat(" ", @class, " "), " pw-author-bio ")]'):
        if text := text_of(el):
            return text
    if not author:
        return None
    names = (author, f"Written by {author}")
    after = [end, *end.xpath("following::*")]
    card = next((el for el in after if el.tag in _CARD_NAME_TAGS and text_of(el) in names), None)
    if card is None:
        return None
    for el in card.xpath("following::*[self::p or self::span or self::div]"):
        if el.xpath("boolean(.//p|.//div|.//h2|.//h3)"):
            continue  # a wrapper: its paragraphs come next
        text = text_of(el)
        if text and text not in names and not _CHROME_TEXT.fullmatch(text):
            return text
        if el.xpath("boolean(self::*[@data-testid='post-preview'] | ancestor::article)"):
            return None  # reached the recommendations: the card has no bio
    return None


def _is_partial(root: etree._Element, post: dict[str, Any]) -> bool:
    for el in root.xpath("//*[@data-testid or @class or @id]"):
        if el.get("data-testid") in _PAYWALL_TESTIDS:
            return True
        for token in (el.get("class") or "").split() + [el.get("id") or ""]:
            if token and _PAYWALL_TOKEN.fullmatch(token):
                return True
    content = next(
        (v for k, v in post.items() if k.startswith("content") and isinstance(v, dict)), {}
    )
    return content.get("isLockedPreviewOnly") is True
