"""The monitoring tables as files of the site: ``/monitoring.csv``, ``/monitoring.xlsx``, ``/monitoring.json``.

The figures by year and form and, when ``coverage`` is given, the share of each group involved. The same
guards as the roadmap's exports: every XLSX cell is text (never a formula) and a CSV cell a spreadsheet would
take for a formula gets a leading ``'``. Only counts: no names ever reach these tables.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass

from generator import ru
from generator.portal.portal import Portal
from generator.tables.flat import csv_escape

BASENAME = "monitoring"
FIGURES_HEADER = ("Учебный год", "Форма наставничества", "Наставников", "Наставляемых", "Пар и групп")
SHARES_HEADER = ("Учебный год", "Кто", "Всего", "Участвуют", "Доля, %", "Цель, %")
SURVEYS_HEADER = ("Учебный год", "Кого опрашивали", "Ответили", "Довольны", "Средняя оценка (из 5)")


@dataclass(frozen=True)
class MonitoringDownload:
    format: str
    filename: str
    label: str


DOWNLOADS = (
    MonitoringDownload("xlsx", f"{BASENAME}.xlsx", "Таблица Excel"),
    MonitoringDownload("csv", f"{BASENAME}.csv", "Таблица CSV (открывается в Excel)"),
    MonitoringDownload("json", f"{BASENAME}.json", "Данные JSON"),
)


def figure_rows(portal: Portal) -> list[list[str]]:
    titles = {f.id: f.title for f in portal.forms}
    return [
        [f.year, titles.get(f.form, f.form), str(f.mentors), str(f.mentees), str(f.pairs)]
        for f in sorted(portal.figures, key=lambda f: (f.year, list(titles).index(f.form) if f.form in titles else 99))
    ]


def share_rows(portal: Portal) -> list[list[str]]:
    return [
        [
            r.year,
            r.label,
            str(r.total),
            str(r.involved),
            ru.short_decimal(r.share),
            "" if r.target is None else ru.short_decimal(r.target),
        ]
        for r in portal.shares
    ]


def survey_rows(portal: Portal) -> list[list[str]]:
    return [
        [
            s.year,
            s.title,
            str(s.respondents),
            str(s.satisfied),
            "" if s.average is None else ru.short_decimal(s.average),
        ]
        for s in portal.program.surveys
    ]


def monitoring_files(portal: Portal, today: dt.date | None = None) -> dict[str, bytes]:
    """site path → bytes of the three downloads ({} without figures, coverage and surveys)."""
    tables = (figure_rows(portal), share_rows(portal), survey_rows(portal))
    if not any(tables):
        return {}
    return {
        f"{BASENAME}.csv": _csv(*tables),
        f"{BASENAME}.xlsx": _xlsx(*tables, portal.organization.short_name, today or portal.today),
        f"{BASENAME}.json": _json(portal),
    }


def _csv(figures: list[list[str]], shares: list[list[str]], surveys: list[list[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(FIGURES_HEADER)
    writer.writerows([csv_escape(v) for v in row] for row in figures)
    for header, rows in ((SHARES_HEADER, shares), (SURVEYS_HEADER, surveys)):
        if rows:
            writer.writerow([])
            writer.writerow(header)
            writer.writerows([csv_escape(v) for v in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _xlsx(
    figures: list[list[str]], shares: list[list[str]], surveys: list[list[str]], organization: str, today: dt.date
) -> bytes:
    from openpyxl import Workbook

    from generator.render.tables import fill_sheet, reproducible

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "По формам"
    fill_sheet(sheet, list(FIGURES_HEADER), figures, [14, 36, 14, 14, 14])
    if shares:
        fill_sheet(book.create_sheet("Охват"), list(SHARES_HEADER), shares, [14, 24, 10, 12, 10, 10])
    if surveys:
        fill_sheet(book.create_sheet("Опросы"), list(SURVEYS_HEADER), surveys, [14, 30, 12, 12, 22])
    stamp = dt.datetime.combine(today, dt.time())
    book.properties.title = f"Мониторинг наставничества: {organization}"
    book.properties.creator = "Наставник"
    book.properties.created = book.properties.modified = stamp
    out = io.BytesIO()
    book.save(out)
    return reproducible(out.getvalue(), stamp)


def _json(portal: Portal) -> bytes:
    titles = {f.id: f.title for f in portal.forms}
    data = {
        "organization": portal.organization.short_name,
        "figures": [
            {"year": f.year, "form": f.form, "form_title": titles.get(f.form, f.form), "mentors": f.mentors,
             "mentees": f.mentees, "pairs": f.pairs}
            for f in portal.figures
        ],
        "shares": [
            {"year": r.year, "group": r.group, "total": r.total, "involved": r.involved, "share": r.share,
             "target": r.target}
            for r in portal.shares
        ],
        "surveys": [survey.model_dump(mode="json") for survey in portal.program.surveys],
    }  # fmt: skip
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
