"""What ``check`` says about roadmaps: deadlines it could not read, overrides that cannot be, stale data.

* «срок не распознан»: a deadline the grammar could not read is kept and shown as written, but the
  item gets no dates (no calendar event, no derived status). A warning (an error under
  ``--strict``) points at the ``deadline`` line and shows the ``periods:`` an editor can write.
  Items with their own ``periods:`` are never warned about.
* Duplicate item ``id`` within a roadmap and overrides that end before they start are errors.
* Staleness (Правила размещения информации на сайте, постановление Правительства РФ № 1802:
  information is updated within 10 working days): the current roadmap's period is over, or
  ``data/`` has not changed for more than 10 working days while items are overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from generator import ru
from generator.deadlines import PlanPeriod, month_bounds, parse_plan_period
from generator.errors import Problems
from generator.models import Item, Roadmap
from generator.portal.portal import Portal
from generator.portal.schedule import item_periods
from generator.rules.references import walk_items
from generator.rules.validate import Entry, Records
from generator.sources.yaml_parse import Loc

STALE_WORKING_DAYS = 10
"""Правила № 1802: information on the site is updated within 10 working days."""

RECURRENCES = "none, yearly, quarterly, weekly, per-program или unspecified"


def check_roadmap_items(records: Records, problems: Problems) -> None:
    """Per roadmap: its period, every item's deadline, ids and ``periods:`` overrides."""
    for entry in records.roadmaps:
        model = entry.model
        plan = parse_plan_period(model.period, model.period_kind)
        if model.recognized is not None and not model.recognized.confirmed:
            doubtful = len(model.recognized.doubtful)
            problems.warning(
                entry.doc.path,
                entry.doc.line_of(("recognized",)),
                "дорожная карта распознана автоматически со скана и ещё не сверена с документом"
                + (f" (ячеек под сомнением: {doubtful})" if doubtful else ""),
                "сверьте текст с документом, исправьте ошибки распознавания и поставьте recognized: confirmed: true",
            )
        if model.period is None:
            problems.warning(
                entry.doc.path,
                entry.doc.line_of(("title",)),
                "у дорожной карты не указан период (в документе не было дат), поэтому не распознаны и сроки мероприятий",
                'впишите period: учебный год ("2025-2026"), календарный год ("2025") или годы ("2024-2026")',
            )
        elif plan is None:
            problems.warning(
                entry.doc.path,
                entry.doc.line_of(("period",)),
                f"период дорожной карты «{model.period}» не распознан, поэтому не распознаны и сроки мероприятий",
                'укажите учебный год (period: "2025-2026"), календарный год ("2025") или годы ("2024-2026"); '
                "вид периода — period_kind: academic_year, calendar_year или years",
            )
        seen_ids: dict[str, int | None] = {}
        for loc, item in walk_items(model):
            if item.id is not None:
                _duplicate_id(entry, loc, item.id, seen_ids, problems)
            if item.periods is not None:
                _override_order(entry, loc, item, problems)
            elif plan is not None:
                _unread_deadline(entry, loc, item, plan, problems)


def _duplicate_id(
    entry: Entry[Roadmap], loc: Loc, item_id: str, seen: dict[str, int | None], problems: Problems
) -> None:
    line = entry.doc.line_of((*loc, "id"))
    if item_id in seen:
        where = f" (уже на строке {seen[item_id]})" if seen[item_id] else ""
        problems.error(
            entry.doc.path,
            line,
            f"идентификатор мероприятия «{item_id}» повторяется{where}",
            "у каждого мероприятия дорожной карты свой id: по нему календари узнают событие",
        )
    seen.setdefault(item_id, line)


def _override_order(entry: Entry[Roadmap], loc: Loc, item: Item, problems: Problems) -> None:
    for index, period in enumerate(item.periods or ()):
        start, end = month_bounds(period)  # type: ignore[arg-type]
        if start is not None and end is not None and start > end:
            problems.error(
                entry.doc.path,
                entry.doc.line_of((*loc, "periods", index)),
                f"срок начинается ({period.start}) позже, чем заканчивается ({period.end})",
                "поменяйте местами start и end",
            )


def _unread_deadline(entry: Entry[Roadmap], loc: Loc, item: Item, plan: PlanPeriod, problems: Problems) -> None:
    if not item.deadline:
        return
    _, understood, _ = item_periods(item, plan)
    if understood:
        return
    year = plan.first_year
    problems.warning(
        entry.doc.path,
        entry.doc.line_of((*loc, "deadline")),
        f"срок не распознан: «{_short(item.deadline)}» — текст останется на сайте как есть, "
        "но мероприятия не будет в календаре, а статус не определится сам",
        f"укажите срок рядом с deadline: periods: [{{start: {year}-09, end: {year}-10, recurrence: none}}] "
        f"(даты ГГГГ-ММ или ГГГГ-ММ-ДД; recurrence: {RECURRENCES}); "
        "если дат нет — periods: [{recurrence: unspecified}]",
    )


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_staleness(portal: Portal, records: Records, data_changed: Callable[[], dt.date], problems: Problems) -> None:
    """The current roadmap's period is over; or data/ is older than 10 working days while items are overdue.

    ``data_changed`` is asked only when something is overdue (it may run git).
    """
    roadmap = portal.current_roadmap
    if roadmap is None:
        return
    entry = next((e for e in records.roadmaps if e.id == roadmap.id), None)
    path = entry.doc.path if entry else f"data/roadmaps/{roadmap.id}.yaml"
    if roadmap.plan is not None and roadmap.plan.end_date < portal.today:
        problems.warning(
            path,
            entry.doc.line_of(("period",)) if entry else None,
            f"период текущей дорожной карты ({roadmap.model.period}) закончился {ru.date(roadmap.plan.end_date)}",
            "загрузите дорожную карту на новый период (nastavnik import ФАЙЛ --id ID --current) "
            "или укажите действующую в data/program.yaml: current_roadmap: ID",
        )
    waiting = [view.item for view in roadmap.all_items() if view.schedule.needs_confirmation]
    overdue = len(waiting)
    if not overdue:
        return
    names = "; ".join(f"{item.number or ''} «{_short(item.title or '', 60)}»".strip() for item in waiting[:10])
    more = f" и ещё {overdue - 10}" if overdue > 10 else ""
    problems.notice(
        path,
        None,
        f"срок прошёл, а отметки о выполнении нет: {names}{more} — на сайте они показаны как «срок прошёл»",
        "отметьте выполненные (status: done), перенесённые — новым сроком (periods:), отменённые — status: cancelled",
    )
    changed = data_changed()
    idle = working_days_between(changed, portal.today)
    if idle > STALE_WORKING_DAYS:
        items = ru.plural(overdue, "мероприятия", "мероприятий", "мероприятий")
        problems.warning(
            "data/",
            None,
            f"данные не менялись с {ru.date(changed)} ({ru.plural(idle, 'рабочий день', 'рабочих дня', 'рабочих дней')}), "
            f"а у {items} текущей дорожной карты срок прошёл без отметки о выполнении («срок прошёл» на сайте)",
            "по Правилам № 1802 сведения на сайте обновляются в течение 10 рабочих дней: отметьте выполненные "
            "мероприятия (status: done), перенесённые — новым сроком (periods:), отменённые — status: cancelled",
        )


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Monday–Friday days after ``start`` up to and including ``end`` (0 when ``end`` is not later)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if (start + dt.timedelta(days=weeks * 7 + offset)).weekday() < 5:
            count += 1
    return count
