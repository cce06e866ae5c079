"""Scanned roadmaps (a PDF without text, a JPG or PNG photo): not read yet — a Russian refusal."""

from __future__ import annotations

from pathlib import Path

from generator.errors import ImportFailed
from generator.importers.grid import Document


def read_scanned_pdf(path: Path, data: bytes) -> Document:
    raise ImportFailed(
        path.name,
        "в PDF нет текстового слоя — это скан",
        "возьмите исходный документ Word или PDF, сохранённый из редактора",
    )
