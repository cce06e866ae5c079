"""Stage 1: YAML and front matter → values with file and line; bad files get Russian messages."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator.errors import Problems
from generator.sources.load import load_markdown, load_yaml
from generator.sources.yaml_errors import MAX_DEPTH
from generator.sources.yaml_parse import parse_yaml


def load(tmp_path: Path, name: str, content: bytes | str):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    problems = Problems()
    doc = load_yaml(tmp_path, path, problems)
    return doc, problems.sorted()


def test_values_keep_their_lines():
    data, lines = parse_yaml("a: 1\nb:\n  - x\n  - y: 2025-09-01\n    z: 'q'\n")
    assert data == {"a": 1, "b": ["x", {"y": __import__("datetime").date(2025, 9, 1), "z": "q"}]}
    assert lines[("a",)] == 1
    assert lines[("b", 1)] == 4
    assert lines[("b", 1, "z")] == 5


def test_bom_and_crlf_are_accepted(tmp_path):
    doc, problems = load(tmp_path, "a.yaml", b"\xef\xbb\xbfname: \xd0\x98\xd0\xbc\xd1\x8f\r\nrole: teacher\r\n")
    assert problems == []
    assert doc.data == {"name": "Имя", "role": "teacher"}
    assert doc.line_of(("role",)) == 2


@pytest.mark.parametrize(
    ("content", "line", "fragment"),
    [
        ("a:\n\t- b\n", 2, "табуляции"),
        ("name: x\nrole: y\nname: z\n", 3, "ключ «name» повторяется"),
        ("a: &x [1, 2]\nb: *x\n", 1, "якоря YAML"),
        ("date: 2025-02-31\n", 1, "даты «2025-02-31» не существует"),
        ("a: b: c\n", 1, "двоеточие"),
        ("a:\n  b: 1\n c: 2\n", 3, "отступы"),
        ('a: "abc\n', 1, "кавычк"),  # the file has one line: the quote opens there
        ("a: 1\n---\nb: 2\n", 2, "несколько документов"),
        ("forms: [a, b\nname: x\n", 1, "не закрыта скобка [ или {"),  # the line of the opening bracket
        ("a: !!python/object:os.system x\n", 1, "тег YAML «!!python/object:os.system»"),
    ],
)
def test_syntax_problems_have_russian_messages_and_lines(tmp_path, content, line, fragment):
    doc, problems = load(tmp_path, "bad.yaml", content)
    assert doc is None
    assert len(problems) == 1
    assert problems[0].file == "bad.yaml"
    assert problems[0].line == line
    assert fragment in problems[0].message
    assert problems[0].hint  # always says how to fix it


def test_non_utf8_names_the_line_of_the_first_bad_byte(tmp_path):
    doc, problems = load(tmp_path, "cp1251.yaml", "title: ok\nname: Иванова\n".encode("cp1251"))
    assert doc is None
    assert problems[0].line == 2
    assert "UTF-8" in problems[0].message


def test_empty_file(tmp_path):
    doc, problems = load(tmp_path, "empty.yaml", "\n  \n")
    assert doc is None
    assert problems[0].message == "файл пуст"


def test_deep_nesting_is_refused_quickly(tmp_path):
    started = time.perf_counter()
    doc, problems = load(tmp_path, "deep.yaml", "[" * 200_000 + "]" * 200_000)
    assert time.perf_counter() - started < 5
    assert doc is None
    assert f"больше {MAX_DEPTH} уровней" in problems[0].message


def test_alias_bomb_is_refused_at_the_first_alias(tmp_path):
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        bomb += f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]\n"
    doc, problems = load(tmp_path, "bomb.yaml", bomb)
    assert doc is None
    assert "якоря" in problems[0].message


def test_oversized_file_is_refused(tmp_path):
    doc, problems = load(tmp_path, "big.yaml", "a: " + "x" * (5 * 1024 * 1024 + 10) + "\n")
    assert doc is None
    assert "слишком большой" in problems[0].message


def test_front_matter_lines_count_from_the_file_start(tmp_path):
    path = tmp_path / "post.md"
    path.write_text("---\ntitle: Новость\ndate: 2025-09-01\n---\n\nТекст\n", encoding="utf-8")
    problems = Problems()
    doc = load_markdown(tmp_path, path, problems)
    assert doc is not None and not problems.items
    assert doc.data["title"] == "Новость"
    assert doc.line_of(("date",)) == 3
    assert doc.body.strip() == "Текст"
    assert doc.body_line == 5
