"""generator.deadlines: the seeds' deadline texts (deadlines.tsv), other wordings, and invariants.

Bound used by the invariant tests: every date the parser returns lies within the plan's years widened
by ``YEAR_MARGIN`` (2) years on each side — from 1 January of ``first_year - 2`` to 31 December of
``last_year + 2``; an expression naming a year outside that is not read at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from generator.deadlines import YEAR_MARGIN, Period, PlanPeriod, month_bounds, parse_deadline, parse_plan_period

SEEDS = FIXTURES / "seeds"
SEED_KINDS = {"seed-000": "academic_year", "seed-001": "years", "seed-004": "academic_year"}


def _tsv_cases() -> list[tuple[str, str, str, list[Period]]]:
    with (SEEDS / "deadlines.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    groups: dict[tuple[str, str, str], list[Period]] = {}
    for row in rows:
        key = (row["seed"], row["raw_text"], row["academic_year_context"])
        groups.setdefault(key, []).append(Period(row["start"] or None, row["end"] or None, row["recurrence"]))
    return [(seed, text, context, periods) for (seed, text, context), periods in groups.items()]


TSV_CASES = _tsv_cases()


def test_tsv_is_complete() -> None:
    assert len(TSV_CASES) == 40
    assert sum(len(periods) for *_, periods in TSV_CASES) == 46


@pytest.mark.parametrize(("seed", "text", "context", "expected"), TSV_CASES, ids=[f"{c[0]}: {c[1]}" for c in TSV_CASES])
def test_seed_deadlines(seed: str, text: str, context: str, expected: list[Period]) -> None:
    plan = parse_plan_period(context, SEED_KINDS[seed])  # type: ignore[arg-type]
    assert plan is not None
    assert parse_deadline(text, plan) == expected


ACADEMIC = PlanPeriod("academic_year", 2024, 2025)
CALENDAR = PlanPeriod("calendar_year", 2023, 2023)
YEARS = PlanPeriod("years", 2022, 2024)
PLANS = {"a": ACADEMIC, "c": CALENDAR, "y": YEARS}

# (plan, text, [(start, end, recurrence), ...])
TABLE: list[tuple[str, str, list[tuple[str | None, str | None, str]]]] = [
    ("a", "15.03.2023", [("2023-03-15", "2023-03-15", "none")]),
    ("a", "25 сентября - 8 октября 2023", [("2023-09-25", "2023-10-08", "none")]),
    ("a", "с 1 по 15 марта 2024 г.", [("2024-03-01", "2024-03-15", "none")]),
    ("a", "с 01.09.2024 по 31.05.2025", [("2024-09-01", "2025-05-31", "none")]),
    ("a", "1-15 марта", [("2025-03-01", "2025-03-15", "none")]),
    ("c", "Еженедельно по средам 2023г", [("2023-01", "2023-12", "weekly")]),
    ("a", "еженедельно, по понедельникам и четвергам", [("2024-09", "2025-06", "weekly")]),
    ("a", "Сентябрь 2024 года", [("2024-09", "2024-09", "none")]),
    ("a", "сент. 2024 г.", [("2024-09", "2024-09", "none")]),
    ("a", "март–апрель 2025 гг.", [("2025-03", "2025-04", "none")]),
    ("a", "янв.-февр. 2025 г.", [("2025-01", "2025-02", "none")]),
    ("a", "октябрь 2024 - апрель 2025", [("2024-10", "2025-04", "none")]),
    ("a", "Декабрь – февраль 2025", [("2024-12", "2025-02", "none")]),
    ("a", "с сентября по май", [("2024-09", "2025-05", "none")]),
    ("a", "с сентября 2024 г.", [("2024-09", None, "none")]),
    ("c", "В течение всего года", [("2023-01", "2023-12", "none")]),
    ("c", "в течение года", [("2023-01", "2023-12", "none")]),
    ("a", "в течение 2024-2025 учебного года", [("2024-09", "2025-06", "none")]),
    ("a", "В течение 2025 года", [("2025-01", "2025-12", "none")]),
    ("a", "до 25.05.2025", [(None, "2025-05-25", "none")]),
    ("a", "не позднее 15 сентября", [(None, "2024-09-15", "none")]),
    ("a", "до конца сентября", [(None, "2024-09", "none")]),
    ("a", "в течение первого полугодия", [("2024-09", "2024-12", "none")]),
    ("c", "в течение первого полугодия", [("2023-01", "2023-06", "none")]),
    ("a", "II полугодие", [("2025-01", "2025-05", "none")]),
    ("a", "I полугодие 2025 г.", [("2025-01", "2025-06", "none")]),
    ("a", "1 квартал", [("2025-01", "2025-03", "none")]),
    ("a", "IV квартал 2024 г.", [("2024-10", "2024-12", "none")]),
    ("a", "третья четверть", [("2025-01", "2025-03", "none")]),
    ("a", "в начале сентября 2024 г.", [("2024-09", "2024-09", "none")]),
    ("a", "осень 2024", [("2024-09", "2024-11", "none")]),
    ("a", "в летний период", [("2025-06", "2025-08", "none")]),
    ("a", "Ежегодно летом", [("2025-06", "2025-08", "yearly")]),
    ("a", "1 раз в четверть", [("2024-09", "2025-05", "quarterly")]),
    ("a", "ежеквартально", [("2024-09", "2025-05", "quarterly")]),
    ("a", "в конце каждой четверти", [("2024-09", "2025-05", "quarterly")]),
    ("c", "Каждую четверть", [("2023-01", "2023-12", "quarterly")]),
    ("a", "раз в год", [("2024-09", "2025-06", "yearly")]),
    ("a", "Май (ежегодно)", [("2025-05", "2025-05", "yearly")]),
    ("a", "Октябрь, ноябрь 2024", [("2024-10", "2024-10", "none"), ("2024-11", "2024-11", "none")]),
    ("a", "Ноябрь-декабрь 2024 г., январь 2025 г.", [("2024-11", "2024-12", "none"), ("2025-01", "2025-01", "none")]),
    ("a", "в мае и в сентябре", [("2025-05", "2025-05", "none"), ("2024-09", "2024-09", "none")]),
    ("a", "2024-2025 уч. г.", [("2024-09", "2025-06", "none")]),
    ("y", "В течение всего периода", [("2022-09", "2024-06", "none")]),
    ("a", "по графику", [(None, None, "unspecified")]),
    ("a", "в соответствии с программой наставничества", [(None, None, "per-program")]),
    # lower case joins what capitals would split, with the same result
    (
        "y",
        "в течение года в течение года ежегодно в мае",
        [("2022-09", "2023-06", "yearly"), ("2023-05", "2023-05", "yearly")],
    ),
    # only the unreadable paragraph of a joined cell is dropped
    ("a", "Май 2024 Отчёт по итогам Июнь 2025", [("2024-05", "2024-05", "none"), ("2025-06", "2025-06", "none")]),
    # full dates with «г.», weeks, weekdays, school holidays, the start and end of a year
    ("a", "до 01.10.2024 г.", [(None, "2024-10-01", "none")]),
    ("a", "15.03.2025 г.", [("2025-03-15", "2025-03-15", "none")]),
    ("a", "с 25.09.2024 по 08.10.2024", [("2024-09-25", "2024-10-08", "none")]),
    ("a", "25.09-08.10.2024", [("2024-09-25", "2024-10-08", "none")]),
    ("a", "25-30 сентября 2024 года", [("2024-09-25", "2024-09-30", "none")]),
    ("a", "к 1 сентября 2025 г.", [(None, "2025-09-01", "none")]),
    ("a", "до 15.09", [(None, "2024-09-15", "none")]),
    ("a", "Сентябрь 2024 г. - май 2025 г.", [("2024-09", "2025-05", "none")]),
    ("a", "сентябрь 2024 года по май 2025 года", [("2024-09", "2025-05", "none")]),
    ("a", "ноябрь 2024 г.; апрель 2025 г.", [("2024-11", "2024-11", "none"), ("2025-04", "2025-04", "none")]),
    (
        "a",
        "Сентябрь, январь, май",
        [("2024-09", "2024-09", "none"), ("2025-01", "2025-01", "none"), ("2025-05", "2025-05", "none")],
    ),
    ("a", "первая неделя сентября", [("2024-09-01", "2024-09-07", "none")]),
    ("a", "в течение 1-й недели октября 2024", [("2024-10-01", "2024-10-07", "none")]),
    ("a", "последняя неделя февраля 2025", [("2025-02-22", "2025-02-28", "none")]),
    ("a", "каждую среду", [("2024-09", "2025-06", "weekly")]),
    ("a", "по вторникам и пятницам", [("2024-09", "2025-06", "weekly")]),
    ("a", "сентябрь-май по средам", [("2024-09", "2025-05", "weekly")]),
    ("a", "в период летних каникул", [("2025-06", "2025-08", "none")]),
    ("a", "во время осенних каникул", [("2024-10", "2024-11", "none")]),
    ("a", "зимние каникулы", [("2024-12", "2025-01", "none")]),
    ("a", "весенние каникулы 2025", [("2025-03", "2025-03", "none")]),
    ("a", "в начале учебного года", [("2024-09", "2024-09", "none")]),
    ("a", "в конце учебного года", [("2025-05", "2025-06", "none")]),
    ("a", "по итогам учебного года", [("2025-05", "2025-06", "none")]),
    ("y", "в конце учебного года", [("2023-05", "2023-06", "yearly")]),
    ("c", "в конце года", [("2023-12", "2023-12", "none")]),
    ("a", "по итогам каждой четверти", [("2024-09", "2025-05", "quarterly")]),
    ("a", "2 раза в год", [("2024-09", "2025-06", "yearly")]),
    ("a", "дважды в год (декабрь, май)", [("2024-12", "2024-12", "yearly"), ("2025-05", "2025-05", "yearly")]),
    ("a", "Ежегодно до 1 октября", [(None, "2024-10-01", "yearly")]),
    # monthly, daily, «постоянно»: no such recurrence in the fixed set, read as «throughout the school year»
    ("a", "ежемесячно", [("2024-09", "2025-06", "none")]),
    ("a", "1 раз в месяц", [("2024-09", "2025-06", "none")]),
    ("a", "постоянно", [("2024-09", "2025-06", "none")]),
    ("y", "Ежемесячно", [("2022-09", "2023-06", "yearly")]),
    ("c", "ежемесячно", [("2023-01", "2023-12", "none")]),
    ("a", "ежемесячно с сентября по май", [("2024-09", "2025-05", "none")]),
    # no dates at all: unspecified; next to dates such a remark adds nothing
    ("a", "по мере необходимости", [(None, None, "unspecified")]),
    ("a", "по запросу наставляемых", [(None, None, "unspecified")]),
    ("a", "сентябрь 2024 (по согласованию)", [("2024-09", "2024-09", "none")]),
    ("a", "в течение учебного года (по графику)", [("2024-09", "2025-06", "none")]),
    # not understood: nothing is guessed
    ("a", "—", []),
    ("a", "", []),
    ("a", "???", []),
    ("a", "в течение месяца", []),
    ("a", "в середине учебного года", []),
    ("a", "в начале 2025 года", []),
    ("a", "пятая неделя мая", []),
    ("a", "в каникулы", []),
    ("a", "зима 2024", []),  # which winter?
    ("a", "Май 2020", []),  # too far from the plan: a typo, not a date
    ("a", "31.02.2025", []),
    ("a", "15.13.2024", []),
    ("a", "май 2025 – сентябрь 2024", []),
    ("a", "1", []),
]


@pytest.mark.parametrize(("plan", "text", "expected"), TABLE, ids=[f"{p}: {t or '(empty)'}" for p, t, _ in TABLE])
def test_other_wordings(plan: str, text: str, expected: list[tuple[str | None, str | None, str]]) -> None:
    assert [(p.start, p.end, p.recurrence) for p in parse_deadline(text, PLANS[plan])] == expected


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("2024-2025", None, PlanPeriod("academic_year", 2024, 2025)),
        ("2024–2025", None, PlanPeriod("academic_year", 2024, 2025)),
        ("2024/2025", None, PlanPeriod("academic_year", 2024, 2025)),
        ("2025-2026 (учебный год)", None, PlanPeriod("academic_year", 2025, 2026)),
        ("2022-2024", None, PlanPeriod("years", 2022, 2024)),
        ("2023", None, PlanPeriod("calendar_year", 2023, 2023)),
        ("2023-2024", "years", PlanPeriod("years", 2023, 2024)),
        ("2024", "academic_year", PlanPeriod("academic_year", 2024, 2025)),
        ("2022-2024", "academic_year", None),
        ("2023-2024", "calendar_year", None),
        ("2025-2024", None, None),
        ("учебный год", None, None),
        ("2024-2025, 2026", None, None),
        ("", None, None),
    ],
)
def test_parse_plan_period(text: str, kind: str | None, expected: PlanPeriod | None) -> None:
    assert parse_plan_period(text, kind) == expected  # type: ignore[arg-type]


def test_plan_helpers() -> None:
    assert ACADEMIC.school_year_start == dt.date(2024, 9, 1)
    assert CALENDAR.school_year_start == dt.date(2023, 1, 1)
    assert (ACADEMIC.year_of(9), ACADEMIC.year_of(8), CALENDAR.year_of(9)) == (2024, 2025, 2023)
    assert YEARS.multi_year and not ACADEMIC.multi_year and not CALENDAR.multi_year


@pytest.mark.parametrize(
    ("text", "weekdays"),
    [("Еженедельно по средам", (2,)), ("каждый понедельник и четверг", (0, 3)), ("по вторникам и пятницам", (1, 4)),
     ("еженедельно", ())],
)  # fmt: skip
def test_weekdays_are_kept_for_calendars(text: str, weekdays: tuple[int, ...]) -> None:
    """«по средам» is not part of the fixed period shape, but a calendar can repeat the event on Wednesdays."""
    (period,) = parse_deadline(text, ACADEMIC)
    assert (period.recurrence, period.weekdays) == ("weekly", weekdays)
    assert "weekdays" not in period.as_dict()


def test_plan_bounds() -> None:
    assert (ACADEMIC.start_date, ACADEMIC.end_date) == (dt.date(2024, 9, 1), dt.date(2025, 8, 31))
    assert (CALENDAR.start_date, CALENDAR.end_date) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert (YEARS.start_date, YEARS.end_date) == (dt.date(2022, 1, 1), dt.date(2024, 12, 31))


def test_month_bounds_and_as_dict() -> None:
    assert month_bounds(Period("2024-02", "2024-02", "none")) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert month_bounds(Period(None, "2024-10-01", "none")) == (None, dt.date(2024, 10, 1))
    assert month_bounds(Period("2025-03-15", None, "none")) == (dt.date(2025, 3, 15), None)
    assert Period("2024-09", "2025-05", "yearly").as_dict() == {
        "start": "2024-09",
        "end": "2025-05",
        "recurrence": "yearly",
    }


# --- invariants ---------------------------------------------------------------------------------

MONTHS = [  # nominative, genitive, prepositional: written here, not taken from the module
    ("январь", "января", "январе"), ("февраль", "февраля", "феврале"), ("март", "марта", "марте"),
    ("апрель", "апреля", "апреле"), ("май", "мая", "мае"), ("июнь", "июня", "июне"),
    ("июль", "июля", "июле"), ("август", "августа", "августе"), ("сентябрь", "сентября", "сентябре"),
    ("октябрь", "октября", "октябре"), ("ноябрь", "ноября", "ноябре"), ("декабрь", "декабря", "декабре"),
]  # fmt: skip
YEAR_SUFFIXES = ["", " г.", " г", "г.", " года", " гг.", " год"]
DASHES = ["–", "—", "-", " - ", " – ", " по "]
PLAN_STRATEGY = st.sampled_from([ACADEMIC, CALENDAR, YEARS, PlanPeriod("academic_year", 2030, 2031)])
WORDS = [
    *(form for forms in MONTHS for form in forms), "2024", "2025", "2023", "2019", "2030", "1", "15", "31", "0",
    "г.", "года", "гг.", "-", "–", ",", "и", "с", "по", "до", "в", "течение", "года", "учебного", "всего", "весь",
    "период", "ежегодно", "еженедельно", "ежеквартально", "каждую", "четверть", "квартал", "полугодие", "I", "II",
    "первое", "летом", "зима", "осень", "начало", "конец", "раз", "не", "позднее", "средам", "отдельному", "плану",
    "соответствии", "со", "сроками", "программ", "15.03.2024", "31.02.2025", "09.2024", "2024-2025", "2022-2024",
    "?", ".", ";", "(", ")", "Май", "В", "Ежегодно", "мере", "необходимости",
    "неделя", "первая", "последняя", "каникулы", "летних", "итогам", "ежемесячно", "каждую", "среду", "месяц",
    "дважды", "раза", "запросу", "конце", "начале", "период", "09.2024", "31.12.2024", "г",
]  # fmt: skip


def _check_periods(periods: list[Period], plan: PlanPeriod) -> None:
    low, high = dt.date(plan.first_year - YEAR_MARGIN, 1, 1), dt.date(plan.last_year + YEAR_MARGIN, 12, 31)
    for period in periods:
        assert isinstance(period, Period)
        for value in (period.start, period.end):
            assert value is None or re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])(-\d{2})?", value), value
        start, end = month_bounds(period)  # raises for a date that does not exist
        if start and end:
            assert start <= end, period
        if period.recurrence in ("per-program", "unspecified"):
            assert (start, end) == (None, None)
        for day in (start, end):
            assert day is None or low <= day <= high, (period, plan)
        assert not period.weekdays or period.recurrence == "weekly"
    assert len(set(periods)) == len(periods)


@settings(max_examples=300, deadline=None)
@given(text=st.text(), plan=PLAN_STRATEGY)
def test_any_text_never_raises(text: str, plan: PlanPeriod) -> None:
    _check_periods(parse_deadline(text, plan), plan)


@settings(max_examples=1500, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS), max_size=8), plan=PLAN_STRATEGY)
def test_word_salad_keeps_the_invariants(words: list[str], plan: PlanPeriod) -> None:
    """Sequences of the grammar's own words reach deep into it; dated «none» periods stay near the plan."""
    _check_periods(parse_deadline(" ".join(words), plan), plan)


