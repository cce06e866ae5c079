"""CSV → :class:`~.grid.Document`: one table; encoding and separator found from the file itself.

Excel in Russian saves CSV with ``;`` and, unless asked otherwise, in Windows-1251; other tools
write UTF-8 with ``,``. The encoding is tried in that order of strictness: a UTF-16 or UTF-8 byte
order mark, valid UTF-8, then Windows-1251. The separator is the one of ``; , tab`` that splits the
first lines into the same number of fields. A leading ``'`` added against formula injection
(:func:`generator.tables.flat.csv_escape`) is removed.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from generator.errors import ImportFailed
from generator.importers.container import MAX_ROWS, OLE_MAGIC, ZIP_MAGIC, read_bytes, too_many_rows
from generator.importers.grid import Cell, Document, Row, Table, cell_lead, cell_paragraphs
from generator.tables.flat import csv_unescape

SEPARATORS = (";", ",", "\t")


def read_csv(path: Path) -> Document:
    data = read_bytes(path)
    if data.startswith((ZIP_MAGIC, OLE_MAGIC)):
        raise ImportFailed(
            path.name, "это не CSV, а документ Office", "переименуйте файл в .docx или .xlsx, как он был сохранён"
        )
    text = decode(data, path.name)
    separator = sniff_separator(text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    except csv.Error as exc:
        what = "в файле есть нулевой символ (NUL)" if "NUL" in str(exc) else "нарушены кавычки или разделители"
        raise ImportFailed(path.name, f"CSV не читается: {what}", "сохраните таблицу из Excel заново как CSV") from None
    if len(records) > MAX_ROWS:
        raise too_many_rows(path.name, len(records))
    rows = tuple(
        Row(tuple(_cell(csv_unescape(value), col) for col, value in enumerate(record)), number)
        for number, record in enumerate(records[:MAX_ROWS], 1)
    )
    return Document(path.name, (Table(rows, ""),), flat=True)


def _cell(text: str, col: int) -> Cell:
    return Cell(cell_paragraphs(text), col, lead=cell_lead(text))


def decode(data: bytes, name: str) -> str:
    """UTF-16/UTF-8 with a byte order mark, UTF-8, else Windows-1251 (Excel's «CSV (разделители — запятые)»)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError:
        raise ImportFailed(
            name, "кодировка CSV не распознана", "сохраните таблицу как «CSV UTF-8 (разделитель — запятая)»"
        ) from None


def sniff_separator(text: str) -> str:
    """The separator that gives the first lines the most (and the most consistent) fields."""
    sample = text[:20_000]
    best, best_score = SEPARATORS[0], (-1, 0)
    for separator in SEPARATORS:
        try:
            counts = [len(r) for r in csv.reader(io.StringIO(sample, newline=""), delimiter=separator)][:30]
        except csv.Error:
            continue
        counts = [c for c in counts if c > 1] or [1]
        common = max(set(counts), key=counts.count)
        score = (counts.count(common) if common > 1 else 0, common)
        if score > best_score:
            best, best_score = separator, score
    return best
