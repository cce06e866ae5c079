"""The browser editor at ``/admin/``: Decap CMS configured from the same models as the JSON Schemas.

The plugin adds the files of ``/admin/`` as static files (not pages: they stay out of the nav, the
search index and the sitemap): ``index.html`` (``noindex``), ``config.yml`` (from
:mod:`generator.editor.decap_config`), ``nastavnik-admin.js`` (file names and YAML formats for our data) and
the vendor scripts.

Decap's script is not in this repository: it is installed from npm (``make admin``) and copied into
the site from ``node_modules/``. Without it ``/admin/`` is left out of the build and the build says
so (:data:`MISSING_NOTE`); the rest of the site does not depend on it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.editor.decap_config import AdminSettings, config_yml, page_settings

ADMIN_DIR = "admin"
DECAP_VERSION = "3.16.3"  # the npm packages /admin/ is built and tested with (package.json pins the same)
YAML_VERSION = "1.10.3"
NODE_MODULES_ENV = "NASTAVNIK_NODE_MODULES"  # where decap-cms and yaml are installed (default: <portal>/node_modules)
LOCAL_BACKEND_ENV = "NASTAVNIK_DECAP_LOCAL_BACKEND"  # a decap-server URL (or 1): never set in production
DEFAULT_PROXY = "http://localhost:8081/api/v1"
TEMPLATES = Path(__file__).parents[1] / "templates" / "admin"
MISSING_NOTE = (
    f"Редактор в браузере (/admin/) не собран: в node_modules/ нет Decap CMS. Установите его (нужен npm): "
    f"npm install --no-save decap-cms@{DECAP_VERSION} yaml@{YAML_VERSION} (в репозитории «Наставника» — make admin) "
    "и соберите сайт ещё раз; остальной сайт собран полностью."
)

NO_REPO_NOTE = (
    "Редактор в браузере собран в /admin/, но не знает, где хранятся данные: добавьте в mkdocs.yml строку "
    "repo_url: https://github.com/ВЛАДЕЛЕЦ/РЕПОЗИТОРИЙ (как подключить вход через GitHub — в README.md)."
)


@dataclass(frozen=True)
class AdminSite:
    """The files of ``/admin/``: generated text, and vendor files copied from ``node_modules/``."""

    generated: dict[str, str] = field(default_factory=dict)
    copied: dict[str, Path] = field(default_factory=dict)
    note: str | None = None


def admin_site(root: Path, settings: AdminSettings) -> AdminSite:
    """Everything ``/admin/`` needs, or a note saying why it is left out."""
    modules = node_modules(root)
    copied = vendor_files(modules) if modules is not None else {}
    if modules is None or not copied:
        return AdminSite(note=MISSING_NOTE)
    generated = {
        f"{ADMIN_DIR}/index.html": index_html(settings),
        f"{ADMIN_DIR}/config.yml": config_yml(settings),
        f"{ADMIN_DIR}/nastavnik-admin.js": (TEMPLATES / "nastavnik-admin.js").read_text(encoding="utf-8"),
        f"{ADMIN_DIR}/LICENSES.txt": licences(modules),
    }
    note = None if settings.repo or settings.local_backend else NO_REPO_NOTE
    return AdminSite(generated=generated, copied=copied, note=note)


def settings_from(config: dict[str, Any], admin: dict[str, Any]) -> AdminSettings:
    """Admin settings from mkdocs.yml (``repo_url``, ``site_url``, the plugin's ``admin:``) and the environment."""
    local = os.environ.get(LOCAL_BACKEND_ENV, "").strip()
    return AdminSettings(
        site_name=str(config.get("site_name") or ""),
        site_url=config.get("site_url") or None,
        repo=admin.get("repo") or repo_from_url(config.get("repo_url")),
        branch=admin.get("branch") or "main",
        base_url=admin.get("base_url") or None,
        auth_endpoint=admin.get("auth_endpoint") or None,
        local_backend=(DEFAULT_PROXY if local in {"1", "true", "yes"} else local) or None,
    )


def repo_from_url(url: str | None) -> str | None:
    """``https://github.com/school12/nastavnichestvo(.git)`` → ``school12/nastavnichestvo``."""
    match = re.match(r"^https?://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$", url or "")
    return f"{match.group(1)}/{match.group(2)}" if match else None


def node_modules(root: Path) -> Path | None:
    configured = os.environ.get(NODE_MODULES_ENV)
    folder = Path(configured) if configured else root / "node_modules"
    return folder if folder.is_dir() else None


def vendor_files(modules: Path) -> dict[str, Path]:
    """Decap's script with its chunks and licence notices, and the YAML library our formats use."""
    decap = modules / "decap-cms" / "dist"
    yaml_lib = modules / "yaml" / "browser" / "dist"
    if not (decap / "decap-cms.js").is_file() or not (yaml_lib / "index.js").is_file():
        return {}
    files = {
        f"{ADMIN_DIR}/{path.name}": path
        for path in sorted(decap.iterdir())
        if path.name == "decap-cms.js.LICENSE.txt" or re.fullmatch(r"(\d+\.)?decap-cms\.js|[0-9a-f]+\.wasm", path.name)
    }
    files.update({f"{ADMIN_DIR}/vendor/yaml/{p.name}": p for p in sorted(yaml_lib.glob("*.js"))})
    return files


def vendor_paths(root: Path) -> frozenset[str]:
    """Site paths of the scripts /admin/ serves unchanged: third-party files and our own module.

    No data reaches them: the private-name search skips them and the post-build scan trusts them.
    """
    modules = node_modules(root)
    if modules is None or not (files := vendor_files(modules)):
        return frozenset()
    return frozenset({*files, f"{ADMIN_DIR}/nastavnik-admin.js"})


def licences(modules: Path) -> str:
    """Which third-party code /admin/ serves, under which licence."""
    lines = ["Редактор раздела (/admin/) использует свободные программы:", ""]
    for name, notices in (("decap-cms", "decap-cms.js.LICENSE.txt"), ("yaml", None)):
        meta = json.loads((modules / name / "package.json").read_text(encoding="utf-8"))
        lines.append(
            f"{meta['name']} {meta['version']} — лицензия {meta.get('license', '?')}, {meta.get('homepage', '')}"
        )
        if notices:
            lines.append(f"  уведомления о лицензиях встроенных библиотек: {notices}")
        licence_file = modules / name / "LICENSE"
        if licence_file.is_file():
            lines += ["", licence_file.read_text(encoding="utf-8").strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def index_html(settings: AdminSettings) -> str:
    """The admin page: Decap's script from the site itself, then ours (formats, file names) with its settings."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "j2"]), undefined=StrictUndefined
    )
    payload = json.dumps(page_settings(), ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return env.get_template("index.html.j2").render(site_name=settings.site_name, settings_json=Markup(payload))
