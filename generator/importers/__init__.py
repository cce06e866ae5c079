"""Importers: a roadmap document (DOCX, XLSX, CSV; .doc, .rtf, .odt, .xls, .ods through LibreOffice) → a :class:`~generator.models.Roadmap`.

Each format has a module that turns the file into the neutral :mod:`.grid` (paragraphs and tables
of cells); one shared :mod:`.reader` turns that into a roadmap, whatever the format. Importers are
registered in :data:`IMPORTERS` by file suffix; ``nastavnik import`` goes through this list only.
A format's module (python-docx, openpyxl) is imported when a file of it is read: the build, which
uses :mod:`generator.tables.cells` for its table exports, does not pay for the readers.
"""

from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import ImportFailed

if TYPE_CHECKING:
    from generator.importers.grid import Document
    from generator.importers.reader import Imported


@dataclass(frozen=True)
class Importer:
    suffix: str
    label: str  # what the format is called in messages
    module: str  # the reader's module in this package: ``docx`` → :func:`.docx.read_docx`
    function: str

    def read(self, path: Path) -> Document:
        reader = getattr(importlib.import_module(f".{self.module}", __package__), self.function)
        return reader(path)


IMPORTERS: dict[str, Importer] = {
    ".docx": Importer(".docx", "документ Word", "docx", "read_docx"),
    ".xlsx": Importer(".xlsx", "книга Excel", "xlsx", "read_xlsx"),
    ".csv": Importer(".csv", "таблица CSV", "csv", "read_csv"),
    ".doc": Importer(".doc", "документ Word 97–2003", "office", "read_text_document"),
    ".rtf": Importer(".rtf", "документ RTF", "office", "read_text_document"),
    ".odt": Importer(".odt", "документ OpenDocument", "office", "read_text_document"),
    ".xls": Importer(".xls", "книга Excel 97–2003", "office", "read_spreadsheet"),
    ".ods": Importer(".ods", "таблица OpenDocument", "office", "read_spreadsheet"),
    ".pdf": Importer(".pdf", "документ PDF", "pdf", "read_pdf"),
    ".jpg": Importer(".jpg", "скан или фото JPG", "scan", "read_image"),
    ".jpeg": Importer(".jpeg", "скан или фото JPG", "scan", "read_image"),
    ".png": Importer(".png", "скан или фото PNG", "scan", "read_image"),
}

_OLD_FORMATS: dict[str, str] = {}


def importer_for(path: Path) -> Importer:
    suffix = path.suffix.lower()
    importer = IMPORTERS.get(suffix)
    if importer is None:
        known = ", ".join(IMPORTERS)
        hint = _OLD_FORMATS.get(suffix, f"поддерживаются {known}")
        raise ImportFailed(path.name, f"формат «{suffix or 'без расширения'}» не поддерживается", hint)
    return importer


def import_roadmap(path: Path, today: dt.date) -> Imported:
    """Read ``path`` with the importer its suffix names; :class:`ImportFailed` when it cannot be read."""
    from generator.importers.reader import read_roadmap

    return read_roadmap(importer_for(path).read(path), today)


__all__ = ["IMPORTERS", "Imported", "Importer", "import_roadmap", "importer_for"]
