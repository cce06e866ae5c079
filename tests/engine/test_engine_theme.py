"""The theme's Jinja environment as the engine configures it: every environment MkDocs or a plugin asks for
lists the theme without its hidden folders and shares one store of compiled templates."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.theme import Theme

from generator.engine.config import _add_theme_overrides


def _config(portal: Path):  # type: ignore[no-untyped-def]
    config = load_config(str(portal / "mkdocs.yml"))
    _add_theme_overrides(config)
    return config


def test_every_environment_of_the_theme_shares_the_compiled_templates(minimal, monkeypatch):
    """Material's blog plugin asks for a new environment for each text it translates; a district builds each
    section with a configuration of its own: a template compiled once is not compiled again."""
    config = _config(minimal)
    first, second = config.theme.get_env(), config.theme.get_env()
    assert first is not second and first.bytecode_cache is second.bytecode_cache
    language = {"config": config}
    first.get_template("partials/language.html", globals=language).module  # noqa: B018 - imports Russian too

    def compile_again(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("compiled again")

    monkeypatch.setattr(second, "compile", compile_again)
    assert second.get_template("partials/language.html", globals=language).module.t("toc") == "Содержание"
    fresh = _config(minimal).theme.get_env()  # the next section's build
    monkeypatch.setattr(fresh, "compile", compile_again)
    fresh.get_template("partials/language.html", globals=language).module  # noqa: B018


def test_the_theme_is_listed_without_its_hidden_folders(minimal):
    """MkDocs copies every template the loader lists but hidden ones: Material's 14,000 icons in ``.icons/``
    were walked in every section only to be dropped."""
    config = _config(minimal)
    listed = config.theme.get_env().loader.list_templates()
    assert "partials/language.html" in listed
    assert not [name for name in listed if any(part.startswith(".") for part in name.split("/"))]
    assert any(name.startswith(".icons/") for name in Theme.get_env(config.theme).loader.list_templates())
