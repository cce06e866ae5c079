"""Every form Russian text can give a name word: six cases, both numbers, both genders.

The forms come from morphology — pymorphy3 with its Russian dictionary (the lexeme of the word as a
first name, patronymic or surname: «Павел» → «Павла», «Лев» → «Льва») and petrovich (rules for the
names the dictionary does not know) — and from a few rules of our own for what both miss: surnames
that do not decline («Черных», «Шевченко», «Живаго», a woman's «Кох»), fleeting vowels of surnames
(«Соловей» → «Соловья», «Кравец» → «Кравца»), and, for every word, the declension its ending
implies. Forms are lower case with «ё» written as «е»; a double surname is a tuple of parts, each
declined (or not) on its own.
"""

from __future__ import annotations

import json
import os
from functools import cache, lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Literal

from generator.project import private_cache

Kind = Literal["first", "patronymic", "surname"]
Gender = Literal["male", "female"]

_GRAMMEME: dict[str, str] = {"first": "Name", "patronymic": "Patr", "surname": "Surn"}
_VOWELS = "аеёиоуыэюя"
_FIXED_SURNAME = ("ых", "их", "ко", "аго", "яго", "ово", "ого", "ых", "о", "е", "э", "и", "ы", "у", "ю")
"""Endings of surnames that never decline: «Черных», «Шевченко», «Живаго», «Дурново», «Гюго»."""

# Case endings by what a word ends with: our own declension for words neither library knows.
_NOUN_ENDINGS = {
    "а": ("а", "ы", "и", "е", "у", "ой", "ою", "ей", "ею", "ам", "ами", "ах"),  # Анна, Никита, Кузьма
    "я": ("я", "и", "е", "ю", "ей", "ею", "ям", "ями", "ях", "ь"),  # Ольга→…, Илья, Мария
    "й": ("й", "я", "ю", "ем", "ём", "е", "и", "ев", "ям", "ями", "ях"),  # Андрей, Соловей
    "ь": ("ь", "я", "ю", "ем", "ём", "е", "и", "ью", "ей", "ям", "ями", "ях"),  # Игорь, Любовь
    "": ("", "а", "у", "ом", "е", "ы", "и", "ов", "ев", "ам", "ами", "ах", "ым", "ой"),  # Иван, Кох
}
_ADJ_ENDINGS = ("ий", "ый", "ой", "ая", "ого", "его", "ому", "ему", "им", "ым", "ом", "ем", "ую", "ей", "ие",
                "ые", "их", "ых", "ими", "ыми", "ья", "ьего")  # fmt: skip
_POSSESSIVE = ("ов", "ев", "ёв", "ин", "ын")  # Иванов, Лебедев, Ильин, Птицын
_POSSESSIVE_ENDINGS = ("", "а", "у", "ым", "ом", "е", "ы", "ой", "ою", "ых", "ыми", "ым")


