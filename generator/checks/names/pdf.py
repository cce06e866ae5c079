"""The text layer of a PDF, page by page (pypdf); a PDF without one is reported: it cannot be checked."""

from __future__ import annotations

import io
from collections.abc import Iterator

from generator.checks.names.pieces import Piece, Unread

_HINT = "замените файл таким, где есть текстовый слой (сохраните документ в PDF из редактора, не сканом)"


def load_reader() -> None:
    """Import the PDF reader ahead of its first file (a child checking pages has time for it before the first)."""
    import pypdf  # noqa: F401


def pdf_texts(rel: str, where: str | None, data: bytes) -> Iterator[Piece | Unread]:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    inside = f"{where}, " if where else ""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            yield Unread(rel, "PDF защищён паролем: его нельзя проверить", _HINT)
            return
        meta = reader.metadata or {}
        texts = [" ".join(str(v) for v in meta.values() if isinstance(v, str))]
        yield Piece(rel, f"{inside}свойства документа", texts[0])
        found = False
        for number, page in enumerate(reader.pages, start=1):
            text = page.extract_text() or ""
            found = found or bool(text.strip())
            yield Piece(rel, f"{inside}страница {number}", text)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        yield Unread(rel, "PDF повреждён: его нельзя прочитать и проверить", _HINT)
        return
    if not found:
        yield Unread(
            rel,
            "в PDF нет текстового слоя (скан или картинки): имена в нём проверить нельзя",
            "проверьте файл глазами или " + _HINT,
            error=False,
        )


def has_text_layer(data: bytes) -> bool | None:
    """Whether any page of the PDF has text; None when it cannot be read (damaged, locked)."""
    for piece in pdf_texts("", None, data):
        if isinstance(piece, Unread):
            return False if not piece.error else None
        if piece.where.startswith("страница") and piece.text.strip():
            return True
    return False
