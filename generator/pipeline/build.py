"""``nastavnik build``: load → validate → Portal → render → MkDocs → checks → atomic swap into ``site/``.

The site is built into a fresh folder beside ``site/`` and swapped in only when every stage
succeeded. The swap is one ``renameat2(RENAME_EXCHANGE)`` on Linux, so ``site/`` is always either the
previous build or the new one, never a mix — also when the process is killed midway.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.checks.site import EarlyPage, SiteCheck, failing
from generator.editor.decap import vendor_paths
from generator.errors import BuildFailed, DataErrors, Problem, Severity
from generator.models import Curator, Mentor
from generator.options import DEFAULTS, BuildOptions
from generator.pipeline.status import recorded
from generator.portal.check import check
from generator.portal.portal import Portal
from generator.progress import SILENT, Progress
from generator.project import Project, build_date
from generator.render.pages import render_pages
from generator.rules.people import NamePolicy, people_of
from generator.timings import Timings, peak_rss_mb
from generator.translate import mkdocs_message

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life banner is not for editors

STAGING_PREFIX = ".site-build-"


@dataclass(frozen=True)
class BuildReport:
    pages: int
    records: int
    seconds: float
    warnings: tuple[Problem, ...]
    timings: dict[str, float]
    peak_rss_mb: float
    notes: tuple[str, ...] = ()  # what the editor should know, e.g. that /admin/ was left out

    def summary(self) -> str:
        return f"Сайт собран в site/: {self.counts()}"

    def counts(self) -> str:
        """«79 страниц, 83 записи, 1,3 с»"""
        from generator import ru

        pages = ru.plural(self.pages, "страница", "страницы", "страниц")
        records = ru.plural(self.records, "запись", "записи", "записей")
        return f"{pages}, {records}, {ru.decimal(self.seconds)} с"


@recorded
def build(project: Project, options: BuildOptions = DEFAULTS, progress: Progress = SILENT) -> BuildReport:
    """Build the portal into ``site/`` as ``options`` say; raise :class:`DataErrors` or :class:`BuildFailed` on
    failure. ``progress`` hears of each stage (a school's build says nothing off a terminal)."""
    started = time.perf_counter()
    timings = Timings(listener=progress.stage)
    today = options.today or build_date()
    strict = options.strict

    checked = check(project, today, timings)
    problems = checked.problems
    if problems.failed(strict) or checked.portal is None:
        raise DataErrors(problems.sorted(), strict=strict)
    portal = checked.portal

    with timings.stage("render"):
        rendered = render_pages(portal)

    notes: list[str] = []
    with exclusive(project):
        remove_stale_staging(project)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=project.root))
        try:
            people = people_of(checked.records)
            with timings.stage("mkdocs"):
                engine = run_mkdocs(project, staging, portal, rendered, strict, notes=notes, people=people)
            assert engine.checks is not None  # made by the plugin from ``people``, which pages were checked with
            with timings.stage("checks"):
                site_warnings = post_build_checks(staging, engine.checks, engine.early)
            with timings.stage("write"):
                swap_into(staging, project.site_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)

    return BuildReport(
        pages=engine.pages,
        records=checked.records.count,
        seconds=time.perf_counter() - started,
        warnings=tuple(problems.warnings) + tuple(problems.notices) + engine.warnings + site_warnings,
        timings=timings.stages,
        peak_rss_mb=peak_rss_mb(),
        notes=tuple(notes),
    )


def post_build_checks(
    site: Path, site_check: SiteCheck, early: Mapping[str, EarlyPage] | None = None
) -> tuple[Problem, ...]:
    """Every check on a built tree before it is published; the previous ``site/`` stays when one fails.

    ``early``: the pages MkDocs' run already checked as it wrote them, with ``site_check``. Returns the
    warnings (a PDF without a text layer: its names could not be checked).
    """
    findings = site_check.run(site, early=early)
    if failing(findings):
        raise DataErrors(findings)
    return tuple(findings)


