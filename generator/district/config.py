"""The MkDocs configuration of one organization's section: the district's ``mkdocs.yml``, adjusted.

Every organization is built by the same plugin, theme and Markdown extensions as the district, with
its own ``docs_dir`` (``content/organizations/<org>/``), ``site_url`` (the district's plus
``<org>/``), title, logo and the navigation of a school's section. Built as a site of its own, every
page template and relative link works unchanged under ``/<org>/``, and the organization gets its own
search index (``/<org>/search/search_index.json``), sitemap and news feed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from generator import urls
from generator.portal.portal import Portal
from generator.project import Project

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

# The navigation of an organization's section: the school's URL map (DESIGN.md).
ORG_NAV: tuple[tuple[str, str], ...] = tuple(urls.nav())
EDITORS_PAGES = {s.src for s in urls.SECTIONS if s.kind == urls.EDITORS}  # listed only when the organization wrote them
MATERIAL_FAVICON = "assets/images/favicon.png"


def org_site_url(site_url: str | None, org: str) -> str | None:
    """``https://rayon.example.ru/nastavnichestvo/`` → ``…/nastavnichestvo/<org>/``."""
    if not site_url:
        return None
    return site_url.rstrip("/") + f"/{org}/"


def organization_config(project: Project, portal: Portal, docs_dir: Path) -> Callable[[MkDocsConfig], None]:
    """A function adjusting the district's loaded configuration for ``project.org``."""
    assert project.org is not None
    org = project.org
    name = portal.organization.short_name

    def configure(config: MkDocsConfig) -> None:
        config.docs_dir = str(docs_dir)
        config.site_url = org_site_url(config.site_url, org)
        config.site_name = f"{portal.program.title} — {name}"
        config.site_description = f"Раздел «{portal.program.title}» — {portal.organization.name}"
        config.nav = [{title: src} for title, src in ORG_NAV if src not in EDITORS_PAGES or (docs_dir / src).is_file()]
        logo = portal.organization.logo or config.theme.get("logo")
        config.theme["logo"] = logo if logo and (docs_dir / logo).is_file() else None
        favicon = config.theme.get("favicon")
        if favicon and not (docs_dir / favicon).is_file():
            config.theme["favicon"] = MATERIAL_FAVICON
        plugin = config.plugins.get("nastavnik")
        if plugin is not None:  # the browser editor edits the district's own data, at /admin/ only
            plugin.config.admin.enabled = False  # type: ignore[attr-defined]

    return configure
