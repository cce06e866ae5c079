"""Rules across records: references, duplicates, consent, files. All problems are collected.

The models check one file at a time; here the records are checked against each other and
against the files in ``content/``, each problem pointing at the line that holds the bad value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator import urls
from generator.errors import Problems
from generator.models import Item, Mentor, Roadmap, Section
from generator.models.common import Consent
from generator.project import ORGANIZATIONS
from generator.rules.images import check_images
from generator.rules.people import ANONYMOUS, has_consent, split_name
from generator.rules.validate import Entry, Records
from generator.sources.content_pages import check_content_pages, check_links
from generator.sources.yaml_parse import Loc
from generator.translit import spellings

FORM = "форма наставничества «{}» не найдена"
MENTOR = "наставник «{}» не найден"
DOCUMENT = "документ «{}» не найден"
POST = "новость «{}» не найдена"
ROADMAP = "дорожная карта «{}» не найдена"


@dataclass(frozen=True)
class Context:
    """Where the portal lives and which date the build is for."""

    root: Path
    content_dir: Path
    today: dt.date
    data_dir: Path | None = None  # ``data/`` unless an organization of a district: ``data/organizations/<org>/``

    @property
    def data(self) -> str:
        """``data/`` (or ``data/organizations/<org>/``) as written in messages."""
        return _label(self.root, self.data_dir or self.root / "data")

    @property
    def content(self) -> str:
        """``content/`` (or ``content/organizations/<org>/``) as written in messages."""
        return _label(self.root, self.content_dir)

    @property
    def others(self) -> tuple[Path, ...]:
        """Folders of ``content/`` checked elsewhere: a district's organizations check their own."""
        own_data = self.data_dir is None or self.data_dir == self.root / "data"
        organizations = self.content_dir / ORGANIZATIONS
        return (organizations,) if own_data and (self.root / "data" / ORGANIZATIONS).is_dir() else ()


def _label(root: Path, folder: Path) -> str:
    try:
        return folder.relative_to(root).as_posix() + "/"
    except ValueError:
        return folder.as_posix() + "/"


def check_rules(records: Records, ctx: Context, problems: Problems) -> None:
    """Every cross-record rule, in one pass each."""
    _duplicate_ids(records, problems)
    form_ids = _form_ids(records, problems)
    mentor_ids = {e.id for e in records.mentors}
    library_ids = {e.id for e in records.library}
    news_ids = {e.id for e in records.news}
    _current_roadmap(records, ctx, problems)
    _consents(records, ctx, problems)
    for entry in records.mentors:
        _refs(entry, ("forms",), entry.model.forms, form_ids, FORM, "program.yaml → forms", problems)
        if entry.model.photo:
            _file(entry, ("photo",), entry.model.photo, ctx, problems)
    for practice in records.practices:
        model = practice.model
        _refs(practice, ("authors",), model.authors, mentor_ids, MENTOR, f"{ctx.data}mentors/", problems)
        if model.form:
            _refs(practice, (), (model.form,), form_ids, FORM, "program.yaml → forms", problems, "form")
        for index, attachment in enumerate(model.files):
            _file_or_url(practice, ("files", index), attachment.file, attachment.url, ctx, problems)
    for document in records.library:
        _refs(document, ("forms",), document.model.forms, form_ids, FORM, "program.yaml → forms", problems)
        _file_or_url(document, (), document.model.file, document.model.url, ctx, problems)
    for post in records.news:
        _refs(post, ("mentors",), post.model.mentors, mentor_ids, MENTOR, f"{ctx.data}mentors/", problems)
        if post.model.image:
            _file(post, ("image",), post.model.image, ctx, problems)
    if records.monitoring is not None:
        for index, figure in enumerate(records.monitoring.model.figures):
            loc: Loc = ("figures", index, "form")
            if figure.form not in form_ids:
                _unknown(records.monitoring, loc, figure.form, FORM, "program.yaml → forms", problems)
    if records.program is not None and records.program.model.organization.logo:
        _file(records.program, ("organization", "logo"), records.program.model.organization.logo, ctx, problems)
    for roadmap in records.roadmaps:
        for loc, item in walk_items(roadmap.model):
            _refs(roadmap, (*loc, "library"), item.library, library_ids, DOCUMENT, f"{ctx.data}library/", problems)
            _refs(roadmap, (*loc, "news"), item.news, news_ids, POST, f"{ctx.content}news/posts/", problems)
    _anonymous_references(records, problems)
    _minor_ids(records, problems)
    _content(ctx, problems)


