"""The views of the Portal: what the templates and exports read of each record, and the labels they show.

Each view is frozen and holds only what may be published (authors as :class:`AuthorRef`, consent
applied); a roadmap's view carries its sections, items and their schedules for the build date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator import ru
from generator.deadlines import PlanPeriod
from generator.models import Document, Form, Honor, Item, Practice, Roadmap, Section
from generator.models.labels import LABELS
from generator.portal.schedule import Progress, Schedule
from generator.rules.people import ANONYMOUS, Person

CATEGORY_LABELS = LABELS["category"]
KIND_LABELS = LABELS["kind"]
LEVEL_LABELS = LABELS["level"]
LEVEL_ORDER = ("federal", "regional", "municipal", "school")


@dataclass(frozen=True)
class PostView:
    id: str
    title: str
    date: dt.date
    url: str
    categories: tuple[str, ...]
    description: str | None
    image: str | None
    image_alt: str
    mentors: tuple[AuthorRef, ...] = ()  # the post's people (``mentors:``), consent applied


@dataclass(frozen=True)
class DocumentView:
    id: str
    model: Document
    href: str  # site path (``files/x.pdf``) or an external URL
    external: bool
    file_type: str | None  # «PDF»
    size: int | None  # bytes
    category_label: str
    kind_label: str

    @property
    def size_label(self) -> str:
        return ru.file_size(self.size) if self.size is not None else ""

    @property
    def type_and_size(self) -> str:
        """«PDF, 1,2 МБ»"""
        return ", ".join(part for part in (self.file_type, self.size_label) if part)

    @property
    def number_and_date(self) -> str:
        """«№ 45-о от 1 сентября 2025 г.»"""
        parts = []
        if self.model.number:
            parts.append(f"№ {self.model.number}")
        if self.model.date:
            parts.append(f"от {ru.date(self.model.date)}")
        return " ".join(parts)


@dataclass(frozen=True)
class ItemView:
    uid: str  # stable across builds and insertions: roadmap id + the editor's id or a hash (see roadmaps._ItemKeys)
    anchor: str
    item: Item
    schedule: Schedule
    news: tuple[PostView, ...]
    library: tuple[DocumentView, ...]

    @property
    def status(self) -> str:
        return self.schedule.status

    @property
    def when_note(self) -> str:
        """The dates as understood, when they say more than the deadline as written ('' otherwise)."""
        when = self.schedule.when if self.schedule.dated else ""
        return "" if _letters(when) == _letters(self.item.deadline or "") else when


def _letters(text: str) -> str:
    """Text without case, punctuation, spaces and «г.»: «Сентябрь 2026 г.» and «сентябрь 2026» are the same."""
    return re.sub(r"\W|г\b", "", text.lower().replace("ё", "е"))


@dataclass(frozen=True)
class SectionView:
    section: Section
    level: int
    anchor: str
    items: tuple[ItemView, ...]
    sections: tuple[SectionView, ...]
    progress: Progress

    def all_items(self) -> tuple[ItemView, ...]:
        return self.items + tuple(item for sub in self.sections for item in sub.all_items())


@dataclass(frozen=True)
class ExtraTableView:
    title: str | None
    columns: tuple[str, ...]
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class RoadmapView:
    id: str
    model: Roadmap
    url: str
    current: bool
    plan: PlanPeriod | None
    sections: tuple[SectionView, ...]
    extra_tables: tuple[ExtraTableView, ...]
    progress: Progress

    def all_items(self) -> tuple[ItemView, ...]:
        """Every item: the sections' (nested ones included), then the extra tables'."""
        in_sections = tuple(item for section in self.sections for item in section.all_items())
        return in_sections + tuple(item for table in self.extra_tables for item in table.items)


@dataclass(frozen=True)
class AuthorRef:
    """An author as shown: a published person, or «наставник» when they have not consented."""

    person: Person | None

    @property
    def name(self) -> str:
        return self.person.display_name if self.person else ANONYMOUS


@dataclass(frozen=True)
class PracticeView:
    id: str
    model: Practice
    url: str
    authors: tuple[AuthorRef, ...]
    form: Form | None
    files: tuple[DocumentLink, ...]


@dataclass(frozen=True)
class DocumentLink:
    title: str
    href: str
    external: bool
    type_and_size: str


@dataclass(frozen=True)
class HonorView:
    person: Person
    honor: Honor
