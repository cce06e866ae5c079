"""Building a district: every organization as its own MkDocs build, in parallel, merged into one ``site/``.

``build_district`` reads as the pipeline:

1. the district's own data is checked (load, validate) in this process;
2. every organization is checked, rendered and built by MkDocs into its own staging folder, in
   ``--jobs`` worker processes (:func:`org_job`; organizations given as ``--prebuilt`` sections
   are only checked);
3. the district's section is rendered from its data and the organizations' summaries and built;
4. the organizations' folders are moved into the district's staging folder (``/<org>/``) and it is
   swapped into ``site/`` atomically — the same staging and swap as a school's build
   (:mod:`generator.pipeline.build`). The post-build checks run where each section is built, in parallel: for
   anything executable (that needs the section's own ``content/``) and for the names of everyone in
   the district (a school's news may name another school's teacher), read before the build
   (:func:`district_names`); the district's own pages are checked last, in this process.

``build_organization`` (``nastavnik build --org ID``) builds one organization's section and swaps it
into ``site/<ID>/`` alone.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import ru
from generator.checks.names import search_for
from generator.checks.site import SiteCheck, failing
from generator.district.check import org_problems, top_problems
from generator.district.config import organization_config
from generator.district.pages import render_district_pages
from generator.district.summary import OrgSummary, assemble, summarise
from generator.errors import BuildFailed, DataErrors, NastavnikError, Problem, Problems, UsageError
from generator.options import DEFAULTS, BuildOptions
from generator.parallel import available_cores
from generator.pipeline.build import (
    STAGING_PREFIX,
    BuildReport,
    EngineRun,
    exclusive,
    remove_stale_staging,
    run_mkdocs,
    swap_into,
)
from generator.pipeline.status import recorded
from generator.portal.check import check
from generator.portal.portal import Portal
from generator.portal.views import HonorView
from generator.progress import SILENT, Progress
from generator.project import ORGANIZATIONS, Project, build_date
from generator.render.env import environment
from generator.render.markup import render_markdown
from generator.render.pages import render_pages
from generator.rules.people import NamePolicy, name_policy, people_of
from generator.rules.validate import validate_sources
from generator.sources.files import load_people
from generator.timings import Timings, peak_rss_mb

SHARD_MARKER = "index.html"  # a prebuilt section must at least have its home page


@dataclass(frozen=True)
class OrgOutcome:
    """What a worker sends back: small and picklable (no Portal, no MkDocs objects)."""

    org: str
    problems: tuple[Problem, ...]
    records: int
    summary: OrgSummary | None = None
    honors: tuple[HonorView, ...] = ()
    pages: int = 0
    engine_warnings: tuple[Problem, ...] = ()
    timings: dict[str, float] = field(default_factory=dict)
    failure: str | None = None
    findings: tuple[Problem, ...] = ()  # the post-build scan of the section (paths under site/<org>/)


@dataclass(frozen=True)
class OrgTask:
    """One organization's job: small and picklable, sent to a worker process."""

    root: Path
    org: str
    options: BuildOptions  # with the build date settled (:meth:`BuildOptions.dated`)
    site_dir: Path | None  # where to build its section; None: only check it
    names: NamePolicy | None = None  # the district's policy (everyone's names, :func:`district_names`)


def org_job(task: OrgTask) -> OrgOutcome:
    """Check one organization and, when ``task.site_dir`` is given, build its section there and check it.

    ``task.names``: the district's policy of names; by default the organization's.
    """
    org, site_dir, strict = task.org, task.site_dir, task.options.strict
    timings = Timings()
    project = Project(task.root, org)
    checked = check(project, task.options.today, timings)
    people = people_of(checked.records)
    base = OrgOutcome(org, tuple(checked.problems), checked.records.count)
    if checked.problems.failed(strict) or checked.portal is None:
        return replace(base, timings=timings.stages)
    summary, honors = summarise(org, checked.portal)
    base = replace(base, summary=summary, honors=honors)
    if site_dir is None:
        return replace(base, timings=timings.stages)
    with timings.stage("render"):
        rendered = render_pages(checked.portal)
    try:
        with timings.stage("mkdocs"):
            engine = build_org_site(project, checked.portal, rendered, site_dir, strict)
    except NastavnikError as exc:
        return replace(base, timings=timings.stages, failure=f"{ORGANIZATIONS}/{org}: {exc.user_message()}")
    with timings.stage("checks"):
        site_check = engine.site_check(project, people, task.names)
        findings = tuple(in_section(p, org) for p in site_check.run(site_dir))
    where = f"content/{ORGANIZATIONS}/{org}"
    warnings = tuple(replace(w, file=where) for w in engine.warnings)
    return replace(base, pages=engine.pages, engine_warnings=warnings, timings=timings.stages, findings=findings)


