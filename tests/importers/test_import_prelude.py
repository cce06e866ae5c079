"""The text before the table: title, period, organization, approval block, goal and tasks, in their many forms."""

from __future__ import annotations

import datetime as dt

from generator.importers.grid import Paragraph
from generator.importers.prelude import find_organization, find_period, read_prelude


def lines(*texts: str, center: bool = False, bold: bool = False) -> list[Paragraph]:
    return [Paragraph(t, bold, "center" if center else None) for t in texts]


def test_agreed_and_approved_blocks_with_signature_lines_and_a_calendar_year():
    prelude = read_prelude(
        [
            *lines("СОГЛАСОВАНО", "Председатель профкома", "______ А.А. Иванова", "«29» августа 2025 г.", ""),
            *lines(
                "УТВЕРЖДАЮ", "Директор МБОУ СОШ № 5", "_______ Б.Б. Петров", "Приказ № 101 от «30» августа 2025 г.", ""
            ),
            *lines("ПЛАН МЕРОПРИЯТИЙ", center=True, bold=True),
            *lines("по реализации программы наставничества на 2025 год", center=True),
        ]
    )
    assert prelude.title == "ПЛАН МЕРОПРИЯТИЙ по реализации программы наставничества на 2025 год"
    assert (prelude.period, prelude.period_kind) == ("2025", "calendar_year")
    assert prelude.approval is not None
    considered, approved = prelude.approval.considered, prelude.approval.approved
    assert considered is not None and approved is not None
    assert (considered.label, considered.date, considered.body) == (
        "СОГЛАСОВАНО",
        dt.date(2025, 8, 29),
        "Председатель профкома А.А. Иванова",
    )
    assert (approved.position, approved.name, approved.order_number, approved.order_date) == (
        "Директор МБОУ СОШ № 5",
        "Б.Б. Петров",
        "101",
        dt.date(2025, 8, 30),
    )
    assert prelude.organization == "МБОУ СОШ № 5"
    assert prelude.leftovers == []


def test_full_organization_name_line_goal_on_the_next_line_and_tasks_across_a_blank():
    prelude = read_prelude(
        [
            *lines("Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 8»", center=True),
            Paragraph(""),
            *lines("Дорожная карта внедрения наставничества на 2025–2026 учебный год", center=True, bold=True),
            *lines("Цель:", "создание условий для роста педагогов.", ""),
            *lines("Задачи:", "– сформировать пары;", "", "– обучить наставников."),
        ]
    )
    assert prelude.organization == "Муниципальное бюджетное общеобразовательное учреждение «Средняя школа № 8»"
    assert (prelude.period, prelude.period_kind) == ("2025-2026", "academic_year")
    assert prelude.goal == "создание условий для роста педагогов."
    assert prelude.tasks == ["сформировать пары;", "обучить наставников."]


def test_an_impossible_date_is_kept_as_text_only():
    prelude = read_prelude(
        lines("РАССМОТРЕНО", "на педсовете 31.02.2025, протокол № 3", "", "Дорожная карта на 2025 год")
    )
    assert prelude.approval is not None and prelude.approval.considered is not None
    considered = prelude.approval.considered
    assert (considered.date, considered.protocol, considered.text) == (
        None,
        "3",
        "на педсовете 31.02.2025, протокол № 3",
    )


def test_period_forms():
    assert find_period("на 2024-2025 учебный год") == ("2024-2025", "academic_year")
    assert find_period("на 2024/2025 уч. год") == ("2024-2025", "academic_year")
    assert find_period("за 2022-2024 годы") == ("2022-2024", "years")
    assert find_period("на 2023 год") == ("2023", "calendar_year")
    assert find_period("без года") == (None, None)


def test_organization_forms():
    assert find_organization("в МБОУ «Лицей «Интеллект» г. Н» на год") == "МБОУ «Лицей «Интеллект» г. Н»"
    assert find_organization('в ГБПОУ "Колледж связи" на 2025 год') == 'ГБПОУ "Колледж связи"'
    assert find_organization("в МАОУ СОШ № 12") == "МАОУ СОШ № 12"
    assert find_organization("в образовательных организациях района") is None
