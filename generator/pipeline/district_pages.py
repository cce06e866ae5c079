"""A district's own pages (its home, lists of organizations, its news and documents): built, or reused.

They are made from the district's own ``data/`` and ``content/`` and from every organization's summary.
Their Markdown and downloads are rendered first (a fraction of a second): the cache key (:mod:`.cache_key`)
is the district's own section's with the digest of what was rendered added, so a new mentor in one school
changes the district's totals and the pages are built again, while a typo corrected in a mentor's biography,
which no district page shows, leaves them as they were. Reused
pages are searched again for the names of the current people, as every reused section is (:mod:`.reuse`).

With worker processes they are built as soon as every organization's summary is known, while the workers finish
the last sections (:class:`OwnPages`), instead of on one core after them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from generator.checks.site import SiteCheck, failing
from generator.district.pages import render_district_pages
from generator.district.summary import assemble
from generator.engine.job import EngineJob, section_checks
from generator.engine.mkdocs import run_engine
from generator.errors import DataErrors
from generator.options import BuildOptions
from generator.pipeline.reuse import Reuse
from generator.pipeline.sections import SectionOutcome
from generator.pipeline.summaries import Summary
from generator.portal.portal import Portal
from generator.project import Project
from generator.rules.people import NamePolicy
from generator.timings import Timings


def district_pages(
    project: Project,
    portal: Portal,
    summaries: Sequence[Summary],
    site_dir: Path,
    names: NamePolicy,
    options: BuildOptions,
    environment: str,
    timings: Timings,
) -> tuple[SiteCheck, SectionOutcome]:
    """The district's own pages in the empty ``site_dir`` (before the organizations' sections join them),
    checked; the checks (for the merged site) and what the engine said. Raises :class:`DataErrors` on a finding."""
    district = assemble(portal, summaries)
    with timings.stage("render"):
        rendered = render_district_pages(district)
    reuse = Reuse.of(project.root, None, environment, options, extra=_digest(rendered))
    if reuse is not None and options.cache:
        reused = reuse.reused(site_dir, names, None)
        if reused is not None:
            timings.merge(reused.timings)
            _raise_on(reused.findings)
            assert reuse.checks is not None
            return reuse.checks, reused
    with timings.stage("mkdocs"):
        job = EngineJob(portal, rendered, section_checks(project, (), names))
        engine = run_engine(project, site_dir, job, options.strict)
    with timings.stage("checks"):
        findings = tuple(engine.findings(site_dir))
    _raise_on(findings)
    outcome = SectionOutcome(None, (), 0, True, pages=engine.pages, warnings=engine.warnings, findings=findings,
                             notes=engine.notes)  # fmt: skip
    if reuse is not None:
        with timings.stage("write"):
            reuse.keep(outcome, site_dir, engine.checks, shared_names=True)
    return engine.checks, outcome


Built = tuple[SiteCheck, SectionOutcome]


class OwnPages:
    """The district's own pages, built once: early, when :func:`.sections.run_sections` calls this object with
    every summary, or when :meth:`result` is asked for. What building them raised is raised by :meth:`result`,
    after the organizations' outcomes have been judged, as if they had been built then: a school's failing
    data is still the first thing the editor reads."""

    def __init__(self, build: Callable[[Sequence[Summary]], Built]) -> None:
        self._build = build
        self._done: tuple[Built | None, Exception | None] | None = None

    def __call__(self, summaries: Sequence[Summary]) -> None:
        try:
            self._done = (self._build(summaries), None)
        except Exception as exc:  # (raised by result)
            self._done = (None, exc)

    @property
    def built(self) -> bool:
        return self._done is not None

    def result(self, summaries: Sequence[Summary]) -> Built:
        """The pages built early, or built now from ``summaries``."""
        if self._done is None:
            return self._build(summaries)
        built, error = self._done
        if error is not None:
            raise error
        assert built is not None
        return built


def _digest(rendered: Mapping[str, str | bytes]) -> str:
    """Every rendered page and download, by its path: what the engine makes the district's pages from."""
    h = hashlib.blake2b(digest_size=20)
    for src in sorted(rendered):
        content = rendered[src]
        data = content.encode("utf-8") if isinstance(content, str) else content
        for part in (src.encode("utf-8"), data):
            h.update(len(part).to_bytes(8, "little"))
            h.update(part)
    return h.hexdigest()


def _raise_on(findings: Sequence) -> None:  # type: ignore[type-arg]
    if failing(findings):
        raise DataErrors(list(findings))
