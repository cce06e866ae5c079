"""The roadmap as a spreadsheet (XLSX) and as CSV, in the flat layout of :mod:`generator.tables.flat`.

* XLSX: sheet «Дорожная карта» — ``Раздел`` and the document's own columns, one row per item, a
  bold frozen header, wrapped text and widths by column role; each extra table on a sheet of its
  own; a last sheet «Сведения» with what a flat table cannot hold (title, period, approval block,
  goal, tasks, extra tables' full titles), so ``nastavnik import`` of the file gives the same
  roadmap back. Every value is a string cell, never a formula.
* CSV: UTF-8 with a byte order mark (Excel opens it in Russian correctly), ``;`` between fields,
  the main table only — extra tables and the «Сведения» fields are in the XLSX; a cell that a
  spreadsheet would take for a formula gets a leading ``'``.

Both are deterministic for a given roadmap and date (fixed ZIP timestamps), so golden copies work.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

from generator.models import Item, Roadmap, Section
from generator.portal.views import RoadmapView
from generator.tables.cells import split_activity
from generator.tables.flat import (
    FORMULA_START,
    MAIN_SHEET,
    META_FIELDS,
    META_HEADER,
    META_SHEET,
    PATH_SEPARATOR,
    SECTION_COLUMN,
    csv_escape,
    sheet_title,
)
from generator.tables.workbook import Alignment, Font, Workbook, Worksheet, get_column_letter

DEFAULT_NAMES = {
    "number": "№",
    "activity": "Мероприятие",
    "details": "Содержание",
    "deadline": "Сроки",
    "responsible": "Ответственные",
    "result": "Результат",
    "indicators": "Показатели",
}
WIDTHS = {
    "number": 8,
    "section_number": 8,
    "section_title": 30,
    "activity": 60,
    "title": 45,
    "details": 60,
    "deadline": 20,
    "responsible": 28,
    "result": 32,
    "indicators": 32,
}
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)

Column = tuple[str, str]  # (name as in the document, role)


def table_columns(columns: Sequence[str], roles: dict[str, str], items: Sequence[Item]) -> list[Column]:
    """The document's columns with their roles, plus a column for any field the items use but no column holds."""
    out = [(name, roles.get(name, "details")) for name in columns]
    present = {role for _, role in out}
    if not present & {"activity", "title"}:
        out.insert(1 if present & {"number", "section_title"} else 0, (DEFAULT_NAMES["activity"], "activity"))
    if not out and any(i.number for i in items):
        out.insert(0, (DEFAULT_NAMES["number"], "number"))
    if "title" in present and "details" not in present and any(i.details for i in items):
        out.append((DEFAULT_NAMES["details"], "details"))
    for role in ("deadline", "responsible", "result", "indicators"):
        if role not in present and any(getattr(i, role) for i in items):
            out.append((DEFAULT_NAMES[role], role))
    return out


def item_cells(item: Item, section: Section | None, columns: list[Column]) -> list[str]:
    """One row: each column's text, a cell's paragraphs joined with a line break.

    A field goes to the first column of its role. Without a number column the item's number is
    typed before its title («1. Коррекция …»), as the documents do, and read back from there.
    """
    roles = [role for _, role in columns]
    inline = f"{item.number}. " if item.number and "number" not in roles else ""
    lead = inline + item.title if item.title else inline.rstrip()
    cells = []
    for index, role in enumerate(roles):
        value: str | None = None
        if roles.index(role) == index:
            if role == "number":
                value = item.number
            elif role == "section_number":
                value = section.number if section else None
            elif role == "section_title":
                value = (section.title or section.heading) if section else None
            elif role == "activity":
                value = activity_cell(item, lead)
            elif role == "title":
                value = lead
            elif role == "details":
                value = None if "activity" in roles else "\n".join(item.details)
            else:
                value = getattr(item, role)
        cells.append(value or "")
    return cells


def activity_cell(item: Item, lead: str) -> str:
    """Title and sub-points in one cell, so that the importer splits them back the same way: when its
    rule alone would not (a title before unmarked sub-points, a lone sub-point without a title), a blank
    line after the title, or before the sub-points, says which is which."""
    text = "\n".join([p for p in [lead] if p] + list(item.details))
    if not item.details or split_activity(([item.title] if item.title else []) + list(item.details)) == (
        item.title,
        list(item.details),
    ):
        return text
    if item.title:
        return lead + "\n\n" + "\n".join(item.details)
    return "\n" + text


