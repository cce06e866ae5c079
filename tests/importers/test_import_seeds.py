"""The three seed roadmaps, imported from DOCX and from XLSX, against their ground truth.

``nastavnik export --format json`` of each import is compared with ``seed-NNN.expected.json`` on
title … extra_tables, texts with whitespace collapsed (as the seeds' README says); sub-points keep
their typed markers, so details are compared as they are. A failure lists every item that differs.

What the flat XLSX cannot carry (see the seeds' README: row 1 is the header, nothing comes before
it): the approval block, the goal and the tasks — and with the approval, seed-001's organization,
which only its approval names. An extra table's full title does not fit Excel's 31-character
sheet name, so there it is the sheet's name. The title comes from the workbook's properties.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lxml import html as lxml_html

from conftest import FIXTURES, copy_portal, run_cli

SEEDS = ("000", "001", "004")
SEED_DIR = FIXTURES / "seeds"
TOP = ("title", "organization", "period", "period_kind", "approval", "goal", "tasks", "columns", "column_roles")
ITEM = ("number", "title", "details", "deadline", "responsible", "result", "indicators")
SECTION = ("number", "title", "heading", "level")


def norm(value: Any) -> Any:
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, list):
        return [norm(v) for v in value]
    if isinstance(value, dict):
        return {k: norm(v) for k, v in value.items()}
    return value


def expected_for(seed: str, fmt: str) -> dict[str, Any]:
    expected = json.loads((SEED_DIR / f"seed-{seed}.expected.json").read_text("utf-8"))
    if fmt == "xlsx":
        expected.update(approval=None, goal=None, tasks=[])
        if seed == "001":
            expected["organization"] = None
        sheets = openpyxl.load_workbook(SEED_DIR / f"seed-{seed}.xlsx").sheetnames[1:]
        for table, sheet in zip(expected["extra_tables"], sheets, strict=True):
            table["title"] = sheet
    return expected


def _item_label(item: dict[str, Any]) -> str:
    return f"{item.get('number') or '—'} «{(item.get('title') or (item.get('details') or [''])[0])[:50]}»"


def _items(expected: list[dict], got: list[dict], where: str, out: list[str]) -> None:
    if len(expected) != len(got):
        out.append(f"{where}: мероприятий {len(got)}, а должно быть {len(expected)}")
    for index, (want, have) in enumerate(zip(expected, got, strict=False)):
        for field in ITEM:
            if norm(want[field]) != norm(have[field]):
                out.append(
                    f"{where}, пункт {index + 1} {_item_label(want)}: {field}: {have[field]!r} вместо {want[field]!r}"
                )
    for extra in got[len(expected) :]:
        out.append(f"{where}: лишнее мероприятие {_item_label(extra)}")


def _sections(expected: list[dict], got: list[dict], where: str, out: list[str]) -> None:
    if len(expected) != len(got):
        out.append(f"{where}: разделов {len(got)}, а должно быть {len(expected)}")
    for want, have in zip(expected, got, strict=False):
        here = f"{where}/{want['heading'][:40]}"
        for field in SECTION:
            if norm(want[field]) != norm(have[field]):
                out.append(f"{here}: {field}: {have[field]!r} вместо {want[field]!r}")
        _items(want["items"], have["items"], here, out)
        _sections(want["sections"], have["sections"], here, out)


def differences(expected: dict[str, Any], got: dict[str, Any]) -> list[str]:
    out = [
        f"{field}: {got[field]!r} вместо {expected[field]!r}"
        for field in TOP
        if norm(expected[field]) != norm(got[field])
    ]
    _sections(expected["sections"], got["sections"], "", out)
    if len(expected["extra_tables"]) != len(got["extra_tables"]):
        out.append(f"дополнительных таблиц {len(got['extra_tables'])}, а должно быть {len(expected['extra_tables'])}")
    for want, have in zip(expected["extra_tables"], got["extra_tables"], strict=False):
        for field in ("title", "columns", "column_roles"):
            if norm(want[field]) != norm(have[field]):
                out.append(f"таблица «{want['title']}»: {field}: {have[field]!r} вместо {want[field]!r}")
        _items(want["items"], have["items"], f"таблица «{want['title']}»", out)
    return out


def counts(data: dict[str, Any]) -> dict[str, int]:
    def walk(sections: list[dict]) -> tuple[int, int]:
        found = [(1 + walk(s["sections"])[0], len(s["items"]) + walk(s["sections"])[1]) for s in sections]
        return sum(f[0] for f in found), sum(f[1] for f in found)

    sections, items = walk(data["sections"])
    return {
        "sections": sections,
        "items": items,
        "extra_table_items": sum(len(t["items"]) for t in data["extra_tables"]),
    }


def imported_export(portal: Path, source: Path, roadmap_id: str) -> dict:
    """``nastavnik import`` of ``source``, read back through ``nastavnik export --format json``: what a tool sees."""
    imported = run_cli("import", str(source), "--id", roadmap_id, cwd=portal)
    assert imported.code == 0, imported.text
    exported = run_cli("export", "--roadmap", roadmap_id, "--format", "json", cwd=portal)
    assert exported.code == 0, exported.text
    return json.loads(exported.out)


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Path:
    return copy_portal("minimal", tmp_path_factory.mktemp("seeds"))


@pytest.mark.parametrize("fmt", ["docx", "xlsx"])
@pytest.mark.parametrize("seed", SEEDS)
def test_seed_imports_exactly(portal, seed, fmt):
    got = imported_export(portal, SEED_DIR / f"seed-{seed}.{fmt}", f"seed-{seed}-{fmt}")
    expected = expected_for(seed, fmt)
    problems = differences(expected, got)
    assert not problems, f"seed-{seed}.{fmt}: расхождений {len(problems)}:\n" + "\n".join(problems)
    assert counts(got) == expected["counts"]


def test_every_seed_import_passes_check(portal):
    for seed in SEEDS:
        result = run_cli("import", str(SEED_DIR / f"seed-{seed}.docx"), "--id", f"check-{seed}", cwd=portal)
        assert result.code == 0, result.text
    check = run_cli("check", "--strict", cwd=portal)
    assert check.code == 0, check.text


def test_the_comparison_itself_reports_which_items_differ():
    expected = expected_for("004", "docx")
    got = json.loads(json.dumps(expected))
    got["sections"][1]["items"][0]["deadline"] = "до 2 октября 2024"
    got["sections"][3]["items"].append(dict(got["sections"][3]["items"][0]))
    problems = differences(expected, got)
    assert len(problems) == 3, problems
    assert problems[0].startswith("/II. Внедрение системы наставничества")
    assert "пункт 1 2.1 «Формирование базы наставляемых" in problems[0]
    assert problems[0].endswith("deadline: 'до 2 октября 2024' вместо 'до 1 октября 2024'")
    assert problems[1].endswith("мероприятий 5, а должно быть 4")
    assert "лишнее мероприятие 4.1 «Своевременное обеспечение" in problems[2]


@pytest.mark.slow
def test_imported_seeds_build_as_archived_roadmaps(tmp_path):
    root = copy_portal("minimal", tmp_path)
    for seed in SEEDS:
        result = run_cli("import", str(SEED_DIR / f"seed-{seed}.docx"), "--id", f"seed-{seed}", cwd=root)
        assert result.code == 0, result.text
    build = run_cli("build", cwd=root)
    assert build.code == 0, build.text
    for seed in SEEDS:
        page = root / "site" / "roadmap" / f"seed-{seed}" / "index.html"
        text = " ".join(lxml_html.fromstring(page.read_bytes()).text_content().split())
        expected = json.loads((SEED_DIR / f"seed-{seed}.expected.json").read_text("utf-8"))
        items = [i for s in expected["sections"] for i in s["items"] + [j for t in s["sections"] for j in t["items"]]]
        items += [i for t in expected["extra_tables"] for i in t["items"]]
        missing = [
            f"{_item_label(item)}: {field}"
            for item in items
            for field in ("title", "deadline", "responsible", "result", "indicators")
            if item[field] and norm(item[field]) not in text
        ]
        missing += [d for item in items for d in item["details"] if norm(d) not in text]
        assert not missing, f"seed-{seed}: на странице нет:\n" + "\n".join(missing)
        assert norm(expected["title"]) in text
    current = " ".join(
        lxml_html.fromstring((root / "site" / "roadmap" / "index.html").read_bytes()).text_content().split()
    )
    assert "Издание приказа о внедрении целевой модели" in current  # the portal's own current roadmap
    assert "Коррекция нормативно-правового обеспечения ЦПН" not in current  # the seeds are archived ones
