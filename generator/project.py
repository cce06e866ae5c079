"""A portal on disk, and the checking half of the pipeline: load → validate → rules → Portal.

``check()`` is what ``nastavnik check`` runs, what ``nastavnik build`` runs before MkDocs, and what
the MkDocs plugin runs when MkDocs is called directly (``mkdocs build``/``mkdocs serve``).

A portal is a single school (``data/`` and ``content/`` at the root) or a district: then
``data/organizations/<org>/`` and ``content/organizations/<org>/`` hold each organization's data and
content, and the top of ``data/`` and ``content/`` is the district's own. ``Project(root, org)`` is
one organization of a district: the same pipeline runs on its folders, and every problem keeps the
file's path from the portal's root (``data/organizations/<org>/mentors/x.yaml:4``).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.engine import guard as engine_guard
from generator.errors import Problems, UsageError
from generator.layout import ORGANIZATIONS
from generator.portal.portal import Portal, build_portal
from generator.rules.references import Context, check_rules
from generator.rules.roadmaps import check_roadmap_items, check_staleness
from generator.rules.validate import Records, validate_sources
from generator.sources.files import Sources, load_sources
from generator.sources.yaml_errors import explain_yaml_error, yaml_error_line
from generator.timings import Timings

CONFIG_FILE = "mkdocs.yml"
TODAY_ENV = "NASTAVNIK_TODAY"  # pin the build date (reproducible builds, tests): 2026-11-22


@dataclass(frozen=True)
class Project:
    """The folders of one portal: ``mkdocs.yml`` at the root, ``data/`` and ``content/`` beside it.

    With ``org`` set, the folders of that organization of a district portal.
    """

    root: Path
    org: str | None = None

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def data_dir(self) -> Path:
        base = self.root / "data"
        return base if self.org is None else base / ORGANIZATIONS / self.org

    @property
    def content_dir(self) -> Path:
        base = self.root / "content"
        return base if self.org is None else base / ORGANIZATIONS / self.org

    @property
    def is_district(self) -> bool:
        """A district portal: the root's ``data/organizations/`` holds its organizations."""
        return self.org is None and (self.root / "data" / ORGANIZATIONS).is_dir()

    def organizations(self) -> list[str]:
        """The ids of a district's organizations: the folders of ``data/organizations/``, sorted."""
        folder = self.root / "data" / ORGANIZATIONS
        if self.org is not None or not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))

    def organization(self, org: str) -> Project:
        return Project(self.root, org)

    @property
    def news_dir(self) -> Path:
        return self.content_dir / "news" / "posts"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def site_url(self) -> str:
        """``site_url`` of ``mkdocs.yml`` ('' when it is not set): calendars link back to the site with it."""
        try:
            config = yaml.load(self.config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return ""
        value = config.get("site_url") if isinstance(config, dict) else None
        url = value.strip() if isinstance(value, str) else ""
        if url and self.org is not None:  # an organization's section lives under /<org>/ of the district
            url = url.rstrip("/") + f"/{self.org}/"
        return url

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The portal whose ``mkdocs.yml`` is in ``start`` (the current folder by default)."""
        root = (start or Path.cwd()).resolve()
        if not (root / CONFIG_FILE).is_file():
            raise UsageError(
                f"в папке {root} нет файла {CONFIG_FILE} — запустите команду в корне портала "
                "(там, где лежит mkdocs.yml), или создайте портал: nastavnik new ПАПКА"
            )
        return cls(root)


def check_config(project: Project, problems: Problems) -> None:
    """``mkdocs.yml`` reads as YAML and lists our plugin: otherwise MkDocs stops later, in English."""
    try:
        text = project.config_file.read_text(encoding="utf-8-sig")
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
            f"добавьте в mkdocs.yml в раздел extra строку «{engine_guard.LINE}» (см. mkdocs.yml демонстрационного портала)",
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
    """Reads ``mkdocs.yml`` safely: MkDocs' own tags (``!ENV``, ``!!python/name:…``) become None."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_GUARDED = object()  # what the engine guard's tag reads as here (MkDocs computes it; we only see that it is there)


def _python_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    return _GUARDED if "tag:yaml.org,2002:python/" + suffix == yaml_tag(engine_guard.TAG) else None


def yaml_tag(short: str) -> str:
    return short.replace("!!", "tag:yaml.org,2002:", 1)


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)


@dataclass(frozen=True)
class Checked:
    """The outcome of checking: every problem found, and the Portal when there were no errors."""

    sources: Sources
    records: Records
    problems: Problems
    portal: Portal | None


def build_date() -> dt.date:
    """Today, or the date pinned with ``NASTAVNIK_TODAY=YYYY-MM-DD``."""
    pinned = os.environ.get(TODAY_ENV)
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise UsageError(f"{TODAY_ENV}={pinned}: нужна дата вида 2026-09-01") from None
    return dt.date.today()


def check(project: Project, today: dt.date | None = None, timings: Timings | None = None) -> Checked:
    """load → validate → rules → Portal; problems are collected, never raised."""
    today = today or build_date()
    timings = timings or Timings()
    problems = Problems()
    with timings.stage("load"):
        if project.org is None:
            check_config(project, problems)
        sources = load_sources(project.root, project.data_dir, project.news_dir, problems)
    with timings.stage("validate"):
        records = validate_sources(sources, problems)
        check_rules(records, Context(project.root, project.content_dir, today, project.data_dir), problems)
        check_roadmap_items(records, problems)
        portal = None
        if not problems.errors and records.program is not None:
            portal = build_portal(records, project.content_dir, today, last_changed(project), project.site_url)
            check_staleness(portal, records, lambda: changed_on(project, (project.data_dir,)), problems)
    return Checked(sources, records, problems, portal)


def last_changed(project: Project) -> dt.date:
    """When the published data last changed (the build date when it is pinned, for reproducible pages)."""
    if pinned := os.environ.get(TODAY_ENV):
        return dt.date.fromisoformat(pinned)
    return changed_on(project, (project.data_dir, project.content_dir))


def changed_on(project: Project, folders: tuple[Path, ...]) -> dt.date:
    """When ``folders`` last changed: the last commit touching them when clean in git, else the newest file."""
    folders = tuple(p for p in folders if p.is_dir())
    if not folders:
        return dt.date.today()
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%cs", "--", *map(str, folders)],
            cwd=project.root,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        if out.returncode == 0 and out.stdout.strip():
            committed = dt.date.fromisoformat(out.stdout.strip())
            dirty = subprocess.run(
                ["git", "status", "--porcelain", "--", *map(str, folders)],
                cwd=project.root,
                capture_output=True,
                text=True,
                timeout=10,
                check=False,
            )
            if not dirty.stdout.strip():
                return committed
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    newest = max(
        (entry.stat().st_mtime for folder in folders for entry in folder.rglob("*") if entry.is_file()),
        default=None,
    )
    return dt.date.fromtimestamp(newest) if newest is not None else dt.date.today()