class _Store:
    """Forms of words already declined, by ``kind|gender|word``, for the portal in :attr:`path`."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.forms: dict[str, object] = {}
        self.dirty = False


_STORE = _Store()


def use_forms_cache(root: Path) -> None:
    """Read and keep forms in the portal's private cache (plain data, valid for these library versions only);
    a cache folder that came with the repository is ignored (:func:`generator.project.private_cache`)."""
    folder = private_cache(root.resolve(), "names")
    path = folder / "forms.json" if folder is not None else None
    if path == _STORE.path:
        return
    _STORE.path, _STORE.forms, _STORE.dirty = path, {}, False
    single_forms.cache_clear()
    _first_name_gender.cache_clear()
    if path is None:
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and data.get("versions") == library_versions() and isinstance(data.get("forms"), dict):
        _STORE.forms = data["forms"]


def save_forms_cache() -> None:
    """Write the forms declined since the cache was read (atomically; a failure only costs time next build)."""
    if _STORE.path is None or not _STORE.dirty:
        return
    doc = json.dumps({"versions": library_versions(), "forms": _STORE.forms}, ensure_ascii=False, sort_keys=True)
    temporary = _STORE.path.with_name(f".{_STORE.path.name}.{os.getpid()}")
    try:
        temporary.write_text(doc, encoding="utf-8")
        os.replace(temporary, _STORE.path)
        _STORE.dirty = False
    except OSError:
        temporary.unlink(missing_ok=True)


@cache
def library_versions() -> str:
    """The versions whose forms a cache entry holds: a new dictionary may know more forms."""
    found = []
    for package in ("pymorphy3", "pymorphy3-dicts-ru", "petrovich"):
        try:
            found.append(f"{package}={version(package)}")
        except PackageNotFoundError:
            found.append(f"{package}=?")
    return ",".join(found)


@lru_cache(maxsize=1)
def _morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=1)
def _petrovich():  # type: ignore[no-untyped-def]
    from petrovich.main import Petrovich

    return Petrovich()


@cache
def _first_name_gender(first: str) -> Gender | None:
    """What the dictionary says of a first name; kept with the forms, so a build whose names are all known
    does not load the dictionary (a third of a second) at all."""
    key = f"gender|{first}"
    stored = _STORE.forms.get(key)
    if stored in ("female", "male", ""):
        return stored or None  # type: ignore[return-value]
    found: Gender | None = None
    for parse in _morph().parse(first):
        if "Name" in parse.tag:
            found = "female" if "femn" in parse.tag else "male"
            break
    _STORE.forms[key] = found or ""
    _STORE.dirty = True
    return found


def plain(word: str) -> str:
    """Lower case, «ё» as «е»: how forms are kept and compared."""
    return word.lower().replace("ё", "е")


def gender_of(first: str, patronymic: str | None, surname: str | None) -> Gender | None:
    """The gender a name's words tell: the patronymic first («-вна» or «-вич»), then the first name."""
    if patronymic:
        tail = plain(patronymic)
        if tail.endswith(("вна", "чна", "шна")):
            return "female"
        if tail.endswith(("вич", "ич", "оглы", "улы")):
            return "male"
    gender = _first_name_gender(first)
    if gender is not None:
        return gender
    if surname and plain(surname).endswith(("ова", "ева", "ина", "ына", "ая")):
        return "female"
    return None


def word_forms(word: str, kind: Kind, gender: Gender | None = None) -> tuple[frozenset[str], ...]:
    """Every form of ``word`` as ``kind``: one set per part of a hyphenated word («Римская-Корсакова»)."""
    parts = [p for p in word.replace("‐", "-").replace("–", "-").split("-") if p]
    return tuple(single_forms(part, kind, gender) for part in parts)


@cache
def single_forms(word: str, kind: Kind, gender: Gender | None = None) -> frozenset[str]:
    """Every form of one word (no hyphen) as ``kind``, from the libraries and our rules; the word itself too.

    Kept between builds in the portal's cache (:func:`use_forms_cache`): loading the dictionary and
    declining every name is most of the name search's start."""
    key = f"{kind}|{gender or ''}|{word}"
    stored = _STORE.forms.get(key)
    if isinstance(stored, list) and all(isinstance(f, str) for f in stored):
        return frozenset(stored)
    forms = _declined(word, kind, gender)
    _STORE.forms[key] = sorted(forms)
    _STORE.dirty = True
    return forms


def _declined(word: str, kind: Kind, gender: Gender | None) -> frozenset[str]:
    low = plain(word)
    forms = {low}
    if kind == "surname" and _fixed(low, gender):
        return frozenset(forms)
    forms |= _pymorphy_forms(word, kind)
    forms |= _petrovich_forms(word, kind, gender)
    forms |= _own_forms(low, kind)
    return frozenset(f for f in forms if f)


def _fixed(low: str, gender: Gender | None) -> bool:
    """A surname that keeps one form: «-ых», «-ко», «-аго», a vowel other than «а/я», a woman's «Кох»."""
    if low.endswith(_FIXED_SURNAME):
        return True
    return gender == "female" and low[-1:] not in _VOWELS and not low.endswith(_POSSESSIVE)


