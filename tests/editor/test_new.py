"""``nastavnik new DIR``: a new portal with a commented example of every kind that builds at once."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from lxml import html as lxml_html

from conftest import ROOT, run_cli
from generator.editor.schema import KINDS, modeline, vscode_settings

pytestmark = pytest.mark.slow


def _text(path: Path) -> str:
    return lxml_html.fromstring(path.read_bytes()).text_content()


@pytest.mark.parametrize(
    ("org_type", "short_name"),
    [("school", "МБОУ «Школа № 1»"), ("college", "ГБПОУ «Примерский политехнический колледж»"), ("department", None)],
)
def test_a_new_portal_passes_the_strict_check_and_builds_at_once(tmp_path, org_type, short_name):
    target = tmp_path / "school"
    created = run_cli("new", str(target), "--type", org_type, cwd=tmp_path)
    assert created.code == 0, created.text
    assert "Новый портал создан" in created.out and "nastavnik build" in created.out
    program = yaml.safe_load((target / "data" / "program.yaml").read_text(encoding="utf-8"))
    assert program["organization"]["type"] == org_type
    checked = run_cli("check", "--strict", cwd=target)
    lines = checked.out.strip().splitlines()
    assert (checked.code, lines[-1]) == (0, "Ошибок не найдено"), checked.text
    # only the editor's to-do may come before it: the template's items whose date has passed (issue 15)
    assert all(": к сведению: срок прошёл, а отметки о выполнении нет:" in line for line in lines[:-1]), checked.text
    built = run_cli("build", "--strict", cwd=target)
    assert built.code == 0, built.text
    site = target / "site"
    home = _text(site / "index.html")
    assert program["organization"]["short_name"] in home
    if short_name:
        assert program["organization"]["short_name"] == short_name
    mentors = _text(site / "mentors" / "index.html")
    assert "Образцова Анна Сергеевна" in mentors
    assert "Примеров" not in mentors  # the example without consent is nowhere on the site
    assert (site / "roadmap" / "index.html").is_file() and (site / "library" / "index.html").is_file()
    assert list((site / "news").rglob("*.html"))


def test_name_and_short_name_are_used(tmp_path):
    target = tmp_path / "lyceum"
    args = ("new", str(target), "--name", "Муниципальное автономное общеобразовательное учреждение «Лицей № 7»")
    result = run_cli(*args, "--short-name", "МАОУ «Лицей № 7»", cwd=tmp_path)
    assert result.code == 0, result.text
    program = yaml.safe_load((target / "data" / "program.yaml").read_text(encoding="utf-8"))
    assert program["organization"]["name"] == "Муниципальное автономное общеобразовательное учреждение «Лицей № 7»"
    assert program["organization"]["short_name"] == "МАОУ «Лицей № 7»"
    config = (target / "mkdocs.yml").read_text(encoding="utf-8")
    assert "site_name: Наставничество — МАОУ «Лицей № 7»" in config


def test_a_new_portal_has_everything_a_school_repository_needs(tmp_path):
    target = tmp_path / "portal"
    assert run_cli("new", str(target), cwd=tmp_path).code == 0
    for rel in (
        "mkdocs.yml",
        "README.md",
        "requirements.txt",
        "requirements/runtime.lock",
        ".gitignore",
        ".github/workflows/pull-request.yml",
        ".github/workflows/publish.yml",
        "content/parents.md",
        "content/news/index.md",
        "content/files/logo.svg",
    ):
        assert (target / rel).is_file(), rel
    assert list((target / "content" / "news" / "posts").glob("*.md"))
    ignored = (target / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {"site/", "/.nastavnik-build.json", "node_modules/"} <= set(ignored)
    readme = (target / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Наставничество — МБОУ «Школа № 1»")
    assert "pull request" in readme and "/admin/" in readme and "nastavnik check" in readme
    settings = json.loads((target / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings == vscode_settings()
    for k in KINDS:
        assert (target / "schemas" / k.schema_file).read_bytes() == (ROOT / "schemas" / k.schema_file).read_bytes()


@pytest.mark.parametrize("k", [k for k in KINDS if not k.front_matter], ids=lambda k: k.name)
def test_every_kind_has_a_commented_example_that_passes_its_schema(tmp_path, k):
    target = tmp_path / "portal"
    assert run_cli("new", str(target), cwd=tmp_path).code == 0
    files = sorted(target.glob(k.files))
    assert files, k.files
    schema = json.loads((target / "schemas" / k.schema_file).read_text(encoding="utf-8"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        assert lines[0] == modeline(k, path.parent.relative_to(target).as_posix())
        assert (path.parent / lines[0].split("=", 1)[1]).resolve().is_file()
        assert sum(1 for line in lines if "#" in line) >= 3, f"{path.name}: the example explains itself"
        data = json.loads(json.dumps(yaml.safe_load(text), default=str))  # dates as text, like the YAML extension
        errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
        assert not errors, (path.name, errors)


def test_refuses_a_folder_that_is_not_empty(tmp_path):
    target = tmp_path / "busy"
    target.mkdir()
    (target / "notes.txt").write_text("не трогать", encoding="utf-8")
    result = run_cli("new", str(target), cwd=tmp_path)
    assert result.code == 1
    assert "папка не пуста" in result.err and "Traceback" not in result.text
    assert [p.name for p in target.iterdir()] == ["notes.txt"]


def test_refuses_a_file(tmp_path):
    (tmp_path / "portal").write_text("", encoding="utf-8")
    result = run_cli("new", "portal", cwd=tmp_path)
    assert result.code == 1 and "это файл, а не папка" in result.err


def test_an_empty_existing_folder_is_fine(tmp_path):
    target = tmp_path / "empty"
    target.mkdir()
    assert run_cli("new", str(target), cwd=tmp_path).code == 0
    assert (target / "mkdocs.yml").is_file()
