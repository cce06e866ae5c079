"""Front matter of ``content/news/posts/*.md`` (read by the mkdocs-material blog plugin too)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from generator.models.common import ContentPath, Id, Record, Text, labels, refers_to


class Post(Record):
    model_config = labels(
        "Новость",
        "Заголовок новости (между строками ---) в content/news/posts/ГГГГ-ММ-ДД-название.md; текст — после заголовка",
    )

    title: Text = Field(
        title="Заголовок", description="Заголовок новости, например «Стартовала программа наставничества»"
    )
    date: dt.date | dt.datetime = Field(title="Дата публикации", description="ГГГГ-ММ-ДД, например 2026-09-05")
    categories: tuple[Text, ...] = Field(
        default=(), title="Рубрики", description="Например, «События», «Конкурсы»; по ним строится список рубрик"
    )
    description: Text | None = Field(default=None, title="Краткое описание", description="Для поиска и соцсетей")
    image: ContentPath | None = Field(
        default=None, title="Картинка", description="Файл в папке content/, например files/news/start.jpg"
    )
    image_alt: Text | None = Field(
        default=None, title="Описание картинки", description="Что на картинке — для незрячих читателей"
    )
    mentors: tuple[Id, ...] = Field(
        default=(),
        title="Наставники в новости",
        description="Идентификаторы наставников (имена файлов в data/mentors без .yaml)",
        json_schema_extra=refers_to("mentors"),
    )
    draft: bool = Field(default=False, title="Черновик", description="true — черновик, на сайте не публикуется")
