"""Is the file what its name says? Office Open XML packages checked before any parser sees them.

A DOCX or XLSX is a ZIP package. A file starting with the OLE signature (D0 CF 11 E0) is either an
old binary .doc/.xls or an Office document encrypted with a password (then the OLE container holds
an ``EncryptedPackage`` stream); both get a Russian explanation and a way out, never a traceback.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Literal

from generator.errors import ImportFailed
from generator.ru import file_size
from generator.translate import os_error

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_BYTES = 50 * 1024 * 1024
MAX_UNPACKED = 100 * 1024 * 1024  # all parts of a package, unpacked: checked before any parser opens it
MAX_MEMBERS = 10_000
MAX_ROWS = 5000  # rows of a roadmap table: a larger one is refused, never cut short

Kind = Literal["docx", "xlsx"]

_PART = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_NAME = {"docx": "документ Word (.docx)", "xlsx": "книга Excel (.xlsx)"}
_SAVE_AS = {
    "docx": "откройте его в Word или LibreOffice и сохраните как «Документ Word (.docx)»",
    "xlsx": "откройте его в Excel или LibreOffice и сохраните как «Книга Excel (.xlsx)»",
}


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a missing, unreadable, empty or oversized file is an :class:`ImportFailed`."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFailed(
                path.name,
                f"файл слишком большой ({file_size(size)})",
                f"дорожная карта занимает обычно меньше 1 МБ; предел — {file_size(MAX_BYTES)}",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFailed(path.name, "файл не найден", "проверьте имя и папку файла") from None
    except IsADirectoryError:
        raise ImportFailed(path.name, "это папка, а не файл", "укажите файл .docx, .xlsx или .csv") from None
    except OSError as exc:
        raise ImportFailed(
            path.name, f"файл не удалось прочитать ({os_error(exc)})", "проверьте права доступа"
        ) from None
    if not data.strip():
        raise ImportFailed(path.name, "файл пуст", "выберите файл с дорожной картой")
    return data


def open_package(path: Path, kind: Kind) -> bytes:
    """The bytes of a readable DOCX/XLSX package, or an :class:`ImportFailed` saying what the file is."""
    data = read_bytes(path)
    if data.startswith(OLE_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise ImportFailed(
                path.name,
                "файл защищён паролем",
                "откройте его, снимите пароль (Файл → Сведения → Защита) и сохраните заново",
            )
        old = "документ Word 97–2003 (.doc)" if kind == "docx" else "книга Excel 97–2003 (.xls)"
        raise ImportFailed(path.name, f"это файл старого формата — {old}", _SAVE_AS[kind])
    if not data.startswith(ZIP_MAGIC):
        raise ImportFailed(path.name, f"это не {_NAME[kind]}: {_guess(data)}", _SAVE_AS[kind])
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise ImportFailed(path.name, f"файл повреждён: это не {_NAME[kind]}", _SAVE_AS[kind]) from None
    names = {member.filename for member in members}
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED or len(members) > MAX_MEMBERS:
        raise ImportFailed(
            path.name,
            f"файл распаковывается в {file_size(unpacked)} — больше предела {file_size(MAX_UNPACKED)} "
            "(так бывает с повреждёнными или специально собранными файлами)",
            "сохраните документ заново в Word или Excel; дорожная карта после распаковки занимает обычно несколько МБ",
        )
    if _PART[kind] in names:
        rows = _most_rows(data, kind, names)
        if rows > MAX_ROWS:
            raise too_many_rows(path.name, rows)
    if _PART[kind] not in names:
        other = next((k for k, part in _PART.items() if part in names), None)
        if other is not None:
            raise ImportFailed(
                path.name,
                f"это {_NAME[other]}, а не {_NAME[kind]}",
                f"переименуйте файл в .{other} и запустите импорт снова",
            )
        raise ImportFailed(path.name, f"это архив ZIP, но не {_NAME[kind]}", _SAVE_AS[kind])
    return data


_ROW = {"docx": re.compile(rb"<w:tr[\s>/]"), "xlsx": re.compile(rb"<(?:\w+:)?row[\s>/]")}


def _most_rows(data: bytes, kind: Kind, names: set[str]) -> int:
    """Rows of the largest table (DOCX: all tables' rows together), counted in the XML before any parser runs."""
    parts = ["word/document.xml"] if kind == "docx" else sorted(n for n in names if n.startswith("xl/worksheets/"))
    most = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            for part in parts:
                with package.open(part) as stream:
                    most = max(most, len(_ROW[kind].findall(stream.read(MAX_UNPACKED))))
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError):
        return 0  # the parser will say the file is damaged
    return most


def _guess(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith(b"{\\rtf"):
        return "файл в формате RTF"
    if head.startswith(b"%pdf"):
        return "файл PDF"
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "страница HTML"
    if head.startswith(b"<?xml"):
        return "файл XML"
    return "содержимое файла не похоже на документ Office"


def too_many_rows(name: str, rows: int) -> ImportFailed:
    """A table beyond :data:`MAX_ROWS`: refused whole (importing a part of it would lose items silently)."""
    return ImportFailed(
        name,
        f"в таблице больше {MAX_ROWS} строк ({rows}) — это не похоже на дорожную карту",
        "разделите таблицу на несколько файлов или удалите лишние строки; импорт не выполнен",
    )
