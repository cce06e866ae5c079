"""``nastavnik check [--strict] [--format text|github]``"""

from __future__ import annotations

import argparse

from generator.district import check_portal_problems
from generator.errors import format_problems
from generator.project import Project


def run(args: argparse.Namespace) -> tuple[list[str], int]:
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
