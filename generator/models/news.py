"""Front matter of ``content/news/posts/*.md`` (read by the mkdocs-material blog plugin too)."""

from __future__ import annotations

import datetime as dt

from pydantic import Field

from .common import ContentPath, Id, Record, Text


class Post(Record):
    title: Text = Field(title="Заголовок")
    date: dt.date | dt.datetime = Field(title="Дата публикации")
    categories: tuple[Text, ...] = Field(default=(), title="Рубрики")
    description: Text | None = Field(default=None, title="Краткое описание", description="Для поиска и соцсетей")
    image: ContentPath | None = Field(default=None, title="Картинка", description="Файл в папке content/")
    image_alt: Text | None = Field(default=None, title="Описание картинки")
    mentors: tuple[Id, ...] = Field(default=(), title="Наставники в новости", description="Идентификаторы наставников")
    draft: bool = Field(default=False, title="Черновик", description="Черновики не публикуются")
