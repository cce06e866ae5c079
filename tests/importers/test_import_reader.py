"""The importer on roadmaps it has never seen: documents generated here with other columns and layouts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.importers import import_roadmap
from generator.importers.reader import Imported
from generator.models.roadmap import Item, Section
from import_builders import DocxBuilder, csv_file, set_number_format, xlsx_file

TODAY = dt.date(2026, 11, 22)


def read(path: Path) -> Imported:
    return import_roadmap(path, TODAY)


def items(sections: tuple[Section, ...]) -> list[Item]:
    return [i for s in sections for i in (*s.items, *items(s.sections))]


def notes(imported: Imported) -> str:
    return "\n".join(n.format() for n in imported.notes)


# --- DOCX ---------------------------------------------------------------------------------------


def test_docx_other_column_names_and_order_with_arabic_section_rows(tmp_path):
    doc = DocxBuilder()
    doc.para("ДОРОЖНАЯ КАРТА", bold=True, center=True)
    doc.para("реализации программы наставничества", bold=True, center=True)
    doc.para("в МАОУ «Гимназия № 7» на 2025-2026 учебный год", bold=True, center=True)
    doc.para()
    header = ["№", "Наименование мероприятия", "Исполнитель", "Дата проведения", "Ожидаемый результат", "Индикаторы"]
    rows = [
        header,
        ["1. Организационный этап", None, None, None, None, None],
        ["1.1.", "Издание приказа о наставничестве", "Директор", "Сентябрь 2025 г.", "Приказ", "Приказ издан"],
        [
            "1.2",
            "Анкетирование педагогов:\n– молодых специалистов;\n– наставников.",
            "Куратор",
            "Октябрь 2025",
            "Анкеты",
            None,
        ],
        ["2. Основной этап", None, None, None, None, None],
        ["2.1", "Встречи наставнических пар", "Наставники", "В течение года", "Протоколы", "Не менее 8 встреч"],
    ]
    path = doc.table(rows, merges=[(1, 0, 1, 5), (4, 0, 4, 5)]).save(tmp_path / "plan.docx")
    roadmap = read(path).roadmap

    assert (
        roadmap.title
        == "ДОРОЖНАЯ КАРТА реализации программы наставничества в МАОУ «Гимназия № 7» на 2025-2026 учебный год"
    )
    assert (roadmap.organization, roadmap.period, roadmap.period_kind) == (
        "МАОУ «Гимназия № 7»",
        "2025-2026",
        "academic_year",
    )
    assert roadmap.column_roles == {
        "№": "number",
        "Наименование мероприятия": "activity",
        "Исполнитель": "responsible",
        "Дата проведения": "deadline",
        "Ожидаемый результат": "result",
        "Индикаторы": "indicators",
    }
    assert [(s.number, s.title, len(s.items), len(s.sections)) for s in roadmap.sections] == [
        ("1", "Организационный этап", 2, 0),
        ("2", "Основной этап", 1, 0),
    ]
    first, second, third = items(roadmap.sections)
    assert (first.number, first.title, first.responsible, first.deadline, first.result, first.indicators) == (
        "1.1",
        "Издание приказа о наставничестве",
        "Директор",
        "Сентябрь 2025 г.",
        "Приказ",
        "Приказ издан",
    )
    assert (second.number, second.title, second.details, second.indicators) == (
        "1.2",
        "Анкетирование педагогов:",
        ("– молодых специалистов;", "– наставников."),
        None,
    )
    assert (third.number, third.indicators) == ("2.1", "Не менее 8 встреч")


def test_docx_merged_stage_column_and_merged_responsible(tmp_path):
    rows = [
        ["№", "Этап", "Мероприятия", "Сроки", "Ответственные", "Показатели"],
        ["1", "Подготовительный", "Приказ о наставничестве", "Август 2025", "Директор", "Приказ"],
        [None, None, "Анкетирование", "Сентябрь 2025", "Куратор", None],
        ["2", "Основной", "Встречи наставников", "Ежемесячно", "Наставники", "Протоколы"],
        [None, None, "Открытые уроки", "В течение года", None, "5 уроков"],
        [None, None, "Итоговая конференция", "Май 2026", None, None],
    ]
    merges = [(1, 0, 2, 0), (1, 1, 2, 1), (3, 0, 5, 0), (3, 1, 5, 1), (3, 4, 5, 4)]
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год", center=True)
    roadmap = read(doc.table(rows, merges=merges).save(tmp_path / "stages.docx")).roadmap

    assert roadmap.column_roles["№"] == "section_number"
    assert roadmap.column_roles["Этап"] == "section_title"
    assert roadmap.column_roles["Мероприятия"] == "activity"
    assert [(s.number, s.title, s.heading) for s in roadmap.sections] == [
        ("1", "Подготовительный", "Подготовительный"),
        ("2", "Основной", "Основной"),
    ]
    assert [[i.title for i in s.items] for s in roadmap.sections] == [
        ["Приказ о наставничестве", "Анкетирование"],
        ["Встречи наставников", "Открытые уроки", "Итоговая конференция"],
    ]
    assert [i.responsible for i in roadmap.sections[1].items] == ["Наставники"] * 3
    assert all(i.number is None for i in items(roadmap.sections))


def test_docx_repeated_header_split_row_numbers_in_text_and_a_list_only_cell(tmp_path):
    header = ["Содержание работы", "Срок", "Ответственный", "Результат"]
    rows = [
        header,
        ["Раздел 1. Организация", None, None, None],
        ["1. Создание базы наставников", "Сентябрь 2025", "Куратор", "База"],
        [
            "2. Проведение мониторинга:\n- адаптации молодых педагогов;\n- методической",
            "В течение года",
            "Завуч",
            "Справка по итогам",
        ],
        header,  # the header printed again after a page break
        ["работы наставников.", None, None, "мониторинга"],  # the rest of the row above
        ["- семинар «Наставник года»;\n- конкурс «Лучшая пара»", "Май 2026", "Куратор", "Приказ"],
        ["Подведение итогов", "Июнь 2026", "Директор", "Отчёт"],
    ]
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год", center=True)
    imported = read(doc.table(rows, merges=[(1, 0, 1, 3)], repeat_header=(0, 4)).save(tmp_path / "split.docx"))
    roadmap = imported.roadmap

    assert [(s.number, s.title) for s in roadmap.sections] == [("1", "Организация")]
    found = items(roadmap.sections)
    assert [i.number for i in found] == ["1", "2", None, None]
    assert found[0].title == "Создание базы наставников"
    assert found[1].title == "Проведение мониторинга:"
    assert found[1].details == ("- адаптации молодых педагогов;", "- методической работы наставников.")
    assert found[1].result == "Справка по итогам мониторинга"
    assert (found[2].title, found[2].details) == (None, ("- семинар «Наставник года»;", "- конкурс «Лучшая пара»"))
    assert (found[3].title, found[3].details) == ("Подведение итогов", ())
    text = notes(imported)
    assert "таблица 1, строка 5: повтор шапки таблицы" in text
    assert "таблица 1, строка 6: продолжение строки 4 после разрыва страницы" in text


def test_docx_approval_side_by_side_goal_tasks_and_text_not_imported(tmp_path):
    doc = DocxBuilder()
    doc.table(
        [
            [
                "ПРИНЯТО\nна заседании педагогического совета\nпротокол от 29.08.2025 № 1",
                "УТВЕРЖДЕНО\nприказом директора МБОУ «СОШ № 3»\nот 30.08.2025 № 45-о\n_________ И.П. Сидорова",
            ]
        ],
        repeat_header=(),
        bold_rows=(),
    )
    doc.para()
    doc.para(
        "План мероприятий (дорожная карта) по реализации программы наставничества МБОУ «СОШ № 3» на 2025/2026 учебный год",
        bold=True,
        center=True,
    )
    doc.para("Цель программы: повышение качества работы молодых педагогов.")
    doc.para("Задачи:")
    doc.para("1) сформировать пары;")
    doc.para("2) обучить наставников.")
    doc.para()
    doc.para("Пояснительная записка составлена куратором.")
    doc.table([["№ п/п", "Мероприятие", "Сроки", "Ответственный"], ["1", "Приказ", "Сентябрь 2025", "Директор"]])
    doc.para("Заместитель директора ____________ О.О. Иванова")
    imported = read(doc.save(tmp_path / "approval.docx"))
    roadmap = imported.roadmap
    assert roadmap.approval is not None
    considered, approved = roadmap.approval.considered, roadmap.approval.approved
    assert considered is not None and approved is not None
    assert (considered.label, considered.body, considered.date, considered.protocol) == (
        "ПРИНЯТО",
        "на заседании педагогического совета",
        dt.date(2025, 8, 29),
        "1",
    )
    assert (approved.label, approved.authority, approved.order_number, approved.order_date, approved.name) == (
        "УТВЕРЖДЕНО",
        "директора МБОУ «СОШ № 3»",
        "45-о",
        dt.date(2025, 8, 30),
        "И.П. Сидорова",
    )
    assert roadmap.organization == "МБОУ «СОШ № 3»"
    assert (roadmap.period, roadmap.period_kind) == ("2025-2026", "academic_year")
    assert roadmap.goal == "повышение качества работы молодых педагогов."
    assert roadmap.tasks == ("сформировать пары;", "обучить наставников.")
    assert "Пояснительная записка составлена куратором." in imported.leftovers
    assert "Заместитель директора ____________ О.О. Иванова" in imported.leftovers


def test_docx_second_table_with_the_same_header_continues_and_a_titled_table_is_extra(tmp_path):
    header = ["№ п/п", "Мероприятие", "Сроки", "Ответственный"]
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год", center=True)
    doc.table([header, ["1", "Приказ", "Сентябрь 2025", "Директор"], ["2", "Анкеты", "Октябрь 2025", "Куратор"]])
    doc.table([header, ["3", "Встречи", "В течение года", "Наставники"]])
    doc.para()
    doc.para("Мероприятия с родителями", bold=True, center=True)
    doc.table(
        [
            ["№", "Форма работы", "Срок", "Ответственные"],
            ["1", "Родительское собрание", "Октябрь 2025", "Классные руководители"],
        ]
    )
    imported = read(doc.save(tmp_path / "tables.docx"))
    roadmap = imported.roadmap
    assert [i.number for i in items(roadmap.sections)] == ["1", "2", "3"]
    assert len(roadmap.extra_tables) == 1
    extra = roadmap.extra_tables[0]
    assert extra.title == "Мероприятия с родителями"
    assert extra.column_roles == {
        "№": "number",
        "Форма работы": "activity",
        "Срок": "deadline",
        "Ответственные": "responsible",
    }
    assert [(i.number, i.title, i.responsible) for i in extra.items] == [
        ("1", "Родительское собрание", "Классные руководители")
    ]
    assert "таблица 2: таблица с той же шапкой считана продолжением основной таблицы" in notes(imported)


def test_docx_word_automatic_numbering_in_the_number_column(tmp_path):
    rows = [
        ["№", "Мероприятие", "Срок", "Ответственный"],
        [None, "Приказ", "Сентябрь 2025", "Директор"],
        [None, "Анкеты", "Октябрь 2025", "Куратор"],
        [None, "Встречи", "В течение года", "Наставники"],
    ]
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год", center=True)
    path = doc.table(rows, numbered=[(1, 0), (2, 0), (3, 0)]).save(tmp_path / "auto.docx")
    assert [i.number for i in items(read(path).roadmap.sections)] == ["1", "2", "3"]


def test_docx_items_before_any_section_and_no_period_in_the_title(tmp_path):
    doc = DocxBuilder().para("Дорожная карта наставничества", center=True)
    doc.table(
        [
            ["Мероприятия", "Сроки", "Ответственные"],
            ["Приказ", "Сентябрь 2025", "Директор"],
            ["Отчёт", "Май 2026", "Куратор"],
        ]
    )
    imported = read(doc.save(tmp_path / "plain.docx"))
    roadmap = imported.roadmap
    assert len(roadmap.sections) == 1 and roadmap.sections[0].heading is None
    assert (roadmap.period, roadmap.period_kind) == ("2025-2026", "academic_year")
    assert "период не найден в названии — принят «2025-2026» по годам в сроках" in notes(imported)


def test_docx_unknown_column_is_kept_as_a_labelled_sub_point(tmp_path):
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год", center=True)
    doc.table([["Мероприятие", "Участники", "Сроки"], ["Семинар", "Молодые педагоги", "Ноябрь 2025"]])
    imported = read(doc.save(tmp_path / "extra-column.docx"))
    (item,) = items(imported.roadmap.sections)
    assert (item.title, item.details) == ("Семинар", ("Участники: Молодые педагоги",))
    assert "столбец «Участники» не распознан" in notes(imported)


def test_docx_two_row_header_number_beside_a_wide_heading_and_a_hyphenated_header(tmp_path):
    rows = [
        ["№", "Мероприятие", "Сроки", None, "Ответст-\nвенный"],
        [None, None, "начало", "окончание", None],
        ["1.", "Организационный этап", None, None, None],
        ["1.1", "Приказ", "01.09.2025", "05.09.2025", "Директор"],
        ["1.2", "Анкеты", "Октябрь 2025", None, "Куратор"],
    ]
    merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 0, 3), (0, 4, 1, 4), (2, 1, 2, 4)]
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год", center=True)
    imported = read(doc.table(rows, merges=merges, repeat_header=(0, 1)).save(tmp_path / "two-rows.docx"))
    roadmap = imported.roadmap
    assert roadmap.columns == ("№", "Мероприятие", "Сроки", "Ответственный")
    assert roadmap.column_roles["Ответственный"] == "responsible"
    assert [(s.number, s.title, s.heading) for s in roadmap.sections] == [
        ("1", "Организационный этап", "1. Организационный этап")
    ]
    first, second = roadmap.sections[0].items
    assert (first.number, first.deadline, first.responsible) == ("1.1", "01.09.2025 – 05.09.2025", "Директор")
    assert (second.number, second.deadline) == ("1.2", "Октябрь 2025")
    assert "таблица 1, строка 2: вторая строка шапки" in notes(imported)


def test_docx_tasks_column_merged_over_its_activities_groups_them(tmp_path):
    rows = [
        ["Задачи", "Мероприятия", "Сроки", "Ответственные"],
        ["Обучить наставников", "Семинар", "Октябрь 2025", "Куратор"],
        [None, "Тренинг", "Ноябрь 2025", "Психолог"],
        ["Поддержать молодых", "Встречи", "В течение года", "Наставники"],
    ]
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год", center=True)
    roadmap = read(doc.table(rows, merges=[(1, 0, 2, 0)]).save(tmp_path / "tasks.docx")).roadmap
    assert roadmap.column_roles == {
        "Задачи": "section_title",
        "Мероприятия": "activity",
        "Сроки": "deadline",
        "Ответственные": "responsible",
    }
    assert [(s.title, [i.title for i in s.items]) for s in roadmap.sections] == [
        ("Обучить наставников", ["Семинар", "Тренинг"]),
        ("Поддержать молодых", ["Встречи"]),
    ]


def test_docx_text_in_the_stage_column_under_the_same_stage_number_is_an_activity(tmp_path):
    rows = [
        ["№", "Этап", "Мероприятие", "Содержание", "Сроки"],
        ["1", "Завершение", "Отчёты", "1. Мониторинг.\n2. Анализ.", "Май"],
        [None, "Поощрение наставников", None, "1. Приказ о поощрении.", "Июнь"],
    ]
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год", center=True)
    imported = read(doc.table(rows, merges=[(1, 0, 2, 0)]).save(tmp_path / "shifted.docx"))
    (section,) = imported.roadmap.sections
    assert [(i.title, i.details) for i in section.items] == [
        ("Отчёты", ("1. Мониторинг.", "2. Анализ.")),
        ("Поощрение наставников", ("1. Приказ о поощрении.",)),
    ]
    assert "строка 3: «Поощрение наставников» стоит в столбце «Этап», а «Мероприятие» пуст" in notes(imported)


def test_docx_one_table_per_stage_each_after_its_heading(tmp_path):
    header = ["№ п/п", "Мероприятие", "Сроки", "Ответственный"]
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год", bold=True, center=True).para()
    doc.para("1. Подготовительный этап", bold=True)
    doc.table([header, ["1.1", "Приказ", "Сентябрь 2025", "Директор"]])
    doc.para("2. Основной этап", bold=True)
    doc.table([header, ["2.1", "Встречи", "В течение года", "Наставники"], ["2.2", "Уроки", "Март 2026", "Наставники"]])
    roadmap = read(doc.save(tmp_path / "stages.docx")).roadmap
    assert roadmap.title == "Дорожная карта на 2025-2026 учебный год"
    assert [(s.number, s.title, [i.number for i in s.items]) for s in roadmap.sections] == [
        ("1", "Подготовительный этап", ["1.1"]),
        ("2", "Основной этап", ["2.1", "2.2"]),
    ]


def test_docx_number_column_without_a_header(tmp_path):
    rows = [[None, "Мероприятие", "Сроки"], ["1.", "Приказ", "Сентябрь 2025"], ["2.", "Анкеты", "Октябрь 2025"]]
    doc = DocxBuilder().para("Дорожная карта на 2025-2026 учебный год", center=True)
    imported = read(doc.table(rows).save(tmp_path / "unnamed.docx"))
    assert imported.roadmap.columns == ("№", "Мероприятие", "Сроки")
    assert [i.number for i in items(imported.roadmap.sections)] == ["1", "2"]
    assert "у столбца номеров нет заголовка — назван «№»" in notes(imported)


# --- XLSX ---------------------------------------------------------------------------------------


def test_xlsx_title_and_approval_above_the_header_merged_rows_and_a_second_sheet(tmp_path):
    main = [
        ["РАССМОТРЕНО", None, None, "УТВЕРЖДАЮ"],
        ["на методическом совете", None, None, "Директор МБОУ «Школа № 5»"],
        ["Протокол № 2 от 28.08.2025", None, None, "Е.В. Петрова"],
        [],
        ["Дорожная карта по внедрению наставничества на 2025-2026 учебный год"],
        ["№", "Мероприятие", "Срок исполнения", "Ответственный"],
        ["I. Подготовка"],
        [1, "Приказ", dt.datetime(2025, 9, 1), "Директор"],
        [2, "Анкеты\nдля педагогов", "Октябрь 2025", "Куратор"],
        ["II. Реализация"],
        [3, "Встречи", "В течение года", "Наставники"],
        [4, "Конференция", "Май 2026", None],
    ]
    parents = [["№", "Мероприятие", "Сроки", "Ответственный"], [1, "Собрание", "Октябрь 2025", "Классные руководители"]]
    path = xlsx_file(
        tmp_path / "plan.xlsx",
        [("План", main, ["A5:D5", "A7:D7", "A10:D10", "D11:D12"]), ("Работа с родителями", parents, [])],
    )
    set_number_format(path, "C8", "mmmm yyyy")
    roadmap = read(path).roadmap

    assert roadmap.title == "Дорожная карта по внедрению наставничества на 2025-2026 учебный год"
    assert roadmap.approval is not None and roadmap.approval.considered and roadmap.approval.approved
    assert (roadmap.approval.considered.protocol, roadmap.approval.considered.date) == ("2", dt.date(2025, 8, 28))
    assert (roadmap.approval.approved.position, roadmap.approval.approved.name) == (
        "Директор МБОУ «Школа № 5»",
        "Е.В. Петрова",
    )
    assert roadmap.organization == "МБОУ «Школа № 5»"
    assert [(s.number, s.title) for s in roadmap.sections] == [("I", "Подготовка"), ("II", "Реализация")]
    found = items(roadmap.sections)
    assert [(i.number, i.title, i.deadline, i.responsible) for i in found] == [
        ("1", "Приказ", "Сентябрь 2025", "Директор"),
        ("2", None, "Октябрь 2025", "Куратор"),
        ("3", "Встречи", "В течение года", "Наставники"),
        ("4", "Конференция", "Май 2026", "Наставники"),
    ]
    assert found[1].details == ("Анкеты", "для педагогов")
    (extra,) = roadmap.extra_tables
    assert (extra.title, [i.title for i in extra.items]) == ("Работа с родителями", ["Собрание"])


# --- CSV ----------------------------------------------------------------------------------------


def test_csv_semicolon_cp1251_roman_sections_and_a_split_row(tmp_path):
    rows = [
        ["№ п/п", "Наименование мероприятия", "Срок реализации", "Ответственный исполнитель", "Результат"],
        ["I. Подготовка условий", "", "", "", ""],
        ["1.1.", "Информирование педагогов", "Август 2025", "Директор", "Протокол"],
        ["1.2.", "Создание условий для программы: назначение кураторов,", "Сентябрь 2025", "Директор", "Приказ"],
        ["", "формирование пар", "", "", ""],
        ["II. Внедрение", "", "", "", ""],
        ["2.1.", "Встречи пар", "В течение года", "Кураторы", "Отчёт"],
    ]
    imported = read(csv_file(tmp_path / "plan.csv", rows, ";", "cp1251"))
    roadmap = imported.roadmap
    assert [(s.number, s.title) for s in roadmap.sections] == [("I", "Подготовка условий"), ("II", "Внедрение")]
    found = items(roadmap.sections)
    assert [(i.number, i.title) for i in found] == [
        ("1.1", "Информирование педагогов"),
        ("1.2", "Создание условий для программы: назначение кураторов, формирование пар"),
        ("2.1", "Встречи пар"),
    ]
    assert "строка 5: продолжение строки 4" in notes(imported)


def test_csv_comma_utf8_unnumbered_sections_and_numbers_in_the_text(tmp_path):
    rows = [
        ["Содержание", "Сроки", "Ожидаемый результат", "Показатели", "Ответственный"],
        ["Организационное сопровождение", "", "", "", ""],
        ["1. Коррекция положения", "Май 2025 г.", "Положение", "Представлены все аспекты", "Иванова А.А."],
        [
            "2. Создание пар:\n- учитель – учитель;\n- ученик – ученик",
            "Август 2025 г.",
            "Приказ",
            "Пары работают",
            "Иванова А.А.",
        ],
        ["Информационное сопровождение", "", "", "", ""],
        ["Публикация новостей", "В течение года", "Новости", "Публикации", "Петров П.П."],
    ]
    imported = read(csv_file(tmp_path / "plan.csv", rows, ",", "utf-8-sig"))
    roadmap = imported.roadmap
    assert [s.heading for s in roadmap.sections] == ["Организационное сопровождение", "Информационное сопровождение"]
    found = items(roadmap.sections)
    assert [(i.number, i.title) for i in found] == [
        ("1", "Коррекция положения"),
        ("2", "Создание пар:"),
        (None, "Публикация новостей"),
    ]
    assert found[1].details == ("- учитель – учитель;", "- ученик – ученик")
    assert "строка 2: строка только с текстом «Организационное сопровождение» считана как заголовок раздела" in notes(
        imported
    )


def test_csv_top_level_numbers_beside_a_title_head_sections(tmp_path):
    rows = [
        ["№", "Мероприятие", "Срок", "Ответственный"],
        ["1", "Подготовительный этап", "", ""],
        ["1.1", "Приказ", "Сентябрь 2025", "Директор"],
        ["1.2", "Анкеты", "Октябрь 2025", "Куратор"],
        ["2", "Основной этап", "", ""],
        ["2.1", "Встречи", "В течение года", "Наставники"],
    ]
    imported = read(csv_file(tmp_path / "numbers.csv", rows))
    assert [(s.number, s.title, len(s.items)) for s in imported.roadmap.sections] == [
        ("1", "Подготовительный этап", 2),
        ("2", "Основной этап", 1),
    ]
    assert "строка 2: строка «1 Подготовительный этап» без сроков и ответственных считана заголовком раздела" in notes(
        imported
    )


def test_csv_formula_guard_is_removed_exactly_once(tmp_path):
    rows = [
        ["Мероприятие", "Сроки", "Ответственный"],
        ["'=1+1", "'-Сентябрь", "''@кто"],
        ["'обычный текст", "Май 2026", "Я"],
    ]
    found = items(read(csv_file(tmp_path / "guard.csv", rows)).roadmap.sections)
    assert [(i.title, i.deadline, i.responsible) for i in found] == [
        ("=1+1", "-Сентябрь", "'@кто"),
        ("'обычный текст", "Май 2026", "Я"),
    ]


# --- the rules, one by one ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["Одна строка"], ("Одна строка", [])),
        (["Вводная фраза:", "первое", "второе"], ("Вводная фраза:", ["первое", "второе"])),
        (["Вводная фраза", "– первое", "– второе"], ("Вводная фраза", ["– первое", "– второе"])),
        (["- первое", "- второе"], (None, ["- первое", "- второе"])),
        (["Анкетирование.", "Форматы анкет."], (None, ["Анкетирование.", "Форматы анкет."])),
    ],
)
def test_activity_cell_split(paragraphs, expected):
    from generator.tables.cells import split_activity

    assert split_activity(paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["1. Коррекция ЦПН."], ("1", ["Коррекция ЦПН."])),
        (["1.2 Анкеты"], ("1.2", ["Анкеты"])),
        (["3) Семинар", "- часть"], ("3", ["Семинар", "- часть"])),
        (["1. Первое", "2. Второе"], (None, ["1. Первое", "2. Второе"])),
        (["30.08.2024 совещание"], (None, ["30.08.2024 совещание"])),
        (["3 раза в год"], (None, ["3 раза в год"])),
    ],
)
def test_item_number_typed_in_the_text(paragraphs, expected):
    from generator.tables.cells import inline_number

    assert inline_number(paragraphs) == expected


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("I. Подготовка условий", ("I", "Подготовка условий", "roman")),
        ("1. Изучение", ("1", "Изучение", "arabic:1")),
        ("2.1. Нормативная база", ("2.1", "Нормативная база", "arabic:2")),
        ("Этап 2. Основной", ("2", "Основной", "keyword:этап")),
        ("Информационное сопровождение", (None, "Информационное сопровождение", "none")),
    ],
)
def test_section_heading_numbering(heading, expected):
    from generator.tables.cells import split_heading

    assert split_heading(heading) == expected


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Сроки", "deadline"),
        ("Срок реализации", "deadline"),
        ("Сроки проведения", "deadline"),
        ("Ответственный", "responsible"),
        ("Ответственные", "responsible"),
        ("Ответственный исполнитель", "responsible"),
        ("Мероприятия", "activity"),
        ("Содержание", "content"),
        ("Наименование мероприятия", "activity"),
        ("Результат", "result"),
        ("Ожидаемый результат", "result"),
        ("Результат, вид документа", "result"),
        ("Показатели", "indicators"),
        ("№", "number"),
        ("№ п/п", "number"),
        ("№ n/n", "number"),
        ("Наименование этапа", "section"),
        ("Наименование задачи, результата", "activity"),
        ("Примечание", None),
    ],
)
def test_column_synonyms(header, kind):
    from generator.importers.columns import kind_of

    assert kind_of(header) == kind
