"""Machine-readable roadmaps (Приказ Рособрнадзора № 1493, п. 26): JSON, iCalendar, XLSX, CSV.

* JSON has the fixed shape of the seeds' ``expected.json`` (``title … extra_tables``) plus each
  item's ``periods`` as understood; outside tools rely on it.
* iCalendar: one all-day VEVENT per dated period, RRULE for recurring ones, UIDs stable across
  builds so subscribed calendars update instead of duplicating.
* XLSX and CSV: the flat layout of the seed spreadsheets (``Раздел`` + the document's own columns,
  one row per item), so an exported table imports back into the same roadmap.

Every exporter is registered in :data:`EXPORTERS`; the site publishes the current roadmap through
the same list (``/roadmap.ics``, ``/roadmap.xlsx``, ``/roadmap.csv``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from icalendar import Calendar, Event

from ..deadlines import Period, month_bounds
from ..models import Item
from ..portal import ItemView, RoadmapView, SectionView
from .tables import export_csv, export_xlsx

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
    return item.title or (item.details[0] if item.details else None) or item.number or "Мероприятие"


def export_ics(roadmap: RoadmapView, site_url: str = "", today: dt.date | None = None) -> bytes:
    """One VEVENT per dated period; recurring periods get an RRULE up to the plan's end."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"Дорожная карта {roadmap.model.period}")
    calendar.add("x-wr-timezone", "Europe/Moscow")
    stamp = dt.datetime.combine(today or dt.date.today(), dt.time(), tzinfo=dt.UTC)
    plan_end = _plan_end(roadmap)
    for view in roadmap.all_items() + tuple(i for t in roadmap.extra_tables for i in t.items):
        for index, period in enumerate(view.schedule.periods):
            span = _span(period)
            if span is None:
                continue
            start, end = span
            event = Event()
            event.add("uid", f"{index}-{view.uid}")
            event.add("dtstamp", stamp)
            event.add("summary", item_summary(view.item))
            event.add("dtstart", start)
            event.add("dtend", end + dt.timedelta(days=1))
            event.add("description", _description(view))
            if site_url:
                event.add("url", f"{site_url.rstrip('/')}/{roadmap.url}#{view.anchor}")
            rule = _rrule(period, start, plan_end)
            if rule:
                event.add("rrule", rule)
            event.add("categories", ["Наставничество"])
            calendar.add_component(event)
    return calendar.to_ical()


def _span(period: Period) -> tuple[dt.date, dt.date] | None:
    start, end = month_bounds(period)
    if start is None and end is None:
        return None
    if start is None:
        start = end
    if end is None:
        end = start
    assert start is not None and end is not None
    if period.recurrence in {"quarterly", "weekly"}:
        return start, start  # one day a term / a week, repeated by the rule
    return start, end


def _rrule(period: Period, start: dt.date, plan_end: dt.date | None) -> dict[str, Any] | None:
    freq = {"yearly": ("YEARLY", 1), "quarterly": ("MONTHLY", 3), "weekly": ("WEEKLY", 1)}.get(period.recurrence)
    if freq is None:
        return None
    rule: dict[str, Any] = {"freq": freq[0]}
    if freq[1] != 1:
        rule["interval"] = freq[1]
    until = plan_end
    if period.recurrence in {"quarterly", "weekly"}:
        _, period_end = month_bounds(period)
        until = period_end or plan_end
    if until is not None and until >= start:
        rule["until"] = until
    return rule


def _plan_end(roadmap: RoadmapView) -> dt.date | None:
    plan = roadmap.plan
    if plan is None:
        return None
    if plan.kind == "academic_year":
        return dt.date(plan.last_year, 8, 31)
    return dt.date(plan.last_year, 12, 31)


def _description(view: ItemView) -> str:
    item = view.item
    lines = []
    if item.details:
        lines.extend(item.details)
    for label, value in (
        ("Срок", item.deadline),
        ("Ответственные", item.responsible),
        ("Результат", item.result),
        ("Показатели", item.indicators),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return "\n".join(lines)


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
