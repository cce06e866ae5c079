"""DOCX → :class:`~.grid.Document`: paragraphs and tables in body order, merges read from the XML.

python-docx opens the package; the body is then walked in the WordprocessingML itself, because
what a roadmap needs is there and not in python-docx's convenience API: ``w:gridSpan`` (a cell
spanning columns, e.g. a full-width section row), ``w:vMerge`` (a stage or a responsible merged
down over several rows), ``w:tblHeader`` (the header repeated on every page), content controls
(``w:sdt``) wrapping paragraphs or rows, and Word's automatic numbering (:mod:`.docx_numbering`).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from generator.errors import ImportFailed
from generator.importers.container import open_package
from generator.importers.docx_numbering import Numbering
from generator.importers.grid import Align, Cell, Document, Paragraph, Row, Table, clean

_WRAPPERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:smartTag")}
_SKIP = {
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    qn("w:del"),
    qn("w:moveFrom"),
    qn("w:pPr"),
    qn("w:rPr"),
    qn("w:instrText"),
}
_ALIGN: dict[str, Align] = {
    "center": "center",
    "right": "right",
    "end": "right",
    "both": "both",
    "distribute": "both",
    "left": "left",
    "start": "left",
}
_FALSE = {"0", "false", "off"}


def read_docx(path: Path) -> Document:
    data = open_package(path, "docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, etree.XMLSyntaxError):
        raise ImportFailed(
            path.name,
            "документ Word повреждён и не читается",
            "откройте его в Word или LibreOffice и сохраните заново как .docx",
        ) from None
    numbering = Numbering.of(document)
    body: list[Paragraph | Table] = []
    for element in _children(document.element.body):
        if element.tag == qn("w:p"):
            body.extend(_paragraphs(element, numbering))
        elif element.tag == qn("w:tbl"):
            count = sum(isinstance(block, Table) for block in body) + 1
            body.append(_table(element, numbering, f"таблица {count}"))
    title = clean(document.core_properties.title or "") or None
    return Document(path.name, tuple(body), title=title)


def _children(element: Any, wanted: tuple[str, ...] = ()) -> Iterator[Any]:
    """Child elements, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag in _WRAPPERS:
            yield from _children(child, wanted)
        elif not wanted or child.tag in wanted:
            yield child


def _on(node: Any) -> bool:
    return node is not None and node.get(qn("w:val"), "true").lower() not in _FALSE


def _runs_text(element: Any, runs: list[tuple[str, bool, bool]], bold: bool = False, italic: bool = False) -> None:
    """Append (text, bold, italic) pieces of ``element`` in order; w:br and w:cr become line breaks."""
    for child in element:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == qn("w:r"):
            r_pr = child.find(qn("w:rPr"))
            run_bold = _on(r_pr.find(qn("w:b"))) if r_pr is not None else False
            run_italic = _on(r_pr.find(qn("w:i"))) if r_pr is not None else False
            _runs_text(child, runs, run_bold, run_italic)
        elif tag == qn("w:t"):
            runs.append((child.text or "", bold, italic))
        elif tag in (qn("w:tab"), qn("w:ptab")):
            runs.append((" ", bold, italic))
        elif tag in (qn("w:br"), qn("w:cr")):
            runs.append(("\n", bold, italic))
        elif tag == qn("w:noBreakHyphen"):
            runs.append(("-", bold, italic))
        elif tag == qn("w:p"):  # a text box inside the paragraph
            _runs_text(child, runs, bold, italic)
            runs.append(("\n", bold, italic))
        else:
            _runs_text(child, runs, bold, italic)


