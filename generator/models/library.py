"""``data/library/<id>.yaml``: a document of the «Методическая копилка»."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from generator.models.catalogue import CATALOGUE
from generator.models.common import MULTILINE, ContentPath, Id, Record, Text, Url, Year, labels, refers_to
from generator.models.labels import LABELS, describe

Category = Literal["federal", "regional", "local", "programs", "methods", "forms"]
Kind = Literal[
    "regulation",
    "order",
    "disposition",
    "resolution",
    "federal_law",
    "program",
    "guidelines",
    "questionnaire",
    "template",
    "plan",
    "report",
    "letter",
    "other",
]


def _known_entry(value: str) -> str:
    if value not in CATALOGUE:
        known = ", ".join(sorted(CATALOGUE))
        raise PydanticCustomError(
            "nastavnik_catalogue",
            "документа «{value}» нет в каталоге федеральных документов (есть: {known})",
            {"value": value, "known": known},
        )
    return value


def _schema_with_catalogue(schema: dict[str, Any]) -> None:
    """A record with ``catalogue:`` needs no title, category or kind of its own: the catalogue fills them in."""
    schema["description"] = (
        "Документ «Методической копилки»: файл в content/files/ или ссылка на другой сайт; один документ — один файл"
    )
    own = ["title", "category", "kind"]
    schema["required"] = [name for name in schema.get("required", []) if name not in own]
    schema["anyOf"] = [{"required": ["catalogue"]}, {"required": own}]
    catalogue = schema["properties"]["catalogue"]
    catalogue.pop("anyOf", None)
    catalogue["enum"] = sorted(CATALOGUE)
    catalogue["enumDescriptions"] = [LABELS["catalogue"][key] for key in sorted(CATALOGUE)]


class Signature(Record):
    """The electronic signature a signed document carries, as its signature panel shows it."""

    model_config = labels("Электронная подпись", "Кто подписал документ, сертификат и дата подписи")

    signer: Text = Field(
        title="Кто подписал", description="Должность и ФИО, как в отметке о подписи: «Директор Иванов И. И.»"
    )
    certificate: Text = Field(title="Сертификат", description="Серийный номер сертификата, например 01A2B3…")
    date: dt.date = Field(title="Дата подписи", description="ГГГГ-ММ-ДД")
    valid_from: dt.date | None = Field(default=None, title="Сертификат действует с", description="ГГГГ-ММ-ДД")
    valid_to: dt.date | None = Field(default=None, title="Сертификат действует по", description="ГГГГ-ММ-ДД")


class Document(Record):
    model_config = ConfigDict(
        title="Документ копилки",
        json_schema_extra=_schema_with_catalogue,
    )

    catalogue: Annotated[Id, AfterValidator(_known_entry)] | None = Field(
        default=None,
        title="Из каталога федеральных документов",
        description="Ключ документа, например r-145 или 3273-r: название, вид, номер и дата подставятся сами",
    )
    title: Text = Field(
        title="Название документа", description="Как в самом документе, например «Положение о наставничестве»"
    )
    category: Category = Field(
        title="Раздел копилки",
        description=describe("category"),
    )
    kind: Kind = Field(
        title="Вид",
        description=describe("kind"),
    )
    number: Text | None = Field(default=None, title="Номер", description="Номер документа, например 45-о")
    date: dt.date | None = Field(default=None, title="Дата документа", description="ГГГГ-ММ-ДД, например 2026-08-30")
    file: ContentPath | None = Field(
        default=None, title="Файл", description="В папке content/, например files/polozhenie.pdf"
    )
    url: Url | None = Field(
        default=None, title="Ссылка", description="Если документ лежит на другом сайте: адрес, начиная с https://"
    )
    description: Text | None = Field(
        default=None,
        title="Описание",
        description="Одно-два предложения: кому и зачем нужен документ",
        json_schema_extra=MULTILINE,
    )
    forms: tuple[Id, ...] = Field(
        default=(),
        title="Формы наставничества",
        description="Идентификаторы форм из data/program.yaml, к которым относится документ",
        json_schema_extra=refers_to("forms"),
    )
    year: Year | None = Field(
        default=None, title="Год", description="Год, к которому относится документ, например 2026"
    )
    signature: Signature | None = Field(
        default=None,
        title="Электронная подпись",
        description="Если документ подписан электронной подписью: кто подписал, сертификат, дата",
    )
    consent_form: bool = Field(
        default=False,
        title="Бланк согласия",
        description="true — показывать документ на странице «Родителям» среди бланков согласия",
    )

    @model_validator(mode="before")
    @classmethod
    def _from_catalogue(cls, data: Any) -> Any:
        """``catalogue: r-145`` fills in what the editor did not write."""
        if isinstance(data, dict) and isinstance(data.get("catalogue"), str) and data["catalogue"] in CATALOGUE:
            return {**CATALOGUE[data["catalogue"]].fields(), **data}
        return data
