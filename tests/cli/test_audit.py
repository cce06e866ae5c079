"""``nastavnik audit``: the demo passes, a new portal lists what is missing with the source of each requirement,
and the demo without its положение fails ``--strict``; reports in text, GitHub annotations, HTML and XLSX."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from selectolax.lexbor import LexborHTMLParser

from conftest import copy_portal, run_cli

pytestmark = pytest.mark.slow

POLOZHENIE = "data/library/polozhenie-o-nastavnichestve.yaml"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_portal("demo", tmp_path_factory.mktemp("audit-demo"))
    assert run_cli("build", cwd=root).code == 0
    return root


def test_the_demo_passes_strict_and_cites_its_sources(demo):
    result = run_cli("audit", "--strict", cwd=demo)
    assert result.code == 0, result.text
    lines = result.out.splitlines()
    assert lines[-1].startswith("Всё обязательное на месте")
    assert not any(line.startswith("✗") for line in lines)
    assert any(line.startswith("✓ Положение о наставничестве (обязательно)") for line in lines)
    sources = [line.strip() for line in lines if line.strip().startswith("источник:")]
    assert len(sources) == len([line for line in lines if line[:1] in "✓!✗"])  # every requirement has one
    assert any("№ Р-145" in s and "25.12.2019" in s for s in sources)
    assert any("№ 1493" in s and "п. 21" in s for s in sources)
    assert any(s.startswith("источник: Хорошая практика, не норма") for s in sources)


def test_reports_for_the_director_in_html_and_xlsx(demo, tmp_path):
    assert run_cli("audit", "--format", "html", "-o", str(tmp_path / "a.html"), cwd=demo).code == 0
    rows = LexborHTMLParser((tmp_path / "a.html").read_text(encoding="utf-8")).css("tbody tr")
    assert len(rows) >= 10 and "Р-145" in rows[0].text()
    assert run_cli("audit", "--format", "xlsx", "-o", str(tmp_path / "a.xlsx"), cwd=demo).code == 0
    sheet = load_workbook(io.BytesIO((tmp_path / "a.xlsx").read_bytes())).active
    assert [c.value for c in sheet[1]] == ["Требование", "Вид", "Состояние", "Что найдено / что сделать", "Источник"]
    assert sheet.max_row == len(rows) + 1


def test_a_formula_in_a_documents_title_stays_text_in_the_xlsx(tmp_path):
    root = copy_portal("demo", tmp_path / "p")
    path = root / POLOZHENIE
    text = path.read_text(encoding="utf-8")
    path.write_text(
        re.sub(r"(?m)^title:.*$", 'title: "=HYPERLINK(\\"http://evil.example\\";\\"x\\")"', text, count=1),
        encoding="utf-8",
    )
    result = run_cli("audit", "--format", "xlsx", "-o", str(tmp_path / "a.xlsx"), cwd=root)
    assert result.code == 0, result.text
    sheet = load_workbook(io.BytesIO((tmp_path / "a.xlsx").read_bytes())).active
    cell = next(c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and "HYPERLINK" in c.value)
    assert cell.data_type == "s"


def test_a_new_portal_lists_what_is_missing_with_sources(tmp_path):
    target = tmp_path / "portal"
    assert run_cli("new", str(target), cwd=tmp_path).code == 0
    result = run_cli("audit", cwd=target)
    assert result.code == 0, result.text  # without --strict, missing things are reported, not fatal
    lines = result.out.splitlines()
    missing = [i for i, line in enumerate(lines) if line.startswith("✗")]
    assert missing, result.out
    for i in missing:
        assert "(обязательно)" in lines[i] and " — нет: " in lines[i]
        assert lines[i + 1].strip().startswith("источник: ") and "№" in lines[i + 1]
    assert any(lines[i].startswith("✗ Программа наставничества") for i in missing)
    assert any("сайт не собран" in line for line in lines)
    strict = run_cli("audit", "--strict", "--format", "github", cwd=target)
    assert strict.code == 1
    assert any(line.startswith("::error title=Программа наставничества::") for line in strict.out.splitlines())


def test_the_demo_without_its_polozhenie_fails_strict(tmp_path):
    root = copy_portal("demo", tmp_path / "p")
    (root / POLOZHENIE).unlink()
    for roadmap in (root / "data" / "roadmaps").glob("*.yaml"):
        text = roadmap.read_text(encoding="utf-8")
        roadmap.write_text(text.replace("polozhenie-o-nastavnichestve, ", ""), encoding="utf-8")
    assert run_cli("check", cwd=root).code == 0  # the data is valid: only the audit misses the document
    relaxed = run_cli("audit", cwd=root)
    assert relaxed.code == 0
    assert any(line.startswith("✗ Положение о наставничестве (обязательно) — нет") for line in relaxed.out.splitlines())
    strict = run_cli("audit", "--strict", cwd=root)
    assert strict.code == 1
    assert strict.out.splitlines()[-1].startswith("Не хватает обязательного: 1")
