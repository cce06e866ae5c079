"""Problems in the user's data and how they are told to the user.

Everything an editor can get wrong ends up as a :class:`Problem`: the file (relative to the
portal's root), the line, what is wrong and how to fix it, in Russian. Stages collect problems
instead of stopping at the first one; the CLI prints them all and exits with code 1.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"  # the build stops
    WARNING = "warning"  # something is probably wrong; the build stops under --strict
    NOTICE = "notice"  # for the editor's information: the data is right, the site shows it in a way worth knowing


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the user's data, in Russian."""

    file: str
    line: int | None
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """``path:line: message — hint``; warnings and notices are marked as such."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        text = self.message if not self.hint else f"{self.message} — {self.hint}"
        if self.severity is Severity.WARNING:
            text = f"предупреждение: {text}"
        elif self.severity is Severity.NOTICE:
            text = f"к сведению: {text}"
        return f"{where}: {text}" if where else text

    def format_github(self) -> str:
        """GitHub Actions workflow command, annotating the line of the pull request."""
        kind = str(self.severity)  # ::error, ::warning, ::notice
        text = self.message if not self.hint else f"{self.message} — {self.hint}"
        location = f"file={_github_property(self.file)}"
        if self.line is not None:
            location += f",line={int(self.line)}"
        return f"::{kind} {location}::{_github_data(text)}"


def _github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub documents: a newline cannot start a command of its own."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    """A workflow command's property value (a file name): also ``:`` and ``,``, which end the value."""
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


@dataclass
class Problems:
    """A collector: every stage adds what it finds, the caller decides when to stop."""

    items: list[Problem] = field(default_factory=list)

    def error(self, file: str, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem(file, line, message, hint, Severity.ERROR))

    def warning(self, file: str, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem(file, line, message, hint, Severity.WARNING))

    def notice(self, file: str, line: int | None, message: str, hint: str = "") -> None:
        self.items.append(Problem(file, line, message, hint, Severity.NOTICE))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.WARNING]

    @property
    def notices(self) -> list[Problem]:
        return [p for p in self.items if p.severity is Severity.NOTICE]

    def failed(self, strict: bool = False) -> bool:
        """True when the build must stop: any error, or any warning under ``--strict``."""
        return bool(self.errors) or (strict and bool(self.warnings))

    def raise_if_failed(self, strict: bool = False) -> None:
        if self.failed(strict):
            raise DataErrors(self.sorted(), strict=strict)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=_sort_key)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


def _sort_key(p: Problem) -> tuple[str, int, str]:
    return (p.file, p.line or 0, p.message)


class NastavnikError(Exception):
    """Base of every error the CLI reports to the user without a traceback (exit code 1)."""

    exit_code = 1

    def user_message(self) -> str:
        return str(self)


class DataErrors(NastavnikError):
    """The user's data has problems; all of them are carried, sorted by file and line."""

    def __init__(self, problems: list[Problem], strict: bool = False):
        self.problems = problems
        self.strict = strict
        super().__init__(format_problems(problems, strict=strict))

    def user_message(self) -> str:
        return format_problems(self.problems, strict=self.strict)


class UsageError(NastavnikError):
    """The command was called wrongly (exit code 2)."""

    exit_code = 2


class ImportFailed(NastavnikError):
    """A document could not be imported (not a DOCX, no table, …); nothing is written."""

    def __init__(self, file: str | Path, message: str, hint: str = ""):
        self.file = str(file)
        self.message = message
        self.hint = hint
        super().__init__(Problem(self.file, None, message, hint).format())


class BuildFailed(NastavnikError):
    """MkDocs or a post-build check failed; the previous ``site/`` is kept."""


def errors_summary(count: int) -> str:
    return f"Найдено ошибок: {count}"


def format_problems(problems: Iterable[Problem], strict: bool = False) -> str:
    """Every problem on its own line, then «Найдено ошибок: N» (warnings count under --strict, notices never)."""
    problems = list(problems)
    lines = [p.format() for p in problems]
    errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    warnings = sum(1 for p in problems if p.severity is Severity.WARNING)
    count = errors + (warnings if strict else 0)
    if count:
        lines.append(errors_summary(count))
    if warnings and not strict:
        lines.append(f"Предупреждений: {warnings}")
    return "\n".join(lines)
