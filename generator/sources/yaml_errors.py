"""PyYAML's errors told in Russian: what is wrong, how to fix it, and the line to show."""

from __future__ import annotations

import re

import yaml

MAX_DEPTH = (
    40  # nesting levels a data file may have: libyaml's own limit and generator.sources.yaml_parse's check say the same
)

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
        r"exceeded maximum nesting depth",
        f"слишком глубокая вложенность (больше {MAX_DEPTH} уровней)",
        "упростите структуру файла",
    ),
    (
        r"found a tab character|found character that cannot start any token.*\\t",
        "символ табуляции в YAML не допускается",
        "замените табуляцию пробелами (отступ — два пробела)",
    ),
    (
        r"sequence entries are not allowed|block sequence entries",
        "элемент списка «- » в неожиданном месте",
        "проверьте отступ: элементы списка стоят под своим ключом, на одном отступе",
    ),
    (
        r"mapping keys are not allowed|could not find expected ':'|found unexpected ':'",
        "не хватает двоеточия после ключа или нарушены отступы",
        "запишите «ключ: значение»; текст с двоеточием возьмите в кавычки",
    ),
    (
        r"found duplicate anchor|found undefined alias|anchor",
        "ссылки YAML (& и *) не поддерживаются",
        "уберите символы & и * в начале значения или возьмите значение в кавычки",
    ),
    (
        r"directive|%YAML|%TAG|incompatible YAML document",
        "служебная строка YAML с «%» не поддерживается",
        "удалите строку, начинающуюся с «%», или возьмите значение в кавычки",
    ),
    (
        r"document separator|another document|single document|document start|document end",
        "в файле несколько документов YAML (строка «---» или «...»)",
        "в файле должен быть один документ: удалите лишнюю строку «---» или «...»",
    ),
    (
        r"block scalar|indentation indicator|chomping",
        "ошибка в многострочном тексте после «|» или «>»",
        "после «|» или «>» перенесите текст на следующую строку с отступом больше, чем у ключа",
    ),
    (
        r"escape|hexadecimal|URI|tag",
        "ошибка в экранировании или теге",
        "уберите «\\» и «!» из значения или возьмите его в одинарные кавычки",
    ),
    (
        r"control characters are not allowed|special characters are not allowed|unacceptable character"
        r"|invalid leading UTF-8|incomplete UTF-8|invalid Unicode|invalid trailing UTF-8",
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
    return "ошибка синтаксиса YAML", "проверьте отступы, двоеточия и кавычки в этой строке и строкой выше"
