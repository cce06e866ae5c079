"""``data/practices/<id>.yaml`` or ``.md``: a best practice of mentoring."""

from __future__ import annotations

from pydantic import Field

from generator.models.common import MULTILINE, ContentPath, Id, LongText, Record, Text, Url, Year, labels, refers_to


class Attachment(Record):
    model_config = labels("Файл практики", "Файл в content/files/ или ссылка на другой сайт")

    title: Text = Field(title="Название файла", description="Например, «Итоги проекта (таблица)»")
    file: ContentPath | None = Field(
        default=None, title="Файл", description="В папке content/, например files/practice.pdf"
    )
    url: Url | None = Field(
        default=None, title="Ссылка", description="Если файл лежит на другом сайте: адрес, начиная с https://"
    )


class Practice(Record):
    model_config = labels(
        "Практика наставничества",
        "Лучшая практика: data/practices/<имя>.yaml или .md (в .md описание — текст после заголовка ---)",
    )

    title: Text = Field(title="Название практики", description="Например, «Школа молодого педагога»")
    authors: tuple[Id, ...] = Field(
        default=(),
        title="Авторы",
        description="Идентификаторы наставников (имена файлов в data/mentors без .yaml)",
        json_schema_extra=refers_to("mentors"),
    )
    form: Id | None = Field(
        default=None,
        title="Форма наставничества",
        description="Идентификатор формы из data/program.yaml",
        json_schema_extra=refers_to("forms"),
    )
    year: Year = Field(title="Год", description="Год, когда практика применялась, например 2026")
    summary: Text = Field(title="Кратко", description="Одно-два предложения для карточки", json_schema_extra=MULTILINE)
    body: LongText | None = Field(
        default=None, title="Описание", description="Markdown; в .md-файле — текст после заголовка"
    )
    results: tuple[Text, ...] = Field(default=(), title="Результаты", description="По пункту на результат, с цифрами")
    files: tuple[Attachment, ...] = Field(default=(), title="Файлы", description="Материалы практики: файлы и ссылки")
    tags: tuple[Text, ...] = Field(default=(), title="Метки", description="Ключевые слова, например «профориентация»")
