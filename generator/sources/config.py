"""The portal's ``mkdocs.yml`` as our checks read it: safely, MkDocs' own tags read as nothing.

``check_config`` says in Russian, with the line, what MkDocs would say later in English: a syntax error,
a missing ``nastavnik`` plugin, or a missing engine guard — the value under ``extra:`` that stops any
engine but MkDocs (:mod:`generator.engine.guard`) before it publishes pages nobody checked.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problems
from generator.sources.yaml_errors import explain_yaml_error, yaml_error_line

CONFIG_FILE = "mkdocs.yml"
GUARD_TAG = "!!python/object/apply:generator.engine.guard.require_mkdocs"
GUARD_LINE = f"engine: {GUARD_TAG} []"  # under ``extra:`` (MkDocs ignores what the theme does not use there)


def theme_dir() -> str:
    """Our mkdocs-material overrides (the repository's ``theme/``, installed as ``generator.theme``)."""
    return str(importlib.resources.files("generator.theme"))


def read_config(config_file: Path) -> dict[str, Any] | None:
    """``mkdocs.yml`` as a mapping, or None when it is missing or does not read."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8-sig"), Loader=_FastConfigLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    return config if isinstance(config, dict) else None


def check_config(config_file: Path, problems: Problems) -> None:
    """``mkdocs.yml`` reads as YAML and lists our plugin: otherwise MkDocs stops later, in English."""
    try:
        text = config_file.read_text(encoding="utf-8-sig")
        config = yaml.load(text, Loader=_ConfigLoader)
    except UnicodeDecodeError:
        problems.error(CONFIG_FILE, None, "файл не в кодировке UTF-8", "сохраните его в UTF-8")
        return
    except yaml.MarkedYAMLError as exc:
        message, hint = explain_yaml_error(exc, text)
        problems.error(CONFIG_FILE, yaml_error_line(exc, text), f"настройки сайта: {message}", hint)
        return
    except yaml.YAMLError:
        problems.error(CONFIG_FILE, None, "настройки сайта не читаются", "проверьте отступы и кавычки")
        return
    extra = config.get("extra") if isinstance(config, dict) else None
    if not isinstance(extra, dict) or extra.get("engine") is not _GUARDED:
        problems.error(
            CONFIG_FILE,
            None,
            "нет защиты от сборки другим движком: без неё Zensical и подобные программы соберут сайт без проверки "
            "согласий на публикацию персональных данных",
            f"добавьте в mkdocs.yml в раздел extra строку «{GUARD_LINE}» (см. mkdocs.yml демонстрационного портала)",
        )
    plugins = config.get("plugins") if isinstance(config, dict) else None
    names = [next(iter(p)) if isinstance(p, dict) and p else p for p in plugins or []]
    if "nastavnik" not in names:
        problems.error(
            CONFIG_FILE,
            None,
            "в списке plugins нет «nastavnik» — без него страницы раздела не создаются",
            "добавьте в mkdocs.yml строку «- nastavnik» в список plugins (см. mkdocs.yml демонстрационного портала)",
        )


class _ConfigLoader(yaml.SafeLoader):
    """Reads ``mkdocs.yml`` safely: MkDocs' own tags (``!ENV``, ``!!python/name:…``) become None. The pure-Python
    parser, for :func:`check_config`: its errors say best what is wrong («не закрыта скобка [»)."""


class _FastConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same with PyYAML's C parser where it has one, for :func:`read_config`, where a file that does not read is
    only None: a district's build reads it twice for each section, 0.5 ms each (the pure-Python parser, 3 ms)."""


_GUARDED = object()  # what the engine guard's tag reads as here (MkDocs computes it; we only see that it is there)


def _python_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    return _GUARDED if "tag:yaml.org,2002:python/" + suffix == yaml_tag(GUARD_TAG) else None


def yaml_tag(short: str) -> str:
    return short.replace("!!", "tag:yaml.org,2002:", 1)


for _loader in (_ConfigLoader, _FastConfigLoader):
    _loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    _loader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)
