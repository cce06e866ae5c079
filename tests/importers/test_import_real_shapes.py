"""Shapes real roadmaps showed that the importer had not met: every string here is made up, in the same shape.

* a number column headed «№№ п/п» / «NN п/п» (as legal databases print «№»);
* the organization without quotes, without «в» before it, or in another case («Гимназии № 8»);
* no dates at all — no period is invented; a range of months with years is the range of years;
* a signature in capitals with no space after the initials;
* «Приложение № 2 к приказу № 41 от 03.03.2023» above the title — the approving order.
"""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import copy_portal, run_cli
from generator.importers import import_roadmap
from generator.importers.approval import approved_block
from generator.importers.columns import kind_of
from generator.importers.grid import Paragraph
from generator.importers.organization import find_organization
from generator.importers.prelude import find_period, read_prelude
from import_builders import DocxBuilder

TODAY = dt.date(2026, 11, 22)


@pytest.mark.parametrize("header", ["№№ п/п", "NN п/п", "№№п/п", "N п/п", "No", "п/п"])
def test_number_headers_legal_databases_print(header):
    assert kind_of(header) == "number"


@pytest.mark.parametrize("header", ["№№ п/п", "NN п/п"])
def test_a_section_row_under_a_double_number_header_is_a_section(tmp_path, header):
    doc = DocxBuilder().para("Дорожная карта наставничества на 2026-2027 учебный год", center=True)
    rows = [
        [header, "Содержание работы", "Срок исполнения", "Исполнитель"],
        ["1. Подготовка", None, None, None],
        ["1.1", "Составить список наставников", "Сентябрь 2026", "Завуч"],
        ["2. Реализация", None, None, None],
        ["2.1", "Провести встречи пар", "Ежемесячно", "Наставники"],
    ]
    path = doc.table(rows, merges=[(1, 0, 1, 3), (3, 0, 3, 3)]).save(tmp_path / "nn.docx")
    roadmap = import_roadmap(path, TODAY).roadmap
    assert roadmap.column_roles[header] == "number"
    assert [(s.number, s.title) for s in roadmap.sections] == [("1", "Подготовка"), ("2", "Реализация")]
    assert [[(i.number, i.title) for i in s.items] for s in roadmap.sections] == [
        [("1.1", "Составить список наставников")],
        [("2.1", "Провести встречи пар")],
    ]


@pytest.mark.parametrize(
    ("text", "organization"),
    [
        ("План наставничества в МБОУ Гимназия №4 на 2025 год", "МБОУ Гимназия №4"),
        ("Дорожная карта МАОУ Средняя школа № 17 на 2025-2026 учебный год", "МАОУ Средняя школа № 17"),
        ("Дорожная карта наставничества Гимназии № 8 на 2025 год", "Гимназия № 8"),
        ("программа наставничества Средней школы № 21 города N", "Средняя школа № 21"),
        ("в Лицея «Эврика» на 2024 год", "Лицей «Эврика»"),
        ("в Детском саду № 15", "Детский сад № 15"),
        ("в МБОУ «Лицей «Интеллект» г. Н» на год", "МБОУ «Лицей «Интеллект» г. Н»"),
        ("в образовательных организациях района", None),
    ],
)
def test_organization_without_quotes_without_v_or_inflected(text, organization):
    assert find_organization(text) == organization


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("План работы (октябрь 2023 г. - июнь 2025 г.)", ("2023-2025", "years")),
        ("план на период с 2021 по 2023 год", ("2021-2023", "years")),
        ("(сентябрь 2025 – май 2026 г.)", ("2025-2026", "academic_year")),
        ("на 2025/2026 учебный год", ("2025-2026", "academic_year")),
    ],
)
def test_a_range_of_months_with_years_is_a_range_of_years(text, period):
    assert find_period(text) == period


