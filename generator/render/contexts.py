"""The typed contexts of the page templates: one frozen dataclass a page, built in :mod:`.pages`.

A template sees ``page`` (its context) and ``portal``; nothing else. Every field is typed, so a
template that reads a missing value fails the build (``StrictUndefined``) instead of printing nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from generator.portal.portal import Portal
from generator.portal.shares import ShareRow
from generator.portal.views import DocumentView, HonorView, ItemView, PostView, PracticeView, RoadmapView
from generator.render.charts import BarChart
from generator.render.env import relative_url
from generator.render.publish import Subscription
from generator.render.timeline import Timeline
from generator.rules.people import Person


@dataclass(frozen=True, kw_only=True)
class Page:
    """What every page template gets: the portal, where the page is, its title, description and image."""

    portal: Portal
    src: str  # ``mentors/index.md``
    url: str  # ``mentors/``
    title: str
    description: str
    image: str | None = None  # site path of the page's picture for link previews (``og:image``)
    template: ClassVar[str] = ""

    def href(self, target: str) -> str:
        """A relative link from this page to a site path (``mentors/ivanova/``, ``files/x.pdf``)."""
        return relative_url(target, self.url)


@dataclass(frozen=True)
class KeyFigure:
    value: int
    label: str  # the noun in the right form for ``value``: «наставника»
    note: str = ""  # «в 2026-2027 учебном году»


@dataclass(frozen=True)
class Upcoming:
    item: ItemView
    start: dt.date  # the first day of its nearest occurrence
    ongoing: bool  # already under way on the build date


@dataclass(frozen=True, kw_only=True)
class HomePage(Page):
    figures: tuple[KeyFigure, ...] = ()
    upcoming: tuple[Upcoming, ...] = ()
    latest_news: tuple[PostView, ...] = ()
    template: ClassVar[str] = "pages/home.md.j2"

    @property
    def starting(self) -> tuple[Upcoming, ...]:
        return tuple(u for u in self.upcoming if not u.ongoing)

    @property
    def ongoing(self) -> tuple[Upcoming, ...]:
        return tuple(u for u in self.upcoming if u.ongoing)


@dataclass(frozen=True, kw_only=True)
class RoadmapPage(Page):
    roadmap: RoadmapView | None = None
    timeline: Timeline | None = None
    subscription: Subscription | None = None  # the current roadmap only: its exports are the site's files
    template: ClassVar[str] = "pages/roadmap.md.j2"


@dataclass(frozen=True)
class FilterOption:
    value: str  # a form id or a role
    label: str
    count: int


@dataclass(frozen=True, kw_only=True)
class MentorsPage(Page):
    people: tuple[Person, ...] = ()
    forms: tuple[FilterOption, ...] = ()
    roles: tuple[FilterOption, ...] = ()
    empty: tuple[tuple[str, str], ...] = ()  # (form, role) pairs nobody matches; "" means «все»
    template: ClassVar[str] = "pages/mentors.md.j2"


@dataclass(frozen=True, kw_only=True)
class MentorPage(Page):
    person: Person
    practices: tuple[PracticeView, ...] = ()
    template: ClassVar[str] = "pages/mentor.md.j2"


@dataclass(frozen=True)
class HonorLevel:
    label: str
    honors: tuple[HonorView, ...]


@dataclass(frozen=True)
class HonorYear:
    year: int
    levels: tuple[HonorLevel, ...]


@dataclass(frozen=True, kw_only=True)
class HonorBoardPage(Page):
    years: tuple[HonorYear, ...] = ()
    template: ClassVar[str] = "pages/honor_board.md.j2"


@dataclass(frozen=True, kw_only=True)
class PracticesPage(Page):
    practices: tuple[PracticeView, ...] = ()
    template: ClassVar[str] = "pages/practices.md.j2"


@dataclass(frozen=True, kw_only=True)
class PracticePage(Page):
    practice: PracticeView
    template: ClassVar[str] = "pages/practice.md.j2"


@dataclass(frozen=True)
class LibraryGroup:
    id: str  # the anchor: ``normativnye``, ``federal``, ``forms``
    title: str
    documents: tuple[DocumentView, ...] = ()
    subgroups: tuple[LibraryGroup, ...] = ()

    @property
    def count(self) -> int:
        return len(self.documents) + sum(group.count for group in self.subgroups)


@dataclass(frozen=True, kw_only=True)
class LibraryPage(Page):
    groups: tuple[LibraryGroup, ...] = ()
    template: ClassVar[str] = "pages/library.md.j2"


@dataclass(frozen=True)
class FormRow:
    title: str
    mentors: int
    mentees: int
    pairs: int


@dataclass(frozen=True)
class YearFigures:
    year: str  # «2026-2027»
    rows: tuple[FormRow, ...]
    total: FormRow


@dataclass(frozen=True, kw_only=True)
class StatsPage(Page):
    roadmap: RoadmapView | None = None
    status_chart: BarChart | None = None
    section_chart: BarChart | None = None
    years: tuple[YearFigures, ...] = ()  # oldest first
    form_charts: tuple[BarChart, ...] = ()  # the latest year, by form
    year_chart: BarChart | None = None
    shares: tuple[ShareRow, ...] = ()  # the latest year's share of each group involved, against its target
    share_years: tuple[ShareRow, ...] = ()  # every year, oldest first
    downloads: tuple[tuple[str, str, str], ...] = ()  # (file, «XLSX», label) of the monitoring tables
    template: ClassVar[str] = "pages/stats.md.j2"


@dataclass(frozen=True, kw_only=True)
class ParentsBlocks(Page):
    consent_forms: tuple[DocumentView, ...] = ()
    methodology: DocumentView | None = None  # the library's Р-145, linked as the glossary's source
    template: ClassVar[str] = "pages/parents_blocks.md.j2"


@dataclass(frozen=True)
class PostPeople(Page):
    """The line under a news post naming its people (``mentors:`` in the front matter), consent applied."""

    post: PostView | None = None
    template: ClassVar[str] = "partials/_post_people.html.j2"
