"""One section of a site, built from start to end: check → render → engine → checks of the built tree.

A school's site is one section, built here in this process. A district's site is a section for each
organization, built by worker processes (:func:`run_sections`), and the district's own section on top.
A section's outcome is small and picklable (no Portal, no MkDocs objects), so a worker can send it back.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import queue
import sys
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from generator import ru
from generator.checks.names.forms import use_forms_cache
from generator.checks.site import failing
from generator.district.config import organization_config
from generator.district.plan import in_section
from generator.district.summary import OrgSummary, summarise
from generator.engine.job import EngineJob, early_exports, section_checks
from generator.engine.mkdocs import EngineRun, run_engine
from generator.errors import NastavnikError, Problem
from generator.options import BuildOptions
from generator.pipeline.reuse import Reuse
from generator.pipeline.summaries import Summary, announce, listening
from generator.portal.check import check
from generator.portal.views import HonorView
from generator.progress import SILENT, Progress
from generator.project import ORGANIZATIONS, Project
from generator.render.env import environment, use_portal_cache
from generator.render.markup import render_markdown
from generator.render.pages import render_pages
from generator.rules.people import NamePolicy
from generator.timings import Timings


@dataclass(frozen=True)
class SectionTask:
    """One section to build: small and picklable, sent to a worker process as it is."""

    root: Path
    org: str | None  # None: the portal's own section (a school's whole site)
    options: BuildOptions  # with the build date settled (:meth:`BuildOptions.dated`)
    site_dir: Path | None  # where to build it; None: only check it
    names: NamePolicy | None = None  # a district's policy (everyone's names); None: the section's own people
    environment: str | None = None  # the digest of what every section depends on (cache_key); None: no cache
    inherited: bool = False  # ``names`` is the one the forked workers inherited (:func:`run_sections`)

    def policy(self) -> NamePolicy | None:
        return _INHERITED if self.inherited else self.names


_INHERITED: NamePolicy | None = None
"""A district's policy as its forked workers inherit it: a region's (twenty thousand names, 3 MB) is not
pickled into every task, and every section of a worker shares one object, whose digest (the key of the name
search and of the cache) is computed once."""


@dataclass(frozen=True)
class SectionOutcome:
    """What building a section gave: its problems, its summary (an organization's), its pages and findings."""

    org: str | None
    problems: tuple[Problem, ...]
    records: int
    checked: bool = False  # the data made a Portal (the section could be built)
    summary: OrgSummary | None = None
    honors: tuple[HonorView, ...] = ()
    pages: int = 0
    warnings: tuple[Problem, ...] = ()  # the engine's
    findings: tuple[Problem, ...] = ()  # the checks of the built tree (paths as in the merged site)
    notes: tuple[str, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    failure: str | None = None  # the engine failed (an organization's, reported by the district)
    reused: bool = False  # taken from the section cache (its names searched again), not built

    @property
    def shown(self) -> Summary | None:
        """What the district's own pages show of the organization: its summary and honors (None: its data failed)."""
        return (self.summary, self.honors) if self.summary is not None else None


def build_section(task: SectionTask, timings: Timings | None = None) -> SectionOutcome:
    """Check the section and, when ``task.site_dir`` is given, build it there and check what was built.

    The portal's own section raises the engine's failure as it is; an organization's is reported in the
    outcome (a worker process cannot raise it to the district)."""
    timings = timings or Timings()
    project = Project(task.root, task.org)
    reuse = Reuse.of(task.root, task.org, task.environment, task.options) if task.site_dir is not None else None
    if reuse is not None and task.site_dir is not None and task.options.cache:
        reused = reuse.reused(task.site_dir, task.policy(), task.org)
        if reused is not None:
            announce(reused)
            for stage, seconds in reused.timings.items():
                timings.add(stage, seconds)
            return replace(reused, timings=timings.stages)
    use_portal_cache(task.root)
    use_forms_cache(task.root)
    checked = check(project, task.options.today, timings)
    base = SectionOutcome(task.org, tuple(checked.problems), checked.records.count)
    if checked.problems.failed(task.options.strict) or checked.portal is None:
        return replace(base, timings=timings.stages)
    base = replace(base, checked=True)
    if task.org is not None:
        summary, honors = summarise(task.org, checked.portal)
        base = replace(base, summary=summary, honors=honors)
        announce(base)
    if task.site_dir is None:
        return replace(base, timings=timings.stages)
    with timings.stage("render"):
        rendered = render_pages(checked.portal)
    exports = early_exports(checked.portal)  # on a second core while MkDocs starts; closed by the engine on failure
    job = EngineJob(checked.portal, rendered, section_checks(project, checked.people, task.policy()), exports)
    try:
        with timings.stage("mkdocs"):
            engine = _run(project, task.site_dir, job, task.options.strict)
    except NastavnikError as exc:
        if task.org is None:
            raise
        return replace(base, timings=timings.stages, failure=f"{ORGANIZATIONS}/{task.org}: {exc.user_message()}")
    with timings.stage("write"):  # while the checks of the tree finish (in a child, when there is one)
        staged = reuse.stage(task.site_dir) if reuse is not None else None
    try:
        with timings.stage("checks"):
            findings = tuple(in_section(p, task.org) for p in engine.findings(task.site_dir))
        warnings = engine.warnings
        if task.org is not None:  # MkDocs names the district's mkdocs.yml; the cause is in the organization's content
            warnings = tuple(replace(w, file=f"content/{ORGANIZATIONS}/{task.org}") for w in warnings)
        outcome = replace(base, pages=engine.pages, warnings=warnings, findings=findings, notes=engine.notes)
        if reuse is not None and staged is not None and not failing(findings):
            with timings.stage("write"):
                reuse.keep(outcome, task.site_dir, engine.checks, task.policy() is not None, staged)
    finally:
        if staged is not None:
            staged.discard()
    return replace(outcome, timings=timings.stages)


def _run(project: Project, site_dir: Path, job: EngineJob, strict: bool) -> EngineRun:
    """The engine on a section: an organization's with its own settings (an empty docs folder without ``content/``)."""
    if project.org is None:
        return run_engine(project, site_dir, job, strict)
    if project.content_dir.is_dir():
        return run_engine(project, site_dir, job, strict, organization_config(project, job.portal, project.content_dir))
    with tempfile.TemporaryDirectory(prefix="nastavnik-docs-") as empty:
        return run_engine(project, site_dir, job, strict, organization_config(project, job.portal, Path(empty)))


def warm_up() -> None:
    """Compile the page templates, load the Russian locale and Markdown here: the forked workers inherit them."""
    env = environment()
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)
    ru.date(dt.date(2026, 9, 1))
    ru.month(dt.date(2026, 9, 1))
    render_markdown("**наставничество**")


WORKER_GC_THRESHOLD = 10_000
"""A worker builds section after section, and each one's pages, files and navigation are garbage with cycles
once it is done: collected every ten thousand allocations, as a district of 50 needs 210 MB a worker (with the
CLI's million, 300 MB and no faster)."""


def run_sections(
    tasks: Sequence[SectionTask],
    jobs: int,
    progress: Progress = SILENT,
    meanwhile: Callable[[], object] | None = None,
    summarised: Callable[[list[Summary]], object] | None = None,
) -> list[SectionOutcome]:
    """:func:`build_section` for every task, in ``jobs`` forked processes (here, when one is enough or the
    system cannot fork: Windows, and macOS where forking a process with threads is unsafe).

    The outcomes come in the order of ``tasks``; ``progress`` counts them as they finish (in this process).
    ``meanwhile`` is called here once the processes are forked (nothing it loads is copied into them).
    ``summarised`` is called here at most once, with every organization's summary in the order of ``tasks``, as
    soon as all are known: each worker tells it at the start of a section, so the district's own pages are built
    while the workers finish the last sections. It is not called when a section's data fails or a worker
    fails, nor when the sections are built here one after another (the outcomes hold the summaries then).
    """
    total = len(tasks)
    progress.count(0, total)
    if jobs <= 1 or total <= 1 or "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin":
        outcomes = []
        for task in tasks:
            outcomes.append(build_section(task))
            progress.count(len(outcomes), total)
        return outcomes
    global _INHERITED
    policy = tasks[0].names
    if policy is not None and all(task.names is policy for task in tasks):  # the workers are forked with it
        _INHERITED = policy
        tasks = [replace(task, names=None, inherited=True) for task in tasks]
    context = multiprocessing.get_context("fork")
    try:
        with (
            listening(context, [task.org for task in tasks]) if summarised is not None else nullcontext() as heard,
            ProcessPoolExecutor(
                max_workers=min(jobs, total),
                mp_context=context,
                initializer=gc.set_threshold,
                initargs=(WORKER_GC_THRESHOLD,),
            ) as pool,
        ):
            finished: queue.SimpleQueue[int] = queue.SimpleQueue()
            futures = [pool.submit(build_section, task) for task in tasks]  # (the first forks every worker)
            for index, future in enumerate(futures):
                future.add_done_callback(partial(_tell, finished, index))
            if meanwhile is not None:
                meanwhile()
            count = 0
            while count < total:
                if heard is None:
                    finished.get()
                    count += 1
                    progress.count(count, total)
                    continue
                try:  # listen to the workers until every summary is known
                    done: int | None = finished.get(timeout=_LISTEN)
                except queue.Empty:
                    done = None
                heard.read()
                if done is not None:
                    heard.finished(tasks[done].org, futures[done])
                    count += 1
                    progress.count(count, total)
                if heard.complete:
                    summaries, heard = heard.in_order(), None
                    if summaries is not None and summarised is not None:
                        summarised(summaries)
            return [future.result() for future in futures]
    finally:
        _INHERITED = None


def _tell(finished: queue.SimpleQueue[int], index: int, _: Future[SectionOutcome]) -> None:
    finished.put(index)  # (in the pool's thread, when the section's outcome has come)


_LISTEN = 0.02
"""Seconds between two reads of what the workers tell, while no section finishes."""
