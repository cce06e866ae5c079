"""A :class:`~.grid.Document` of any format → the :class:`~generator.models.Roadmap` it holds.

The first table with a recognisable header is the roadmap; the text before it (paragraphs, layout
tables such as a side-by-side approval block, rows above a sheet's header) is its prelude. A later
table with the same header continues it (a table broken in two by hand); a later table with a
header of its own is an extra table titled by the paragraph just before it (or by its sheet).
Whatever is not imported is noted, so the summary can say so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.deadlines import PeriodKind, parse_plan_period
from generator.errors import ImportFailed
from generator.importers.approval import LABEL
from generator.importers.columns import Header, find_header, normalize
from generator.importers.grid import Document, Paragraph, Table
from generator.importers.prelude import TITLE, Prelude, find_organization, find_period, read_prelude, rows_to_paragraphs
from generator.importers.table import Note, ReadTable, TableReader
from generator.models.roadmap import Approval, Approved, Considered, ExtraTable, Item, Recognition, Roadmap
from generator.tables.cells import split_heading

NO_TABLE_HINT = (
    "дорожная карта должна быть таблицей Word или листом Excel со строкой заголовков, "
    "например «Мероприятия | Сроки | Ответственные»"
)


@dataclass(frozen=True)
class Imported:
    """The roadmap read from a document, and what the editor should check."""

    roadmap: Roadmap
    notes: tuple[Note, ...]
    item_rows: tuple[tuple[Item, str], ...]  # every item (extra tables too) with where it stands
    leftovers: tuple[str, ...] = ()  # text not imported (before, between or after the tables)


@dataclass
class _Extra:
    title: str | None
    header: Header
    reader: TableReader


@dataclass
class _State:
    notes: list[Note] = field(default_factory=list)
    pending: list[Paragraph] = field(default_factory=list)
    prelude: list[Paragraph] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)
    main: TableReader | None = None
    extras: list[_Extra] = field(default_factory=list)


def read_roadmap(document: Document, today: dt.date) -> Imported:
    if not document.tables:
        raise ImportFailed(document.source, "в документе нет таблицы", NO_TABLE_HINT)
    if all(row.empty for table in document.tables for row in table.rows):
        raise ImportFailed(document.source, "таблица пуста", "проверьте, что выбран файл с заполненной дорожной картой")
    state = _State()
    for block in document.body:
        if isinstance(block, Paragraph):
            state.pending.append(block)
        else:
            _table(block, document, state)
    if state.main is None:
        raise ImportFailed(
            document.source,
            "не найдена строка заголовков таблицы (столбцы «Мероприятия», «Сроки», «Ответственные» и т. п.)",
            NO_TABLE_HINT,
        )
    state.leftovers.extend(p.text.replace("\n", " ") for p in state.pending if not p.blank)
    main = state.main.result()
    if not main.item_rows:
        raise ImportFailed(
            document.source,
            "таблица пуста: под строкой заголовков нет ни одного мероприятия",
            "проверьте, что выбран файл с заполненной дорожной картой",
        )
    prelude = read_prelude(state.prelude)
    extras = [(extra, extra.reader.result()) for extra in state.extras]
    roadmap = _roadmap(document, prelude, state.main.header, main, extras, state.notes, today)
    item_rows = main.item_rows + tuple(row for _, read in extras for row in read.item_rows)
    return Imported(roadmap, tuple(state.notes), item_rows, tuple(prelude.leftovers + state.leftovers))


def _table(table: Table, document: Document, state: _State) -> None:
    if all(row.empty for row in table.rows):
        return
    header = find_header(table, document.flat)
    if header is None:
        if state.main is None:
            state.pending.extend(rows_to_paragraphs(table.rows))
            return
        last = state.extras[-1].reader if state.extras else state.main
        if not state.pending or all(p.blank for p in state.pending):
            state.notes.append(Note(table.label, "таблица без строки заголовков — считана продолжением предыдущей"))
            last.feed(table, 0)
        else:
            state.notes.append(Note(table.label, "таблица без строки заголовков — не импортирована"))
            state.leftovers.extend(p.text for p in rows_to_paragraphs(table.rows) if not p.blank)
        return
    above = rows_to_paragraphs(table.rows[: header.index])
    if state.main is None:
        before = [*state.pending, *above]
        heading = _numbered_heading(before)
        state.prelude = [p for p in before if p is not heading]
        state.pending = []
        state.main = TableReader(table, header, state.notes)
        if heading is not None:
            state.main.open_section(
                heading.text, f"{table.label}: раздел «{heading.text}» взят из абзаца перед таблицей"
            )
        state.main.feed(table, header.index + 1)
        _note_columns(header, table, state.notes)
        return
    if _same_columns(state.main.header, header):
        state.notes.append(Note(table.label, "таблица с той же шапкой считана продолжением основной таблицы"))
        between = [p.text.replace("\n", " ") for p in [*state.pending, *above] if not p.blank]
        if between and len(between[-1]) <= 200 and not LABEL.match(between[-1]):
            stage = between.pop()  # «2. Основной этап» before the table of that stage
            state.main.open_section(stage, f"{table.label}: раздел «{stage}» взят из абзаца перед таблицей")
        state.leftovers.extend(between)
        state.main.feed(table, header.index + 1)
        state.pending = []
        return
    texts = [p.text.replace("\n", " ") for p in [*state.pending, *above] if not p.blank]
    title = texts.pop() if texts else table.sheet
    state.leftovers.extend(texts)
    state.pending = []
    reader = TableReader(table, header, state.notes, extra=True)
    reader.feed(table, header.index + 1)
    _note_columns(header, table, state.notes)
    state.extras.append(_Extra(title, header, reader))


def _numbered_heading(paragraphs: list[Paragraph]) -> Paragraph | None:
    """The last paragraph before the first table when it heads the first section («1. Подготовительный
    этап», «I. …», «Раздел 1. …») and is not the last point of a numbered list (tasks «1. … 9. …»)."""
    texts = [p for p in paragraphs if not p.blank]
    if not texts:
        return None
    last = texts[-1]
    if len(last.text) > 200 or "\n" in last.text or LABEL.match(last.text) or TITLE.search(last.text):
        return None
    number, _, kind = split_heading(last.text)
    if kind == "none" or number not in ("1", "I"):
        return None
    if len(texts) > 1 and split_heading(texts[-2].text)[2] == kind:
        return None
    return last


def _same_columns(a: Header, b: Header) -> bool:
    return [normalize(c.name) for c in a.columns] == [normalize(c.name) for c in b.columns]


def _note_columns(header: Header, table: Table, notes: list[Note]) -> None:
    for column in header.columns:
        if column.guessed and column.role == "number":
            notes.append(Note(table.label, f"у столбца номеров нет заголовка — назван «{column.name}»"))
        elif column.guessed and column.role == "activity":
            notes.append(Note(table.label, f"столбец «{column.name}» не распознан — считан столбцом мероприятий"))
        elif column.guessed:
            notes.append(
                Note(table.label, f"столбец «{column.name}» не распознан — его текст добавлен в подпункты с пометкой")
            )


def _roadmap(
    document: Document,
    prelude: Prelude,
    header: Header,
    main: ReadTable,
    extras: list[tuple[_Extra, ReadTable]],
    notes: list[Note],
    today: dt.date,
) -> Roadmap:
    meta = document.meta
    title = meta.get("title") or prelude.title or document.title or Path(document.source).stem
    period, kind = prelude.period, prelude.period_kind
    if prelude.title is None and title:
        period, kind = find_period(title)
    organization = meta.get("organization") or prelude.organization or _organization_of(title, prelude)
    if meta.get("period"):
        period, kind = meta["period"], _kind(meta.get("period_kind")) or kind
    if period is None:
        period, kind = _period_from_deadlines(main)
        if period is None:
            notes.append(Note("", "период не указан ни в названии, ни в сроках — оставлен пустым; впишите period"))
        else:
            notes.append(
                Note("", f"период не найден в названии — принят «{period}» по годам в сроках; проверьте period")
            )
    extra_titles = [t for t in meta.get("extra_tables", "").split("\n") if t.strip()]
    tables = []
    for index, (extra, read) in enumerate(extras):
        if read.sections and any(s.heading for s in read.sections):
            notes.append(
                Note(extra.reader.table.label, "разделы дополнительной таблицы не сохраняются — строки идут подряд")
            )
        columns = extra.header.document_columns
        tables.append(
            ExtraTable(
                title=extra_titles[index] if index < len(extra_titles) else extra.title,
                columns=tuple(c.name for c in columns),
                column_roles={c.name: c.role for c in columns},
                items=read.items,
            )
        )
    columns = header.document_columns
    if "columns" in meta:  # our own export: columns added only to hold the items' fields are not the document's
        own = set(meta["columns"].split("\n"))
        columns = tuple(c for c in columns if c.name in own)
    return Roadmap(
        title=title,
        organization=organization,
        period=period,
        period_kind=kind,
        approval=_approval(meta) or prelude.approval,
        goal=meta.get("goal") or prelude.goal,
        tasks=tuple(meta["tasks"].split("\n")) if meta.get("tasks") else tuple(prelude.tasks),
        columns=tuple(c.name for c in columns),
        column_roles={c.name: c.role for c in columns},
        sections=main.sections,
        extra_tables=tuple(tables),
        source=document.source,
        recognized=Recognition(doubtful=document.recognized) if document.recognized is not None else None,
    )


def _organization_of(title: str, prelude: Prelude) -> str | None:
    return find_organization(title) if prelude.title is None else None


def _kind(text: str | None) -> PeriodKind | None:
    return text if text in ("academic_year", "calendar_year", "years") else None  # type: ignore[return-value]


def _period_from_deadlines(main: ReadTable) -> tuple[str | None, PeriodKind | None]:
    """No period in the title: the years the deadlines name; none named — no period (never a guessed one).

    One year only: the autumn months written with it make it the start of a school year, the
    spring months its end; both (or neither) make it a calendar-year plan.
    """
    text = " ".join(item.deadline or "" for item, _ in main.item_rows).lower()
    years = sorted({int(y) for y in re.findall(r"(?<!\d)(20\d\d)(?!\d)", text)})
    if not years:
        return None, None
    if years[0] != years[-1]:
        period = f"{years[0]}-{years[-1]}"
        plan = parse_plan_period(period)
        assert plan is not None
        return period, plan.kind
    year = years[0]
    dated = " ".join(re.findall(rf"([а-яё]+)\s*,?\s*{year}", text))
    autumn = bool(re.search(r"август|сентябр|октябр|ноябр|декабр", dated))
    spring = bool(re.search(r"январ|феврал|март|апрел|ма[йяю]|июн", dated))
    if autumn != spring:
        first = year if autumn else year - 1
        return f"{first}-{first + 1}", "academic_year"
    return str(year), "calendar_year"


def _approval(meta: dict[str, str]) -> Approval | None:
    def part(prefix: str) -> dict[str, str | dt.date]:
        values: dict[str, str | dt.date] = {}
        for key, value in meta.items():
            if key.startswith(prefix + "."):
                name = key.split(".", 1)[1]
                values[name] = dt.date.fromisoformat(value) if name.endswith("date") and _iso(value) else value
        return values

    considered, approved = part("considered"), part("approved")
    if not considered and not approved:
        return None
    return Approval(
        considered=Considered(**considered) if considered else None,  # type: ignore[arg-type]
        approved=Approved(**approved) if approved else None,  # type: ignore[arg-type]
    )


def _iso(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
