"""Stage 2, validate: loaded files → typed records, every problem with its file and line.

Pydantic does the checking; this module turns its errors into Russian sentences that name the
field, point at the line of the offending value and say how to fix it. Rules that cross records
(references, duplicates, consent) are run by :mod:`generator.rules.references`.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from generator.errors import Problems
from generator.models import Document, Mentor, Monitoring, Post, Practice, Program, Roadmap
from generator.ru import kind_of as _kind_of
from generator.ru import masked
from generator.ru import short as _short
from generator.sources.files import Sources
from generator.sources.load import SourceDoc
from generator.sources.yaml_parse import Loc

M = TypeVar("M", bound=BaseModel)

_ID_FROM_FILE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


@dataclass(frozen=True)
class Entry(Generic[M]):
    """A validated record with its id (the file name) and where it came from."""

    id: str
    model: M
    doc: SourceDoc


@dataclass(frozen=True)
class Records:
    """Every validated record of one organization."""

    program: Entry[Program] | None
    monitoring: Entry[Monitoring] | None
    roadmaps: tuple[Entry[Roadmap], ...]
    mentors: tuple[Entry[Mentor], ...]
    practices: tuple[Entry[Practice], ...]
    library: tuple[Entry[Document], ...]
    news: tuple[Entry[Post], ...]

    @property
    def count(self) -> int:
        singles = sum(1 for e in (self.program, self.monitoring) if e is not None)
        return singles + sum(
            len(group) for group in (self.roadmaps, self.mentors, self.practices, self.library, self.news)
        )


def validate_sources(sources: Sources, problems: Problems) -> Records:
    """Validate every loaded file; invalid ones are reported and left out."""
    return Records(
        program=_one(sources.program, Program, problems),
        monitoring=_monitoring(sources.monitoring, problems),
        roadmaps=_many(sources.roadmaps, Roadmap, problems),
        mentors=_many(sources.mentors, Mentor, problems),
        practices=_many(sources.practices, Practice, problems, body_field="body"),
        library=_many(sources.library, Document, problems),
        news=_many(sources.news, Post, problems),
    )


def _one(doc: SourceDoc | None, model: type[M], problems: Problems) -> Entry[M] | None:
    if doc is None:
        return None
    record = validate_doc(doc, model, problems)
    return None if record is None else Entry(doc.stem, record, doc)


def _monitoring(doc: SourceDoc | None, problems: Problems) -> Entry[Monitoring] | None:
    """``monitoring.yaml`` is a plain list of figures; the model wraps it."""
    if doc is None:
        return None
    if isinstance(doc.data, list):
        shifted = {("figures", *loc): line for loc, line in doc.lines.items()}
        doc = SourceDoc(doc.path, {"figures": doc.data}, shifted)
    return _one(doc, Monitoring, problems)


def _many(
    docs: tuple[SourceDoc, ...], model: type[M], problems: Problems, body_field: str | None = None
) -> tuple[Entry[M], ...]:
    entries = []
    for doc in docs:
        if not _ID_FROM_FILE.fullmatch(doc.stem):
            problems.error(
                doc.path,
                None,
                f"имя файла «{doc.stem}» не подходит для адреса страницы",
                "переименуйте файл: латинские строчные буквы, цифры и дефис, например ivanova-mp.yaml",
            )
            continue
        if body_field and doc.path.endswith(".md"):
            doc = _with_body(doc, body_field, problems)
            if doc is None:
                continue
        record = validate_doc(doc, model, problems)
        if record is not None:
            entries.append(Entry(doc.stem, record, doc))
    return tuple(entries)


def _with_body(doc: SourceDoc, field: str, problems: Problems) -> SourceDoc | None:
    """A Markdown record: its body becomes ``field`` (unless the front matter has it too)."""
    if not isinstance(doc.data, dict):
        return doc
    if field in doc.data:
        problems.error(
            doc.path,
            doc.line_of((field,)),
            f"поле «{field}» задано и в заголовке, и текстом файла",
            "оставьте текст только после заголовка ---",
        )
        return None
    data = dict(doc.data)
    if doc.body.strip():
        data[field] = doc.body
    lines = dict(doc.lines)
    lines[(field,)] = doc.body_line
    return SourceDoc(doc.path, data, lines, doc.body, doc.body_line)


def validate_doc(doc: SourceDoc, model: type[M], problems: Problems) -> M | None:
    """One document against one model; pydantic's errors become Russian problems."""
    if not isinstance(doc.data, dict):
        found = _kind_of(doc.data) if not isinstance(doc.data, str) else masked(doc.data)
        problems.error(
            doc.path,
            doc.line_of(()),
            f"файл должен содержать поля вида «ключ: значение», а содержит {found}",
            "начните файл с полей записи, например «title: …», без «- » в начале",
        )
        return None
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        report_validation_error(exc, doc, model, problems)
        return None


def report_validation_error(exc: ValidationError, doc: SourceDoc, model: type[BaseModel], problems: Problems) -> None:
    seen: set[Loc] = set()
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"], model)
        if loc in seen:  # a union reports once per member: one message is enough
            continue
        seen.add(loc)
        message, hint = explain(error, loc, doc, model)
        problems.error(doc.path, doc.line_of(loc), message, hint)


