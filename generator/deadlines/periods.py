"""What a deadline is understood as: periods within a plan (a school year, a calendar year, several years)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Recurrence = Literal["none", "yearly", "quarterly", "weekly", "per-program", "unspecified"]
PeriodKind = Literal["academic_year", "calendar_year", "years"]

YEAR_MARGIN = 2
"""A date must lie within the plan's years widened by this many years on each side."""


@dataclass(frozen=True)
class Period:
    """When an item happens: ``YYYY-MM`` or ``YYYY-MM-DD`` bounds (either may be missing).

    ``weekdays`` (0 = Monday) keeps «по средам» of a weekly period for calendars; it is a hint,
    not part of the fixed ``{start, end, recurrence}`` shape, so it takes no part in comparisons.
    """

    start: str | None
    end: str | None
    recurrence: Recurrence = "none"
    weekdays: tuple[int, ...] = field(default=(), compare=False)

    def as_dict(self) -> dict[str, str | None]:
        return {"start": self.start, "end": self.end, "recurrence": self.recurrence}

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True)
class PlanPeriod:
    """The roadmap's own period: a school year (2024-2025), a calendar year (2023) or years (2022-2024)."""

    kind: PeriodKind
    first_year: int
    last_year: int

    @property
    def is_calendar(self) -> bool:
        return self.kind == "calendar_year"

    @property
    def multi_year(self) -> bool:
        """More than one school year: «в течение года» then recurs every year."""
        return self.kind == "years" or self.last_year - self.first_year > 1

    @property
    def school_year_start(self) -> dt.date:
        """The first day of the plan's first school year (or of its calendar year)."""
        return dt.date(self.first_year, 1 if self.is_calendar else 9, 1)

    @property
    def start_date(self) -> dt.date:
        """The plan's first day: 1 September of a school year, else 1 January."""
        return dt.date(self.first_year, 9 if self.kind == "academic_year" else 1, 1)

    @property
    def end_date(self) -> dt.date:
        """The plan's last day: 31 August after a school year, else 31 December of its last year."""
        return dt.date(self.last_year, 8, 31) if self.kind == "academic_year" else dt.date(self.last_year, 12, 31)

    def year_of(self, month: int) -> int:
        """The year of a month written without one: the plan's year, or its first school year (Sep–Aug)."""
        return self.first_year if self.is_calendar or month >= 9 else self.first_year + 1

    def readable_year(self, year: int) -> bool:
        return self.first_year - YEAR_MARGIN <= year <= self.last_year + YEAR_MARGIN


_PLAN = re.compile(r"([0-9]{4})(?:\s*[-–—/]\s*([0-9]{4}))?")


def parse_plan_period(text: str, kind: PeriodKind | None = None) -> PlanPeriod | None:
    """«2024-2025» → academic_year, «2022-2024» → years, «2023» → calendar_year; None if not a period."""
    match = _PLAN.search(text) if isinstance(text, str) else None
    if match is None or re.search(r"[0-9]", text[: match.start()] + text[match.end() :]):
        return None
    first = int(match[1])
    last = int(match[2]) if match[2] else first
    if not 1900 <= first <= last <= 2100:
        return None
    kind = kind or ("calendar_year" if last == first else "academic_year" if last == first + 1 else "years")
    if kind == "academic_year" and not match[2]:
        last = first + 1
    ok = {"academic_year": last == first + 1, "calendar_year": last == first, "years": last > first}
    return PlanPeriod(kind, first, last) if ok.get(str(kind)) else None


def month_bounds(period: Period) -> tuple[dt.date | None, dt.date | None]:
    """The first day of the start and the last day of the end (a ``YYYY-MM`` end is that month's last day)."""
    return _day(period.start, last=False), _day(period.end, last=True)


def _day(value: str | None, last: bool) -> dt.date | None:
    if value is None:
        return None
    year, month, *day = (int(part) for part in value.split("-"))
    if day:
        return dt.date(year, month, day[0])
    return dt.date(year, month, calendar.monthrange(year, month)[1] if last else 1)
