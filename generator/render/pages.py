"""Stage 4, render: the Portal → the Markdown pages of the URL map (handed to MkDocs, never written to ``content/``).

Each page is a template in ``generator/templates/pages/`` with a typed context (:mod:`.contexts`),
built from the Portal by one function here. The front matter is written with ``yaml.safe_dump`` —
never by a template — so no value can break out of it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator

import yaml

try:  # libyaml's emitter; the same safe output as yaml.safe_dump, faster
    from yaml import CSafeDumper as SafeDumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper  # type: ignore[assignment]

from generator import ru, urls
from generator.models import Figure
from generator.models.labels import LABELS
from generator.portal.portal import Portal, figures_by_year
from generator.portal.schedule import STATUS_LABELS, occurrences
from generator.portal.views import CATEGORY_LABELS, LEVEL_LABELS, LEVEL_ORDER, DocumentView, HonorView
from generator.render.charts import BarChart, bar_chart
from generator.render.contexts import (
    FilterOption,
    FormRow,
    HomePage,
    HonorBoardPage,
    HonorLevel,
    HonorYear,
    KeyFigure,
    LibraryGroup,
    LibraryPage,
    MentorPage,
    MentorsPage,
    Page,
    ParentsBlocks,
    PostPeople,
    PracticePage,
    PracticesPage,
    RoadmapPage,
    StatsPage,
    Upcoming,
    YearFigures,
)
from generator.render.env import environment, relative_url
from generator.render.publish import subscription
from generator.render.timeline import build_timeline
from generator.rules.people import Person

UPCOMING_DAYS = 60
LATEST_NEWS = 3

ROLE_GROUPS = LABELS["role_group"]
NORMATIVE = ("federal", "regional", "local")
NORMATIVE_LABELS = LABELS["normative_group"]
STATUS_ORDER = ("done", "in_progress", "planned", "overdue", "cancelled", "unknown")
ROADMAP = urls.section("roadmap")


def pages(portal: Portal) -> Iterator[Page]:
    """Every generated page of the URL map (``/parents/`` is the editors' page; see :func:`parents_blocks`)."""
    org = portal.organization.short_name
    yield home_page(portal)
    for roadmap in portal.roadmaps:
        src = ROADMAP.source() if roadmap.current else ROADMAP.source(roadmap.id)
        title = ROADMAP.title if roadmap.current else f"{ROADMAP.title} {roadmap.model.period}"
        yield RoadmapPage(
            portal=portal, src=src, url=roadmap.url, title=title, description=roadmap.model.title, roadmap=roadmap,
            timeline=build_timeline(roadmap, portal.today),
            subscription=subscription(portal.site_url) if roadmap.current else None,
        )  # fmt: skip
    if portal.current_roadmap is None:
        yield RoadmapPage(
            portal=portal, src=ROADMAP.src, url=ROADMAP.path, title=ROADMAP.title,
            description=f"Дорожная карта наставничества {org}",
        )  # fmt: skip
    yield mentors_page(portal)
    for person in portal.mentors:
        yield mentor_page(portal, person)
    yield honor_board(portal)
    practices = urls.section("practices")
    yield PracticesPage(
        portal=portal, src=practices.src, url=practices.path, title=practices.title,
        description=f"Лучшие практики наставничества {org}: опыт наставников, результаты, материалы",
        practices=portal.practices,
    )  # fmt: skip
    for practice in portal.practices:
        yield PracticePage(
            portal=portal, src=practices.source(practice.id), url=practice.url, title=practice.model.title,
            description=practice.model.summary, practice=practice,
        )  # fmt: skip
    yield library_page(portal)
    yield stats_page(portal)


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


def mentors_page(portal: Portal) -> MentorsPage:
    people = portal.mentors
    forms = tuple(
        FilterOption(form.id, form.title, sum(1 for p in people if form.id in p.forms))
        for form in portal.forms
        if any(form.id in p.forms for p in people)
    )
    roles = tuple(
        FilterOption(role, ROLE_GROUPS[role], sum(1 for p in people if p.role == role))
        for role in LABELS["role"]
        if any(p.role == role for p in people)
    )
    empty = tuple(
        (form, role)
        for form in ("", *(f.value for f in forms))
        for role in ("", *(r.value for r in roles))
        if not any((not form or form in p.forms) and (not role or p.role == role) for p in people)
    )
    mentors = urls.section("mentors")
    return MentorsPage(
        portal=portal, src=mentors.src, url=mentors.path, title=mentors.title,
        description=f"Наставники {portal.organization.short_name}: педагоги, ученики, выпускники и специалисты "
        "предприятий-партнёров", people=people, forms=forms, roles=roles, empty=empty,
    )  # fmt: skip


def mentor_page(portal: Portal, person: Person) -> MentorPage:
    practices = tuple(p for p in portal.practices if any(a.person == person for a in p.authors))
    what = [person.position or person.role_label, person.subject]
    details = ", ".join(x[:1].lower() + x[1:] for x in what if x)
    description = f"{person.display_name} — наставник {portal.organization.short_name}: {details}"
    return MentorPage(
        portal=portal, src=urls.source("mentors", person.id), url=urls.url("mentors", person.id),
        title=person.display_name,
        description=description, image=person.photo, person=person, practices=practices,
    )  # fmt: skip


def honor_board(portal: Portal) -> HonorBoardPage:
    grouped: dict[int, dict[str, list[HonorView]]] = defaultdict(lambda: defaultdict(list))
    for honor in portal.honors:
        grouped[honor.honor.year][honor.honor.level].append(honor)
    years = tuple(
        HonorYear(
            year,
            tuple(HonorLevel(LEVEL_LABELS[lv], tuple(grouped[year][lv])) for lv in LEVEL_ORDER if lv in grouped[year]),
        )
        for year in sorted(grouped, reverse=True)
    )
    board = urls.section("honor-board")
    return HonorBoardPage(
        portal=portal, src=board.src, url=board.path, title=board.title,
        description=f"Доска почёта наставников {portal.organization.short_name}: награды по годам и уровням",
        years=years,
    )  # fmt: skip


def library_page(portal: Portal) -> LibraryPage:
    def documents(category: str) -> tuple[DocumentView, ...]:
        found = [d for d in portal.library if d.model.category == category]
        found.sort(key=lambda d: d.model.title)
        found.sort(key=lambda d: d.model.date or dt.date(d.model.year or 1, 1, 1), reverse=True)
        return tuple(found)

    normative = tuple(
        LibraryGroup(category, NORMATIVE_LABELS[category], documents(category))
        for category in NORMATIVE
        if documents(category)
    )
    groups = [LibraryGroup("normativnye", "Нормативные документы", subgroups=normative)] if normative else []
    groups += [
        LibraryGroup(category, label, documents(category))
        for category, label in CATEGORY_LABELS.items()
        if category not in NORMATIVE and documents(category)
    ]
    library = urls.section("library")
    return LibraryPage(
        portal=portal, src=library.src, url=library.path, title=library.title,
        description=f"Документы о наставничестве {portal.organization.short_name}: нормативные акты, программы, "
        "методические материалы, анкеты и формы", groups=tuple(groups),
    )  # fmt: skip


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
    stats = urls.section("stats")
    return StatsPage(
        portal=portal, src=stats.src, url=stats.path, title=stats.title,
        description=f"Мониторинг наставничества {portal.organization.short_name}: наставники и пары по формам, "
        "выполнение дорожной карты, показатели по годам", roadmap=roadmap, status_chart=status_chart,
        section_chart=section_chart, years=years, form_charts=form_charts, year_chart=year_chart,
    )  # fmt: skip


def year_figures(portal: Portal, year: str, forms: dict[str, Figure]) -> YearFigures:
    rows = tuple(
        FormRow(portal.forms_by_id[f].title if f in portal.forms_by_id else f, x.mentors, x.mentees, x.pairs)
        for f, x in forms.items()
    )
    total = FormRow("Всего", *(sum(getattr(r, key) for r in rows) for key in ("mentors", "mentees", "pairs")))
    return YearFigures(year, rows, total)


def parents_blocks(portal: Portal) -> ParentsBlocks:
    parents = urls.section("parents")
    return ParentsBlocks(
        portal=portal, src=parents.src, url=parents.path, title=parents.title, description="",
        consent_forms=tuple(d for d in portal.library if d.model.consent_form),
    )  # fmt: skip


def render_page(page: Page) -> str:
    """One page: safe front matter, then the template's Markdown."""
    meta: dict[str, object] = {"title": page.title, "description": " ".join(page.description.split())[:300]}
    if page.image:
        meta["image"] = page.image
    meta["hide"] = ["navigation"]  # one page a tab: the navigation sidebar would list just this page
    front = yaml.dump(meta, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=10_000)
    body = environment().get_template(page.template).render(page=page, portal=page.portal)
    return f"---\n{front}---\n\n{body}"


def render_pages(portal: Portal) -> dict[str, str]:
    """src path → Markdown for every generated page."""
    return {page.src: render_page(page) for page in pages(portal)}


def render_parents_blocks(portal: Portal) -> str:
    page = parents_blocks(portal)
    return environment().get_template(page.template).render(page=page, portal=portal)


def render_post_people(portal: Portal, post_id: str) -> str:
    """The people line of a news post («Участники: …»), or "" when the post names nobody."""
    post = next((p for p in portal.news if p.id == post_id), None)
    if post is None or not post.mentors:
        return ""
    page = PostPeople(
        portal=portal, src=urls.source("news", post_id), url=post.url, title=post.title, description="", post=post
    )
    return environment().get_template(page.template).render(page=page, portal=portal)


def render_post_image(portal: Portal, src_uri: str) -> str:
    """The picture of a news post (front matter ``image``) as Markdown to put above its text, or ``""``."""
    post = next((p for p in portal.news if urls.source("news", p.id) == src_uri), None)
    if post is None or not post.image:
        return ""
    return (
        environment()
        .get_template("partials/_post_image.md.j2")
        .render(post=post, src=relative_url(post.image, urls.NEWS_POSTS))
    )


def view_meta(url: str, title: str, portal: Portal) -> dict[str, str]:
    """Title and description of the blog plugin's own pages (archive, categories, pagination) — in Russian."""
    org = portal.organization.short_name
    news = urls.url("news")  # the blog plugin's archive, categories and pages are under it
    page_no = re.search(r"/page/(\d+)/$", url)
    suffix = f", страница {page_no.group(1)}" if page_no else ""
    if url.startswith(f"{news}archive/"):
        return {
            "title": f"Новости за {title} г.{suffix}",
            "description": f"Новости наставничества {org} за {title} г.{suffix}",
        }
    if url.startswith(f"{news}category/"):
        return {
            "title": f"Новости: {title}{suffix}",
            "description": f"Новости наставничества {org} в рубрике «{title}»{suffix}",
        }
    if url.startswith(f"{news}page/"):
        return {"title": f"Новости{suffix}", "description": f"Новости наставничества {org}{suffix}"}
    if url == news:
        return {"description": f"Новости наставничества {org}: события, конкурсы, обучение наставников"}
    return {}
