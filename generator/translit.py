"""Russian in Latin letters, in one place: the slugs of addresses, the ids of imported and synthetic files,
and every common spelling of a name (the search for personal names).

One table, :data:`SPELLINGS`, lists for each Cyrillic letter the ways it is commonly written in Latin
(passports old and new, BGN/PCGN, the web's habits), the usual one first. A *scheme* picks one spelling
per letter. :data:`DEFAULT` is the usual one (х → kh, щ → shch, й → y, ю → yu, я → ya). Two uses keep a
compatibility scheme, because what they produce is already in addresses and file names and must not
change:

* :data:`PASSPORT` — ids of imported documents (:mod:`generator.importers.naming`): й → i, ю → iu,
  я → ia (the passport table, ГОСТ Р 52535.1-2006); a document imported again gets the same id;
* :data:`CATEGORY` — addresses of the news' categories (``categories_slugify`` in ``mkdocs.yml``,
  :func:`generator.render.env.slugify`): х → h, щ → sch, as published since the first release.

iuliia (a maintained library of transliteration schemes) was considered: none of its schemes gives
any of these three exactly (its GOST 52535 writes ц → tc, its ICAO ъ → ie), and it has no list of
variants, so the table lives here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

SPELLINGS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "а": ("a",), "б": ("b",), "в": ("v", "w"), "г": ("g",), "д": ("d",), "е": ("e", "ye", "je"),
    "ж": ("zh", "j", "z"), "з": ("z",), "и": ("i", "y"), "й": ("i", "y", "j", ""), "к": ("k",), "л": ("l",),
    "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",), "у": ("u",),
    "ф": ("f",), "х": ("kh", "h", "x"), "ц": ("ts", "tc", "tz", "c"), "ч": ("ch",), "ш": ("sh",),
    "щ": ("shch", "sch"), "ъ": ("", "ie"), "ы": ("y", "i"), "ь": ("",), "э": ("e",), "ю": ("yu", "iu", "ju"),
    "я": ("ya", "ia", "ja"),
})  # fmt: skip
"""Every common Latin spelling of each letter (ё is written as е). The order is that of the search for names."""

MAX_VARIANTS = 4096  # spellings of one word, at most (a long word has millions)

Scheme = Mapping[str, str]

DEFAULT: Scheme = MappingProxyType({**{c: s[0] for c, s in SPELLINGS.items()}, "ё": "e", "й": "y"})
"""The usual spelling: «Щукин Хрущёв, Юля Майская» → shchukin khrushchev, yulya mayskaya."""

PASSPORT: Scheme = MappingProxyType({**DEFAULT, "й": "i", "ю": "iu", "я": "ia"})
"""Ids of imported documents (compatibility): й → i, ю → iu, я → ia."""

CATEGORY: Scheme = MappingProxyType({**DEFAULT, "х": "h", "щ": "sch"})
"""Addresses of news categories (compatibility): х → h, щ → sch."""

for _scheme in (DEFAULT, PASSPORT, CATEGORY):  # a scheme only ever picks one of the table's spellings
    assert all(_scheme[c] in SPELLINGS.get(c, ("e",)) for c in _scheme), _scheme


def latin(text: str, scheme: Scheme = DEFAULT) -> str:
    """``text`` lower-cased, its Cyrillic letters written in Latin by ``scheme``; other characters stay."""
    return "".join(scheme.get(char, char) for char in text.lower())


def slug(text: str, scheme: Scheme = DEFAULT, separator: str = "-") -> str:
    """An address part: Latin letters and digits, every other run of characters one ``separator``.

    «Школа № 12: учитель – ученик» → ``shkola-12-uchitel-uchenik``.
    """
    return separator.join(re.findall(r"[a-z0-9]+", latin(text, scheme)))


def spellings(word: str, min_length: int = 4) -> frozenset[str]:
    """Every common Latin spelling of a Cyrillic ``word``: «Зайцев» → zaitsev, zaytsev, zajcev, zaicev, …

    For the search of personal names. Empty for a word shorter than ``min_length`` (too many other words
    share so few letters) or with a character other than Russian letters and hyphens; at most
    :data:`MAX_VARIANTS` spellings, and only those of ``min_length`` letters or more.
    """
    word = word.lower().replace("ё", "е")
    if len(word) < min_length:
        return frozenset()
    variants = [""]
    for char in word:
        options = ("-", "") if char == "-" else SPELLINGS.get(char)
        if options is None:
            return frozenset()
        variants = [v + o for v in variants for o in options]
        if len(variants) > MAX_VARIANTS:
            variants = variants[:MAX_VARIANTS]
    return frozenset(v for v in variants if len(v) >= min_length)
