"""The roadmap's month-by-month timeline: which items run in which month, computed at build time.

The months cover the plan's school year (September–June; January–December for a calendar-year
plan; every school year of a multi-year plan), widened to take in every item's period as written
(«Август 2026 г.» before a 2026-2027 plan), but never more than a year beyond the plan. A recurring
item is drawn at each of its occurrences inside those months. Items without dates («По отдельному
плану», a deadline not understood) are listed apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator import ru
from generator.deadlines import Period, PlanPeriod
from generator.portal.schedule import RECURRENCE_LABELS, occurrences
from generator.portal.views import ItemView, RoadmapView

MonthKey = tuple[int, int]  # (year, month)
MARGIN_MONTHS = 12
"""Periods reaching further than this beyond the plan are cut off at that point."""


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    current: bool

    @property
    def key(self) -> str:
        """«2026-09»"""
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def label(self) -> str:
        """«сентябрь 2026 г.»"""
        return ru.month(dt.date(self.year, self.month, 1))

    @property
    def title(self) -> str:
        """«Сентябрь 2026 г.»"""
        return self.label[:1].upper() + self.label[1:]

    @property
    def short(self) -> str:
        """«сен» (a column heading; the full name goes with it)."""
        return ru.month_name(self.month)[:3]


@dataclass(frozen=True)
class Row:
    """One dated item: a cell per month, True where the item runs."""

    item: ItemView
    cells: tuple[bool, ...]
    recurring: bool

    @property
    def name(self) -> str:
        """«1.3 Актуализация локальных нормативных актов»"""
        item = self.item.item
        title = item.title or (item.details[0] if item.details else "") or "Мероприятие"
        return f"{item.number} {title}" if item.number else title

    @property
    def recurrence_label(self) -> str:
        """«ежегодно», «каждую четверть» … for a recurring item; '' otherwise."""
        kinds = {p.recurrence for p in self.item.schedule.periods}
        return ", ".join(RECURRENCE_LABELS[k] for k in ("yearly", "quarterly", "weekly") if k in kinds)


@dataclass(frozen=True)
class MonthItems:
    """The narrow-screen list: a month and the items running in it."""

    month: Month
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Timeline:
    months: tuple[Month, ...]
    rows: tuple[Row, ...]
    undated: tuple[ItemView, ...]

    @property
    def by_month(self) -> tuple[MonthItems, ...]:
        return tuple(
            MonthItems(month, tuple(row for row in self.rows if row.cells[index]))
            for index, month in enumerate(self.months)
        )

    @property
    def current(self) -> Month | None:
        return next((m for m in self.months if m.current), None)

    @property
    def span_label(self) -> str:
        """«с августа 2026 г. по июнь 2027 г.»"""
        first, last = self.months[0], self.months[-1]
        return ru.month_span(dt.date(first.year, first.month, 1), dt.date(last.year, last.month, 1))


def build_timeline(roadmap: RoadmapView, today: dt.date) -> Timeline | None:
    """The timeline of ``roadmap`` on ``today``; None when the plan or every item's dates are unknown."""
    plan = roadmap.plan
    if plan is None:
        return None
    items = roadmap.all_items()
    first_spans = [_first_span(p, plan) for item in items for p in item.schedule.periods]
    first, last = _base_range(plan)
    low, high = _shift(_key(plan.start_date), -MARGIN_MONTHS), _shift(_key(plan.end_date), MARGIN_MONTHS)
    for span in first_spans:
        if span is not None:
            first, last = min(first, max(span[0], low)), max(last, min(span[1], high))
    keys = _months(first, last)
    index = {key: i for i, key in enumerate(keys)}
    rows, undated = [], []
    for item in items:
        cells = [False] * len(keys)
        for period in item.schedule.periods:
            for start, end in occurrences(period, plan):
                for key in _months(_key(start), _key(end)):
                    if key in index:
                        cells[index[key]] = True
        if any(cells):
            recurring = any(p.recurrence in ("yearly", "quarterly", "weekly") for p in item.schedule.periods)
            rows.append(Row(item, tuple(cells), recurring))
        else:
            undated.append(item)
    if not rows:
        return None
    now = _key(today)
    months = tuple(Month(year, month, (year, month) == now) for year, month in keys)
    return Timeline(months, tuple(rows), tuple(undated))


def _base_range(plan: PlanPeriod) -> tuple[MonthKey, MonthKey]:
    """September–June of the plan's school years; January–December of a calendar year."""
    if plan.is_calendar:
        return (plan.first_year, 1), (plan.last_year, 12)
    last = plan.last_year if plan.kind == "academic_year" else max(plan.last_year, plan.first_year + 1)
    return (plan.first_year, 9), (last, 6)


def _first_span(period: Period, plan: PlanPeriod) -> tuple[MonthKey, MonthKey] | None:
    """The months of a period as written (its first occurrence)."""
    spans = list(occurrences(period, plan))
    if not spans:
        return None
    start, end = spans[0]
    return _key(start), _key(end)


def _key(day: dt.date) -> MonthKey:
    return day.year, day.month


def _shift(key: MonthKey, months: int) -> MonthKey:
    index = key[0] * 12 + key[1] - 1 + months
    return index // 12, index % 12 + 1


def _months(first: MonthKey, last: MonthKey) -> list[MonthKey]:
    out = []
    key = first
    while key <= last:
        out.append(key)
        key = _shift(key, 1)
    return out
