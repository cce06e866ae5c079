"""Rules across records: references, duplicates, consent, files. All problems are collected.

The models check one file at a time; here the records are checked against each other and
against the files in ``content/``, each problem pointing at the line that holds the bad value.
:func:`check_rules` runs every rule; the references and duplicate ids are checked here, consent in
:mod:`.consents`, files and the editors' own pages in :mod:`.files`, against a :class:`.context.Context`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from generator.errors import Problems
from generator.models import Item, Roadmap, Section
from generator.rules.consents import check_anonymous_references, check_consents, check_minor_ids
from generator.rules.context import Context
from generator.rules.files import check_content, check_file, check_file_or_url
from generator.rules.parents import check_coverage, check_parents
from generator.rules.signatures import check_signatures
from generator.rules.validate import Entry, Records
from generator.sources.yaml_parse import Loc

FORM = "форма наставничества «{}» не найдена"
MENTOR = "наставник «{}» не найден"
DOCUMENT = "документ «{}» не найден"
POST = "новость «{}» не найдена"
ROADMAP = "дорожная карта «{}» не найдена"


def check_rules(records: Records, ctx: Context, problems: Problems) -> None:
    """Every cross-record rule, in one pass each."""
    _duplicate_ids(records, problems)
    form_ids = _form_ids(records, problems)
    mentor_ids = {e.id for e in records.mentors}
    library_ids = {e.id for e in records.library}
    news_ids = {e.id for e in records.news}
    _current_roadmap(records, ctx, problems)
    check_consents(records, ctx, problems)
    check_parents(records, ctx, problems)
    check_coverage(records, problems)
    check_signatures(records, ctx, problems)
    for entry in records.mentors:
        _refs(entry, ("forms",), entry.model.forms, form_ids, FORM, "program.yaml → forms", problems)
        if entry.model.photo:
            check_file(entry, ("photo",), entry.model.photo, ctx, problems)
    for practice in records.practices:
        model = practice.model
        _refs(practice, ("authors",), model.authors, mentor_ids, MENTOR, f"{ctx.data}mentors/", problems)
        if model.form:
            _refs(practice, (), (model.form,), form_ids, FORM, "program.yaml → forms", problems, "form")
        for index, attachment in enumerate(model.files):
            check_file_or_url(practice, ("files", index), attachment.file, attachment.url, ctx, problems)
    for document in records.library:
        _refs(document, ("forms",), document.model.forms, form_ids, FORM, "program.yaml → forms", problems)
        check_file_or_url(document, (), document.model.file, document.model.url, ctx, problems)
    for post in records.news:
        _refs(post, ("mentors",), post.model.mentors, mentor_ids, MENTOR, f"{ctx.data}mentors/", problems)
        if post.model.image:
            check_file(post, ("image",), post.model.image, ctx, problems)
    if records.monitoring is not None:
        for index, figure in enumerate(records.monitoring.model.figures):
            loc: Loc = ("figures", index, "form")
            if figure.form not in form_ids:
                _unknown(records.monitoring, loc, figure.form, FORM, "program.yaml → forms", problems)
    if records.program is not None and records.program.model.organization.logo:
        check_file(records.program, ("organization", "logo"), records.program.model.organization.logo, ctx, problems)
    for roadmap in records.roadmaps:
        for loc, item in walk_items(roadmap.model):
            _refs(roadmap, (*loc, "library"), item.library, library_ids, DOCUMENT, f"{ctx.data}library/", problems)
            _refs(roadmap, (*loc, "news"), item.news, news_ids, POST, f"{ctx.content}news/posts/", problems)
    check_anonymous_references(records, problems)
    check_minor_ids(records, problems)
    check_content(ctx, problems)


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