@settings(deadline=None)  # the machine is shared: no time box
@given(
    month=st.integers(1, 12),
    form=st.integers(0, 2),
    year=st.integers(ACADEMIC.first_year - YEAR_MARGIN, ACADEMIC.last_year + YEAR_MARGIN),
    suffix=st.sampled_from(YEAR_SUFFIXES),
    capital=st.booleans(),
)
def test_month_and_year(month: int, form: int, year: int, suffix: str, capital: bool) -> None:
    name = MONTHS[month - 1][form]
    text = f"{name.capitalize() if capital else name} {year}{suffix}"
    assert parse_deadline(text, ACADEMIC) == [Period(f"{year}-{month:02d}", f"{year}-{month:02d}", "none")]


@settings(deadline=None)  # the machine is shared: no time box
@given(
    months=st.tuples(st.integers(1, 12), st.integers(1, 12)),
    year=st.integers(YEARS.first_year - YEAR_MARGIN + 1, YEARS.last_year + YEAR_MARGIN),
    dash=st.sampled_from(DASHES),
    suffix=st.sampled_from(YEAR_SUFFIXES),
)
def test_month_range_and_year(months: tuple[int, int], year: int, dash: str, suffix: str) -> None:
    first, last = months
    text = f"{MONTHS[first - 1][0]}{dash}{MONTHS[last - 1][0]} {year}{suffix}"
    start_year = year if first <= last else year - 1  # «декабрь – февраль 2025» starts in December 2024
    assert parse_deadline(text, YEARS) == [Period(f"{start_year}-{first:02d}", f"{year}-{last:02d}", "none")]