def _pymorphy_forms(word: str, kind: Kind) -> set[str]:
    grammeme = _GRAMMEME[kind]
    parses = _morph().parse(word)
    chosen = [p for p in parses if grammeme in p.tag]
    if not chosen:  # «Соловей» the surname is «соловей» the bird: its forms are the surname's
        chosen = [p for p in parses if p.tag.POS == "NOUN" and "anim" in p.tag]
    # a name may also be a common noun: «Лев», «Соловей», «Орёл», «Любовь»
    chosen += [p for p in parses if p.tag.POS == "NOUN" and p not in chosen and plain(p.normal_form) == plain(word)]
    forms: set[str] = set()
    for parse in chosen:
        forms.update(plain(f.word) for f in parse.lexeme if f.tag.case is not None)
    return forms


def _petrovich_forms(word: str, kind: Kind, gender: Gender | None) -> set[str]:
    from petrovich.enums import Case
    from petrovich.enums import Gender as PGender

    petrovich = _petrovich()
    method = {"first": petrovich.firstname, "patronymic": petrovich.middlename, "surname": petrovich.lastname}[kind]
    genders = [PGender.FEMALE if gender == "female" else PGender.MALE]
    if kind == "surname" or gender is None:
        genders = [PGender.MALE, PGender.FEMALE]
    forms = set()
    for pgender in genders:
        for case in Case.CASES:
            try:
                forms.add(plain(method(word, case, pgender)))
            except (KeyError, ValueError, IndexError):
                continue
    return forms


def _own_forms(low: str, kind: Kind) -> set[str]:
    """Forms by the word's ending; for surnames, a fleeting vowel dropped too («Кравец» → «Кравца»)."""
    forms: set[str] = set()
    if kind == "surname" and low.endswith(_POSSESSIVE):
        forms.update(low + e for e in _POSSESSIVE_ENDINGS)
        if low[-2:] in ("ов", "ев", "ин", "ын"):
            forms.update(low + e for e in ("а", "ой", "у", "ых", "ым", "ыми", "ы"))  # Иванова, Ивановой, Ивановых
    elif low.endswith(("ий", "ый", "ой", "ая", "яя")) and len(low) > 4:  # Достоевский, Толстая
        stem = low[:-2]
        forms.update(stem + e for e in _ADJ_ENDINGS)
    elif low[-1:] in ("а", "я"):
        stem = low[:-1]
        forms.update(stem + e for e in _NOUN_ENDINGS[low[-1]])
        if low.endswith("ия"):
            forms.update(stem + e for e in ("и", "ю", "ей", "ею", "й"))
        if low.endswith(("ова", "ева", "ина", "ына")) and kind == "surname":
            forms.update(low[:-1] + e for e in _POSSESSIVE_ENDINGS)
    elif low[-1:] in ("й", "ь"):
        stem = low[:-1]
        forms.update(stem + e for e in _NOUN_ENDINGS[low[-1]])
        fleeting = ""
        if low.endswith("й") and len(low) > 3 and low[-2] in "еёо":  # Соловей → Соловья
            fleeting = low[:-2] + "ь"
        elif low.endswith("ь") and len(low) > 4 and low[-3] in "еёо" and low[-4] not in _VOWELS:  # Журавель → Журавля
            fleeting = low[:-3] + low[-2]
        if kind == "surname" and fleeting:
            forms.update(fleeting + e for e in ("я", "ю", "ем", "е", "и", "ев", "ей", "ям", "ями", "ях"))
    elif low[-1:] not in _VOWELS:
        forms.update(low + e for e in _NOUN_ENDINGS[""])
        if len(low) > 4 and low[-2] in "еёо" and low[-3] not in _VOWELS:  # Кравец → Кравца, Орёл → Орла, Павел
            stem = low[:-2] + low[-1]
            forms.update(stem + e for e in ("а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"))
        elif len(low) >= 3 and low[-2] in "еёо" and low[-3] not in _VOWELS:
            stem = low[:-2] + ("ь" if low[-3] == "л" else "") + low[-1]  # Лев → Льва, Пётр → Петра
            forms.update(stem + e for e in ("а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах"))
    return forms
