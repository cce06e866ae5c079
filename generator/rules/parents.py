"""The rules of the parents' path and of the coverage figures: every step's document or form exists, an application has somewhere to go,
a curator's photo is a file in ``content/``."""

from __future__ import annotations

from generator.errors import Problems
from generator.rules.context import Context
from generator.rules.files import check_file
from generator.rules.validate import Records


def check_parents(records: Records, ctx: Context, problems: Problems) -> None:
    program = records.program
    if program is None:
        return
    model = program.model
    library = {e.id: e for e in records.library}
    for index, curator in enumerate(model.curators):
        if curator.photo:
            check_file(program, ("curators", index, "photo"), curator.photo, ctx, problems)
    for index, step in enumerate(model.join_steps):
        loc = ("join_steps", index)
        links = [key for key in ("library", "file", "url") if getattr(step, key)]
        if len(links) > 1:
            problems.error(
                program.doc.path,
                program.doc.line_of(loc),
                f"у шага «{step.text}» указано несколько ссылок: {', '.join(links)}",
                "оставьте одну: library (документ копилки), file (файл в content/) или url (адрес формы)",
            )
        if step.library:
            document = library.get(step.library)
            if document is None:
                problems.error(
                    program.doc.path,
                    program.doc.line_of((*loc, "library")),
                    f"документ «{step.library}» для шага «{step.text}» не найден",
                    f"проверьте написание или добавьте документ в {ctx.data}library/",
                )
            elif document.model.file:  # the document's own check names its line; this one names the step's
                check_file(program, (*loc, "library"), document.model.file, ctx, problems)
        if step.file:
            check_file(program, (*loc, "file"), step.file, ctx, problems)
    app = model.application
    if app is not None and not (app.form_url or app.email):
        problems.error(
            program.doc.path,
            program.doc.line_of(("application",)),
            "у заявки на участие нет ни адреса формы, ни почты — заявку некуда отправить",
            "укажите application: {form_url: https://…} или {email: …}, или удалите блок application",
        )


def check_coverage(records: Records, problems: Problems) -> None:
    """Each group's «involved» is part of its «total»; a school year is given once."""
    program = records.program
    if program is None:
        return
    seen: set[str] = set()
    for index, coverage in enumerate(program.model.coverage):
        if coverage.year in seen:
            problems.error(
                program.doc.path,
                program.doc.line_of(("coverage", index, "year")),
                f"охват за {coverage.year} учебный год указан дважды",
                "оставьте одну запись на учебный год",
            )
        seen.add(coverage.year)
        for key in ("pupils", "teachers", "young_specialists"):
            group = getattr(coverage, key)
            if group is not None and group.involved > group.total:
                problems.error(
                    program.doc.path,
                    program.doc.line_of(("coverage", index, key, "involved")),
                    f"участвуют {group.involved}, а всего {group.total} ({coverage.year}, {key})",
                    "участвующих не может быть больше, чем всего: проверьте числа involved и total",
                )
    for index, survey in enumerate(program.model.surveys):
        if survey.satisfied > survey.respondents:
            problems.error(
                program.doc.path,
                program.doc.line_of(("surveys", index, "satisfied")),
                f"довольны {survey.satisfied}, а ответили {survey.respondents} («{survey.title}», {survey.year})",
                "довольных не может быть больше, чем ответивших: проверьте satisfied и respondents",
            )