def in_section(problem: Problem, org: str) -> Problem:
    """A finding in an organization's staged section, named by its address in the merged site."""
    return replace(problem, file=problem.file.replace("site/", f"site/{org}/", 1))


def build_org_site(
    project: Project, portal: Portal, rendered: dict[str, str], site_dir: Path, strict: bool
) -> EngineRun:
    """MkDocs on one organization; an organization without ``content/`` gets an empty docs folder."""
    if project.content_dir.is_dir():
        configure = organization_config(project, portal, project.content_dir)
        return run_mkdocs(project, site_dir, portal, rendered, strict, configure)
    with tempfile.TemporaryDirectory(prefix="nastavnik-docs-") as empty:
        configure = organization_config(project, portal, Path(empty))
        return run_mkdocs(project, site_dir, portal, rendered, strict, configure)


def warm_up() -> None:
    """Compile the page templates, load the Russian locale and Markdown here: the forked workers inherit them."""
    env = environment()
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)
    ru.date(dt.date(2026, 9, 1))
    ru.month(dt.date(2026, 9, 1))
    render_markdown("**наставничество**")


def run_org_jobs(tasks: Sequence[OrgTask], jobs: int, progress: Progress = SILENT) -> list[OrgOutcome]:
    """Run :func:`org_job` for every task, in ``jobs`` forked processes (here, when one is enough or the
    system cannot fork: Windows, and macOS where forking a process with threads is unsafe).

    The outcomes come in the order of ``tasks``; ``progress`` counts them as they finish (in this process).
    """
    total = len(tasks)
    progress.count(0, total)
    if jobs <= 1 or total <= 1 or "fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin":
        outcomes = []
        for task in tasks:
            outcomes.append(org_job(task))
            progress.count(len(outcomes), total)
        return outcomes
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(jobs, total), mp_context=context) as pool:
        futures = [pool.submit(org_job, task) for task in tasks]
        for finished, _ in enumerate(as_completed(futures), 1):
            progress.count(finished, total)
        return [future.result() for future in futures]


@recorded
def build_district(project: Project, options: BuildOptions = DEFAULTS, progress: Progress = SILENT) -> BuildReport:
    """Build the district's site into ``site/`` as ``options`` say (``strict``, ``jobs``, ``prebuilt``, ``today``);
    raise :class:`DataErrors` or :class:`BuildFailed` on failure. ``progress`` hears of stages and organizations."""
    started = time.perf_counter()
    timings = Timings(listener=progress.stage)
    options = options.dated(options.today or build_date())
    strict = options.strict
    notes: list[str] = []
    problems = Problems()
    problems.extend(org_problems(project))
    top = check(project, options.today, timings)
    problems.extend(top.problems)
    problems.extend(top_problems(top))
    orgs = project.organizations()
    ready = prebuilt_sections(options.prebuilt, orgs)

    with exclusive(project):
        remove_stale_staging(project)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=project.root))
        shards = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=project.root))
        try:
            build_orgs = not problems.failed(strict)  # when the district's own data fails, only check the rest
            with timings.stage("render"):
                warm_up()  # once here rather than in every worker
            with timings.stage("checks"):
                names = district_names(project)
                search_for(names)  # compiled once here: the forked workers inherit it
            tasks = [
                OrgTask(project.root, org, options, shards / org if build_orgs and org not in ready else None, names)
                for org in orgs
            ]
            progress.stage("mkdocs" if build_orgs else "validate")  # the workers' stages are theirs alone
            outcomes = run_org_jobs(tasks, options.jobs or available_cores(), progress)  # a worker per core by default
            for outcome in outcomes:
                problems.extend(outcome.problems)
                timings.merge(outcome.timings)
            if problems.failed(strict) or top.portal is None:
                raise DataErrors(problems.sorted(), strict=strict)
            failures = [o.failure for o in outcomes if o.failure]
            if failures:
                raise BuildFailed("\n".join(failures))

            district = assemble(top.portal, [(o.summary, o.honors) for o in outcomes if o.summary is not None])
            with timings.stage("render"):
                rendered = render_district_pages(district)
            with timings.stage("mkdocs"):
                engine = run_mkdocs(project, staging, top.portal, rendered, strict, notes=notes)
            with timings.stage("write"):
                merge_sections(staging, shards, ready)
            with timings.stage("checks"):
                site_check = engine.site_check(project, (), names)
                findings = [f for o in outcomes for f in o.findings]
                findings += prebuilt_findings(project, engine, site_check, staging, ready)
                findings += site_check.run(staging, exclude=orgs)  # the sections were checked where built
                if failing(findings):
                    raise DataErrors(findings)
            pages = sum(1 for _ in staging.rglob("*.html"))
            with timings.stage("write"):
                swap_into(staging, project.site_dir)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            shutil.rmtree(shards, ignore_errors=True)

    warnings = (
        tuple(problems.warnings)
        + tuple(problems.notices)
        + engine.warnings
        + tuple(w for o in outcomes for w in o.engine_warnings)
        + tuple(findings)  # only warnings are left: a PDF whose names could not be checked
    )
    return BuildReport(
        pages=pages,
        records=top.records.count + sum(o.records for o in outcomes),
        seconds=time.perf_counter() - started,
        warnings=warnings,
        timings=timings.stages,
        peak_rss_mb=peak_rss_mb(),
        notes=tuple(notes),
    )


