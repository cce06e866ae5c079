"""Pieces shared by the record models: the strict base, text types, consent, file references."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError


class Record(BaseModel):
    """Base of every model: unknown keys are errors, values are immutable, text is trimmed."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        populate_by_name=True,
        use_attribute_docstrings=False,
    )


Text = Annotated[str, StringConstraints(min_length=1, max_length=20_000)]
"""A non-empty line or paragraph of plain text (never interpreted as HTML or Markdown)."""

LongText = Annotated[str, StringConstraints(min_length=1, max_length=200_000)]
"""Markdown text (a biography, a practice's body); sanitised when rendered."""

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise PydanticCustomError(
            "nastavnik_id",
            "идентификатор «{value}» недопустим: нужны латинские строчные буквы, цифры и дефис",
            {"value": value},
        )
    return value


Id = Annotated[str, AfterValidator(_check_id)]
"""A record id as used in URLs: ``ivanova-mp``, ``dk-2025-2026``."""


def _check_year(value: int) -> int:
    if not 1990 <= value <= 2100:
        raise PydanticCustomError("nastavnik_year", "год {value} вне допустимых пределов 1990–2100", {"value": value})
    return value


Year = Annotated[int, AfterValidator(_check_year)]

_ACADEMIC_YEAR = re.compile(r"^(\d{4})\s*[-–/]\s*(\d{4})$")


def _check_academic_year(value: str) -> str:
    match = _ACADEMIC_YEAR.match(value)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise PydanticCustomError(
            "nastavnik_academic_year",
            "учебный год «{value}» записан неверно, нужно, например, 2025-2026",
            {"value": value},
        )
    return f"{match.group(1)}-{match.group(2)}"


AcademicYear = Annotated[str, AfterValidator(_check_academic_year)]

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_color(value: str) -> str:
    if not _COLOR.match(value):
        raise PydanticCustomError(
            "nastavnik_color", "цвет «{value}» записан неверно, нужен вид #1f4e8c", {"value": value}
        )
    return value.lower()


Color = Annotated[str, AfterValidator(_check_color)]


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s<>\"']+$", value, re.IGNORECASE):
        raise PydanticCustomError(
            "nastavnik_url", "адрес «{value}» должен начинаться с https:// или http://", {"value": value}
        )
    return value


Url = Annotated[str, AfterValidator(_check_url)]


def _check_file_path(value: str) -> str:
    """A path under ``content/`` written with forward slashes; never absolute, never ``..``."""
    path = value.replace("\\", "/")
    if path.startswith("/") or re.match(r"^[a-zA-Z]:", path) or ".." in path.split("/") or "://" in path:
        raise PydanticCustomError(
            "nastavnik_path",
            "путь «{value}» недопустим: нужен путь внутри папки content/, например files/polozhenie.pdf",
            {"value": value},
        )
    return path


ContentPath = Annotated[str, AfterValidator(_check_file_path)]
"""A file inside the portal's ``content/`` folder, e.g. ``files/polozhenie.pdf``."""

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise PydanticCustomError("nastavnik_email", "адрес почты «{value}» записан неверно", {"value": value})
    return value


Email = Annotated[str, AfterValidator(_check_email)]

ConsentScope = Literal["name", "photo", "bio", "honors", "contacts"]
DEFAULT_SCOPE: tuple[ConsentScope, ...] = ("name", "photo", "bio", "honors")


class Consent(Record):
    """Recorded consent to publish personal data (152-ФЗ, ст. 10.1)."""

    publish: bool = Field(title="Согласие на публикацию", description="true — согласие получено, false — нет")
    date: dt.date | None = Field(default=None, title="Дата согласия", description="Дата письменного согласия")
    by: Literal["self", "parent"] = Field(
        default="self",
        title="Кто дал согласие",
        description="self — сам человек; parent — родитель (законный представитель) несовершеннолетнего",
    )
    scope: tuple[ConsentScope, ...] = Field(
        default=DEFAULT_SCOPE,
        title="Что можно публиковать",
        description="name — имя, photo — фото, bio — рассказ о себе, honors — награды, contacts — рабочие контакты",
    )
    document: Text | None = Field(default=None, title="Документ", description="Где хранится согласие (номер, папка)")


class Contacts(Record):
    """Work contacts (never personal ones)."""

    email: Email | None = Field(default=None, title="Рабочая почта")
    phone: Text | None = Field(default=None, title="Рабочий телефон")
