"""Machine-readable roadmaps (Приказ Рособрнадзора № 1493, п. 26): JSON, iCalendar, XLSX, CSV.

* JSON has the fixed shape of the seeds' ``expected.json`` (``title … extra_tables``) plus each
  item's ``periods`` as understood; outside tools rely on it.
* iCalendar: one all-day VEVENT per dated period, RRULE for recurring ones, UIDs stable across
  builds so subscribed calendars update instead of duplicating. A period longer than a week becomes
  two one-day events, «Начало: …» and «Срок: …», so months of all-day bars never cover a phone's calendar.
* XLSX and CSV: the flat layout of the seed spreadsheets (``Раздел`` + the document's own columns,
  one row per item), so an exported table imports back into the same roadmap.

Every exporter is registered in :data:`EXPORTERS`; the site publishes the current roadmap through
the same list (``/roadmap.ics``, ``/roadmap.xlsx``, ``/roadmap.csv``). icalendar and openpyxl are
imported when a calendar or a table is written, not with this module: a build writes them in a
process of their own (see :mod:`generator.render.publish`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from generator.deadlines import Period, PlanPeriod
from generator.models import Item
from generator.portal.schedule import occurrences
from generator.portal.views import ItemView, RoadmapView, SectionView

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//Наставник//Дорожная карта//RU"


def roadmap_json(roadmap: RoadmapView) -> dict[str, Any]:
    """The roadmap in the fixed JSON shape (``title … extra_tables``, items with ``periods``)."""
    model = roadmap.model
    approval = None
    if model.approval is not None:
        approval = {
            "considered": _dump(model.approval.considered) if model.approval.considered else None,
            "approved": _dump(model.approval.approved) if model.approval.approved else None,
        }
    return {
        "id": roadmap.id,
        "title": model.title,
        "organization": model.organization,
        "period": model.period,
        "period_kind": model.period_kind or (roadmap.plan.kind if roadmap.plan else None),
        "approval": approval,
        "goal": model.goal,
        "tasks": list(model.tasks),
        "columns": list(model.columns),
        "column_roles": dict(model.column_roles),
        "sections": [_section_json(s) for s in roadmap.sections],
        "extra_tables": [
            {
                "title": table.title,
                "columns": list(table.columns),
                "column_roles": dict(source.column_roles),
                "items": [_item_json(i) for i in table.items],
            }
            for table, source in zip(roadmap.extra_tables, model.extra_tables, strict=True)
        ],
    }


def _dump(model: Any) -> dict[str, Any]:
    return model.model_dump(mode="json", by_alias=True)


def _section_json(section: SectionView) -> dict[str, Any]:
    return {
        "number": section.section.number,
        "title": section.section.title,
        "heading": section.section.heading,
        "level": section.level,
        "items": [_item_json(i) for i in section.items],
        "sections": [_section_json(s) for s in section.sections],
    }


def _item_json(view: ItemView) -> dict[str, Any]:
    item = view.item
    return {
        "number": item.number,
        "title": item.title,
        "details": list(item.details),
        "deadline": item.deadline,
        "responsible": item.responsible,
        "result": item.result,
        "indicators": item.indicators,
        "periods": [_period_json(p) for p in view.schedule.periods],
    }


def _period_json(period: Period) -> dict[str, Any]:
    return {"start": period.start, "end": period.end, "recurrence": period.recurrence}


def export_json(roadmap: RoadmapView, site_url: str = "", today: dt.date | None = None) -> bytes:
    return (json.dumps(roadmap_json(roadmap), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def item_summary(item: Item) -> str:
    """The activity's name for a calendar or a list: its title, else its first sub-point."""
    text = item.title or (item.details[0] if item.details else None) or item.number or "Мероприятие"
    return text.strip().rstrip(":;,").rstrip() or "Мероприятие"  # «Проведение мероприятий:» → no stray colon


