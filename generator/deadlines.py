"""Russian deadline text → periods: «Сентябрь 2024 – май 2025 г.», «Ежегодно в мае», «до 1 октября 2024».

A small grammar, not a table of known strings. The text is tokenised (months and seasons in any
grammatical case, years, dates, numbers, keywords, dashes) and read as a sequence of expressions::

    expression := phrase | recurrence [","] [list] | list [","] [recurrence]
    list       := element (("," | "и") element)*
    element    := ["в течение"] ( "до" span | "с" span [("по" | "-" | "до") span] | span [("-" | "по") span] ) [[","] year]
    span       := day month [year] | dd.mm.yyyy | month [year] | season [year] | N полугодие/квартал/четверть [year]
                | year | 2024-2025 [учебный год] | [весь] [учебный] год | весь период
    recurrence := ежегодно | ежеквартально | еженедельно [по средам] | каждую четверть | (1) раз в год ...
    phrase     := по (отдельному) плану/графику … | в соответствии со сроками/с программой …

A new expression starts wherever the previous one cannot go on («Каждую четверть Ежегодно Ежегодно
летом» is three), so reading ignores letter case. Only when something cannot be read is the text
split into paragraphs at capitalised words (cells of several paragraphs are stored joined with one
space), and just the unreadable paragraphs are dropped. Years more than ``YEAR_MARGIN`` years outside
the plan are taken for typos: that expression is not read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal, TypeVar

Recurrence = Literal["none", "yearly", "quarterly", "weekly", "per-program", "unspecified"]
PeriodKind = Literal["academic_year", "calendar_year", "years"]

YEAR_MARGIN = 2
"""A date must lie within the plan's years widened by this many years on each side."""


@dataclass(frozen=True)
class Period:
    """When an item happens: ``YYYY-MM`` or ``YYYY-MM-DD`` bounds (either may be missing)."""

    start: str | None
    end: str | None
    recurrence: Recurrence = "none"

    def as_dict(self) -> dict[str, str | None]:
        return {"start": self.start, "end": self.end, "recurrence": self.recurrence}


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


# --- tokens -------------------------------------------------------------------------------------

_SCAN = re.compile(
    r"""(?P<date>[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{4}|[0-9]{2}))(?![0-9])
      | (?P<monthyear>[0-9]{1,2}\.[0-9]{4})(?![0-9])
      | (?P<daymonth>[0-9]{1,2}\.[0-9]{1,2})(?![0-9])(?!\.[0-9])
      | (?P<years>[0-9]{4}\s*[-–—/]\s*[0-9]{4})(?![0-9])
      | (?P<number>[0-9]+)(?:-(?:го|ое|ый|ой|ий|ая|ую|й|е|я)(?![^\W\d_]))?
      | (?P<word>[^\W\d_]+)(?P<dot>\.)?
      | (?P<dash>[-–—‒−])
      | (?P<comma>,)
      | (?P<stop>[.;:])
      | (?P<skip>[\s()«»"“”„']+)
      | (?P<other>.)""",
    re.VERBOSE,
)
_ABBREVIATIONS = {"г", "гг", "уч", "кв", "янв", "фев", "февр", "мар", "апр", "авг", "сен", "сент", "окт", "ноя", "нояб", "дек"}


def _forms(stems: str, endings: str) -> list[str]:
    return [stem + ending for stem in stems.split() for ending in endings.split(",")]


