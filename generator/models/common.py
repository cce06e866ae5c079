"""Pieces shared by the record models: the strict base, text types, consent, file references."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetJsonSchemaHandler, StringConstraints
from pydantic.config import JsonDict
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from generator.models.labels import describe


@dataclass(frozen=True)
class SchemaHint:
    """Extra keys for the JSON Schema (editor hints: pattern, format, widget); never changes validation."""

    items: tuple[tuple[str, Any], ...]

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        value = handler(schema)
        value.update(dict(self.items))
        return value


def hint(**keys: Any) -> SchemaHint:
    """``hint(pattern=…)``; keys spelled with ``_`` become ``-`` (``x_nastavnik`` → ``x-nastavnik``)."""
    return SchemaHint(tuple((key.replace("_", "-") if key.startswith("x_") else key, v) for key, v in keys.items()))


def labels(title: str, description: str) -> ConfigDict:
    """A model's Russian title and description, as editors see them in JSON Schema and the browser editor."""
    return ConfigDict(title=title, json_schema_extra={"description": description})


MULTILINE: JsonDict = {"x-nastavnik": "multiline"}
"""``json_schema_extra`` of a text field that usually holds a paragraph (a text area in the browser editor)."""


def refers_to(kind: str) -> JsonDict:
    """``json_schema_extra`` of a field that holds ids of another kind: ``mentors``, ``forms``, ``library``, …"""
    return {"x-nastavnik-ref": kind}


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

LongText = Annotated[str, StringConstraints(min_length=1, max_length=200_000), hint(x_nastavnik="markdown")]
"""Markdown text (a biography, a practice's body); sanitised when rendered."""

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def _check_id(value: str) -> str:
    if not _ID.fullmatch(value):
        raise PydanticCustomError(
            "nastavnik_id",
            "идентификатор «{value}» недопустим: нужны латинские строчные буквы, цифры и дефис",
            {"value": value},
        )
    return value


Id = Annotated[str, AfterValidator(_check_id), hint(pattern=_ID.pattern)]
"""A record id as used in URLs: ``ivanova-mp``, ``dk-2025-2026``."""


def _check_year(value: int) -> int:
    if not 1990 <= value <= 2100:
        raise PydanticCustomError("nastavnik_year", "год {value} вне допустимых пределов 1990–2100", {"value": value})
    return value


Year = Annotated[int, AfterValidator(_check_year), hint(minimum=1990, maximum=2100)]

_ACADEMIC_YEAR = re.compile(r"^(\d{4})\s*[-–/]\s*(\d{4})$")


def _check_academic_year(value: str) -> str:
    match = _ACADEMIC_YEAR.fullmatch(value)
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise PydanticCustomError(
            "nastavnik_academic_year",
            "учебный год «{value}» записан неверно, нужно, например, 2025-2026",
            {"value": value},
        )
    return f"{match.group(1)}-{match.group(2)}"


AcademicYear = Annotated[str, AfterValidator(_check_academic_year), hint(pattern=r"^\d{4}\s*[-–/]\s*\d{4}$")]

_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def _check_color(value: str) -> str:
    if not _COLOR.fullmatch(value):
        raise PydanticCustomError(
            "nastavnik_color", "цвет «{value}» записан неверно, нужен вид #1f4e8c", {"value": value}
        )
    return value.lower()


Color = Annotated[str, AfterValidator(_check_color), hint(pattern=_COLOR.pattern)]


def _check_url(value: str) -> str:
    if not re.match(r"^https?://[^\s<>\"']+$", value, re.IGNORECASE):
        raise PydanticCustomError(
            "nastavnik_url", "адрес «{value}» должен начинаться с https:// или http://", {"value": value}
        )
    return value


Url = Annotated[str, AfterValidator(_check_url), hint(pattern="^[hH][tT][tT][pP][sS]?://")]


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


ContentPath = Annotated[
    str, AfterValidator(_check_file_path), hint(pattern=r"^(?![a-zA-Z]:|/|\\)(?!.*://)", x_nastavnik="content-path")
]
"""A file inside the portal's ``content/`` folder, e.g. ``files/polozhenie.pdf``."""

_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[^@\s<>\"']+$")


def _check_email(value: str) -> str:
    if not _EMAIL.fullmatch(value):
        raise PydanticCustomError("nastavnik_email", "адрес почты «{value}» записан неверно", {"value": value})
    return value


Email = Annotated[str, AfterValidator(_check_email), hint(format="email")]

ConsentScope = Literal["name", "photo", "bio", "honors", "contacts"]
DEFAULT_SCOPE: tuple[ConsentScope, ...] = ("name", "photo", "bio", "honors")


class Consent(Record):
    """Recorded consent to publish personal data (152-ФЗ, ст. 10.1)."""

    model_config = labels(
        "Согласие на публикацию",
        "Письменное согласие на публикацию персональных данных (152-ФЗ, ст. 10.1); без него человек не публикуется",
    )

    publish: bool = Field(
        title="Согласие на публикацию",
        description="true — письменное согласие получено, false — нет (человек нигде на сайте не появится)",
    )
    date: dt.date | None = Field(
        default=None,
        title="Дата согласия",
        description="Дата письменного согласия, ГГГГ-ММ-ДД; обязательна, если согласие получено",
    )
    by: Literal["self", "parent"] = Field(
        default="self",
        title="Кто дал согласие",
        description=describe("consent_by", separator="; "),
    )
    scope: tuple[ConsentScope, ...] = Field(
        default=DEFAULT_SCOPE,
        title="Что можно публиковать",
        description=describe("consent_scope"),
    )
    document: Text | None = Field(
        default=None,
        title="Документ",
        description="Где хранится подписанное согласие: номер, папка; на сайте не показывается",
    )


class Contacts(Record):
    """Work contacts (never personal ones)."""

    model_config = labels("Рабочие контакты", "Только рабочие почта и телефон, никогда — личные")

    email: Email | None = Field(default=None, title="Рабочая почта", description="Например, familiya@school.example.ru")
    phone: Text | None = Field(default=None, title="Рабочий телефон", description="Например, +7 (000) 000-00-00")
