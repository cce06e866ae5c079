"""The plugin's configuration helpers: the theme's folders, what the theme reads, checking under plain MkDocs."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.theme import Theme

from generator import ru
from generator.editor import decap
from generator.engine.hardening import inert
from generator.errors import Problems
from generator.filetypes import visible_files
from generator.models import Curator, Mentor
from generator.portal.check import check
from generator.portal.portal import Portal
from generator.project import ORGANIZATIONS, Project
from generator.render.env import bytecode_cache
from generator.rules.people import people_of
from generator.sources.config import theme_dir


def _check_for_mkdocs(
    project: Project,
) -> tuple[Problems, Portal | None, dict[str, str | bytes], list[tuple[str, Mentor | Curator]]]:
    """Plain ``mkdocs build``/``serve``: a school's data, or a district's section (pages rendered here).

    Also everyone whose name the data holds, for the post-build search of private names.
    """
    if project.is_district:
        from generator.district.pages import preview

        return preview(project)
    checked = check(project)
    return checked.problems, checked.portal, {}, people_of(checked.records)


def _without_organizations(files: Files, config: MkDocsConfig) -> Files:
    """A district's section leaves out ``content/organizations/``: each organization is a build of its own."""
    project = Project(Path(config.config_file_path).resolve().parent)
    if not project.is_district or Path(config.docs_dir).resolve() != project.content_dir.resolve():
        return files
    prefix = ORGANIZATIONS + "/"
    return Files([f for f in files if not f.src_uri.startswith(prefix)])


def _add_theme_overrides(config: MkDocsConfig) -> None:
    """Put our overrides right after the portal's own ``custom_dir`` (which may override them in turn); list
    the theme's files without its hidden folders (:class:`VisibleFiles`); compile its templates once
    (:func:`.bytecode_cache`): each section of a district is a build of its own, and Material's blog plugin
    asks for a new environment for every text it translates."""
    theme = config.theme
    if "get_env" not in vars(theme):
        cache = bytecode_cache(Path(config.config_file_path).resolve().parent)
        theme.get_env = partial(_visible_env, theme, cache)  # type: ignore[method-assign]
    ours = os.path.realpath(theme_dir())
    dirs = theme.dirs
    if any(os.path.realpath(d) == ours for d in dirs):
        return
    custom = theme.custom_dir
    dirs.insert(1 if custom and os.path.realpath(dirs[0]) == os.path.realpath(custom) else 0, ours)


class VisibleFiles(jinja2.FileSystemLoader):
    """The theme's templates, listed without hidden folders. MkDocs copies every file the theme's loader lists
    into the site but for hidden ones («.*», «*/.*»): mkdocs-material keeps 14,000 icons in ``.icons/``, and
    walking them took a tenth of a school's build (and of every section of a district's)."""

    def list_templates(self) -> list[str]:
        return sorted({path for root in self.searchpath for path in visible_files(root, self.followlinks)})


def _visible_env(theme: Theme, cache: jinja2.BytecodeCache) -> jinja2.Environment:
    env = Theme.get_env(theme)
    env.loader = VisibleFiles(theme.dirs)
    env.bytecode_cache = cache
    return env


def site_info(portal: Portal) -> dict[str, Any]:
    """What the theme's overrides read (``config.extra.nastavnik``): HTML-escaped strings (Markup)."""
    org = portal.organization
    info = {
        "org_name": org.name,
        "org_short_name": org.short_name,
        "address": org.address or "",
        "phone": org.phone or "",
        "email": org.email or "",
        "site": org.site or "",
        "vk": org.vk or "",
        "primary": org.colors.primary,
        "on_primary": text_colour(org.colors.primary),
        "accent": org.colors.accent,
        "last_changed": ru.date(portal.last_changed),
        "last_changed_iso": portal.last_changed.isoformat(),
    }
    # MkDocs renders the theme without autoescaping: the values arrive HTML-escaped (see hardening.py).
    return {key: inert(value) for key, value in info.items()}


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (``#1f4e8c``) by WCAG contrast."""
    channels = [int(background[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#ffffff" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) else "#000000"


def add_admin(files: Files, config: MkDocsConfig, admin: dict[str, Any]) -> str | None:
    """/admin/ (Decap CMS) added to ``files`` as static files (not pages), so it stays out of the nav, the search
    index and the sitemap; what the editor should know when it could not be made."""
    root = Path(config.config_file_path).resolve().parent
    site = decap.admin_site(root, decap.settings_from(dict(config), admin))
    for dest, text in site.generated.items():
        files.append(File.generated(config, dest, content=text))
    for dest, source in site.copied.items():
        files.append(File.generated(config, dest, abs_src_path=str(source)))
    return site.note or None
