"""Roadmap documents made on the fly with python-docx, openpyxl and csv, for the importer's tests.

Every document here is invented for a test: other column names and orders, merges, page breaks,
numbering styles. A cell is given as a string (``"\\n"`` separates paragraphs), a list of
paragraphs, or None (empty).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import docx
import openpyxl
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from openpyxl.styles import Font

CellValue = str | list[str] | None


def _paragraphs(value: CellValue) -> list[str]:
    if value is None:
        return []
    return value.split("\n") if isinstance(value, str) else list(value)


class DocxBuilder:
    """A Word document: paragraphs and tables in order."""

    def __init__(self) -> None:
        self.document = docx.Document()

    def para(
        self, text: str = "", bold: bool = False, center: bool = False, right: bool = False, style: str | None = None
    ):
        paragraph = self.document.add_paragraph(style=style)
        for index, line in enumerate(text.split("\n")):
            run = paragraph.add_run(line)
            run.bold = bold
            if index < len(text.split("\n")) - 1:
                run.add_break()
        if center:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if right:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        return self

    def table(
        self,
        rows: Sequence[Sequence[CellValue]],
        merges: Sequence[tuple[int, int, int, int]] = (),
        repeat_header: Sequence[int] = (0,),
        bold_rows: Sequence[int] = (0,),
        numbered: Sequence[tuple[int, int]] = (),
    ):
        """``merges``: (row1, col1, row2, col2) ranges merged into their top-left cell (give text only there).
        ``numbered``: (row, col) cells whose one paragraph gets Word's automatic numbering («List Number»)."""
        width = max(len(r) for r in rows)
        table = self.document.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cell(r, c)
                paragraphs = _paragraphs(value)
                for index, text in enumerate(paragraphs):
                    paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
                    run = paragraph.add_run(text)
                    run.bold = r in bold_rows
                if (r, c) in numbered:
                    cell.paragraphs[0].style = self.document.styles["List Number"]
            if r in repeat_header:
                tr_pr = table.rows[r]._tr.get_or_add_trPr()
                tr_pr.append(OxmlElement("w:tblHeader"))
        for r1, c1, r2, c2 in merges:
            table.cell(r1, c1).merge(table.cell(r2, c2))
        return self

    def save(self, path: Path) -> Path:
        self.document.save(path)
        return path


def xlsx_file(
    path: Path, sheets: Sequence[tuple[str, Sequence[Sequence[Any]], Sequence[str]]], title: str | None = None
) -> Path:
    """``sheets``: (name, rows, merged ranges like "A1:E1"); a row is a list of values (str with "\\n", numbers, dates)."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows, merged in sheets:
        sheet = book.create_sheet(name)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row, 1):
                if value is not None:
                    sheet.cell(r, c).value = value
        for rng in merged:
            sheet.merge_cells(rng)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
    if title:
        book.properties.title = title
    book.save(path)
    return path


def csv_file(path: Path, rows: Sequence[Sequence[str]], separator: str = ";", encoding: str = "utf-8") -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=separator, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def set_number_format(path: Path, cell: str, number_format: str) -> None:
    book = openpyxl.load_workbook(path)
    book.active[cell].number_format = number_format
    book.save(path)


__all__ = ["DocxBuilder", "csv_file", "qn", "set_number_format", "xlsx_file"]
