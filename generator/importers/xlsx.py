"""XLSX → :class:`~.grid.Document`: every visible sheet a table; merged ranges become spans and merges.

Rows above a sheet's header (a title typed in row 1, an approval block in the corner) stay in the
table and are read as the text before it by :mod:`.reader`. Values are read as Excel shows them
(the cached value of a formula, a date as a date), never evaluated. The «Сведения» sheet of our own
export carries the fields a flat table cannot hold (see :mod:`generator.tables.flat`).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from generator import ru
from generator.errors import ImportFailed
from generator.importers.container import open_package
from generator.importers.grid import Cell, Document, Row, Table, cell_lead, cell_paragraphs, clean
from generator.tables.flat import META_HEADER, META_KEYS
from generator.tables.workbook import InvalidFileException, Worksheet, load_workbook

MAX_ROWS = 5000
MAX_COLUMNS = 60


def read_xlsx(path: Path) -> Document:
    data = open_package(path, "xlsx")
    try:
        book = load_workbook(io.BytesIO(data), data_only=True)
    except (InvalidFileException, KeyError, ValueError, TypeError, zipfile.BadZipFile, etree.XMLSyntaxError):
        raise ImportFailed(
            path.name,
            "книга Excel повреждена и не читается",
            "откройте её в Excel или LibreOffice и сохраните заново как .xlsx",
        ) from None
    body: list[Table] = []
    meta: dict[str, str] = {}
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        if _is_meta(sheet):
            meta = _meta(sheet)
            continue
        body.append(Table(_rows(sheet), f"лист «{sheet.title}»", sheet.title))
    title = clean(book.properties.title or "") or None
    return Document(path.name, tuple(body), title=title, meta=meta, flat=True)


def _is_meta(sheet: Worksheet) -> bool:
    header = tuple(clean(str(sheet.cell(1, c).value or "")) for c in (1, 2))
    if header != META_HEADER:
        return False
    labels = {clean(str(row[0] or "")) for row in sheet.iter_rows(min_row=2, max_col=1, values_only=True)}
    return bool(labels & set(META_KEYS))


def _meta(sheet: Worksheet) -> dict[str, str]:
    meta: dict[str, str] = {}
    for label, value in sheet.iter_rows(min_row=2, max_col=2, values_only=True):
        key = META_KEYS.get(clean(str(label or "")))
        if key and value is not None and str(value).strip():
            meta[key] = _text(value, "General")
    return meta


def _rows(sheet: Worksheet) -> tuple[Row, ...]:
    spans: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    bounds: tuple[int, int, int, int] | None
    for merged in sheet.merged_cells.ranges:
        bounds = (merged.min_row, merged.min_col, merged.max_row, merged.max_col)
        for r in range(merged.min_row, min(merged.max_row, MAX_ROWS) + 1):
            spans[(r, merged.min_col)] = bounds
    last_col = min(sheet.max_column, MAX_COLUMNS)
    rows: list[Row] = []
    for r in range(1, min(sheet.max_row, MAX_ROWS) + 1):
        cells: list[Cell] = []
        c = 1
        while c <= last_col:
            bounds = spans.get((r, c))
            top = sheet.cell(bounds[0], bounds[1]) if bounds else sheet.cell(r, c)
            span = bounds[3] - bounds[1] + 1 if bounds else 1
            text = _text(top.value, top.number_format) if top.value is not None else ""
            bold = bool(top.font and top.font.b)
            merged = bool(bounds and r > bounds[0])
            cells.append(Cell(cell_paragraphs(text), c - 1, span, merged, bold, lead=cell_lead(text)))
            c += span
        rows.append(Row(tuple(cells), r))
    while rows and rows[-1].empty:
        rows.pop()
    return tuple(rows)


def _text(value: Any, number_format: str) -> str:
    """A value as Excel displays it, close enough for a roadmap: «1», «1.1», «Сентябрь 2024», «30.08.2024»."""
    if isinstance(value, bool):
        return "да" if value else "нет"
    if isinstance(value, dt.datetime | dt.date):
        day = value.date() if isinstance(value, dt.datetime) else value
        fmt = (number_format or "").lower()
        if "mmm" in fmt:
            return ru.date(day) if "d" in fmt else f"{ru.month_name(day.month, capital=True)} {day.year}"
        return ru.short_date(day) if "d" in fmt or not fmt or fmt == "general" else day.strftime("%m.%Y")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
