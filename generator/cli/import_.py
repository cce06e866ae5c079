"""``nastavnik import FILE [--id ID] [--current] [--force]`` → ``data/roadmaps/<ID>.yaml``.

Nothing is written unless the whole document was read: the YAML is built and checked first, then
written in one step (a temporary file renamed over the target), and only then is
``current_roadmap:`` changed in ``data/program.yaml`` — by editing that one line, so the editor's
comments and formatting stay as they were.

The work's imports are inside the functions: :func:`generator.cli.main.parser` imports every verb's module
for its options, and no verb should load at start-up what only another one needs (the importers, pydantic).
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from pathlib import Path

from generator.errors import ImportFailed, UsageError

HELP = "импортировать дорожную карту из документа, таблицы, PDF или скана"
DESCRIPTION = (
    "Читает дорожную карту из документа Word или OpenDocument, таблицы Excel или CSV, PDF или скана "
    "(PDF без текста, JPG, PNG) и записывает data/roadmaps/ID.yaml. Форматы .doc, .rtf, .odt, .xls, .ods "
    "открываются через LibreOffice; скан распознаёт Tesseract — проверьте ячейки, которые перечислит отчёт."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file",
        metavar="ФАЙЛ",
        help="файл .docx, .doc, .odt, .rtf, .pdf, .xlsx, .xls, .ods, .csv или скан .jpg, .jpeg, .png",
    )
    parser.add_argument(
        "--id", metavar="ID", help="имя файла дорожной карты (латиницей); по умолчанию — из названия и периода"
    )
    parser.add_argument("--current", action="store_true", help="сделать её текущей дорожной картой в data/program.yaml")
    parser.add_argument("--force", action="store_true", help="перезаписать существующий файл")


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    from generator.importers import import_roadmap
    from generator.importers.naming import derive_id, valid_id
    from generator.importers.summary import summary_lines
    from generator.importers.yaml_writer import roadmap_yaml
    from generator.project import Project, build_date

    project = Project.find()
    if args.id is not None and not valid_id(args.id):
        raise UsageError(f"--id {args.id}: нужны латинские строчные буквы, цифры и дефис, например --id dk-2025-2026")
    program = project.data_dir / "program.yaml"
    if args.current and not program.is_file():
        raise UsageError("--current: нет файла data/program.yaml, в котором указывается текущая дорожная карта")
    today = build_date()
    source = Path(args.file)
    imported = import_roadmap(source, today)
    roadmap = imported.roadmap
    roadmap_id = args.id or derive_id(roadmap.title, roadmap.period)
    target = project.data_dir / "roadmaps" / f"{roadmap_id}.yaml"
    shown = target.relative_to(project.root).as_posix()
    if target.exists() and not args.force:
        raise ImportFailed(
            shown,
            "такой файл уже есть, он не перезаписан",
            "добавьте --force, чтобы заменить его, или выберите другое имя: --id ДРУГОЙ-ID",
        )
    replaced = target.exists()
    text = roadmap_yaml(roadmap, source.name, today)
    _check_written_form(text, source.name)
    _write(target, text)
    lines = summary_lines(imported, shown)
    if replaced:
        lines.append(
            f"Файл {shown} заменён (--force): статусы и ссылки, вписанные в него вручную, остались только в истории git."
        )
    if args.current:
        set_current_roadmap(program, roadmap_id)
        lines.append(f"Текущая дорожная карта: {roadmap_id} (строка current_roadmap в data/program.yaml)")
    lines.append("Дальше: nastavnik check — проверка данных, nastavnik build — сборка сайта.")
    return lines, 0


def _check_written_form(text: str, source: str) -> None:
    """The YAML reads back into the same roadmap, or nothing is written."""
    from pydantic import ValidationError

    from generator.models.roadmap import Roadmap
    from generator.sources.yaml_parse import LoadError, parse_yaml

    try:
        data, _ = parse_yaml(text)
    except LoadError as exc:
        raise ImportFailed(source, f"прочитанное не удалось сохранить ({exc.message})") from None
    try:
        Roadmap.model_validate(data)
    except ValidationError as exc:
        raise ImportFailed(source, f"прочитанное не удалось сохранить ({exc.error_count()} ошибок в данных)") from None


def _write(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def set_current_roadmap(program: Path, roadmap_id: str) -> None:
    """Point ``current_roadmap:`` at ``roadmap_id``, changing that line only (its comment and line end kept)."""
    lines = program.read_text("utf-8-sig").splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith("current_roadmap:"):
            body = line.rstrip("\r\n")
            comment = re.search(r"\s+#.*$", body)
            lines[index] = f"current_roadmap: {roadmap_id}{comment.group(0) if comment else ''}{line[len(body) :]}"
            break
    else:
        if lines and not lines[-1].endswith("\n"):
            lines[-1] += "\n"
        lines.append(f"current_roadmap: {roadmap_id}\n")
    _write(program, "".join(lines))