def test_no_dates_anywhere_no_period_is_invented(tmp_path):
    doc = DocxBuilder().para("Дорожная карта наставничества в МБОУ «Школа № 9»", center=True)
    doc.table(
        [
            ["Мероприятия", "Сроки", "Ответственные"],
            ["Приказ", "В начале года", "Директор"],
            ["Отчёт", "В конце", "Куратор"],
        ]
    )
    imported = import_roadmap(doc.save(tmp_path / "undated.docx"), TODAY)
    assert imported.roadmap.period is None and imported.roadmap.period_kind is None
    assert any("оставлен пустым; впишите period" in n.text for n in imported.notes)


def test_no_period_is_written_said_and_checked(tmp_path):
    portal = copy_portal("minimal", tmp_path)
    doc = DocxBuilder().para("Дорожная карта наставничества в МБОУ «Школа № 9»", center=True)
    doc.table([["Мероприятия", "Сроки", "Ответственные"], ["Приказ", "В начале года", "Директор"]])
    source = doc.save(tmp_path / "undated.docx")
    result = run_cli("import", str(source), "--id", "undated", cwd=portal)
    assert result.code == 0, result.text
    assert "Период: не указан — в документе нет ни дат, ни лет; впишите его в поле period" in result.out
    assert "period:" not in (portal / "data" / "roadmaps" / "undated.yaml").read_text("utf-8")
    check = run_cli("check", cwd=portal)
    assert "у дорожной карты не указан период" in check.text


@pytest.mark.parametrize(
    ("text", "position", "name"),
    [
        ("ДИРЕКТОР ГИМНАЗИИ О.П.СЕМЁНОВА", "ДИРЕКТОР ГИМНАЗИИ", "О.П. Семёнова"),
        ("ЗАВЕДУЮЩИЙ ДЕТСКИМ САДОМ КОРНЕЕВ И.Л.", "ЗАВЕДУЮЩИЙ ДЕТСКИМ САДОМ", "Корнеев И.Л."),
        ("Директор А.Г. Лосева", "Директор", "А.Г. Лосева"),
        ("Директор школы ____ Р.Р.ГАРИПОВА-ХАН", "Директор школы", "Р.Р. Гарипова-Хан"),
    ],
)
def test_a_signature_in_capitals_splits_into_position_and_name(text, position, name):
    approved = approved_block("УТВЕРЖДАЮ", text)
    assert (approved.position, approved.name) == (position, name)


def test_an_appendix_line_above_the_title_is_the_approving_order():
    prelude = read_prelude(
        [
            Paragraph("Приложение № 2 к приказу № 41 от 03.03.2023"),
            Paragraph(""),
            Paragraph("Дорожная карта наставничества МАОУ Гимназия № 6 на 2023 год", align="center"),
        ]
    )
    assert prelude.approval is not None and prelude.approval.approved is not None
    approved = prelude.approval.approved
    assert (approved.label, approved.order_number, approved.order_date) == ("Приложение № 2", "41", dt.date(2023, 3, 3))
    assert approved.position is None
    assert prelude.title == "Дорожная карта наставничества МАОУ Гимназия № 6 на 2023 год"
    assert (prelude.organization, prelude.period) == ("МАОУ Гимназия № 6", "2023")


def test_an_appendix_over_several_lines_with_a_number_in_the_issuer():
    prelude = read_prelude(
        [
            Paragraph("Приложение 1"),
            Paragraph("к приказу директора МБОУ СОШ № 14"),
            Paragraph("от 30.08.2024 № 77-од"),
            Paragraph("Дорожная карта на 2024-2025 учебный год"),
        ]
    )
    approved = prelude.approval.approved  # type: ignore[union-attr]
    assert (approved.order_number, approved.order_date, approved.authority) == (
        "77-од",
        dt.date(2024, 8, 30),
        "директора МБОУ СОШ № 14",
    )


def test_an_appendix_without_an_order_is_not_an_approval():
    prelude = read_prelude([Paragraph("Приложение 3"), Paragraph("Дорожная карта на 2024 год")])
    assert prelude.approval is None
    assert "Приложение 3" in prelude.leftovers