@dataclass(frozen=True)
class EngineRun:
    """What MkDocs built: pages, its warnings, and what the post-build checks need of its configuration."""

    pages: int
    warnings: tuple[Problem, ...]
    theme_dirs: tuple[str, ...]
    embed_hosts: tuple[str, ...]
    site_url: str | None
    checks: SiteCheck | None = None  # the checks the pages were checked with as they were written …
    early: Mapping[str, EarlyPage] = field(default_factory=dict)  # … and what they found

    def site_check(
        self, project: Project, people: Iterable[tuple[str, Mentor | Curator]], names: NamePolicy | None = None
    ) -> SiteCheck:
        """The post-build checks of this tree: ``project``'s content, the theme MkDocs used, ``people``'s names
        (or the ready policy ``names``)."""
        return SiteCheck.of(
            project.content_dir,
            people,
            self.theme_dirs,
            self.embed_hosts,
            self.site_url,
            vendor_paths(project.root),
            policy=names,
            section=project.org or "",
        )


def run_mkdocs(
    project: Project,
    site_dir: Path,
    portal: Portal,
    rendered: dict[str, str],
    strict: bool,
    configure: Callable[[MkDocsConfig], None] | None = None,
    notes: list[str] | None = None,
    people: list[tuple[str, Mentor | Curator]] | None = None,
) -> EngineRun:
    """Run MkDocs on the portal into ``site_dir``.

    ``configure`` adjusts the loaded configuration first (an organization of a district: its own
    ``docs_dir``, ``site_url`` and ``nav``); ``notes`` receives what the plugin has to tell the editor
    (e.g. that /admin/ was left out). With ``people``, the pages are checked as MkDocs writes them
    (:class:`generator.checks.site.PageChecks`): :attr:`EngineRun.early` for the post-build checks.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    collector = _WarningCollector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        config = load_config(config_file=str(project.config_file), site_dir=str(site_dir), strict=strict)
        if configure is not None:
            configure(config)
        plugin = config.plugins.get("nastavnik")
        if plugin is None:
            raise BuildFailed("mkdocs.yml: в списке plugins нет «nastavnik» — добавьте строку «- nastavnik» в plugins")
        plugin.preset(portal, rendered, people)  # type: ignore[attr-defined]
        # The same events as `mkdocs build`: plugins (the RSS feed among them) set up in on_startup.
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
            if notes is not None:
                notes.extend(plugin.notes)  # type: ignore[attr-defined]
        finally:
            config.plugins.on_shutdown()
    except MkDocsException as exc:
        raise BuildFailed(
            _engine_failure(f"сборка сайта MkDocs не удалась: {mkdocs_message(str(exc))}", collector)
        ) from None
    except SystemExit as exc:
        raise BuildFailed(_engine_failure(f"сборка сайта MkDocs прервана (код {exc.code})", collector)) from None
    finally:
        logger.removeHandler(collector)
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    embed_hosts = tuple(getattr(plugin.config, "embed_hosts", ()))
    theme_dirs = tuple(map(str, config.theme.dirs))
    return EngineRun(
        pages,
        tuple(collector.problems),
        theme_dirs,
        embed_hosts,
        config.site_url,
        plugin.site_check,  # type: ignore[attr-defined]
        plugin.early,  # type: ignore[attr-defined]
    )


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


@contextmanager
def exclusive(project: Project) -> Iterator[None]:
    """One build at a time per portal: a second one waits (it would otherwise delete the first one's staging).

    The lock is the kernel's (``flock`` on the portal's folder; on Windows a locked byte of a file in the
    staging area): it is released when the process ends, however it ends, so a killed build never
    leaves a stale lock behind.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        with _windows_lock(project.root / f"{STAGING_PREFIX}lock"):
            yield
        return
    fd = os.open(project.root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


@contextmanager
def _windows_lock(path: Path) -> Iterator[None]:
    import msvcrt  # type: ignore[import-not-found,unused-ignore]

    with open(path, "a+b") as handle:
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined,unused-ignore]
                break
            except OSError:  # LK_LOCK gives up after ten seconds: keep waiting, as flock does
                continue
        try:
            yield
        finally:
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]


def remove_stale_staging(project: Project) -> None:
    """Folders left by a build that was killed: they were never published."""
    for stale in project.root.glob(STAGING_PREFIX + "*"):
        if stale.is_dir():  # the lock file of Windows stays
            shutil.rmtree(stale, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def swap_into(new: Path, target: Path) -> None:
    """Make ``new`` become ``target`` atomically; the old ``target`` ends up at ``new`` (to be removed)."""
    if not target.exists():
        os.rename(new, target)
        new.mkdir()
        return
    if _exchange(new, target):
        return
    # Fallback where renameat2 is missing: two renames (a window of microseconds without site/).
    old = new.with_name(new.name + "-old")
    os.rename(target, old)
    os.rename(new, target)
    os.rename(old, new)


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
