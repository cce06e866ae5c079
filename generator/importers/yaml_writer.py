"""An imported :class:`~generator.models.Roadmap` → the YAML an editor will read and edit.

Block style throughout, one value a line (a folded line is easy to break when editing), Russian
text as is (no ``\\u`` escapes), keys in the model's order, empty fields left out, dates unquoted
(``2024-08-30`` loads back as a date), values that YAML would misread («1», «2.1», «да») quoted.
A blank line separates blocks and sections; the header comments name the source file and the
date of the import.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from generator import ru
from generator.models.roadmap import Roadmap


class _Dumper(yaml.SafeDumper):
    """Indents lists under their key («sections:\\n  - …»), as the hand-written files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)

    def ignore_aliases(self, data: Any) -> bool:
        return True  # never «&id001» / «*id001»: the loader refuses them, and people cannot read them


def _represent_tuple(dumper: yaml.SafeDumper, data: tuple[Any, ...]) -> yaml.Node:
    return dumper.represent_list(list(data))


_Dumper.add_representer(tuple, _represent_tuple)


def roadmap_yaml(roadmap: Roadmap, source: str, imported_on: dt.date) -> str:
    data = roadmap.model_dump(mode="python", exclude_none=True, exclude_defaults=True)
    if roadmap.recognized is not None:  # read by OCR: the confirmation field is written, to be set by the editor
        data["recognized"] = {"confirmed": roadmap.recognized.confirmed, **data.get("recognized", {})}
    body = yaml.dump(
        data,
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=1_000_000,
        indent=2,
    )
    header = (
        f"# Дорожная карта, импортированная из «{source}» {ru.date(imported_on)} командой nastavnik import.\n"
        "# Тексты перенесены как в документе. Что программа не поняла, уточните здесь: срок — полем periods\n"
        "# у мероприятия (start, end, recurrence), выполнение — полем status (planned, in_progress, done, cancelled).\n"
    )
    if roadmap.recognized is not None:
        header += (
            "# РАСПОЗНАНО АВТОМАТИЧЕСКИ — ПРОВЕРЬТЕ: текст прочитан со скана. Сверьте его с документом, особенно\n"
            "# ячейки из списка recognized.doubtful (пустые там — не распознаны), затем поставьте confirmed: true.\n"
        )
    return header + "\n" + _spaced(body)


_BLOCKS = {"approval", "goal", "tasks", "columns", "column_roles", "sections", "extra_tables", "source", "recognized"}


def _spaced(body: str) -> str:
    """A blank line before each block (approval, tasks, sections …) and between sections and extra tables."""
    out: list[str] = []
    key = ""
    first_in_list = False
    for line in body.splitlines():
        if line and not line[0].isspace():
            if out and (out[-1][:1].isspace() or line.split(":", 1)[0] in _BLOCKS):
                out.append("")
            key = line.split(":", 1)[0]
            first_in_list = True
        elif line.startswith("  - ") and key in ("sections", "extra_tables"):
            if not first_in_list:
                out.append("")
            first_in_list = False
        out.append(line)
    return "\n".join(out) + "\n"
