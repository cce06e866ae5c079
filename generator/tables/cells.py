"""What a cell's paragraphs say: item numbers, list markers, lead-ins, section headings.

The rules follow how Russian roadmaps are typed, not any one document:

* a sub-point starts with a typed marker — ``1.``, ``1)``, ``а)``, ``-``, ``–``, ``—``, ``•``, ``✓``;
  markers are text and are kept;
* an activity cell is a lead-in and its sub-points when the first paragraph ends with «:» or is
  followed by a marked paragraph; a single paragraph is the title; a cell that is only a list, or
  only parallel entries with no lead-in, has no title and every paragraph is a sub-point;
* an item number typed inside the text («1. Коррекция …») is the item's number unless the cell's
  paragraphs are a numbered list (1., 2., …);
* a section heading is numbered by a Roman or an Arabic number (possibly dotted: ``1.2.``), by
  «Раздел 1» / «Этап 2» / «Блок 3», by a capital letter («А.»), or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[а-яa-z]\)|[-–—•✓▪●○·*►➢✔]+)(?=\s|$|[А-ЯЁA-Zа-яёa-z«\"(])")
_ITEM_NUMBER = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)(?:([.)])(?!\d)\s*|\s+(?=\D))(.*)$")
_ROMAN = re.compile(r"^([IVXLC]{1,6})(?:[.)]\s*|\s+)(\S.*)$")
_ARABIC = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)(?:[.)]\s*|\s+)(\D.*)$")
_KEYWORD = re.compile(
    r"^((?:раздел|этап|блок|модуль|направление)\s+(\d{1,3}|[IVXLC]{1,6}))[.:)]?\s*(.*)$", re.IGNORECASE
)
_LETTER = re.compile(r"^([А-ЯЁA-Z])[.)]\s+(\S.*)$")
_END = (".", ";", "!", "?", ":", "…")


def has_marker(paragraph: str) -> bool:
    return bool(MARKER.match(paragraph))


def strip_number(text: str) -> str:
    """``1.1.`` → ``1.1``; ``2)`` → ``2``; other text as is."""
    return re.sub(r"(?<=\d)[.)]$", "", text.strip())


def inline_number(paragraphs: Sequence[str]) -> tuple[str | None, list[str]]:
    """(number, paragraphs without it) when the first paragraph starts with an item number."""
    if not paragraphs:
        return None, []
    match = _ITEM_NUMBER.match(paragraphs[0])
    if not match or (not match.group(2) and "." not in match.group(1)) or _numbered_list(paragraphs):
        return None, list(paragraphs)
    rest = match.group(3).strip()
    return match.group(1), ([rest] if rest else []) + list(paragraphs[1:])


def _numbered_list(paragraphs: Sequence[str]) -> bool:
    """«1. …», «2. …»: the paragraphs count up, so the numbers are list markers, not the item's."""
    numbers = [m.group(1) for m in (re.match(r"^(\d{1,3})[.)]\s", p) for p in paragraphs) if m]
    return len(numbers) >= 2 and numbers[:2] == [numbers[0], str(int(numbers[0]) + 1)]


def split_activity(paragraphs: Sequence[str], lead: bool | None = None) -> tuple[str | None, list[str]]:
    """(title, details) of an activity cell: a lead-in and its sub-points, one title, or only a list.

    ``lead`` is the cell's own word when it has one (see :func:`.grid.cell_lead`).
    """
    if not paragraphs:
        return None, []
    if lead is not None:
        return (paragraphs[0], list(paragraphs[1:])) if lead else (None, list(paragraphs))
    if len(paragraphs) == 1:
        return paragraphs[0], []
    first, rest = paragraphs[0], list(paragraphs[1:])
    if not has_marker(first) and (first.endswith(":") or has_marker(rest[0])):
        return first, rest
    return None, list(paragraphs)


def join_text(paragraphs: Sequence[str]) -> str | None:
    """Paragraphs as one value («Сентябрь» + «2024 г.» → «Сентябрь 2024 г.»); None when empty."""
    return " ".join(p for p in paragraphs if p) or None


def continue_paragraphs(before: Sequence[str], more: Sequence[str]) -> list[str]:
    """A cell split by a page break, joined: the broken sentence is mended, new list points stay apart."""
    if not before:
        return list(more)
    if not more:
        return list(before)
    out = list(before)
    first, tail = more[0], list(more[1:])
    if not has_marker(first) and (unfinished(out[-1]) or starts_lowercase(first)):
        out[-1] = out[-1] + first if out[-1].endswith("-") and not out[-1].endswith(" -") else f"{out[-1]} {first}"
    else:
        out.append(first)
    return out + tail


def unfinished(text: str) -> bool:
    """The text stops mid-sentence: no final punctuation, or a comma, hyphen or open bracket at the end."""
    text = text.rstrip()
    return bool(text) and not text.endswith((*_END, "»", ")", '"'))


def starts_lowercase(text: str) -> bool:
    """Begins with a small letter (or a closing bracket): the rest of a broken sentence."""
    stripped = text.lstrip("«\"'(")
    return bool(stripped) and (stripped[0].islower() or text[0] in ")»,;")


def split_heading(heading: str) -> tuple[str | None, str, str]:
    """(number, title, kind) of a section heading; kind tells numbering styles apart for nesting."""
    text = heading.strip()
    if match := _KEYWORD.match(text):
        return match.group(2), match.group(3) or text, f"keyword:{match.group(1).split()[0].lower()}"
    if match := _ROMAN.match(text):
        return match.group(1), match.group(2).strip(), "roman"
    if match := _ARABIC.match(text):
        number = match.group(1)
        return number, match.group(2).strip(), f"arabic:{number.count('.') + 1}"
    if match := _LETTER.match(text):
        return match.group(1), match.group(2).strip(), "letter"
    return None, text, "none"


def is_roman(text: str) -> bool:
    return bool(re.fullmatch(r"[IVXLC]{1,6}\.?", text.strip()))
