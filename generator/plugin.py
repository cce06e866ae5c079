"""The MkDocs plugin: hands the generated pages and exports to MkDocs.

Registered in ``mkdocs.yml`` as ``nastavnik``, so plain ``mkdocs build`` and ``mkdocs serve`` work
in a portal's root: the plugin checks the data, renders the pages of the URL map as virtual files
(nothing is written into ``content/``), appends the generated blocks to ``parents.md``, cleans the
HTML of the editors' own pages, and makes ``mkdocs serve`` watch ``data/``.

``nastavnik build`` checks the data itself and hands the ready Portal over with :meth:`preset`,
so the work is not done twice.
"""

from __future__ import annotations

import importlib.resources
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from . import ru
from .errors import format_problems
from .markup import DEFAULT_EMBED_HOSTS, clean_html
from .portal import Portal
from .project import Project, check
from .render.pages import render_pages, render_parents_blocks, render_post_image, view_meta

log = logging.getLogger("mkdocs.plugins.nastavnik")

PARENTS_PAGE = "parents.md"


class NastavnikConfig(Config):
    embed_hosts = c.ListOfItems(c.Type(str), default=list(DEFAULT_EMBED_HOSTS))
    """Hosts whose iframes (video, maps) may be embedded in editors' pages; each is sandboxed."""


class NastavnikPlugin(BasePlugin[NastavnikConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.portal: Portal | None = None
        self.preset_portal: Portal | None = None
        self.generated: dict[str, str] = {}

    def preset(self, portal: Portal, rendered: dict[str, str] | None = None) -> None:
        """Use an already checked Portal (and its rendered pages) instead of loading the data again."""
        self.preset_portal = portal
        self.generated = dict(rendered or {})

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Project(Path(config.config_file_path).resolve().parent)
        if self.preset_portal is not None:
            self.portal = self.preset_portal
        else:
            checked = check(project)
            if checked.problems.errors or checked.portal is None:
                raise PluginError("\n" + format_problems(checked.problems.sorted()))
            for warning in checked.problems.warnings:
                log.warning(warning.format())
            self.portal = checked.portal
            self.generated = {}
        config.extra["nastavnik"] = site_info(self.portal)
        _add_theme_overrides(config)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.portal is not None
        if not self.generated:
            self.generated = render_pages(self.portal)
        for src, markdown in self.generated.items():
            if files.get_file_from_path(src) is not None:
                raise PluginError(
                    f"content/{src}: эта страница создаётся генератором из data/ — "
                    "переименуйте или удалите файл в content/"
                )
            files.append(File.generated(config, src, content=markdown))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri == PARENTS_PAGE and self.portal is not None:
            return markdown.rstrip() + "\n\n" + render_parents_blocks(self.portal)
        if page.file.src_uri.startswith("news/posts/") and self.portal is not None:
            return render_post_image(self.portal, page.file.src_uri) + markdown  # the post's picture on top
        return markdown

    @event_priority(-50)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The editors' pages may use Markdown and safe HTML; everything executable is removed."""
        if page.file.src_uri in self.generated:
            return html  # our own templates: every value is already escaped
        return clean_html(html, self.config.embed_hosts)

    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """The blog's archive, category and pagination pages get a Russian title and description."""
        if self.portal is not None and page.title and not page.meta.get("description"):
            page.meta.update(view_meta(page.url, str(page.title), self.portal))
        return context

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        root = Path(config.config_file_path).resolve().parent
        for folder in (root / "data", Path(theme_dir())):
            if folder.is_dir():
                server.watch(str(folder))
        return server


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
        "on_primary": text_colour(org.colors.primary),
        "accent": org.colors.accent,
        "last_changed": ru.date(portal.last_changed),
        "last_changed_iso": portal.last_changed.isoformat(),
    }


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on ``background`` (``#1f4e8c``) by WCAG contrast."""
    channels = [int(background[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "#ffffff" if (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) else "#000000"
