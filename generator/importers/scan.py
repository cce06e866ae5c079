"""Scanned roadmaps — a PDF of page images, a JPG or PNG photo — read by OCR, never silently.

Each page: greyscale, straightened (:func:`deskew`: the angle within ±5° at which the rows of ink line up
best), the table's ruling lines found (:func:`ruling_lines`), the text read by Tesseract with its Russian
model on the page with the rulings erased (one ``tesseract`` run per page, TSV output: every word with its
box and confidence). The rulings become edges for pdfplumber's own table finder (edges → intersections
→ cells → tables), so a scan's table is cut into cells exactly as a text PDF's is, and from there the
page goes through :mod:`.pdf`'s layout and the shared reader.

Why not a library for the grid: img2table needs OpenCV and polars, and reads PDFs with PyMuPDF
(AGPL); the grid of a printed roadmap is ruled lines, and long runs of dark pixels along rows and
columns (numpy) find them — a dozen lines of code instead of a hundred megabytes of dependencies.

Nothing is invented: a word Tesseract is not sure of marks its cell as doubtful, a cell with ink and
no readable word stays empty and is listed, and the document is marked as recognized (the reader
puts the list into the roadmap's ``recognized:`` block, which ``check`` reports until confirmed).
"""

from __future__ import annotations

import io
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageFilter

from generator.errors import ImportFailed
from generator.importers.container import read_bytes
from generator.importers.grid import Document
from generator.importers.layout import Word
from generator.importers.ocr_words import INSTALL_HINT, bullets, shapes, tesseract
from generator.importers.pdf import body_of, layout_page

DPI = 300  # a scanned PDF's pages are rendered at this resolution (a scanner's usual one)
A4_LONG = 842.0  # points


def read_scanned_pdf(path: Path, data: bytes) -> Document:
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
        images = [page.render(scale=DPI / 72).to_pil() for page in document]
        document.close()
    except (pypdfium2.PdfiumError, ValueError, OSError):
        raise ImportFailed(path.name, "PDF повреждён и не читается", "отсканируйте документ заново") from None
    return _read(path.name, [(image, DPI) for image in images])


def read_image(path: Path) -> Document:
    """A JPG or PNG photo or scan of one page."""
    data = read_bytes(path)
    try:
        image = Image.open(io.BytesIO(data))
        image.load()
    except (OSError, ValueError, Image.DecompressionBombError):
        raise ImportFailed(path.name, "изображение не читается", "сохраните его заново как JPG или PNG") from None
    dpi = image.info.get("dpi", (0, 0))[0]
    if not dpi or dpi < 100:  # a photo: take the page for an A4 sheet across its longer side
        dpi = max(image.size) / (A4_LONG / 72)
    return _read(path.name, [(image, float(dpi))])


def _read(name: str, images: list[tuple[Image.Image, float]]) -> Document:
    program = shutil.which("tesseract")
    if program is None:
        raise ImportFailed(name, "для распознавания скана нужен Tesseract, а он не найден", INSTALL_HINT)
    pages = []
    for number, (image, dpi) in enumerate(images, 1):
        grey = np.asarray(deskew(image.convert("L")).filter(ImageFilter.MedianFilter(3)), dtype=np.uint8)
        ink = grey < _threshold(grey)
        horizontal, vertical = ruling_lines(ink)
        scale = 72 / dpi
        edges = [_edge(*seg, "h", scale) for seg in horizontal] + [_edge(*seg, "v", scale) for seg in vertical]
        tables = _tables(edges)
        cleaned = np.where(ink, 0, 255).astype(np.uint8)  # Tesseract reads a black-and-white page best
        cleaned[_line_mask(ink.shape, horizontal, vertical)] = 255
        words = _ocr(program, cleaned, name, scale, tables)
        words += _unread_cells(tables, cleaned < 128, words, scale)
        height, width = grey.shape
        pages.append(layout_page(words, tables, width * scale, height * scale, number))
    doubts: list[str] = []
    body = body_of(pages, doubts)
    return Document(name, tuple(body), recognized=tuple(doubts))


