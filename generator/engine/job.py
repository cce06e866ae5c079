"""What the pipeline hands the engine for one section (:class:`EngineJob`), and how that section's built tree
is checked (:func:`section_checks`: made by the pipeline, called by the engine once it knows its settings)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from generator.checks.site import SiteCheck
from generator.editor.decap import vendor_paths
from generator.models import Curator, Mentor
from generator.parallel import Background
from generator.portal.portal import Portal
from generator.project import Project
from generator.render.publish import export_files, published_files
from generator.rules.people import NamePolicy


@dataclass(frozen=True)
class EngineSettings:
    """What the checks of a built tree need to know of the engine's configuration."""

    theme_dirs: tuple[str, ...]  # the theme's templates: their scripts are trusted
    embed_hosts: tuple[str, ...]  # hosts whose frames editors may embed
    site_url: str | None  # the site's address: its path is where the section lives


@dataclass(frozen=True)
class EngineJob:
    """One section for the engine: the Portal, its pages, and the checks its pages get as they are written."""

    portal: Portal
    rendered: Mapping[str, str | bytes]  # pages (Markdown) and, for a district, its downloads (bytes)
    checks: Callable[[EngineSettings], SiteCheck]  # made by the pipeline, called once the settings are known
    exports: Background[dict[str, bytes]] | None = None  # the exports (:func:`early_exports`), already under way


def early_exports(portal: Portal) -> Background[dict[str, bytes]] | None:
    """The roadmap's exports and the monitoring tables, started now on a second core: they need only the Portal,
    and openpyxl and icalendar take a while to load. None when the site's address (in calendars) is known only
    to the engine's configuration (an organization of a district): the engine starts them then."""
    if not portal.site_url or not published_files(portal):
        return None
    return Background(export_files, portal, portal.site_url)


def section_checks(
    project: Project, people: Iterable[tuple[str, Mentor | Curator]], names: NamePolicy | None = None
) -> Callable[[EngineSettings], SiteCheck]:
    """How a section's built tree is checked: its own ``content/``, the theme the engine used, and the names of
    ``people`` (or the ready policy ``names``: a district's, everyone's). Called by the engine with its settings."""

    def make(settings: EngineSettings) -> SiteCheck:
        return SiteCheck.of(
            project.content_dir,
            people,
            settings.theme_dirs,
            settings.embed_hosts,
            settings.site_url,
            vendor_paths(project.root),
            policy=names,
            section=project.org or "",
        )

    return make
