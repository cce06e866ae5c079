"""``check``: every PDF in ``content/`` should have a text layer.

A scan saved as PDF is a picture: a screen reader reads nothing of it, the site's search finds
nothing in it, and the post-build name guard cannot look inside it. Each such file is a warning
naming it and the fix — ``nastavnik ocr ФАЙЛ`` adds the text layer (OCRmyPDF), keeping the pages as
they are. The text layer is read by :func:`generator.checks.names.pdf.has_text_layer`, the reader
the name guard uses.
"""

from __future__ import annotations

import io
from pathlib import Path

from generator.checks.names.pdf import has_text_layer
from generator.errors import Problem, Severity


def _has_images(data: bytes) -> bool:
    """Whether a page draws an image (a scan does; an empty placeholder page does not)."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        for page in PdfReader(io.BytesIO(data)).pages:
            objects = (page.get("/Resources") or {}).get("/XObject") or {}
            if any(objects[name].get_object().get("/Subtype") in ("/Image", "/Form") for name in objects):
                return True
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError, RecursionError):
        return False
    return False


def pdf_text_problems(root: Path, folder: Path) -> list[Problem]:
    """A warning for every PDF under ``folder`` whose pages are pictures without any text."""
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.suffix.lower() != ".pdf" or not path.is_file() or path.is_symlink():
            continue
        try:
            data = path.read_bytes()
        except OSError:
            continue
        if has_text_layer(data) is False and _has_images(data):
            rel = path.relative_to(root).as_posix()
            found.append(
                Problem(
                    rel,
                    None,
                    "в PDF нет текстового слоя (это скан): его не прочтёт экранный диктор и не найдёт поиск по сайту",
                    f"добавьте текстовый слой командой nastavnik ocr {rel}",
                    Severity.WARNING,
                )
            )
    return found
