"""The table's header: which row it is and what each column means, found by meaning.

Schools name the same column in many ways («Сроки», «Срок реализации», «Сроки проведения»,
«Дата»; «Ответственный», «Ответственные», «Ответственный исполнитель»; «Мероприятия»,
«Наименование мероприятия», «Содержание»). A header's role is the first word in it that names a
role (``SYNONYMS``, word stems); generic words («Наименование», «Название», «Перечень») decide only
when nothing else does, so «Наименование этапа» is a stage and «Наименование задачи, результата»
an activity. The header row is the first row near the top whose cells mostly name roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from generator.importers.grid import Row, Table, clean
from generator.models.roadmap import ColumnRole

Kind = Literal["number", "section", "activity", "content", "deadline", "responsible", "result", "indicators"]

SYNONYMS: tuple[tuple[str, Kind], ...] = (
    ("мероприят", "activity"),
    ("задач", "activity"),
    ("действи", "activity"),
    ("содержан", "content"),
    ("описан", "content"),
    ("подпункт", "content"),
    ("этап", "section"),
    ("раздел", "section"),
    ("блок", "section"),
    ("направлени", "section"),
    ("модул", "section"),
    ("срок", "deadline"),
    ("дата", "deadline"),
    ("даты", "deadline"),
    ("период", "deadline"),
    ("когда", "deadline"),
    ("время", "deadline"),
    ("график", "deadline"),
    ("ответствен", "responsible"),
    ("исполнител", "responsible"),
    ("организатор", "responsible"),
    ("кто", "responsible"),
    ("результат", "result"),
    ("продукт", "result"),
    ("документ", "result"),
    ("отчет", "result"),
    ("итог", "result"),
    ("выход", "result"),
    ("показател", "indicators"),
    ("индикатор", "indicators"),
    ("критери", "indicators"),
    ("эффективност", "indicators"),
    ("целевые", "indicators"),
)
GENERIC: tuple[tuple[str, Kind], ...] = (
    ("наименован", "activity"),
    ("название", "activity"),
    ("перечень", "activity"),
    ("работ", "activity"),
    ("деятельност", "activity"),
)
# «№», «№ п/п», «№№ п/п», «№№п/п», «NN п/п» (legal databases print «№№» so), «N», «No.», «Номер», «п/п»
_NUMBER = re.compile(
    r"^(?:[№n]{1,3}|no|n°|номер)(?:\s*(?:п\s*/\s*п|пп|n/n))?(?=\s|$|[./])|^(?:п\s*/\s*п|пп|n/n)(?=\s|$|[./])",
    re.IGNORECASE,
)
_DATA_KINDS = {"activity", "content", "deadline", "responsible", "result"}
HEADER_SCAN_ROWS = 25
HEADER_MAX_CHARS = 120


def unhyphenate(text: str) -> str:
    """«Ответст- венный» (a word broken over two lines of a header cell) → «Ответственный»."""
    return re.sub(r"(?<=[а-яё])-\s+(?=[а-яё])", "", clean(text))


def normalize(text: str) -> str:
    return unhyphenate(text).lower().replace("ё", "е")


def kind_of(header: str) -> Kind | None:
    """What a header names: its first word that names a role; a generic word only as a last resort."""
    text = normalize(header)
    if not text:
        return None
    if _NUMBER.match(text) or text in {"№", "n"}:
        return "number"
    words = re.findall(r"[а-яa-z]+", text)
    for table in (SYNONYMS, GENERIC):
        for word in words:
            for stem, kind in table:
                if word.startswith(stem):
                    return kind
    return None


@dataclass(frozen=True)
class Column:
    """A column as written in the header and the role the importer gives it."""

    name: str
    role: ColumnRole
    col: int  # first grid column
    span: int
    guessed: bool = False  # the header named no role: the role is a guess the editor should check
    path: bool = False  # the ``Раздел`` column of a flat spreadsheet (section headings, not a document column)


@dataclass(frozen=True)
class Header:
    index: int  # position of the header row in ``table.rows``
    columns: tuple[Column, ...]

    @property
    def document_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if not c.path)


def find_header(table: Table, flat: bool) -> Header | None:
    """The first row near the top whose cells mostly name roles, and its columns; None if there is none."""
    for index, row in enumerate(table.rows[:HEADER_SCAN_ROWS]):
        texts = [cell.text for cell in row.cells if not cell.empty and not cell.merged_above]
        if len(texts) < 2 or any(len(t) > HEADER_MAX_CHARS for t in texts):
            continue
        kinds = [kind_of(t) for t in texts]
        known = {k for k in kinds if k}
        if len(known) >= 2 and known & _DATA_KINDS and sum(1 for k in kinds if k) * 2 >= len(kinds):
            return Header(index, assign_roles(table, index, row, flat))
    return None


def assign_roles(table: Table, index: int, row: Row, flat: bool) -> tuple[Column, ...]:
    cells = [cell for cell in row.cells if not cell.empty or _has_data(table, index, cell.col)]
    names = [unhyphenate(cell.text) or _unnamed(table, index, cell.col, n) for n, cell in enumerate(cells, 1)]
    kinds: list[Kind | None] = [kind_of(name) for name in names]
    path = flat and bool(cells) and normalize(cells[0].text) == "раздел"
    roles: list[ColumnRole | None] = [None] * len(cells)
    guessed = [False] * len(cells)
    acts = [i for i, k in enumerate(kinds) if k == "activity"]
    contents = [i for i, k in enumerate(kinds) if k == "content"]
    if not acts and not contents:
        unknown = [i for i, k in enumerate(kinds) if k is None and not (path and i == 0)]
        if unknown:
            best = max(unknown, key=lambda i: _average_length(table, index, cells[i].col))
            kinds[best], guessed[best] = "activity", True
            acts = [best]
    if len(acts) >= 2 and not contents and _merged_down(table, index, cells[acts[0]].col):
        kinds[acts[0]] = "section"  # «Задачи» merged over the rows of its «Мероприятия»: a grouping
        acts = acts[1:]
    if not acts and len(contents) == 1:
        acts, contents = contents, []
    elif not acts:
        acts, contents = contents[:1], contents[1:]
    for i in acts:
        roles[i] = "activity" if len(acts) == 1 and not contents else "title"
    for i in acts[1:]:
        roles[i] = "details"
    for i in contents:
        roles[i] = "details"
    for i, kind in enumerate(kinds):
        if roles[i] is not None:
            continue
        if kind == "number":
            following = kinds[i + 1] if i + 1 < len(kinds) else None
            roles[i] = "section_number" if following == "section" else "number"
        elif kind == "section":
            roles[i] = "section_title"
        elif kind in ("deadline", "responsible", "result", "indicators"):
            roles[i] = kind
        else:
            roles[i], guessed[i] = "details", not (path and i == 0)
    return tuple(
        Column(names[i], role or "details", cell.col, cell.span, guessed[i] or cell.empty, path and i == 0)
        for i, (cell, role) in enumerate(zip(cells, roles, strict=True))
    )


def _column_texts(table: Table, index: int, col: int) -> list[str]:
    return [c.text for row in table.rows[index + 1 :] if (c := row.at(col)) is not None and c.col == col and c.text]


def _has_data(table: Table, index: int, col: int) -> bool:
    return bool(_column_texts(table, index, col))


def _unnamed(table: Table, index: int, col: int, position: int) -> str:
    """A header cell left empty: «№» over a column of numbers, else «Столбец N»."""
    texts = _column_texts(table, index, col)
    numbers = [t for t in texts if re.fullmatch(r"\d{1,3}(\.\d{1,3})*\.?", t)]
    return "№" if texts and len(numbers) * 2 > len(texts) else f"Столбец {position}"


def _merged_down(table: Table, index: int, col: int) -> bool:
    return any((cell := row.at(col)) is not None and cell.merged_above for row in table.rows[index + 1 :])


def _average_length(table: Table, index: int, col: int) -> float:
    lengths = [len(c.text) for row in table.rows[index + 1 :] if (c := row.at(col)) is not None and c.col == col]
    return sum(lengths) / len(lengths) if lengths else 0.0


def is_header_repeat(row: Row, header: Header) -> bool:
    """A header row printed again (after a page break, or a second table's own header)."""
    names = [normalize(c.name) for c in header.columns]
    texts = [normalize(cell.text) if (cell := row.at(c.col)) is not None else "" for c in header.columns]
    same = sum(1 for name, text in zip(names, texts, strict=True) if name and name == text)
    return same >= max(2, (len(names) * 3 + 4) // 5)


def is_numbering_row(row: Row) -> bool:
    """«1 | 2 | 3 | 4 | 5» under the header: the columns' own numbers."""
    texts = [cell.text for cell in row.cells if not cell.empty]
    if len(texts) < 3 or not all(t.rstrip(".").isdigit() for t in texts):
        return False
    numbers = [int(t.rstrip(".")) for t in texts]
    return numbers == list(range(numbers[0], numbers[0] + len(numbers)))
