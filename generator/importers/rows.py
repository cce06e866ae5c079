"""What one row of a table is: a section heading, the rest of the row above, or an item.

The decisions are made on the row's values under each column (:func:`row_values`) and a few
figures of the whole table (:class:`Shape`): how often rows fill a deadline or a responsible, how
often item numbers are dotted («1.1»). See :mod:`.table` for the walk that uses them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importers.columns import Column
from generator.importers.grid import Row, Table
from generator.tables import cells

KEY_ROLES = ("deadline", "responsible")
SECTION_ROLES = ("section_number", "section_title")
_NUMBER_ONLY = re.compile(r"[\dIVXLC.)\s]+")
_BREAK_WORDS = {"и", "или", "а", "в", "во", "на", "по", "с", "со", "к", "ко", "для", "о", "об", "от", "из", "у", "за"}
_BREAK_WORDS |= {"при", "через", "также", "не", "как", "что", "до", "между", "под", "над", "без"}


@dataclass(frozen=True)
class Shape:
    """The columns and the figures of the table being read."""

    columns: tuple[Column, ...]
    key_share: float = 0.0  # rows (of two filled cells or more) that fill a deadline or a responsible
    dotted_share: float = 0.0  # numbered rows whose number is dotted («1.1»)

    @property
    def roles(self) -> list[str]:
        return [c.role for c in self.columns]

    @property
    def path(self) -> int | None:
        return next((i for i, c in enumerate(self.columns) if c.path), None)

    @property
    def stages(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.role == "section_title" and not c.path]

    @property
    def stage_numbers(self) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.role == "section_number"]

    @classmethod
    def of(cls, columns: tuple[Column, ...], table: Table, start: int) -> Shape:
        rows = table.rows[start:]
        key = [c for c in columns if c.role in KEY_ROLES]
        full = [r for r in rows if sum(not c.empty for c in r.cells) >= 2]
        filled = sum(1 for r in full if any((cell := r.at(c.col)) is not None and not cell.empty for c in key))
        number = next((c for c in columns if c.role == "number"), None)
        numbers = [cell.text for r in rows if number and (cell := r.at(number.col)) is not None and cell.text]
        dotted = [n for n in numbers if re.fullmatch(r"\d{1,3}\.\d{1,3}\.?", n)]
        return cls(
            columns,
            filled / len(full) if key and full else 0.0,
            len(dotted) / len(numbers) if numbers else 0.0,
        )


@dataclass
class RowValues:
    values: list[list[str]]  # paragraphs under each column
    merged: list[bool]  # the value continues a vertically merged cell
    width: int  # how many columns the widest cell covers

    def filled(self) -> list[int]:
        """Columns with text of this row's own (not merged down from above)."""
        return [i for i, v in enumerate(self.values) if v and not self.merged[i]]

    def text(self, index: int) -> str:
        return cells.join_text(self.values[index]) or ""


def row_values(shape: Shape, row: Row) -> RowValues:
    """Paragraphs under each column, whether they come from a vertical merge, and the widest cell.

    A cell spanning several columns gives its text to the first of them only; a header cell
    spanning several grid columns («Сроки» over «начало | окончание») gathers every cell under it,
    their texts joined with a dash.
    """
    values: list[list[str]] = []
    merged: list[bool] = []
    width = 1
    used: set[int] = set()
    for column in shape.columns:
        under = [row.at(column.col)] + [c for c in row.cells if column.col < c.col < column.col + column.span]
        found = [c for c in under if c is not None and id(c) not in used]
        used.update(id(c) for c in found)
        for cell in found:
            width = max(width, sum(1 for c in shape.columns if cell.covers(c.col)))
        texts = [c for c in found if not c.empty]
        if len(texts) > 1:
            values.append([" – ".join(c.text for c in texts)])
        else:
            values.append(list(texts[0].paragraphs) if texts else [])
        merged.append(bool(texts) and all(c.merged_above for c in texts))
    return RowValues(values, merged, width)


def sub_header(shape: Shape, row: Row) -> bool:
    """The second row of a two-row header: short labels under header cells that span several columns."""
    wide = [c for c in shape.columns if c.span > 1]
    own = [c for c in row.cells if not c.empty and not c.merged_above]
    if not wide or not own:
        return False
    return all(len(c.text) <= 40 and any(w.col <= c.col < w.col + w.span for w in wide) for c in own)


