"""``data/library/<id>.yaml``: a document of the «Методическая копилка»."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from generator.models.common import MULTILINE, ContentPath, Id, Record, Text, Url, Year, labels, refers_to
from generator.models.labels import describe

Category = Literal["federal", "regional", "local", "programs", "methods", "forms"]
Kind = Literal[
    "regulation", "order", "program", "guidelines", "questionnaire", "template", "plan", "report", "letter", "other"
]


class Document(Record):
    model_config = labels(
        "Документ копилки",
        "Документ «Методической копилки»: файл в content/files/ или ссылка на другой сайт; один документ — один файл",
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
    consent_form: bool = Field(
        default=False,
        title="Бланк согласия",
        description="true — показывать документ на странице «Родителям» среди бланков согласия",
    )
