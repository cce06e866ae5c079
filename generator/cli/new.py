"""``nastavnik new DIR [--name …] [--short-name …] [--type school|college|department] [--synthetic N]``

A new school's portal from the scaffold (:mod:`generator.editor.scaffold`); with ``--synthetic N`` a district
portal of N fictional organizations for measuring (:mod:`generator.tools.synthetic`).

The work's imports are inside :func:`run`: :func:`generator.cli.main.parser` imports every verb's module
for its options, and no verb should load at start-up what only another one needs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.cli.argparse_ru import positive

HELP = "создать новый портал"
DESCRIPTION = "Создаёт папку нового портала с примерами данных; сразу собирается командой nastavnik build."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="ПАПКА", help="папка нового портала (пустая или несуществующая)")
    parser.add_argument("--name", help="полное наименование организации")
    parser.add_argument("--short-name", help="краткое наименование организации")
    parser.add_argument("--type", choices=("school", "college", "department"), default="school", help="тип организации")
    parser.add_argument(
        "--synthetic",
        type=positive,
        metavar="N",
        help="создать портал района из N вымышленных организаций (для замеров)",
    )


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    from generator import ru

    target = Path(args.dir)
    if args.synthetic:
        from generator.tools import synthetic

        synthetic.create(target, args.synthetic)
        orgs = ru.plural(args.synthetic, "организация", "организации", "организаций")
        return [f"Синтетический портал района ({orgs}) создан в {target}: cd {target} && nastavnik build"], 0
    from generator.editor.scaffold import create
    from generator.project import build_date

    written = create(target, args.name, args.short_name, args.type, build_date())
    return [
        f"Новый портал создан в {target}/: {ru.plural(len(written), 'файл', 'файла', 'файлов')} "
        "с образцами всех записей.",
        f"Дальше: cd {target} && nastavnik build — сайт появится в site/; "
        "что где лежит и как публиковать — в README.md.",
    ], 0