@st.composite
def readable_texts(draw: st.DrawFn, plan: PlanPeriod) -> str:
    """One to four expressions the grammar reads whole, joined with spaces as a multi-paragraph cell."""
    year = st.integers(plan.first_year - YEAR_MARGIN + 1, plan.last_year + YEAR_MARGIN - 1).map(str)
    month = st.integers(0, 11)
    fragments = st.one_of(
        st.tuples(month, year).map(lambda t: f"{MONTHS[t[0]][0].capitalize()} {t[1]} г."),
        st.tuples(st.integers(0, 5), st.integers(6, 11), year).map(
            lambda t: f"{MONTHS[t[0]][0]}–{MONTHS[t[1]][0]} {t[1 + 1]}"
        ),
        st.tuples(st.integers(1, 28), month, year).map(lambda t: f"до {t[0]} {MONTHS[t[1]][1]} {t[2]}"),
        st.tuples(st.integers(1, 14), st.integers(15, 28), month).map(
            lambda t: f"с {t[0]} по {t[1]} {MONTHS[t[2]][1]}"
        ),
        st.tuples(st.integers(1, 28), st.integers(1, 12), year).map(lambda t: f"{t[0]:02d}.{t[1]:02d}.{t[2]}"),
        month.map(lambda m: f"Ежегодно в {MONTHS[m][2]}"),
        st.sampled_from(
            [
                "В течение года",
                "в течение учебного года",
                "Каждую четверть",
                "Ежегодно летом",
                "I полугодие",
                "еженедельно по средам",
                "По отдельному плану",
                "Сентябрь-май, ежегодно",
                "осенью",
                "первая неделя сентября",
                "в период летних каникул",
                "Ежемесячно",
                "по итогам каждой четверти",
                "каждую среду",
                "в конце учебного года",
                "по мере необходимости",
            ]
        ),
    )
    return " ".join(draw(st.lists(fragments, min_size=1, max_size=4)))


@settings(max_examples=300, deadline=None)
@given(plan=PLAN_STRATEGY, data=st.data())
def test_case_and_whitespace_do_not_matter(plan: PlanPeriod, data: st.DataObject) -> None:
    text = data.draw(readable_texts(plan))
    expected = parse_deadline(text, plan)
    assert expected, text
    _check_periods(expected, plan)
    flips = data.draw(st.lists(st.booleans(), min_size=len(text), max_size=len(text)))
    recased = "".join(c.upper() if flip else c.lower() for c, flip in zip(text, flips, strict=True))
    spaces = st.sampled_from([" ", "  ", "\t", "\n", "\u00a0", " \n "])
    spaced = "".join(data.draw(spaces) if c == " " else c for c in text)
    padding = data.draw(st.sampled_from(["", " ", "\n", "\t "]))
    assert parse_deadline(recased, plan) == expected
    assert parse_deadline(padding + spaced + padding, plan) == expected
    assert parse_deadline(text.upper(), plan) == expected
