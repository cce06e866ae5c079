"""Spans as the grammar reads them (:class:`Item`, :class:`Element`) and their resolution into dated periods.

A span may be written without its year («в мае», «с 1 по 15 марта»): its year comes from the other
end of its range, from a neighbour in its list («октябрь, ноябрь 2023»), else from the plan. A
period outside the plan's readable years, or ending before it starts, is not read.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, replace

from generator.deadlines.periods import Period, PlanPeriod, Recurrence, month_bounds


class Unreadable(Exception):
    """The tokens are not an expression the grammar knows."""


@dataclass
class Item:
    """One span as written, before its year is settled."""

    month: int | None  # first month; None for a bare day («с 1» in «с 1 по 15 марта»)
    day: int | None = None  # negative: counted from the month's end (-1 = its last day)
    year: int | None = None  # calendar year of the first month, when written
    school: int | None = None  # first year of the school year the span lies in, when written
    months: int = 1  # length in months
    whole_school_year: bool = False  # a full school year: quarterly ones end in May
    implicit_yearly: bool = False  # «в течение года» in a multi-year plan
    from_plan: bool = False  # its year comes from the plan, not the text

    def year_written(self) -> int | None:
        if self.year is not None or self.school is None or self.month is None:
            return self.year
        return self.school if self.month >= 9 else self.school + 1


@dataclass
class Element:
    start: Item | None  # None: «до …», an end only
    end: Item | None  # None: «с …», a start only; the same object as start for one span


def resolve(elements: list[Element], recurrence: Recurrence | None, plan: PlanPeriod) -> list[Period]:
    """Years for what has none: from the range's other end, the list's neighbours, else the plan."""
    spans: list[tuple[str | None, str | None] | None] = [None] * len(elements)
    for index, element in enumerate(elements):
        if recurrence == "quarterly":  # terms end in May
            for item in {id(i): i for i in (element.start, element.end) if i and i.whole_school_year}.values():
                item.months = 9
        if any(i.year_written() is not None and not i.from_plan for i in (element.start, element.end) if i):
            spans[index] = _span(element, plan.year_of)
    out = []
    for index, element in enumerate(elements):
        span = spans[index]
        if span is None:
            later = next((s[0] or s[1] for s in spans[index + 1 :] if s), None)
            earlier = next((s[1] or s[0] for s in reversed(spans[:index]) if s), None)
            span = _span(element, _near(later, before=True) or _near(earlier, before=False) or plan.year_of)
        implicit = any(i.implicit_yearly for i in (element.start, element.end) if i)
        out.append(_period(*span, recurrence or ("yearly" if implicit else "none"), plan))
    return out


def _span(element: Element, default: Callable[[int], int]) -> tuple[str | None, str | None]:
    start, end = element.start, element.end
    if start is not None and end is not None and start is not end:
        if start.month is None:
            start = replace(start, month=end.month)
        assert start.month is not None and end.month is not None
        first, last = start.year_written(), end.year_written()
        first = default(start.month) if first is None and last is None else first
        backwards = (end.month, end.day or 0) < (start.month, start.day or 0)
        if last is None:
            assert first is not None
            last = first + backwards
        elif first is None:
            first = last - backwards
        return _point(start, first), _point(end, last, last_month=True)
    item = start or end
    assert item is not None and item.month is not None
    year = item.year_written()
    year = default(item.month) if year is None else year
    return (_point(item, year) if start else None), (_point(item, year, last_month=True) if end else None)


def _period(start: str | None, end: str | None, recurrence: Recurrence, plan: PlanPeriod) -> Period:
    period = Period(start, end, recurrence)
    first, last = month_bounds(period)  # ValueError for an impossible date
    if any(day and not plan.readable_year(day.year) for day in (first, last)):
        raise Unreadable
    if first and last and first > last:
        raise Unreadable
    return period


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


def _point(item: Item, year: int, last_month: bool = False) -> str:
    if item.month is None or not 1 <= item.month <= 12:
        raise Unreadable
    year, month = _add_months(year, item.month, item.months - 1 if last_month else 0)
    day = item.day
    if day is not None and day < 0:
        day = calendar.monthrange(year, month)[1] + day + 1
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def _near(point: str | None, before: bool) -> Callable[[int], int] | None:
    """Years for a list's element next to one with a year: «октябрь, ноябрь 2023» → October 2023."""
    if point is None:
        return None
    year, month = (int(part) for part in point.split("-")[:2])
    if before:
        return lambda m: year if m <= month else year - 1
    return lambda m: year if m >= month else year + 1
