"""The organization a roadmap's title names, in the form its own documents write it.

Three shapes, tried in order:

* an abbreviation of the legal form and a quoted name or a number: «МБОУ «Лицей №2»», «ГБПОУ "Колледж
  связи"», «МАОУ СОШ № 12»;
* an abbreviation and the name without quotes, up to the first word that is no longer part of a name
  («в МАОУ Лицей №2 на 2023 год» → «МАОУ Лицей №2»; «МБОУ Средняя школа № 12»);
* no abbreviation, only the kind of school with its number or quoted name («Лицея № 3», «в Гимназии
  «Эрудит»»), where the words stand in the case the sentence put them: they are brought to the
  dictionary form by morphology (pymorphy3) — «Лицея № 3» → «Лицей № 3», «Средней школы № 5» →
  «Средняя школа № 5».
"""

from __future__ import annotations

import functools
import re
from typing import Any

from generator.importers.grid import clean

ABBREVIATION = re.compile(
    r"(?<![А-ЯЁа-яёA-Za-z])((?:[А-ЯЁ]{2,}У|АНО|ЧОУ|НОУ)(?:\s+(?:ДО|ВО|ДПО|СПО|СОШ|ООШ|НОШ|ЦО|ЦРР))*)(?![А-ЯЁа-яё])"
)
_NUMBER = r"№\s*\d+[А-ЯЁа-яё]?"
# a word that ends a name written without quotes: a preposition, a year, «учебный», «год»
_STOP = re.compile(r"^(?:на|за|по|в|во|с|со|и|для|от|до|к|г\.?|город\w*|района?|учебн\w*|год\w*|\d{4}\S*|[-–—,.;:()])$")
KINDS = re.compile(
    r"(?<![А-ЯЁа-яё])((?:[А-ЯЁ][а-яё]+\s+){0,2}"
    r"(?:[Лл]ице[йяюе]м?|[Гг]имнази[яиюей]й?|[Шш]кол[аыеуой]й?|[Кк]олледж(?:а|у|ем|е)?|[Тт]ехникум(?:а|у|ом|е)?|"
    r"[Дд]етск(?:ий|ого|ому|им|ом)\s+сад(?:а|у|ом|е)?))"
    r"\s*(" + _NUMBER + r"|«[^»]+»|\"[^\"]+\")"
)


def find_organization(text: str) -> str | None:
    """The organization named in ``text``, or None."""
    for match in ABBREVIATION.finditer(text):
        start, rest = match.start(1), text[match.end() :]
        stripped = rest.lstrip()
        if stripped.startswith("№"):
            number = re.match(_NUMBER, stripped)
            return clean(text[start : match.end()] + " " + (number.group(0) if number else ""))
        closing = _closing_quote(stripped)
        if closing:
            return clean(text[start : match.end()] + " " + stripped[:closing])
        if unquoted := _unquoted(stripped):
            return clean(f"{match.group(1)} {unquoted}")
    if match := KINDS.search(text):
        name = _nominative(match.group(1))
        return clean(f"{name[:1].upper()}{name[1:]} {match.group(2)}")
    return None


def _unquoted(text: str) -> str | None:
    """«Лицей №2 на 2023 год» → «Лицей №2»: capitalised words, lower-case ones after them, a number."""
    words: list[str] = []
    for word in re.findall(r"№\s*\d+[А-ЯЁа-яё]?|[^\s,;:()]+", text):
        if _STOP.match(word.lower()) or (not words and not word[:1].isupper()):
            break
        words.append(word)
        if word.startswith("№"):
            break
    if not words or not any(w[:1].isupper() for w in words):
        return None
    while words and not words[-1][:1].isupper() and not words[-1].startswith("№"):
        words.pop()
    return " ".join(words) or None


def _closing_quote(text: str) -> int | None:
    """Length of the quoted name at the start of ``text`` («…» may nest; "…" may not)."""
    if not text:
        return None
    opening = text[0]
    if opening in '"“':
        end = text.find("”" if opening == "“" else '"', 1)
        if end < 0 and opening == "“":
            end = text.find('"', 1)
        return end + 1 if end > 0 else None
    if opening != "«":
        return None
    depth = 0
    for index, char in enumerate(text):
        if char == "«":
            depth += 1
        elif char == "»":
            depth -= 1
            if depth == 0:
                return index + 1
    return None


@functools.cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def _nominative(words: str) -> str:
    """«Средней школы» → «Средняя школа»: each word in the nominative singular, its capital kept."""
    out = []
    for word in words.split():
        parse = _morph().parse(word.lower())[0]
        form = parse.inflect({"nomn", "sing"}) if parse.tag.case != "nomn" else None
        new = form.word if form is not None else word.lower()
        out.append(new[:1].upper() + new[1:] if word[:1].isupper() else new)
    return " ".join(out)
