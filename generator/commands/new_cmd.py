"""``nastavnik new DIR [--name …] [--short-name …] [--type school|college|department]``: a new portal."""

from __future__ import annotations

import argparse
from pathlib import Path

from .. import ru
from ..project import build_date
from ..scaffold import create


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    target = Path(args.dir)
    written = create(target, args.name, args.short_name, args.type, build_date())
    return [
        f"Новый портал создан в {target}/: {ru.plural(len(written), 'файл', 'файла', 'файлов')} "
        "с образцами всех записей.",
        f"Дальше: cd {target} && nastavnik build — сайт появится в site/; "
        "что где лежит и как публиковать — в README.md.",
    ], 0
