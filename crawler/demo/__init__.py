"""Offline demo blogs: the posts they are built from.

``demo_posts()`` are the BMJ Leader posts of the seed listings plus hand-written posts in
the same style; ``synthetic_posts(n)`` recombines realistic fragments into any number of
posts. ``crawler.demo.site`` builds a blog from them (and re-exports everything here);
this module does not import it, so ``site`` can import from here without a cycle.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

__all__ = ["DemoPost", "demo_posts", "slugify", "synthetic_posts"]


@dataclass(frozen=True)
class DemoPost:
    """One blog post of the demo data."""

    heading: str  # exact heading text as the blog shows it (curly quotes, en dashes)
    slug: str
    date: str  # ISO date YYYY-MM-DD; drives the /YYYY/MM/DD/slug/ permalink
    body: str  # plain-text paragraphs separated by "\n\n"; the teaser is its first 55 words

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(p for p in self.body.split("\n\n") if p.strip())

    def path(self) -> str:
        """The permalink path below the blog root: ``YYYY/MM/DD/slug/``."""
        return f"{self.date[:4]}/{self.date[5:7]}/{self.date[8:10]}/{self.slug}/"


_NEWEST_SYNTHETIC = date(2023, 12, 29)

_TOPICS = (
    "compassionate leadership",
    "psychological safety",
    "clinical leadership in primary care",
    "the climate emergency",
    "inclusive recruitment",
    "integrated care systems",
    "speaking up",
    "digital transformation",
    "staff wellbeing",
    "health inequalities",
    "medical management",
    "nursing leadership",
    "followership",
    "quality improvement",
    "board governance",
    "allied health professional leadership",
    "shared decision-making",
    "leadership development",
    "workforce planning",
    "patient safety",
    "team culture",
    "system leadership",
    "midwifery leadership",
    "reverse mentoring",
    "burnout",
    "the four-day week",
    "civility in the operating theatre",
    "population health",
)
_OPENINGS = (
    "Why we need to talk about {t}",
    "Lessons in {t} from the front line",
    "Rethinking {t}",
    "The case for {t}",
    "Making room for {t}",
    "What boards can learn about {t}",
    "Notes on {t} after the pandemic",
    "Towards better {t}",
    "Five things I wish I had known about {t}",
    "{T} is everyone’s business",
    "Is {t} the missing piece?",
    "Driven by data: {t} in practice",
    "From the ward to the board: {t}",
    "“We can’t go on like this”: {t} under pressure",
)
_PREFIXES = (
    "Greener Leader Blog Series: ",
    "‘Magical Meander’: ",
    "Winter pressures: ",
    "Workforce: ",
    "NHS Regional Clinical Leadership Fellow Blog Series: ",
    "Creating tomorrow today: seven simple rules for leaders. Blog {w}: ",
    "Blog {n}: We need to talk about professionalism: ",
)
_PEOPLE = (
    "Roger Kline",
    "Dr Rammina Yassaie",
    "Helen Bevan",
    "Dr. Stuart Monk",
    "Anisha Soni",
    "Professor Michael West",
    "Dr Hannah Okafor",
    "Sue Holden",
    "Rich Taunt",
    "Ali Raza",
    "Dr Priya Natarajan",
    "Mx Karen Chui",
    "Jo Hartland",
    "Professor Dame Jane Dacre",
    "Dr Kwame Mensah",
    "Corrina Grimes",
    "Yang Chen",
    "Dr Fiona McKenzie",
    "Emma Hadley",
    "Göran Henriks",
    "Dr Laura Bennett",
    "Sir Muir Gray",
    "Angie Willis",
    "Dr Ben Carter",
)
_BYLINES = (". By {a}", " by {a}", " by {a} and {b}", ". By {a}, {b} and {c}", " – {a}", "")
_BOOKS = (
    "Leading with Compassion",
    "The Fearless Organization",
    "Humble Leadership",
    "Systems Thinking for Health",
    "The Art of Followership",
    "Better: A Surgeon’s Notes",
)
_SENTENCES = (
    "Leadership in the NHS has rarely been more visible, or more tested, than it is today.",
    "Most of us came into health care to look after patients, not to manage budgets.",
    "Yet the evidence that {t} improves outcomes for patients and staff is now hard to ignore.",
    "Teams that feel safe to speak up catch errors earlier and recover from them faster.",
    "None of this is new; what is new is the scale of the pressure on every service.",
    "I have seen this first hand, on night shifts and in board meetings alike.",
    "Too often {t} is treated as a project with an end date rather than a way of working.",
    "The staff survey tells a consistent story about workload, recognition and voice.",
    "Leaders set the tone in the first seconds after someone raises a concern.",
    "There is no shortage of frameworks; what is missing is protected time to use them.",
    "Patients notice the difference when a team works well together.",
    "We asked colleagues across our region what helped and what held them back.",
    "The answers were honest, sometimes uncomfortable, and remarkably consistent.",
    "Small changes, made by the people who do the work, tend to last longer than big plans.",
    "Integrated care systems give us a chance to do things differently, if we take it.",
    "Data matters, but the conversations it starts matter more.",
    "Junior colleagues often see the problems most clearly and have the least power to act.",
    "Compassion is not softness; it is the hardest discipline in leadership.",
    "We need leaders who can hold uncertainty without passing the anxiety down the line.",
    "Inclusion is measured by who is in the room when decisions are made.",
    "The climate emergency is a health emergency, and clinicians are trusted messengers.",
    "Every board should ask what happened to the people who raised concerns last year.",
    "It is tempting to reorganise; it is usually wiser to build relationships.",
    "Our experience suggests that {t} starts with listening rather than broadcasting.",
    "Managers and clinicians want the same things far more often than they realise.",
    "Mentoring and coaching made the biggest difference to the people we spoke to.",
    "The pandemic showed what is possible when barriers are removed.",
    "If we want different results, we will have to lead differently.",
)


@lru_cache(maxsize=1)
def _bundled() -> tuple[DemoPost, ...]:
    raw = resources.files(__package__).joinpath("posts.json").read_text(encoding="utf-8")
    posts = [DemoPost(**item) for item in json.loads(raw)]
    return tuple(sorted(posts, key=lambda p: p.date, reverse=True))


def demo_posts() -> list[DemoPost]:
    """The bundled BMJ Leader style posts (``posts.json``), newest first."""
    return list(_bundled())


def slugify(text: str) -> str:
    """A WordPress-like slug: accents folded, quotes and dashes dropped, hyphen-separated."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def synthetic_posts(count: int, *, seed: int = 0) -> list[DemoPost]:
    """``count`` realistic posts built deterministically from ``seed``, newest first.

    Slugs and dates are unique (WordPress-style ``-2`` suffixes resolve repeated titles);
    dates step back one to three days per post (one day for very large counts).
    """
    rng = random.Random(seed)
    slugs: dict[str, int] = {}
    day = _NEWEST_SYNTHETIC
    max_gap = 3 if count <= 5000 else 1
    series_part = 0
    posts = []
    for _ in range(count):
        topic = rng.choice(_TOPICS)
        roll = rng.random()
        if roll < 0.06:
            person = rng.choice(_PEOPLE)
            heading = title = f"In conversation with {person}"
            first = (
                "To watch this interview, please follow this\u00a0link Hello, I’m Domhnall "
                "MacAuley and welcome to this BMJ Leader conversation. "
                f"Today I’m talking to {person}."
            )
        else:
            if roll < 0.12:
                title = f"{rng.choice(_BOOKS)}"
                byline = f" – Book Review by {rng.choice(_PEOPLE)}"
            else:
                opening = rng.choice(_OPENINGS).format(t=topic, T=topic[:1].upper() + topic[1:])
                prefix = rng.choice(_PREFIXES) if rng.random() < 0.3 else ""
                if "{n}" in prefix:
                    series_part += 1
                word = rng.choice(("one", "two", "three", "four", "five", "six", "seven"))
                title = prefix.format(n=series_part % 12 + 1, w=word) + opening
                a, b, c = rng.sample(_PEOPLE, 3)
                byline = rng.choice(_BYLINES).format(a=a, b=b, c=c)
                if title.endswith("?"):
                    byline = byline.replace(". By", " By")
            heading = title + byline
            first = rng.choice(_SENTENCES).format(t=topic)
        body = _body(rng, topic, first)
        slug = slugify(title)
        if len(slug) > 90:
            slug = slug[:90].rsplit("-", 1)[0]
        n = slugs.get(slug, 0) + 1
        slugs[slug] = n
        if n > 1:
            slug = f"{slug}-{n}"
        posts.append(DemoPost(heading, slug, day.isoformat(), body))
        day -= timedelta(days=rng.randint(1, max_gap))
    return posts


def _body(rng: random.Random, topic: str, first: str) -> str:
    sizes = [rng.randint(3, 5) for _ in range(rng.randint(3, 4))]
    pool = [s.format(t=topic) for s in rng.sample(_SENTENCES, sum(sizes) - 1)]
    sentences = [first, *pool]
    paragraphs = []
    for size in sizes:
        text = " ".join(sentences[:size])
        del sentences[:size]
        if rng.random() < 0.08:  # an editor's stray &nbsp;, as in the real teasers
            text = text.replace(". ", ".\u00a0 ", 1)
        paragraphs.append(text)
    return "\n\n".join(paragraphs)
