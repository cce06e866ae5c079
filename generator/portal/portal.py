"""Stage 3: the Portal — one immutable object that the templates and exports read.

It is built from validated records and holds only what may be published: people appear as
:class:`~generator.rules.people.Person` (consent checked, minors by first name), every reference is
resolved, every roadmap item carries its understood periods and status for the build date.
Templates never see the raw records.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator import ru, urls
from generator.deadlines import PlanPeriod, parse_plan_period
from generator.models import (
    Document,
    Figure,
    Form,
    Honor,
    Item,
    Organization,
    Post,
    Practice,
    Program,
    Roadmap,
    Section,
)
from generator.models.labels import LABELS
from generator.portal.schedule import Progress, Schedule, progress, schedule
from generator.rules.people import ANONYMOUS, CuratorView, Person, publish_curator, publish_person, withheld_photos
from generator.rules.references import resolve_content_file
from generator.rules.validate import Records

CATEGORY_LABELS = LABELS["category"]
KIND_LABELS = LABELS["kind"]
LEVEL_LABELS = LABELS["level"]
LEVEL_ORDER = ("federal", "regional", "municipal", "school")
FILE_TYPES = {
    ".pdf": "PDF",
    ".doc": "DOC",
    ".docx": "DOCX",
    ".xls": "XLS",
    ".xlsx": "XLSX",
    ".odt": "ODT",
    ".ods": "ODS",
    ".ppt": "PPT",
    ".pptx": "PPTX",
    ".rtf": "RTF",
    ".txt": "TXT",
    ".zip": "ZIP",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
}


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
    uid: str  # stable across builds and insertions: roadmap id + the editor's id or a hash (see _ItemKeys)
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


@dataclass(frozen=True)
class Portal:
    """Everything a build publishes, resolved and consent-checked."""

    today: dt.date
    last_changed: dt.date
    program: Program
    organization: Organization
    forms: tuple[Form, ...]
    curators: tuple[CuratorView, ...]
    roadmaps: tuple[RoadmapView, ...]  # the current one first, then the archive, newest first
    mentors: tuple[Person, ...]
    mentors_total: int  # everyone in data/mentors, published or not (a count is not personal data)
    practices: tuple[PracticeView, ...]
    library: tuple[DocumentView, ...]
    news: tuple[PostView, ...]  # newest first, drafts left out
    honors: tuple[HonorView, ...]
    figures: tuple[Figure, ...]
    forms_by_id: dict[str, Form] = field(default_factory=dict)
    site_url: str = ""  # ``site_url`` of mkdocs.yml: absolute links in calendars, the webcal:// subscription
    withheld_files: frozenset[str] = frozenset()  # photos of people who did not consent to them: not copied

    @property
    def current_roadmap(self) -> RoadmapView | None:
        return next((r for r in self.roadmaps if r.current), None)

    @property
    def archived_roadmaps(self) -> tuple[RoadmapView, ...]:
        return tuple(r for r in self.roadmaps if not r.current)

    @property
    def records(self) -> int:
        return 1 + len(self.roadmaps) + self.mentors_total + len(self.practices) + len(self.library) + len(self.news)


def build_portal(
    records: Records, content_dir: Path, today: dt.date, last_changed: dt.date, site_url: str = ""
) -> Portal:
    """Records (already validated and rule-checked) → the Portal."""
    assert records.program is not None, "validate before building the portal"
    program = records.program.model
    people = {e.id: p for e in records.mentors if (p := publish_person(e.id, e.model)) is not None}
    mentors = tuple(sorted(people.values(), key=lambda p: (p.minor, p.name)))
    news = tuple(
        sorted(
            (_post(e.id, e.model, people) for e in records.news if not e.model.draft),
            key=lambda p: (p.date, p.id),
            reverse=True,
        )
    )
    news_by_id = {p.id: p for p in news}
    library = tuple(_document(e.id, e.model, content_dir) for e in records.library)
    library_by_id = {d.id: d for d in library}
    forms_by_id = {f.id: f for f in program.forms}
    current_id = program.current_roadmap
    roadmaps = [_roadmap(e.id, e.model, e.id == current_id, today, news_by_id, library_by_id) for e in records.roadmaps]
    if current_id is None and roadmaps:
        newest = max(roadmaps, key=lambda r: (r.plan.last_year if r.plan else 0, r.id))
        roadmaps = [_as_current(r, r is newest) for r in roadmaps]
    roadmaps.sort(key=lambda r: (not r.current, -(r.plan.first_year if r.plan else 0), r.id))
    practices = tuple(
        sorted(
            (_practice(e.id, e.model, people, forms_by_id, content_dir) for e in records.practices),
            key=lambda p: (-p.model.year, p.model.title),
        )
    )
    honors = tuple(
        sorted(
            (HonorView(person, honor) for person in mentors for honor in person.honors),
            key=lambda h: (-h.honor.year, LEVEL_ORDER.index(h.honor.level), h.person.name),
        )
    )
    return Portal(
        today=today,
        last_changed=last_changed,
        program=program,
        organization=program.organization,
        forms=program.forms,
        curators=tuple(publish_curator(c) for c in program.curators),
        roadmaps=tuple(roadmaps),
        mentors=mentors,
        mentors_total=len(records.mentors),
        practices=practices,
        library=library,
        news=news,
        honors=honors,
        figures=records.monitoring.model.figures if records.monitoring else (),
        forms_by_id=forms_by_id,
        site_url=site_url,
        withheld_files=withheld_photos((e.model for e in records.mentors), mentors, content_dir),
    )


def _post(post_id: str, post: Post, people: dict[str, Person]) -> PostView:
    date = post.date.date() if isinstance(post.date, dt.datetime) else post.date
    return PostView(
        id=post_id,
        title=post.title,
        date=date,
        url=urls.url("news", post_id),
        categories=post.categories,
        description=post.description,
        image=post.image,
        image_alt=post.image_alt or "",
        mentors=tuple(AuthorRef(people.get(mentor)) for mentor in post.mentors),
    )


def _document(doc_id: str, doc: Document, content_dir: Path) -> DocumentView:
    href, external, file_type, size = _file_info(doc.file, doc.url, content_dir)
    return DocumentView(
        id=doc_id,
        model=doc,
        href=href,
        external=external,
        file_type=file_type,
        size=size,
        category_label=CATEGORY_LABELS[doc.category],
        kind_label=KIND_LABELS[doc.kind],
    )


def _file_info(file: str | None, url: str | None, content_dir: Path) -> tuple[str, bool, str | None, int | None]:
    """(href, external, «PDF», size in bytes) of a file in ``content/`` or an external URL."""
    if file:
        path = resolve_content_file(content_dir, file)
        size = path.stat().st_size if path is not None and path.is_file() else None
        suffix = Path(file).suffix.lower()
        file_type = FILE_TYPES.get(suffix) or (mimetypes.guess_extension(suffix) or suffix).lstrip(".").upper() or None
        return file, False, file_type, size
    assert url is not None
    suffix = Path(url.split("?")[0]).suffix.lower()
    return url, True, FILE_TYPES.get(suffix), None


def _practice(
    practice_id: str, practice: Practice, people: dict[str, Person], forms: dict[str, Form], content_dir: Path
) -> PracticeView:
    files = []
    for attachment in practice.files:
        href, external, file_type, size = _file_info(attachment.file, attachment.url, content_dir)
        label = ", ".join(x for x in (file_type, ru.file_size(size) if size is not None else None) if x)
        files.append(DocumentLink(attachment.title, href, external, label))
    return PracticeView(
        id=practice_id,
        model=practice,
        url=urls.url("practices", practice_id),
        authors=tuple(AuthorRef(people.get(author)) for author in practice.authors),
        form=forms.get(practice.form) if practice.form else None,
        files=tuple(files),
    )


def _roadmap(
    roadmap_id: str,
    roadmap: Roadmap,
    current: bool,
    today: dt.date,
    news: dict[str, PostView],
    library: dict[str, DocumentView],
) -> RoadmapView:
    plan = parse_plan_period(roadmap.period, roadmap.period_kind)
    keys = _ItemKeys(roadmap_id)

    def item_view(item: Item, heading: str | None) -> ItemView:
        uid, anchor = keys.next(item, heading)
        return ItemView(
            uid=uid,
            anchor=anchor,
            item=item,
            schedule=schedule(item, plan, today),
            news=tuple(news[n] for n in item.news if n in news),
            library=tuple(library[d] for d in item.library if d in library),
        )

    def section_view(section: Section, level: int, path: str, parent: str) -> SectionView:
        heading = " / ".join(h for h in (parent, section.heading or section.title or section.number or "") if h)
        items = tuple(item_view(item, heading) for item in section.items)
        subs = tuple(section_view(s, level + 1, f"{path}-{i + 1}", heading) for i, s in enumerate(section.sections))
        every = items + tuple(i for s in subs for i in s.all_items())
        return SectionView(section, level, f"razdel-{path}", items, subs, progress(i.schedule.status for i in every))

    sections = tuple(section_view(s, 1, str(i + 1), "") for i, s in enumerate(roadmap.sections))
    tables = tuple(
        ExtraTableView(table.title, table.columns, tuple(item_view(item, table.title) for item in table.items))
        for table in roadmap.extra_tables
    )
    every = tuple(i for s in sections for i in s.all_items()) + tuple(i for t in tables for i in t.items)
    return RoadmapView(
        id=roadmap_id,
        model=roadmap,
        url=urls.url("roadmap") if current else urls.url("roadmap", roadmap_id),
        current=current,
        plan=plan,
        sections=sections,
        extra_tables=tables,
        progress=progress(i.schedule.status for i in every),
    )


def _as_current(roadmap: RoadmapView, current: bool) -> RoadmapView:
    return replace(roadmap, current=current, url=urls.url("roadmap") if current else urls.url("roadmap", roadmap.id))


class _ItemKeys:
    """Keys that survive edits around an item, so calendar UIDs and links do not move.

    The editor's ``id`` when given; else a hash of the section heading (the path for nested
    sections, the table title for extra tables), the number and the activity. Inserting or
    removing another item changes nothing; editing the item's own heading, number or title gives
    it a new key. Exact duplicates get ``-2``, ``-3`` in the order they stand.
    """

    def __init__(self, roadmap_id: str):
        self.roadmap_id = roadmap_id
        self.seen: Counter[str] = Counter()

    def next(self, item: Item, heading: str | None) -> tuple[str, str]:
        """(uid, anchor) of the next item."""
        local = item.id or "h" + item_hash(heading, item)
        self.seen[local] += 1
        if self.seen[local] > 1:
            local = f"{local}-{self.seen[local]}"
        return f"{self.roadmap_id}-{local}", f"item-{local}"


def item_hash(heading: str | None, item: Item) -> str:
    """Ten hex digits of SHA-1 over the section heading, the number and the activity (or its sub-points)."""
    activity = item.title or "\n".join(item.details)
    text = "\x1f".join((heading or "", item.number or "", activity))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def figures_by_year(figures: tuple[Figure, ...]) -> dict[str, dict[str, Figure]]:
    grouped: dict[str, dict[str, Figure]] = defaultdict(dict)
    for figure in figures:
        grouped[figure.year][figure.form] = figure
    return dict(sorted(grouped.items()))
