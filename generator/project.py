"""A portal on disk: its folders, its build date and when its data last changed.

A portal is a single school (``data/`` and ``content/`` at the root) or a district: then
``data/organizations/<org>/`` and ``content/organizations/<org>/`` hold each organization's data and
content, and the top of ``data/`` and ``content/`` is the district's own. ``Project(root, org)`` is
one organization of a district: the same pipeline runs on its folders, and every problem keeps the
file's path from the portal's root (``data/organizations/<org>/mentors/x.yaml:4``).
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.errors import UsageError
from generator.sources.config import CONFIG_FILE, read_config

ORGANIZATIONS = "organizations"
"""A district's organizations: ``data/organizations/<org>/`` and ``content/organizations/<org>/``."""
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
        config = read_config(self.config_file)
        value = config.get("site_url") if config is not None else None
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


CACHE = ".cache"
"""The portal's cache of what builds may reuse (compiled templates, name forms): git-ignored, safe to delete."""


def private_cache(root: Path, name: str) -> Path | None:
    """``root/.cache/name``, made by this user with mode 0700 — or None where it is not (a folder that came
    with the repository: a pull request can add one, and nothing in it may steer a build) or the system
    has no owners and modes (Windows). What is read from it is then never trusted: callers keep to memory."""
    if not hasattr(os, "getuid"):
        return None
    folder = root / CACHE / name
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        ignore = root / CACHE / ".gitignore"
        if not ignore.exists():  # git leaves the cache alone also in a portal whose .gitignore predates it
            ignore.write_text("# Кэш сборки «Наставника»: в репозиторий не добавляется\n*\n", encoding="utf-8")
        info = folder.lstat()
    except OSError:
        return None
    ours = stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) == 0o700
    return folder if ours else None


def build_date() -> dt.date:
    """Today, or the date pinned with ``NASTAVNIK_TODAY=YYYY-MM-DD``."""
    pinned = os.environ.get(TODAY_ENV)
    if pinned:
        try:
            return dt.date.fromisoformat(pinned)
        except ValueError:
            raise UsageError(f"{TODAY_ENV}={pinned}: нужна дата вида 2026-09-01") from None
    return dt.date.today()


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
