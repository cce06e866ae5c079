"""Decap CMS's ``admin/config.yml``, built from the JSON Schemas of the models.

One collection per kind of record (one file a record, as in ``data/``; the programme and the
monitoring figures are single files), a widget for each field chosen from its type (text, number,
date, yes/no, a list of choices with Russian labels, a searchable list of mentors or forms, files
and images in ``content/files/``), Russian labels and hints from the fields' titles and descriptions,
``locale: ru`` and the editorial workflow: every change saved in the browser is a pull request.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.editor.schema import Schema, enum_labels, json_schema, kind, modeline

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

# Fields that hold ids of other records: a searchable list of those records instead of a text box.
RELATIONS: dict[str, dict[str, Any]] = {
    "mentors": {
        "collection": "mentors",
        "value_field": "{{slug}}",
        "search_fields": ["name"],
        "display_fields": ["name"],
    },
    "library": {
        "collection": "library",
        "value_field": "{{slug}}",
        "search_fields": ["title"],
        "display_fields": ["title"],
    },
    "news": {"collection": "news", "value_field": "{{slug}}", "search_fields": ["title"], "display_fields": ["title"]},
    "roadmaps": {
        "collection": "roadmaps",
        "value_field": "{{slug}}",
        "search_fields": ["title", "period"],
        "display_fields": ["period", "title"],
    },
    "forms": {
        "collection": "program",
        "file": "program",
        "value_field": "forms.*.id",
        "search_fields": ["forms.*.title"],
        "display_fields": ["forms.*.title"],
    },
}
IMAGE_FIELDS = {"photo", "image", "logo"}
MAX_NESTING = 4  # roadmap sections may nest; the editor shows this many levels, deeper data is kept as is


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


def object_fields(node: Schema, definitions: dict[str, Schema], depth: int) -> list[dict[str, Any]]:
    required = set(node.get("required", ()))
    fields = []
    for name, prop in node.get("properties", {}).items():
        widget = field_config(name, prop, name in required, definitions, depth)
        if widget is not None:
            fields.append(widget)
    return fields


def field_config(
    name: str, prop: Schema, required: bool, definitions: dict[str, Schema], depth: int
) -> dict[str, Any] | None:
    """One Decap field for one schema property (``None`` for what the browser editor cannot show)."""
    node, nullable = _unwrap(prop, definitions)
    title = prop.get("title") or node.get("title") or name
    result: dict[str, Any] = {"name": name, "label": title, "required": required and not nullable}
    hint = prop.get("description") or node.get("description")
    if hint:
        result["hint"] = hint
    ref = prop.get("x-nastavnik-ref")
    json_type = node.get("type")
    is_list = json_type == "array"
    item = _unwrap(node.get("items", {}), definitions)[0] if is_list else node
    if ref in RELATIONS:
        return {**result, "widget": "relation", **RELATIONS[ref], "multiple": is_list, **_default(prop, node, nullable)}
    if "enum" in item:
        labels = enum_labels(prop.get("description"), item["enum"])
        options = [{"label": labels.get(str(v), str(v)), "value": v} for v in item["enum"]]
        return {**result, "widget": "select", "options": options, "multiple": is_list, **_default(prop, node, nullable)}
    if is_list and "properties" in item:
        if depth >= MAX_NESTING:
            return None
        summary = next(
            (f"{{{{fields.{key}}}}}" for key in ("title", "name", "year", "question") if key in item["properties"]),
            None,
        )
        sub = object_fields(item, definitions, depth + 1)
        extra = {"summary": summary} if summary else {}
        # An explicit empty default: otherwise Decap starts the list with one blank item the editor must fill.
        return {**result, "widget": "list", "fields": sub, "collapsed": True, "default": [], **extra}
    if is_list:
        inner = field_config(name, {**item, "title": title}, True, definitions, depth + 1) or {"widget": "string"}
        inner = {key: value for key, value in inner.items() if key not in {"hint", "required"}}
        return {**result, "widget": "list", "field": inner, "default": []}
    if json_type == "object" and "properties" in node:
        if depth >= MAX_NESTING:
            return None
        return {**result, "widget": "object", "collapsed": False, "fields": object_fields(node, definitions, depth + 1)}
    if json_type == "object" or (json_type is None and not _is_date(node)):
        return None  # free-form maps (column roles): kept in the file, edited in the file
    special = prop.get("x-nastavnik") or node.get("x-nastavnik")
    return {**result, **_scalar(name, node, special), **_default(prop, node, nullable)}


def _scalar(name: str, node: Schema, special: str | None) -> dict[str, Any]:
    json_type = node.get("type")
    if _is_date(node):
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD.MM.YYYY", "time_format": False}
    if json_type == "boolean":
        return {"widget": "boolean"}
    if json_type == "integer":
        widget: dict[str, Any] = {"widget": "number", "value_type": "int"}
        for key in ("minimum", "maximum"):
            if key in node:
                widget[key[:3]] = node[key]
        return widget
    if special == "markdown":
        return {"widget": "markdown"}
    if special == "content-path":
        return {"widget": "image" if name in IMAGE_FIELDS else "file", "choose_url": False}
    widget = {"widget": "text" if special == "multiline" else "string"}
    if "pattern" in node:
        widget["pattern"] = [node["pattern"], "значение записано неверно — см. подсказку под полем"]
    return widget


def _is_date(node: Schema) -> bool:
    if node.get("format") in {"date", "date-time"}:
        return True
    return bool(node.get("anyOf")) and all(m.get("format") in {"date", "date-time"} for m in node["anyOf"])


def _default(prop: Schema, node: Schema, nullable: bool) -> dict[str, Any]:
    """The model's default, shown pre-filled; an unset yes/no stays unset (``minor`` means «by role» then)."""
    if "default" in prop and prop["default"] not in (None, [], {}):
        return {"default": prop["default"]}
    if node.get("type") == "boolean" and not nullable:
        return {"default": False}
    return {}


def _unwrap(prop: Schema, definitions: dict[str, Schema]) -> tuple[Schema, bool]:
    """Resolve ``$ref`` and ``anyOf: [X, null]``; say whether null was allowed."""
    node, nullable = prop, False
    members = node.get("anyOf")
    if members and any(m.get("type") == "null" for m in members):
        rest = [m for m in members if m.get("type") != "null"]
        nullable = True
        node = rest[0] if len(rest) == 1 else {"anyOf": rest}
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        node = definitions[ref.removeprefix("#/$defs/")]
    return node, nullable
