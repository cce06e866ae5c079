"""The neutral form every importer produces: paragraphs and tables of cells, in document order.

A DOCX, an XLSX or a CSV becomes a :class:`Document`: its body as a sequence of paragraphs and
tables. A table is rows of cells laid on a grid of columns; a cell knows the grid column it starts
at, how many it spans, whether it continues a vertically merged cell (then it carries the top
cell's text, as python-docx's ``row.cells`` and a filled-down spreadsheet do), and its paragraphs.
What a table *means* (header, sections, items) is decided once, in :mod:`.reader`, for every format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right", "both"]


_CONTROL = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ufffe\uffff]")


def clean(text: str) -> str:
    """One line of text as stored: control characters a document may carry (NUL, Word's cell marks)
    dropped, every run of whitespace collapsed to one space, ends trimmed."""
    return " ".join(_CONTROL.sub("", text).split())


@dataclass(frozen=True)
class Paragraph:
    """A paragraph outside tables (title, approval block, goal, a table's heading)."""

    text: str
    bold: bool = False
    align: Align | None = None

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Cell:
    """One cell: its paragraphs (cleaned, empty ones dropped) and where it lies on the grid."""

    paragraphs: tuple[str, ...]
    col: int
    span: int = 1
    merged_above: bool = False  # continues a vertically merged cell; the text is the top cell's
    bold: bool = False
    italic: tuple[str, ...] = ()  # italic fragments, as written
    lead: bool | None = None  # a spreadsheet cell's own word on its first line: title (True), no title (False)

    @property
    def text(self) -> str:
        return " ".join(self.paragraphs)

    @property
    def empty(self) -> bool:
        return not self.paragraphs

    def covers(self, col: int) -> bool:
        return self.col <= col < self.col + self.span


@dataclass(frozen=True)
class Row:
    """A table row; ``number`` is the row as the editor finds it (the table's row, the sheet's row)."""

    cells: tuple[Cell, ...]
    number: int
    repeat_header: bool = False  # Word's «повторять как заголовок» flag

    def at(self, col: int) -> Cell | None:
        """The cell covering grid column ``col``."""
        return next((cell for cell in self.cells if cell.covers(col)), None)

    @property
    def empty(self) -> bool:
        return all(cell.empty for cell in self.cells)


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]
    label: str  # for messages: «таблица 2», «лист «Дорожная карта»», or "" for a CSV
    sheet: str | None = None  # the sheet's name (XLSX)


@dataclass(frozen=True)
class Document:
    """A file read by an importer: its body in order, plus what the file's properties say."""

    source: str  # the file's name, for the YAML's comments and ``source:``
    body: tuple[Paragraph | Table, ...]
    title: str | None = None  # the document properties' title, when the body has none
    meta: dict[str, str] = field(default_factory=dict)  # the «Сведения» sheet of our own XLSX export
    flat: bool = False  # a spreadsheet: merges may be lost, so sections can be plain rows
    recognized: tuple[str, ...] | None = None  # read by OCR: the cells to check (None: not a scan)

    @property
    def tables(self) -> tuple[Table, ...]:
        return tuple(block for block in self.body if isinstance(block, Table))


def cell_paragraphs(text: str) -> tuple[str, ...]:
    """A spreadsheet cell's text as paragraphs: one per line, cleaned, empty lines dropped."""
    return tuple(line for line in (clean(part) for part in text.splitlines()) if line)


def cell_lead(text: str) -> bool | None:
    """What a spreadsheet cell says about its first line: a blank line after it — «this is the title,
    the rest are its sub-points»; a blank first line — «no title, only sub-points»; else nothing."""
    lines = [clean(part) for part in text.splitlines()]
    if len(lines) >= 2 and not lines[0] and any(lines):
        return False
    if len(lines) >= 3 and lines[0] and not lines[1] and any(lines[2:]):
        return True
    return None
