"""The spans of the deadline grammar: a reading cursor over the tokens and the rules for one span.

::

    element    := ["в течение"] ( week | "до" span | "с" span [("по" | "-" | "до") span] | span [("-" | "по") span] )
                  [[","] year]
    week       := (N | первая … | последняя) неделя month
    span       := day month [year] | dd.mm.yyyy [г.] | month [year] | season [период | каникулы] [year]
                | N полугодие/квартал/четверть [year] | year | 2024-2025 [учебный год] | [весь] [учебный] год
                | весь период | (начало | конец | по итогам) [учебного] года

A span's year, when not written, is left for :mod:`.resolve` to settle.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from generator.deadlines.periods import PlanPeriod
from generator.deadlines.resolve import Element, Item, Unreadable
from generator.deadlines.tokens import MOD_END, MOD_START, Tok

_T = TypeVar("_T")
_TERMS = {1: (9, 2), 2: (11, 2), 3: (1, 3), 4: (4, 2)}  # school quarters: first month, length
_HOLIDAYS = {6: (6, 3), 9: (10, 2), 12: (12, 2), 3: (3, 1)}  # school holidays by season: first month, length


class Cursor:
    """A position in the tokens, moved by rules that either read their part or raise :class:`Unreadable`."""

    def __init__(self, tokens: list[Tok], plan: PlanPeriod) -> None:
        self.tokens, self.pos, self.plan = tokens, 0, plan

    def peek(self, ahead: int = 0) -> str:
        index = self.pos + ahead
        return self.tokens[index].kind if index < len(self.tokens) else ""

    def take(self, *kinds: str) -> Tok | None:
        if self.peek() in kinds:
            self.pos += 1
            return self.tokens[self.pos - 1]
        return None

    def expect(self, *kinds: str) -> Tok:
        tok = self.take(*kinds)
        if tok is None:
            raise Unreadable
        return tok

    def attempt(self, rule: Callable[[], _T]) -> _T | None:
        saved = self.pos
        try:
            return rule()
        except Unreadable:
            self.pos = saved
            return None


class SpanParser(Cursor):
    """The rules for one element of a list: a span, a range of spans or a week, with its year."""

    def element(self) -> Element:
        during = bool(self.take("during"))
        week = self.attempt(self.week)
        if week is not None:
            element = week
        elif self.take("until"):
            element = Element(None, self.item())
        elif self.take("from"):
            start = self.item()
            element = Element(start, self.item() if self.take("to", "dash", "until") else None)
        else:
            start = self.item(during)
            saved = self.pos
            end = self.attempt(self.item) if self.take("dash", "to") else None
            if end is None:
                self.pos = saved
            element = Element(start, end or start)
        last = element.end or element.start
        assert last is not None
        if last.year_written() is None and last.month is not None:
            saved = self.pos
            self.take("comma")
            if not self.attempt(lambda: self.written_year(last)):
                self.pos = saved
        if (element.end is not None and element.end.month is None) or (
            element.start is not None and element.start.month is None and element.end in (None, element.start)
        ):
            raise Unreadable
        return element

    def week(self) -> Element:
        """«первая неделя сентября», «1-я неделя октября», «последняя неделя августа»: seven days."""
        self.take("prep")
        tok = self.expect("ord", "number", "last")
        self.expect("week")
        month = self.expect("month").value
        assert isinstance(month, int)
        if tok.kind == "last":
            return Element(Item(month, day=-7), Item(month, day=-1))
        number = tok.value
        assert isinstance(number, int)
        if not 1 <= number <= 4:
            raise Unreadable
        return Element(Item(month, day=7 * number - 6), Item(month, day=7 * number))

    def item(self, during: bool = False) -> Item:
        self.take("prep")
        if self.peek() == "period" and self.peek(1) == "season":  # «в период летних каникул»
            self.take("period")
        whole = self.take("all")
        if during or whole:
            if self.take("school"):
                self.expect("yearword")
                return self.frame(school=True)
            if self.take("yearword"):
                return self.frame(school=False)
            if whole:
                self.expect("period")
                plan = self.plan
                if plan.is_calendar:
                    return Item(1, year=plan.first_year, months=12 * (plan.last_year - plan.first_year + 1))
                return Item(9, year=plan.first_year, months=12 * (plan.last_year - plan.first_year - 1) + 10)
        mod = self.take("mod")
        if mod is None and self.peek() == "to" and self.peek(1) == "results":  # «по итогам учебного года»
            self.pos += 2
            mod = Tok("mod", MOD_END)
        if mod is not None:
            if self.peek() in ("school", "yearword"):
                return self.edge(mod.value)  # type: ignore[arg-type]
            if self.peek() not in ("month", "number"):  # «конец мая», «конец 1 четверти»; not «начало 2024»
                raise Unreadable
        tok = self.expect("date", "daymonth", "monthyear", "month", "season", "number", "ord", "roman", "year", "years")
        value = tok.value
        if isinstance(value, tuple):
            if tok.kind == "years":
                return self.years(*value)
            if tok.kind == "monthyear":
                self.take("yearword")
                return Item(value[0], year=value[1])
            if len(value) > 2:
                self.take("yearword")
            return Item(value[1], day=value[0], year=value[2] if len(value) > 2 else None)
        if tok.kind == "month":
            return self.written_year(Item(value), optional=True)
        if tok.kind == "season":
            return self.season(value)
        if tok.kind == "year":
            self.take("yearword")
            return Item(1, year=value, months=12)
        if tok.kind == "number" and self.peek() == "month":
            if not 1 <= value <= 31:
                raise Unreadable
            return self.written_year(Item(self.expect("month").value, day=value), optional=True)  # type: ignore[arg-type]
        if tok.kind == "number" and self.peek() not in ("half", "quarter", "term"):
            if not 1 <= value <= 31:
                raise Unreadable
            return Item(None, day=value)
        return self.part(value)

    def season(self, month: int) -> Item:
        """«осень 2024», «в летний период», «летние каникулы» (holidays are shorter than their season)."""
        self.take("period")
        first, months = _HOLIDAYS[month] if self.take("holidays") else (month, 3)
        season = self.written_year(Item(first, months=months), optional=True)
        if month == 12 and season.year is not None:  # «зима 2024»: which winter is unclear
            raise Unreadable
        return season

    def edge(self, mod: int) -> Item:
        """«в начале (учебного) года» → its first month; «в конце учебного года», «по итогам года» → May–June."""
        school = bool(self.take("school"))
        self.expect("yearword")
        frame = self.frame(school)
        if mod == MOD_START:
            return replace(frame, months=1, whole_school_year=False)
        if mod != MOD_END:
            raise Unreadable
        if frame.school is None:  # a calendar year ends in December
            return replace(frame, month=12, months=1)
        return replace(frame, month=5, months=2, whole_school_year=False)

    def part(self, number: int) -> Item:
        """«I полугодие», «1 квартал 2024 г.», «третья четверть»."""
        unit = self.expect("half", "quarter", "term").kind
        if not 1 <= number <= (2 if unit == "half" else 4):
            raise Unreadable
        written = self.attempt(lambda: self.written_year(Item(1)))
        if unit == "quarter":
            item = Item(3 * number - 2, months=3)
        elif unit == "term":
            item = Item(_TERMS[number][0], months=_TERMS[number][1])
        elif (written and written.year) or (written is None and self.plan.is_calendar):
            item = Item(1 if number == 1 else 7, months=6)  # a calendar half-year
        else:
            item = Item(9, months=4) if number == 1 else Item(1, months=5)  # a school half-year
        if written:
            item.year, item.school = written.year, written.school
        return item

    def written_year(self, item: Item, optional: bool = False) -> Item:
        """«2024», «2024 г.», «2023 года», «2024-2025 учебного года» after a span."""
        tok = self.take("year", "years")
        if tok is None and not optional:
            raise Unreadable
        if tok and tok.kind == "year":
            item.year = tok.value  # type: ignore[assignment]
        elif tok:
            first, last = tok.value  # type: ignore[misc]
            if last != first + 1:
                raise Unreadable
            item.school = first
            self.take("school")
        if tok:
            self.take("yearword")
        return item

    def years(self, first: int, last: int) -> Item:
        """«2024-2025 (учебный год)» → the school year; «2022-2024 гг.» → those calendar years."""
        school = bool(self.take("school"))
        self.take("yearword")
        if last == first + 1:
            return Item(9, school=first, months=10, whole_school_year=True)
        if last <= first:
            raise Unreadable
        if school:
            return Item(9, year=first, months=12 * (last - first - 1) + 10)
        return Item(1, year=first, months=12 * (last - first + 1))

    def frame(self, school: bool) -> Item:
        """«(в течение) года»: the plan's first school year, or its calendar year."""
        plan = self.plan
        if plan.is_calendar and not school:
            return Item(1, year=plan.first_year, months=12)
        return Item(9, school=plan.first_year, months=10, whole_school_year=True, implicit_yearly=plan.multi_year)
