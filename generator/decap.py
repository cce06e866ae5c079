"""The browser editor at ``/admin/``: Decap CMS configured from the same models as the JSON Schemas.

``admin/config.yml`` has one collection per kind of record (one file a record, as in ``data/``),
widgets chosen from the field types, Russian labels and hints from the fields' titles and
descriptions, ``locale: ru``, media in ``content/files/`` and the editorial workflow, so every change
an editor saves becomes a pull request that CI checks before it is merged.

Decap's script is not in this repository: it is installed from npm (``make admin``) and copied into
the site from ``node_modules/``. Without it ``/admin/`` is left out of the build and the build says
so (:data:`MISSING_NOTE`); the rest of the site does not depend on it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .schema import KINDS, Kind, Schema, enum_labels, json_schema, modeline

ADMIN_DIR = "admin"
DECAP_VERSION = "3.16.3"  # the npm packages /admin/ is built and tested with (package.json pins the same)
YAML_VERSION = "1.10.3"
NODE_MODULES_ENV = "NASTAVNIK_NODE_MODULES"  # where decap-cms and yaml are installed (default: <portal>/node_modules)
LOCAL_BACKEND_ENV = "NASTAVNIK_DECAP_LOCAL_BACKEND"  # a decap-server URL (or 1): never set in production
DEFAULT_PROXY = "http://localhost:8081/api/v1"
ID_FIELD = "nastavnik_id"  # a new record's file name, set by nastavnik-admin.js and never written to the file
HEADER_FIELD = "nastavnik_header"  # the leading comments of a file, kept across edits
FILE_ID = "{{fields." + ID_FIELD + "}}"  # Decap's slug template for that file name
TEMPLATES = Path(__file__).parent / "templates" / "admin"
MISSING_NOTE = (
    f"Редактор в браузере (/admin/) не собран: в node_modules/ нет Decap CMS. Установите его (нужен npm): "
    f"npm install --no-save decap-cms@{DECAP_VERSION} yaml@{YAML_VERSION} (в репозитории «Наставника» — make admin) "
    "и соберите сайт ещё раз; остальной сайт собран полностью."
)

NO_REPO_NOTE = (
    "Редактор в браузере собран в /admin/, но не знает, где хранятся данные: добавьте в mkdocs.yml строку "
    "repo_url: https://github.com/ВЛАДЕЛЕЦ/РЕПОЗИТОРИЙ (как подключить вход через GitHub — в README.md)."
)


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


@dataclass(frozen=True)
class AdminSite:
    """The files of ``/admin/``: generated text, and vendor files copied from ``node_modules/``."""

    generated: dict[str, str] = field(default_factory=dict)
    copied: dict[str, Path] = field(default_factory=dict)
    note: str | None = None


def admin_site(root: Path, settings: AdminSettings) -> AdminSite:
    """Everything ``/admin/`` needs, or a note saying why it is left out."""
    modules = node_modules(root)
    copied = vendor_files(modules) if modules is not None else None
    if not copied:
        return AdminSite(note=MISSING_NOTE)
    generated = {
        f"{ADMIN_DIR}/index.html": index_html(settings),
        f"{ADMIN_DIR}/config.yml": config_yml(settings),
        f"{ADMIN_DIR}/nastavnik-admin.js": (TEMPLATES / "nastavnik-admin.js").read_text(encoding="utf-8"),
        f"{ADMIN_DIR}/LICENSES.txt": licences(modules),  # type: ignore[arg-type]
    }
    note = None if settings.repo or settings.local_backend else NO_REPO_NOTE
    return AdminSite(generated=generated, copied=copied, note=note)


def settings_from(config: dict[str, Any], admin: dict[str, Any]) -> AdminSettings:
    """Admin settings from mkdocs.yml (``repo_url``, ``site_url``, the plugin's ``admin:``) and the environment."""
    local = os.environ.get(LOCAL_BACKEND_ENV, "").strip()
    return AdminSettings(
        site_name=str(config.get("site_name") or ""),
        site_url=config.get("site_url") or None,
        repo=admin.get("repo") or repo_from_url(config.get("repo_url")),
        branch=admin.get("branch") or "main",
        base_url=admin.get("base_url") or None,
        auth_endpoint=admin.get("auth_endpoint") or None,
        local_backend=(DEFAULT_PROXY if local in {"1", "true", "yes"} else local) or None,
    )


def repo_from_url(url: str | None) -> str | None:
    """``https://github.com/school12/nastavnichestvo(.git)`` → ``school12/nastavnichestvo``."""
    match = re.match(r"^https?://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$", url or "")
    return f"{match.group(1)}/{match.group(2)}" if match else None


def node_modules(root: Path) -> Path | None:
    configured = os.environ.get(NODE_MODULES_ENV)
    folder = Path(configured) if configured else root / "node_modules"
    return folder if folder.is_dir() else None


def vendor_files(modules: Path) -> dict[str, Path]:
    """Decap's script with its chunks and licence notices, and the YAML library our formats use."""
    decap = modules / "decap-cms" / "dist"
    yaml_lib = modules / "yaml" / "browser" / "dist"
    if not (decap / "decap-cms.js").is_file() or not (yaml_lib / "index.js").is_file():
        return {}
    files = {
        f"{ADMIN_DIR}/{path.name}": path
        for path in sorted(decap.iterdir())
        if path.name == "decap-cms.js.LICENSE.txt" or re.fullmatch(r"(\d+\.)?decap-cms\.js|[0-9a-f]+\.wasm", path.name)
    }
    files.update({f"{ADMIN_DIR}/vendor/yaml/{p.name}": p for p in sorted(yaml_lib.glob("*.js"))})
    return files


def vendor_paths(root: Path) -> frozenset[str]:
    """Site paths of the third-party files /admin/ copies unchanged (the private-name check skips them)."""
    modules = node_modules(root)
    return frozenset(vendor_files(modules)) if modules is not None else frozenset()


def licences(modules: Path) -> str:
    """Which third-party code /admin/ serves, under which licence."""
    lines = ["Редактор раздела (/admin/) использует свободные программы:", ""]
    for name, notices in (("decap-cms", "decap-cms.js.LICENSE.txt"), ("yaml", None)):
        meta = json.loads((modules / name / "package.json").read_text(encoding="utf-8"))
        lines.append(
            f"{meta['name']} {meta['version']} — лицензия {meta.get('license', '?')}, {meta.get('homepage', '')}"
        )
        if notices:
            lines.append(f"  уведомления о лицензиях встроенных библиотек: {notices}")
        licence_file = modules / name / "LICENSE"
        if licence_file.is_file():
            lines += ["", licence_file.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def index_html(settings: AdminSettings) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]), undefined=StrictUndefined
    )
    payload = json.dumps(page_settings(), ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    from markupsafe import Markup

    return env.get_template("index.html.j2").render(site_name=settings.site_name, settings_json=Markup(payload))


def page_settings() -> dict[str, Any]:
    """What nastavnik-admin.js needs: the file formats and how new files are named."""
    formats = {}
    for coll in COLLECTIONS:
        k = _kind(coll.kind)
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
    k = _kind(coll.kind)
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
    kind = node.get("type")
    is_list = kind == "array"
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
    if kind == "object" and "properties" in node:
        if depth >= MAX_NESTING:
            return None
        return {**result, "widget": "object", "collapsed": False, "fields": object_fields(node, definitions, depth + 1)}
    if kind == "object" or (kind is None and not _is_date(node)):
        return None  # free-form maps (column roles): kept in the file, edited in the file
    special = prop.get("x-nastavnik") or node.get("x-nastavnik")
    return {**result, **_scalar(name, node, special), **_default(prop, node, nullable)}


def _scalar(name: str, node: Schema, special: str | None) -> dict[str, Any]:
    kind = node.get("type")
    if _is_date(node):
        return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD.MM.YYYY", "time_format": False}
    if kind == "boolean":
        return {"widget": "boolean"}
    if kind == "integer":
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


def _kind(name: str) -> Kind:
    return next(k for k in KINDS if k.name == name)
