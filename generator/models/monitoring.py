"""``data/monitoring.yaml``: counts of mentors, mentees and pairs by year and form (no names)."""

from __future__ import annotations

from pydantic import Field, NonNegativeInt

from .common import AcademicYear, Id, Record


class Figure(Record):
    year: AcademicYear = Field(title="Учебный год", description="Например, 2025-2026")
    form: Id = Field(title="Форма наставничества", description="Идентификатор формы из program.yaml")
    mentors: NonNegativeInt = Field(default=0, title="Наставников")
    mentees: NonNegativeInt = Field(default=0, title="Наставляемых")
    pairs: NonNegativeInt = Field(default=0, title="Пар и групп")


class Monitoring(Record):
    figures: tuple[Figure, ...] = Field(default=(), title="Показатели по годам и формам")
