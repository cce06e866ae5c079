"""What editors upload into ``content/`` and MkDocs would copy into the site as it is.

Checked before anything is built (``nastavnik check``, and so every build), and again by the
plugin over the files MkDocs actually copies:

* **no file may take the place of one the theme, a plugin or the generator writes** — MkDocs lets a
  file of ``docs_dir`` replace the theme's own (``assets/javascripts/workers/search.….min.js``, the
  theme's CSS), and a plugin's output (``sitemap.xml``, ``search/``, ``feed_*``, ``admin/``) would
  silently replace an upload. Either way a collision stops the build, naming both paths;
* no script or plug-in program, no PDF with active content (:mod:`generator.filetypes`);
* no file git ignores: it would be published from this computer, but is in no commit, so
  ``deploy`` would count the tree as clean while the site holds a file nobody reviewed. Such files
  are refused (not left out silently): the editor decides to commit or delete them.
"""

from __future__ import annotations

import fnmatch
import importlib.resources
import os
import subprocess
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.errors import Problems
from generator.filetypes import MARKDOWN_SUFFIXES, pdf_active_content, refused_upload
from generator.sources.config import CONFIG_FILE, read_config, theme_dir
from generator.sources.load import relpath

# Paths of the site that plugins and the generator write (beside the theme's own files).
RESERVED = (
    "404.html", "sitemap.xml", "sitemap.xml.gz", "objects.inv", "search/*", "admin", "admin/*", "feed_*",
    "assets/javascripts/*", "assets/stylesheets/*", "assets/images/favicon.png", "assets/external/*",
)  # fmt: skip
MAX_PDF_READ = 100 * 1024 * 1024


def reserved(dest: str) -> bool:
    """``dest`` (a path of the site) is written by a plugin or the generator."""
    return any(fnmatch.fnmatchcase(dest, pattern) for pattern in RESERVED)


def theme_file(dest: str, theme_dirs: Iterable[str | Path]) -> Path | None:
    """The theme's own file at ``dest`` of the site, if any of ``theme_dirs`` has one."""
    for folder in theme_dirs:
        candidate = Path(folder) / dest
        if candidate.is_file():
            return candidate
    return None


def collision(dest: str, theme_dirs: Iterable[str | Path]) -> str | None:
    """What ``dest`` would replace: the theme's file or a generated path (Russian), or None."""
    own = theme_file(dest, theme_dirs)
    if own is not None:
        return f"файл оформления {_shown(own)}"
    if reserved(dest):
        return f"файл site/{dest}, который создаёт генератор или модуль MkDocs"
    return None


def collision_hint() -> str:
    return "переименуйте или перенесите файл (например, в content/files/)"


def _shown(path: Path) -> str:
    """A theme file by its package-relative path: ``material/templates/assets/….js``."""
    parts = path.resolve().parts
    for anchor in ("material", "theme"):
        if anchor in parts:
            index = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[index:])
    return path.as_posix()


def default_theme_dirs(root: Path) -> list[Path]:
    """The theme folders MkDocs would use for the portal at ``root``: its ``custom_dir``, ours, Material's."""
    dirs: list[Path] = []
    theme = (read_config(root / CONFIG_FILE) or {}).get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    if isinstance(custom, str):
        dirs.append(root / custom)
    dirs.append(Path(theme_dir()))
    dirs.append(Path(str(importlib.resources.files("material") / "templates")))
    return dirs


def check_uploads(root: Path, content_dir: Path, problems: Problems, others: Iterable[Path] = ()) -> None:
    """Every file of ``content/`` (but ``others``) can be published as it is (see the module's description)."""
    if not content_dir.is_dir():
        return
    theme_dirs = default_theme_dirs(root)
    for path in _files(content_dir, tuple(others)):
        rel = relpath(root, path)
        dest = path.relative_to(content_dir).as_posix()
        what = refused_upload(path.name)
        if what:
            problems.error(
                rel,
                None,
                f"{what} не публикуется: браузер выполнил бы его на сайте, где редакторы входят в /admin/",
                "удалите файл из content/ (или положите его в архив .zip, чтобы его скачивали, а не открывали)",
            )
        elif path.suffix.lower() == ".pdf" and path.stat().st_size <= MAX_PDF_READ:
            active = pdf_active_content(path.read_bytes())
            if active:
                problems.error(
                    rel,
                    None,
                    f"в PDF есть активное содержимое ({active}) — просмотрщик PDF в браузере выполнил бы его",
                    "пересохраните документ «печатью в PDF» или как PDF/A (без скриптов, форм и вложений)",
                )
        if path.suffix.lower() not in MARKDOWN_SUFFIXES:
            replaced = collision(dest, theme_dirs)
            if replaced:
                problems.error(rel, None, f"файл занял бы место: {replaced}", collision_hint())
    for path in ignored_by_git(root, content_dir):
        problems.error(
            relpath(root, path),
            None,
            "файл исключён из git (.gitignore), но попал бы на сайт — его нет ни в одном коммите",
            "удалите файл или уберите его из .gitignore и закоммитьте",
        )


def _files(content_dir: Path, others: tuple[Path, ...]) -> Iterator[Path]:
    for folder, dirs, files in os.walk(content_dir, followlinks=False):
        here = Path(folder)
        dirs[:] = [d for d in dirs if not d.startswith(".") and not any(here / d == o for o in others)]
        for name in sorted(files):
            path = here / name
            if not name.startswith(".") and path.is_file():
                yield path


def ignored_by_git(root: Path, content_dir: Path) -> list[Path]:
    """Files under ``content_dir`` that git ignores (none when the portal is not a git repository)."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "--others", "--ignored", "--exclude-standard", "-z", "--", str(content_dir)],
            cwd=root,
            capture_output=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if out.returncode != 0:
        return []
    names = [name for name in out.stdout.decode("utf-8", errors="replace").split("\0") if name]
    found = [root / name for name in names]  # relative to the folder git ran in
    return [p for p in found if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)]
