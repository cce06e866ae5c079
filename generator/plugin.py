"""The MkDocs plugin: hands the generated pages and exports to MkDocs.

Registered in ``mkdocs.yml`` as ``nastavnik``, so plain ``mkdocs build`` and ``mkdocs serve`` work
in a portal's root: the plugin checks the data, renders the pages of the URL map as virtual files
(nothing is written into ``content/``), appends the generated blocks to ``parents.md``, cleans the
HTML of the editors' own pages, and makes ``mkdocs serve`` watch ``data/``.

``nastavnik build`` checks the data itself and hands the ready Portal over with :meth:`preset`,
so the work is not done twice.
"""

from __future__ import annotations

import functools
import importlib.resources
import logging
import os
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import decap, ru
from .errors import Problems, format_problems
from .markup import DEFAULT_EMBED_HOSTS, clean_html
from .portal import Portal
from .project import ORGANIZATIONS, Project, check
from .render.pages import render_pages, render_parents_blocks
from .render.publish import export_files
from .search_index import rewrite_utf8

log = logging.getLogger("mkdocs.plugins.nastavnik")

PARENTS_PAGE = "parents.md"


class AdminConfig(Config):
    """The browser editor at /admin/ (Decap CMS); see generator/decap.py and the README."""

    enabled = c.Type(bool, default=True)
    repo = c.Optional(c.Type(str))  # owner/name on GitHub; by default taken from repo_url
    branch = c.Type(str, default="main")
    base_url = c.Optional(c.Type(str))  # the OAuth client that signs editors in to GitHub
    auth_endpoint = c.Optional(c.Type(str))


class NastavnikConfig(Config):
    embed_hosts = c.ListOfItems(c.Type(str), default=list(DEFAULT_EMBED_HOSTS))
    """Hosts whose iframes (video, maps) may be embedded in editors' pages; each is sandboxed."""
    admin = c.SubConfig(AdminConfig)


