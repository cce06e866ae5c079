"""``data/mentors/<id>.yaml``: one person (fixed fields: ``name``, ``role``, ``consent``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, NonNegativeInt

from .common import Consent, Contacts, ContentPath, Id, LongText, Record, Text, Year

Role = Literal["teacher", "pupil", "student", "parent", "employer", "graduate", "administrator"]
Level = Literal["school", "municipal", "regional", "federal"]


class Honor(Record):
    """An award: «Наставник года», «Лучшая наставническая пара», a certificate."""

    year: Year = Field(title="Год")
    title: Text = Field(title="Награда", description="Например, «Наставник года»")
    level: Level = Field(
        default="school",
        title="Уровень",
        description="school — школьный, municipal — муниципальный, regional — региональный, federal — федеральный",
    )
    document: Text | None = Field(
        default=None, title="Документ", description="Например, «Грамота, приказ № 45 от 20.05.2025»"
    )


class Mentor(Record):
    """A mentor (or a pupil, parent, employer taking part). Published only with consent."""

    name: Text = Field(title="ФИО", description="Фамилия Имя Отчество")
    role: Role = Field(
        title="Роль",
        description="teacher — педагог, pupil — ученик, student — студент, parent — родитель, "
        "employer — представитель работодателя, graduate — выпускник, administrator — администрация",
    )
    consent: Consent = Field(title="Согласие на публикацию")
    first_name: Text | None = Field(default=None, title="Имя", description="Если в ФИО имя стоит не вторым словом")
    minor: bool | None = Field(default=None, title="Несовершеннолетний", description="Для учеников — всегда да")
    class_name: Text | None = Field(default=None, alias="class", title="Класс или группа", description="Например, 7Б")
    position: Text | None = Field(default=None, title="Должность")
    subject: Text | None = Field(default=None, title="Предмет")
    experience: NonNegativeInt | None = Field(default=None, title="Стаж, лет")
    forms: tuple[Id, ...] = Field(
        default=(), title="Формы наставничества", description="Идентификаторы из program.yaml"
    )
    mentees: NonNegativeInt | None = Field(default=None, title="Наставляемых сейчас")
    bio: LongText | None = Field(default=None, title="О себе", description="Можно использовать Markdown")
    photo: ContentPath | None = Field(
        default=None, title="Фото", description="Файл в папке content/, например files/mentors/ivanova.jpg"
    )
    photo_alt: Text | None = Field(default=None, title="Описание фото")
    contacts: Contacts | None = Field(
        default=None, title="Рабочие контакты", description="Публикуются только при согласии contacts"
    )
    honors: tuple[Honor, ...] = Field(default=(), title="Награды")

    @property
    def is_minor(self) -> bool:
        return self.role == "pupil" if self.minor is None else self.minor
