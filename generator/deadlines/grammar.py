"""The grammar of deadline texts: tokens → periods, by recursive descent with backtracking.

::

    expression := phrase | recurrence [","] [list] | list [","] [recurrence]
    list       := element (("," | "и") element)*
    element    := ["в течение"] ( week | "до" span | "с" span [("по" | "-" | "до") span] | span [("-" | "по") span] )
                  [[","] year]
    week       := (N | первая … | последняя) неделя month
    span       := day month [year] | dd.mm.yyyy [г.] | month [year] | season [период | каникулы] [year]
                | N полугодие/квартал/четверть [year] | year | 2024-2025 [учебный год] | [весь] [учебный] год
                | весь период | (начало | конец | по итогам) [учебного] года
    recurrence := ежегодно | ежеквартально | еженедельно [по средам] | по средам | каждую среду
                | каждую четверть | (N) раз(а) в год/четверть/неделю/месяц | по итогам четверти
                | ежемесячно | ежедневно | постоянно   (no such recurrence in the fixed set: «throughout»)
    phrase     := по (отдельному) плану/графику … | в соответствии со сроками/с программой …
                | по (мере) необходимости | по запросу | по согласованию

A new expression starts wherever the previous one cannot go on («Каждую четверть Ежегодно Ежегодно
летом» is three), so reading ignores letter case. Only when something cannot be read is the text
split into paragraphs at capitalised words (cells of several paragraphs are stored joined with one
space), and just the unreadable paragraphs are dropped. Years more than ``YEAR_MARGIN`` years outside
the plan are taken for typos: that expression is not read.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, TypeVar

from generator.deadlines.periods import Period, PlanPeriod, Recurrence, month_bounds
from generator.deadlines.tokens import MOD_END, MOD_START, Tok, tokenize

Often = Literal["often"]
OFTEN: Often = "often"
"""Monthly, daily, «постоянно»: more often than the fixed recurrences say; read as «throughout the period»."""


class _Unreadable(Exception):
    """The tokens are not an expression the grammar knows."""


@dataclass
class _Item:
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
class _Element:
    start: _Item | None  # None: «до …», an end only
    end: _Item | None  # None: «с …», a start only; the same object as start for one span


_T = TypeVar("_T")
_TERMS = {1: (9, 2), 2: (11, 2), 3: (1, 3), 4: (4, 2)}  # school quarters: first month, length
_HOLIDAYS = {6: (6, 3), 9: (10, 2), 12: (12, 2), 3: (3, 1)}  # school holidays by season: first month, length
_CONNECTORS = {
    "dash", "to", "from", "until", "comma", "and", "prep", "mod", "during", "each", "once", "number", "all", "last",
}  # fmt: skip
_UNITS: dict[str, Recurrence | Often] = {
    "term": "quarterly", "quarter": "quarterly", "yearword": "yearly", "week": "weekly",
    "month_w": OFTEN, "day_w": OFTEN, "half": OFTEN,
}  # fmt: skip


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


class _Parser:
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
            raise _Unreadable
        return tok

    def attempt(self, rule: Callable[[], _T]) -> _T | None:
        saved = self.pos
        try:
            return rule()
        except _Unreadable:
            self.pos = saved
            return None

    def periods(self) -> list[Period]:
        out: list[Period] = []
        while True:
            while self.take("comma", "stop", "and", "dash"):
                pass
            if self.pos == len(self.tokens):
                return out
            out += self.expression()

    def expression(self) -> list[Period]:
        fixed = self.attempt(self.phrase)
        if fixed:
            return [Period(None, None, fixed)]
        recurrence = self.attempt(self.recurrence)
        if recurrence:
            self.take("comma")
        elements = self.elements()
        if recurrence is None and elements:
            saved = self.pos
            self.take("comma")
            recurrence = self.attempt(self.recurrence)
            after = self.pos
            if recurrence is None or self.attempt(self.element) is not None:  # «ежегодно в мае» starts anew
                recurrence, after = None, saved
            self.pos = after
        if recurrence is None and not elements:
            raise _Unreadable
        if not elements:
            frame = self.frame(school=False)
            elements = [_Element(frame, frame)]
        kind, weekdays = recurrence or (None, ())
        return [replace(p, weekdays=weekdays) for p in self.resolve(elements, None if kind == OFTEN else kind)]

    def phrase(self) -> Recurrence:
        self.take("prep")
        if self.take("accord"):
            self.take("from")
            seen = [self.expect("terms", "plan", "program").kind]
        else:
            self.expect("to")
            if self.take("measure") or self.peek() == "asneeded":  # «по (мере) необходимости», «по запросу»
                seen = [self.expect("asneeded").kind]
            else:
                self.take("separate")
                seen = [self.expect("plan").kind]
        while tok := self.take("word", "comma", "prep", "and", "terms", "plan", "program", "separate"):
            seen.append(tok.kind)
        return "per-program" if "program" in seen else "unspecified"

    def recurrence(self) -> tuple[Recurrence | Often, tuple[int, ...]]:
        """The recurrence and, for a weekly one, its weekdays (0 = Monday)."""
        if days := self.attempt(self.weekdays):
            return "weekly", days
        if self.take("often"):
            return OFTEN, ()
        tok = self.take("yearly", "quarterly", "weekly")
        if tok is None:
            if self.take("to"):  # «по итогам (каждой) четверти»
                self.expect("results")
                self.take("each")
                tok = self.expect("term", "quarter")
            else:
                self.take("prep")
                self.take("mod")
                if self.take("each"):
                    if days := self.attempt(self.weekday_list):  # «каждую среду»
                        return "weekly", days
                    tok = self.expect("term", "quarter", "yearword", "week", "month_w", "day_w")
                else:
                    self.take("number")  # «1 раз», «2 раза» — any count per unit
                    self.expect("once")
                    self.take("prep")
                    tok = self.expect(*_UNITS)
        recurrence = _UNITS.get(tok.kind) or tok.kind
        if recurrence == "weekly":
            return "weekly", self.attempt(self.weekdays) or ()
        return recurrence, ()  # type: ignore[return-value]

    def weekdays(self) -> tuple[int, ...]:
        """«по средам», «по понедельникам и четвергам», «в среду»."""
        self.take("comma")
        self.expect("to", "prep")
        return self.weekday_list()

    def weekday_list(self) -> tuple[int, ...]:
        days = [self.expect("weekday").value]
        while day := self.attempt(lambda: (self.expect("comma", "and"), self.expect("weekday"))[1]):
            days.append(day.value)
        return tuple(sorted(set(days)))  # type: ignore[arg-type]

    def elements(self) -> list[_Element]:
        out: list[_Element] = []
        while (not out or self.take("comma", "and")) and (element := self.attempt(self.element)):
            out.append(element)
            saved = self.pos
        if out:
            self.pos = saved
        return out

    def element(self) -> _Element:
        during = bool(self.take("during"))
        week = self.attempt(self.week)
        if week is not None:
            element = week
        elif self.take("until"):
            element = _Element(None, self.item())
        elif self.take("from"):
            start = self.item()
            element = _Element(start, self.item() if self.take("to", "dash", "until") else None)
        else:
            start = self.item(during)
            saved = self.pos
            end = self.attempt(self.item) if self.take("dash", "to") else None
            if end is None:
                self.pos = saved
            element = _Element(start, end or start)
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
            raise _Unreadable
        return element

    def week(self) -> _Element:
        """«первая неделя сентября», «1-я неделя октября», «последняя неделя августа»: seven days."""
        self.take("prep")
        tok = self.expect("ord", "number", "last")
        self.expect("week")
        month = self.expect("month").value
        assert isinstance(month, int)
        if tok.kind == "last":
            return _Element(_Item(month, day=-7), _Item(month, day=-1))
        number = tok.value
        assert isinstance(number, int)
        if not 1 <= number <= 4:
            raise _Unreadable
        return _Element(_Item(month, day=7 * number - 6), _Item(month, day=7 * number))

    def item(self, during: bool = False) -> _Item:
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
                    return _Item(1, year=plan.first_year, months=12 * (plan.last_year - plan.first_year + 1))
                return _Item(9, year=plan.first_year, months=12 * (plan.last_year - plan.first_year - 1) + 10)
        mod = self.take("mod")
        if mod is None and self.peek() == "to" and self.peek(1) == "results":  # «по итогам учебного года»
            self.pos += 2
            mod = Tok("mod", MOD_END)
        if mod is not None:
            if self.peek() in ("school", "yearword"):
                return self.edge(mod.value)  # type: ignore[arg-type]
            if self.peek() not in ("month", "number"):  # «конец мая», «конец 1 четверти»; not «начало 2024»
                raise _Unreadable
        tok = self.expect("date", "daymonth", "monthyear", "month", "season", "number", "ord", "roman", "year", "years")
        value = tok.value
        if isinstance(value, tuple):
            if tok.kind == "years":
                return self.years(*value)
            if tok.kind == "monthyear":
                self.take("yearword")
                return _Item(value[0], year=value[1])
            if len(value) > 2:
                self.take("yearword")
            return _Item(value[1], day=value[0], year=value[2] if len(value) > 2 else None)
        if tok.kind == "month":
            return self.written_year(_Item(value), optional=True)
        if tok.kind == "season":
            return self.season(value)
        if tok.kind == "year":
            self.take("yearword")
            return _Item(1, year=value, months=12)
        if tok.kind == "number" and self.peek() == "month":
            if not 1 <= value <= 31:
                raise _Unreadable
            return self.written_year(_Item(self.expect("month").value, day=value), optional=True)  # type: ignore[arg-type]
        if tok.kind == "number" and self.peek() not in ("half", "quarter", "term"):
            if not 1 <= value <= 31:
                raise _Unreadable
            return _Item(None, day=value)
        return self.part(value)

    def season(self, month: int) -> _Item:
        """«осень 2024», «в летний период», «летние каникулы» (holidays are shorter than their season)."""
        self.take("period")
        first, months = _HOLIDAYS[month] if self.take("holidays") else (month, 3)
        season = self.written_year(_Item(first, months=months), optional=True)
        if month == 12 and season.year is not None:  # «зима 2024»: which winter is unclear
            raise _Unreadable
        return season

    def edge(self, mod: int) -> _Item:
        """«в начале (учебного) года» → its first month; «в конце учебного года», «по итогам года» → May–June."""
        school = bool(self.take("school"))
        self.expect("yearword")
        frame = self.frame(school)
        if mod == MOD_START:
            return replace(frame, months=1, whole_school_year=False)
        if mod != MOD_END:
            raise _Unreadable
        if frame.school is None:  # a calendar year ends in December
            return replace(frame, month=12, months=1)
        return replace(frame, month=5, months=2, whole_school_year=False)

    def part(self, number: int) -> _Item:
        """«I полугодие», «1 квартал 2024 г.», «третья четверть»."""
        unit = self.expect("half", "quarter", "term").kind
        if not 1 <= number <= (2 if unit == "half" else 4):
            raise _Unreadable
        written = self.attempt(lambda: self.written_year(_Item(1)))
        if unit == "quarter":
            item = _Item(3 * number - 2, months=3)
        elif unit == "term":
            item = _Item(_TERMS[number][0], months=_TERMS[number][1])
        elif (written and written.year) or (written is None and self.plan.is_calendar):
            item = _Item(1 if number == 1 else 7, months=6)  # a calendar half-year
        else:
            item = _Item(9, months=4) if number == 1 else _Item(1, months=5)  # a school half-year
        if written:
            item.year, item.school = written.year, written.school
        return item

    def written_year(self, item: _Item, optional: bool = False) -> _Item:
        """«2024», «2024 г.», «2023 года», «2024-2025 учебного года» after a span."""
        tok = self.take("year", "years")
        if tok is None and not optional:
            raise _Unreadable
        if tok and tok.kind == "year":
            item.year = tok.value  # type: ignore[assignment]
        elif tok:
            first, last = tok.value  # type: ignore[misc]
            if last != first + 1:
                raise _Unreadable
            item.school = first
            self.take("school")
        if tok:
            self.take("yearword")
        return item

    def years(self, first: int, last: int) -> _Item:
        """«2024-2025 (учебный год)» → the school year; «2022-2024 гг.» → those calendar years."""
        school = bool(self.take("school"))
        self.take("yearword")
        if last == first + 1:
            return _Item(9, school=first, months=10, whole_school_year=True)
        if last <= first:
            raise _Unreadable
        if school:
            return _Item(9, year=first, months=12 * (last - first - 1) + 10)
        return _Item(1, year=first, months=12 * (last - first + 1))

    def frame(self, school: bool) -> _Item:
        """«(в течение) года»: the plan's first school year, or its calendar year."""
        plan = self.plan
        if plan.is_calendar and not school:
            return _Item(1, year=plan.first_year, months=12)
        return _Item(9, school=plan.first_year, months=10, whole_school_year=True, implicit_yearly=plan.multi_year)

    # --- resolution ---

    def resolve(self, elements: list[_Element], recurrence: Recurrence | None) -> list[Period]:
        """Years for what has none: from the range's other end, the list's neighbours, else the plan."""
        spans: list[tuple[str | None, str | None] | None] = [None] * len(elements)
        for index, element in enumerate(elements):
            if recurrence == "quarterly":  # terms end in May
                for item in {id(i): i for i in (element.start, element.end) if i and i.whole_school_year}.values():
                    item.months = 9
            if any(i.year_written() is not None and not i.from_plan for i in (element.start, element.end) if i):
                spans[index] = self.span(element, self.plan.year_of)
        out = []
        for index, element in enumerate(elements):
            span = spans[index]
            if span is None:
                later = next((s[0] or s[1] for s in spans[index + 1 :] if s), None)
                earlier = next((s[1] or s[0] for s in reversed(spans[:index]) if s), None)
                span = self.span(
                    element, _near(later, before=True) or _near(earlier, before=False) or self.plan.year_of
                )
            implicit = any(i.implicit_yearly for i in (element.start, element.end) if i)
            out.append(self.period(*span, recurrence or ("yearly" if implicit else "none")))
        return out

    def span(self, element: _Element, default: Callable[[int], int]) -> tuple[str | None, str | None]:
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

    def period(self, start: str | None, end: str | None, recurrence: Recurrence) -> Period:
        period = Period(start, end, recurrence)
        first, last = month_bounds(period)  # ValueError for an impossible date
        if any(day and not self.plan.readable_year(day.year) for day in (first, last)):
            raise _Unreadable
        if first and last and first > last:
            raise _Unreadable
        return period


