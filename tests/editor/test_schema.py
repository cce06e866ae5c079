"""JSON Schema for editors: generated from the models, shipped in schemas/, mapped in .vscode/, never stale."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT, run_cli
from generator.editor.schema import KINDS, enum_labels, kind, modeline, vscode_settings, walk

SHIPPED = ROOT / "schemas"


class _Yaml12Loader(yaml.SafeLoader):
    """Dates stay strings, as the YAML extension of VS Code reads them (YAML 1.2 core schema)."""


_Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load(path: Path) -> object:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        text = text.split("---\n", 2)[1]
    return yaml.load(text, Loader=_Yaml12Loader)


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((SHIPPED / kind(name).schema_file).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_cli_writes_one_schema_per_kind(tmp_path):
    result = run_cli("schema", "-o", "out", cwd=tmp_path)
    assert result.code == 0, result.text
    assert "Схемы записаны в out/" in result.out
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(
        f"{n}.schema.json" for n in ("program", "roadmap", "mentor", "practice", "library", "news", "monitoring")
    )


def test_shipped_schemas_are_up_to_date(tmp_path):
    assert run_cli("schema", "-o", str(tmp_path), cwd=tmp_path).code == 0
    for k in KINDS:
        fresh = (tmp_path / k.schema_file).read_text(encoding="utf-8")
        shipped = SHIPPED / k.schema_file
        assert shipped.is_file() and shipped.read_text(encoding="utf-8") == fresh, (
            f"schemas/{k.schema_file} is stale: run `nastavnik schema` (or `python -m generator schema`) "
            "in the repository root and commit schemas/"
        )


@pytest.mark.parametrize("k", KINDS, ids=lambda k: k.name)
def test_every_field_and_model_has_a_russian_title_and_description(k):
    schema = json.loads((SHIPPED / k.schema_file).read_text(encoding="utf-8"))
    cyrillic = re.compile(r"[А-Яа-яЁё]")
    models = [schema, *schema.get("$defs", {}).values()]
    for model in models:
        assert cyrillic.search(model["title"]), model["title"]
        assert cyrillic.search(model["description"]), model["title"]
        for name, field in model.get("properties", {}).items():
            assert cyrillic.search(field.get("title", "")), f"{model['title']}.{name}: no Russian title"
            assert cyrillic.search(field.get("description", "")), f"{model['title']}.{name}: no Russian description"


@pytest.mark.parametrize("k", KINDS, ids=lambda k: k.name)
def test_every_closed_list_is_an_enum_with_russian_labels(k):
    schema = json.loads((SHIPPED / k.schema_file).read_text(encoding="utf-8"))
    enums = [node for node in walk(schema) if "enum" in node]
    for node in enums:
        assert len(node["enumDescriptions"]) == len(node["enum"]), node
        assert all(re.search(r"[а-яё]", label) for label in node["enumDescriptions"]), node


def test_closed_lists_of_the_mentor():
    schema = json.loads((SHIPPED / "mentor.schema.json").read_text(encoding="utf-8"))
    role = schema["properties"]["role"]
    assert role["enum"] == ["teacher", "pupil", "student", "parent", "employer", "graduate", "administrator"]
    assert role["enumDescriptions"][1] == "ученик"
    consent = schema["$defs"]["Consent"]
    assert consent["properties"]["by"]["enum"] == ["self", "parent"]
    assert consent["properties"]["scope"]["items"]["enum"] == ["name", "photo", "bio", "honors", "contacts"]
    assert schema["required"] == ["name", "role", "consent"]
    assert schema["properties"]["class"]["title"] == "Класс или группа"  # the alias, as written in YAML


def test_enum_labels_reads_value_dash_label_pairs():
    text = "self — сам человек; parent — родитель (законный представитель) несовершеннолетнего"
    assert enum_labels(text, ["self", "parent"]) == {
        "self": "сам человек",
        "parent": "родитель (законный представитель) несовершеннолетнего",
    }
    assert enum_labels("нет пар", ["a"]) == {}


@pytest.mark.parametrize("k", KINDS, ids=lambda k: k.name)
def test_demo_data_passes_its_schema(k):
    validator = _validator(k.name)
    files = sorted(ROOT.glob(k.files))
    assert files, k.files
    for path in files:
        errors = [e.message for e in validator.iter_errors(_load(path))]
        assert not errors, f"{path.relative_to(ROOT)}: {errors}"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        ({"name": "Иванова Мария Петровна", "role": "teacher"}, "'consent' is a required property"),
        ({"name": "Иванова М. П.", "role": "teacher", "consent": {"publish": False}, "experiance": 3}, "experiance"),
        ({"name": "Иванова М. П.", "role": "учитель", "consent": {"publish": False}}, "'учитель' is not one of"),
        ({"name": "Иванова М. П.", "role": "teacher", "consent": {"publish": "да"}}, "'да' is not of type 'boolean'"),
        (
            {"name": "И. М.", "role": "teacher", "consent": {"publish": True, "date": "1 сентября"}},
            "'1 сентября' is not valid",
        ),
        ({"name": "И. М.", "role": "teacher", "consent": {"publish": False}, "forms": ["Учитель"]}, "does not match"),
    ],
)
def test_schema_catches_what_the_editor_gets_wrong(data, fragment):
    messages = [e.message for e in _validator("mentor").iter_errors(data)]
    assert any(fragment in m for m in messages), messages


def test_minimal_mentor_of_the_design_is_valid():
    assert not list(
        _validator("mentor").iter_errors({"name": "Иванова", "role": "pupil", "consent": {"publish": False}})
    )


def test_vscode_maps_each_schema_to_its_files():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == vscode_settings()
    mapped = settings["yaml.schemas"]
    for schema_path, glob in mapped.items():
        assert (ROOT / schema_path).is_file(), schema_path
        assert list(ROOT.glob(glob)), glob
    assert mapped["./schemas/mentor.schema.json"] == "data/mentors/*.yaml"
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]


@pytest.mark.parametrize("k", [k for k in KINDS if not k.front_matter], ids=lambda k: k.name)
def test_demo_files_name_their_schema_with_a_working_relative_path(k):
    for path in sorted(ROOT.glob(k.files)):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        rel_dir = path.parent.relative_to(ROOT).as_posix()
        assert first == modeline(k, rel_dir), path
        target = (path.parent / first.split("$schema=", 1)[1]).resolve()
        assert target == (SHIPPED / k.schema_file).resolve() and target.is_file()