def export_ics(roadmap: RoadmapView, site_url: str = "", today: dt.date | None = None) -> bytes:
    """One all-day VEVENT per dated period; recurring periods get an RRULE up to the plan's end.

    UIDs are ``<roadmap>-<item key>-<n>@<host of site_url>``: the item key survives insertions
    (see :class:`generator.portal.roadmaps._ItemKeys`), so subscribed calendars update instead of duplicating.
    """
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = " — ".join(
        x for x in (f"Дорожная карта {roadmap.model.period or ''}".strip(), roadmap.model.organization) if x
    )
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-caldesc", roadmap.model.title)
    calendar.add("x-wr-timezone", "Europe/Moscow")
    calendar.add("refresh-interval", dt.timedelta(hours=12), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    stamp = dt.datetime.combine(today or dt.date.today(), dt.time(), tzinfo=dt.UTC)
    domain = urlsplit(site_url).hostname or "nastavnik"
    for view in roadmap.all_items():
        for index, period in enumerate(view.schedule.periods):
            spans = list(occurrences(period, roadmap.plan))
            if not spans:
                continue
            for event, suffix in _event(view, period, spans, roadmap.plan):
                event.add("uid", f"{view.uid}-{index + 1}{suffix}@{domain}")  # the deadline keeps the old UID
                event.add("dtstamp", stamp)
                if site_url:
                    event.add("url", f"{site_url.rstrip('/')}/{roadmap.url}#{view.anchor}")
                calendar.add_component(event)
    return calendar.to_ical()


LONGEST_DAYS = 7
"""An all-day event longer than this becomes a start event and a deadline event."""


def _event(
    view: ItemView, period: Period, spans: list[tuple[dt.date, dt.date]], plan: PlanPeriod | None
) -> list[tuple[Event, str]]:
    """All-day: «до …» is its day, quarterly and weekly ones are one day, repeated; a period of up to a week
    is one event, a longer one a «Начало: …» event on its first day and a «Срок: …» event on its last."""
    start, end = spans[0]
    if period.start is None:  # «до 1 октября»: the deadline itself
        start = end
    until = spans[-1][1] if plan is None else min(spans[-1][1], plan.end_date)
    rule: dict[str, Any] | None = None
    if period.recurrence == "yearly":
        rule = {"freq": "YEARLY", "until": until}
    elif period.recurrence == "quarterly":
        rule = {"freq": "MONTHLY", "interval": 3, "until": until}
        end = start
    elif period.recurrence == "weekly":
        if period.weekdays:
            start = min(_next_weekday(start, day) for day in period.weekdays)
        rule = {"freq": "WEEKLY", "until": until}
        if period.weekdays:
            rule["byday"] = [WEEKDAYS[day] for day in period.weekdays]
        end = start
    if rule is not None and rule["freq"] != "YEARLY" and len(spans) > 1:  # each school year, not the summers
        months = sorted({m for first, last in spans[:1] for m in _months_between(first, last)})
        if len(months) < 12:
            rule["bymonth"] = months
    title = item_summary(view.item)
    if (end - start).days + 1 <= LONGEST_DAYS:
        return [(_one_day_or_span(view, title, start, end, rule), "")]
    return [
        (_one_day_or_span(view, f"Срок: {title}", end, end, rule), ""),
        (_one_day_or_span(view, f"Начало: {title}", start, start, rule), "-start"),
    ]


def _one_day_or_span(view: ItemView, summary: str, start: dt.date, end: dt.date, rule: dict[str, Any] | None) -> Event:
    from icalendar import Event

    event = Event()
    event.add("summary", summary)
    event.add("description", _description(view))
    event.add("dtstart", start)
    event.add("dtend", end + dt.timedelta(days=1))
    if rule is not None:
        event.add("rrule", rule)
    event.add("transp", "TRANSPARENT")
    event.add("categories", ["Наставничество"])
    if view.status == "cancelled":
        event.add("status", "CANCELLED")
    return event


WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _next_weekday(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _months_between(first: dt.date, last: dt.date) -> list[int]:
    months: list[int] = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month) and len(months) < 12:
        months.append(month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _description(view: ItemView) -> str:
    """Sub-points, then the deadline as written, responsible, result, indicators and the status."""
    item = view.item
    lines = list(item.details)
    for label, value in (
        ("Срок", item.deadline or view.schedule.when),
        ("Ответственные", item.responsible),
        ("Результат", item.result),
        ("Показатели", item.indicators),
        ("Статус", view.schedule.label),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


def export_xlsx(roadmap: RoadmapView, site_url: str = "", today: dt.date | None = None) -> bytes:
    from generator.render import tables

    return tables.export_xlsx(roadmap, site_url, today)


def export_csv(roadmap: RoadmapView, site_url: str = "", today: dt.date | None = None) -> bytes:
    from generator.render import tables

    return tables.export_csv(roadmap, site_url, today)


@dataclass(frozen=True)
class Exporter:
    format: str
    suffix: str
    media_type: str
    write: Callable[[RoadmapView, str, dt.date | None], bytes]
    binary: bool = False


EXPORTERS: dict[str, Exporter] = {
    "json": Exporter("json", ".json", "application/json", export_json),
    "ics": Exporter("ics", ".ics", "text/calendar", export_ics),
    "xlsx": Exporter(
        "xlsx", ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export_xlsx, binary=True
    ),
    "csv": Exporter("csv", ".csv", "text/csv", export_csv),
}
