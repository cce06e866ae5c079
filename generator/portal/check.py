"""Checking a portal: load → validate → rules → Portal (the first three stages, one call).

``check()`` is what ``nastavnik check`` runs, what ``nastavnik build`` runs before the engine, and what
the MkDocs plugin runs when MkDocs is called directly (``mkdocs build``/``mkdocs serve``). Problems are
collected, never raised; the Portal is made only when there are no errors.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.errors import DataErrors, Problems
from generator.models import Curator, Mentor
from generator.portal.portal import Portal, build_portal
from generator.portal.roadmap_checks import check_roadmap_items, check_staleness
from generator.project import Project, build_date, changed_on, last_changed
from generator.rules.context import Context
from generator.rules.people import people_of
from generator.rules.references import check_rules
from generator.rules.validate import Records, validate_sources
from generator.sources.config import check_config
from generator.sources.files import Sources, load_sources
from generator.timings import Timings


@dataclass(frozen=True)
class Checked:
    """The outcome of checking: every problem found, and the Portal when there were no errors."""

    sources: Sources
    records: Records
    problems: Problems
    portal: Portal | None

    @property
    def people(self) -> list[tuple[str, Mentor | Curator]]:
        """Everyone the data names, with their consent: what the policy of names is made of."""
        return people_of(self.records)


def check(project: Project, today: dt.date | None = None, timings: Timings | None = None) -> Checked:
    """load → validate → rules → Portal; problems are collected, never raised."""
    today = today or build_date()
    timings = timings or Timings()
    problems = Problems()
    with timings.stage("load"):
        if project.org is None:
            check_config(project.config_file, problems)
        sources = load_sources(project.root, project.data_dir, project.news_dir, problems)
    with timings.stage("validate"):
        records = validate_sources(sources, problems)
        check_rules(records, Context(project.root, project.content_dir, today, project.data_dir), problems)
        check_roadmap_items(records, problems)
        portal = None
        if not problems.errors and records.program is not None:
            portal = build_portal(records, project.content_dir, today, last_changed(project), project.site_url)
            check_staleness(portal, records, lambda: changed_on(project, (project.data_dir,)), problems)
    return Checked(sources, records, problems, portal)


def checked_portal(project: Project) -> Portal:
    """The checked Portal of a verb that needs valid data (export, audit); every error raised as :class:`DataErrors`."""
    checked = check(project)
    if checked.problems.errors or checked.portal is None:
        raise DataErrors(checked.problems.sorted())
    return checked.portal
