"""``data/library/<id>.yaml``: a document of the «Методическая копилка»."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .common import ContentPath, Id, Record, Text, Url, Year

Category = Literal["federal", "regional", "local", "programs", "methods", "forms"]
Kind = Literal[
    "regulation", "order", "program", "guidelines", "questionnaire", "template", "plan", "report", "letter", "other"
]


class Document(Record):
    title: Text = Field(title="Название документа")
    category: Category = Field(
        title="Раздел копилки",
        description="federal — федеральные, regional — региональные, local — локальные нормативные документы, "
        "programs — программы, methods — методические материалы, forms — анкеты и формы",
    )
    kind: Kind = Field(
        title="Вид",
        description="regulation — положение, order — приказ, program — программа, guidelines — методические "
        "рекомендации, questionnaire — анкета, template — шаблон, plan — план, report — отчёт, letter — письмо, other — другое",
    )
    number: Text | None = Field(default=None, title="Номер", description="Например, 45-о")
    date: dt.date | None = Field(default=None, title="Дата документа")
    file: ContentPath | None = Field(
        default=None, title="Файл", description="В папке content/, например files/polozhenie.pdf"
    )
    url: Url | None = Field(default=None, title="Ссылка", description="Если документ лежит на другом сайте")
    description: Text | None = Field(default=None, title="Описание")
    forms: tuple[Id, ...] = Field(default=(), title="Формы наставничества")
    year: Year | None = Field(default=None, title="Год")
    consent_form: bool = Field(default=False, title="Бланк согласия", description="Показывать на странице «Родителям»")
