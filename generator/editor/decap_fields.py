"""One Decap CMS field for each property of a model's JSON Schema.

The widget is chosen from the property's type: text, number, date, yes/no, a list of choices with
Russian labels, a searchable list of other records (:data:`RELATIONS`), files and images in
``content/files/``, lists and nested objects down to :data:`MAX_NESTING` levels. Labels and hints come
from the fields' titles and descriptions. The collections these fields go into are
:mod:`generator.editor.decap_config`'s.
"""

from __future__ import annotations

from typing import Any

from generator.editor.schema import Schema, enum_labels

# Fields that hold ids of other records: a searchable list of those records instead of a text box
# (the collections are named as in decap_config.COLLECTIONS).
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
