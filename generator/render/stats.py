"""The monitoring page: the roadmap's progress and the figures by form and year, with their charts."""

from __future__ import annotations

from generator import urls
from generator.models import Figure
from generator.portal.portal import Portal, figures_by_year
from generator.portal.schedule import STATUS_LABELS
from generator.portal.shares import latest as latest_shares
from generator.render.charts import BarChart, bar_chart
from generator.render.contexts import FormRow, StatsPage, YearFigures
from generator.render.monitoring_files import DOWNLOADS

STATUS_ORDER = ("done", "in_progress", "planned", "overdue", "cancelled", "unknown")


def stats_page(portal: Portal) -> StatsPage:
    roadmap = portal.current_roadmap
    status_chart = section_chart = None
    if roadmap is not None:
        counts = {status: getattr(roadmap.progress, status) for status in STATUS_ORDER}
        status_chart = bar_chart(
            "status",
            "Мероприятия дорожной карты по состоянию",
            ((STATUS_LABELS[s].capitalize(), n) for s, n in counts.items() if n or s in {"done", "planned"}),
        )
        section_chart = bar_chart(
            "sections",
            "Выполнение по разделам, %",
            ((s.section.heading or s.section.title or "Раздел", s.progress.percent) for s in roadmap.sections),
            maximum=100,
            note=" %",
            tone="done",
        )
    years = tuple(year_figures(portal, year, forms) for year, forms in figures_by_year(portal.figures).items())
    form_charts: tuple[BarChart, ...] = ()
    year_chart = None
    if years:
        latest = years[-1]
        form_charts = tuple(
            bar_chart(
                f"{key}-{latest.year}", f"{title}, {latest.year}", ((r.title, getattr(r, key)) for r in latest.rows)
            )
            for key, title in (("mentors", "Наставники по формам"), ("pairs", "Пары и группы по формам"))
        )
        year_chart = bar_chart(
            "years", "Наставляемые по годам", ((y.year, y.total.mentees) for y in years), tone="people"
        )
    share_years = portal.shares
    stats = urls.section("stats")
    return StatsPage(
        portal=portal, src=stats.src, url=stats.path, title=stats.title,
        description=f"Мониторинг наставничества {portal.organization.short_name}: наставники и пары по формам, "
        "выполнение дорожной карты, показатели по годам", roadmap=roadmap, status_chart=status_chart,
        section_chart=section_chart, years=years, form_charts=form_charts, year_chart=year_chart,
        shares=latest_shares(share_years), share_years=share_years,
        downloads=tuple((d.filename, d.format.upper(), d.label) for d in DOWNLOADS)
        if portal.figures or share_years or portal.program.surveys else (),
    )  # fmt: skip


def year_figures(portal: Portal, year: str, forms: dict[str, Figure]) -> YearFigures:
    rows = tuple(
        FormRow(portal.forms_by_id[f].title if f in portal.forms_by_id else f, x.mentors, x.mentees, x.pairs)
        for f, x in forms.items()
    )
    total = FormRow("Всего", *(sum(getattr(r, key) for r in rows) for key in ("mentors", "mentees", "pairs")))
    return YearFigures(year, rows, total)
