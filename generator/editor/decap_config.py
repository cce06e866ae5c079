"""Decap CMS's ``admin/config.yml``, built from the JSON Schemas of the models.

One collection per kind of record (one file a record, as in ``data/``; the programme and the
monitoring figures are single files), ``locale: ru`` and the editorial workflow: every change saved in
the browser is a pull request. The fields of each collection, a widget for each property with Russian
labels and hints, are :mod:`generator.editor.decap_fields`'s; what ``nastavnik-admin.js`` needs to
name and write the files is :func:`page_settings`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.editor.decap_fields import object_fields
from generator.editor.schema import json_schema, kind, modeline

ID_FIELD = "nastavnik_id"  # a new record's file name, set by nastavnik-admin.js and never written to the file
HEADER_FIELD = "nastavnik_header"  # the leading comments of a file, kept across edits
FILE_ID = "{{fields." + ID_FIELD + "}}"  # Decap's slug template for that file name


@dataclass(frozen=True)
class Collection:
    """A Decap collection for one kind of record (or, for practices, one of its two file types)."""

    name: str
    label: str
    singular: str
    kind: str
    folder: str | None = None  # folder collection, one record a file
    file: str | None = None  # file collection: one file holds the record
    extension: str = "yaml"
    slug: str = FILE_ID
    id_from: str = "title"
    id_style: str = "title"

    @property
    def front_matter(self) -> bool:
        return self.extension == "md"

    @property
    def format_name(self) -> str:
        return f"nastavnik-{self.name}"


COLLECTIONS: tuple[Collection, ...] = (
    Collection("program", "Программа и организация", "Программа", "program", file="data/program.yaml"),
    Collection(
        "roadmaps", "Дорожные карты", "Дорожная карта", "roadmap", folder="data/roadmaps", slug="dk-{{fields.period}}"
    ),
    Collection(
        "mentors", "Наставники", "Наставник", "mentor", folder="data/mentors", id_from="name", id_style="person"
    ),
    Collection("practices", "Практики (Markdown)", "Практика", "practice", folder="data/practices", extension="md"),
    Collection("practices_yaml", "Практики (YAML)", "Практика", "practice", folder="data/practices"),
    Collection("library", "Методическая копилка", "Документ", "library", folder="data/library"),
    Collection(
        "news",
        "Новости",
        "Новость",
        "news",
        folder="content/news/posts",
        extension="md",
        slug="{{year}}-{{month}}-{{day}}-" + FILE_ID,
    ),
    Collection("monitoring", "Мониторинг (цифры)", "Мониторинг", "monitoring", file="data/monitoring.yaml"),
)


@dataclass(frozen=True)
class AdminSettings:
    """What the admin page needs to know about the portal (from mkdocs.yml and the environment)."""

    site_name: str
    site_url: str | None = None
    repo: str | None = None  # owner/name on GitHub
    branch: str = "main"
    base_url: str | None = None  # the OAuth client that signs editors in to GitHub (not Netlify)
    auth_endpoint: str | None = None
    local_backend: str | None = None  # decap-server's URL, for a local preview and the tests only


def page_settings() -> dict[str, Any]:
    """What nastavnik-admin.js needs: the file formats and how new files are named."""
    formats = {}
    for coll in COLLECTIONS:
        k = kind(coll.kind)
        folder = coll.folder or str(Path(coll.file or "").parent)
        formats[coll.format_name] = {
            "extension": coll.extension,
            "front_matter": coll.front_matter,
            "header": None if coll.front_matter else modeline(k, folder),
            "bare_list_of": k.bare_list_of,
        }
    file_ids = {
        c.name: {"from": c.id_from, "style": c.id_style} for c in COLLECTIONS if c.folder and ID_FIELD in c.slug
    }
    return {"formats": formats, "file_ids": file_ids, "id_field": ID_FIELD, "header_field": HEADER_FIELD}


@functools.lru_cache(maxsize=8)  # a function of the settings and the models alone; the preview rebuilds often
def config_yml(settings: AdminSettings) -> str:
    head = "# Создано «Наставником» из моделей данных при сборке сайта; правки здесь будут потеряны.\n"
    return head + yaml.safe_dump(decap_config(settings), allow_unicode=True, sort_keys=False, width=120)


def decap_config(settings: AdminSettings) -> dict[str, Any]:
    backend: dict[str, Any] = {
        "name": "github",
        "repo": settings.repo or "ВЛАДЕЛЕЦ/РЕПОЗИТОРИЙ",
        "branch": settings.branch,
        "squash_merges": True,
        "commit_messages": {
            "create": "Новая запись «{{slug}}» ({{collection}})",
            "update": "Правка «{{slug}}» ({{collection}})",
            "delete": "Удалена запись «{{slug}}» ({{collection}})",
            "uploadMedia": "Загружен файл «{{path}}»",
            "deleteMedia": "Удалён файл «{{path}}»",
        },
    }
    if settings.base_url:
        backend["base_url"] = settings.base_url
    if settings.auth_endpoint:
        backend["auth_endpoint"] = settings.auth_endpoint
    config: dict[str, Any] = {"backend": backend}
    if settings.local_backend:
        config["local_backend"] = {"url": settings.local_backend, "allowed_hosts": ["localhost", "127.0.0.1"]}
    config.update(
        {
            "locale": "ru",
            "publish_mode": "editorial_workflow",
            "media_folder": "content/files",
            "public_folder": "files",
            "editor": {"preview": False},
            "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        }
    )
    if settings.site_url:
        config["site_url"] = settings.site_url
        config["display_url"] = settings.site_url
    config["collections"] = [collection_config(c) for c in COLLECTIONS]
    return config


def collection_config(coll: Collection) -> dict[str, Any]:
    k = kind(coll.kind)
    schema = json_schema(k)
    definitions = schema.get("$defs", {})
    root = schema
    if k.bare_list_of:  # a plain list in the file; the editor shows it as one list field
        root = {"properties": {k.bare_list_of: {**schema, "type": "array"}}, "required": []}
    fields = object_fields(root, definitions, depth=0)
    if coll.front_matter and not any(f["name"] == "body" for f in fields):
        fields.append({"name": "body", "label": "Текст", "widget": "markdown", "hint": "Текст после заголовка"})
    base: dict[str, Any] = {"name": coll.name, "label": coll.label, "label_singular": coll.singular}
    description = schema.get("description")
    if description:
        base["description"] = description
    if coll.file:
        base["files"] = [
            {"name": coll.name, "label": coll.label, "file": coll.file, "format": coll.format_name, "fields": fields}
        ]
        base["editor"] = {"preview": False}
        return base
    identifier = "name" if coll.id_from == "name" else "title"
    base.update(
        {
            "folder": coll.folder,
            "extension": coll.extension,
            "format": coll.format_name,
            "create": True,
            "delete": True,
            "slug": coll.slug,
            "identifier_field": identifier,
            "summary": "{{" + identifier + "}}",
            "sortable_fields": [identifier],
            "fields": fields,
        }
    )
    return base
