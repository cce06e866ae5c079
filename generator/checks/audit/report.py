"""The audit's findings for a person: terminal text, GitHub annotations, an HTML page and an XLSX sheet
an editor can hand to the director. Cells of the sheet are text, never formulas (the roadmap exports' guard)."""

from __future__ import annotations

import datetime as dt
import html
import io
from collections.abc import Sequence

from generator import ru
from generator.checks.audit.requirements import STATUS_LABELS, Finding

MARKS = {"ok": "✓", "warning": "!", "missing": "✗"}
HEADER = ("Требование", "Вид", "Состояние", "Что найдено / что сделать", "Источник")


def kind(finding: Finding) -> str:
    return "обязательно" if finding.required else "хорошая практика"


def summary(findings: Sequence[Finding]) -> str:
    missing = sum(1 for f in findings if f.failed)
    warnings = sum(1 for f in findings if f.status != "ok" and not f.failed)
    ok = sum(1 for f in findings if f.status == "ok")
    if missing:
        return f"Не хватает обязательного: {missing}; замечаний: {warnings}; выполнено: {ok} из {len(findings)}"
    return f"Всё обязательное на месте; замечаний: {warnings}; выполнено: {ok} из {len(findings)}"


def text_lines(findings: Sequence[Finding]) -> list[str]:
    lines = []
    for f in findings:
        lines.append(f"{MARKS[f.status]} {f.title} ({kind(f)}) — {STATUS_LABELS[f.status]}: {f.detail}")
        lines.append(f"    источник: {f.source.cite()}")
    lines.append(summary(findings))
    return lines


def github_lines(findings: Sequence[Finding]) -> list[str]:
    """GitHub Actions annotations: a missing requirement is an error, anything else not done a warning."""
    lines = []
    for f in findings:
        if f.status == "ok":
            continue
        level = "error" if f.failed else "warning"
        message = f"{f.detail} (источник: {f.source.cite()})".replace("%", "%25").replace("\n", "%0A")
        lines.append(f"::{level} title={f.title}::{message}")
    lines.append(summary(findings))
    return lines


def html_report(findings: Sequence[Finding], organization: str, today: dt.date) -> bytes:
    rows = "\n".join(
        f'<tr class="{f.status}"><td>{html.escape(f.title)}</td><td>{kind(f)}</td>'
        f"<td>{MARKS[f.status]} {STATUS_LABELS[f.status]}</td><td>{html.escape(f.detail)}</td>"
        f"<td>{html.escape(f.source.cite())}</td></tr>"
        for f in findings
    )
    head = "".join(f'<th scope="col">{h}</th>' for h in HEADER)
    title = f"Проверка раздела «Наставничество»: {html.escape(organization)}"
    page = f"""<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font:16px/1.4 sans-serif;margin:2rem}}table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:.4rem;vertical-align:top;text-align:left}}
tr.missing td{{background:#fde2e1}}tr.warning td{{background:#fff4d6}}</style></head>
<body><h1>{title}</h1>
<p>Дата проверки: {ru.date(today)}. {html.escape(summary(findings))}.</p>
<table><thead><tr>{head}</tr></thead><tbody>
{rows}
</tbody></table>
<p>«Хорошая практика» — не требование документа, а то, что делает раздел понятнее; «пункт не указан» — номер
пункта не сверен, смотрите документ целиком.</p>
</body></html>
"""
    return page.encode("utf-8")


def xlsx_report(findings: Sequence[Finding], organization: str, today: dt.date) -> bytes:
    from generator.render.tables import fill_sheet, reproducible
    from generator.tables.workbook import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Проверка раздела"
    rows = [[f.title, kind(f), STATUS_LABELS[f.status], f.detail, f.source.cite()] for f in findings]
    fill_sheet(sheet, list(HEADER), rows, [40, 18, 12, 70, 70])
    stamp = dt.datetime.combine(today, dt.time())
    book.properties.title = f"Проверка раздела «Наставничество»: {organization}"
    book.properties.creator = "Наставник"
    book.properties.created = book.properties.modified = stamp
    buffer = io.BytesIO()
    book.save(buffer)
    return reproducible(buffer.getvalue(), stamp)
