"""The district's section (``/``): its pages as Markdown, from the District (never from raw records).

The district's own data goes through the school templates (roadmap, documents); the home page,
the honor board and the monitoring page are the district's own (``templates/district/``): a list of
organizations with their figures, every organization's awards, figures by form and by organization.
Links into an organization's section are plain site paths (``school-5/mentors/x/``) made relative
by :meth:`Page.href`, so they work under any ``site_url`` and from ``file://``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import ClassVar

from generator import ru, urls
from generator.district.check import check_district
from generator.district.downloads import district_files
from generator.district.summary import District, OrgHonor, OrgSummary, assemble, summarise
from generator.errors import Problems
from generator.models import Curator, Mentor
from generator.portal.portal import Portal
from generator.portal.shares import rank
from generator.portal.views import LEVEL_LABELS, LEVEL_ORDER, PostView
from generator.project import Project
from generator.render.contexts import Page, Upcoming
from generator.render.home import upcoming
from generator.render.monitoring_files import DOWNLOADS
from generator.render.pages import render_page, render_pages
from generator.rules.people import people_of

LATEST_NEWS = 6

# Pages of the school's URL map that a district without such records of its own does not publish.
_OPTIONAL = {urls.source(key): key for key in urls.DISTRICT_OPTIONAL}  # src → the Portal's records


@dataclass(frozen=True)
class FormRow:
    form_id: str
    title: str
    organizations: int
    mentors: int
    mentees: int
    pairs: int


@dataclass(frozen=True)
class OrgRow:
    org: OrgSummary
    figures: tuple[int, int, int] | None  # (mentors, mentees, pairs) in the latest year


@dataclass(frozen=True, kw_only=True)
class DistrictHomePage(Page):
    district: District | None = None
    figures: tuple[tuple[int, str], ...] = ()  # (value, label): «12», «организаций»
    rows: tuple[OrgRow, ...] = ()
    year: str | None = None
    upcoming: tuple[Upcoming, ...] = ()
    latest_news: tuple[tuple[OrgSummary, PostView], ...] = ()
    template: ClassVar[str] = "district/home.md.j2"


@dataclass(frozen=True, kw_only=True)
class DistrictHonorBoardPage(Page):
    years: tuple[tuple[int, tuple[tuple[str, tuple[OrgHonor, ...]], ...]], ...] = ()
    template: ClassVar[str] = "district/honor_board.md.j2"


@dataclass(frozen=True, kw_only=True)
class DistrictStatsPage(Page):
    district: District | None = None
    year: str | None = None
    by_form: tuple[FormRow, ...] = ()
    by_org: tuple[OrgRow, ...] = ()
    totals: tuple[int, int, int] = (0, 0, 0)
    ranking: tuple[OrgSummary, ...] = ()  # by the share of pupils involved, highest first; without figures last
    downloads: tuple[tuple[str, str, str], ...] = ()  # (file, «XLSX», label) of the monitoring tables
    template: ClassVar[str] = "district/stats.md.j2"


def district_pages(district: District) -> list[Page]:
    portal = district.portal
    name = portal.organization.short_name
    year = district.latest_year
    rows = tuple(OrgRow(org, org.figures_for(year) if year else None) for org in district.organizations)
    home, board, stats = (urls.section(key) for key in urls.DISTRICT_PAGES)
    return [
        DistrictHomePage(
            portal=portal, src=home.src, url=home.path, title=portal.program.title,
            description=portal.program.intro or f"Наставничество в образовательных организациях: {name}",
            district=district, figures=key_figures(district, rows), rows=rows, year=year,
            upcoming=upcoming(portal), latest_news=latest_news(district),
        ),
        DistrictHonorBoardPage(
            portal=portal, src=board.src, url=board.path, title=board.title,
            description=f"Лучшие наставники образовательных организаций: {name}", years=honor_years(district.honors),
        ),
        DistrictStatsPage(
            portal=portal, src=stats.src, url=stats.path, title=stats.title,
            description=f"Показатели наставничества по организациям: {name}", district=district, year=year, by_form=by_form(district, year), by_org=rows, totals=_totals(rows),
            ranking=ranking(district),
            downloads=tuple((d.filename, d.format.upper(), d.label) for d in DOWNLOADS)
            if any(org.figures or org.shares for org in district.organizations) else (),
        ),
    ]  # fmt: skip


def ranking(district: District) -> tuple[OrgSummary, ...]:
    """The organizations by the share of pupils involved (pandas), when any of them gave coverage figures."""
    if not any(org.shares for org in district.organizations):
        return ()
    by_id = {org.id: org for org in district.organizations}
    return tuple(by_id[org_id] for org_id, _ in rank({org.id: org.shares for org in district.organizations}))


def render_district_pages(district: District) -> dict[str, str | bytes]:
    """src path → Markdown: the school pages of the district's own data, with the district's pages over them;
    and the district's monitoring downloads (bytes)."""
    rendered: dict[str, str | bytes] = dict(render_pages(district.portal))
    for src, kind in _OPTIONAL.items():
        if not getattr(district.portal, kind):
            rendered.pop(src, None)
    for page in district_pages(district):
        rendered[page.src] = render_page(page)
    rendered.update(district_files(district))
    return rendered


