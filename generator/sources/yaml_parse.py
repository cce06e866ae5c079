"""YAML text → plain values that remember their lines, read from libyaml's event stream.

The values are built here from ``CSafeLoader``'s events (the pure-Python parser where PyYAML has no
libyaml), without recursion, so that:

* every value keeps the line it was written on (the ``lines`` of :func:`parse_yaml`, kept by
  :class:`generator.sources.load.SourceDoc`), also for errors found later by the models;
* duplicate keys, aliases (``*name``, the way to an alias bomb), several documents in one file,
  nesting deeper than :data:`~generator.sources.yaml_errors.MAX_DEPTH`, more than :data:`MAX_VALUES`
  values, over-long keys and values, unknown tags and control characters are refused with a Russian
  message (:class:`LoadError`) instead of being silently accepted or exhausting memory and the C stack.

Reading the file itself (size, encoding, line endings) is :mod:`generator.sources.load`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml
import yaml.constructor
import yaml.reader
import yaml.resolver

from generator.sources.yaml_errors import MAX_DEPTH, explain_yaml_error, yaml_error_line

try:  # libyaml is ~4× faster; fall back to the pure-Python parser where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_STRING = 200_000
MAX_VALUES = 100_000  # a roadmap of a thousand items has some ten thousand; millions would exhaust memory
MAX_KEY = 200

Loc = tuple[str | int, ...]  # where a value sits: the keys and list indices from the document's root

_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


class LoadError(Exception):
    """A file that cannot be read as data: the line when known, what is wrong and how to fix it, in Russian."""

    def __init__(self, line: int | None, message: str, hint: str = ""):
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


def parse_yaml(text: str, first_line: int = 1) -> tuple[Any, dict[Loc, int]]:
    """YAML text → (value, lines). Raises :class:`LoadError` with a Russian message."""
    offset = first_line - 1
    try:
        return _build(yaml.parse(text, Loader=_Loader), offset)
    except yaml.MarkedYAMLError as exc:
        line = yaml_error_line(exc, text)
        message, hint = explain_yaml_error(exc, text)
        raise LoadError(line + offset if line is not None else None, message, hint) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, found before parsing
        code = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        where = text.find(chr(code))  # libyaml counts its position in bytes: find the character itself
        line = text[:where].count("\n") + 1 if where >= 0 else None
        raise LoadError(
            line + offset if line is not None else None,
            f"в строке недопустимый управляющий символ (U+{code:04X})",
            "удалите его или перепечатайте строку: такие символы попадают в текст при копировании из Word или PDF",
        ) from None
    except yaml.YAMLError:
        raise LoadError(None, "ошибка синтаксиса YAML", "проверьте отступы и кавычки") from None


def _build(events: Iterator[yaml.Event], offset: int) -> tuple[Any, dict[Loc, int]]:
    """Build plain values from parser events, iteratively (no recursion, no alias expansion)."""
    lines: dict[Loc, int] = {}
    # Each frame: [container, loc, pending_key_or_None]; the bottom frame holds the document.
    root: list[Any] = []
    stack: list[list[Any]] = [[root, (), None]]
    documents = 0
    values = 0

    def line(event: yaml.Event) -> int:
        return event.start_mark.line + 1 + offset

    def place(value: Any, event: yaml.Event) -> Loc | None:
        """Put ``value`` into the current container; return its loc (None for a mapping key)."""
        frame = stack[-1]
        container, loc = frame[0], frame[1]
        if isinstance(container, dict):
            key = frame[2]
            if key is None:  # this value is a key
                if not isinstance(value, str):
                    raise LoadError(line(event), "ключ должен быть простым текстом", "запишите «ключ: значение»")
                if len(value) > MAX_KEY:
                    raise LoadError(
                        line(event), f"слишком длинный ключ (больше {MAX_KEY} знаков)", "проверьте двоеточие и отступы"
                    )
                if value in container:
                    raise LoadError(
                        line(event),
                        f"ключ «{value}» повторяется",
                        f"оставьте один «{value}:» (второй молча заменил бы первый)",
                    )
                frame[2] = value
                lines[(*loc, value)] = line(event)
                return None
            container[key] = value
            frame[2] = None
            return (*loc, key)
        container.append(value)
        item_loc = (*loc, len(container) - 1) if stack[-1] is not stack[0] else ()
        lines.setdefault(item_loc, line(event))
        return item_loc

    for event in events:
        if isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            values += 1
            if values > MAX_VALUES:
                raise LoadError(
                    line(event),
                    f"в файле слишком много значений (больше {MAX_VALUES:,})".replace(",", " "),
                    "разделите его на несколько файлов: одна запись — один файл",
                )
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise LoadError(line(event), "в файле несколько документов YAML (---)", "оставьте один")
        elif isinstance(event, yaml.AliasEvent):
            raise LoadError(
                line(event),
                f"ссылки YAML («*{event.anchor}») не поддерживаются",
                "запишите значение полностью",
            )
        elif isinstance(event, yaml.ScalarEvent):
            _refuse_anchor(event, line(event))
            is_key = isinstance(stack[-1][0], dict) and stack[-1][2] is None
            if is_key:
                _refuse_control(event.value, line(event))
            value = event.value if is_key else _scalar(event, line(event))
            place(value, event)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            _refuse_anchor(event, line(event))
            if isinstance(stack[-1][0], dict) and stack[-1][2] is None:
                raise LoadError(line(event), "ключ должен быть простым текстом", "запишите «ключ: значение»")
            if len(stack) > MAX_DEPTH:
                raise LoadError(
                    line(event),
                    f"слишком глубокая вложенность (больше {MAX_DEPTH} уровней)",
                    "упростите структуру файла",
                )
            container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
            loc = place(container, event)
            stack.append([container, loc if loc is not None else (), None])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            stack.pop()
    return (root[0] if root else None), lines


def _refuse_anchor(event: yaml.NodeEvent, line: int) -> None:
    if event.anchor is not None:
        raise LoadError(
            line,
            f"якоря YAML («&{event.anchor}») не поддерживаются",
            "запишите значение полностью, без & и *",
        )


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _refuse_control(value: str, line: int) -> None:
    """A control character written as a YAML escape («\\f», «\\x01»): no page, table or calendar can hold it."""
    found = _CONTROL.search(value)
    if found:
        raise LoadError(
            line,
            f"в значении недопустимый управляющий символ (U+{ord(found.group()):04X})",
            "удалите его из текста (в кавычках он записан через «\\»)",
        )


def _scalar(event: yaml.ScalarEvent, line: int) -> Any:
    _refuse_control(event.value, line)
    if len(event.value) > MAX_STRING:
        raise LoadError(
            line, f"слишком длинное значение (больше {MAX_STRING} знаков)", "сократите текст или вынесите его в файл"
        )
    tag = event.tag
    if tag is None or tag == "!":
        tag = _resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
    if tag == "tag:yaml.org,2002:str":
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
    try:
        return _constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError:
        short = tag.replace("tag:yaml.org,2002:", "!!")
        raise LoadError(line, f"тег YAML «{short}» не поддерживается", "уберите тег (слово с «!»)") from None
    except ValueError:
        if tag == "tag:yaml.org,2002:timestamp":
            raise LoadError(
                line,
                f"даты «{event.value}» не существует",
                "проверьте число и месяц; дата пишется как ГГГГ-ММ-ДД, например 2025-09-01",
            ) from None
        raise LoadError(line, f"не удалось прочитать значение «{event.value}»", "возьмите его в кавычки") from None