def _content(ctx: Context, problems: Problems) -> None:
    """The editors' own pages and files: front matter within limits, images within size."""
    check_links(ctx.root, ctx.content_dir, problems, ctx.others)
    check_content_pages(ctx.root, ctx.content_dir, problems, ctx.others)
    check_images(ctx.root, ctx.content_dir, problems, ctx.others)


def _anonymous_references(records: Records, problems: Problems) -> None:
    """A practice's author or a post's participant without consent is shown as «наставник»: say where."""
    withheld = {e.id: e.doc.path for e in records.mentors if not has_consent(e.model)}
    places: list[tuple[Entry, str, tuple[str, ...], str]] = [
        (p, "authors", p.model.authors, urls.url("practices", p.id)) for p in records.practices
    ]
    places += [(p, "mentors", p.model.mentors, urls.url("news", p.id)) for p in records.news if not p.model.draft]
    for entry, key, ids, url in places:
        for index, mentor_id in enumerate(ids):
            if mentor_id in withheld:
                problems.notice(  # the data is right; --strict must not fail on it
                    entry.doc.path,
                    entry.doc.line_of((key, index)),
                    f"у «{mentor_id}» нет согласия на публикацию имени: на странице {url} "
                    f"вместо имени будет написано «{ANONYMOUS}»",
                    f"так и должно быть без согласия; чтобы показать имя, внесите согласие в {withheld[mentor_id]}",
                )


def _minor_ids(records: Records, problems: Problems) -> None:
    """The file name of a published pupil becomes the address of their page: it must not spell the surname."""
    for entry in records.mentors:
        if not (entry.model.is_minor and has_consent(entry.model)):
            continue
        name = split_name(entry.doc.path, entry.model.name, entry.model.first_name)
        for word in (name.surname, name.patronymic):
            if word and any(variant in entry.id for variant in spellings(word)):
                problems.error(
                    entry.doc.path,
                    None,
                    f"имя файла «{entry.id}» содержит фамилию или отчество ученика латиницей — "
                    f"адрес страницы {urls.url('mentors', entry.id)} раскрыл бы их",
                    "переименуйте файл по имени и классу, например pupil-artem-9b.yaml, и поправьте ссылки на него",
                )
                break


def walk_items(roadmap: Roadmap) -> Iterator[tuple[Loc, Item]]:
    """Every item of a roadmap with its location in the YAML, sections first, then extra tables."""

    def walk(sections: Iterable[Section], loc: Loc) -> Iterator[tuple[Loc, Item]]:
        for s_index, section in enumerate(sections):
            section_loc = (*loc, "sections", s_index)
            for i_index, item in enumerate(section.items):
                yield (*section_loc, "items", i_index), item
            yield from walk(section.sections, section_loc)

    yield from walk(roadmap.sections, ())
    for t_index, table in enumerate(roadmap.extra_tables):
        for i_index, item in enumerate(table.items):
            yield ("extra_tables", t_index, "items", i_index), item


def _duplicate_ids(records: Records, problems: Problems) -> None:
    """Two files with one stem (``a.yaml`` and ``a.yml`` or ``a.md``) would share a URL."""
    for group in (records.roadmaps, records.mentors, records.practices, records.library, records.news):
        seen: dict[str, str] = {}
        for entry in group:
            if entry.id in seen:
                problems.error(
                    entry.doc.path,
                    None,
                    f"идентификатор «{entry.id}» уже занят файлом {seen[entry.id]}",
                    "переименуйте один из файлов",
                )
            seen.setdefault(entry.id, entry.doc.path)


def _form_ids(records: Records, problems: Problems) -> set[str]:
    if records.program is None:
        return set()
    ids: set[str] = set()
    for index, form in enumerate(records.program.model.forms):
        if form.id in ids:
            problems.error(
                records.program.doc.path,
                records.program.doc.line_of(("forms", index, "id")),
                f"форма «{form.id}» описана дважды",
                "у каждой формы свой идентификатор id",
            )
        ids.add(form.id)
    return ids


def _current_roadmap(records: Records, ctx: Context, problems: Problems) -> None:
    program = records.program
    if program is None or program.model.current_roadmap is None:
        return
    ids = {e.id for e in records.roadmaps}
    if program.model.current_roadmap not in ids:
        _unknown(
            program, ("current_roadmap",), program.model.current_roadmap, ROADMAP, f"{ctx.data}roadmaps/", problems
        )


