"""``data/program.yaml``: the organization, the programme's goal and tasks, forms, curators."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Color, Consent, ContentPath, Email, Id, Record, Text, Url

OrganizationType = Literal["school", "college", "department"]


class Colors(Record):
    primary: Color = Field(default="#1f4e8c", title="Основной цвет", description="Цвет шапки сайта, например #1f4e8c")
    accent: Color = Field(default="#b3261e", title="Цвет акцента", description="Цвет ссылок и кнопок")


class Organization(Record):
    name: Text = Field(title="Полное наименование")
    short_name: Text = Field(title="Краткое наименование", description="Например, МБОУ «Школа № 12»")
    type: OrganizationType = Field(
        default="school",
        title="Тип",
        description="school — школа, college — колледж, department — управление образования",
    )
    address: Text | None = Field(default=None, title="Адрес")
    phone: Text | None = Field(default=None, title="Телефон организации")
    email: Email | None = Field(default=None, title="Почта организации")
    site: Url | None = Field(default=None, title="Сайт организации")
    vk: Url | None = Field(default=None, title="Страница ВКонтакте")
    logo: ContentPath | None = Field(
        default=None, title="Логотип", description="Файл в папке content/, например files/logo.svg"
    )
    colors: Colors = Field(default_factory=Colors, title="Цвета сайта")


class Form(Record):
    """A form of mentoring: «Учитель – учитель», «Ученик – ученик», …"""

    id: Id = Field(title="Идентификатор", description="Латиницей, например teacher-teacher")
    title: Text = Field(title="Название", description="Например, «Учитель – учитель»")
    variants: tuple[Text, ...] = Field(
        default=(), title="Вариации", description="Например, «Опытный педагог – молодой специалист»"
    )
    description: Text | None = Field(default=None, title="Описание")
    activities: tuple[Text, ...] = Field(default=(), title="Что делают в паре")


class Curator(Record):
    """Who runs mentoring at the organization; their work contacts are public."""

    name: Text = Field(title="ФИО")
    position: Text = Field(title="Должность")
    email: Email | None = Field(default=None, title="Рабочая почта")
    phone: Text | None = Field(default=None, title="Рабочий телефон")
    consent: Consent = Field(
        title="Согласие на публикацию", description="Без согласия показываются только должность и контакты"
    )


class Question(Record):
    question: Text = Field(title="Вопрос")
    answer: Text = Field(title="Ответ")


class Program(Record):
    """The organization's mentoring programme (the section's home page)."""

    organization: Organization = Field(title="Организация")
    title: Text = Field(default="Наставничество", title="Заголовок раздела")
    intro: Text | None = Field(
        default=None, title="Вступление", description="Что такое наставничество, 2–3 предложения"
    )
    goal: Text | None = Field(default=None, title="Цель программы")
    tasks: tuple[Text, ...] = Field(default=(), title="Задачи программы")
    forms: tuple[Form, ...] = Field(default=(), title="Формы наставничества")
    curators: tuple[Curator, ...] = Field(default=(), title="Кураторы")
    current_roadmap: Id | None = Field(
        default=None, title="Текущая дорожная карта", description="Имя файла в data/roadmaps без .yaml"
    )
    join_steps: tuple[Text, ...] = Field(
        default=(), title="Как стать участником", description="Шаги для родителей и учеников"
    )
    faq: tuple[Question, ...] = Field(default=(), title="Вопросы и ответы")
