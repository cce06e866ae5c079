"""``nastavnik ocr ФАЙЛ…`` — a text layer for scanned PDFs (see :mod:`generator.tools.ocr`)."""

from __future__ import annotations

import argparse

HELP = "добавить текстовый слой в PDF-сканы (распознавание текста)"
DESCRIPTION = (
    "Распознаёт текст в PDF без текстового слоя (сканах) и добавляет его невидимым слоем поверх страниц: "
    "файл можно искать и читать экранным диктором, изображения страниц не меняются. "
    "Нужны Tesseract с русским языком и Ghostscript."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="ФАЙЛ", help="PDF, например content/files/prikaz.pdf")


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    from pathlib import Path

    from generator.tools.ocr import add_text_layer

    lines = []
    failed = False
    for name in args.files:
        outcome = add_text_layer(Path(name))
        lines.append(f"{name}: {outcome.message}")
        failed = failed or outcome.failed
    return lines, 1 if failed else 0