class NastavnikPlugin(BasePlugin[NastavnikConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.portal: Portal | None = None
        self.preset_portal: Portal | None = None
        self.generated: dict[str, str] = {}
        self.notes: list[str] = []  # what the editor should know about the build (printed by nastavnik build)

    def preset(self, portal: Portal, rendered: dict[str, str] | None = None) -> None:
        """Use an already checked Portal (and its rendered pages) instead of loading the data again."""
        self.preset_portal = portal
        self.generated = dict(rendered or {})

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Project(Path(config.config_file_path).resolve().parent)
        if self.preset_portal is not None:
            self.portal = self.preset_portal
        else:
            problems, portal, self.generated = _check_for_mkdocs(project)
            if problems.errors or portal is None:
                raise PluginError("\n" + format_problems(problems.sorted()))
            for warning in problems.warnings:
                log.warning(warning.format())
            self.portal = portal
        config.extra["nastavnik"] = site_info(self.portal)
        _add_theme_overrides(config)
        return config

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Material's templates are compiled once and kept (each section of a district is a build of its own)."""
        env.bytecode_cache = theme_bytecode_cache()
        return env

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.portal is not None
        files = _without_organizations(files, config)
        if not self.generated:
            self.generated = render_pages(self.portal)
        for src, markdown in self.generated.items():
            if files.get_file_from_path(src) is not None:
                raise PluginError(
                    f"content/{src}: эта страница создаётся генератором из data/ — "
                    "переименуйте или удалите файл в content/"
                )
            files.append(File.generated(config, src, content=markdown))
        self._add_exports(files, config)
        self._add_admin(files, config)
        return files

    def _add_exports(self, files: Files, config: MkDocsConfig) -> None:
        """The current roadmap in every registered format: ``/roadmap.ics``, ``/roadmap.json``, …"""
        assert self.portal is not None
        for name, content in export_files(self.portal, self.portal.site_url or config.site_url or "").items():
            if files.get_file_from_path(name) is not None:
                raise PluginError(f"content/{name}: этот файл создаётся генератором из data/ — удалите его из content/")
            files.append(File.generated(config, name, content=content))

    def _add_admin(self, files: Files, config: MkDocsConfig) -> None:
        """/admin/: static files (not pages), so they stay out of the nav, the search index and the sitemap."""
        self.notes = []
        if not self.config.admin.enabled:
            return
        root = Path(config.config_file_path).resolve().parent
        site = decap.admin_site(root, decap.settings_from(dict(config), dict(self.config.admin)))
        if site.note:
            self.notes.append(site.note)
            log.info(site.note)
        for dest, text in site.generated.items():
            files.append(File.generated(config, dest, content=text))
        for dest, source in site.copied.items():
            files.append(File.generated(config, dest, abs_src_path=str(source)))

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri == PARENTS_PAGE and self.portal is not None:
            return markdown.rstrip() + "\n\n" + render_parents_blocks(self.portal)
        return markdown

    @event_priority(-50)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The editors' pages may use Markdown and safe HTML; everything executable is removed."""
        if page.file.src_uri in self.generated:
            return html  # our own templates: every value is already escaped
        return clean_html(html, self.config.embed_hosts)

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        rewrite_utf8(Path(config.site_dir))

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # MkDocs itself watches content/ and mkdocs.yml; data/ and the theme overrides are ours to add.
        root = Path(config.config_file_path).resolve().parent
        folders = [root / "data", Path(theme_dir())]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        for folder in dict.fromkeys(f.resolve() for f in folders):
            if folder.is_dir():
                server.watch(str(folder))
        return server


def _check_for_mkdocs(project: Project) -> tuple[Problems, Portal | None, dict[str, str]]:
    """Plain ``mkdocs build``/``serve``: a school's data, or a district's section (pages rendered here)."""
    if project.is_district:
        from .district.pages import preview

        return preview(project)
    checked = check(project)
    return checked.problems, checked.portal, {}


def _without_organizations(files: Files, config: MkDocsConfig) -> Files:
    """A district's section leaves out ``content/organizations/``: each organization is a build of its own."""
    project = Project(Path(config.config_file_path).resolve().parent)
    if not project.is_district or Path(config.docs_dir).resolve() != project.content_dir.resolve():
        return files
    prefix = ORGANIZATIONS + "/"
    return Files([f for f in files if not f.src_uri.startswith(prefix)])


@functools.lru_cache(maxsize=1)
def theme_bytecode_cache() -> jinja2.BytecodeCache:
    """Compiled theme templates in a private folder of the system's temp dir, checked by the templates' checksums."""
    return jinja2.FileSystemBytecodeCache()


def theme_dir() -> str:
    """Our mkdocs-material overrides (the repository's ``theme/``, installed as ``generator.theme``)."""
    return str(importlib.resources.files("generator.theme"))


def _add_theme_overrides(config: MkDocsConfig) -> None:
    """Put our overrides right after the portal's own ``custom_dir`` (which may override them in turn)."""
    ours = os.path.realpath(theme_dir())
    dirs = config.theme.dirs
    if any(os.path.realpath(d) == ours for d in dirs):
        return
    custom = config.theme.custom_dir
    dirs.insert(1 if custom and os.path.realpath(dirs[0]) == os.path.realpath(custom) else 0, ours)


def site_info(portal: Portal) -> dict[str, Any]:
    """What the theme's overrides read (``config.extra.nastavnik``): plain strings only."""
    org = portal.organization
    return {
        "org_name": org.name,
        "org_short_name": org.short_name,
        "address": org.address or "",
        "phone": org.phone or "",
        "email": org.email or "",
        "site": org.site or "",
        "vk": org.vk or "",
        "primary": org.colors.primary,
        "accent": org.colors.accent,
        "last_changed": ru.date(portal.last_changed),
        "last_changed_iso": portal.last_changed.isoformat(),
    }
