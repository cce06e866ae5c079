"""Names in Latin letters: a minor's surname anywhere, an adult's slug in a file name («ivanova-mp.jpg»)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from generator.checks.names.patterns import trie
from generator.rules.people import Name
from generator.translit import SPELLINGS, spellings

_SEP = r"[-_.]?"


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
