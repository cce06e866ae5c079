"""The CLI as a user runs it: Russian help, exit codes 0/1/2, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import run_cli
from generator.cli import main as cli_main

VERBS = ("check", "build", "serve", "import", "export", "new", "deploy", "schema")


def test_help_is_russian_and_lists_every_verb(tmp_path):
    result = run_cli("--help", cwd=tmp_path)
    assert result.code == 0
    assert "Использование:" in result.out
    assert "показать эту справку и выйти" in result.out
    for verb in VERBS:
        assert verb in result.out


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_has_russian_help(tmp_path, verb):
    result = run_cli(verb, "--help", cwd=tmp_path)
    assert result.code == 0
    assert "Использование:" in result.out
    assert "параметры" in result.out
    assert "show this help" not in result.out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("frobnicate",), "недопустимое значение"),
        (("check", "--format", "xml"), "недопустимое значение"),
        (("export",), "не указаны обязательные аргументы: --format"),
        (("build", "--jobs", "ноль"), "нужно целое число"),
        (("check", "--nope"), "неизвестные аргументы"),
        ((), "не указаны обязательные аргументы"),
    ],
)
def test_wrong_usage_exits_2_in_russian(tmp_path, args, fragment):
    result = run_cli(*args, cwd=tmp_path)
    assert result.code == 2
    assert fragment in result.err
    assert "Traceback" not in result.text


def test_outside_a_portal_is_a_usage_error(tmp_path):
    result = run_cli("check", cwd=tmp_path)
    assert result.code == 2
    assert "нет файла mkdocs.yml" in result.err
    assert "Traceback" not in result.text


def test_check_clean_portal(minimal):
    result = run_cli("check", cwd=minimal)
    lines = result.out.strip().splitlines()
    assert (result.code, lines[-1]) == (0, "Ошибок не найдено")
    assert all("предупреждение" in line for line in lines[:-2])  # the author without consent, see test_consent.py


def test_check_reports_every_problem_with_file_and_line(minimal):
    (minimal / "data/mentors/a.yaml").write_text("name: A\nrole: teacher\nconsent: {publish: true}\n", encoding="utf-8")
    (minimal / "data/mentors/b.yaml").write_text("name: B\nrole: teacher\n\tconsent: x\n", encoding="utf-8")
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    lines = [line for line in result.out.strip().splitlines() if "предупрежд" not in line.lower()]
    assert lines[0].startswith("data/mentors/a.yaml:3: согласие на публикацию без даты — ")
    assert lines[1].startswith("data/mentors/b.yaml:3: символ табуляции в YAML не допускается — ")
    assert lines[-1] == "Найдено ошибок: 2"
    assert "Traceback" not in result.text


def test_check_github_format_annotates_lines(minimal):
    (minimal / "data/mentors/a.yaml").write_text("name: A\nrole: boss\nconsent: {publish: false}\n", encoding="utf-8")
    result = run_cli("check", "--format", "github", cwd=minimal)
    assert result.code == 1
    assert result.out.startswith("::error file=data/mentors/a.yaml,line=2::поле «role»")


def test_strict_turns_warnings_into_errors(minimal):
    (minimal / "data/mentors/notes.txt").write_text("заметки", encoding="utf-8")
    relaxed = run_cli("check", cwd=minimal)
    strict = run_cli("check", "--strict", cwd=minimal)
    assert relaxed.code == 0 and "предупреждение: файл пропущен" in relaxed.out
    assert strict.code == 1 and "Найдено ошибок: 1" in strict.out  # the skipped file (a notice never counts)
    assert "к сведению: у «ivanova-mp» нет согласия" in strict.out  # the anonymous author, told but not failing


def test_python_dash_m_generator_is_the_same_cli(minimal):
    proc = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=minimal, capture_output=True, text=True)
    assert proc.returncode == 0 and "Ошибок не найдено" in proc.stdout


def test_the_parser_loads_no_verbs_work(tmp_path):
    """parser() imports every verb's module for its options; the work of a verb is imported only by its run()."""
    code = "import sys; from generator.cli.main import parser; parser(); print(*sorted(sys.modules))"
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    loaded = set(proc.stdout.split())
    verbs = {f"generator.cli.{cli_main.VERB_MODULES.get(verb, verb)}" for verb in cli_main.VERBS}
    assert {"generator.cli.import_", "generator.cli.audit", "generator.cli.ocr", "generator.cli.shards"} <= verbs
    light = {"generator", "generator.errors", "generator.translate", "generator.cli", "generator.cli.main"}
    expected = light | verbs | {"generator.cli.argparse_ru"}
    assert {name for name in loaded if name.split(".")[0] == "generator"} == expected
    assert not loaded & {"yaml", "mkdocs", "pydantic", "jinja2", "markdown", "openpyxl", "docx"}