def _consents(records: Records, ctx: Context, problems: Problems) -> None:
    for entry in records.mentors:
        _consent(entry, ("consent",), entry.model.consent, entry.model, ctx, problems)
    if records.program is not None:
        for index, curator in enumerate(records.program.model.curators):
            _consent(records.program, ("curators", index, "consent"), curator.consent, None, ctx, problems)


def _consent(entry: Entry, loc: Loc, consent: Consent, person: Mentor | None, ctx: Context, problems: Problems) -> None:
    path, line = entry.doc.path, entry.doc.line_of(loc)
    if not consent.publish:
        return
    if consent.date is None:
        problems.error(
            path,
            line,
            "согласие на публикацию без даты",
            "укажите дату письменного согласия: consent: {publish: true, date: 2025-09-01}; без неё человек не публикуется",
        )
    elif consent.date > ctx.today:
        problems.error(
            path,
            entry.doc.line_of((*loc, "date")),
            f"дата согласия {consent.date:%d.%m.%Y} ещё не наступила",
            "укажите дату, когда согласие было подписано",
        )
    if person is not None and person.is_minor:
        if consent.by != "parent":
            problems.error(
                path,
                entry.doc.line_of((*loc, "by")) or line,
                "несовершеннолетний публикуется только с согласия родителя (законного представителя)",
                "укажите consent: {by: parent} и дату согласия родителя, или publish: false",
            )
        if person.class_name is None:
            problems.warning(
                path,
                line,
                "у ученика не указан класс",
                "добавьте class: 7Б — ученики показываются по имени и классу",
            )


def _refs(
    entry: Entry,
    loc: Loc,
    values: Iterable[str],
    known: set[str],
    what: str,
    where: str,
    problems: Problems,
    key: str | None = None,
) -> None:
    for index, value in enumerate(values):
        value_loc = (*loc, key) if key is not None else (*loc, index)
        if value not in known:
            _unknown(entry, value_loc, value, what, where, problems)


def _unknown(entry: Entry, loc: Loc, value: str, what: str, where: str, problems: Problems) -> None:
    problems.error(
        entry.doc.path,
        entry.doc.line_of(loc),
        what.format(value),
        f"проверьте написание или добавьте запись в {where}",
    )


def _file_or_url(entry: Entry, loc: Loc, file: str | None, url: str | None, ctx: Context, problems: Problems) -> None:
    if file and url:
        problems.error(
            entry.doc.path, entry.doc.line_of(loc), "указаны и файл, и ссылка", "оставьте что-то одно: file или url"
        )
    elif not file and not url:
        problems.error(
            entry.doc.path,
            entry.doc.line_of(loc),
            "не указан ни файл, ни ссылка",
            f"добавьте file: files/имя.pdf (файл в {ctx.content}files/) или url: https://…",
        )
    elif file:
        _file(entry, (*loc, "file"), file, ctx, problems)


def _file(entry: Entry, loc: Loc, rel: str, ctx: Context, problems: Problems) -> None:
    path, line = entry.doc.path, entry.doc.line_of(loc)
    if ":" in rel or rel.startswith(("#", "?")):
        problems.error(
            path,
            line,
            f"путь к файлу «{rel}» содержит двоеточие или начинается с # или ?",
            "такой путь браузер понял бы как адрес сайта; переименуйте файл латинскими буквами, цифрами и дефисом",
        )
        return
    target = resolve_content_file(ctx.content_dir, rel)
    if target is None:
        problems.error(
            path,
            line,
            f"файл «{rel}» ведёт за пределы папки {ctx.content}",
            f"положите файл в {ctx.content}files/ и укажите путь files/…",
        )
    elif not target.is_file():
        problems.error(
            path,
            line,
            f"файл «{rel}» не найден в папке {ctx.content}",
            f"проверьте имя файла (регистр букв важен) или загрузите его в {ctx.content}files/",
        )


def resolve_content_file(content_dir: Path, rel: str) -> Path | None:
    """``content_dir / rel`` with symlinks resolved, or None when it would leave ``content_dir``."""
    base = content_dir.resolve()
    target = (base / rel).resolve()
    if target != base and base not in target.parents:
        return None
    return target
