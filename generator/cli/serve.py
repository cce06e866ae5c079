"""``nastavnik serve [--dev-addr HOST:PORT]``: the live preview (:mod:`generator.engine.preview`): an edit
of ``data/`` re-renders only the pages it touches; other changes rebuild the whole site.

The work's imports are inside :func:`run`: :func:`generator.cli.main.parser` imports every verb's module
for its options, and no verb should load at start-up what only another one needs (MkDocs' server).
"""

from __future__ import annotations

import argparse

from generator.errors import UsageError

HELP = "предпросмотр с автообновлением"
DESCRIPTION = (
    "Запускает предпросмотр сайта; страница обновляется при изменении data/, content/, theme/ и mkdocs.yml. "
    "Правка в data/ перерисовывает только страницы, которые она затрагивает; остальные изменения — весь сайт."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dev-addr",
        default="127.0.0.1:8000",
        metavar="АДРЕС:ПОРТ",
        help="адрес предпросмотра (по умолчанию 127.0.0.1:8000)",
    )


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    from generator.engine.preview.server import serve
    from generator.project import Project

    project = Project.find()
    host, _, port = args.dev_addr.rpartition(":")
    if not host or not port.isdigit():
        raise UsageError(f"--dev-addr {args.dev_addr}: нужен адрес вида 127.0.0.1:8000")
    serve(project, host, int(port), say=lambda line: print(line, flush=True))
    return [], 0
