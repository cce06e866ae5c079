"""Stage 2: models and cross-record rules; every problem in Russian with the line of the value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.errors import Problems, Severity, format_problems
from generator.rules.context import Context
from generator.rules.references import check_rules
from generator.rules.validate import validate_sources
from generator.sources.files import load_sources


def problems_of(root: Path) -> list:
    problems = Problems()
    sources = load_sources(root, root / "data", root / "content/news/posts", problems)
    records = validate_sources(sources, problems)
    check_rules(records, Context(root, root / "content", dt.date(2026, 11, 22)), problems)
    # Warnings (e.g. a practice's author shown as «наставник» without consent) are tested in test_consent.py.
    return [p for p in problems.sorted() if p.severity is Severity.ERROR]


def write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def only(problems: list, file: str):
    found = [p for p in problems if p.file == file]
    assert len(found) == 1, format_problems(problems)
    return found[0]


def test_minimal_fixture_is_clean(minimal):
    assert problems_of(minimal) == []


def test_the_minimal_mentor_file_of_the_issue_is_valid(minimal):
    write(
        minimal,
        "data/mentors/ivanova-mp.yaml",
        "name: Иванова Мария Петровна\nrole: teacher\nconsent:\n  publish: false\n",
    )
    assert problems_of(minimal) == []


def test_unknown_key_suggests_the_closest_known_one(minimal):
    write(
        minimal, "data/mentors/x.yaml", "name: Тестов Тест\nrole: teacher\nconsent: {publish: false}\nexperiance: 5\n"
    )
    problem = only(problems_of(minimal), "data/mentors/x.yaml")
    assert problem.line == 4
    assert problem.message == "неизвестное поле «experiance»"
    assert problem.hint == "возможно, имелось в виду «experience»"


def test_missing_required_field_points_at_its_mapping(minimal):
    write(minimal, "data/mentors/x.yaml", "name: Тестов Тест\nrole: teacher\nconsent:\n  date: 2025-09-01\n")
    problem = only(problems_of(minimal), "data/mentors/x.yaml")
    assert problem.message == "поле «consent.publish» обязательно"
    assert problem.line == 3
    assert "publish" in problem.hint


def test_missing_consent_explains_why_it_matters(minimal):
    write(minimal, "data/mentors/x.yaml", "name: Тестов Тест\nrole: teacher\n")
    problem = only(problems_of(minimal), "data/mentors/x.yaml")
    assert problem.message == "поле «consent» обязательно"
    assert "не будет опубликован" in problem.hint


def test_wrong_types_are_translated(minimal):
    write(
        minimal,
        "data/mentors/x.yaml",
        "name: Тестов Тест\nrole: директор\nexperience: много\nforms: teacher-teacher\nconsent: {publish: да}\n",
    )
    problems = [p for p in problems_of(minimal) if p.file == "data/mentors/x.yaml"]
    by_line = {p.line: p for p in problems}
    assert "не из списка" in by_line[2].message and "teacher" in by_line[2].hint
    assert "целым числом" in by_line[3].message
    assert "списком" in by_line[4].message
    assert "true или false" in by_line[5].message


def test_a_list_where_a_mapping_belongs(minimal):
    write(minimal, "data/library/x.yaml", "- title: Документ\n- category: local\n")
    problem = only(problems_of(minimal), "data/library/x.yaml")
    assert "а содержит список" in problem.message
    assert problem.line == 1


def test_date_that_does_not_exist(minimal):
    write(
        minimal,
        "data/library/x.yaml",
        "title: Приказ\ncategory: local\nkind: order\ndate: 2025-02-31\nurl: https://a.ru/x.pdf\n",
    )
    problem = only(problems_of(minimal), "data/library/x.yaml")
    assert problem.line == 4
    assert "2025-02-31" in problem.message


def test_references_to_missing_ids(minimal):
    write(
        minimal,
        "data/practices/x.yaml",
        "title: Практика\nauthors: [petrova-ai, nobody]\nform: pupil-teacher\nyear: 2025\nsummary: Кратко.\n",
    )
    problems = [p for p in problems_of(minimal) if p.file == "data/practices/x.yaml"]
    messages = {p.line: p.message for p in problems}
    assert messages == {2: "наставник «nobody» не найден", 3: "форма наставничества «pupil-teacher» не найдена"}


def test_consent_rules(minimal):
    write(minimal, "data/mentors/a.yaml", "name: Без Даты\nrole: teacher\nconsent: {publish: true}\n")
    write(
        minimal,
        "data/mentors/b.yaml",
        "name: Ученик Сам\nrole: pupil\nclass: 5А\nconsent: {publish: true, date: 2025-09-01}\n",
    )
    problems = problems_of(minimal)
    assert "без даты" in only(problems, "data/mentors/a.yaml").message
    assert "согласия родителя" in only(problems, "data/mentors/b.yaml").message


def test_missing_file_and_path_escape(minimal):
    write(minimal, "data/library/a.yaml", "title: A\ncategory: local\nkind: order\nfile: files/nope.pdf\n")
    write(minimal, "data/library/b.yaml", "title: B\ncategory: local\nkind: order\nfile: ../../etc/passwd\n")
    problems = problems_of(minimal)
    assert "не найден" in only(problems, "data/library/a.yaml").message
    assert "путь «../../etc/passwd» недопустим" in only(problems, "data/library/b.yaml").message


def test_symlink_leaving_content_is_refused(minimal, tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("secret", encoding="utf-8")
    (minimal / "content/files/link.txt").symlink_to(outside)
    write(minimal, "data/library/a.yaml", "title: A\ncategory: local\nkind: order\nfile: files/link.txt\n")
    assert "за пределы папки content/" in only(problems_of(minimal), "data/library/a.yaml").message


def test_all_problems_are_reported_at_once(minimal):
    write(minimal, "data/mentors/a.yaml", "name: A\n")
    write(minimal, "data/library/b.yaml", "title: B\n")
    write(minimal, "data/practices/c.yaml", "title: [\n")
    problems = problems_of(minimal)
    assert {p.file for p in problems} == {"data/mentors/a.yaml", "data/library/b.yaml", "data/practices/c.yaml"}
    text = format_problems(problems)
    assert text.endswith(f"Найдено ошибок: {len(problems)}")


def test_file_name_must_make_a_url(minimal):
    write(minimal, "data/mentors/Иванова.yaml", "name: A Б\nrole: teacher\nconsent: {publish: false}\n")
    problem = only(problems_of(minimal), "data/mentors/Иванова.yaml")
    assert "имя файла" in problem.message
