"""``data/roadmaps/<id>.yaml``: one «Дорожная карта» as written in the organization's document.

The shape follows the document (and the fixed JSON export): an approval block, goal, tasks, the
table's columns, sections (possibly nested) of items, and extra tables. Texts are kept exactly as
written; what the generator understands from them (periods, status) is computed, and may be
overridden by the editor (``periods``, ``status``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError

from generator.models.common import MULTILINE, Id, Record, Text, hint, labels, refers_to
from generator.models.labels import describe

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

COLUMN_ROLES_HELP = "Что содержит каждый столбец (заголовок столбца: роль): " + describe("column_role")

_MONTH_OR_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")


def _check_month_or_day(value: str | dt.date) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if not _MONTH_OR_DAY.fullmatch(value):
        raise PydanticCustomError(
            "nastavnik_month", "«{value}»: нужен месяц ГГГГ-ММ или день ГГГГ-ММ-ДД", {"value": value}
        )
    if len(value) == 10:
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("nastavnik_month", "даты «{value}» не существует", {"value": value}) from None
    return value


MonthOrDay = Annotated[str, AfterValidator(_check_month_or_day), hint(pattern=_MONTH_OR_DAY.pattern)]


class Period(Record):
    """When an item happens, as understood (or as set by the editor)."""

    model_config = labels("Срок", "Когда проходит мероприятие: начало, окончание, повторение")

    start: MonthOrDay | None = Field(default=None, title="Начало", description="ГГГГ-ММ или ГГГГ-ММ-ДД")
    end: MonthOrDay | None = Field(default=None, title="Окончание", description="ГГГГ-ММ или ГГГГ-ММ-ДД")
    recurrence: Recurrence = Field(
        default="none",
        title="Повторение",
        description=describe("recurrence"),
    )


class Considered(Record):
    model_config = labels("РАССМОТРЕНО", "Гриф «РАССМОТРЕНО»: кем, когда, номер протокола")

    label: Text | None = Field(default=None, title="Гриф", description="Например, «РАССМОТРЕНО:»")
    text: Text | None = Field(
        default=None, title="Текст грифа целиком", description="Как в документе", json_schema_extra=MULTILINE
    )
    body: Text | None = Field(default=None, title="Кем рассмотрено", description="Например, «на педагогическом совете»")
    date: dt.date | None = Field(default=None, title="Дата", description="ГГГГ-ММ-ДД")
    protocol: Text | None = Field(default=None, title="Номер протокола", description="Например, 1")


class Recognition(Record):
    model_config = labels(
        "Распознано автоматически", "Текст прочитан со скана распознаванием: сверьте его с документом"
    )

    confirmed: bool = Field(
        default=False,
        title="Сверено с документом",
        description="Поставьте true, когда сверите распознанный текст с бумажным документом",
    )
    doubtful: tuple[Text, ...] = Field(
        default=(),
        title="Ячейки под сомнением",
        description="Распознанные неуверенно или не распознанные (оставлены пустыми): таблица, строка, столбец",
    )


class Approved(Record):
    model_config = labels("УТВЕРЖДАЮ", "Гриф «УТВЕРЖДАЮ»: кто утвердил, номер и дата приказа")

    label: Text | None = Field(default=None, title="Гриф", description="Например, «УТВЕРЖДАЮ:»")
    text: Text | None = Field(
        default=None, title="Текст грифа целиком", description="Как в документе", json_schema_extra=MULTILINE
    )
    position: Text | None = Field(default=None, title="Должность утвердившего", description="Например, «Директор»")
    name: Text | None = Field(default=None, title="Имя утвердившего", description="Например, «А. Б. Смирнова»")
    authority: Text | None = Field(
        default=None, title="Орган, издавший приказ", description="Если приказ издан не организацией"
    )
    order_number: Text | None = Field(default=None, title="Номер приказа", description="Например, 112-о")
    order_date: dt.date | None = Field(default=None, title="Дата приказа", description="ГГГГ-ММ-ДД")


class Approval(Record):
    model_config = labels("Гриф утверждения", "Блоки «РАССМОТРЕНО» и «УТВЕРЖДАЮ» над таблицей")

    considered: Considered | None = Field(default=None, title="РАССМОТРЕНО", description="Кем и когда рассмотрено")
    approved: Approved | None = Field(default=None, title="УТВЕРЖДАЮ", description="Кем и каким приказом утверждено")


class Item(Record):
    """One row of the roadmap: an activity with its deadline, responsible and result."""

    model_config = labels("Мероприятие", "Строка дорожной карты: мероприятие, срок, ответственные, результат")

    id: Id | None = Field(
        default=None, title="Постоянный идентификатор", description="Для ссылок и календаря; необязательно"
    )
    number: Text | None = Field(default=None, title="Номер", description="Как в документе, например 1.1")
    title: Text | None = Field(
        default=None,
        title="Мероприятие",
        description="Название мероприятия, как в документе",
        json_schema_extra=MULTILINE,
    )
    details: tuple[Text, ...] = Field(
        default=(), title="Содержание (подпункты)", description="Подпункты мероприятия, по одному на строку"
    )
    deadline: Text | None = Field(
        default=None,
        title="Срок (как в документе)",
        description="Дословно, например «сентябрь 2026 г.» или «в течение года»; показывается как есть",
    )
    periods: tuple[Period, ...] | None = Field(
        default=None, title="Сроки (уточнение)", description="Если срок понят неверно, укажите его здесь"
    )
    responsible: Text | None = Field(
        default=None,
        title="Ответственные",
        description="Должности или ФИО, как в документе",
        json_schema_extra=MULTILINE,
    )
    result: Text | None = Field(
        default=None,
        title="Результат, вид документа",
        description="Ожидаемый результат или итоговый документ",
        json_schema_extra=MULTILINE,
    )
    indicators: Text | None = Field(
        default=None, title="Показатели", description="Показатели выполнения", json_schema_extra=MULTILINE
    )
    status: Status | None = Field(
        default=None,
        title="Статус",
        description=describe("status", only=get_args(Status)),
    )
    news: tuple[Text, ...] = Field(
        default=(),
        title="Новости о мероприятии",
        description="Имена файлов новостей без .md",
        json_schema_extra=refers_to("news"),
    )
    library: tuple[Id, ...] = Field(
        default=(),
        title="Документы",
        description="Идентификаторы документов копилки (имена файлов в data/library без .yaml)",
        json_schema_extra=refers_to("library"),
    )


class Section(Record):
    model_config = labels("Раздел", "Раздел дорожной карты с мероприятиями и, возможно, подразделами")

    number: Text | None = Field(default=None, title="Номер раздела", description="Например, I или 1")
    title: Text | None = Field(default=None, title="Название раздела", description="Например, «Организационный этап»")
    heading: Text | None = Field(
        default=None, title="Заголовок как в документе", description="Если в документе он записан иначе, чем название"
    )
    items: tuple[Item, ...] = Field(default=(), title="Мероприятия", description="Строки таблицы этого раздела")
    sections: tuple[Section, ...] = Field(default=(), title="Подразделы", description="Вложенные разделы, если есть")


class ExtraTable(Record):
    model_config = labels("Дополнительная таблица", "Таблица документа помимо основной, например мероприятия по формам")

    title: Text | None = Field(default=None, title="Название таблицы", description="Как в документе")
    columns: tuple[Text, ...] = Field(default=(), title="Столбцы", description="Заголовки столбцов, как в документе")
    column_roles: dict[str, ColumnRole] = Field(
        default_factory=dict,
        title="Роли столбцов",
        description=COLUMN_ROLES_HELP,
    )
    items: tuple[Item, ...] = Field(default=(), title="Строки", description="Строки таблицы")


class Roadmap(Record):
    model_config = labels(
        "Дорожная карта",
        "Документ «Дорожная карта» целиком: гриф, цель, задачи, разделы с мероприятиями; один документ — один файл",
    )

    title: Text = Field(title="Название", description="Полное название, как в документе", json_schema_extra=MULTILINE)
    organization: Text | None = Field(default=None, title="Организация", description="Как в шапке документа")
    period: Text | None = Field(
        default=None,
        title="Период",
        description="Например, 2025-2026 (учебный год), 2023 или 2022-2024; пусто, пока не указан",
    )
    period_kind: PeriodKind | None = Field(
        default=None,
        title="Вид периода",
        description=describe("period_kind"),
    )
    approval: Approval | None = Field(
        default=None, title="Гриф утверждения", description="«РАССМОТРЕНО» и «УТВЕРЖДАЮ», как в документе"
    )
    goal: Text | None = Field(
        default=None, title="Цель", description="Цель, как в документе", json_schema_extra=MULTILINE
    )
    tasks: tuple[Text, ...] = Field(default=(), title="Задачи", description="Задачи, по одной на пункт")
    columns: tuple[Text, ...] = Field(default=(), title="Столбцы таблицы", description="Как в документе")
    column_roles: dict[str, ColumnRole] = Field(
        default_factory=dict,
        title="Роли столбцов",
        description=COLUMN_ROLES_HELP,
    )
    sections: tuple[Section, ...] = Field(default=(), title="Разделы", description="Разделы таблицы с мероприятиями")
    extra_tables: tuple[ExtraTable, ...] = Field(
        default=(), title="Дополнительные таблицы", description="Другие таблицы документа"
    )
    source: Text | None = Field(default=None, title="Исходный файл", description="Из какого документа импортировано")
    recognized: Recognition | None = Field(
        default=None,
        title="Распознано автоматически — проверьте",
        description="Дорожная карта прочитана со скана или фото; check предупреждает, пока не поставлено confirmed: true",
    )
