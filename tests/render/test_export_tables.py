"""``nastavnik export --format xlsx|csv``: the flat layout read back with pandas, formula safety, round trips."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from conftest import FIXTURES, copy_portal, run_cli

SEED_DIR = FIXTURES / "seeds"
FORMULA_ROADMAP = """\
title: Дорожная карта на 2025-2026 учебный год
period: "2025-2026"
columns: ["№", "Мероприятие", "Сроки", "Ответственный", "Результат"]
column_roles: {"№": number, "Мероприятие": activity, "Сроки": deadline, "Ответственный": responsible, "Результат": result}
sections:
  - title: "=HYPERLINK(\\"http://example.invalid\\")"
    items:
      - number: "1"
        title: "=1+1"
        details: ["-2+3", "@SUM(A1)"]
        deadline: "+7 дней"
        responsible: "'=уже с кавычкой"
        result: "@cmd|' /C calc'!A0"
"""


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Path:
    root = copy_portal("minimal", tmp_path_factory.mktemp("tables"))
    for seed in ("000", "001", "004"):
        result = run_cli("import", str(SEED_DIR / f"seed-{seed}.docx"), "--id", f"seed-{seed}", cwd=root)
        assert result.code == 0, result.text
    (root / "data" / "roadmaps" / "formula.yaml").write_text(FORMULA_ROADMAP, "utf-8")
    return root


def export(root: Path, roadmap: str, fmt: str, out: Path | None = None) -> bytes:
    target = out or root / f"{roadmap}.{fmt}"
    result = run_cli("export", "--roadmap", roadmap, "--format", fmt, "-o", str(target), cwd=root)
    assert result.code == 0, result.text
    return target.read_bytes()


def as_json(root: Path, roadmap: str) -> dict:
    result = run_cli("export", "--roadmap", roadmap, "--format", "json", cwd=root)
    assert result.code == 0, result.text
    data = json.loads(result.out)
    data.pop("id")
    return data


def flat_items(data: dict) -> list[tuple[str, dict]]:
    out = []

    def walk(sections: list[dict], path: tuple[str, ...]) -> None:
        for section in sections:
            here = (*path, section["heading"] or section["title"] or "")
            out.extend((" / ".join(here), item) for item in section["items"])
            walk(section["sections"], here)

    walk(data["sections"], ())
    return out


def test_xlsx_main_sheet_has_one_row_per_item_in_the_documents_columns(portal):
    payload = export(portal, "seed-001", "xlsx")
    data = as_json(portal, "seed-001")
    sheets = pd.read_excel(io.BytesIO(payload), sheet_name=None, dtype=str, keep_default_na=False)
    assert list(sheets) == ["Дорожная карта", "Участие в комплексных", "Сведения"]
    main = sheets["Дорожная карта"]
    assert list(main.columns) == ["Раздел", *data["columns"]]
    items = flat_items(data)
    assert len(main) == len(items) == 22
    for (_, row), (path, item) in zip(main.iterrows(), items, strict=True):
        assert row["Раздел"] == path
        assert row["Мероприятие"] == item["title"]
        assert row["Содержание деятельности"] == "\n".join(item["details"])
        assert row["Сроки"] == item["deadline"] and row["Ответственные"] == item["responsible"]
    extra = sheets["Участие в комплексных"]
    assert list(extra.columns) == data["extra_tables"][0]["columns"]
    assert list(extra["№ п/п"]) == [i["number"] for i in data["extra_tables"][0]["items"]]
    meta = dict(zip(sheets["Сведения"]["Поле"], sheets["Сведения"]["Значение"], strict=True))
    assert meta["Название"] == data["title"]
    assert meta["Утверждено: номер приказа"] == "223" and meta["Утверждено: дата приказа"] == "2023-05-02"
    assert meta["Дополнительные таблицы"] == "Участие в комплексных мероприятиях"


def test_xlsx_is_formatted_for_people(portal):
    book = openpyxl.load_workbook(io.BytesIO(export(portal, "seed-004", "xlsx")))
    sheet = book["Дорожная карта"]
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.b for cell in sheet[1])
    assert sheet["C2"].alignment.wrap_text and sheet["C2"].alignment.vertical == "top"
    assert sheet.column_dimensions["C"].width == 60  # the activity column
    assert sheet.column_dimensions["B"].width == 8  # the number column
    assert book.properties.title.startswith("Дорожная карта реализации Целевой модели")


def test_xlsx_and_csv_are_the_same_bytes_every_time(portal, tmp_path):
    for fmt in ("xlsx", "csv"):
        assert export(portal, "seed-000", fmt, tmp_path / f"a.{fmt}") == export(
            portal, "seed-000", fmt, tmp_path / f"b.{fmt}"
        )


def test_csv_is_utf8_with_bom_semicolons_and_the_main_table_only(portal):
    payload = export(portal, "seed-001", "csv")
    assert payload.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(payload), sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    data = as_json(portal, "seed-001")
    assert list(table.columns) == ["Раздел", *data["columns"]]
    items = flat_items(data)
    assert len(table) == len(items)
    assert list(table["Содержание деятельности"]) == ["\n".join(i["details"]) for _, i in items]
    assert "Участие в комплексных мероприятиях" not in payload.decode("utf-8-sig")


def test_no_value_becomes_a_formula(portal):
    payload = export(portal, "formula", "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(payload))["Дорожная карта"]
    cells = {cell.coordinate: cell for row in sheet.iter_rows() for cell in row if cell.value is not None}
    assert all(cell.data_type == "s" for cell in cells.values())
    assert sheet["A2"].value == '=HYPERLINK("http://example.invalid")'
    assert sheet["C2"].value == "=1+1\n\n-2+3\n@SUM(A1)"  # the blank line: «=1+1» is the title
    assert sheet["D2"].value == "+7 дней" and sheet["E2"].value == "'=уже с кавычкой"
    assert sheet["F2"].value == "@cmd|' /C calc'!A0"
    assert sheet["C2"].quotePrefix and sheet["D2"].quotePrefix
    read = pd.read_excel(io.BytesIO(payload), dtype=str)
    assert read.loc[0, "Мероприятие"] == "=1+1\n\n-2+3\n@SUM(A1)"

    text = export(portal, "formula", "csv").decode("utf-8-sig")
    row = next(pd.read_csv(io.StringIO(text), sep=";", dtype=str, keep_default_na=False).itertuples(index=False))
    assert row == (
        '\'=HYPERLINK("http://example.invalid")',
        "1",
        "'=1+1\n\n-2+3\n@SUM(A1)",
        "'+7 дней",
        "''=уже с кавычкой",
        "'@cmd|' /C calc'!A0",
    )


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_formula_values_come_back_unchanged_on_import(portal, fmt):
    export(portal, "formula", fmt)
    result = run_cli("import", str(portal / f"formula.{fmt}"), "--id", f"formula-back-{fmt}", cwd=portal)
    assert result.code == 0, result.text
    (_, item), *_ = flat_items(as_json(portal, f"formula-back-{fmt}"))
    original = flat_items(as_json(portal, "formula"))[0][1]
    assert {k: item[k] for k in ("number", "title", "details", "deadline", "responsible", "result")} == {
        k: original[k] for k in ("number", "title", "details", "deadline", "responsible", "result")
    }


@pytest.mark.parametrize("roadmap", ["seed-000", "seed-001", "seed-004", "dk-2026-2027"])
def test_xlsx_export_then_import_gives_the_same_roadmap(portal, roadmap):
    export(portal, roadmap, "xlsx")
    result = run_cli("import", str(portal / f"{roadmap}.xlsx"), "--id", f"{roadmap}-back", cwd=portal)
    assert result.code == 0, result.text
    assert as_json(portal, f"{roadmap}-back") == as_json(portal, roadmap)


def test_csv_export_then_import_keeps_columns_sections_and_items(portal):
    export(portal, "seed-004", "csv")
    result = run_cli("import", str(portal / "seed-004.csv"), "--id", "seed-004-csv", cwd=portal)
    assert result.code == 0, result.text
    back, original = as_json(portal, "seed-004-csv"), as_json(portal, "seed-004")
    assert (back["columns"], back["column_roles"]) == (original["columns"], original["column_roles"])
    assert (back["period"], back["period_kind"]) == ("2024-2025", "academic_year")  # guessed from the deadlines
    assert back["sections"] == original["sections"]


def test_csv_on_the_screen_has_no_byte_order_mark(portal):
    result = run_cli("export", "--roadmap", "formula", "--format", "csv", cwd=portal)
    assert result.code == 0, result.text
    assert result.out.startswith("Раздел;")
