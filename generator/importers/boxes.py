"""Cell boxes found on pages (a PDF's ruling lines, a scan's grid) → one :class:`~.grid.Table`.

Each page's piece of a table comes as boxes on a grid of rows and columns: a box over several
columns is a merged cell, a box over several rows a vertically merged one, given to every row it
covers as Word's ``w:vMerge`` is (the rows under its top carry its text, marked ``merged_above``).

Where a table goes on over a page break, a row — or a merged stage cell — may be cut in two: its
text goes on at the top of the next page (after the repeated header, if any). A piece's first row
is the rest of the row above when every text in it starts with a small letter («…исходя из» /
«потребностей»); then each cell is mended with the text before the break and the row is dropped.
A merged cell alone cut so («Организация и осуществление работы» / «наставнических пар, групп»)
is mended the same way and stays merged over the rows on both pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from generator.importers.grid import Cell, Row, Table, clean
from generator.tables.cells import continue_paragraphs, has_marker, starts_lowercase


@dataclass(eq=False)
class Box:
    r0: int
    r1: int
    c0: int
    c1: int
    paragraphs: list[str]
    bold: bool = False
    italic: tuple[str, ...] = ()
    continued: bool = False  # the rest of a merged cell cut by a page break: all its rows are merged_above
    doubt: str | None = None  # OCR: why the cell's text should be checked


def _at(boxes: list[Box], row: int, col: int) -> Box | None:
    return next((b for b in boxes if b.r0 <= row < b.r1 and b.c0 <= col < b.c1), None)


def _same_texts(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return len(a) == len(b) and bool(a) and SequenceMatcher(None, " | ".join(a), " | ".join(b)).ratio() >= 0.85


def _texts(boxes: list[Box], row: int) -> tuple[str, ...]:
    own = sorted((b for b in boxes if b.r0 <= row < b.r1), key=lambda b: b.c0)
    return tuple(clean(" ".join(b.paragraphs)).lower() for b in own)


def assemble(parts: list[tuple[list[Box], int]], label: str, doubts: list[str] | None = None) -> Table:
    """``parts``: each page's boxes (rows counted from 0 on that page) and its number of rows; the cells
    OCR doubted are listed in ``doubts`` by their row and column («таблица 1, строка 5, столбец 3: …»)."""
    boxes: list[Box] = []
    starts: list[int] = []
    offset = 0
    for part, rows in parts:
        starts.append(offset)
        for box in part:
            box.r0 += offset
            box.r1 += offset
            boxes.append(box)
        offset += rows
    header = _texts(boxes, 0)
    dropped = set()
    for start in starts[1:]:
        repeated = _same_texts(_texts(boxes, start), header)
        if repeated:  # the header printed again (read by OCR, maybe with a letter wrong): as the first one
            for box in (b for b in boxes if b.r0 == start):
                top = _at(boxes, 0, box.c0)
                if top is not None and (top.c0, top.c1) == (box.c0, box.c1):
                    box.paragraphs, box.doubt = list(top.paragraphs), None
        first = start + 1 if repeated else start
        if first < offset and _mend(boxes, start - 1, first):
            dropped.add(first)
    for box in boxes:
        if box.doubt and doubts is not None:
            text = " ".join(box.paragraphs)
            shown = f" — «{text[:60]}»" if text else ""
            doubts.append(f"{label}, строка {box.r0 + 1}, столбец {box.c0 + 1}: {box.doubt}{shown}")
    rows = []
    for r in range(offset):
        if r in dropped:
            continue
        own = sorted((b for b in boxes if b.r0 <= r < b.r1), key=lambda b: b.c0)
        cells = tuple(
            Cell(tuple(b.paragraphs), b.c0, b.c1 - b.c0, r > b.r0 or b.continued, b.bold, b.italic) for b in own
        )
        rows.append(Row(cells, r + 1))
    return Table(tuple(rows), label)


def _mend(boxes: list[Box], last: int, first: int) -> bool:
    """Join the row ``first`` (top of a page) to the row ``last`` (bottom of the page before) where it goes
    on; True when the whole row was the rest of the one above (then it is dropped)."""
    pairs = []
    for box in sorted({id(b): b for b in boxes if b.r0 == first}.values(), key=lambda b: b.c0):
        above = _at(boxes, last, box.c0)
        if above is not None and (above.c0, above.c1) == (box.c0, box.c1):
            pairs.append((above, box))
    filled = [(a, b) for a, b in pairs if b.paragraphs]
    own = next((b for a, b in pairs if a.r1 - a.r0 == 1 and a.paragraphs), None)  # the row above's first own cell
    whole = bool(filled) and (
        all(a.paragraphs and (starts_lowercase(b.paragraphs[0]) or has_marker(b.paragraphs[0])) for a, b in filled)
        or (own is not None and (not own.paragraphs or starts_lowercase(own.paragraphs[0])))
    )
    for above, box in pairs:
        multi = above.r1 - above.r0 > 1 or box.r1 - box.r0 > 1
        if multi and not box.paragraphs and above.paragraphs:  # a merged cell whose text stayed on the page before
            box.paragraphs, box.continued = above.paragraphs, True
            continue
        goes_on = bool(box.paragraphs) and bool(above.paragraphs) and (whole or starts_lowercase(box.paragraphs[0]))
        if not goes_on or not (whole or multi):
            continue
        above.paragraphs = continue_paragraphs(above.paragraphs, box.paragraphs)
        above.doubt = above.doubt or box.doubt
        if box.r1 - box.r0 == 1:
            boxes.remove(box)
        else:
            box.paragraphs = above.paragraphs
            box.continued = True
    return whole
