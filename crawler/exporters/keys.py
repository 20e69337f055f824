"""Citation keys: ``henriks2023creating``, unique within one export.

The key is the first author's family name (or a group's first word, or the
source when there is no author), the year, and the title's first word that is
not a stop word, folded to ASCII lower case. A repeated key gets ``a``, ``b``...
in the order the posts come, so an export of the same posts in the same order
gives the same keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from itertools import count
from string import ascii_lowercase
from typing import Any

from crawler.exporters.names import Name

_STOP_WORDS = frozenset(
    {"a", "an", "the", "on", "of", "in", "and", "for", "to", "at", "by", "with", "from", "is"}
)
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return re.sub(r"[^a-z0-9]", "", folded.encode("ascii", "ignore").decode().lower())


def _first_word(text: str) -> str:
    """The first word of ``text`` that is not a stop word (``the``, ``of``...)."""
    return next((w for w in _WORD_RE.findall(text) if w.lower() not in _STOP_WORDS), "")


def _suffix(n: int) -> str:
    """0 -> ``a``, 25 -> ``z``, 26 -> ``aa``."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = ascii_lowercase[rest] + letters
    return letters


class CitationKeys:
    """Hands out stable, unique citation keys for the posts of one export."""

    def __init__(self) -> None:
        self._used: set[str] = set()
        # The next suffix to try per base key: a long run of one base stays linear.
        self._next: dict[str, int] = {}

    def key(self, post: Mapping[str, Any], names: Sequence[Name]) -> str:
        """The key for ``post`` whose authors split into ``names``."""
        base = self._base(post, names)
        candidate = base
        if candidate in self._used:
            for n in count(self._next.get(base, 0)):
                candidate = base + _suffix(n)
                if candidate not in self._used:
                    self._next[base] = n + 1
                    break
        self._used.add(candidate)
        return candidate

    @staticmethod
    def _base(post: Mapping[str, Any], names: Sequence[Name]) -> str:
        who = ""
        if names:
            first = names[0]
            who = _ascii(first.family or _first_word(first.literal))
        who = who or _ascii(post.get("source") or "") or "post"
        year = (post.get("published") or "")[:4]
        title = post.get("title") or post.get("heading") or ""
        return f"{who}{year if year.isdigit() else ''}{_ascii(_first_word(title))}"
