"""``data/roadmaps/<id>.yaml``: one «Дорожная карта» as written in the organization's document.

The shape follows the document (and the fixed JSON export): an approval block, goal, tasks, the
table's columns, sections (possibly nested) of items, and extra tables. Texts are kept exactly as
written; what the generator understands from them (periods, status) is computed, and may be
overridden by the editor (``periods``, ``status``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from .common import Id, Record, Text

PeriodKind = Literal["academic_year", "calendar_year", "years"]
Status = Literal["planned", "in_progress", "done", "cancelled"]
Recurrence = Literal["none", "yearly", "quarterly", "weekly", "per-program", "unspecified"]
ColumnRole = Literal[
    "number",
    "activity",
    "title",
    "details",
    "deadline",
    "responsible",
    "result",
    "indicators",
    "section_number",
    "section_title",
]

_MONTH_OR_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


def _check_month_or_day(value: str | dt.date) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if not _MONTH_OR_DAY.match(value):
        raise PydanticCustomError(
            "nastavnik_month", "«{value}»: нужен месяц ГГГГ-ММ или день ГГГГ-ММ-ДД", {"value": value}
        )
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("nastavnik_month", "даты «{value}» не существует", {"value": value}) from None
    return value


MonthOrDay = Annotated[str, AfterValidator(_check_month_or_day)]


class Period(Record):
    """When an item happens, as understood (or as set by the editor)."""

    start: MonthOrDay | None = Field(default=None, title="Начало", description="ГГГГ-ММ или ГГГГ-ММ-ДД")
    end: MonthOrDay | None = Field(default=None, title="Окончание", description="ГГГГ-ММ или ГГГГ-ММ-ДД")
    recurrence: Recurrence = Field(
        default="none",
        title="Повторение",
        description="none — один раз, yearly — ежегодно, quarterly — каждую четверть, weekly — еженедельно, "
        "per-program — по срокам программ, unspecified — сроки не указаны",
    )


class Considered(Record):
    label: Text | None = Field(default=None, title="Гриф", description="Например, «РАССМОТРЕНО:»")
    text: Text | None = Field(default=None, title="Текст грифа целиком")
    body: Text | None = Field(default=None, title="Кем рассмотрено", description="Например, «на педагогическом совете»")
    date: dt.date | None = Field(default=None, title="Дата")
    protocol: Text | None = Field(default=None, title="Номер протокола")


class Approved(Record):
    label: Text | None = Field(default=None, title="Гриф", description="Например, «УТВЕРЖДАЮ:»")
    text: Text | None = Field(default=None, title="Текст грифа целиком")
    position: Text | None = Field(default=None, title="Должность утвердившего")
    name: Text | None = Field(default=None, title="Имя утвердившего")
    authority: Text | None = Field(default=None, title="Орган, издавший приказ")
    order_number: Text | None = Field(default=None, title="Номер приказа")
    order_date: dt.date | None = Field(default=None, title="Дата приказа")


class Approval(Record):
    considered: Considered | None = Field(default=None, title="РАССМОТРЕНО")
    approved: Approved | None = Field(default=None, title="УТВЕРЖДАЮ")


class Item(Record):
    """One row of the roadmap: an activity with its deadline, responsible and result."""

    id: Id | None = Field(
        default=None, title="Постоянный идентификатор", description="Для ссылок и календаря; необязательно"
    )
    number: Text | None = Field(default=None, title="Номер", description="Как в документе, например 1.1")
    title: Text | None = Field(default=None, title="Мероприятие")
    details: tuple[Text, ...] = Field(default=(), title="Содержание (подпункты)")
    deadline: Text | None = Field(default=None, title="Срок (как в документе)")
    periods: tuple[Period, ...] | None = Field(
        default=None, title="Сроки (уточнение)", description="Если срок понят неверно, укажите его здесь"
    )
    responsible: Text | None = Field(default=None, title="Ответственные")
    result: Text | None = Field(default=None, title="Результат, вид документа")
    indicators: Text | None = Field(default=None, title="Показатели")
    status: Status | None = Field(
        default=None,
        title="Статус",
        description="planned — запланировано, in_progress — выполняется, done — выполнено, cancelled — отменено",
    )
    news: tuple[Text, ...] = Field(
        default=(), title="Новости о мероприятии", description="Имена файлов новостей без .md"
    )
    library: tuple[Id, ...] = Field(default=(), title="Документы", description="Идентификаторы документов копилки")


class Section(Record):
    number: Text | None = Field(default=None, title="Номер раздела", description="Например, I или 1")
    title: Text | None = Field(default=None, title="Название раздела")
    heading: Text | None = Field(default=None, title="Заголовок как в документе")
    items: tuple[Item, ...] = Field(default=(), title="Мероприятия")
    sections: tuple[Section, ...] = Field(default=(), title="Подразделы")


class ExtraTable(Record):
    title: Text | None = Field(default=None, title="Название таблицы")
    columns: tuple[Text, ...] = Field(default=(), title="Столбцы")
    column_roles: dict[str, ColumnRole] = Field(default_factory=dict, title="Роли столбцов")
    items: tuple[Item, ...] = Field(default=(), title="Строки")


class Roadmap(Record):
    title: Text = Field(title="Название", description="Полное название, как в документе")
    organization: Text | None = Field(default=None, title="Организация")
    period: Text = Field(title="Период", description="Например, 2025-2026 (учебный год), 2023 или 2022-2024")
    period_kind: PeriodKind | None = Field(
        default=None,
        title="Вид периода",
        description="academic_year — учебный год, calendar_year — календарный год, years — несколько лет",
    )
    approval: Approval | None = Field(default=None, title="Гриф утверждения")
    goal: Text | None = Field(default=None, title="Цель")
    tasks: tuple[Text, ...] = Field(default=(), title="Задачи")
    columns: tuple[Text, ...] = Field(default=(), title="Столбцы таблицы", description="Как в документе")
    column_roles: dict[str, ColumnRole] = Field(default_factory=dict, title="Роли столбцов")
    sections: tuple[Section, ...] = Field(default=(), title="Разделы")
    extra_tables: tuple[ExtraTable, ...] = Field(default=(), title="Дополнительные таблицы")
    source: Text | None = Field(default=None, title="Исходный файл", description="Из какого документа импортировано")
