"""Regexes for a name in the ways people write it, built from the forms of its words (:mod:`.forms`)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from generator.checks.names.forms import Gender, gender_of, plain, word_forms
from generator.rules.people import Name

SEP = r"[\s.,]*\s"
"""Between the words of a name: spaces, perhaps after a comma or a dot («Иванова, Мария»)."""
_HYPHEN = r"\s*[-‐‑‒–—]\s*"
_INITIAL_SEP = r"[\s.]*"


_END = ""  # a trie node's key where a word ends (a key that is no character)
_WHOLE_END = "end of a whole word"  # … where a word of ``whole`` ends


def trie(words: Iterable[str], whole: Iterable[str] = ()) -> str:
    """One regex matching any of ``words``, as a trie: the regex engine then tries them all at once. Of the
    words in ``whole`` it matches only a whole one: where no letter, digit or underscore follows.

    Where several words match, it matches the longest (each node tries going on before ending there)."""
    whole = frozenset(whole)
    root: dict[str, dict] = {}
    for word in set(words):
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[_WHOLE_END if word in whole else _END] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if len(char) == 1]
        if _WHOLE_END in node:
            branches.append(r"(?!\w)")  # last: a longer word that matches here is preferred
        optional = _END in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return emit(root)


@dataclass(frozen=True)
class Word:
    """Every form of one name word; a hyphenated word has a set of forms per part."""

    parts: tuple[frozenset[str], ...]

    @property
    def leads(self) -> frozenset[str]:
        """What a match begins with (lower case): every form of the first part."""
        return self.parts[0]

    def regex(self, capital: bool = False) -> str:
        return _word_regex(self.parts, capital)

    @property
    def letter(self) -> str:
        return next(iter(self.parts[0]))[0]


@cache
def _word_regex(parts: tuple[frozenset[str], ...], capital: bool) -> str:
    """Once per word: a region's thousands of Marias and Petrovnas share their forms' regex."""
    body = _HYPHEN.join(f"(?:{trie(part)})" for part in parts)
    return f"(?-i:(?=[А-Я]))(?:{body})" if capital else f"(?:{body})"


def initial(letter: str) -> str:
    """An initial: a capital with or without a dot, a small letter only with one («М», «М.», «м.»)."""
    return rf"(?:(?-i:{re.escape(letter.upper())})\.?|(?-i:{re.escape(letter)})\.)"


def dotted(letter: str) -> str:
    return rf"(?:{re.escape(letter)}\.)"


@dataclass(frozen=True)
class NameForms:
    surname: Word | None
    first: Word
    patronymic: Word | None

    @classmethod
    def of(cls, name: Name) -> NameForms:
        gender: Gender | None = gender_of(name.first, name.patronymic, name.surname)
        return cls(
            Word(word_forms(name.surname, "surname", gender)) if name.surname else None,
            Word(word_forms(name.first, "first", gender)),
            Word(word_forms(name.patronymic, "patronymic", gender)) if name.patronymic else None,
        )


class Phrase(NamedTuple):
    """One way of writing a full name: its regex, what a match begins with, what may follow its first word."""

    regex: str
    leads: frozenset[str]
    follow: Follow
    whole: bool = True  # a match goes on after its lead with no letter, digit or underscore (not so after «М.»)


def phrases(forms: NameForms, first_with_patronymic: bool) -> list[Phrase]:
    """The phrases (:class:`Phrase`) of a full name: surname and first name either way round, with or without the
    patronymic; surname with initials after or before it; and, when asked, first name with patronymic."""
    s, f, p = forms.surname, forms.first, forms.patronymic
    found: list[Phrase] = []
    fl = f.letter
    initials = frozenset([fl, p.letter] if p else [fl])
    if s is not None:
        sr, fr = s.regex(), f.regex()
        pr = p.regex() if p else None
        after = initial(fl) + (rf"(?:{_INITIAL_SEP}{initial(p.letter)})?" if p else "")
        by_initials = Follow(_runs(s), initials)  # «Иванова М. П.», «М. П. Иванова», «МП Иванова»
        found += [
            Phrase(  # Иванова Мария (Петровна)
                rf"{sr}{SEP}{fr}(?:{SEP}{pr})?" if pr else rf"{sr}{SEP}{fr}",
                s.leads,
                Follow(_runs(s) | _runs(f), frozenset()),
            ),
            Phrase(  # Мария (Петровна) Иванова
                rf"{fr}{SEP}(?:{pr}{SEP})?{sr}" if pr else rf"{fr}{SEP}{sr}",
                f.leads,
                Follow(_runs(f) | _runs(p) | _runs(s), frozenset()),
            ),
            Phrase(rf"{sr}{SEP}{after}", s.leads, by_initials),  # Иванова М. П., Иванова МП
            Phrase(  # М. П. Иванова, М.П.Иванова: the surname may follow the dot at once
                rf"{dotted(fl)}(?:\s*{dotted(p.letter)})?\s*{sr}" if p else rf"{dotted(fl)}\s*{sr}",
                frozenset([fl + "."]),
                by_initials,
                whole=False,
            ),
        ]
        if p is not None:  # «МП Иванова», «М П Иванова»: both initials without dots
            cap = f"(?-i:{re.escape(fl.upper())}\\s?{re.escape(p.letter.upper())})"
            found.append(Phrase(rf"{cap}\s+{sr}", frozenset([fl + p.letter, fl + " " + p.letter]), by_initials))
    if first_with_patronymic and p is not None:  # Мария Петровна, as pupils address a teacher
        found.append(Phrase(rf"{f.regex()}{SEP}{p.regex()}", f.leads, Follow(_runs(f) | _runs(p), frozenset())))
    return found


def bounded(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


def forms_of(name: Name) -> NameForms:
    return _forms(name.surname, name.first, name.patronymic)


_CACHE: dict[tuple[str | None, str, str | None], NameForms] = {}


def _forms(surname: str | None, first: str, patronymic: str | None) -> NameForms:
    key = (surname, first, patronymic)
    found = _CACHE.get(key)
    if found is None:
        found = _CACHE[key] = NameForms.of(Name("", surname, first, patronymic))
    return found


def name_key(name: Name) -> tuple[str, str, str]:
    """A full name with «ё» and «е», and case, aside: two records with one key have one name."""
    return plain(name.surname or ""), plain(name.first), plain(name.patronymic or "")


_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Follow:
    """What can come right after the first word of one phrase of a name (:func:`phrases`): a form of the word
    the phrase goes on with, or of a later part of the first word itself («Петрова-Водкина»), or the
    initials («М.», «МП») where the phrase goes on with them. The phrase's separators hold no letters, so where
    the next letters are none of these, the phrase cannot match and need not be tried: a region names twenty
    thousand people, a page mentions a few, and «Иванова Мария» needs only the phrase of Иванова Мария that
    goes on with a first name, not the one with initials."""

    words: frozenset[str]
    initials: frozenset[str]

    def admits(self, following: str) -> bool:
        return following in self.words or (0 < len(following) <= 2 and set(following) <= self.initials)


@cache
def _runs(word: Word | None) -> frozenset[str]:
    """The runs of letters of every form of ``word`` («петрова-водкина»: «петрова», «водкина»)."""
    if word is None:
        return frozenset()
    return frozenset(run for part in word.parts for form in part for run in _LETTERS.findall(form))


def following(lowered: str, start: int) -> str:
    """The letters after the word that begins at ``start`` (past any spaces and punctuation), lower-cased
    text; "" when none follow."""
    word = _LETTERS.match(lowered, start)
    after = _LETTERS.search(lowered, word.end() if word else start + 1)
    return after.group(0) if after else ""
