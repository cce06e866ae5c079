"""What an inspection of the «Наставничество» section asks for, checked on the Portal and the built site.

Each requirement names its source (:mod:`.sources`); one that rests on good practice rather than a rule
says so and is never more than a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator import ru
from generator.checks.audit import sources as src
from generator.portal.portal import Portal
from generator.portal.views import DocumentView
from generator.rules.files import resolve_content_file

Status = Literal["ok", "warning", "missing"]
STATUS_LABELS: dict[Status, str] = {"ok": "есть", "warning": "неполно", "missing": "нет"}


@dataclass(frozen=True)
class Finding:
    key: str
    title: str
    required: bool
    source: src.Source
    status: Status
    detail: str

    @property
    def failed(self) -> bool:
        """Something required is missing: ``audit --strict`` exits with 1."""
        return self.required and self.status == "missing"


@dataclass(frozen=True)
class Inputs:
    portal: Portal
    content_dir: Path
    site_dir: Path | None  # None when the site has not been built


Check = Callable[[Inputs], tuple[Status, str]]


def _doc(doc: DocumentView) -> str:
    return f"{doc.model.title} {doc.number_and_date}".strip()


def _documents(found: list[DocumentView], what: str, add: str) -> tuple[Status, str]:
    if not found:
        return "missing", f"{what} не найден в data/library/ — {add}"
    complete = [d for d in found if d.model.number and d.model.date]
    if not complete:
        return "warning", f"{_doc(found[0])}: не указаны номер или дата — допишите number и date"
    return "ok", "; ".join(_doc(d) for d in complete)


def polozhenie(inputs: Inputs) -> tuple[Status, str]:
    found = [d for d in inputs.portal.library if d.model.kind == "regulation" and d.model.category == "local"]
    return _documents(found, "Положение", "добавьте документ с category: local, kind: regulation")


def prikaz(inputs: Inputs) -> tuple[Status, str]:
    found = [d for d in inputs.portal.library if d.model.kind == "order" and d.model.category == "local"]
    return _documents(found, "Приказ организации", "добавьте приказ о внедрении: category: local, kind: order")


def programma(inputs: Inputs) -> tuple[Status, str]:
    found = [d for d in inputs.portal.library if d.model.kind == "program"]
    if not found:
        return "missing", "программа наставничества не найдена в data/library/ — добавьте документ с kind: program"
    return "ok", "; ".join(_doc(d) for d in found)


def roadmap(inputs: Inputs) -> tuple[Status, str]:
    current = inputs.portal.current_roadmap
    if current is None:
        return "missing", "нет текущей дорожной карты — nastavnik import ФАЙЛ --current"
    name = f"«{current.model.title}» ({current.model.period})"
    approval = current.model.approval
    if approval is None or approval.approved is None:
        return "warning", f"{name}: нет грифа «УТВЕРЖДАЮ» — впишите approval.approved (кем и каким приказом)"
    if current.plan is None:
        return "warning", f"{name}: период не распознан — укажите period"
    if current.plan.end_date < inputs.portal.today:
        return (
            "warning",
            f"{name}: период закончился {ru.date(current.plan.end_date)} — загрузите карту на новый период",
        )
    return "ok", f"{name}, утверждена; по плану до {ru.date(current.plan.end_date)}"


def curator(inputs: Inputs) -> tuple[Status, str]:
    curators = inputs.portal.curators
    reachable = [c for c in curators if c.phone or c.email]
    if not reachable:
        return "missing", "нет куратора с рабочим телефоном или почтой — добавьте curators в data/program.yaml"
    without_hours = [c for c in reachable if not c.hours]
    shown = ", ".join(c.name or c.position for c in reachable)
    if without_hours:
        return "warning", f"{shown}; не указаны часы приёма — добавьте hours и room (родители ищут, когда звонить)"
    return "ok", shown


def forms(inputs: Inputs) -> tuple[Status, str]:
    found = inputs.portal.forms
    if not found:
        return "missing", "формы наставничества не описаны — добавьте forms в data/program.yaml"
    return "ok", ", ".join(f"«{f.title}»" for f in found)


def monitoring(inputs: Inputs) -> tuple[Status, str]:
    figures = inputs.portal.figures
    if not figures:
        return "missing", "нет цифр мониторинга (наставники, наставляемые, пары) — заполните data/monitoring.yaml"
    year = max(f.year for f in figures)
    latest = [f for f in figures if f.year == year]
    mentors, mentees = sum(f.mentors for f in latest), sum(f.mentees for f in latest)
    pairs = sum(f.pairs for f in latest)
    if not (mentors or mentees or pairs):
        return "warning", f"{year}: все цифры мониторинга равны нулю — впишите число наставников, наставляемых и пар"
    return "ok", f"{year}: наставников {mentors}, наставляемых {mentees}, пар и групп {pairs} (только числа)"


def consent(inputs: Inputs) -> tuple[Status, str]:
    shown = len(inputs.portal.mentors)
    return "ok", f"проверено командой check: {shown} из {inputs.portal.mentors_total} наставников — с согласием"


def documents(inputs: Inputs) -> tuple[Status, str]:
    library = inputs.portal.library
    normative = {"local", "regional", "federal"}
    unnumbered = [d.id for d in library if d.model.category in normative and not (d.model.number and d.model.date)]
    scans = [
        d.id for d in library if not d.external and d.file_type == "PDF" and not _has_text(inputs.content_dir, d.href)
    ]
    problems = []
    if unnumbered:
        problems.append(f"нет номера или даты: {', '.join(unnumbered)} — допишите number и date")
    if scans:
        problems.append(
            f"PDF без текстового слоя (сканы): {', '.join(scans)} — их не найти поиском и не прочесть программой "
            "чтения с экрана; замените их PDF-файлами, сохранёнными из редактора (не сканами)"
        )
    if problems:
        return "warning", "; ".join(problems)
    return "ok", f"{len(inputs.portal.library)} документов: вид, номер, дата, тип и размер указаны"


def visually_impaired(inputs: Inputs) -> tuple[Status, str]:
    pages = _pages(inputs.site_dir)
    if pages is None:
        return "warning", "сайт не собран — выполните nastavnik build и повторите проверку"
    without = [p for p in pages if 'id="nv-a11y-switch"' not in p.read_text(encoding="utf-8", errors="replace")]
    if without:
        return "missing", f"нет переключателя на {len(without)} из {len(pages)} страниц"
    return "ok", f"переключатель «Версия для слабовидящих» есть на всех {len(pages)} страницах"


def updated(inputs: Inputs) -> tuple[Status, str]:
    pages = _pages(inputs.site_dir)
    if pages is None:
        return "warning", "сайт не собран — выполните nastavnik build и повторите проверку"
    home = inputs.site_dir / "index.html" if inputs.site_dir else None
    if home is None or "nv-footer__updated" not in home.read_text(encoding="utf-8", errors="replace"):
        return "warning", "на главной странице не видна дата обновления"
    return "ok", f"дата обновления показана: {ru.date(inputs.portal.last_changed)}"


def parents_path(inputs: Inputs) -> tuple[Status, str]:
    linked = [s for s in inputs.portal.join_steps if s.href]
    if not linked and inputs.portal.application is None:
        return "warning", "шаги «Как стать участником» без ссылок на анкету и согласие, нет адреса для заявки"
    return "ok", f"шагов со ссылкой на документ или форму: {len(linked)}" + (
        "; заявка — через форму или письмо" if inputs.portal.application else ""
    )


REQUIREMENTS: tuple[tuple[str, str, bool, src.Source, Check], ...] = (
    ("polozhenie", "Положение о наставничестве", True, src.POLOZHENIE, polozhenie),
    ("prikaz", "Приказ о внедрении целевой модели наставничества", True, src.PRIKAZ, prikaz),
    ("roadmap", "Утверждённая дорожная карта на текущий период", True, src.ROADMAP, roadmap),
    ("programma", "Программа наставничества", True, src.PROGRAMMA, programma),
    ("curator", "Куратор и его рабочие контакты", True, src.CURATOR, curator),
    ("forms", "Формы наставничества", True, src.FORMS, forms),
    ("monitoring", "Наставники и наставляемые в цифрах (мониторинг)", True, src.MONITORING, monitoring),
    ("consent", "Люди на сайте — только с согласия", True, src.CONSENT, consent),
    ("visually-impaired", "Версия для слабовидящих", True, src.VISUALLY_IMPAIRED, visually_impaired),
    ("documents", "Документы: вид, номер, дата, размер, текст для поиска", False, src.GOOD_PRACTICE, documents),
    ("updated", "Дата последнего обновления", False, src.UPDATED, updated),
    ("parents", "Путь родителя: анкета, согласие, заявка", False, src.GOOD_PRACTICE, parents_path),
)


def audit(inputs: Inputs) -> list[Finding]:
    findings = []
    for key, title, required, source, check in REQUIREMENTS:
        status, detail = check(inputs)
        if not required and status == "missing":
            status = "warning"  # good practice is never more than a warning
        findings.append(Finding(key, title, required, source, status, detail))
    return findings


def _pages(site_dir: Path | None) -> list[Path] | None:
    if site_dir is None or not (site_dir / "index.html").is_file():
        return None
    return sorted(p for p in site_dir.rglob("index.html") if "admin" not in p.relative_to(site_dir).parts)


def _has_text(content_dir: Path, rel: str) -> bool:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    path = resolve_content_file(content_dir, rel)
    if path is None or not path.is_file():
        return False
    try:
        reader = PdfReader(str(path))
        return any((page.extract_text() or "").strip() for page in _first(reader.pages, 5))
    except (PyPdfError, ValueError, KeyError, TypeError, OSError):
        return False


def _first(pages: Iterable[object], count: int) -> list:  # type: ignore[type-arg]
    return [page for _, page in zip(range(count), pages, strict=False)]
