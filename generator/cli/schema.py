"""``nastavnik schema [-o DIR]``: JSON Schema of every kind of record, for completion and checks in VS Code."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.editor.schema import write_schemas
from generator.errors import NastavnikError
from generator.translate import os_error


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    folder = Path(args.output)
    try:
        written = write_schemas(folder)
    except OSError as exc:
        raise NastavnikError(
            f"{folder}: не удалось записать схемы ({os_error(exc)}) — проверьте путь и права на папку"
        ) from None
    names = ", ".join(path.name for path in written)
    return [f"Схемы записаны в {folder}/: {names}"], 0