def _clean_loc(loc: tuple[Any, ...], model: type[BaseModel]) -> Loc:
    """Drop the names pydantic adds for union members and validators (``date``, ``function-after[…]``).

    The model is walked along, so a field whose name is also a union member's (the ``date`` of a
    news post) is kept, and so is an unknown key (``extra_forbidden``).
    """
    keep: list[str | int] = []
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            keep.append(part)
        elif _VALIDATOR_TAG.match(part):
            continue
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = _field_by_key(current, part)
            keep.append(part)
            current = _inner_model(field.annotation) if field is not None else None
        elif part not in _UNION_TAGS:
            keep.append(part)
    return tuple(keep)


_VALIDATOR_TAG = re.compile(r"^[a-z][\w-]*\[.*\]$", re.DOTALL)  # function-after[…], tuple[Period, ...]
_UNION_TAGS = {"date", "datetime", "str", "int", "bool", "list", "tuple", "dict", "none"}


def _field_name(loc: Loc) -> str:
    names = [str(p) for p in loc if isinstance(p, str)]
    return ".".join(names) if names else "файл"


def explain(error: Any, loc: Loc, doc: SourceDoc, model: type[BaseModel]) -> tuple[str, str]:
    """A pydantic error → (what is wrong, how to fix it), in Russian."""
    kind: str = error["type"]
    field = _field_name(loc)
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return f"поле «{field}» обязательно", f"добавьте строку «{loc[-1]}: …»" + _missing_hint(loc)
    if kind == "extra_forbidden":
        key = str(loc[-1])
        known = _known_keys(model, loc[:-1])
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        if close:
            return f"неизвестное поле «{key}»", f"возможно, имелось в виду «{close[0]}»"
        allowed = ", ".join(sorted(known)) if known else "—"
        return f"неизвестное поле «{key}»", f"уберите его или исправьте; допустимые поля: {allowed}"
    if kind.startswith("nastavnik_"):
        return f"поле «{field}»: {error['msg']}", "исправьте значение"
    if kind in {"string_type", "str_type"}:
        return f"поле «{field}» должно быть текстом, а не {_kind_of(value)}", "возьмите значение в кавычки"
    if kind == "string_too_short":
        return f"поле «{field}» не может быть пустым", "заполните его или удалите строку"
    if kind == "string_too_long":
        return f"поле «{field}» слишком длинное (больше {ctx.get('max_length')} знаков)", "сократите текст"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"поле «{field}» должно быть целым числом, а не {_kind_of(value)}", "например, 5"
    if kind in {"bool_type", "bool_parsing"}:
        return (
            f"поле «{field}» должно быть true или false, а не {_kind_of(value)}",
            "напишите true (да) или false (нет)",
        )
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"поле «{field}»: «{_short(str(value))}» — не дата", "запишите дату как ГГГГ-ММ-ДД, например 2025-09-01"
    if kind in {"literal_error", "enum"}:
        expected = ctx.get("expected", "")
        return f"поле «{field}»: значение «{_short(str(value))}» не из списка", f"допустимые значения: {expected}"
    if kind in {"list_type", "tuple_type", "set_type"}:
        return (
            f"поле «{field}» должно быть списком, а не {_kind_of(value)}",
            "запишите каждый элемент с новой строки, начиная с «- »",
        )
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return (
            f"поле «{field}» должно содержать вложенные поля «ключ: значение», а не {_kind_of(value)}",
            "проверьте отступы и образец в README",
        )
    if kind in {"greater_than_equal", "greater_than"}:
        return f"поле «{field}» должно быть не меньше {ctx.get('ge', ctx.get('gt'))}", "исправьте число"
    if kind in {"less_than_equal", "less_than"}:
        return f"поле «{field}» должно быть не больше {ctx.get('le', ctx.get('lt'))}", "исправьте число"
    if kind in {"float_type", "float_parsing"}:
        return f"поле «{field}» должно быть числом, а не {_kind_of(value)}", "например, 1.5"
    if kind == "value_error":
        return f"поле «{field}»: {error['msg'].removeprefix('Value error, ')}", "исправьте значение"
    return f"поле «{field}»: недопустимое значение ({error['msg']})", "сверьтесь с образцом в README"


def _missing_hint(loc: Loc) -> str:
    if loc and loc[-1] == "publish":
        return " — без согласия человек не публикуется; например consent: {publish: false}"
    if loc and loc[-1] == "consent":
        return "; например consent: {publish: true, date: 2025-09-01}; без согласия человек не будет опубликован"
    return ""


def _known_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names (as written in YAML) of the model reached by ``loc``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        field = _field_by_key(current, part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [f.alias or name for name, f in current.model_fields.items()]
    return []


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field
    return None


def _inner_model(annotation: Any) -> Any:
    """``tuple[Item, ...] | None`` → ``Item``: the model inside containers and optionals."""
    stack = [annotation]
    while stack:
        current = stack.pop()
        if isinstance(current, type) and issubclass(current, BaseModel):
            return current
        stack.extend(getattr(current, "__args__", ()))
    return None
