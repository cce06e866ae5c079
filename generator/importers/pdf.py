"""PDF with a text layer → :class:`~.grid.Document`: the tables from the page's ruling lines, the rest as text.

pdfplumber finds each table from the lines and rectangles drawn on the page (the cell borders) and
gives every cell's box; the words of the text layer are put into the cell that holds their middle
and regrouped into the cell's paragraphs (:mod:`.layout`). The cell boxes of a table are laid on one
grid of columns: a box spanning several columns is a merged cell (a section row over the whole
width), a box spanning several rows is a vertically merged one (a stage, a responsible), given to
every row it covers as Word's ``w:vMerge`` would be. A table that ends at the bottom of a page and
goes on at the top of the next is one table (its repeated header row is then skipped by the reader,
as in a DOCX); page numbers in the margins are dropped. The text outside the tables — approval
block, title, goal and tasks — becomes paragraphs in reading order, two blocks side by side
(«РАССМОТРЕНО … УТВЕРЖДАЮ …») read one after the other. From there the document goes through the
same reader as a DOCX. A PDF without any text (a scan) is read by :mod:`.scan`.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ImportFailed
from generator.importers.boxes import Box, assemble
from generator.importers.container import read_bytes
from generator.importers.grid import Align, Document, Paragraph, Table, clean
from generator.importers.layout import Line, Word, join, lines_of, paragraphs_of, split_segments

CELL_MARGIN = 5.4  # points: Word's and LibreOffice's default right padding of a table cell
TOLERANCE = 3.0  # points: two borders this close are one
LOW_CONFIDENCE = 75  # OCR's confidence (0–100) below which a word makes its cell doubtful
_SYMBOLS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf0d8": "➢", "\uf0fc": "✓", "\uf076": "❖", "\uf02d": "-"}
# OCR: the «г.» after a year, alone on its line, is read as «Г.», «т», «р», «и» or glued by a colon
_YEAR_MARK = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:[:;,]\s*)?[ГтрлиПг](\.?)(?=\s|$|[,;)])")
_PRIVATE = re.compile("[\ue000-\uf8ff]")


@dataclass
class _PageTable:
    page: int
    bbox: tuple[float, float, float, float]
    cells: list[tuple[tuple[float, float, float, float], list[Word]]]
    first_on_page: bool = False
    last_on_page: bool = False


@dataclass
class _Page:
    blocks: list[tuple[float, list[Paragraph] | _PageTable]] = field(default_factory=list)


def read_pdf(path: Path) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException
    from pdfplumber.utils.exceptions import PdfminerException

    data = read_bytes(path)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ImportFailed(path.name, "это не PDF", "проверьте, что выбран нужный файл")
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if not any(page.chars for page in pdf.pages):
                from generator.importers.scan import read_scanned_pdf

                return read_scanned_pdf(path, data)
            pages = [_page(page, number) for number, page in enumerate(pdf.pages, 1)]
    except PdfminerException as exc:
        if any(isinstance(arg, (PDFPasswordIncorrect, PDFEncryptionError)) for arg in exc.args):
            raise ImportFailed(
                path.name, "PDF защищён паролем", "снимите пароль или возьмите исходный документ"
            ) from None
        raise ImportFailed(
            path.name, "PDF повреждён и не читается", "сохраните документ в PDF заново или возьмите исходный DOCX"
        ) from None
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ImportFailed(path.name, "PDF защищён паролем", "снимите пароль или возьмите исходный документ") from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, RecursionError, OSError) as exc:
        if isinstance(exc, ImportFailed):
            raise
        raise ImportFailed(
            path.name, "PDF повреждён и не читается", "сохраните документ в PDF заново или возьмите исходный DOCX"
        ) from None
    return Document(path.name, tuple(body_of(pages, [])))


def _words(page: Any) -> list[Word]:
    out = []
    for w in page.extract_words(extra_attrs=["fontname"], keep_blank_chars=False):
        text = _PRIVATE.sub("•", "".join(_SYMBOLS.get(ch, ch) for ch in w["text"]))
        font = w["fontname"].lower()
        bold = "bold" in font or "black" in font or "heavy" in font
        italic = "italic" in font or "oblique" in font
        out.append(Word(text, w["x0"], w["x1"], w["top"], w["bottom"], bold, italic))
    return out


def _page(page: Any, number: int) -> _Page:
    found = sorted(page.find_tables(), key=lambda t: t.bbox[1])
    tables = [(t.bbox, sorted(set(t.cells), key=lambda b: (b[1], b[0]))) for t in found]
    return layout_page(_words(page), tables, page.width, page.height, number)


def layout_page(
    words: list[Word],
    found: list[tuple[tuple[float, float, float, float], list[tuple[float, float, float, float]]]],
    width: float,
    height: float,
    number: int,
) -> _Page:
    """A page's words and its tables' cell boxes (in points) → its blocks: tables and paragraphs in order."""
    tables = [_PageTable(number, bbox, [(box, []) for box in boxes]) for bbox, boxes in found]
    outside: list[Word] = []
    for word in words:
        cx, cy = (word.x0 + word.x1) / 2, word.middle
        home = next(
            (
                cell
                for t in tables
                for cell in t.cells
                if cell[0][0] <= cx <= cell[0][2] and cell[0][1] <= cy <= cell[0][3]
            ),
            None,
        )
        if home is not None:
            home[1].append(word)
        elif not any(t.bbox[0] <= cx <= t.bbox[2] and t.bbox[1] <= cy <= t.bbox[3] for t in tables):
            outside.append(word)
    lines = [line for line in lines_of(w for w in outside if w.text) if not _running(line, height)]
    result = _Page()
    for table in tables:
        result.blocks.append((table.bbox[1], table))
    regions: list[list[Line]] = [[] for _ in range(len(tables) + 1)]
    for line in lines:
        index = sum(1 for t in tables if line.top >= t.bbox[3] - TOLERANCE)
        regions[index].append(line)
    left = min((line.x0 for line in lines), default=0.0)
    right = max((line.x1 for line in lines), default=width)
    for region in regions:
        if region:
            result.blocks.append((region[0].top, _text(region, left, right, width)))
    result.blocks.sort(key=lambda block: block[0])
    kinds = [isinstance(block, _PageTable) for _, block in result.blocks]
    if kinds and kinds[0]:
        result.blocks[0][1].first_on_page = True  # type: ignore[union-attr]
    if kinds and kinds[-1]:
        result.blocks[-1][1].last_on_page = True  # type: ignore[union-attr]
    return result


def _running(line: Line, height: float) -> bool:
    """A page number (or «- 2 -», «стр. 2») in the top or bottom margin."""
    in_margin = line.bottom < height * 0.08 or line.top > height * 0.92
    return in_margin and bool(re.fullmatch(r"(?:стр\.?\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*из\s*\d{1,3})?", line.text))


def _text(lines: list[Line], left: float, right: float, width: float) -> list[Paragraph]:
    """Lines outside the tables → paragraphs; blocks set side by side are read column after column."""
    out: list[Paragraph] = []
    block: list[Line] = []
    for line in [*lines, None]:
        if line is not None and (not block or line.top - block[-1].bottom <= max(line.height, block[-1].height) * 0.8):
            block.append(line)
            continue
        gap = max(line.height for line in block) * 3
        pieces = [split_segments(line, gap) for line in block]
        if any(len(p) > 1 for p in pieces):
            middle = width / 2
            columns = [[s for p in pieces for s in p if (s.x0 + s.x1) / 2 < middle]]
            columns.append([s for p in pieces for s in p if (s.x0 + s.x1) / 2 >= middle])
            for column in columns:
                if column:
                    column_right = max(s.x1 for s in column)
                    out.extend(_paragraph(p, left, right) for p in paragraphs_of(column, column_right + 1))
                    out.append(Paragraph(""))
        else:
            out.extend(_paragraph(p, left, right) for p in paragraphs_of(block, right + 1))
            out.append(Paragraph(""))
        block = [line] if line is not None else []
    return out


def _paragraph(lines: list[Line], left: float, right: float) -> Paragraph:
    middle = (left + right) / 2
    indented = any(line.x0 > left + 20 for line in lines)
    align: Align | None = None
    if indented and all(abs((line.x0 + line.x1) / 2 - middle) < 12 for line in lines):
        align = "center"
    elif indented and all(abs(line.x1 - right) < 12 for line in lines):
        align = "right"
    return Paragraph(clean(join(lines)), all(line.bold for line in lines), align)


def body_of(pages: list[_Page], doubts: list[str]) -> list[Paragraph | Table]:
    """The pages' blocks in order, a table going on over pages joined; OCR's doubtful cells go to ``doubts``."""
    body: list[Paragraph | Table] = []
    groups: list[list[_PageTable]] = []
    pending: list[Paragraph] = []
    for page in pages:
        for _, block in page.blocks:
            if isinstance(block, list):
                pending.extend(block)
                continue
            last = groups[-1][-1] if groups else None
            if last is not None and not any(not p.blank for p in pending) and _continues(last, block):
                groups[-1].append(block)
                continue
            body.extend(pending)
            pending = []
            groups.append([block])
            body.append(len(groups) - 1)  # type: ignore[arg-type]  # placeholder, replaced below
    body.extend(pending)
    return [_table(groups[b], f"таблица {b + 1}", doubts) if isinstance(b, int) else b for b in body]


def _continues(last: _PageTable, table: _PageTable) -> bool:
    return (
        table.page == last.page + 1
        and last.last_on_page
        and table.first_on_page
        and abs(last.bbox[0] - table.bbox[0]) <= TOLERANCE * 2
        and abs(last.bbox[2] - table.bbox[2]) <= TOLERANCE * 2
    )


def _edges(values: list[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > TOLERANCE:
            out.append(value)
    return out


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _table(parts: list[_PageTable], label: str, doubts: list[str]) -> Table:
    """Page pieces of one table → boxes on one grid of columns (rows counted per page) → a table."""
    columns = _edges([x for part in parts for box, _ in part.cells for x in (box[0], box[2])])
    pieces: list[tuple[list[Box], int]] = []
    for part in parts:
        tops = _edges([y for box, _ in part.cells for y in (box[1], box[3])])
        found = []
        for box, words in part.cells:
            c0, c1 = _index(columns, box[0]), _index(columns, box[2])
            r0, r1 = _index(tops, box[1]), _index(tops, box[3])
            if c1 <= c0 or r1 <= r0:
                continue
            lines = lines_of(w for w in words if w.text)
            paragraphs = [p for p in (clean(join(g)) for g in paragraphs_of(lines, box[2] - CELL_MARGIN)) if p]
            if any(w.confidence < 100 for w in words):
                paragraphs = [_YEAR_MARK.sub(r"\1 г\2", p) for p in paragraphs]
            bold = bool(lines) and all(line.bold for line in lines)
            doubt = None
            if any(not w.text for w in words):  # OCR saw ink here and read nothing
                doubt = "не распознано, оставлено пустым"
            elif any(w.confidence < LOW_CONFIDENCE for w in words):
                doubt = "распознано неуверенно"
            italic = tuple(w.text for w in words if w.italic)
            found.append(Box(r0, r1, c0, c1, paragraphs, bold, italic, doubt=doubt))
        pieces.append((found, max(len(tops) - 1, 0)))
    return assemble(pieces, label, doubts)
