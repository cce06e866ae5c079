"""``nastavnik build [--strict] [--org ID] [--jobs N] [--timings FILE] [--prebuilt DIR] [--orgs ID,… --into DIR] [--no-cache]``

Every portal is built by :func:`generator.pipeline.build.build`: a school as one section, a district's
(``data/organizations/``) organizations in parallel with its own section on top, or one with ``--org``.

The work's imports are inside the functions: :func:`generator.cli.main.parser` imports every verb's module
for its options, and no verb should load at start-up what only another one needs (the build, MkDocs).
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from generator.cli.argparse_ru import positive
from generator.errors import UsageError
from generator.translate import os_error

if TYPE_CHECKING:
    from generator.options import BuildOptions
    from generator.pipeline.build import BuildReport
    from generator.progress import Progress
    from generator.project import Project

HELP = "собрать сайт в site/"
DESCRIPTION = "Проверяет данные и собирает сайт в site/. Если сборка не удалась, прежний site/ не меняется."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="считать предупреждения ошибками")
    parser.add_argument("--org", metavar="ID", help="собрать раздел только одной организации (портал района)")
    parser.add_argument(
        "--jobs", type=positive, metavar="N", help="сколько процессов использовать (по умолчанию — по числу ядер)"
    )
    parser.add_argument("--timings", metavar="ФАЙЛ", help="записать время этапов сборки в JSON-файл")
    parser.add_argument(
        "--prebuilt",
        metavar="ПАПКА",
        help="портал района: взять готовые разделы организаций из ПАПКА/<ID>/ (собранные build --org ID, "
        "например в задачах CI), а собрать только недостающие и раздел района",
    )
    _cache_argument(parser)


def _cache_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--orgs",
        metavar="ID,ID…",
        help="портал района: собрать разделы только этих организаций (через запятую) в папку --into, "
        "не трогая site/ (часть сборки в задаче CI; список частей — nastavnik shards)",
    )
    parser.add_argument("--into", metavar="ПАПКА", help="куда --orgs кладёт разделы: ПАПКА/<ID>/")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="собрать все разделы заново, не беря готовые из .cache/ (кэш затем обновится собранным)",
    )


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    from generator.options import BuildOptions
    from generator.progress import Progress
    from generator.project import Project
    from generator.timings import timings_json

    project = Project.find()
    options = BuildOptions.from_args(args)  # the one object every stage of the build reads
    progress = Progress.for_build(district=project.is_district)
    try:
        report, summary = _build(project, options, progress)
    finally:
        progress.done()
    lines = [w.format() for w in report.warnings]
    if options.timings is not None:
        doc = timings_json(
            report.timings,
            report.seconds,
            report.pages,
            report.records,
            report.peak_rss_mb,
            reused=sorted(report.reused),  # sections taken from .cache/ ("" — the portal's own)
            built=sorted(report.built),
        )
        target = options.timings
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"--timings {args.timings}: файл не записан ({os_error(exc)}) — сайт собран") from None
    lines.extend(report.notes)
    lines.append(summary)
    return lines, 0


def _build(project: Project, options: BuildOptions, progress: Progress) -> tuple[BuildReport, str]:
    """The build ``options`` ask for, and the line that sums it up."""
    from generator.pipeline.build import build

    report = build(project, options, progress)
    return report, report.summary()
