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


Table = tuple[str, tuple[str, ...], list[list[str]], list[int]]
"""(sheet title, header, rows, column widths): one table of the downloads."""


def monitoring_files(portal: Portal, today: dt.date | None = None) -> dict[str, bytes]:
    """site path → bytes of the three downloads ({} without figures, coverage and surveys)."""
    tables: list[Table] = [
        ("По формам", FIGURES_HEADER, figure_rows(portal), [14, 36, 14, 14, 14]),
        ("Охват", SHARES_HEADER, share_rows(portal), [14, 24, 10, 12, 10, 10]),
        ("Опросы", SURVEYS_HEADER, survey_rows(portal), [14, 30, 12, 12, 22]),
    ]
    if not any(rows for _, _, rows, _ in tables):
        return {}
    name = portal.organization.short_name
    return {
        f"{BASENAME}.csv": write_csv(tables),
        f"{BASENAME}.xlsx": write_xlsx(tables, f"Мониторинг наставничества: {name}", today or portal.today),
        f"{BASENAME}.json": _json(portal),
    }


def write_csv(tables: list[Table]) -> bytes:
    """The tables one under another, an empty line between them; the first is written even when empty."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for index, (_, header, rows, _) in enumerate(tables):
        if index and not rows:
            continue
        if index:
            writer.writerow([])
        writer.writerow(header)
        writer.writerows([csv_escape(v) for v in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_xlsx(tables: list[Table], title: str, today: dt.date) -> bytes:
    """A sheet a table (the first always, the others when they have rows); every cell text, never a formula."""
    from generator.render.tables import fill_sheet, reproducible
    from generator.tables.workbook import Workbook

    book = Workbook()
    first = book.active
    assert first is not None
    for index, (sheet_title, header, rows, widths) in enumerate(tables):
        if index and not rows:
            continue
        sheet = first if index == 0 else book.create_sheet(sheet_title)
        sheet.title = sheet_title
        fill_sheet(sheet, list(header), rows, widths)
    stamp = dt.datetime.combine(today, dt.time())
    book.properties.title = title
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
