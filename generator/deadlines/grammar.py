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

Here: expressions, lists, recurrences and phrases; one element and its spans are read by
:mod:`.spans`, and their years settled by :mod:`.resolve`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Literal

from generator.deadlines.periods import Period, PlanPeriod, Recurrence
from generator.deadlines.resolve import Element, Unreadable, resolve
from generator.deadlines.spans import SpanParser
from generator.deadlines.tokens import Tok, tokenize

Often = Literal["often"]
OFTEN: Often = "often"
"""Monthly, daily, «постоянно»: more often than the fixed recurrences say; read as «throughout the period»."""

_CONNECTORS = {
    "dash", "to", "from", "until", "comma", "and", "prep", "mod", "during", "each", "once", "number", "all", "last",
}  # fmt: skip
_UNITS: dict[str, Recurrence | Often] = {
    "term": "quarterly", "quarter": "quarterly", "yearword": "yearly", "week": "weekly",
    "month_w": OFTEN, "day_w": OFTEN, "half": OFTEN,
}  # fmt: skip


class _Parser(SpanParser):
    """The rules above one span: expressions, their lists, recurrences and fixed phrases."""

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
            raise Unreadable
        if not elements:
            frame = self.frame(school=False)
            elements = [Element(frame, frame)]
        kind, weekdays = recurrence or (None, ())
        return [replace(p, weekdays=weekdays) for p in resolve(elements, None if kind == OFTEN else kind, self.plan)]

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

    def elements(self) -> list[Element]:
        out: list[Element] = []
        while (not out or self.take("comma", "and")) and (element := self.attempt(self.element)):
            out.append(element)
            saved = self.pos
        if out:
            self.pos = saved
        return out


def _read(tokens: list[Tok], plan: PlanPeriod) -> list[Period] | None:
    try:
        return _Parser(tokens, plan).periods()
    except (Unreadable, ValueError, OverflowError):
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
