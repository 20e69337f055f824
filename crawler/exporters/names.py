"""Split an author's name into family and given parts, the way citation managers store it.

Authors in the archive are already clean (no honorifics or post-nominals, see
``crawler.parsing.names``), in byline order. Two kinds come out:

- a person: the last word is the family name, with the particles before it
  (``van der Berg``, ``De Souza``) and without a final ``Jr``/``Sr`` (a suffix);
  everything before is the given name. ``Xander Stephenson-Allen`` ->
  family ``Stephenson-Allen``, given ``Xander``.
- a group, kept whole as a literal name: any word is a group noun of the byline
  parser (Fellows, team, Network, Confederation, Foundation, College...), an
  acronym of three or more capitals (``NHS England``), or a joining word
  (``and``, ``&``, ``of``, ``for``). The byline parser calls the same names
  groups, so a person's name never meets this rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.parsing.wordlists import GROUP_NOUNS, NAME_PARTICLES, NAME_SUFFIXES

_JOINING_WORDS = frozenset({"and", "&", "of", "for", "the"})
_ROMAN_RE = re.compile(r"[IVX]+")
_SUFFIXES = NAME_SUFFIXES | {"ii", "iii", "iv"}


@dataclass(frozen=True)
class Name:
    """One author: ``literal`` for a group, else ``family``, ``given`` and ``suffix``."""

    family: str = ""
    given: str = ""
    suffix: str = ""
    literal: str = ""

    def inverted(self) -> str:
        """``Family, Given`` (``Family, Given, Jr``), or the literal name."""
        if self.literal:
            return self.literal
        return ", ".join(part for part in (self.family, self.given, self.suffix) if part)


def is_group(name: str) -> bool:
    """True for a group author such as ``NHS Confederation`` or ``AHP Fellows``."""
    for word in name.split():
        bare = word.strip(".,;:()'’\"")
        if bare.lower() in GROUP_NOUNS or bare.lower() in _JOINING_WORDS:
            return True
        if len(bare) >= 3 and bare.isalpha() and bare.isupper() and not _ROMAN_RE.fullmatch(bare):
            return True
    return False


def split_name(name: str) -> Name:
    """Split one author's name; a group, or a name that cannot be split, stays literal."""
    name = " ".join(name.split())
    if not name or is_group(name):
        return Name(literal=name)
    words = name.split()
    suffix = ""
    if len(words) > 2 and words[-1].lower() in _SUFFIXES:
        suffix = words.pop()
    start = len(words) - 1  # the family name's first word
    while start > 1 and words[start - 1].lower() in NAME_PARTICLES:
        start -= 1
    return Name(family=" ".join(words[start:]), given=" ".join(words[:start]), suffix=suffix)
