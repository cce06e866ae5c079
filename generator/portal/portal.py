"""Stage 3: the Portal — one immutable object that the templates and exports read.

It is built from validated records and holds only what may be published: people appear as
:class:`~generator.rules.people.Person` (consent checked, minors by first name), every reference is
resolved, every roadmap item carries its understood periods and status for the build date.
Templates never see the raw records. Here: the Portal, :func:`build_portal` and the views of posts,
documents and practices it makes; the view classes are in :mod:`.views`, a roadmap's in :mod:`.roadmaps`.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator import ru, urls
from generator.models import Document, Figure, Form, Organization, Post, Practice, Program
from generator.parallel import Background
from generator.portal.parents import ApplicationView, JoinStepView, application, join_steps
from generator.portal.roadmaps import as_current, build_roadmap
from generator.portal.shares import ShareRow, share_rows
from generator.portal.views import (
    CATEGORY_LABELS,
    KIND_LABELS,
    LEVEL_ORDER,
    AuthorRef,
    DocumentLink,
    DocumentView,
    HonorView,
    PostView,
    PracticeView,
    RoadmapView,
)
from generator.rules.files import resolve_content_file
from generator.rules.people import CuratorView, Person, publish_curator, publish_person, withheld_photos
from generator.rules.validate import Records

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
    join_steps: tuple[JoinStepView, ...] = ()  # «Как стать участником», each step with its document or form
    application: ApplicationView | None = None  # where an application goes (the site keeps nothing)
    shares_job: Background[tuple[ShareRow, ...]] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def shares(self) -> tuple[ShareRow, ...]:
        """Each group's share involved, every year (pandas, computed on the second core since the Portal was made)."""
        return self.shares_job.result() if self.shares_job is not None else ()

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
    curators = [(c, publish_curator(c)) for c in program.curators]
    current_id = program.current_roadmap
    roadmaps = [
        build_roadmap(e.id, e.model, e.id == current_id, today, news_by_id, library_by_id) for e in records.roadmaps
    ]
    if current_id is None and roadmaps:
        newest = max(roadmaps, key=lambda r: (r.plan.last_year if r.plan else 0, r.id))
        roadmaps = [as_current(r, r is newest) for r in roadmaps]
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
        curators=tuple(view for _, view in curators),
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
        withheld_files=withheld_photos((e.model for e in records.mentors), mentors, content_dir, curators),
        join_steps=join_steps(
            program, library_by_id, lambda file, url: _file_info(file, url, content_dir), ru.file_size
        ),
        application=application(program.application),
        shares_job=Background(share_rows, program.coverage) if program.coverage else None,
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


def figures_by_year(figures: tuple[Figure, ...]) -> dict[str, dict[str, Figure]]:
    grouped: dict[str, dict[str, Figure]] = defaultdict(dict)
    for figure in figures:
        grouped[figure.year][figure.form] = figure
    return dict(sorted(grouped.items()))
