"""``nastavnik check [--strict] [--format text|github]``

The work's imports are inside :func:`run`: :func:`generator.cli.main.parser` imports every verb's module
for its options, and no verb should load at start-up what only another one needs.
"""

from __future__ import annotations

import argparse

HELP = "проверить данные и показать все ошибки"
DESCRIPTION = "Проверяет data/ и content/: каждая ошибка — с файлом, строкой и советом, как исправить."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="считать предупреждения ошибками (для CI)")
    parser.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="text — для человека; github — аннотации GitHub Actions",
    )


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    from generator.district import check_portal_problems
    from generator.errors import format_problems
    from generator.project import Project

    project = Project.find()
    found = check_portal_problems(project)  # a school's, or a district's and every organization's
    problems = found.sorted()
    failed = found.failed(args.strict)
    if not problems:
        return ["Ошибок не найдено"], 0
    if args.format == "github":
        lines = [p.format_github() for p in problems]
    else:
        lines = format_problems(problems, strict=args.strict).splitlines()
    if not failed:
        lines.append("Ошибок не найдено")
    return lines, 1 if failed else 0
