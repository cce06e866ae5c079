"""The flat spreadsheet layout of a roadmap, shared by the XLSX/CSV export and the importers.

One row per item; column 1 is ``Раздел`` (the section's heading, a nested one as the path
``I. … / 1. …``), then the document's own columns; a cell's paragraphs are joined with a line break.
Extra tables go on further sheets named by their titles (at most 31 characters, Excel's limit).
What a flat table cannot hold (the title, the approval block, the goal, the tasks, extra tables'
full titles) goes on a last sheet «Сведения» of «Поле | Значение» rows, so an exported workbook
imports back into the same roadmap.

Formula injection: a spreadsheet must never run a value as a formula. XLSX cells are written as
strings; a CSV cell starting with ``= + - @`` (or a tab or carriage return) gets a leading ``'``,
which the CSV importer strips again — exactly one, so the round trip is exact.
"""

from __future__ import annotations

import re

SECTION_COLUMN = "Раздел"
PATH_SEPARATOR = " / "
MAIN_SHEET = "Дорожная карта"
META_SHEET = "Сведения"
META_HEADER = ("Поле", "Значение")
SHEET_TITLE_MAX = 31

# (key, label): keys name Roadmap fields; «considered.*» and «approved.*» the approval block's.
META_FIELDS: tuple[tuple[str, str], ...] = (
    ("title", "Название"),
    ("organization", "Организация"),
    ("period", "Период"),
    ("period_kind", "Вид периода"),
    ("goal", "Цель"),
    ("tasks", "Задачи"),
    ("considered.label", "Рассмотрено: гриф"),
    ("considered.text", "Рассмотрено: текст"),
    ("considered.body", "Рассмотрено: кем"),
    ("considered.date", "Рассмотрено: дата"),
    ("considered.protocol", "Рассмотрено: протокол"),
    ("approved.label", "Утверждено: гриф"),
    ("approved.text", "Утверждено: текст"),
    ("approved.position", "Утверждено: должность"),
    ("approved.name", "Утверждено: имя"),
    ("approved.authority", "Утверждено: кем издан приказ"),
    ("approved.order_number", "Утверждено: номер приказа"),
    ("approved.order_date", "Утверждено: дата приказа"),
    ("columns", "Столбцы документа"),
    ("extra_tables", "Дополнительные таблицы"),
)
META_KEYS = {label: key for key, label in META_FIELDS}

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""How a cell starts that a spreadsheet runs as a formula (``=HYPERLINK(…)``, ``=cmd|…``): OWASP's list."""
_FORMULA = re.compile(r"^'*[=+\-@\t\r]")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def csv_escape(text: str) -> str:
    """``=1+1`` → ``'=1+1``: a spreadsheet opening the CSV shows text, never runs a formula."""
    return "'" + text if _FORMULA.match(text) else text


def csv_unescape(text: str) -> str:
    """The inverse of :func:`csv_escape`: exactly one added ``'`` is removed."""
    return text[1:] if text.startswith("'") and _FORMULA.match(text[1:]) else text


def sheet_title(title: str | None, taken: set[str], fallback: str = "Таблица") -> str:
    """A sheet name of at most 31 characters, cut at a word, without ``[]:*?/\\``, unique in ``taken``."""
    name = " ".join(_BAD_SHEET_CHARS.sub(" ", title or "").split()) or fallback
    if len(name) > SHEET_TITLE_MAX:
        cut = name[: SHEET_TITLE_MAX + 1].rsplit(" ", 1)[0]
        name = (cut if len(cut) >= 10 else name[:SHEET_TITLE_MAX]).rstrip(" ,.;:–—-")
    base, number = name, 2
    while name.casefold() in {t.casefold() for t in taken}:
        suffix = f" ({number})"
        name = base[: SHEET_TITLE_MAX - len(suffix)] + suffix
        number += 1
    taken.add(name)
    return name
