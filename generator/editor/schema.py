"""JSON Schema for every kind of record, generated from the pydantic models (``nastavnik schema``).

The schemas give editors completion, hover help in Russian and red underlines while typing (VS Code
with the YAML extension, via ``.vscode/settings.json`` or a ``# yaml-language-server: $schema=…``
line). The same schemas drive the browser editor's configuration (:mod:`generator.editor.decap`), so the
titles and descriptions an editor reads are the models' own, in one place.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.models import Document, Mentor, Monitoring, Post, Practice, Program, Roadmap

SCHEMA_DIR = "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]


@dataclass(frozen=True)
class Kind:
    """One kind of record: its model, where its files live, and the name of its schema."""

    name: str
    model: type[BaseModel]
    files: str  # a glob relative to the portal's root
    front_matter: bool = False  # the record is the front matter of a Markdown file
    bare_list_of: str | None = None  # the file is a plain list of this field's items (monitoring.yaml)

    @property
    def schema_file(self) -> str:
        return f"{self.name}.schema.json"


KINDS: tuple[Kind, ...] = (
    Kind("program", Program, "data/program.yaml"),
    Kind("roadmap", Roadmap, "data/roadmaps/*.yaml"),
    Kind("mentor", Mentor, "data/mentors/*.yaml"),
    Kind("practice", Practice, "data/practices/*.yaml"),
    Kind("library", Document, "data/library/*.yaml"),
    Kind("news", Post, "content/news/posts/*.md", front_matter=True),
    Kind("monitoring", Monitoring, "data/monitoring.yaml", bare_list_of="figures"),
)


def kind(name: str) -> Kind:
    return next(k for k in KINDS if k.name == name)


def json_schema(k: Kind) -> Schema:
    """The kind's JSON Schema: field names as written in YAML, Russian titles, enum labels."""
    schema = k.model.model_json_schema(by_alias=True, mode="validation")
    if k.bare_list_of is not None:
        field = schema["properties"][k.bare_list_of]
        schema = {
            "title": schema["title"],
            "description": schema["description"],
            "type": "array",
            "items": field["items"],
            "$defs": schema.get("$defs", {}),
        }
    _restore_field_titles(k.model, schema)
    for node in walk(schema):
        _label_enums(node)
    return {"$schema": DIALECT, **schema}


def render(k: Kind) -> str:
    return json.dumps(json_schema(k), ensure_ascii=False, indent=2) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    """Write every kind's schema into ``folder``; return the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for k in KINDS:
        path = folder / k.schema_file
        path.write_text(render(k), encoding="utf-8")
        written.append(path)
    return written


def vscode_settings(schema_dir: str = SCHEMA_DIR) -> dict[str, Any]:
    """``.vscode/settings.json``: each schema mapped to its files (YAML extension by Red Hat)."""
    return {
        "yaml.schemas": {f"./{schema_dir}/{k.schema_file}": k.files for k in KINDS if not k.front_matter},
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.hover": True,
        "files.encoding": "utf8",
        "files.eol": "\n",
    }


def modeline(k: Kind, file_dir: str) -> str:
    """The ``# yaml-language-server: $schema=…`` line for a file in ``file_dir`` (relative to the root)."""
    depth = len([part for part in file_dir.split("/") if part])
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{k.schema_file}"


def walk(node: Any) -> Iterator[Schema]:
    """Every schema object inside ``node`` (properties, items, $defs, anyOf …), without recursion."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            yield current
            stack.extend(v for v in current.values() if isinstance(v, (dict, list)))
        elif isinstance(current, list):
            stack.extend(v for v in current if isinstance(v, (dict, list)))


_LABEL = re.compile(r"(?:^|[\s,;(:])([a-z][a-z0-9_-]*) — ([^,;]+)")


def enum_labels(description: str | None, values: list[Any]) -> dict[str, str]:
    """``"teacher — педагог, pupil — ученик"`` → ``{"teacher": "педагог", …}`` for the given values only."""
    if not description:
        return {}
    found = {value: label.strip() for value, label in _LABEL.findall(description)}
    return {str(v): found[str(v)] for v in values if str(v) in found}


def _label_enums(node: Schema) -> None:
    """Add ``enumDescriptions`` (shown by the YAML extension) taken from the field's description."""
    description = node.get("description")
    targets = [node, *(member for member in node.get("anyOf", ()) if isinstance(member, dict))]
    for container in list(targets):
        if container.get("type") == "array" and isinstance(container.get("items"), dict):
            targets.append(container["items"])
        if isinstance(container.get("additionalProperties"), dict):
            targets.append(container["additionalProperties"])
    for target in targets:
        values = target.get("enum")
        if not values or "enumDescriptions" in target:
            continue
        labels = enum_labels(description or target.get("description"), values)
        if len(labels) == len(values):
            target["enumDescriptions"] = [labels[str(v)] for v in values]


def _restore_field_titles(model: type[BaseModel], schema: Schema) -> None:
    """Pydantic leaves out the title of a field that refers to another model; put the field's own back."""
    definitions = schema.get("$defs", {})
    for cls in _models_within(model):
        target = schema if cls is model else definitions.get(cls.__name__)
        if target is None:
            continue
        properties = target.get("properties", {})
        for name, info in cls.model_fields.items():
            prop = properties.get(info.alias or name)
            if prop is not None and "title" not in prop and info.title:
                prop["title"] = info.title


def _models_within(model: type[BaseModel]) -> list[type[BaseModel]]:
    """The model and every model its fields hold (inside lists, optionals, dicts), each once."""
    found: list[type[BaseModel]] = []
    stack: list[Any] = [model]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            if current in found:
                continue
            found.append(current)
            stack.extend(info.annotation for info in current.model_fields.values())
        else:
            stack.extend(getattr(current, "__args__", ()))
    return found
