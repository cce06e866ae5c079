"""``nastavnik build``: a plan of sections → staged → each section checked, rendered, built and checked →
the whole tree checked → swapped into ``site/`` atomically.

One build for every portal. A school is one section, built in this process. A district is a section for
every organization, built by worker processes (each searched for the names of everyone in the district:
a school's news may name another school's teacher), then the district's own section, rendered from the
organizations' summaries; its sections are merged under ``/<org>/`` and checked once more as a whole.
``--org ID`` builds one organization's section into ``site/<ID>/``. Staging and the swap are
:mod:`.staging`'s, a section is :mod:`.sections`'; when anything fails, ``site/`` stays as it was.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from functools import partial

from generator import ru
from generator.checks import names as checks_names  # (its search is imported when first used)
from generator.checks.names.forms import use_forms_cache
from generator.checks.site import failing
from generator.district.check import org_problems, top_problems
from generator.district.plan import district_names, merge_sections, prebuilt_findings, prebuilt_sections
from generator.engine.mkdocs import load_engine
from generator.errors import DataErrors, Problem, Problems, UsageError
from generator.filetypes import html_count
from generator.options import DEFAULTS, BuildOptions
from generator.parallel import available_cores
from generator.pipeline.cache import SectionCache
from generator.pipeline.cache_key import environment_digest
from generator.pipeline.district_pages import OwnPages, district_pages
from generator.pipeline.outcomes import raise_for, warnings_of
from generator.pipeline.sections import SectionOutcome, SectionTask, build_section, run_sections, warm_up
from generator.pipeline.shards import build_shard
from generator.pipeline.staging import staged
from generator.pipeline.status import recorded
from generator.portal.check import check
from generator.progress import SILENT, Progress
from generator.project import ORGANIZATIONS, Project, build_date
from generator.render.env import use_portal_cache
from generator.timings import Timings, peak_rss_mb


@dataclass(frozen=True)
class BuildReport:
    pages: int
    records: int
    seconds: float
    warnings: tuple[Problem, ...]
    timings: dict[str, float]
    peak_rss_mb: float
    notes: tuple[str, ...] = ()  # what the editor should know, e.g. that /admin/ was left out
    summary_line: str = ""
    reused: tuple[str, ...] = ()  # sections taken from the cache: organizations' ids, "" for the portal's own
    built: tuple[str, ...] = ()  # sections built afresh

    def cache_line(self) -> str:
        """«из кэша: 49 разделов из 50» (nothing when no section was reused)."""
        total = len(self.reused) + len(self.built)
        if not self.reused or total <= 1:
            return "без изменений, взят из кэша" if self.reused else ""
        return f"из кэша: {ru.plural(len(self.reused), 'раздел', 'раздела', 'разделов')} из {total}"

    def summary(self) -> str:
        return self.summary_line or f"Сайт собран в site/: {self.counts()}"

    def counts(self) -> str:
        """«79 страниц, 83 записи, 1,3 с» (and what came from the cache)"""
        pages = ru.plural(self.pages, "страница", "страницы", "страниц")
        records = ru.plural(self.records, "запись", "записи", "записей")
        cached = f" ({line})" if (line := self.cache_line()) else ""
        return f"{pages}, {records}, {ru.decimal(self.seconds)} с{cached}"


def build(project: Project, options: BuildOptions = DEFAULTS, progress: Progress = SILENT) -> BuildReport:
    """Build what ``options`` ask for into ``site/``; raise :class:`DataErrors` or :class:`BuildFailed` on failure.

    ``progress`` hears of each stage (and of the organizations done, in a district). A whole site's outcome is
    recorded for ``deploy``; one organization's section alone (``--org``) is not a site to publish."""
    _refuse_misused_options(project, options)
    options = options.dated(options.today or build_date())
    if project.is_district and (options.org or options.orgs):
        return _build(project, options, progress)
    return _whole_site(project, options, progress)


@recorded
def _whole_site(project: Project, options: BuildOptions, progress: Progress) -> BuildReport:
    return _build(project, options, progress)


def _build(project: Project, options: BuildOptions, progress: Progress) -> BuildReport:
    timings = Timings(listener=progress.stage)
    started = time.perf_counter()
    with timings.stage("load"):  # --no-cache builds afresh, and the cache keeps what it built
        written = (
            options.prebuilt,
            options.timings,
            options.into,
        )  # read or written by this build, not its sections' inputs
        environment = environment_digest(project, (p for p in written if p is not None))
    if not project.is_district:
        pages, records, warnings, notes, outcomes = _school(project, options, timings, environment)
        summary = ""
    elif options.orgs:
        pages, records, warnings, outcomes = build_shard(project, options, environment, progress)
        notes = ()
        summary = f"Разделы организаций собраны в {options.into}/: "
    elif options.org:
        pages, records, warnings, notes, outcomes = _organization(project, options, timings, progress, environment)
        summary = f"Раздел организации собран в site/{options.org}/: "
    else:
        pages, records, warnings, notes, outcomes = _district(project, options, timings, progress, environment)
        orgs = ru.plural(len(project.organizations()), "организация", "организации", "организаций")
        summary = f"Сайт района собран в site/ ({orgs}): "
    reused = tuple(o.org or "" for o in outcomes if o.reused)
    built = tuple(o.org or "" for o in outcomes if not o.reused and o.pages)
    report = BuildReport(
        pages, records, time.perf_counter() - started, warnings, timings.stages, peak_rss_mb(), notes, "", reused, built
    )
    return replace(report, summary_line=summary + report.counts()) if summary else report


Built = tuple[int, int, tuple[Problem, ...], tuple[str, ...], list[SectionOutcome]]
"""pages, records, warnings, notes, and the outcome of every section (which of them came from the cache)"""


