"""``nastavnik export [--roadmap ID] --format json|xlsx|csv|ics [-o FILE]``

The work's imports are inside :func:`run`: :func:`generator.cli.main.parser` imports every verb's module
for its options, and no verb should load at start-up what only another one needs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.errors import UsageError

HELP = "выгрузить дорожную карту (json, xlsx, csv, ics)"
DESCRIPTION = "Выгружает дорожную карту в машиночитаемом виде."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--roadmap", metavar="ID", help="какую дорожную карту (по умолчанию — текущую)")
    parser.add_argument("--format", required=True, choices=("json", "xlsx", "csv", "ics"), help="формат выгрузки")
    parser.add_argument("-o", "--output", metavar="ФАЙЛ", help="куда записать (по умолчанию json/csv/ics — на экран)")


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    from generator.portal.check import checked_portal
    from generator.project import Project
    from generator.render.exports import EXPORTERS

    project = Project.find()
    portal = checked_portal(project)
    if args.roadmap:
        roadmap = next((r for r in portal.roadmaps if r.id == args.roadmap), None)
        if roadmap is None:
            known = ", ".join(sorted(r.id for r in portal.roadmaps)) or "нет ни одной"
            raise UsageError(f"--roadmap {args.roadmap}: такой дорожной карты нет в data/roadmaps/ (есть: {known})")
    else:
        roadmap = portal.current_roadmap
        if roadmap is None:
            raise UsageError("в портале нет дорожных карт: импортируйте её командой nastavnik import ФАЙЛ")
    exporter = EXPORTERS.get(args.format)
    if exporter is None:  # pragma: no cover - argparse limits the choices
        raise UsageError(f"формат {args.format} не поддерживается")
    payload = exporter.write(roadmap, portal.site_url, portal.today)  # the same bytes as the site's /roadmap.*
    output = args.output or (f"{roadmap.id}{exporter.suffix}" if exporter.binary else None)
    if output is None:
        # On the screen the CSV's byte-order mark (there for Excel) would only be a stray character.
        return [payload.decode("utf-8-sig").rstrip("\n")], 0
    Path(output).write_bytes(payload)
    return [f"Дорожная карта «{roadmap.id}» выгружена в {output} ({args.format})"], 0
