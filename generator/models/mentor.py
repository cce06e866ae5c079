"""``data/mentors/<id>.yaml``: one person (fixed fields: ``name``, ``role``, ``consent``)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, NonNegativeInt

from generator.models.common import Consent, Contacts, ContentPath, Id, LongText, Record, Text, Year, labels, refers_to
from generator.models.labels import describe

Role = Literal["teacher", "pupil", "student", "parent", "employer", "graduate", "administrator"]
Level = Literal["school", "municipal", "regional", "federal"]


class Honor(Record):
    """An award: «Наставник года», «Лучшая наставническая пара», a certificate."""

    model_config = labels("Награда", "Награда или грамота; попадает на «Доску почёта»")

    year: Year = Field(title="Год", description="Год награждения, например 2025")
    title: Text = Field(title="Награда", description="Например, «Наставник года»")
    level: Level = Field(
        default="school",
        title="Уровень",
        description=describe("level"),
    )
    document: Text | None = Field(
        default=None, title="Документ", description="Например, «Грамота, приказ № 45 от 20.05.2025»"
    )


class Mentor(Record):
    """A mentor (or a pupil, parent, employer taking part). Published only with consent."""

    model_config = labels(
        "Наставник",
        "Участник программы наставничества; один человек — один файл в data/mentors/. "
        "Публикуется только при записанном согласии; ученик — только по имени и классу, с согласия родителя",
    )

    name: Text = Field(title="ФИО", description="Фамилия Имя Отчество полностью; на сайте — только с согласия")
    role: Role = Field(
        title="Роль",
        description=describe("role"),
    )
    consent: Consent = Field(
        title="Согласие на публикацию",
        description="Без согласия (publish: true и дата) человек нигде на сайте не появится",
    )
    first_name: Text | None = Field(
        default=None,
        title="Имя",
        description="Если в ФИО имя стоит не вторым словом; для ученика на сайте — только имя",
    )
    minor: bool | None = Field(
        default=None,
        title="Несовершеннолетний",
        description="true — младше 18 лет (для учеников так всегда): на сайте только имя и класс",
    )
    class_name: Text | None = Field(
        default=None, alias="class", title="Класс или группа", description="Например, 7Б (для учеников и студентов)"
    )
    position: Text | None = Field(default=None, title="Должность", description="Например, «Учитель математики»")
    subject: Text | None = Field(default=None, title="Предмет", description="Например, «Математика»")
    experience: NonNegativeInt | None = Field(
        default=None, title="Стаж, лет", description="Педагогический (или профессиональный) стаж, целое число лет"
    )
    forms: tuple[Id, ...] = Field(
        default=(),
        title="Формы наставничества",
        description="Идентификаторы форм из data/program.yaml, например teacher-teacher",
        json_schema_extra=refers_to("forms"),
    )
    mentees: NonNegativeInt | None = Field(
        default=None, title="Наставляемых сейчас", description="Сколько у наставника наставляемых в этом учебном году"
    )
    bio: LongText | None = Field(
        default=None, title="О себе", description="Несколько абзацев о наставнике; можно использовать Markdown"
    )
    photo: ContentPath | None = Field(
        default=None, title="Фото", description="Файл в папке content/, например files/mentors/familiya-io.jpg"
    )
    photo_alt: Text | None = Field(
        default=None,
        title="Описание фото",
        description="Что на фото — для незрячих читателей и при выключенных картинках",
    )
    contacts: Contacts | None = Field(
        default=None, title="Рабочие контакты", description="Публикуются только при согласии contacts"
    )
    honors: tuple[Honor, ...] = Field(default=(), title="Награды", description="Награды и грамоты по годам")

    @property
    def is_minor(self) -> bool:
        return self.role == "pupil" if self.minor is None else self.minor