def _walk(sections: Sequence[Any], path: tuple[str, ...] = ()) -> Iterator[tuple[str, Section, Item]]:
    for view in sections:
        section = view.section
        heading = section.heading or " ".join(p for p in (section.number, section.title) if p)
        here = (*path, heading) if heading else path
        for item_view in view.items:
            yield PATH_SEPARATOR.join(here), section, item_view.item
        yield from _walk(view.sections, here)


def main_table(roadmap: RoadmapView) -> tuple[list[Column], list[list[str]]]:
    rows = list(_walk(roadmap.sections))
    model = roadmap.model
    columns = table_columns(model.columns, dict(model.column_roles), [item for _, _, item in rows])
    return columns, [[path, *item_cells(item, section, columns)] for path, section, item in rows]


def extra_tables(roadmap: RoadmapView) -> list[tuple[str | None, list[Column], list[list[str]]]]:
    out = []
    for view, model in zip(roadmap.extra_tables, roadmap.model.extra_tables, strict=True):
        items = [i.item for i in view.items]
        columns = table_columns(model.columns, dict(model.column_roles), items)
        out.append((model.title, columns, [item_cells(item, None, columns) for item in items]))
    return out


def meta_rows(model: Roadmap) -> list[tuple[str, str]]:
    """«Сведения»: the roadmap's fields that a flat table has no place for."""
    approval = model.approval
    values: dict[str, Any] = {
        "title": model.title,
        "organization": model.organization,
        "period": model.period,
        "period_kind": model.period_kind,
        "goal": model.goal,
        "tasks": "\n".join(model.tasks),
        "columns": "\n".join(model.columns),
        "extra_tables": "\n".join(t.title or "" for t in model.extra_tables).strip("\n"),
    }
    for prefix, part in (
        ("considered", approval and approval.considered),
        ("approved", approval and approval.approved),
    ):
        if part:
            for name, value in part.model_dump(mode="json").items():
                values[f"{prefix}.{name}"] = value
    return [(label, str(values[key])) for key, label in META_FIELDS if values.get(key)]


# --- XLSX -------------------------------------------------------------------------------------------


def export_xlsx(roadmap: RoadmapView, site_url: str = "", today: dt.date | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = MAIN_SHEET
    columns, rows = main_table(roadmap)
    fill_sheet(sheet, [SECTION_COLUMN, *(name for name, _ in columns)], rows, [34, *(WIDTHS[r] for _, r in columns)])
    taken = {MAIN_SHEET, META_SHEET}
    for title, extra_columns, extra_rows in extra_tables(roadmap):
        extra = book.create_sheet(sheet_title(title, taken))
        fill_sheet(extra, [name for name, _ in extra_columns], extra_rows, [WIDTHS[r] for _, r in extra_columns])
    meta = book.create_sheet(META_SHEET)
    fill_sheet(meta, list(META_HEADER), [list(row) for row in meta_rows(roadmap.model)], [30, 100])
    stamp = dt.datetime.combine(today or dt.date.today(), dt.time())
    book.properties.title = roadmap.model.title
    book.properties.creator = "Наставник"
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    return reproducible(buffer.getvalue(), stamp)


def fill_sheet(sheet: Worksheet, header: list[str], rows: list[list[str]], widths: list[int]) -> None:
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    for r, values in enumerate([header, *rows], 1):
        for c, value in enumerate(values, 1):
            if not value and r > 1:
                continue
            cell = sheet.cell(r, c)
            cell.value = value
            cell.data_type = "s"  # text, never a formula: «=1+1» stays «=1+1»
            if value.startswith(FORMULA_START):
                cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
            cell.alignment = wrap
            if r == 1:
                cell.font = bold
    for c, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = "A2"


def reproducible(data: bytes, stamp: dt.datetime) -> bytes:
    """The same bytes for the same roadmap and date: fixed ZIP timestamps, and the «modified» time
    that openpyxl sets to the moment of saving replaced by the build date."""
    modified = rb"\g<1>" + f"{stamp.isoformat()}Z".encode() + rb"\g<2>"
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", modified, content)
            fixed = zipfile.ZipInfo(info.filename, _ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            target.writestr(fixed, content)
    return out.getvalue()


# --- CSV --------------------------------------------------------------------------------------------


def export_csv(roadmap: RoadmapView, site_url: str = "", today: dt.date | None = None) -> bytes:
    columns, rows = main_table(roadmap)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([csv_escape(name) for name in (SECTION_COLUMN, *(name for name, _ in columns))])
    writer.writerows([csv_escape(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