def _paragraph_runs(p: Any, numbering: Numbering) -> tuple[str, bool, tuple[str, ...]]:
    runs: list[tuple[str, bool, bool]] = []
    _runs_text(p, runs)
    text = "".join(piece for piece, _, _ in runs)
    label = numbering.label(p)
    if label:  # Word shows the number even before an empty paragraph (a «№» column numbered by Word)
        text = f"{label} {text.lstrip()}"
    visible = [(piece, bold) for piece, bold, _ in runs if piece.strip()]
    bold = bool(visible) and all(b for _, b in visible)
    italic = tuple(clean(piece) for piece, _, it in runs if it and piece.strip())
    return text, bold, italic


def _paragraphs(p: Any, numbering: Numbering) -> list[Paragraph]:
    """A body paragraph; its line breaks are kept as ``\\n`` (a title or an approval block set by Shift+Enter)."""
    text, bold, _ = _paragraph_runs(p, numbering)
    jc = p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    align = _ALIGN.get(jc.get(qn("w:val"), "")) if jc is not None else None
    lines = [clean(line) for line in text.split("\n")]
    return [Paragraph("\n".join(line for line in lines if line), bold, align)]


def _cell_content(tc: Any, numbering: Numbering) -> tuple[tuple[str, ...], bool, tuple[str, ...]]:
    paragraphs: list[str] = []
    bolds: list[bool] = []
    italic: list[str] = []
    for child in _children(tc, (qn("w:p"), qn("w:tbl"))):
        if child.tag == qn("w:tbl"):  # a table inside a cell: its text, cell by cell
            for row in _children(child, (qn("w:tr"),)):
                for inner in _children(row, (qn("w:tc"),)):
                    more, bold, more_italic = _cell_content(inner, numbering)
                    paragraphs.extend(more)
                    bolds.extend([bold] * len(more))
                    italic.extend(more_italic)
            continue
        text, bold, it = _paragraph_runs(child, numbering)
        for line in text.split("\n"):
            if clean(line):
                paragraphs.append(clean(line))
                bolds.append(bold)
        italic.extend(it)
    return tuple(paragraphs), bool(bolds) and all(bolds), tuple(italic)


def _table(tbl: Any, numbering: Numbering, label: str) -> Table:
    rows: list[Row] = []
    above: dict[int, Cell] = {}  # grid column → the cell last seen there, for w:vMerge
    for number, tr in enumerate(_children(tbl, (qn("w:tr"),)), 1):
        tr_pr = tr.find(qn("w:trPr"))
        header = tr_pr is not None and _on(tr_pr.find(qn("w:tblHeader")))
        before = tr_pr.find(qn("w:gridBefore")) if tr_pr is not None else None
        col = int(before.get(qn("w:val"), "0")) if before is not None else 0
        cells: list[Cell] = []
        for tc in _children(tr, (qn("w:tc"),)):
            tc_pr = tc.find(qn("w:tcPr"))
            span, vmerge, hmerge = 1, None, None
            if tc_pr is not None:
                grid_span = tc_pr.find(qn("w:gridSpan"))
                span = max(1, int(grid_span.get(qn("w:val"), "1"))) if grid_span is not None else 1
                v = tc_pr.find(qn("w:vMerge"))
                vmerge = v.get(qn("w:val"), "continue") if v is not None else None
                h = tc_pr.find(qn("w:hMerge"))
                hmerge = h.get(qn("w:val"), "continue") if h is not None else None
            if hmerge == "continue" and cells:  # old-style horizontal merge: widen the previous cell
                last = cells[-1]
                cells[-1] = Cell(last.paragraphs, last.col, last.span + span, last.merged_above, last.bold, last.italic)
                for c in range(col, col + span):
                    above[c] = cells[-1]
                col += span
                continue
            if vmerge == "continue":
                top = above.get(col) or Cell((), col)
                cell = Cell(top.paragraphs, col, span, True, top.bold, top.italic)
            else:
                paragraphs, bold, italic = _cell_content(tc, numbering)
                cell = Cell(paragraphs, col, span, False, bold, italic)
            for c in range(col, col + span):
                above[c] = cell
            cells.append(cell)
            col += span
        rows.append(Row(tuple(cells), number, header))
    return Table(tuple(rows), label)
