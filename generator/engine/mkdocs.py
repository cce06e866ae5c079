"""Running MkDocs on one section: the engine's whole interface to the pipeline.

The pipeline hands over an :class:`~generator.engine.job.EngineJob` — the checked Portal, its rendered
pages, and how to make the checks of the built tree once the engine knows its theme folders and the site's
address — and gets an :class:`EngineRun` back: the pages built, MkDocs' warnings in Russian, and the checks with what they
found while the pages were written. Another engine would implement :func:`run_engine` and nothing else.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.checks.site import PageChecks, SiteCheck
from generator.engine.job import EngineJob
from generator.errors import BuildFailed, Problem, Severity
from generator.project import Project
from generator.sources.config import read_config
from generator.translate import mkdocs_message

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class EngineRun:
    """What the engine built: pages, its warnings, and the checks of the tree, already under way."""

    pages: int
    warnings: tuple[Problem, ...]
    checks: SiteCheck
    checking: PageChecks | None = None  # the child that checked the pages as they were written checks the rest
    notes: tuple[str, ...] = ()  # what the editor should know (e.g. that /admin/ was left out)

    def findings(self, site_dir: Path) -> list[Problem]:
        """What the checks found in the built tree at ``site_dir``: the child's, or (no child, or it failed)
        found here. Waits for the child; until then the caller may do something else."""
        found = self.checking.site_findings() if self.checking is not None else None
        return found if found is not None else self.checks.run(site_dir)


def run_engine(
    project: Project,
    site_dir: Path,
    job: EngineJob,
    strict: bool,
    configure: Callable[[MkDocsConfig], None] | None = None,
) -> EngineRun:
    """MkDocs on ``project`` into ``site_dir``, with the plugin given ``job``.

    ``configure`` adjusts the loaded configuration first (an organization of a district: its own
    ``docs_dir``, ``site_url`` and ``nav``). Raises :class:`BuildFailed` with MkDocs' errors in Russian.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    from generator.engine.plugin import NastavnikPlugin

    collector = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    built = False
    try:
        config = load_config(config_file=str(project.config_file), site_dir=str(site_dir), strict=strict)
        if configure is not None:
            configure(config)
        plugin = config.plugins.get("nastavnik")
        if not isinstance(plugin, NastavnikPlugin):
            raise BuildFailed("mkdocs.yml: в списке plugins нет «nastavnik» — добавьте строку «- nastavnik» в plugins")
        plugin.job = job
        # The same events as `mkdocs build`: plugins (the RSS feed among them) set up in on_startup.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        checking = plugin.page_checks()
        if checking is not None:  # the tree is complete: the child checks the rest of it while the caller goes on
            checking.check_site()
        built = True
    except MkDocsException as exc:
        summary = f"сборка сайта MkDocs не удалась: {mkdocs_message(str(exc))}"
        raise BuildFailed(_engine_failure(summary, collector)) from None
    except SystemExit as exc:
        raise BuildFailed(_engine_failure(f"сборка сайта MkDocs прервана (код {exc.code})", collector)) from None
    finally:
        logger.removeHandler(collector)
        if not built and job.exports is not None:  # started by the pipeline, not wanted any more
            job.exports.close()
    assert plugin.site_check is not None  # made from job.checks in the plugin's on_config
    return EngineRun(
        pages=sum(1 for _ in site_dir.rglob("*.html")),
        warnings=tuple(collector.problems),
        checks=plugin.site_check,
        checking=checking,
        notes=tuple(plugin.notes),
    )


def load_engine(project: Project) -> None:
    """Import MkDocs, our plugin, and the plugins and Markdown extensions ``project``'s mkdocs.yml names, ahead of
    :func:`run_engine`: a district imports them while its workers build, not after them. Only modules are imported:
    MkDocs keeps one instance of a plugin per process (the blog's with a temporary folder of its own), so none is
    made here. Whatever fails to import is left for run_engine to report."""
    import markdown
    from mkdocs.commands import build  # noqa: F401
    from mkdocs.config import load_config  # noqa: F401
    from mkdocs.plugins import get_plugins

    from generator.engine import plugin  # noqa: F401

    config = read_config(project.config_file) or {}
    theme = config.get("theme")
    theme_name = theme.get("name") if isinstance(theme, dict) else theme
    installed = get_plugins()
    for name in _names(config.get("plugins")):
        for candidate in (f"{theme_name}/{name}", name):  # MkDocs prefers the theme's own plugin of that name
            if candidate in installed:
                with contextlib.suppress(Exception):  # (run_engine reports it)
                    installed[candidate].load()
                break
    converter = markdown.Markdown()
    for name in _names(config.get("markdown_extensions")):
        with contextlib.suppress(Exception):
            converter.build_extension(name, {})


def _names(entries: object) -> list[str]:
    """The names in mkdocs.yml's list of plugins or extensions (``- name``, ``- name: {options}``, or a mapping)."""
    if isinstance(entries, dict):
        entries = list(entries)
    if not isinstance(entries, list):
        return []
    names = (next(iter(entry)) if isinstance(entry, dict) and entry else entry for entry in entries)
    return [name for name in names if isinstance(name, str)]


def _engine_failure(summary: str, collector: _WarningCollector) -> str:
    """MkDocs says only «Aborted with a BuildError!»: put the errors it logged before that into the message."""
    logged = [mkdocs_message(message) for message in collector.errors] + [p.message for p in collector.problems]
    details = [f"MkDocs: {message}" for message in logged if message not in summary]
    return "\n".join([*details, summary + " — прежний site/ не изменён"])


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.problems: list[Problem] = []
        self.errors: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().strip()
        if not message:
            return
        if record.levelno >= logging.ERROR:
            self.errors.append(message)
        else:
            self.problems.append(
                Problem("mkdocs.yml", None, f"MkDocs: {mkdocs_message(message)}", "", Severity.WARNING)
            )
