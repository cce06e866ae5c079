"""Stage 4, render: the Portal → the Markdown pages of the URL map (handed to MkDocs, never written to ``content/``).

Each page is a template in ``generator/templates/pages/`` with a typed context (a frozen
dataclass below). The front matter is written with ``yaml.safe_dump`` — never by a template — so no
value can break out of it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml

from ..people import Person
from ..portal import (
    CATEGORY_LABELS,
    LEVEL_LABELS,
    LEVEL_ORDER,
    DocumentView,
    HonorView,
    ItemView,
    Portal,
    PostView,
    PracticeView,
    RoadmapView,
    figures_by_year,
)
from ..timeline import Timeline, build_timeline
from .env import environment, relative_url
from .publish import Subscription, subscription

UPCOMING_DAYS = 60
LATEST_NEWS = 3


@dataclass(frozen=True)
class Page:
    """What every page template gets: the portal, where the page is, its title and description."""

    portal: Portal
    src: str  # ``mentors/index.md``
    url: str  # ``mentors/``
    title: str
    description: str

    def href(self, target: str) -> str:
        """A relative link from this page to a site path (``mentors/ivanova/``, ``files/x.pdf``)."""
        return relative_url(target, self.url)

    @property
    def template(self) -> str:
        raise NotImplementedError


@dataclass(frozen=True)
class HomePage(Page):
    upcoming: tuple[ItemView, ...] = ()
    latest_news: tuple = ()
    template = "pages/home.md.j2"  # type: ignore[assignment]


@dataclass(frozen=True)
class RoadmapPage(Page):
    roadmap: RoadmapView | None = None
    timeline: Timeline | None = None
    subscription: Subscription | None = None  # the current roadmap only: its exports are the site's files
    template = "pages/roadmap.md.j2"  # type: ignore[assignment]


@dataclass(frozen=True)
class MentorsPage(Page):
    by_form: tuple[tuple[str, str, tuple[Person, ...]], ...] = ()  # (form id, title, people)
    by_role: tuple[tuple[str, tuple[Person, ...]], ...] = ()
    template = "pages/mentors.md.j2"  # type: ignore[assignment]


@dataclass(frozen=True)
class MentorPage(Page):
    person: Person | None = None
    practices: tuple[PracticeView, ...] = ()
    template = "pages/mentor.md.j2"  # type: ignore[assignment]


@dataclass(frozen=True)
class HonorBoardPage(Page):
    years: tuple[tuple[int, tuple[tuple[str, tuple[HonorView, ...]], ...]], ...] = ()
    template = "pages/honor_board.md.j2"  # type: ignore[assignment]


@dataclass(frozen=True)
class PracticesPage(Page):
    template = "pages/practices.md.j2"  # type: ignore[assignment]


@dataclass(frozen=True)
class PracticePage(Page):
    practice: PracticeView | None = None
    template = "pages/practice.md.j2"  # type: ignore[assignment]


@dataclass(frozen=True)
class LibraryPage(Page):
    groups: tuple[tuple[str, str, tuple[DocumentView, ...]], ...] = ()  # (category, label, documents)
    template = "pages/library.md.j2"  # type: ignore[assignment]


@dataclass(frozen=True)
class StatsPage(Page):
    years: dict = field(default_factory=dict)
    template = "pages/stats.md.j2"  # type: ignore[assignment]


@dataclass(frozen=True)
class ParentsBlocks(Page):
    consent_forms: tuple[DocumentView, ...] = ()
    template = "pages/parents_blocks.md.j2"  # type: ignore[assignment]


@dataclass(frozen=True)
class PostPeople(Page):
    """The line under a news post naming its people (``mentors:`` in the front matter), consent applied."""

    post: PostView | None = None
    template = "partials/_post_people.html.j2"  # type: ignore[assignment]


def pages(portal: Portal) -> Iterator[Page]:
    """Every generated page of the URL map (``/parents/`` is the editors' page; see :func:`parents_blocks`)."""
    org = portal.organization.short_name
    yield HomePage(
        portal,
        "index.md",
        "",
        portal.program.title,
        portal.program.intro or f"Наставничество в {org}: цели, формы, наставники, дорожная карта.",
        upcoming=upcoming(portal),
        latest_news=portal.news[:LATEST_NEWS],
    )
    for roadmap in portal.roadmaps:
        src = "roadmap/index.md" if roadmap.current else f"roadmap/{roadmap.id}/index.md"
        yield RoadmapPage(
            portal, src, roadmap.url, "Дорожная карта", roadmap.model.title, roadmap=roadmap,
            timeline=build_timeline(roadmap, portal.today),
            subscription=subscription(portal.site_url) if roadmap.current else None,
        )  # fmt: skip
    if portal.current_roadmap is None:
        yield RoadmapPage(portal, "roadmap/index.md", "roadmap/", "Дорожная карта", f"Дорожная карта {org}")
    yield mentors_page(portal)
    for person in portal.mentors:
        practices = tuple(p for p in portal.practices if any(a.person == person for a in p.authors))
        description = ", ".join(x for x in (person.role_label, person.position, person.subject) if x)
        yield MentorPage(
            portal, f"mentors/{person.id}.md", f"mentors/{person.id}/", person.display_name, description,
            person=person, practices=practices,
        )  # fmt: skip
    yield honor_board(portal)
    yield PracticesPage(
        portal, "practices/index.md", "practices/", "Лучшие практики наставничества", f"Практики наставничества {org}"
    )
    for practice in portal.practices:
        yield PracticePage(
            portal, f"practices/{practice.id}.md", practice.url, practice.model.title, practice.model.summary,
            practice=practice,
        )  # fmt: skip
    yield library_page(portal)
    yield StatsPage(
        portal, "stats/index.md", "stats/", "Мониторинг", f"Показатели наставничества в {org}",
        years=figures_by_year(portal.figures),
    )  # fmt: skip


def upcoming(portal: Portal, days: int = UPCOMING_DAYS) -> tuple[ItemView, ...]:
    """Items of the current roadmap that start (or recur) within ``days`` of the build date."""
    roadmap = portal.current_roadmap
    if roadmap is None:
        return ()
    from ..schedule import occurrences

    horizon = portal.today + dt.timedelta(days=days)
    found: list[tuple[dt.date, ItemView]] = []
    for item in roadmap.all_items():
        if item.schedule.status in {"done", "cancelled"}:
            continue
        starts = [
            start
            for period in item.schedule.periods
            for start, end in occurrences(period, roadmap.plan)
            if end >= portal.today and start <= horizon
        ]
        if starts:
            found.append((max(min(starts), portal.today), item))
    found.sort(key=lambda pair: pair[0])
    return tuple(item for _, item in found)


def mentors_page(portal: Portal) -> MentorsPage:
    by_form = tuple(
        (form.id, form.title, tuple(p for p in portal.mentors if form.id in p.forms))
        for form in portal.forms
        if any(form.id in p.forms for p in portal.mentors)
    )
    roles: dict[str, list[Person]] = defaultdict(list)
    for person in portal.mentors:
        roles[person.role_label].append(person)
    return MentorsPage(
        portal, "mentors/index.md", "mentors/", "Наши наставники",
        f"Наставники {portal.organization.short_name}", by_form=by_form,
        by_role=tuple((label, tuple(people)) for label, people in roles.items()),
    )  # fmt: skip


def honor_board(portal: Portal) -> HonorBoardPage:
    grouped: dict[int, dict[str, list[HonorView]]] = defaultdict(lambda: defaultdict(list))
    for honor in portal.honors:
        grouped[honor.honor.year][honor.honor.level].append(honor)
    years = tuple(
        (
            year,
            tuple(
                (LEVEL_LABELS[level], tuple(grouped[year][level])) for level in LEVEL_ORDER if level in grouped[year]
            ),
        )
        for year in sorted(grouped, reverse=True)
    )
    return HonorBoardPage(
        portal, "honor-board/index.md", "honor-board/", "Доска почёта",
        f"Лучшие наставники {portal.organization.short_name}", years=years,
    )  # fmt: skip


def library_page(portal: Portal) -> LibraryPage:
    groups = tuple(
        (category, label, tuple(d for d in portal.library if d.model.category == category))
        for category, label in CATEGORY_LABELS.items()
        if any(d.model.category == category for d in portal.library)
    )
    return LibraryPage(
        portal, "library/index.md", "library/", "Методическая копилка",
        f"Документы о наставничестве {portal.organization.short_name}", groups=groups,
    )  # fmt: skip


def parents_blocks(portal: Portal) -> ParentsBlocks:
    return ParentsBlocks(
        portal, "parents.md", "parents/", "Родителям", "",
        consent_forms=tuple(d for d in portal.library if d.model.consent_form),
    )  # fmt: skip


def render_page(page: Page) -> str:
    """One page: safe front matter, then the template's Markdown."""
    meta = {"title": page.title, "description": " ".join(page.description.split())[:300]}
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000)
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
    page = PostPeople(portal, f"news/posts/{post_id}.md", post.url, post.title, "", post=post)
    return environment().get_template(page.template).render(page=page, portal=portal)