def build_organization(project: Project, options: BuildOptions, progress: Progress = SILENT) -> BuildReport:
    """Build the organization ``options.org``'s section into ``site/<org>/`` (the rest of ``site/`` stays as it was)."""
    started = time.perf_counter()
    assert options.org is not None, "build_organization needs options.org"
    org, strict = options.org, options.strict
    known = project.organizations()
    if org not in known:
        raise UsageError(
            f"--org {org}: такой организации нет в data/{ORGANIZATIONS}/ (есть: {', '.join(known) or 'ни одной'})"
        )
    options = options.dated(options.today or build_date())
    problems = Problems()
    progress.stage("validate")
    problems.extend(org_problems(project, only=org))
    with exclusive(project):
        remove_stale_staging(project)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=project.root))
        try:
            site_dir = None if problems.failed(strict) else staging
            progress.stage("mkdocs" if site_dir else "validate")
            outcome = org_job(OrgTask(project.root, org, options, site_dir, district_names(project)))
            problems.extend(outcome.problems)
            timings = Timings(dict(outcome.timings), listener=progress.stage)
            if problems.failed(strict) or outcome.summary is None:
                raise DataErrors(problems.sorted(), strict=strict)
            if outcome.failure:
                raise BuildFailed(outcome.failure)
            if failing(outcome.findings):
                raise DataErrors(list(outcome.findings))
            with timings.stage("write"):
                project.site_dir.mkdir(exist_ok=True)
                swap_into(staging, project.site_dir / org)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return BuildReport(
        pages=outcome.pages,
        records=outcome.records,
        seconds=time.perf_counter() - started,
        warnings=tuple(problems.warnings) + tuple(problems.notices) + outcome.engine_warnings + outcome.findings,
        timings=timings.stages,
        peak_rss_mb=peak_rss_mb(),
    )


def prebuilt_sections(prebuilt: Path | None, orgs: Iterable[str]) -> dict[str, Path]:
    """Organizations whose section was built beforehand (``nastavnik build --org ID`` in a CI job)."""
    if prebuilt is None:
        return {}
    if not prebuilt.is_dir():
        raise UsageError(f"--prebuilt {prebuilt}: такой папки нет — укажите папку с разделами организаций")
    return {org: prebuilt / org for org in orgs if (prebuilt / org / SHARD_MARKER).is_file()}


def merge_sections(staging: Path, shards: Path, ready: dict[str, Path]) -> None:
    """Put every organization's section at ``staging/<org>/``: built here (moved) or prebuilt (copied)."""
    sections = {p.name: p for p in shards.iterdir() if p.is_dir()} | ready
    for org, folder in sorted(sections.items()):
        target = staging / org
        if target.exists():
            raise BuildFailed(
                f"data/{ORGANIZATIONS}/{org}: адрес /{org}/ уже занят страницей раздела района — переименуйте папку"
            )
        if folder.parent == shards:
            os.rename(folder, target)
        else:
            shutil.copytree(folder, target)


def district_names(project: Project) -> NamePolicy:
    """Everyone whose name the district's data holds, its own and every organization's.

    Read before building (only the files that name people), so that every section is searched for every
    name where it is built: a school's news may name another school's teacher.
    """
    people = []
    for folder in (project, *(project.organization(org) for org in project.organizations())):
        records = validate_sources(load_people(project.root, folder.data_dir, Problems()), Problems())
        people += people_of(records)  # problems are the organization's own check's to report
    return name_policy(people)


def prebuilt_findings(
    project: Project, engine: EngineRun, site_check: SiteCheck, staging: Path, ready: Iterable[str]
) -> list[Problem]:
    """Sections built by CI jobs are scanned again here: what is published is checked where it is merged."""
    findings: list[Problem] = []
    for org in sorted(ready):
        section = replace(
            site_check,
            content_dir=project.organization(org).content_dir,
            base_path=f"{site_check.base_path}{org}/",
            section=org,
        )
        findings += [in_section(p, org) for p in section.run(staging / org)]
    return findings