def _vocabulary() -> dict[str, tuple[str, int]]:
    words: dict[str, tuple[str, int]] = {}

    def add(kind: str, value: int, forms: list[str]) -> None:
        words.update(dict.fromkeys(forms, (kind, value)))

    month_stems = "январ феврал март апрел ма июн июл август сентябр октябр ноябр декабр".split()
    for number, stem in enumerate(month_stems, 1):
        endings = ",а,е,у,ом" if stem in ("март", "август") else "й,я,е,ю,ем" if stem == "ма" else "ь,я,е,ю,ем"
        add("month", number, _forms(stem, endings))
    for number, shorts in enumerate("янв фев,февр мар апр - - - авг сен,сент окт ноя,нояб дек".split(), 1):
        add("month", number, shorts.split(","))
    adjective = ",ий,его,ем,ие,их,юю,яя,ей"
    add("season", 9, ["осень", "осени", "осенью", *_forms("осенн", adjective)])
    add("season", 12, _forms("зим", "а,ы,е,у,ой,ою") + _forms("зимн", adjective))
    add("season", 3, _forms("весн", "а,ы,е,у,ой,ою") + _forms("весенн", adjective))
    add("season", 6, _forms("лет", "о,а,е,ом") + _forms("летн", adjective))
    for number, (stem, endings) in enumerate(
        [("перв", "ый,ое,ая,ого,ой,ом,ую"), ("втор", "ой,ое,ая,ого,ом,ую"), ("трет", "ий,ье,ья,ьего,ьей,ьем,ью"),
         ("четверт", "ый,ое,ая,ого,ой,ом,ую")], 1):  # fmt: skip
        add("ord", number, _forms(stem, endings))
    for number, roman in enumerate(("i", "ii", "iii", "iv"), 1):
        add("roman", number, [roman])
    add("number", 1, ["один", "одного"])
    keywords = {
        "yearly": "ежегодно", "quarterly": "ежеквартально", "weekly": "еженедельно",
        "each": "каждый каждую каждой каждая каждое каждого каждом каждые",
        "term": "четверть четверти четвертям четвертью", "quarter": "квартал квартала квартале кварталам кв",
        "half": "полугодие полугодия полугодии", "week": "неделю неделя недели", "once": "раз",
        "yearword": "год года году годы годов г гг", "school": "учебного учебный учебном учебных учебные уч",
        "period": "период периода периоде", "all": "весь всего всей целого целый",
        "prep": "в во на", "during_w": "течение течении протяжении", "until": "до к", "from": "с со",
        "to": "по", "and": "и", "not": "не", "late": "позднее позже", "early": "ранее", "since": "начиная",
        "mod": "начало начале начала конец конце конца середина середине середины",
        "accord": "соответствии согласно", "terms": "сроками срокам сроки", "separate": "отдельному индивидуальному",
        "plan": "плану графику планом графиком", "program": "программ программы программе программой программам",
    }  # fmt: skip
    for kind, forms in keywords.items():
        add(kind, 0, forms.split())
    add("weekday", 0, _forms("понедельник вторник четверг", ",а,у,и,ам") + _forms("сред пятниц суббот", "а,у,ы,е,ам"))
    return words


_WORDS = _vocabulary()
_MERGE = {("prep", "during_w"): "during", ("not", "late"): "until", ("not", "early"): "from", ("since", "from"): "from"}


@dataclass(frozen=True)
class _Tok:
    kind: str
    value: int | tuple[int, ...] = 0
    cap: bool = False  # written with a capital: may start a paragraph of a joined cell


def _tokenize(text: str) -> list[_Tok]:
    text = text.translate(str.maketrans("ёЁІі", "еЕIi"))
    raw: list[_Tok] = []
    for match in _SCAN.finditer(text):
        kind = "word" if match.lastgroup == "dot" else match.lastgroup or "other"
        chunk = match.group()
        cap = chunk[:1].isupper()
        if kind in ("date", "daymonth", "monthyear"):
            parts = [int(part) for part in chunk.split(".")]
            if kind == "date" and parts[2] < 100:
                parts[2] += 2000
            raw.append(_Tok(kind, tuple(parts)))
        elif kind == "years":
            raw.append(_Tok("years", tuple(int(y) for y in re.findall(r"[0-9]{4}", chunk))))
        elif kind == "number":
            digits = int(match["number"])
            ok_year = len(match["number"]) == 4 and 1900 <= digits <= 2099
            raw.append(_Tok("year", digits) if ok_year else _Tok("number", digits) if digits <= 99 else _Tok("other"))
        elif kind == "word":
            word = match["word"].lower()
            found = _WORDS.get(word, ("word", 0))
            raw.append(_Tok(found[0], found[1], cap))
            if match["dot"] and word not in _ABBREVIATIONS:
                raw.append(_Tok("stop"))
        elif kind != "skip":
            raw.append(_Tok(kind))
    tokens: list[_Tok] = []
    for tok in raw:
        merged = _MERGE.get((tokens[-1].kind, tok.kind)) if tokens else None
        if merged:
            tokens[-1] = replace(tokens[-1], kind=merged)
        else:
            tokens.append(tok)
    return [replace(t, kind="during") if t.kind == "during_w" else t for t in tokens]


# --- grammar ------------------------------------------------------------------------------------


class _Unreadable(Exception):
    """The tokens are not an expression the grammar knows."""


@dataclass
class _Item:
    """One span as written, before its year is settled."""

    month: int | None  # first month; None for a bare day («с 1» in «с 1 по 15 марта»)
    day: int | None = None
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
_CONNECTORS = {"dash", "to", "from", "until", "comma", "and", "prep", "mod", "during", "each", "once", "number", "all"}


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


