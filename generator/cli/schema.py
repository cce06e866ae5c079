"""``nastavnik schema [-o DIR]``: JSON Schema of every kind of record, for completion and checks in VS Code.

The work's imports are inside :func:`run`: :func:`generator.cli.main.parser` imports every verb's module
for its options, and no verb should load at start-up what only another one needs (the models, pydantic).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.errors import NastavnikError
from generator.translate import os_error

HELP = "записать JSON Schema для редакторов"
DESCRIPTION = "Записывает JSON Schema каждого вида записей (для подсказок в VS Code)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="ПАПКА", default="schemas", help="папка для схем (по умолчанию schemas/)"
    )


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    from generator.editor.schema import write_schemas

    folder = Path(args.output)
    try:
        written = write_schemas(folder)
    except OSError as exc:
        raise NastavnikError(
            f"{folder}: не удалось записать схемы ({os_error(exc)}) — проверьте путь и права на папку"
        ) from None
    names = ", ".join(path.name for path in written)
    return [f"Схемы записаны в {folder}/: {names}"], 0