def key_figures(district: District, rows: tuple[OrgRow, ...]) -> tuple[tuple[int, str], ...]:
    orgs = district.organizations
    mentors, _, pairs = _totals(rows)
    values = [
        (len(orgs), ("образовательная организация", "образовательные организации", "образовательных организаций")),
        (mentors or sum(o.mentors_total for o in orgs), ("наставник", "наставника", "наставников")),
    ]
    if pairs:
        values.append((pairs, ("наставническая пара или группа", "наставнические пары и группы", "пар и групп")))
    values.append((sum(o.practices for o in orgs), ("лучшая практика", "лучшие практики", "лучших практик")))
    return tuple((value, ru.plural(value, *words).split(" ", 1)[1]) for value, words in values)


def latest_news(district: District, limit: int = LATEST_NEWS) -> tuple[tuple[OrgSummary, PostView], ...]:
    posts = [(org, post) for org in district.organizations for post in org.latest_news]
    posts.sort(key=lambda pair: (pair[1].date, pair[0].id, pair[1].id), reverse=True)
    return tuple(posts[:limit])


def honor_years(honors: tuple[OrgHonor, ...]) -> tuple[tuple[int, tuple[tuple[str, tuple[OrgHonor, ...]], ...]], ...]:
    grouped: dict[int, dict[str, list[OrgHonor]]] = defaultdict(lambda: defaultdict(list))
    for entry in honors:
        grouped[entry.honor.honor.year][entry.honor.honor.level].append(entry)
    return tuple(
        (
            year,
            tuple(
                (LEVEL_LABELS[level], tuple(grouped[year][level])) for level in LEVEL_ORDER if level in grouped[year]
            ),
        )
        for year in sorted(grouped, reverse=True)
    )


def by_form(district: District, year: str | None) -> tuple[FormRow, ...]:
    """Mentors, mentees and pairs of every form in ``year``, summed over the organizations."""
    if year is None:
        return ()
    sums: dict[str, list[int]] = {}
    for org in district.organizations:
        seen = set()
        for figure in org.figures:
            if figure.year != year:
                continue
            row = sums.setdefault(figure.form, [0, 0, 0, 0])
            row[1:] = [row[1] + figure.mentors, row[2] + figure.mentees, row[3] + figure.pairs]
            if figure.form not in seen:
                row[0] += 1
                seen.add(figure.form)
    order = [f.id for f in district.portal.forms] + sorted(sums)
    ids = [form_id for form_id in dict.fromkeys(order) if form_id in sums]
    return tuple(FormRow(form_id, district.form_title(form_id), *sums[form_id]) for form_id in ids)


def _totals(rows: tuple[OrgRow, ...]) -> tuple[int, int, int]:
    figures = [row.figures for row in rows if row.figures is not None]
    return (sum(f[0] for f in figures), sum(f[1] for f in figures), sum(f[2] for f in figures))


def preview(
    project: Project, today: dt.date | None = None
) -> tuple[Problems, Portal | None, dict[str, str | bytes], list[tuple[str, Mentor | Curator]]]:
    """The district's section for plain ``mkdocs build``/``mkdocs serve``: problems, its Portal, pages, people.

    Every organization is checked (its figures and awards are on the district's pages); the
    organizations' own sections are built by ``nastavnik build`` only. The people are everyone of
    the district, for the post-build search of private names.
    """
    checked = check_district(project, today)
    people = [*people_of(checked.top.records), *(p for c in checked.orgs.values() for p in people_of(c.records))]
    if not checked.ok or checked.top.portal is None:
        return checked.problems, None, {}, people
    parts = [summarise(org, c.portal) for org, c in checked.orgs.items() if c.portal is not None]
    district = assemble(checked.top.portal, parts)
    return checked.problems, checked.top.portal, render_district_pages(district), people
