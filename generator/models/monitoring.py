"""``data/monitoring.yaml``: counts of mentors, mentees and pairs by year and form (no names)."""

from __future__ import annotations

from pydantic import Field, NonNegativeInt

from generator.models.common import AcademicYear, Id, Record, labels, refers_to


class Figure(Record):
    model_config = labels("Показатель", "Число наставников, наставляемых и пар за учебный год в одной форме")

    year: AcademicYear = Field(title="Учебный год", description="Например, 2025-2026")
    form: Id = Field(
        title="Форма наставничества",
        description="Идентификатор формы из data/program.yaml",
        json_schema_extra=refers_to("forms"),
    )
    mentors: NonNegativeInt = Field(default=0, title="Наставников", description="Сколько наставников, целое число")
    mentees: NonNegativeInt = Field(default=0, title="Наставляемых", description="Сколько наставляемых, целое число")
    pairs: NonNegativeInt = Field(default=0, title="Пар и групп", description="Сколько наставнических пар и групп")


class Monitoring(Record):
    model_config = labels("Мониторинг", "Цифры мониторинга по учебным годам и формам наставничества, без имён")

    figures: tuple[Figure, ...] = Field(
        default=(), title="Показатели по годам и формам", description="По строке на учебный год и форму"
    )
