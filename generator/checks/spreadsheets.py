"""Generated spreadsheets hold no formula: a cell of CSV or XLSX that begins with ``= + - @`` runs in Excel."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from generator.errors import Problem
from generator.filetypes import MAX_READ, site_files
from generator.tables.flat import FORMULA_START


def check_spreadsheets(
    site: Path, content_dir: Path | None, exclude: frozenset[str] = frozenset(), files: Sequence[Path] | None = None
) -> list[Problem]:
    """Generated CSV/XLSX files hold no cell that Excel would run as a formula."""
    problems = []
    for path in files if files is not None else site_files(site):
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".xlsx"):
            continue
        rel = path.relative_to(site).as_posix()
        if rel.partition("/")[0] in exclude:
            continue
        if content_dir is not None and (content_dir / rel).is_file():
            continue  # an editor's own file, published as uploaded
        found = _csv_formulas(path) if suffix == ".csv" else _xlsx_formulas(path)
        if found:
            problems.append(
                Problem(
                    f"site/{rel}",
                    None,
                    f"в таблице есть ячейка, которую Excel выполнит как формулу ({found})",
                    "выгрузка должна начинать такие ячейки с апострофа (flat_layout.csv_escape); сайт не обновлён",
                )
            )
    return problems


def _csv_formulas(path: Path) -> str | None:
    text = path.read_bytes()[:MAX_READ].decode("utf-8-sig", errors="replace")
    for row_number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)), start=1):
        for column, cell in enumerate(row, start=1):
            if cell.startswith(FORMULA_START):
                return f"строка {row_number}, столбец {column}: «{cell[:40]}»"
    return None


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _xlsx_formulas(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.startswith("xl/externalLinks/"):
                    return "внешняя ссылка (DDE)"
                if member.startswith("xl/worksheets/") and member.endswith(".xml"):
                    with archive.open(member) as stream:
                        if re.search(rb"<(?:\w+:)?f[\s>/]", stream.read(MAX_READ)):
                            return f"лист {member.rsplit('/', 1)[-1]}"
    except (zipfile.BadZipFile, OSError):
        return None
    return None
