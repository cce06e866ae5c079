"""One rebuild of the preview: check the data, decide what to redo, let MkDocs redo it, check it, show it.

The site is built in a folder of its own (``build``) and shown from another (``served``): a build that fails —
an error in the data, in MkDocs, or a name that must not be published — leaves the preview as it was, and
the next build is a full one. A full build is copied to the shown folder whole; a partial one, file by file,
only the files whose bytes changed (the pages it did not touch keep their files as they were).
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Iterable
from pathlib import Path

from generator import ru
from generator.checks.site import EarlyPage, SiteCheck, failing
from generator.engine.config import _check_for_mkdocs
from generator.engine.job import EngineJob, section_checks
from generator.engine.mkdocs import _WarningCollector
from generator.engine.preview.marks import NAME, Marks, file_stats
from generator.engine.preview.snapshot import Plan, Snapshot, plan, take
from generator.errors import Problem, format_problems
from generator.project import Project, build_date
from generator.render.pages import render_pages
from generator.translate import mkdocs_message

DIRTY_WARNING = "A 'dirty' build is being performed"
SITE_WIDE = frozenset({"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"})  # not named in the report


class Preview:
    """The state the preview keeps between rebuilds; :meth:`rebuild` after each change."""

    def __init__(self, project: Project, serve_url: str, work: Path, say=print) -> None:  # type: ignore[no-untyped-def]
        self.project = project
        self.serve_url = serve_url
        self.build_dir = work / "build"
        self.served = work / "site"
        self.say = say
        self.marks = Marks()
        self.last: Snapshot | None = None  # of the site in build_dir and served, when they are the same good build
        self.total = 0  # pages of the last full build
        self.served.mkdir(parents=True, exist_ok=True)

    def rebuild(self) -> bool:
        """Rebuild; say what was done in one Russian line (or the errors). True when the preview changed."""
        start = time.monotonic()
        config = self._config()
        problems, portal, generated, people = _check_for_mkdocs(self.project)
        if problems.errors or portal is None:
            self.failed(format_problems(problems.sorted()))
            return False
        for warning in problems.warnings:
            self.say(warning.format())
        rendered = generated or render_pages(portal)
        snapshot = take(
            self.project,
            Path(config.config_file_path),
            config.theme.dirs,
            portal,
            rendered,
            people,
            build_date(),
            config.watch,
        )
        job = EngineJob(portal, rendered, section_checks(self.project, people))
        todo = plan(self.last, snapshot)  # no page changed: the exports may have, MkDocs still runs
        if self.last is None and self.total:
            todo = Plan(full=True, reason="прошлая пересборка не удалась")
        outcome = self._build(config, job, todo)
        if outcome is not None and not todo.full and self.marks.doubt:
            todo = Plan(full=True, reason=self.marks.doubt)
            outcome = self._build(self._config(), job, todo)
        if outcome is None:
            return False
        self.last = snapshot
        rebuilt = len(self.marks.rebuilt)
        if todo.full:
            self.total = rebuilt
            self.say(f"Полная пересборка за {_seconds(start)}: {todo.reason} ({_pages(rebuilt)})")
        else:
            files = [rel for rel in outcome if not rel.endswith(".html") and rel not in SITE_WIDE]
            also = f"; файлы: {', '.join(files)}" if files else ""
            self.say(f"Обновлено за {_seconds(start)}: {_pages(rebuilt)} из {self.total}{also}")
        return True

    def _config(self):  # type: ignore[no-untyped-def]
        from mkdocs.config import load_config

        config = load_config(config_file=str(self.project.config_file), site_dir=str(self.build_dir))
        config.site_url = self.serve_url
        config.plugins[NAME] = self.marks
        return config

    def _build(self, config, job: EngineJob, todo: Plan) -> list[str] | None:  # type: ignore[no-untyped-def]
        """MkDocs into the build folder, checked, then shown; the files whose bytes changed in the shown site
        (a partial build; [] for a full one), or None on failure."""
        from mkdocs.commands.build import build
        from mkdocs.exceptions import MkDocsException

        plugin = config.plugins.get("nastavnik")
        if plugin is None or not hasattr(plugin, "job"):
            self.failed("mkdocs.yml: в списке plugins нет «nastavnik» — добавьте строку «- nastavnik» в plugins")
            return None
        plugin.job = job
        self.marks.start(None if todo.full else todo.pages)
        before = {} if todo.full else file_stats(self.build_dir)
        collector = _WarningCollector()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(collector)
        quiet = _Quiet()
        logging.getLogger("mkdocs.commands.build").addFilter(quiet)
        # Each build starts and stops its plugins, as `mkdocs build` does: MkDocs keeps the instances of those with
        # on_startup between configurations, and the RSS plugin gathers its posts from on_startup on — under
        # `mkdocs serve`, every rebuild adds them to the feed again.
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config, serve_url=self.serve_url, dirty=not todo.full)
        except (MkDocsException, SystemExit) as exc:
            logged = [mkdocs_message(m) for m in collector.errors]
            self.failed("\n".join([*(f"MkDocs: {m}" for m in logged), f"MkDocs: {mkdocs_message(str(exc))}"]))
            return None
        finally:
            config.plugins.on_shutdown()
            logger.removeHandler(collector)
            logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
        for problem in collector.problems:
            self.say(problem.format())
        if self.marks.doubt and not todo.full:
            return []
        after = file_stats(self.build_dir)
        changed = sorted(rel for rel, stat in after.items() if before.get(rel) != stat)
        if not todo.full and before.keys() - after.keys():  # a partial build removes nothing: a doubt
            self.marks.doubt = "файл сайта исчез при пересборке"
            return []
        assert plugin.site_check is not None
        found = (
            plugin.site_check.run(self.build_dir, early=plugin.early)
            if todo.full
            else _check_files(plugin.site_check, self.build_dir, changed, plugin.early, self.build_dir.parent)
        )
        if failing(found):
            self.failed(format_problems(found))
            return None
        for warning in found:
            self.say(warning.format())
        if todo.full:
            self._show_all()
            return []
        return _show(self.build_dir, self.served, changed)

    def failed(self, message: str) -> None:
        """Say why; the preview keeps the last good site, and the next build is a full one."""
        self.say(message)
        if self.total:
            self.say(
                "Предпросмотр не обновлён: показана последняя удачная сборка. Исправьте ошибку — страница обновится сама."
            )
        else:
            self.say("Предпросмотр ещё не собран: исправьте ошибку — сайт появится сам, перезапускать не нужно.")
        self.last = None
        self.marks.forget()

    def _show_all(self) -> None:
        fresh = self.served.with_name("site.new")
        stale = self.served.with_name("site.old")
        for folder in (fresh, stale):
            shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(self.build_dir, fresh)
        os.replace(self.served, stale)
        os.replace(fresh, self.served)
        shutil.rmtree(stale, ignore_errors=True)


def _check_files(
    site_check: SiteCheck, site: Path, changed: Iterable[str], early: dict[str, EarlyPage], work: Path
) -> list[Problem]:
    """The checks of a built tree, on the files of ``site`` in ``changed`` alone (the rest were checked when
    built, with the same policy of names: a change in it means a full rebuild)."""
    mirror = work / "checked"
    shutil.rmtree(mirror, ignore_errors=True)
    known = dict(early)
    try:
        for rel in changed:
            target = mirror / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(site / rel, target)
            if rel.endswith(".html") and rel not in known:  # theme pages (404.html): checked against the whole site
                known[rel] = site_check.page(site, rel, (site / rel).read_bytes())
        wanted = set(changed)
        return site_check.run(mirror, early={rel: page for rel, page in known.items() if rel in wanted})
    finally:
        shutil.rmtree(mirror, ignore_errors=True)


def _show(build_dir: Path, served: Path, changed: Iterable[str]) -> list[str]:
    """Copy into the shown site the files of ``changed`` whose bytes differ there (each replaced at once);
    return those."""
    shown = []
    for rel in changed:
        data = (build_dir / rel).read_bytes()
        target = served / rel
        try:
            if target.read_bytes() == data:
                continue
        except OSError:
            target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".nastavnik-new")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        shown.append(rel)
    return shown


class _Quiet(logging.Filter):
    """MkDocs' warning about dirty builds: the preview decides what is rebuilt and says so itself."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


def _seconds(start: float) -> str:
    return f"{ru.decimal(time.monotonic() - start, 1)} с"


def _pages(count: int) -> str:
    return ru.plural(count, "страница", "страницы", "страниц")