class _Parser:
    def __init__(self, tokens: list[_Tok], plan: PlanPeriod) -> None:
        self.tokens, self.pos, self.plan = tokens, 0, plan

    def peek(self) -> str:
        return self.tokens[self.pos].kind if self.pos < len(self.tokens) else ""

    def take(self, *kinds: str) -> _Tok | None:
        if self.peek() in kinds:
            self.pos += 1
            return self.tokens[self.pos - 1]
        return None

    def expect(self, *kinds: str) -> _Tok:
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
        return self.resolve(elements, recurrence)

    def phrase(self) -> Recurrence:
        self.take("prep")
        if self.take("accord"):
            self.take("from")
            seen = [self.expect("terms", "plan", "program").kind]
        else:
            self.expect("to")
            self.take("separate")
            seen = [self.expect("plan").kind]
        while tok := self.take("word", "comma", "prep", "and", "terms", "plan", "program", "separate"):
            seen.append(tok.kind)
        return "per-program" if "program" in seen else "unspecified"

    def recurrence(self) -> Recurrence:
        if self.attempt(self.weekdays):
            return "weekly"
        tok = self.take("yearly", "quarterly", "weekly")
        if tok is None:
            self.take("prep")
            self.take("mod")
            if not self.take("each"):
                if (one := self.take("number")) and one.value != 1:
                    raise _Unreadable
                self.expect("once")
                self.take("prep")
            tok = self.expect("term", "quarter", "yearword", "week")
        recurrence: Recurrence = {"term": "quarterly", "quarter": "quarterly", "yearword": "yearly", "week": "weekly"}.get(
            tok.kind, tok.kind
        )  # type: ignore[assignment]
        if recurrence == "weekly":
            self.attempt(self.weekdays)
        return recurrence

    def weekdays(self) -> bool:
        """«по средам», «по понедельникам и четвергам», «в среду»."""
        self.take("comma")
        self.expect("to", "prep")
        self.expect("weekday")
        while self.attempt(lambda: (self.expect("comma", "and"), self.expect("weekday"))):
            pass
        return True

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
        if self.take("until"):
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

    def item(self, during: bool = False) -> _Item:
        self.take("prep")
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
        if self.take("mod") and self.peek() not in ("month", "number"):  # «конец мая», «начало 1 …» is not
            raise _Unreadable
        tok = self.expect("date", "daymonth", "monthyear", "month", "season", "number", "ord", "roman", "year", "years")
        value = tok.value
        if isinstance(value, tuple):
            if tok.kind == "years":
                return self.years(*value)
            if tok.kind == "monthyear":
                return _Item(value[0], year=value[1])
            return _Item(value[1], day=value[0], year=value[2] if len(value) > 2 else None)
        if tok.kind == "month":
            return self.written_year(_Item(value), optional=True)
        if tok.kind == "season":
            self.take("period")
            season = self.written_year(_Item(value, months=3), optional=True)
            if value == 12 and season.year is not None:  # «зима 2024»: which winter is unclear
                raise _Unreadable
            return season
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
        return _Item(9, year=first, months=12 * (last - first - 1) + 10) if school else _Item(1, year=first, months=12 * (last - first + 1))

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
                span = self.span(element, _near(later, before=True) or _near(earlier, before=False) or self.plan.year_of)
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
                last = first + backwards  # type: ignore[operator]
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
    return f"{year:04d}-{month:02d}" + (f"-{item.day:02d}" if item.day else "")


def _near(point: str | None, before: bool) -> Callable[[int], int] | None:
    """Years for a list's element next to one with a year: «октябрь, ноябрь 2023» → October 2023."""
    if point is None:
        return None
    year, month = (int(part) for part in point.split("-")[:2])
    if before:
        return lambda m: year if m <= month else year - 1
    return lambda m: year if m >= month else year + 1


def _read(tokens: list[_Tok], plan: PlanPeriod) -> list[Period] | None:
    try:
        return _Parser(tokens, plan).periods()
    except (_Unreadable, ValueError, OverflowError):
        return None


def _paragraphs(tokens: list[_Tok]) -> list[list[_Tok]]:
    """Split where a capitalised word follows something that does not ask for a continuation."""
    parts: list[list[_Tok]] = [[]]
    for tok in tokens:
        if tok.cap and parts[-1] and parts[-1][-1].kind not in _CONNECTORS:
            parts.append([])
        parts[-1].append(tok)
    return parts


def parse_deadline(text: str, plan: PlanPeriod) -> list[Period]:
    """The periods a deadline text names, in order, each once; [] when nothing could be read."""
    if not isinstance(text, str) or not text.strip():
        return []
    tokens = _tokenize(text)
    periods = _read(tokens, plan)
    if periods is None:
        periods = [period for part in _paragraphs(tokens) for period in _read(part, plan) or []]
    return list(dict.fromkeys(periods))