def _point(item: _Item, year: int, last_month: bool = False) -> str:
    if item.month is None or not 1 <= item.month <= 12:
        raise _Unreadable
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


def _read(tokens: list[Tok], plan: PlanPeriod) -> list[Period] | None:
    try:
        return _Parser(tokens, plan).periods()
    except (_Unreadable, ValueError, OverflowError):
        return None


def _paragraphs(tokens: list[Tok]) -> list[list[Tok]]:
    """Split where a capitalised word follows something that does not ask for a continuation."""
    parts: list[list[Tok]] = [[]]
    for tok in tokens:
        if tok.cap and parts[-1] and parts[-1][-1].kind not in _CONNECTORS:
            parts.append([])
        parts[-1].append(tok)
    return parts


def parse_deadline(text: str, plan: PlanPeriod) -> list[Period]:
    """The periods a deadline text names, in order, each once; [] when nothing could be read.

    «По графику» next to dates adds nothing to them: an ``unspecified`` period is kept only alone.
    """
    if not isinstance(text, str) or not text.strip():
        return []
    return list(_parse(text, plan))


@lru_cache(maxsize=8192)
def _parse(text: str, plan: PlanPeriod) -> tuple[Period, ...]:
    """Roadmaps repeat their deadline texts, and ``check`` and the Portal both ask: read each once."""
    tokens = tokenize(text)
    periods = _read(tokens, plan)
    if periods is None:
        periods = [period for part in _paragraphs(tokens) for period in _read(part, plan) or []]
    if any(p.dated for p in periods):
        periods = [p for p in periods if p.recurrence != "unspecified"]
    return tuple(dict.fromkeys(periods))
