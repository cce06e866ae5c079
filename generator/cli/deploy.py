"""``nastavnik deploy [--push] [--allow-dirty] [--cname DOMAIN] [--remote NAME]``

The work's imports are inside :func:`run`: :func:`generator.cli.main.parser` imports every verb's module
for its options, and no verb should load at start-up what only another one needs.
"""

from __future__ import annotations

import argparse

HELP = "опубликовать site/ на GitHub Pages"
DESCRIPTION = "Публикует последнюю успешную сборку в ветку gh-pages (ghp-import)."


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--push", action="store_true", help="отправить ветку gh-pages на GitHub")
    parser.add_argument(
        "--allow-dirty", action="store_true", help="разрешить публикацию при незакоммиченных изменениях"
    )
    parser.add_argument("--cname", metavar="ДОМЕН", help="свой домен сайта (файл CNAME)")
    parser.add_argument("--remote", default="origin", help="удалённый репозиторий (по умолчанию origin)")


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    from generator.pipeline.deploy import DeployOptions, deploy
    from generator.project import Project

    project = Project.find()
    options = DeployOptions(push=args.push, allow_dirty=args.allow_dirty, cname=args.cname, remote=args.remote)
    return deploy(project, options), 0
