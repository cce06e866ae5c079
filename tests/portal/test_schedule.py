"""generator.portal.schedule: status from the data or from the dates (never silently «done»), occurrences, progress."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.deadlines import Period, PlanPeriod
from generator.models import Item, Section
from generator.portal.schedule import derive_status, occurrences, period_label, progress, schedule

PLAN = PlanPeriod("academic_year", 2026, 2027)
YEARS = PlanPeriod("years", 2022, 2024)
TODAY = dt.date(2026, 11, 22)


def item(**fields: object) -> Item:
    return Item.model_validate({"title": "Мероприятие", **fields})


@pytest.mark.parametrize(
    ("deadline", "status"),
    [
        ("Декабрь 2026 г.", "planned"),
        ("Октябрь – декабрь 2026 г.", "in_progress"),
        ("Ноябрь 2026 г.", "in_progress"),
        ("до 1 октября 2026 г.", "overdue"),
        ("Сентябрь 2026 г.", "overdue"),
        ("22.11.2026", "in_progress"),
        ("21.11.2026", "overdue"),
        ("По отдельному плану", "unknown"),
        ("как получится", "unknown"),
        ("Ежегодно в мае", "planned"),
    ],
)
def test_status_is_derived_from_the_dates(deadline: str, status: str) -> None:
    got = schedule(item(deadline=deadline), PLAN, TODAY)
    assert (got.status, got.from_data) == (status, False)
    assert got.needs_confirmation is (status == "overdue")


def test_past_items_are_never_silently_done() -> None:
    got = schedule(item(deadline="Сентябрь 2026 г."), PLAN, TODAY)
    assert got.status == "overdue" and got.label == "срок прошёл"
    assert got.note == "результат ещё не отмечен"


@pytest.mark.parametrize("status", ["planned", "in_progress", "done", "cancelled"])
def test_the_editors_status_wins(status: str) -> None:
    got = schedule(item(deadline="Сентябрь 2026 г.", status=status), PLAN, TODAY)
    assert (got.status, got.from_data, got.note) == (status, True, "")


def test_the_editors_periods_override_the_text() -> None:
    got = schedule(
        item(deadline="как получится", periods=[{"start": "2027-03", "end": "2027-04", "recurrence": "none"}]),
        PLAN,
        TODAY,
    )
    assert got.periods == (Period("2027-03", "2027-04", "none"),)
    assert (got.understood, got.overridden, got.status) == (True, True, "planned")


def test_unread_deadline_is_not_understood() -> None:
    got = schedule(item(deadline="как получится"), PLAN, TODAY)
    assert (got.periods, got.understood, got.overridden, got.status) == ((), False, False, "unknown")


def test_no_plan_no_periods() -> None:
    got = schedule(item(deadline="Сентябрь 2026 г."), None, TODAY)
    assert (got.periods, got.status) == ((), "unknown")


def test_occurrences_repeat_within_the_plan() -> None:
    yearly = list(occurrences(Period("2023-05", "2023-05", "yearly"), YEARS))
    assert yearly == [(dt.date(2023, 5, 1), dt.date(2023, 5, 31)), (dt.date(2024, 5, 1), dt.date(2024, 5, 31))]
    once = list(occurrences(Period("2023-05", "2023-05", "none"), YEARS))
    assert once == [(dt.date(2023, 5, 1), dt.date(2023, 5, 31))]
    leap = list(occurrences(Period("2024-02-29", "2024-02-29", "yearly"), PlanPeriod("years", 2024, 2025)))
    assert leap == [(dt.date(2024, 2, 29), dt.date(2024, 2, 29)), (dt.date(2025, 2, 28), dt.date(2025, 2, 28))]


def test_open_ends_run_from_and_to_the_plan() -> None:
    assert list(occurrences(Period(None, "2026-10-01"), PLAN)) == [(dt.date(2026, 9, 1), dt.date(2026, 10, 1))]
    assert list(occurrences(Period("2026-09", None), PLAN)) == [(dt.date(2026, 9, 1), dt.date(2027, 8, 31))]
    assert list(occurrences(Period(None, None, "unspecified"), PLAN)) == []


def test_a_recurring_item_with_a_later_occurrence_is_planned() -> None:
    periods = [Period("2022-09", "2022-09", "yearly")]
    assert derive_status(periods, YEARS, dt.date(2023, 2, 1)) == "planned"
    assert derive_status(periods, YEARS, dt.date(2023, 9, 10)) == "in_progress"
    assert derive_status(periods, YEARS, dt.date(2025, 1, 10)) == "overdue"


def test_progress_counts_and_percent() -> None:
    got = progress(["done", "done", "cancelled", "overdue", "planned", "in_progress", "unknown"])
    assert (got.total, got.done, got.cancelled, got.overdue, got.countable) == (7, 2, 1, 1, 6)
    assert got.percent == 33  # cancelled items do not count
    assert progress([]).percent == 0


@pytest.mark.parametrize(
    ("period", "label"),
    [
        (Period("2026-09", "2027-05"), "с сентября 2026 г. по май 2027 г."),
        (Period("2027-05", "2027-05", "yearly"), "май 2027 г., ежегодно"),
        (Period(None, "2026-10-01"), "до 1 октября 2026 г."),
        (Period("2026-09-25", "2026-10-08"), "с 25 сентября 2026 г. по 8 октября 2026 г."),
        (Period("2026-09", "2027-05", "quarterly"), "с сентября 2026 г. по май 2027 г., каждую четверть"),
        (Period(None, None, "per-program"), "по срокам программ наставничества"),
        (Period(None, None, "unspecified"), "сроки определяются отдельно"),
    ],
)
def test_period_label(period: Period, label: str) -> None:
    assert period_label(period).replace("\u202f", " ") == label  # babel puts a narrow no-break space before «г.»


def test_section_model_accepts_items() -> None:
    """The models the schedule reads: an item keeps its deadline text exactly."""
    section = Section.model_validate({"title": "I", "items": [{"title": "A", "deadline": "  Май 2027 г. "}]})
    assert section.items[0].deadline == "Май 2027 г."
