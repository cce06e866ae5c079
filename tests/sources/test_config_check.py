"""``mkdocs.yml`` is checked with the data: a broken file or a missing plugin is a Russian error with its line."""

from __future__ import annotations

from conftest import run_cli


def test_a_broken_mkdocs_yml_is_reported_by_check_and_build(minimal):
    config = minimal / "mkdocs.yml"
    config.write_text("site_name: [Наставничество\ntheme: material\n", encoding="utf-8")
    for verb in ("check", "build"):
        result = run_cli(verb, cwd=minimal)
        assert result.code == 1, result.text
        assert "mkdocs.yml:1: настройки сайта: не закрыта скобка [ или {" in result.text  # where it was opened
        assert "Traceback" not in result.text and "while parsing" not in result.text


def test_a_missing_plugin_is_reported(minimal):
    config = minimal / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  - nastavnik\n", ""), encoding="utf-8")
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert "mkdocs.yml: в списке plugins нет «nastavnik»" in result.out


def test_mkdocs_own_tags_are_accepted(minimal):
    # The minimal portal's mkdocs.yml uses !!python/object/apply for the slugify function.
    assert "!!python/object/apply" in (minimal / "mkdocs.yml").read_text("utf-8")
    result = run_cli("check", "--strict", cwd=minimal)
    assert result.code == 0, result.text