def section_heading(shape: Shape, rv: RowValues) -> str | None:
    """A section row for certain: one text over (nearly) the whole width, a text in the number
    column, or a number with its heading spread over the rest of the row."""
    filled = rv.filled()
    roles = shape.roles
    if (
        len(filled) == 2
        and roles[filled[0]] in ("number", "section_number")
        and _NUMBER_ONLY.fullmatch(rv.text(filled[0]))
        and rv.width >= max(2, len(shape.columns) - 2)
    ):  # «1.» | «Организационный этап» spread over the rest of the row
        return f"{rv.text(filled[0])} {rv.text(filled[1])}"
    if len({rv.text(i) for i in filled}) != 1:
        return None
    stage_columns = shape.stages + shape.stage_numbers
    if any(v and rv.merged[i] and i not in stage_columns for i, v in enumerate(rv.values)):
        return None
    text = rv.text(filled[0])
    if rv.width >= 2 and rv.width >= len(shape.columns) - 1:
        return text
    if roles[filled[0]] in ("number", "section_number") and not _NUMBER_ONLY.fullmatch(text):
        return text
    return None


def lone_heading(shape: Shape, row: Row, rv: RowValues) -> tuple[str, str | None] | None:
    """(heading, note) for a spreadsheet's section row: a heading-like text alone in the activity
    column, or a top-level number («2», «II») beside it where the items are numbered «2.1», «2.2»."""
    filled = rv.filled()
    roles = shape.roles
    if shape.stages or shape.path is not None:
        return None
    if len(filled) == 2 and roles[filled[0]] == "number" and roles[filled[1]] in ("activity", "title"):
        number = rv.text(filled[0])
        if re.fullmatch(r"(\d{1,2}|[IVXLC]{1,6})[.)]?", number) and shape.dotted_share >= 0.6:
            heading = f"{number} {rv.text(filled[1])}"
            return heading, f"строка «{short(heading)}» без сроков и ответственных считана заголовком раздела"
        return None
    if len(filled) != 1 or roles[filled[0]] not in ("activity", "title"):
        return None
    text = rv.text(filled[0])
    if cells.starts_lowercase(text) or cells.has_marker(text) or len(text) > 300:
        return None
    cell = row.at(shape.columns[filled[0]].col)
    kind = cells.split_heading(text)[2]
    if kind in ("roman", "letter") or kind.startswith("keyword") or text.isupper() or (cell and cell.bold):
        return text, None
    if shape.key_share >= 0.7 and not cells.inline_number([text])[0]:
        return text, f"строка только с текстом «{short(text)}» считана как заголовок раздела — проверьте"
    return None


def item_number(shape: Shape, values: list[list[str]]) -> str | None:
    """The row's item number: the number column's, else one typed before the activity."""
    roles = shape.roles
    number = " ".join(p for i, r in enumerate(roles) if r == "number" for p in values[i])
    if number:
        return number
    for i, role in enumerate(roles):
        if role in ("activity", "title") and values[i]:
            return cells.inline_number(values[i])[0]
    return None


def continues(shape: Shape, rv: RowValues, above: dict[int, list[str]]) -> bool:
    """The rest of the row ``above`` after a page break: no number, no deadline or responsible of its
    own, and text that goes on from above (a small letter first, or the row above broken off)."""
    if item_number(shape, rv.values) is not None:
        return False
    roles = shape.roles
    fresh = [i for i in rv.filled() if roles[i] not in SECTION_ROLES and rv.values[i] != above.get(i)]
    if not fresh or any(roles[i] in KEY_ROLES or roles[i] == "number" for i in fresh):
        return False
    return any(cells.starts_lowercase(rv.values[i][0]) or broken(above.get(i, [])) for i in fresh)


def broken(paragraphs: list[str]) -> bool:
    """The text stops mid-phrase: after a comma, a dash, an open bracket or a preposition."""
    if not paragraphs:
        return False
    text = paragraphs[-1].rstrip()
    if text.endswith((",", "-", "–", "(", "«")):
        return True
    words = re.findall(r"[а-яёa-z]+", text.lower())
    return bool(words) and words[-1] in _BREAK_WORDS and not text.endswith((".", ";", ":", "!", "?"))


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
