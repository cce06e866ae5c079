"""Russian for people: dates («12 сентября 2025 г.»), periods, plurals, file sizes (via babel)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

LOCALE = Locale("ru")


def date(value: dt.date) -> str:
    """«12 сентября 2025 г.»"""
    return _babel_date(value, format="long", locale=LOCALE)


def short_date(value: dt.date) -> str:
    """«12.09.2025»"""
    return value.strftime("%d.%m.%Y")


def month(value: dt.date) -> str:
    """«сентябрь 2025 г.» (standalone, for a heading or a list)."""
    return _babel_date(value, "LLLL y 'г'.", locale=LOCALE)


def month_name(number: int, capital: bool = False) -> str:
    """«сентябрь» for 9."""
    name = _babel_date(dt.date(2000, number, 1), "LLLL", locale=LOCALE)
    return name.capitalize() if capital else name


def month_span(start: dt.date | None, end: dt.date | None, day_precision: bool = False) -> str:
    """«с сентября 2024 г. по май 2025 г.», «сентябрь 2025 г.», «до 1 октября 2024 г.»."""
    if start is None and end is None:
        return ""
    if start is None:
        assert end is not None
        return f"до {date(end) if day_precision else month(end)}"
    if end is None:
        return f"с {date(start) if day_precision else _babel_date(start, 'MMMM y', locale=LOCALE) + ' г.'}"
    if day_precision:
        return date(start) if start == end else f"с {date(start)} по {date(end)}"
    if (start.year, start.month) == (end.year, end.month):
        return month(start)
    return f"с {_babel_date(start, 'MMMM y', locale=LOCALE)} г. по {month(end)}"


def plural(count: int, one: str, few: str, many: str) -> str:
    """«1 наставник», «3 наставника», «5 наставников»."""
    form = LOCALE.plural_form(abs(count))
    word = {"one": one, "few": few}.get(form, many)
    return f"{count} {word}"


def file_size(size: int) -> str:
    """«850 байт», «12 КБ», «1,2 МБ»."""
    if size < 1024:
        return f"{size} байт"
    if size < 1024 * 1024:
        return f"{format_decimal(round(size / 1024), locale=LOCALE)} КБ"
    return f"{format_decimal(size / 1024 / 1024, format='#,##0.#', locale=LOCALE)} МБ"


def decimal(value: float, digits: int = 1) -> str:
    """«1,2» for 1.234: a Russian decimal comma, ``digits`` after it."""
    return format_decimal(round(value, digits), format="0." + "0" * digits, locale=LOCALE)


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def short_decimal(value: float) -> str:
    """16.7 → «16,7»; 20.0 → «20» (a Russian decimal comma, no trailing zero)."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


def kind_of(value: Any) -> str:
    if isinstance(value, list):
        return "список"
    if isinstance(value, dict):
        return "набор полей"
    if isinstance(value, bool):
        return "да/нет"
    if isinstance(value, (int, float)):
        return f"число {value}"
    if value is None:
        return "пустое значение"
    return f"«{short(str(value))}»"


def masked(text: str) -> str:
    """A file that is not our YAML (a key, a token): its length and first letters only, never the whole of it."""
    return f"текст из {len(text)} знаков, начинается с «{text[:3]}…»"


def short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
