"""A portal on disk, and the checking half of the pipeline: load → validate → rules → Portal.

``check()`` is what ``nastavnik check`` runs, what ``nastavnik build`` runs before MkDocs, and what
the MkDocs plugin runs when MkDocs is called directly (``mkdocs build``/``mkdocs serve``).
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import Problems, UsageError
from .load import Sources, load_sources
from .portal import Portal, build_portal
from .rules import Context, check_rules
from .validate import Records, validate_sources

CONFIG_FILE = "mkdocs.yml"
TODAY_ENV = "NASTAVNIK_TODAY"  # pin the build date (reproducible builds, tests): 2026-11-22


@dataclass(frozen=True)
class Project:
    """The folders of one portal: ``mkdocs.yml`` at the root, ``data/`` and ``content/`` beside it."""

    root: Path

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def news_dir(self) -> Path:
        return self.content_dir / "news" / "posts"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

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


def check(project: Project, today: dt.date | None = None) -> Checked:
    """load → validate → rules → Portal; problems are collected, never raised."""
    today = today or build_date()
    problems = Problems()
    sources = load_sources(project.root, project.data_dir, project.news_dir, problems)
    records = validate_sources(sources, problems)
    check_rules(records, Context(project.root, project.content_dir, today), problems)
    portal = None
    if not problems.errors and records.program is not None:
        portal = build_portal(records, project.content_dir, today, last_changed(project))
    return Checked(sources, records, problems, portal)


def last_changed(project: Project) -> dt.date:
    """When the published data last changed: the last commit touching it, else the newest file."""
    folders = [p for p in (project.data_dir, project.content_dir) if p.is_dir()]
    if pinned := os.environ.get(TODAY_ENV):
        return dt.date.fromisoformat(pinned)
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
