"""``nastavnik shards [--max N]``: a district's organizations in balanced groups, as JSON, for a CI matrix.

Prints ``[{"name": "1", "orgs": "a,b", "key": "…"}, …]`` on one line (:func:`generator.pipeline.shards.plan`):
each group is built by ``nastavnik build --orgs a,b --into DIR`` in a job of its own, ``key`` keys its
section cache. The work's imports are inside :func:`run`, as for every verb.
"""

from __future__ import annotations

import argparse

from generator.cli.argparse_ru import positive

HELP = "разделить организации района на части для сборки на нескольких машинах (JSON)"
DESCRIPTION = (
    "Печатает JSON-список частей: в каждой — организации (через запятую) примерно равного объёма и ключ кэша "
    "их разделов. Нужен задаче plan в GitHub Actions для портала района."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max",
        type=positive,
        default=256,
        metavar="N",
        help="не больше N частей (по умолчанию 256 — предел матрицы GitHub Actions)",
    )


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    import json

    from generator.pipeline.shards import plan
    from generator.project import Project

    return [json.dumps(plan(Project.find(), args.max), ensure_ascii=False, separators=(",", ":"))], 0
