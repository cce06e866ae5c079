"""What a parent needs to join: the steps with their documents or forms, and where an application goes.

A static site keeps no personal data: an application goes to a form the school already uses or to a
prepared e-mail, and :class:`ApplicationView` says in plain words where the data ends up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from generator.models import Application, JoinStep, Program
from generator.portal.views import DocumentView

FileInfo = Callable[[str | None, str | None], tuple[str, bool, str | None, int | None]]
"""(file, url) → (href, external, «PDF», size in bytes)."""


@dataclass(frozen=True)
class JoinStepView:
    text: str
    href: str | None = None  # a file in content/ or an external address
    link_text: str | None = None
    external: bool = False
    type_and_size: str = ""  # «DOCX, 24 КБ»


@dataclass(frozen=True)
class ApplicationView:
    form_url: str | None
    form_host: str | None  # «forms.example.ru»: where the form's data goes
    form_owner: str | None
    email: str | None
    mailto: str | None  # mailto: with the subject and body filled in

    @property
    def where(self) -> str:
        """One plain sentence on where the applicant's data goes."""
        parts = []
        if self.form_url:
            owner = f" ({self.form_owner})" if self.form_owner else ""
            parts.append(f"Анкета заявки откроется на сайте {self.form_host}{owner}: ответы получит школа.")
        if self.email:
            parts.append(f"Письмо уйдёт из вашей почты на адрес {self.email}; отправить его или нет — решаете вы.")
        parts.append("Этот сайт ваших данных не получает и не хранит.")
        return " ".join(parts)


def join_steps(
    program: Program, library: Mapping[str, DocumentView], file_info: FileInfo, file_size: Callable[[int], str]
) -> tuple[JoinStepView, ...]:
    """The steps of «Как стать участником», each with the link to its document or form when it has one."""
    return tuple(_step(step, library, file_info, file_size) for step in program.join_steps)


def _step(
    step: JoinStep, library: Mapping[str, DocumentView], file_info: FileInfo, file_size: Callable[[int], str]
) -> JoinStepView:
    if step.library and step.library in library:
        doc = library[step.library]
        return JoinStepView(step.text, doc.href, step.link_text or doc.model.title, doc.external, doc.type_and_size)
    if step.file or step.url:
        href, external, file_type, size = file_info(step.file, step.url)
        label = ", ".join(x for x in (file_type, file_size(size) if size is not None else None) if x)
        return JoinStepView(
            step.text, href, step.link_text or ("Открыть форму" if external else "Скачать"), external, label
        )
    return JoinStepView(step.text)


def application(app: Application | None) -> ApplicationView | None:
    if app is None or not (app.form_url or app.email):
        return None
    mailto = None
    if app.email:
        query = f"subject={quote(app.subject)}"
        if app.body:
            query += f"&body={quote(app.body.replace(chr(10), chr(13) + chr(10)))}"
        mailto = f"mailto:{app.email}?{query}"
    host = urlsplit(app.form_url).hostname if app.form_url else None
    return ApplicationView(app.form_url, host, app.form_owner, app.email, mailto)
