"""``nastavnik import`` as an editor runs it: the file written, the summary, refusals and errors."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import run_cli
from import_builders import DocxBuilder, csv_file, xlsx_file

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def small_docx(path: Path, title: str = "Дорожная карта в МБОУ «Школа № 9» на 2026-2027 учебный год") -> Path:
    doc = DocxBuilder().para(title, bold=True, center=True)
    doc.table(
        [
            ["№ п/п", "Мероприятие", "Сроки", "Ответственный"],
            ["I. Подготовка", None, None, None],
            ["1", "Приказ о наставничестве", "Сентябрь 2026", "Директор"],
            ["2", "Семинар:\n– для наставников;\n– для молодых", "По отдельному плану", "Куратор"],
            ["3", "Итоги", "когда-нибудь потом", "Куратор"],
        ],
        merges=[(1, 0, 1, 3)],
    )
    return doc.save(path)


def roadmaps(root: Path) -> list[str]:
    return sorted(p.name for p in (root / "data" / "roadmaps").iterdir())


def test_import_writes_readable_yaml_that_passes_check(minimal, tmp_path):
    # The fixture's own roadmap has the id this import derives: move it aside.
    (minimal / "data/roadmaps/dk-2026-2027.yaml").rename(minimal / "data/roadmaps/fixture.yaml")
    program = minimal / "data/program.yaml"
    program.write_text(program.read_text("utf-8").replace("current_roadmap: dk-2026-2027", "current_roadmap: fixture"))
    source = small_docx(tmp_path / "Дорожная карта.docx")
    result = run_cli("import", str(source), cwd=minimal)
    assert result.code == 0, result.text
    target = minimal / "data" / "roadmaps" / "dk-2026-2027.yaml"
    text = target.read_text("utf-8")
    assert text.replace("\u202f", " ").startswith(
        "# Дорожная карта, импортированная из «Дорожная карта.docx» 22 ноября 2026 г."
    )
    assert "\\u" not in text and "Приказ о наставничестве" in text
    assert not re.search(r"^\s*\w+: [\[{]", text, re.MULTILINE), "block style only"
    assert "        details:\n          - – для наставников;\n          - – для молодых\n" in text
    data = yaml.safe_load(text)
    assert data["source"] == "Дорожная карта.docx"
    assert data["sections"][0]["items"][0]["number"] == "1"
    check = run_cli("check", cwd=minimal)
    assert check.code == 0, check.text


def test_summary_names_counts_unread_deadlines_and_rows(minimal, tmp_path):
    result = run_cli("import", str(small_docx(tmp_path / "plan.docx")), "--id", "plan", cwd=minimal)
    assert result.code == 0, result.text
    out = result.out
    assert "Импортировано: plan.docx → data/roadmaps/plan.yaml" in out
    assert "Организация: МБОУ «Школа № 9»" in out
    assert "Период: 2026-2027 (учебный год)" in out
    assert "Прочитано: 1 раздел, 3 мероприятия, 0 дополнительных таблиц" in out
    assert "Сроки, которые не удалось понять (1)" in out
    assert "таблица 1, строка 5: «когда-нибудь потом»" in out


def test_refuses_to_overwrite_without_force(minimal, tmp_path):
    source = small_docx(tmp_path / "plan.docx")
    target = minimal / "data" / "roadmaps" / "dk-2026-2027.yaml"
    target.write_text("# моя правка\n", "utf-8")
    refused = run_cli("import", str(source), "--id", "dk-2026-2027", cwd=minimal)
    assert refused.code == 1
    assert "data/roadmaps/dk-2026-2027.yaml: такой файл уже есть" in refused.err and "--force" in refused.err
    assert target.read_text("utf-8") == "# моя правка\n"
    forced = run_cli("import", str(source), "--id", "dk-2026-2027", "--force", cwd=minimal)
    assert forced.code == 0, forced.text
    assert "Приказ о наставничестве" in target.read_text("utf-8")
    assert "Файл data/roadmaps/dk-2026-2027.yaml заменён (--force)" in forced.out


def test_current_edits_only_that_line_of_program_yaml(minimal, tmp_path):
    program = minimal / "data" / "program.yaml"
    original = program.read_text("utf-8")
    program.write_text("# комментарий редактора\n" + original.replace(
        "current_roadmap: dk-2026-2027", "current_roadmap: dk-2026-2027   # было так"
    ), "utf-8")  # fmt: skip
    before = program.read_text("utf-8")
    result = run_cli("import", str(small_docx(tmp_path / "plan.docx")), "--id", "novaya", "--current", cwd=minimal)
    assert result.code == 0, result.text
    after = program.read_text("utf-8")
    assert after == before.replace("current_roadmap: dk-2026-2027   # было так", "current_roadmap: novaya   # было так")
    assert "Текущая дорожная карта: novaya" in result.out
    check = run_cli("check", cwd=minimal)
    assert check.code == 0, check.text


def test_current_is_added_when_program_yaml_has_none(minimal, tmp_path):
    program = minimal / "data" / "program.yaml"
    program.write_text(program.read_text("utf-8").replace("current_roadmap: dk-2026-2027\n", ""), "utf-8")
    result = run_cli("import", str(small_docx(tmp_path / "plan.docx")), "--id", "novaya", "--current", cwd=minimal)
    assert result.code == 0, result.text
    assert program.read_text("utf-8").endswith("\ncurrent_roadmap: novaya\n")


def test_a_wrong_id_is_a_usage_error(minimal, tmp_path):
    result = run_cli("import", str(small_docx(tmp_path / "plan.docx")), "--id", "Дорожная карта", cwd=minimal)
    assert result.code == 2
    assert "латинские строчные буквы" in result.err
    assert roadmaps(minimal) == ["dk-2026-2027.yaml"]


def _encrypted(path: Path) -> Path:
    path.write_bytes(OLE + b"\0" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 500)
    return path


def _no_table(path: Path) -> Path:
    return DocxBuilder().para("Дорожная карта на 2025-2026 учебный год").para("Таблица будет позже.").save(path)


def _header_only(path: Path) -> Path:
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год")
    return doc.table([["Мероприятие", "Сроки", "Ответственный"], [None, None, None]]).save(path)


def _no_header(path: Path) -> Path:
    doc = DocxBuilder().para("Дорожная карта")
    return doc.table([["Один", "Два"], ["три", "четыре"]], repeat_header=()).save(path)


def _plain_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "не документ")
    return path


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        ("text.docx", lambda p: p.write_text("просто текст", "utf-8") or p, "это не документ Word (.docx)"),
        (
            "old.docx",
            lambda p: p.write_bytes(OLE + b"\0" * 2000) or p,
            "это файл старого формата — документ Word 97–2003",
        ),
        ("old.xlsx", lambda p: p.write_bytes(OLE + b"\0" * 2000) or p, "книга Excel 97–2003 (.xls)"),
        ("secret.docx", _encrypted, "файл защищён паролем"),
        ("secret.xlsx", _encrypted, "файл защищён паролем"),
        ("archive.docx", _plain_zip, "это архив ZIP, но не документ Word"),
        ("sheet.docx", lambda p: xlsx_file(p, [("Лист", [["a"]], [])]), "это книга Excel (.xlsx), а не документ Word"),
        ("empty.docx", lambda p: p.write_bytes(b"") or p, "файл пуст"),
        ("no-table.docx", _no_table, "в документе нет таблицы"),
        ("header-only.docx", _header_only, "таблица пуста"),
        ("no-header.docx", _no_header, "не найдена строка заголовков таблицы"),
        ("plan.doc", lambda p: p.write_bytes(OLE) or p, "в документе нет таблицы"),
        ("plan.pdf", lambda p: p.write_bytes(b"%PDF-1.4") or p, "PDF повреждён"),
        ("plan.txt", lambda p: p.write_text("x") or p, "поддерживаются .docx, .xlsx, .csv"),
        ("missing.docx", lambda p: p, "файл не найден"),
        ("blank.xlsx", lambda p: xlsx_file(p, [("Лист1", [], [])]), "таблица пуста"),
        ("header-only.csv", lambda p: csv_file(p, [["Мероприятие", "Сроки", "Ответственный"]]), "таблица пуста"),
        (
            "prose.csv",
            lambda p: p.write_text("Просто текст, без таблицы.\nЕщё строка.", "utf-8") or p,
            "не найдена строка",
        ),
        ("renamed.csv", lambda p: small_docx(p), "это не CSV, а документ Office"),
    ],
)
def test_unreadable_input_is_a_russian_error_and_nothing_is_written(minimal, tmp_path, name, make, message):
    source = make(tmp_path / name)
    result = run_cli("import", str(tmp_path / name), "--current", cwd=minimal)
    assert result.code == 1, result.text
    assert result.err.startswith(f"{name}: ")
    assert message in result.err
    assert "Traceback" not in result.text
    assert roadmaps(minimal) == ["dk-2026-2027.yaml"]
    assert "current_roadmap: dk-2026-2027" in (minimal / "data" / "program.yaml").read_text("utf-8")
    assert source is not None


def test_import_outside_a_portal_is_a_usage_error(tmp_path):
    result = run_cli("import", str(small_docx(tmp_path / "plan.docx")), cwd=tmp_path)
    assert result.code == 2
    assert "mkdocs.yml" in result.err
