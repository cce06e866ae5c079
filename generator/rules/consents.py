"""The consent rules across records: who may be published, by whose consent and since when.

A published person needs a dated consent (a pupil's from a parent); a practice's author or a post's
participant without consent is shown as «наставник» (a notice says where), and a published pupil's
file name — the address of their page — must not spell their surname.
"""

from __future__ import annotations

from generator import urls
from generator.errors import Problems
from generator.models import Mentor
from generator.models.common import Consent
from generator.rules.context import Context
from generator.rules.people import ANONYMOUS, has_consent, split_name
from generator.rules.validate import Entry, Records
from generator.sources.yaml_parse import Loc
from generator.translit import spellings


def check_consents(records: Records, ctx: Context, problems: Problems) -> None:
    """The consents of mentors and curators: dated, not in the future, a parent's for a pupil."""
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


def check_anonymous_references(records: Records, problems: Problems) -> None:
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


def check_minor_ids(records: Records, problems: Problems) -> None:
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
