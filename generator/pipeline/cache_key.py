"""What a section's build depends on, as one digest: the key of the section cache (:mod:`.cache`).

The key is made of inputs, never of a list of today's files: every file of the section's own ``data/`` and
``content/`` folders, every other file of the portal (``mkdocs.yml``, the theme, overrides, hooks — all
but the portal's outputs, its own data and content folders and hidden folders), the generator's own source
(every file of the package, not only its version), the name and version of every installed distribution,
Python, the vendor files the browser editor copies, what ``mkdocs.yml`` names outside the portal's folder
(a theme, a parent configuration, hooks), the environment variables a build reads, the build
date, ``--strict``, and the dates the pages show of when the data last changed (from git, as the pages
get them). Whatever is not in the key is not read by a section's build; any doubt belongs in the key.
"""

from __future__ import annotations

import hashlib
import os
import platform
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import generator
from generator.editor.decap import node_modules, vendor_files
from generator.options import BuildOptions
from generator.project import ORGANIZATIONS, Project, changed_on, last_changed
from generator.sources.config import read_config

FORMAT = "nastavnik-section-cache-1"
OUTPUTS = frozenset({"site", "build", "node_modules", "__pycache__", "venv", "data", "content"})
"""Folders at the portal's root that are not inputs of the pages: outputs, installed packages, and the data and
content folders (each section's own part of them is hashed into its own key)."""
ENV_PREFIXES = ("NASTAVNIK_", "LC_")
ENV_NAMES = ("SOURCE_DATE_EPOCH", "TZ", "LANG", "LANGUAGE", "NO_MKDOCS_2_WARNING")


def environment_digest(project: Project, exclude: Iterable[Path] = ()) -> str:
    """What every section of ``project`` depends on alike; computed once per build, in the main process.

    ``exclude``: files and folders inside the portal that a build reads or writes but that are not inputs of
    its sections (``--prebuilt``, ``--timings``)."""
    h = hashlib.blake2b(digest_size=20)
    _add(h, FORMAT, sys.version, sys.platform, platform.machine(), sys.implementation.name)
    package = Path(generator.__file__).resolve().parent
    _add(h, "generator", *_tree_lines(package, package))
    _add(h, "distributions", *sorted(_distributions()))
    skipped = {p.resolve() for p in exclude}
    _add(h, "portal", *_tree_lines(project.root, project.root, top_skip=OUTPUTS, skipped=skipped))
    modules = node_modules(project.root)
    if modules is not None:
        files = vendor_files(modules)
        _add(h, "vendor", str(modules), *(f"{rel} {_file_digest(path)}" for rel, path in sorted(files.items())))
        _add(h, *(_file_digest(modules / name / "package.json") for name in ("decap-cms", "yaml")))
    _add(h, "environment", *_environment(project))
    for outside in _outside(project):  # a theme, a parent config or hooks kept beside the portal
        _add(h, str(outside), *(_tree_lines(outside, outside) if outside.is_dir() else [_file_digest(outside)]))
    return h.hexdigest()


def _outside(project: Project) -> list[Path]:
    """Paths ``mkdocs.yml`` names that lie outside the portal's folder (its files are hashed above)."""
    config = read_config(project.config_file) or {}
    theme_value, hooks_value = config.get("theme"), config.get("hooks")
    theme: dict[str, Any] = theme_value if isinstance(theme_value, dict) else {}
    hooks: list[Any] = hooks_value if isinstance(hooks_value, list) else []
    named = [config.get("INHERIT"), config.get("docs_dir"), theme.get("custom_dir"), *hooks]
    root = project.root.resolve()
    found = []
    for value in named:
        if isinstance(value, str) and value.strip():
            path = (project.root / value).resolve()
            if path != root and root not in path.parents:
                found.append(path)
    return sorted(set(found))


def section_key(environment: str, project: Project, options: BuildOptions) -> str:
    """The key of one section: the environment's digest, the section's own files and the build's date and mode.

    The portal's own section of a district (``project.org`` None) holds only the top of ``data/`` and
    ``content/``; a school's holds all of them."""
    h = hashlib.blake2b(digest_size=20)
    _add(h, environment, project.org or "", str(options.today), str(options.strict))
    top = {ORGANIZATIONS} if project.is_district else set()
    for folder in (project.data_dir, project.content_dir):
        _add(h, folder.relative_to(project.root).as_posix(), *_tree_lines(folder, folder, top_skip=top, hidden=True))
    # The pages show when the data last changed and warn when a roadmap is stale: both dates come from git.
    _add(h, str(last_changed(project)), str(changed_on(project, (project.data_dir,))))
    return h.hexdigest()


def _tree_lines(
    folder: Path,
    base: Path,
    top_skip: Iterable[str] = (),
    skipped: set[Path] | frozenset[Path] = frozenset(),
    hidden: bool = False,
) -> list[str]:
    """One line per file under ``folder`` (path and digest of its bytes), sorted; ``top_skip``: names of
    folders left out at the top; ``hidden``: hidden files and folders are included (a section's own data)."""
    lines: list[str] = []
    if not folder.is_dir():
        return ["<missing>"]
    top = frozenset(top_skip)
    for current, dirs, files in os.walk(folder):
        here = Path(current)
        keep = []
        for name in sorted(dirs):
            if name == "__pycache__" or (not hidden and name.startswith(".")):
                continue
            if here == folder and name in top:
                continue
            if name.startswith(".site-build-") or (skipped and (here / name).resolve() in skipped):
                continue
            keep.append(name)
        dirs[:] = keep
        for name in sorted(files):
            if not hidden and name.startswith("."):  # the build's own records (.nastavnik-build.json), editors' files
                continue
            if name.endswith((".pyc", ".pyo")) or (here == folder and name.startswith(".site-build-")):
                continue
            path = here / name
            if skipped and path.resolve() in skipped:  # (resolving each file was a third of the key)
                continue
            lines.append(f"{path.relative_to(base).as_posix()} {_file_digest(path)}")
    return lines


def _file_digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=20)
    try:
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                h.update(chunk)
    except OSError as exc:  # unreadable now: a key that matches nothing, so the section is built (and fails there)
        return f"unreadable:{type(exc).__name__}:{os.urandom(8).hex()}"
    return h.hexdigest()


def _distributions() -> set[str]:
    """Every installed distribution as its metadata folder names it (``mkdocs-1.6.1.dist-info``: name and
    version), with the time the folder last changed, so a reinstall of the same version counts too. Read from
    the folders' names, not their metadata: reading a hundred METADATA files took a tenth of a school's build."""
    found = set()
    for entry in dict.fromkeys(sys.path):
        try:
            with os.scandir(entry or ".") as items:
                for item in items:
                    if item.name.endswith((".dist-info", ".egg-info")):
                        found.add(f"{item.name}@{item.stat().st_mtime_ns}")
        except OSError:  # a zip file, a folder gone: nothing installed there
            continue
    return found


def _environment(project: Project) -> list[str]:
    """The variables a build reads: ours, the locale and time zone, and any that ``mkdocs.yml`` names (``!ENV``)."""
    try:
        config = project.config_file.read_text(encoding="utf-8", errors="replace")
    except OSError:
        config = ""
    named = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]{2,}", config))
    return sorted(
        f"{key}={value}"
        for key, value in os.environ.items()
        if key.startswith(ENV_PREFIXES) or key in ENV_NAMES or key in named
    )


def _add(h: hashlib.blake2b, *parts: str) -> None:
    for part in parts:
        h.update(part.encode("utf-8", errors="surrogateescape"))
        h.update(b"\0")
    h.update(b"\1")
