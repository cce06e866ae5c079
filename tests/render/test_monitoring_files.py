"""The monitoring tables as downloads of /stats/: CSV, XLSX and JSON with the same figures, linked from the page,
with the roadmap exports' guard against formulas."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from selectolax.lexbor import LexborHTMLParser

from conftest import run_cli

pytestmark = pytest.mark.slow

FORMULA_TITLE = '=HYPERLINK("http://evil.example";"x")'


@pytest.fixture
def built(minimal):
    program = minimal / "data" / "program.yaml"
    text = program.read_text(encoding="utf-8")
    assert "    title: Ученик – ученик\n" in text
    program.write_text(
        text.replace("    title: Ученик – ученик\n", f"    title: '{FORMULA_TITLE}'\n")
        + "coverage:\n  - year: 2026-2027\n    pupils: {total: 300, involved: 50, target: 20}\n"
        + "surveys:\n  - {year: 2026-2027, title: Родители, respondents: 40, satisfied: 30, average: 4.25}\n",
        encoding="utf-8",
    )
    (minimal / "data" / "monitoring.yaml").write_text(
        "- {year: 2026-2027, form: teacher-teacher, mentors: 3, mentees: 4, pairs: 3}\n"
        "- {year: 2026-2027, form: pupil-pupil, mentors: 5, mentees: 9, pairs: 5}\n",
        encoding="utf-8",
    )
    result = run_cli("build", cwd=minimal)
    assert result.code == 0, result.text
    return minimal / "site"


def test_three_formats_with_the_same_figures_linked_from_stats(built):
    stats = LexborHTMLParser((built / "stats" / "index.html").read_text(encoding="utf-8"))
    links = [a.attributes["href"] for a in stats.css(".nv-downloads a")]
    assert links == ["../monitoring.xlsx", "../monitoring.csv", "../monitoring.json"]
    data = json.loads((built / "monitoring.json").read_text(encoding="utf-8"))
    assert [(f["form"], f["mentors"], f["mentees"], f["pairs"]) for f in data["figures"]] == [
        ("teacher-teacher", 3, 4, 3), ("pupil-pupil", 5, 9, 5)]  # fmt: skip
    assert data["shares"] == [
        {"year": "2026-2027", "group": "pupils", "total": 300, "involved": 50, "share": 16.7, "target": 20.0}
    ]
    rows = list(csv.reader(io.StringIO((built / "monitoring.csv").read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Учебный год", "Форма наставничества", "Наставников", "Наставляемых", "Пар и групп"]
    assert rows[1] == ["2026-2027", "Учитель – учитель", "3", "4", "3"]
    assert ["2026-2027", "Ученики", "300", "50", "16,7", "20"] in rows
    book = load_workbook(built / "monitoring.xlsx")
    assert book.sheetnames == ["По формам", "Охват", "Опросы"]
    assert [c.value for c in book["По формам"][2]] == ["2026-2027", "Учитель – учитель", "3", "4", "3"]


def test_a_formula_in_a_form_title_stays_text(built):
    rows = list(csv.reader(io.StringIO((built / "monitoring.csv").read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[2][1] == "'" + FORMULA_TITLE
    cell = load_workbook(built / "monitoring.xlsx")["По формам"]["B3"]
    assert cell.value == FORMULA_TITLE and cell.data_type == "s" and cell.quotePrefix


def test_survey_aggregates_are_on_the_page_and_in_the_downloads(built):
    stats = LexborHTMLParser((built / "stats" / "index.html").read_text(encoding="utf-8"))
    rows = [[c.text(strip=True) for c in tr.css("th, td")] for tr in stats.css("table.nv-surveys tbody tr")]
    assert rows == [["Родители", "2026-2027", "40", "75", "4,2"]]
    data = json.loads((built / "monitoring.json").read_text(encoding="utf-8"))
    assert data["surveys"] == [
        {"year": "2026-2027", "title": "Родители", "respondents": 40, "satisfied": 30, "average": 4.25}
    ]
    assert load_workbook(built / "monitoring.xlsx")["Опросы"]["D2"].value == "30"


def test_more_satisfied_than_respondents_is_an_error_with_its_line(minimal):
    program = minimal / "data" / "program.yaml"
    program.write_text(
        program.read_text(encoding="utf-8")
        + "surveys:\n  - {year: 2026-2027, title: Родители, respondents: 5, satisfied: 7}\n",
        encoding="utf-8",
    )
    result = run_cli("check", cwd=minimal)
    assert result.code == 1 and "довольны 7, а ответили 5" in result.text, result.text
    assert "data/program.yaml:" in result.text
