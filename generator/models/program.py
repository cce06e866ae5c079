"""``data/program.yaml``: the organization, the programme's goal and tasks, forms, curators."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BeforeValidator, Field, NonNegativeInt, PositiveInt

from generator.models.common import (
    MULTILINE,
    AcademicYear,
    Color,
    Consent,
    ContentPath,
    Email,
    Id,
    Record,
    Text,
    Url,
    labels,
    refers_to,
)
from generator.models.labels import describe

OrganizationType = Literal["school", "college", "department"]


class Colors(Record):
    model_config = labels("Цвета сайта", "Цвета оформления раздела в виде #rrggbb")

    primary: Color = Field(default="#1f4e8c", title="Основной цвет", description="Цвет шапки сайта, например #1f4e8c")
    accent: Color = Field(default="#b3261e", title="Цвет акцента", description="Цвет ссылок и кнопок")


class Organization(Record):
    model_config = labels("Организация", "Школа, колледж или управление образования, чей это раздел")

    name: Text = Field(
        title="Полное наименование",
        description="Как в уставе, например «Муниципальное бюджетное общеобразовательное учреждение …»",
    )
    short_name: Text = Field(title="Краткое наименование", description="Например, МБОУ «Школа № 12»")
    type: OrganizationType = Field(
        default="school",
        title="Тип",
        description=describe("organization_type"),
    )
    address: Text | None = Field(default=None, title="Адрес", description="Почтовый адрес организации")
    phone: Text | None = Field(default=None, title="Телефон организации", description="Например, +7 (000) 000-00-00")
    email: Email | None = Field(default=None, title="Почта организации", description="Официальная почта")
    site: Url | None = Field(default=None, title="Сайт организации", description="Адрес, начиная с https://")
    vk: Url | None = Field(default=None, title="Страница ВКонтакте", description="Адрес, начиная с https://vk.com/")
    logo: ContentPath | None = Field(
        default=None, title="Логотип", description="Файл в папке content/, например files/logo.svg"
    )
    colors: Colors = Field(default_factory=Colors, title="Цвета сайта", description="Основной цвет и цвет акцента")


class Form(Record):
    """A form of mentoring: «Учитель – учитель», «Ученик – ученик», …"""

    model_config = labels("Форма наставничества", "Например, «Учитель – учитель» с её вариациями и видами работы")

    id: Id = Field(title="Идентификатор", description="Латиницей, например teacher-teacher")
    title: Text = Field(title="Название", description="Например, «Учитель – учитель»")
    variants: tuple[Text, ...] = Field(
        default=(), title="Вариации", description="Например, «Опытный педагог – молодой специалист»"
    )
    description: Text | None = Field(
        default=None, title="Описание", description="Кто с кем работает и зачем", json_schema_extra=MULTILINE
    )
    activities: tuple[Text, ...] = Field(
        default=(), title="Что делают в паре", description="Виды работы, по пункту на строку"
    )


class Curator(Record):
    """Who runs mentoring at the organization; their work contacts are public."""

    model_config = labels("Куратор", "Кто ведёт наставничество в организации; рабочие контакты публикуются")

    name: Text = Field(title="ФИО", description="Фамилия Имя Отчество; публикуется только с согласия")
    position: Text = Field(title="Должность", description="Например, «Заместитель директора по УВР»")
    email: Email | None = Field(
        default=None, title="Рабочая почта", description="Публикуется всегда: это рабочий адрес"
    )
    phone: Text | None = Field(default=None, title="Рабочий телефон", description="Например, +7 (000) 000-00-00")
    hours: Text | None = Field(
        default=None,
        title="Часы приёма",
        description="Когда можно прийти или позвонить, например «вторник 15:00–18:00»",
    )
    room: Text | None = Field(default=None, title="Кабинет", description="Где принимает куратор, например «каб. 215»")
    photo: ContentPath | None = Field(
        default=None,
        title="Фото",
        description="Файл в content/, например files/curators/kovaleva-si.jpg; публикуется, если в согласии есть photo",
    )
    consent: Consent = Field(
        title="Согласие на публикацию", description="Без согласия показываются только должность и контакты"
    )


class JoinStep(Record):
    """A step of «Как стать участником» with the document or form it needs."""

    model_config = labels("Шаг", "Шаг для родителей и учеников со ссылкой на документ или форму")

    text: Text = Field(title="Что сделать", description="Например, «Заполните анкету наставляемого»")
    library: Id | None = Field(
        default=None,
        title="Документ копилки",
        description="Имя файла в data/library без .yaml, например anketa-nastavlyaemogo",
        json_schema_extra=refers_to("library"),
    )
    file: ContentPath | None = Field(
        default=None, title="Файл", description="В папке content/, например files/anketa.docx"
    )
    url: Url | None = Field(default=None, title="Ссылка", description="Адрес формы или страницы, начиная с https://")
    link_text: Text | None = Field(
        default=None, title="Текст ссылки", description="Например, «Скачать анкету»; без него — название документа"
    )


def _step_from_text(value: object) -> object:
    """A step written as plain text (as before steps had links) is a step without a link."""
    return {"text": value} if isinstance(value, str) else value


class Application(Record):
    """Where an application goes: a form the school already uses and/or a prepared e-mail. The site keeps nothing."""

    model_config = labels(
        "Заявка на участие",
        "Куда уходит заявка: форма, которой школа уже пользуется, и/или готовое письмо; сайт данные не хранит",
    )

    form_url: Url | None = Field(
        default=None, title="Адрес формы", description="Форма заявки на другом сайте, начиная с https://"
    )
    form_owner: Text | None = Field(
        default=None,
        title="Чья это форма",
        description="Кто получает ответы формы, например «Яндекс Формы, ответы видит только куратор»",
    )
    email: Email | None = Field(default=None, title="Почта для заявок", description="Куда придёт письмо-заявка")
    subject: Text = Field(
        default="Заявка на участие в программе наставничества", title="Тема письма", description="Тема готового письма"
    )
    body: Text | None = Field(
        default=None,
        title="Текст письма",
        description="Заготовка письма: что написать о себе и о запросе",
        json_schema_extra=MULTILINE,
    )


class Group(Record):
    """One group of the organization in one school year: how many there are, how many take part, the target."""

    model_config = labels("Группа участников", "Сколько всего, сколько участвует в наставничестве и цель в процентах")

    total: PositiveInt = Field(title="Всего", description="Сколько всего в организации, например 812 учеников")
    involved: NonNegativeInt = Field(
        default=0,
        title="Участвуют",
        description="Сколько из них участвуют в наставничестве (наставники и наставляемые)",
    )
    target: float | None = Field(
        default=None, ge=0, le=100, title="Цель, %", description="Какую долю нужно охватить, в процентах, например 20"
    )


class Coverage(Record):
    """The denominators of one school year: the shares of each group involved are computed from them."""

    model_config = labels(
        "Охват за учебный год", "Численность учеников, педагогов и молодых специалистов и сколько из них участвует"
    )

    year: AcademicYear = Field(title="Учебный год", description="Например, 2026-2027")
    pupils: Group | None = Field(default=None, title="Ученики", description="Обучающиеся")
    teachers: Group | None = Field(default=None, title="Педагоги", description="Педагогические работники")
    young_specialists: Group | None = Field(
        default=None, title="Молодые специалисты", description="Педагоги со стажем до трёх лет"
    )


class Survey(Record):
    """A satisfaction survey's aggregate result: counts and an average, never anyone's answers."""

    model_config = labels("Опрос удовлетворённости", "Итог анкетирования участников: только числа, без ответов людей")

    year: AcademicYear = Field(title="Учебный год", description="Например, 2026-2027")
    title: Text = Field(title="Кого опрашивали", description="Например, «Наставляемые» или «Родители»")
    respondents: PositiveInt = Field(title="Ответили", description="Сколько человек заполнили анкету")
    satisfied: NonNegativeInt = Field(title="Довольны", description="Сколько ответили «доволен» или «скорее доволен»")
    average: float | None = Field(
        default=None, ge=1, le=5, title="Средняя оценка", description="По пятибалльной шкале, например 4.6"
    )


class Question(Record):
    model_config = labels("Вопрос и ответ", "Частый вопрос родителей для страницы «Родителям»")

    question: Text = Field(title="Вопрос", description="Как его задают родители, например «Это платно?»")
    answer: Text = Field(title="Ответ", description="Коротко и простыми словами", json_schema_extra=MULTILINE)


class Program(Record):
    """The organization's mentoring programme (the section's home page)."""

    model_config = labels(
        "Программа наставничества",
        "data/program.yaml: организация, цель и задачи программы, формы наставничества, кураторы, вопросы родителей",
    )

    organization: Organization = Field(title="Организация", description="Наименование, адрес, контакты, цвета сайта")
    title: Text = Field(default="Наставничество", title="Заголовок раздела", description="Заголовок главной страницы")
    intro: Text | None = Field(
        default=None,
        title="Вступление",
        description="Что такое наставничество, 2–3 предложения",
        json_schema_extra=MULTILINE,
    )
    goal: Text | None = Field(
        default=None, title="Цель программы", description="Как в программе наставничества", json_schema_extra=MULTILINE
    )
    tasks: tuple[Text, ...] = Field(default=(), title="Задачи программы", description="По задаче на пункт")
    forms: tuple[Form, ...] = Field(
        default=(), title="Формы наставничества", description="Формы, которые есть в организации"
    )
    curators: tuple[Curator, ...] = Field(
        default=(), title="Кураторы", description="Кто ведёт наставничество; контакты — рабочие"
    )
    current_roadmap: Id | None = Field(
        default=None,
        title="Текущая дорожная карта",
        description="Имя файла в data/roadmaps без .yaml, например dk-2026-2027",
        json_schema_extra=refers_to("roadmaps"),
    )
    join_steps: tuple[Annotated[JoinStep, BeforeValidator(_step_from_text)], ...] = Field(
        default=(),
        title="Как стать участником",
        description="Шаги для родителей и учеников: text и, если шагу нужен документ или форма, library, file или url",
    )
    coverage: tuple[Coverage, ...] = Field(
        default=(),
        title="Охват по учебным годам",
        description="Сколько учеников, педагогов и молодых специалистов всего и сколько участвует; цели в процентах",
    )
    surveys: tuple[Survey, ...] = Field(
        default=(),
        title="Опросы удовлетворённости",
        description="Итоги анкетирования участников по учебным годам: только числа",
    )
    application: Application | None = Field(
        default=None,
        title="Заявка на участие",
        description="Адрес формы заявки и/или почта для готового письма; сайт сам данные не хранит",
    )
    faq: tuple[Question, ...] = Field(
        default=(), title="Вопросы и ответы", description="Частые вопросы родителей для страницы «Родителям»"
    )