def deskew(image: Image.Image, limit: float = 5.0) -> Image.Image:
    """``image`` turned upright: the angle whose rows of ink are sharpest (the largest variance of the
    rows' dark-pixel counts), searched coarse then fine on a small copy."""
    small = image.copy()
    small.thumbnail((1000, 1000))
    dark = Image.eval(small, lambda v: 255 if v < 160 else 0)

    def score(angle: float) -> float:
        rows = np.asarray(dark.rotate(angle, resample=Image.NEAREST, fillcolor=0), dtype=np.float64).sum(axis=1)
        return float(np.var(rows))

    best = max(np.arange(-limit, limit + 0.01, 0.5), key=score)
    best = max(np.arange(best - 0.5, best + 0.51, 0.05), key=score)
    if abs(best) < 0.05:
        return image
    return image.rotate(float(best), resample=Image.BICUBIC, expand=True, fillcolor=255)


def _threshold(grey: np.ndarray) -> int:
    """Otsu's threshold of the page's histogram."""
    histogram = np.bincount(grey.ravel(), minlength=256).astype(np.float64)
    total = histogram.sum()
    levels = np.arange(256)
    weight = np.cumsum(histogram)
    mean = np.cumsum(histogram * levels)
    between = (mean[-1] * weight / total - mean) ** 2 / np.maximum(weight * (total - weight), 1)
    return int(np.argmax(between))


def _runs(mask: np.ndarray, length: int) -> list[tuple[int, int, int]]:
    """(row, start, end) of every run of True along the rows of ``mask`` at least ``length`` long."""
    padded = np.pad(mask, ((0, 0), (1, 1))).astype(np.int8)
    change = np.diff(padded, axis=1)
    starts, ends = np.argwhere(change == 1), np.argwhere(change == -1)
    keep = (ends[:, 1] - starts[:, 1]) >= length
    return [(int(r), int(a), int(b)) for (r, a), (_, b) in zip(starts[keep], ends[keep], strict=True)]


