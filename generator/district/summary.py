"""What the district's section shows of each organization: figures, roadmap progress, awards, news.

An :class:`OrgSummary` is computed from the organization's Portal, so it holds only what may be
published: people come as :class:`~generator.rules.people.Person` (consent applied by ``people.py``),
counts carry no names. Summaries are small and picklable: parallel builds send them from the
worker processes to the one that builds the district's pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator import urls
from generator.models import Figure
from generator.portal.portal import Portal
from generator.portal.schedule import Progress
from generator.portal.shares import ShareRow, latest
from generator.portal.views import LEVEL_ORDER, HonorView, PostView

LATEST_NEWS = 3


@dataclass(frozen=True)
class OrgSummary:
    id: str
    name: str
    short_name: str
    kind: str  # school, college, department
    address: str | None
    url: str  # ``<org>/`` — the organization's section in the district's site
    mentors_total: int  # everyone in its data/mentors (a count is not personal data)
    mentors_published: int
    practices: int
    documents: int
    news: int
    roadmap_title: str | None
    progress: Progress | None  # of its current roadmap
    figures: tuple[Figure, ...]
    forms: tuple[tuple[str, str], ...]  # (form id, title) as the organization names them
    latest_news: tuple[PostView, ...]
    shares: tuple[ShareRow, ...] = ()  # each group's share involved, every year (coverage in its program.yaml)

    def share_of(self, group: str) -> ShareRow | None:
        """The latest year's share of ``group`` (pupils, teachers, young_specialists), if given."""
        return next((r for r in latest(self.shares) if r.group == group), None)

    def href(self, path: str = "") -> str:
        """A site path inside the organization's section: ``school-5/mentors/``."""
        return self.url + path

    def figures_for(self, year: str) -> tuple[int, int, int] | None:
        """(mentors, mentees, pairs) of one academic year, or None when it gave no figures for it."""
        rows = [f for f in self.figures if f.year == year]
        if not rows:
            return None
        return sum(f.mentors for f in rows), sum(f.mentees for f in rows), sum(f.pairs for f in rows)


@dataclass(frozen=True)
class OrgHonor:
    """An award of a published person, with the organization it belongs to."""

    org: OrgSummary
    honor: HonorView

    @property
    def person_url(self) -> str:
        return self.org.href(urls.url("mentors", self.honor.person.id))


@dataclass(frozen=True)
class District:
    """The district's own Portal, and every organization as its section shows it."""

    portal: Portal
    organizations: tuple[OrgSummary, ...]
    honors: tuple[OrgHonor, ...]  # every organization's, newest year and highest level first

    @property
    def latest_year(self) -> str | None:
        """The newest academic year any organization (or the district) gave figures for."""
        years = [f.year for o in self.organizations for f in o.figures] + [f.year for f in self.portal.figures]
        return max(years) if years else None

    def form_title(self, form_id: str) -> str:
        """The district's name for a form, else the first organization's, else the id."""
        if form_id in self.portal.forms_by_id:
            return self.portal.forms_by_id[form_id].title
        for org in self.organizations:
            for fid, title in org.forms:
                if fid == form_id:
                    return title
        return form_id


def summarise(org_id: str, portal: Portal) -> tuple[OrgSummary, tuple[HonorView, ...]]:
    """An organization's summary and its published awards."""
    org = portal.organization
    roadmap = portal.current_roadmap
    summary = OrgSummary(
        id=org_id,
        name=org.name,
        short_name=org.short_name,
        kind=org.type,
        address=org.address,
        url=f"{org_id}/",
        mentors_total=portal.mentors_total,
        mentors_published=len(portal.mentors),
        practices=len(portal.practices),
        documents=len(portal.library),
        news=len(portal.news),
        roadmap_title=roadmap.model.title if roadmap else None,
        progress=roadmap.progress if roadmap else None,
        figures=portal.figures,
        forms=tuple((f.id, f.title) for f in portal.forms),
        latest_news=portal.news[:LATEST_NEWS],
        shares=portal.shares,
    )
    return summary, portal.honors


def assemble(portal: Portal, parts: Sequence[tuple[OrgSummary, tuple[HonorView, ...]]]) -> District:
    """The District from its own Portal and the organizations' summaries (in the order of their ids)."""
    organizations = tuple(summary for summary, _ in parts)
    honors = tuple(
        sorted(
            (OrgHonor(summary, honor) for summary, org_honors in parts for honor in org_honors),
            key=lambda h: (
                -h.honor.honor.year,
                LEVEL_ORDER.index(h.honor.honor.level),
                h.org.short_name,
                h.honor.person.name,
            ),
        )
    )
    return District(portal, organizations, honors)
