"""``data/practices/<id>.yaml`` or ``.md``: a best practice of mentoring."""

from __future__ import annotations

from pydantic import Field

from .common import ContentPath, Id, LongText, Record, Text, Url, Year


class Attachment(Record):
    title: Text = Field(title="Название файла")
    file: ContentPath | None = Field(
        default=None, title="Файл", description="В папке content/, например files/practice.pdf"
    )
    url: Url | None = Field(default=None, title="Ссылка", description="Если файл лежит на другом сайте")


class Practice(Record):
    title: Text = Field(title="Название практики")
    authors: tuple[Id, ...] = Field(
        default=(), title="Авторы", description="Идентификаторы наставников (имена файлов в data/mentors)"
    )
    form: Id | None = Field(default=None, title="Форма наставничества")
    year: Year = Field(title="Год")
    summary: Text = Field(title="Кратко", description="Одно-два предложения для карточки")
    body: LongText | None = Field(
        default=None, title="Описание", description="Markdown; в .md-файле — текст после заголовка"
    )
    results: tuple[Text, ...] = Field(default=(), title="Результаты")
    files: tuple[Attachment, ...] = Field(default=(), title="Файлы")
    tags: tuple[Text, ...] = Field(default=(), title="Метки")
