"""``nastavnik new DIR [--name …] [--short-name …] [--type school|college|department] [--synthetic N]``

A new school's portal from the scaffold (:mod:`generator.editor.scaffold`); with ``--synthetic N`` a district
portal of N fictional organizations for measuring (:mod:`generator.tools.synthetic`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from generator import ru
from generator.editor.scaffold import create
from generator.project import build_date


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    target = Path(args.dir)
    if args.synthetic:
        from generator.tools import synthetic

        synthetic.create(target, args.synthetic)
        orgs = ru.plural(args.synthetic, "организация", "организации", "организаций")
        return [f"Синтетический портал района ({orgs}) создан в {target}: cd {target} && nastavnik build"], 0
    written = create(target, args.name, args.short_name, args.type, build_date())
    return [
        f"Новый портал создан в {target}/: {ru.plural(len(written), 'файл', 'файла', 'файлов')} "
        "с образцами всех записей.",
        f"Дальше: cd {target} && nastavnik build — сайт появится в site/; "
        "что где лежит и как публиковать — в README.md.",
    ], 0
