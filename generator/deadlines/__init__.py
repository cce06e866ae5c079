"""Russian deadline text → periods: «Сентябрь 2024 – май 2025 г.», «Ежегодно в мае», «до 1 октября 2024».

A small grammar, not a table of known strings (:mod:`.grammar`, its spans in :mod:`.spans`, over the
tokens of :mod:`.tokens`), read against the roadmap's own period (:mod:`.periods`): a school year
«2024-2025», several years «2022-2024» or a calendar year «2023»; :mod:`.resolve` settles the years
a text leaves out. The text as written is always kept and shown; what is read
from it is a list of ``{start, end, recurrence}`` periods, empty when nothing could be understood.
"""

from generator.deadlines.grammar import parse_deadline
from generator.deadlines.periods import (
    YEAR_MARGIN,
    Period,
    PeriodKind,
    PlanPeriod,
    Recurrence,
    month_bounds,
    parse_plan_period,
)

__all__ = [
    "YEAR_MARGIN",
    "Period",
    "PeriodKind",
    "PlanPeriod",
    "Recurrence",
    "month_bounds",
    "parse_deadline",
    "parse_plan_period",
]