def _school(project: Project, options: BuildOptions, timings: Timings, environment: str) -> Built:
    """The portal is one section, built in this process."""
    with staged(project, project.site_dir) as staging:
        outcome = build_section(SectionTask(project.root, None, options, staging.path, None, environment), timings)
        problems = raise_for([outcome], Problems(), options.strict)
        with timings.stage("write"):
            staging.publish()
    return outcome.pages, outcome.records, warnings_of(problems, [outcome]), outcome.notes, [outcome]


def _organization(
    project: Project, options: BuildOptions, timings: Timings, progress: Progress, environment: str
) -> Built:
    """One organization of a district into ``site/<org>/``; the rest of ``site/`` stays as it was."""
    org = options.org
    assert org is not None
    problems = Problems()
    progress.stage("validate")
    problems.extend(org_problems(project, only=org))
    with staged(project, project.site_dir / org) as staging:
        site_dir = None if problems.failed(options.strict) else staging.path
        progress.stage("mkdocs" if site_dir else "validate")
        task = SectionTask(project.root, org, options, site_dir, district_names(project), environment)
        outcome = build_section(task)
        timings.merge(outcome.timings)
        problems = raise_for([outcome], problems, options.strict)
        with timings.stage("write"):
            staging.publish()
    return outcome.pages, outcome.records, warnings_of(problems, [outcome]), (), [outcome]


def _district(project: Project, options: BuildOptions, timings: Timings, progress: Progress, environment: str) -> Built:
    """Every organization in parallel, then the district's own section on top, merged and checked as one site."""
    problems = Problems()
    problems.extend(org_problems(project))
    top = check(project, options.today, timings)
    problems.extend(top.problems)
    problems.extend(top_problems(top))
    orgs = project.organizations()
    ready = prebuilt_sections(options.prebuilt, orgs)
    with staged(project, project.site_dir) as staging:
        shards = staging.scratch()
        build_orgs = not problems.failed(options.strict)  # when the district's own data fails, only check the rest
        with timings.stage("render"):
            use_portal_cache(project.root)
            use_forms_cache(project.root)
            warm_up()  # once here rather than in every worker
        with timings.stage("checks"):
            names = district_names(project)
            # Compiled once here for the forked workers and the district's own checks when a section will surely
            # be built; else only a worker whose section is built or searched again compiles it.
            cold = _sections_to_build(project, options, orgs)
            if cold:
                checks_names.search_for(names)
        tasks = [
            SectionTask(
                project.root,
                org,
                options,
                shards / org if build_orgs and org not in ready else None,
                names,
                environment,
            )
            for org in orgs
        ]
        progress.stage("mkdocs" if build_orgs else "validate")  # the workers' stages are theirs alone
        # A worker per core by default; meanwhile, this process imports MkDocs for the district's own pages, and
        # builds them once every organization's summary is known.
        meanwhile = partial(load_engine, project) if cold and build_orgs else None
        own_pages = None
        if build_orgs and top.portal is not None:
            build_own = partial(district_pages, project, top.portal, site_dir=staging.path, names=names,
                                options=options, environment=environment, timings=timings)  # fmt: skip
            own_pages = OwnPages(build_own)
        outcomes = run_sections(tasks, options.jobs or available_cores(), progress, meanwhile, own_pages)
        for outcome in outcomes:
            timings.merge(outcome.timings)
        problems = raise_for(outcomes, problems, options.strict)
        if top.portal is None or own_pages is None:
            raise DataErrors(problems.sorted(), strict=options.strict)
        site_check, own = own_pages.result([shown for o in outcomes if (shown := o.shown) is not None])
        with timings.stage("write"):
            merge_sections(staging.path, shards, ready)
        with timings.stage("checks"):
            findings = prebuilt_findings(project, site_check, staging.path, ready)
            if failing(findings):
                raise DataErrors(findings)
        pages = html_count(staging.path)
        with timings.stage("write"):
            staging.publish()
    records = top.records.count + sum(o.records for o in outcomes)
    findings += list(own.findings)
    return pages, records, warnings_of(problems, outcomes, own.warnings, findings), own.notes, outcomes


def _sections_to_build(project: Project, options: BuildOptions, orgs: list[str]) -> bool:
    """Whether some section will surely be built: no cache, or an organization the cache holds nothing for (a
    cold build). Then the name search is compiled before the workers fork, instead of in each of them."""
    cache = SectionCache.of(project.root) if options.cache else None
    return cache is None or not all(cache.holds(org) for org in orgs)


def _refuse_misused_options(project: Project, options: BuildOptions) -> None:
    if not project.is_district:
        if options.org:
            raise UsageError("--org: в этом портале одна организация; параметр нужен только для портала района")
        for given, name in ((options.prebuilt, "--prebuilt"), (options.orgs, "--orgs"), (options.into, "--into")):
            if given:
                raise UsageError(f"{name}: в этом портале одна организация; параметр нужен только для портала района")
        return
    if options.orgs and (options.org or options.prebuilt):
        raise UsageError("--orgs не используется вместе с --org и --prebuilt: --orgs собирает разделы в папку --into")
    if bool(options.orgs) != (options.into is not None):
        raise UsageError("--orgs и --into нужны вместе: nastavnik build --orgs ID,ID --into ПАПКА")
    if options.org and options.prebuilt:
        raise UsageError(
            "--org и --prebuilt вместе не используются: --org собирает один раздел, --prebuilt — весь сайт"
        )
    if options.org and options.org not in (known := project.organizations()):
        raise UsageError(
            f"--org {options.org}: такой организации нет в data/{ORGANIZATIONS}/ (есть: {', '.join(known) or 'ни одной'})"
        )
