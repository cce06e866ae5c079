"""One table of enum labels (generator/models/labels.py): the JSON Schema, the browser editor and the pages read it."""

from __future__ import annotations

import json
from typing import get_args

import pytest

from conftest import ROOT
from generator.editor.schema import KINDS, enum_labels, json_schema, walk
from generator.models import common, library, mentor, program, roadmap
from generator.models.labels import DESCRIBED, LABELS, describe
from generator.portal import schedule, views
from generator.render import mentors, pages

GOLDEN = ROOT / "tests" / "golden" / "pages"

LITERALS = {
    "role": mentor.Role,
    "level": mentor.Level,
    "category": library.Category,
    "kind": library.Kind,
    "recurrence": roadmap.Recurrence,
    "organization_type": program.OrganizationType,
    "consent_scope": common.ConsentScope,
    "period_kind": roadmap.PeriodKind,
    "column_role": roadmap.ColumnRole,
}


@pytest.mark.parametrize("name", LITERALS)
def test_every_value_of_a_closed_list_has_a_label(name):
    assert tuple(LABELS[name]) == get_args(LITERALS[name])


def test_the_statuses_are_the_editors_four_and_the_derived_two():
    assert tuple(LABELS["status"])[:4] == get_args(roadmap.Status)
    assert tuple(LABELS["status"]) == get_args(schedule.EffectiveStatus)


def _enums() -> list[tuple[str, list[str], list[str]]]:
    """(kind, values, enumDescriptions) of every closed list in every schema."""
    return [
        (k.name, node["enum"], node.get("enumDescriptions", []))
        for k in KINDS
        for node in walk(json_schema(k))
        if "enum" in node and all(isinstance(v, str) for v in node["enum"])
    ]


def test_every_schema_label_is_the_table_s():
    found = set()
    for kind, values, descriptions in _enums():
        matches = [n for n in DESCRIBED if [LABELS[n].get(v) for v in values] == descriptions]
        assert matches, f"{kind}: {values} → {descriptions} is not a list of generator/models/labels.py"
        found.update(matches)
    assert found == set(DESCRIBED)  # every list of the table reaches the editors


def test_the_shipped_schemas_carry_the_labels_too():
    shipped = json.loads((ROOT / "schemas" / "library.schema.json").read_text("utf-8"))
    kind = shipped["properties"]["kind"]
    assert kind["enumDescriptions"] == list(LABELS["kind"].values())
    assert enum_labels(describe("consent_by", separator="; "), ["self", "parent"]) == dict(LABELS["consent_by"])


def test_the_pages_read_the_same_table():
    assert views.CATEGORY_LABELS is LABELS["category"]
    assert views.KIND_LABELS is LABELS["kind"]
    assert views.LEVEL_LABELS is LABELS["level"]
    assert schedule.STATUS_LABELS is LABELS["status"]
    assert mentors.ROLE_GROUPS is LABELS["role_group"]
    assert pages.NORMATIVE_LABELS is LABELS["normative_group"]
    assert dict(schedule.RECURRENCE_LABELS) == {**LABELS["recurrence"], "none": ""}  # a one-off says nothing


def test_the_published_pages_show_the_table_s_labels():
    library_page = (GOLDEN / "library" / "index.md").read_text("utf-8")
    board = (GOLDEN / "honor-board" / "index.md").read_text("utf-8")
    roadmap_page = (GOLDEN / "roadmap" / "index.md").read_text("utf-8")
    assert LABELS["category"]["methods"] in library_page and LABELS["normative_group"]["federal"] in library_page
    assert LABELS["level"]["municipal"] in board
    assert LABELS["status"]["done"] in roadmap_page
