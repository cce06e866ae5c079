"""``nastavnik new DIR``: a new portal repository that builds at once.

The templates live in ``generator/templates/scaffold/``: ``*.j2`` files are rendered (Jinja2 with
``[[ … ]]`` and ``[% … %]``, so that GitHub's ``${{ … }}`` in the workflows stays as it is), the
rest is copied. A leading ``dot-`` in a name stands for ``.`` (package data keeps no dot-files), and
``__roadmap_id__`` / ``__today__`` in a name are replaced. The JSON Schemas and ``.vscode/`` are
written from :mod:`generator.editor.schema`, so a new portal's editor hints match the installed generator.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from generator import __version__, ru, urls
from generator.editor.decap import DECAP_VERSION, YAML_VERSION
from generator.editor.schema import SCHEMA_DIR, vscode_settings, write_schemas
from generator.errors import NastavnikError

TEMPLATES = Path(__file__).parents[1] / "templates" / "scaffold"
WORKFLOWS = ("pull-request.yml", "publish.yml")


@dataclass(frozen=True)
class Form:
    id: str
    title: str
    variants: tuple[str, ...]
    description: str


SCHOOL_FORMS = (
    Form(
        "teacher-teacher", "Учитель – учитель", ("Опытный педагог – молодой специалист",), "Педагог помогает коллеге."
    ),
    Form(
        "teacher-pupil",
        "Учитель – ученик",
        ("Учитель – ученик с особыми образовательными потребностями",),
        "Педагог ведёт ученика.",
    ),
    Form("pupil-pupil", "Ученик – ученик", ("Успевающий – неуспевающий",), "Старшие помогают младшим."),
    Form("employer-pupil", "Работодатель – ученик", ("Специалист предприятия – старшеклассник",), "Профориентация."),
)
COLLEGE_FORMS = (
    Form(
        "teacher-teacher", "Педагог – педагог", ("Опытный педагог – молодой специалист",), "Педагог помогает коллеге."
    ),
    Form("teacher-student", "Педагог – студент", ("Куратор – первокурсник",), "Педагог ведёт студента."),
    Form("student-student", "Студент – студент", ("Старшекурсник – первокурсник",), "Старшие помогают младшим."),
    Form(
        "employer-student",
        "Работодатель – студент",
        ("Специалист предприятия – студент",),
        "Практика и трудоустройство.",
    ),
)


@dataclass(frozen=True)
class OrgType:
    """What differs between a school, a college and an education department."""

    name: str
    short_name: str
    forms: tuple[Form, ...]
    head_position: str
    curator_position: str
    mentor_position: str
    mentor_subject: str


ORG_TYPES: dict[str, OrgType] = {
    "school": OrgType(
        "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 1 г. Примерска»",
        "МБОУ «Школа № 1»",
        SCHOOL_FORMS,
        "Директор",
        "Заместитель директора по учебно-воспитательной работе",
        "Учитель русского языка и литературы",
        "Русский язык и литература",
    ),
    "college": OrgType(
        "Государственное бюджетное профессиональное образовательное учреждение «Примерский политехнический колледж»",
        "ГБПОУ «Примерский политехнический колледж»",
        COLLEGE_FORMS,
        "Директор",
        "Заместитель директора по учебно-методической работе",
        "Преподаватель специальных дисциплин",
        "Технология машиностроения",
    ),
    "department": OrgType(
        "Управление образования администрации г. Примерска",
        "Управление образования г. Примерска",
        SCHOOL_FORMS,
        "Начальник управления образования",
        "Главный специалист, муниципальный куратор наставничества",
        "Учитель математики, руководитель муниципального методического объединения",
        "Математика",
    ),
}


def create(target: Path, name: str | None, short_name: str | None, org_type: str, today: dt.date) -> list[Path]:
    """Write a new portal into ``target`` (missing or empty); return the files written."""
    ensure_empty(target)
    context = scaffold_context(name, short_name, org_type, today)
    env = template_env()
    written: list[Path] = []
    for source in sorted(p for p in TEMPLATES.rglob("*") if p.is_file()):
        rel = source.relative_to(TEMPLATES).as_posix()
        dest = target / output_path(rel, context)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.suffix == ".j2":
            dest.write_text(env.get_template(rel).render(context), encoding="utf-8")
        else:
            dest.write_bytes(source.read_bytes())
        written.append(dest)
    written.append(_write_lock(target / "requirements" / "runtime.lock"))
    written += write_schemas(target / SCHEMA_DIR)
    written += _write_vscode(target / ".vscode")
    return written


def ensure_empty(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise NastavnikError(f"{target}: это файл, а не папка — укажите папку для нового портала")
    if target.is_dir() and any(target.iterdir()):
        raise NastavnikError(
            f"{target}: папка не пуста — новый портал создаётся только в пустой или ещё не существующей папке, "
            "чтобы ничего не перезаписать; укажите другую папку"
        )


def scaffold_context(name: str | None, short_name: str | None, org_type: str, today: dt.date) -> dict[str, Any]:
    kind = ORG_TYPES[org_type]
    year1 = today.year if today.month >= 9 else today.year - 1
    return {
        "name": name or kind.name,
        "short_name": short_name or name or kind.short_name,
        "type": org_type,
        "forms": kind.forms,
        "head_position": kind.head_position,
        "curator_position": kind.curator_position,
        "mentor_position": kind.mentor_position,
        "mentor_subject": kind.mentor_subject,
        "year1": year1,
        "year2": year1 + 1,
        "roadmap_id": f"dk-{year1}-{year1 + 1}",
        "consent_date": dt.date(year1, 9, 1).isoformat(),
        "approval_date": dt.date(year1, 8, 30).isoformat(),
        "today": today.isoformat(),
        "today_ru": ru.date(today),
        "version": __version__,
        "decap_version": DECAP_VERSION,
        "yaml_version": YAML_VERSION,
        "nav": urls.nav(),  # mkdocs.yml's nav: the URL map
    }


def template_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        variable_start_string="[[",
        variable_end_string="]]",
        block_start_string="[%",
        block_end_string="%]",
        comment_start_string="[#",
        comment_end_string="#]",
        keep_trailing_newline=True,
        undefined=StrictUndefined,
        autoescape=False,  # YAML and Markdown; values pass through the yaml filter where it matters
    )
    env.filters["yaml"] = yaml_scalar
    return env


def yaml_scalar(value: Any) -> str:
    """A value as one line of YAML (plain where that is safe, quoted otherwise; lists in flow style)."""
    if isinstance(value, tuple):
        value = list(value)
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**6)
    return text.removesuffix("\n").removesuffix("\n...")


def output_path(rel: str, context: dict[str, Any]) -> str:
    parts = []
    for part in rel.split("/"):
        if part.startswith("dot-"):
            part = "." + part.removeprefix("dot-")
        part = part.removesuffix(".j2")
        part = part.replace("__roadmap_id__", context["roadmap_id"]).replace("__today__", context["today"])
        parts.append(part)
    return "/".join(parts)


def render_workflow(name: str) -> str:
    """A workflow as ``nastavnik new`` writes it (this repository keeps the same files)."""
    context = scaffold_context(None, None, "school", dt.date(2026, 9, 1))
    return template_env().get_template(f"dot-github/workflows/{name}.j2").render(context)


def _write_lock(dest: Path) -> Path:
    """The generator's own runtime lock: a portal installs exactly the versions its release was tested with."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(importlib.resources.files("generator.requirements").joinpath("runtime.lock").read_bytes())
    return dest


def _write_vscode(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    settings = folder / "settings.json"
    settings.write_text(json.dumps(vscode_settings(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    extensions = folder / "extensions.json"
    extensions.write_text(json.dumps({"recommendations": ["redhat.vscode-yaml"]}, indent=2) + "\n", encoding="utf-8")
    return [settings, extensions]
