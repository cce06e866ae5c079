"""PyYAML's errors told in Russian: what is wrong, how to fix it, and the line to show."""

from __future__ import annotations

import re

import yaml

_YAML_ERRORS: list[tuple[str, str, str]] = [
    (
        r"found character '\\t'",
        "символ табуляции в YAML не допускается",
        "замените табуляцию пробелами (отступ — два пробела)",
    ),
    (
        r"mapping values are not allowed",
        "двоеточие в неожиданном месте",
        'если двоеточие — часть текста, возьмите значение в кавычки: ключ: "текст: продолжение"',
    ),
    (
        r"could not find expected ':'",
        "ожидалась строка вида «ключ: значение»",
        "проверьте двоеточие после ключа и отступы",
    ),
    (
        r"expected <block end>|did not find expected key|expected <document start>",
        "нарушены отступы",
        "у полей одного уровня должен быть одинаковый отступ из пробелов",
    ),
    (
        r"did not find expected '-' indicator",
        "нарушены отступы в списке",
        "каждый элемент списка начинается с «- » на одном и том же отступе",
    ),
    (
        r"expected the node content|expected ',' or '[\]}]'|found '<stream end>'",
        "не закрыта скобка [ или { (или значение оборвано)",
        "проверьте, что каждая открытая скобка и кавычка закрыта; текст со скобкой возьмите в кавычки",
    ),
    (
        r"found unexpected end of stream|found unknown escape character",
        "не закрыта кавычка или ошибка в экранировании",
        "проверьте, что каждая открытая кавычка закрыта",
    ),
    (
        r"found undefined alias|found undefined tag handle",
        "неизвестная ссылка или тег YAML",
        "уберите символы * и ! в начале значения или возьмите значение в кавычки",
    ),
    (
        r"found character '(@|`)' that cannot start any token",
        "значение не может начинаться с символов @ или `",
        "возьмите значение в кавычки",
    ),
    (
        r"control characters are not allowed|special characters are not allowed",
        "в файле есть недопустимые управляющие символы",
        "удалите их или перепечатайте строку",
    ),
]


def yaml_error_line(exc: yaml.MarkedYAMLError, text: str) -> int | None:
    """The line to show: where the parser stopped, or — for an unclosed ``[``/``{`` — where it was opened;
    never past the last line of ``text`` (the parser marks the end of the file after its final newline)."""
    unclosed = exc.context is not None and "flow" in exc.context and exc.context_mark is not None
    mark = exc.context_mark if unclosed else exc.problem_mark or exc.context_mark
    if mark is None:
        return None
    last = max(1, len(text.splitlines()))
    return min(mark.line + 1, last)


def explain_yaml_error(exc: yaml.MarkedYAMLError, source: str) -> tuple[str, str]:
    """PyYAML's error → (what is wrong, how to fix it), in Russian."""
    mark = exc.problem_mark
    source_lines = source.split("\n")
    if mark is not None and mark.line < len(source_lines) and "\t" in source_lines[mark.line][: mark.column + 1]:
        return _YAML_ERRORS[0][1], _YAML_ERRORS[0][2]
    text = f"{exc.context or ''} {exc.problem or ''}"
    for pattern, message, hint in _YAML_ERRORS:
        if re.search(pattern, text):
            return message, hint
    return f"ошибка синтаксиса YAML ({(exc.problem or '').strip()})", "проверьте отступы, двоеточия и кавычки"
