"""Stage 1, load: YAML files and Markdown front matter → :class:`SourceDoc`, values that remember file and line.

A file is read as UTF-8 (a BOM is dropped, CRLF line endings are accepted; other encodings are
refused with the line of the first bad byte) and up to :data:`MAX_FILE_BYTES`; its YAML is parsed by
:mod:`generator.sources.yaml_parse`. A file that cannot be read or parsed is reported to
:class:`~generator.errors.Problems` with a Russian message, never raised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import ru
from generator.errors import Problems
from generator.filetypes import MARKDOWN_SUFFIXES
from generator.sources.yaml_parse import LoadError, Loc, parse_yaml
from generator.translate import os_error

MAX_FILE_BYTES = 5 * 1024 * 1024


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
