"""When roadmap items happen and where they stand: periods, occurrences, status, progress.

An item's periods come from the editor (``periods:``) or from its deadline text
(:mod:`generator.deadlines`). Its status comes from the data when given; otherwise it is derived
from the build date — never silently «done»: an item whose time has passed without a status is
«срок прошёл» (the page adds «результат ещё не отмечен»), and ``nastavnik check`` lists it for the editor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from generator import ru
from generator.deadlines import Period, PlanPeriod, month_bounds, parse_deadline
from generator.models import Item
from generator.models.labels import LABELS

EffectiveStatus = Literal["planned", "in_progress", "done", "cancelled", "overdue", "unknown"]

STATUS_LABELS: Mapping[str, str] = LABELS["status"]

STATUS_NOTES: dict[str, str] = {
    "overdue": "результат ещё не отмечен",
}
"""Shown next to a derived status on the public pages; the editor's to-do is in ``nastavnik check``."""

RECURRENCE_LABELS: Mapping[str, str] = {**LABELS["recurrence"], "none": ""}
"""How a period recurs, in words on a page; a one-off says nothing."""


@dataclass(frozen=True)
class Schedule:
    """What the generator understood of one item's deadline, and its status on the build date."""

    periods: tuple[Period, ...]
    understood: bool  # the deadline text (or the editor's override) gave at least one period
    overridden: bool  # the periods come from the editor's ``periods:``
    status: EffectiveStatus
    from_data: bool  # the status was set by the editor

    @property
    def label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def needs_confirmation(self) -> bool:
        """«срок прошёл»: the time has passed and nobody marked the item done or cancelled."""
        return self.status == "overdue"

    @property
    def dated(self) -> bool:
        """At least one period has a date (not only «по отдельному плану»)."""
        return any(p.dated for p in self.periods)

    @property
    def when(self) -> str:
        """The periods as understood, in words: «с сентября 2026 г. по июнь 2027 г.; май 2027 г., ежегодно»."""
        return "; ".join(period_label(p) for p in self.periods)

    @property
    def note(self) -> str:
        """«результат ещё не отмечен» for «срок прошёл»; empty for the editor's own status."""
        return "" if self.from_data else STATUS_NOTES.get(self.status, "")


def period_label(period: Period) -> str:
    """One period in words: dates (months or days) and how it recurs."""
    if not period.dated:
        return RECURRENCE_LABELS[period.recurrence]
    start, end = month_bounds(period)
    days = any(value is not None and value.count("-") == 2 for value in (period.start, period.end))
    text = ru.month_span(start, end, day_precision=days)
    recurrence = RECURRENCE_LABELS[period.recurrence]
    return f"{text}, {recurrence}" if recurrence else text


def item_periods(item: Item, plan: PlanPeriod | None) -> tuple[tuple[Period, ...], bool, bool]:
    """(periods, understood, overridden) for ``item``."""
    if item.periods is not None:
        periods = tuple(Period(p.start, p.end, p.recurrence) for p in item.periods)
        return periods, True, True
    if not item.deadline or plan is None:
        return (), False, False
    periods = tuple(parse_deadline(item.deadline, plan))
    return periods, bool(periods), False


def schedule(item: Item, plan: PlanPeriod | None, today: dt.date) -> Schedule:
    periods, understood, overridden = item_periods(item, plan)
    if item.status is not None:
        return Schedule(periods, understood, overridden, item.status, True)
    return Schedule(periods, understood, overridden, derive_status(periods, plan, today), False)


def derive_status(periods: Iterable[Period], plan: PlanPeriod | None, today: dt.date) -> EffectiveStatus:
    """planned / in_progress / overdue from the dates; unknown when there are none."""
    spans = [span for period in periods for span in occurrences(period, plan)]
    if not spans:
        return "unknown"
    if any(start <= today <= end for start, end in spans):
        return "in_progress"
    if any(start > today for start, _ in spans):
        return "planned"
    return "overdue"


def occurrences(period: Period, plan: PlanPeriod | None) -> Iterator[tuple[dt.date, dt.date]]:
    """Date spans of ``period``: one for a single period, one a year for recurring ones up to the plan's end.

    «до 1 октября» runs from the plan's start; «с сентября» runs to the plan's end.
    """
    start, end = month_bounds(period)
    if start is None and end is None:
        return
    if start is None:
        assert end is not None
        start = end if plan is None else min(end, plan.start_date)
    if end is None:
        end = start if plan is None else max(start, plan.end_date)
    yield start, end
    if period.recurrence in {"yearly", "quarterly", "weekly"} and plan is not None:
        years = 1
        while (next_start := _years_later(start, years)) <= plan.end_date:
            yield next_start, _years_later(end, years)
            years += 1


def _years_later(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Progress:
    """How far a set of items has come: counts by effective status."""

    total: int
    done: int
    in_progress: int
    planned: int
    overdue: int
    cancelled: int
    unknown: int

    @property
    def countable(self) -> int:
        """Items that count towards completion (cancelled ones do not)."""
        return self.total - self.cancelled

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.countable) if self.countable else 0


def progress(statuses: Iterable[EffectiveStatus]) -> Progress:
    counts = {key: 0 for key in STATUS_LABELS}
    for status in statuses:
        counts[status] += 1
    return Progress(
        total=sum(counts.values()),
        done=counts["done"],
        in_progress=counts["in_progress"],
        planned=counts["planned"],
        overdue=counts["overdue"],
        cancelled=counts["cancelled"],
        unknown=counts["unknown"],
    )
