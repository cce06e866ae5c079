"""``nastavnik audit [--strict] [--format text|github|html|xlsx] [-o FILE]``

The work's imports are inside :func:`run`: :func:`generator.cli.main.parser` imports every verb's module
for its options, and no verb should load at start-up what only another one needs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "проверить раздел так, как его проверит инспектор"
DESCRIPTION = (
    "Проверяет по данным и собранному сайту то, что спрашивают при проверке раздела «Наставничество»: "
    "положение, приказ, дорожную карту, программу, куратора, формы, мониторинг, документы, версию для "
    "слабовидящих, дату обновления. У каждого требования — источник. Сначала выполните nastavnik build."
)
DEFAULT_FILES = {"html": "audit.html", "xlsx": "audit.xlsx"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", help="код выхода 1, если не хватает обязательного (для CI)")
    parser.add_argument(
        "--format",
        choices=("text", "github", "html", "xlsx"),
        default="text",
        help="text — для человека; github — аннотации GitHub Actions; html и xlsx — отчёт для директора",
    )
    parser.add_argument("-o", "--output", metavar="ФАЙЛ", help="куда записать отчёт html/xlsx (audit.html, audit.xlsx)")


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    from generator.checks.audit import Inputs, audit
    from generator.checks.audit.report import github_lines, html_report, summary, text_lines, xlsx_report
    from generator.portal.check import checked_portal
    from generator.project import Project

    project = Project.find()
    portal = checked_portal(project)
    site = project.site_dir
    findings = audit(Inputs(portal, project.content_dir, site if (site / "index.html").is_file() else None))
    code = 1 if args.strict and any(f.failed for f in findings) else 0
    if args.format == "github":
        return github_lines(findings), code
    if args.format == "text":
        return text_lines(findings), code
    writer = html_report if args.format == "html" else xlsx_report
    output = Path(args.output or DEFAULT_FILES[args.format])
    output.write_bytes(writer(findings, portal.organization.short_name, portal.today))
    return [f"Отчёт записан в {output}", summary(findings)], code
