"""Stage 1, load: YAML files and Markdown front matter → plain values that remember file and line.

The YAML is read from libyaml's event stream (``CSafeLoader`` when PyYAML has it), and the values
are built here, without recursion, so that:

* every value keeps the line it was written on (``SourceDoc.line_of``), also for errors found
  later by the models;
* duplicate keys, aliases (``*name``, the way to an alias bomb), several documents in one file,
  nesting deeper than :data:`MAX_DEPTH`, more than :data:`MAX_VALUES` values and over-long keys are
  refused with a Russian message instead of being silently accepted or exhausting memory and the C stack;
* a UTF-8 BOM and CRLF line endings are accepted; other encodings are refused with the line of the
  first bad byte.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.constructor
import yaml.reader
import yaml.resolver

from generator import ru
from generator.errors import Problems
from generator.filetypes import MARKDOWN_SUFFIXES
from generator.sources.yaml_errors import MAX_DEPTH, explain_yaml_error, yaml_error_line
from generator.translate import os_error

try:  # libyaml is ~4× faster; fall back to the pure-Python parser where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_STRING = 200_000
MAX_VALUES = 100_000  # a roadmap of a thousand items has some ten thousand; millions would exhaust memory
MAX_KEY = 200

Loc = tuple[str | int, ...]

_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class SourceDoc:
    """One loaded file: its values and the line of each of them."""

    path: str  # relative to the portal root, with forward slashes
    data: Any
    lines: Mapping[Loc, int] = field(default_factory=dict)
    body: str = ""  # the Markdown after the front matter (Markdown files only)
    body_line: int = 1  # line where the body starts

    def line_of(self, loc: Loc) -> int | None:
        """The line of the value at ``loc``, or of its nearest ancestor that has one."""
        loc = tuple(loc)
        while True:
            if loc in self.lines:
                return self.lines[loc]
            if not loc:
                return None
            loc = loc[:-1]

    @property
    def stem(self) -> str:
        return Path(self.path).stem


class LoadError(Exception):
    def __init__(self, line: int | None, message: str, hint: str = ""):
        super().__init__(message)
        self.line = line
        self.message = message
        self.hint = hint


def relpath(root: Path, path: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The file as text: UTF-8 (a BOM is dropped, CRLF becomes LF), or :class:`LoadError`."""
    size = path.stat().st_size
    if size > max_bytes:
        raise LoadError(
            None,
            f"файл слишком большой ({ru.decimal(size / 1024 / 1024)} МБ при пределе {max_bytes // 1024 // 1024} МБ)",
            "разделите его на несколько файлов: одна запись — один файл",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError(
            line,
            "файл не в кодировке UTF-8",
            "сохраните его в UTF-8 (в Блокноте: «Сохранить как» → кодировка UTF-8)",
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


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


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def load_yaml(root: Path, path: Path, problems: Problems) -> SourceDoc | None:
    """A YAML file as a :class:`SourceDoc`, or None after reporting why not."""
    rel = relpath(root, path)
    try:
        text = read_text(path)
        if not text.strip():
            raise LoadError(1, "файл пуст", "заполните его по образцу из README или удалите")
        data, lines = parse_yaml(text)
    except LoadError as exc:
        problems.error(rel, exc.line, exc.message, exc.hint)
        return None
    except OSError as exc:
        problems.error(rel, None, f"файл не читается ({os_error(exc)})", "проверьте права доступа")
        return None
    return SourceDoc(rel, data, lines)


def load_markdown(root: Path, path: Path, problems: Problems) -> SourceDoc | None:
    """A Markdown file's front matter as a :class:`SourceDoc` (its body kept alongside)."""
    rel = relpath(root, path)
    try:
        text = read_text(path)
        match = _FRONT_MATTER.match(text)
        if match is None:
            return SourceDoc(rel, {}, {(): 1}, body=text, body_line=1)
        data, lines = parse_yaml(match.group(1) or "", first_line=2)
    except LoadError as exc:
        problems.error(rel, exc.line, exc.message, exc.hint)
        return None
    except OSError as exc:
        problems.error(rel, None, f"файл не читается ({os_error(exc)})", "проверьте права доступа")
        return None
    body = text[match.end() :]
    body_line = text[: match.end()].count("\n") + 1
    if data is None:
        data = {}
    lines.setdefault((), 1)
    return SourceDoc(rel, data, lines, body=body, body_line=body_line)


def load_doc(root: Path, path: Path, problems: Problems) -> SourceDoc | None:
    """YAML or Markdown-with-front-matter, chosen by the suffix."""
    if path.suffix.lower() in MARKDOWN_SUFFIXES:
        return load_markdown(root, path, problems)
    return load_yaml(root, path, problems)