def ruling_lines(ink: np.ndarray) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Horizontal (y, x0, x1) and vertical (x, y0, y1) rulings: long runs of ink, a pixel's step allowed."""
    height, width = ink.shape
    thick_rows = ink | np.roll(ink, 1, axis=0) | np.roll(ink, -1, axis=0)
    thick_cols = ink | np.roll(ink, 1, axis=1) | np.roll(ink, -1, axis=1)
    horizontal = _runs(thick_rows, max(40, width // 25))
    vertical = _runs(thick_cols.T, max(20, height // 150))  # a one-line header row's borders are short …
    return horizontal, [v for v in vertical if _anchored(v, horizontal)]  # … so a ruling must meet two others


def _anchored(vertical: tuple[int, int, int], horizontal: list[tuple[int, int, int]], slack: int = 6) -> bool:
    """A vertical ruling starts and ends on horizontal ones (a letter's stroke inside a cell does not)."""
    x, top, bottom = vertical
    crossing = [y for y, x0, x1 in horizontal if x0 - slack <= x <= x1 + slack]
    return any(abs(y - top) <= slack for y in crossing) and any(abs(y - bottom) <= slack for y in crossing)


def _line_mask(shape: tuple[int, ...], horizontal: list, vertical: list) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    for y, x0, x1 in horizontal:  # each pixel row of a ruling is a run of its own: one pixel around it is enough
        mask[max(y - 1, 0) : y + 2, max(x0 - 1, 0) : x1 + 1] = True
    for x, y0, y1 in vertical:
        mask[max(y0 - 1, 0) : y1 + 1, max(x - 1, 0) : x + 2] = True
    return mask


def _edge(at: int, start: int, end: int, orientation: str, scale: float) -> dict[str, Any]:
    if orientation == "h":
        x0, x1, top, bottom = start * scale, end * scale, at * scale, at * scale
    else:
        x0, x1, top, bottom = at * scale, at * scale, start * scale, end * scale
    return {
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
        "object_type": "line",
    }


def _tables(edges: list[dict[str, Any]]) -> list[tuple[tuple[float, float, float, float], list]]:
    """pdfplumber's table finder on the scan's rulings: (table box, cell boxes), top to bottom."""
    from pdfplumber import table as finder

    merged = finder.merge_edges(edges, 3, 3, 3, 3)
    cells = finder.intersections_to_cells(finder.edges_to_intersections(merged, 3, 3))
    found = []
    for group in finder.cells_to_tables(cells):
        if len(group) < 2:
            continue
        bbox = (
            min(c[0] for c in group),
            min(c[1] for c in group),
            max(c[2] for c in group),
            max(c[3] for c in group),
        )
        found.append((bbox, sorted(set(group), key=lambda b: (b[1], b[0]))))
    return sorted(found, key=lambda t: t[0][1])


def _ocr(program: str, grey: np.ndarray, name: str, scale: float, tables: list) -> list[Word]:
    """Tesseract's words on one page, in points: each table cell read on its own as a block of text
    (``--psm 6``: a narrow «1.1» column is not taken for noise), the rest of the page with the tables
    blanked out read with automatic layout (``--psm 3``: an approval block beside another). One run
    of Tesseract reads all the cells, listed in a file."""
    crops: list[tuple[int, int]] = []  # where each cell image starts on the page, in pixels
    rest = grey.copy()
    with tempfile.TemporaryDirectory(prefix="nastavnik-ocr-") as temp:
        listing = []
        for bbox, boxes in tables:
            x0, top, x1, bottom = (int(v / scale) for v in bbox)
            rest[top:bottom, x0:x1] = 255
            for bx0, btop, bx1, bbottom in boxes:
                left, upper = int(bx0 / scale) + 1, int(btop / scale) + 1
                right, lower = int(bx1 / scale) - 1, int(bbottom / scale) - 1
                if right - left < 8 or lower - upper < 8:
                    continue
                cell = np.full((lower - upper + 40, right - left + 40), 255, dtype=np.uint8)
                cell[20:-20, 20:-20] = grey[upper:lower, left:right]
                file = Path(temp) / f"cell-{len(crops):04d}.png"
                Image.fromarray(cell).save(file)
                listing.append(str(file))
                crops.append((left - 20, upper - 20))
        words = []
        if listing:
            (Path(temp) / "cells.txt").write_text("\n".join(listing) + "\n", "utf-8")
            for page, word in tesseract(program, Path(temp) / "cells.txt", "6", name):
                dx, dy = crops[page - 1]
                words.append(_shifted(word, dx, dy, scale))
        Image.fromarray(rest).save(Path(temp) / "page.png")
        words += [_shifted(word, 0, 0, scale) for _, word in tesseract(program, Path(temp) / "page.png", "3", name)]
    return shapes(bullets(words))


def _shifted(word: Word, dx: int, dy: int, scale: float) -> Word:
    return Word(
        word.text,
        (word.x0 + dx) * scale,
        (word.x1 + dx) * scale,
        (word.top + dy) * scale,
        (word.bottom + dy) * scale,
        confidence=word.confidence,
    )


def _unread_cells(tables: list, ink: np.ndarray, words: list[Word], scale: float) -> list[Word]:
    """An empty marker word (no text, confidence 0) in every cell with ink but no word read."""
    markers = []
    for _, boxes in tables:
        for x0, top, x1, bottom in boxes:
            if any(x0 <= (w.x0 + w.x1) / 2 <= x1 and top <= w.middle <= bottom for w in words):
                continue
            inside = ink[int(top / scale) + 4 : int(bottom / scale) - 4, int(x0 / scale) + 4 : int(x1 / scale) - 4]
            if inside.size and inside.mean() > 0.004:
                markers.append(Word("", x0 + 1, x0 + 2, top + 1, top + 2, confidence=0.0))
    return markers
