"""``make bench``, part two: ``nastavnik import`` time per page, for every format a school's roadmap comes in.

One synthetic roadmap (title, approval block, a table of :data:`SECTIONS` sections of :data:`ITEMS` items
with several paragraphs per cell — several landscape pages) is written as DOCX (python-docx) and XLSX
(openpyxl); LibreOffice makes the .doc, .odt, .rtf and the text PDF of the DOCX and the .xls, .ods of the
XLSX (the .doc from the .odt: LibreOffice 7.4 drops python-docx's tables writing .doc directly); the scan is that PDF's pages rendered at 300 dpi, turned 1°, JPEG, in a PDF without text. Each file
is imported in-process (``import_roadmap``), best of :data:`REPEAT` runs (the scan once). Pages are the
text PDF's; a spreadsheet's time is given per the same pages, for comparison.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

SECTIONS = 4
ITEMS = 6
REPEAT = 3
TODAY = dt.date(2026, 11, 22)


def _docx(path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    document = docx.Document()
    section = document.sections[0]
    section.orientation, section.page_width, section.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)
    document.add_paragraph("УТВЕРЖДАЮ:\nДиректор МБОУ «Школа № 1»\nА.Б. Образцова\nПриказ № 10 от 01.09.2026 г.")
    document.add_paragraph()
    document.add_paragraph("Дорожная карта реализации программы наставничества на 2026-2027 учебный год")
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("№ п/п", "Мероприятие", "Сроки", "Ответственные"), strict=True):
        cell.text = text
    for s in range(1, SECTIONS + 1):
        row = table.add_row().cells
        merged = row[0].merge(row[3])
        merged.text = f"{s}. Этап работы номер {s}"
        for i in range(1, ITEMS + 1):
            cells = table.add_row().cells
            cells[0].text = f"{s}.{i}."
            cells[1].text = f"Мероприятие {s}.{i}: подготовка и проведение встречи наставников и наставляемых"
            cells[1].add_paragraph("- обсуждение целей и плана работы пары;")
            cells[1].add_paragraph("- подведение итогов и запись в журнал.")
            cells[2].text = "Сентябрь 2026 г."
            cells[3].text = "Куратор программы, наставники"
    document.save(str(path))


def _xlsx(path: Path) -> None:
    from generator.tables.workbook import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Раздел", "№ п/п", "Мероприятие", "Сроки", "Ответственные"])
    for s in range(1, SECTIONS + 1):
        for i in range(1, ITEMS + 1):
            sheet.append(
                [f"{s}. Этап работы номер {s}", f"{s}.{i}.", f"Мероприятие {s}.{i}", "Сентябрь 2026 г.", "Куратор"]
            )
    book.save(path)


def _convert(sources: list[Path], target: str, out: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            ["soffice", f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--convert-to", target,
             "--outdir", str(out), *map(str, sources)],
            check=True, capture_output=True, timeout=600,
        )  # fmt: skip


def _scan(pdf: Path, out: Path) -> None:
    import img2pdf
    import pypdfium2
    from PIL import Image

    pages = []
    document = pypdfium2.PdfDocument(str(pdf))
    for page in document:
        image = page.render(scale=300 / 72).to_pil().convert("L")
        image = image.rotate(1.0, resample=Image.BICUBIC, expand=True, fillcolor=255)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=85, dpi=(300, 300))
        pages.append(buffer.getvalue())
    document.close()
    out.write_bytes(img2pdf.convert(pages))


def run(work: Path) -> list[dict[str, object]]:
    """Seconds per page of importing each format; [] when LibreOffice or Tesseract is missing."""
    import pypdfium2

    from generator.errors import ImportFailed
    from generator.importers import import_roadmap

    if not (shutil.which("soffice") and shutil.which("tesseract")):
        return []
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    _docx(work / "karta.docx")
    _xlsx(work / "karta.xlsx")
    for target in ("odt", "rtf", "pdf"):
        _convert([work / "karta.docx"], target, work)
    _convert([work / "karta.odt"], "doc", work)  # LibreOffice 7.4 writes python-docx tables into .doc only so
    for target in ("xls", "ods"):
        _convert([work / "karta.xlsx"], target, work)
    _scan(work / "karta.pdf", work / "karta-scan.pdf")
    document = pypdfium2.PdfDocument(str(work / "karta.pdf"))
    pages = len(document)
    document.close()
    rows = []
    for name in ("docx", "doc", "odt", "rtf", "pdf", "xlsx", "xls", "ods", "scan"):
        path = work / ("karta-scan.pdf" if name == "scan" else f"karta.{name}")
        best, items = float("inf"), 0
        try:
            for _ in range(1 if name == "scan" else REPEAT):
                start = time.perf_counter()
                items = len(import_roadmap(path, TODAY).item_rows)
                best = min(best, time.perf_counter() - start)
        except ImportFailed as exc:
            rows.append({"format": name, "pages": pages, "items": 0, "seconds": 0.0, "seconds_per_page": 0.0,
                         "error": exc.message})  # fmt: skip
            continue
        rows.append({"format": name, "pages": pages, "items": items, "seconds": round(best, 3),
                     "seconds_per_page": round(best / pages, 3)})  # fmt: skip
    return rows


def table(rows: list[dict[str, object]]) -> str:
    from generator import ru

    if not rows:
        return "Импорт: не измерен — нет LibreOffice или Tesseract (make office-deps)"
    lines = [
        "Импорт дорожной карты (best of 3; скан — один раз):",
        "формат | страниц | мероприятий | с | с на страницу",
    ]
    for row in rows:
        if "error" in row:
            lines.append(f"{row['format']} | не импортирован: {row['error']}")
            continue
        lines.append(
            f"{row['format']} | {row['pages']} | {row['items']} | {ru.decimal(float(row['seconds']), 2)} | "  # type: ignore[arg-type]
            f"{ru.decimal(float(row['seconds_per_page']), 3)}"  # type: ignore[arg-type]
        )
    return "\n".join(lines)
