"""The home page: the programme's key figures and what is coming up on the current roadmap."""

from __future__ import annotations

import datetime as dt

from generator import ru, urls
from generator.portal.portal import Portal, figures_by_year
from generator.portal.schedule import occurrences
from generator.render.contexts import HomePage, KeyFigure, Upcoming

UPCOMING_DAYS = 60
LATEST_NEWS = 3


def home_page(portal: Portal) -> HomePage:
    org = portal.organization.short_name
    home = urls.section("home")
    return HomePage(
        portal=portal, src=home.src, url=home.path, title=portal.program.title,
        description=portal.program.intro or f"Наставничество в {org}: цели, формы, наставники, дорожная карта.",
        figures=key_figures(portal), upcoming=upcoming(portal), latest_news=portal.news[:LATEST_NEWS],
    )  # fmt: skip


def counted(count: int, one: str, few: str, many: str) -> str:
    """Just the noun of «3 наставника»: «наставника»."""
    return ru.plural(count, one, few, many).split(" ", 1)[1]


def key_figures(portal: Portal) -> tuple[KeyFigure, ...]:
    """Mentors, pairs and mentees of the latest monitored year, and the number of best practices."""
    years = figures_by_year(portal.figures)
    figures: list[KeyFigure] = []
    if years:
        year, forms = list(years.items())[-1]
        note = f"в {year} учебном году"
        mentors = sum(f.mentors for f in forms.values())
        pairs = sum(f.pairs for f in forms.values())
        mentees = sum(f.mentees for f in forms.values())
        figures += [
            KeyFigure(mentors, counted(mentors, "наставник", "наставника", "наставников"), note),
            KeyFigure(pairs, counted(pairs, "наставническая пара", "наставнические пары", "наставнических пар"), note),
            KeyFigure(mentees, counted(mentees, "наставляемый", "наставляемых", "наставляемых"), note),
        ]
    else:
        total = portal.mentors_total
        figures.append(KeyFigure(total, counted(total, "наставник", "наставника", "наставников")))
    count = len(portal.practices)
    figures.append(KeyFigure(count, counted(count, "лучшая практика", "лучшие практики", "лучших практик")))
    return tuple(figures)


def upcoming(portal: Portal, days: int = UPCOMING_DAYS) -> tuple[Upcoming, ...]:
    """Items of the current roadmap under way or starting within ``days`` of the build date, soonest first."""
    roadmap = portal.current_roadmap
    if roadmap is None:
        return ()
    today, horizon = portal.today, portal.today + dt.timedelta(days=days)
    found: list[Upcoming] = []
    for item in roadmap.all_items():
        if item.schedule.status in {"done", "cancelled"}:
            continue
        spans = [
            (start, end)
            for period in item.schedule.periods
            for start, end in occurrences(period, roadmap.plan)
            if end >= today and start <= horizon
        ]
        if spans:
            start = min(start for start, _ in spans)
            found.append(Upcoming(item, start, ongoing=start <= today))
    found.sort(key=lambda u: (u.start, u.item.anchor))
    return tuple(found)
