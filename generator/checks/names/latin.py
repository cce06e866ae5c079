"""Names in Latin letters: a minor's surname anywhere, an adult's slug in a file name («ivanova-mp.jpg»)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import PurePosixPath
from typing import Generic, TypeVar

from generator.checks.names.patterns import trie
from generator.rules.people import Name
from generator.translit import SPELLINGS, spellings

_SEP = r"[-_.]?"
R = TypeVar("R")


def _letter_options(word: str) -> set[str]:
    """How the first letter of ``word`` may be written in Latin: «Ж» → zh, j, z."""
    options = SPELLINGS.get(word[:1].lower().replace("ё", "е"), ())
    return {o for o in options if o} | {o[0] for o in options if o}


def _spellings(word: str) -> set[str]:
    """Latin spellings of a whole word, short ones too («Лев» → lev; «Мария» → maria, mariya, …)."""
    low = word.lower().replace("ё", "е")
    found = set(spellings(low, min_length=2))
    if low.endswith("ия"):  # the usual spelling of «-ия»: Maria, Yulia
        found |= {v + "ia" for v in _spellings(low[:-2])}
    return found


def slug_anchors(name: Name, with_id: bool) -> frozenset[str]:
    """What every file name :func:`slug_regex` finds contains: a spelling of the surname, or the own id."""
    own = own_id(name) if with_id else None
    return (spellings(name.surname) if name.surname else frozenset()) | ({own} if own else set())


@dataclass(frozen=True)
class Slugs(Generic[R]):
    """Slug regexes, each with what it stands for, searched in file names. A file name is searched only with
    the regexes whose surname spelling (or id) it contains: one search of all of them first, so a region's
    thousands of withheld people cost a file name one search, not thousands."""

    sources: tuple[tuple[str, R], ...]
    anchors: re.Pattern[str] | None
    by_anchor: dict[str, tuple[int, ...]]

    @classmethod
    def of(cls, slugs: Iterable[tuple[str, frozenset[str], R]]) -> Slugs[R]:
        """``slugs``: (regex, anchors, what it stands for)."""
        sources: list[tuple[str, R]] = []
        by_anchor: dict[str, list[int]] = {}
        for index, (source, anchors, value) in enumerate(slugs):
            sources.append((source, value))
            for anchor in anchors:
                by_anchor.setdefault(anchor, []).append(index)
        return cls(
            tuple(sources),
            re.compile(trie(by_anchor)) if by_anchor else None,
            {anchor: tuple(indices) for anchor, indices in by_anchor.items()},
        )

    def found_in(self, low: str) -> list[R]:
        """What the slugs found in the lower-cased file name ``low`` stand for."""
        if self.anchors is None:
            return []
        indices: set[int] = set()
        position = 0
        while (hit := self.anchors.search(low, position)) is not None:
            position = hit.start() + 1
            word = hit.group(0)
            for end in range(1, len(word) + 1):  # a shorter spelling is another surname («ivanov-a», «ivanova»)
                indices.update(self.by_anchor.get(word[:end], ()))
        return [self.sources[i][1] for i in sorted(indices) if _compiled(self.sources[i][0]).search(low)]


@cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source)


def slug_regex(name: Name, with_id: bool) -> str | None:
    """A regex (over lower-cased text) for ``name`` as a file name spells it: «ivanova-mp», «ivanova_maria»,
    «m-p-ivanova», «maria-ivanova»; ``with_id``: the person's own file id too («ivanova-mp» of ivanova-mp.yaml)."""
    if not name.surname:
        return None
    surnames = spellings(name.surname)
    if not surnames:
        return None
    s = f"(?:{trie(surnames)})"
    fi = f"(?:{trie(_letter_options(name.first))})"
    pi = f"(?:{_SEP}(?:{trie(_letter_options(name.patronymic))}))?" if name.patronymic else ""
    first = _spellings(name.first)
    f = f"|(?:{trie(first)})" if first else ""
    body = rf"{s}{_SEP}(?:{fi}{pi}{f})|(?:{fi}{pi}{f}){_SEP}{s}"
    own = own_id(name) if with_id else None
    if own:
        body += "|" + re.escape(own)
    return rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])"


def own_id(name: Name) -> str | None:
    """The id of the person's data file («data/mentors/ivanova-mp.yaml» → ivanova-mp), when it is one."""
    path = PurePosixPath(name.who.partition(",")[0])
    if path.parent.name != "mentors" or path.suffix not in (".yaml", ".yml") or len(path.stem) < 4:
        return None
    return path.stem.lower()


def surname_variants(name: Name) -> frozenset[str]:
    return spellings(name.surname) if name.surname else frozenset()
