"""A table's rows after the header → sections and items, with every doubt noted by its row.

Row by row:

1. empty rows, the header repeated after a page break, and a «1 2 3 4 5» row of column numbers
   are skipped;
2. a section row is one text over (nearly) the whole width — a merged cell in Word, or in a
   spreadsheet a row with only the heading (in the number column, or a heading-like text alone in
   the activity column);
3. a continuation row — the rest of a row split by a page break: no number, no deadline or
   responsible of its own, and text that goes on from the row above (a small letter first, or the
   row above broken off after a comma or a preposition) — is joined into the row above;
4. every other row is an item. Stage columns (``section_number``/``section_title``, merged down in
   Word, repeated in a spreadsheet) and the flat ``Раздел`` path open sections as their value
   changes; section rows nest by their numbering (I. → 1. → 1.1.).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.importers import rows
from generator.importers.columns import Header, is_header_repeat, is_numbering_row
from generator.importers.grid import Row, Table
from generator.importers.items import ItemDraft, build_item
from generator.importers.rows import RowValues, Shape, short
from generator.models import Item, Section
from generator.tables import cells
from generator.tables.flat import PATH_SEPARATOR


@dataclass(frozen=True)
class Note:
    """Something the editor should look at: where (table and row) and what."""

    where: str
    text: str

    def format(self) -> str:
        return f"{self.where}: {self.text}" if self.where else self.text


@dataclass
class SectionDraft:
    number: str | None
    title: str | None
    heading: str | None
    kind: str = "none"
    key: tuple[str | None, ...] = ()  # what opened it: a stage's number and title
    items: list[ItemDraft] = field(default_factory=list)
    children: list[SectionDraft] = field(default_factory=list)


@dataclass(frozen=True)
class ReadTable:
    sections: tuple[Section, ...]
    item_rows: tuple[tuple[Item, str], ...]  # every item with where it stands («таблица 1, строка 5»), in order

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for item, _ in self.item_rows)


def where(table: Table, row: int) -> str:
    return f"{table.label}, строка {row}" if table.label else f"строка {row}"


class TableReader:
    """Reads one table under its header (and any table continuing it); notes go to the shared list."""

    def __init__(self, table: Table, header: Header, notes: list[Note], extra: bool = False):
        self.table = table  # the table being fed (a table continued in a second one has two)
        self.header = header
        self.notes = notes
        self.extra = extra  # an extra table: its rows are items in a row, sections are not expected
        self.shape = Shape(header.columns)
        self.roots: list[SectionDraft] = []
        self.chain: list[SectionDraft] = []  # the open section at each level
        self.kinds: list[str] = []  # numbering style of each level of section rows
        self.last: ItemDraft | None = None

    # --- the walk -------------------------------------------------------------------------------

    def feed(self, table: Table, start: int) -> None:
        """Read ``table``'s rows from ``start`` on, continuing the sections and items read so far."""
        self.table = table
        self.shape = Shape.of(self.header.columns, table, start)
        for row in table.rows[start:]:
            if row.empty:
                continue
            if row is table.rows[start] and rows.sub_header(self.shape, row):
                self.note(row, "вторая строка шапки — названия столбцов дополнены ею не были, строка пропущена")
            elif is_header_repeat(row, self.header):
                self.note(row, "повтор шапки таблицы (после разрыва страницы) — пропущен")
            elif is_numbering_row(row):
                self.note(row, "строка с номерами столбцов («1, 2, 3 …») — пропущена")
            else:
                self._row(row)

    def _row(self, row: Row) -> None:
        rv = rows.row_values(self.shape, row)
        if (heading := rows.section_heading(self.shape, rv)) is not None:
            self._open_section(heading, row)
        elif self.last is not None and rows.continues(self.shape, rv, self.last.values):
            self._join(rv, row)
        elif (lone := rows.lone_heading(self.shape, row, rv)) is not None:
            if lone[1]:
                self.note(row, lone[1])
            self._open_section(lone[0], row)
        else:
            self._add_item(rv, row)

    def result(self) -> ReadTable:
        item_rows: list[tuple[Item, str]] = []
        sections = tuple(self._section(draft, item_rows) for draft in self.roots)
        return ReadTable(sections, tuple(item_rows))

    def note(self, row: Row, text: str) -> None:
        self.notes.append(Note(where(self.table, row.number), text))

    # --- sections -------------------------------------------------------------------------------

    def open_section(self, heading: str, note: str) -> None:
        """A section named outside the table (a heading paragraph before it)."""
        self.notes.append(Note("", note))
        self._open_section(heading, None)

    def _open_section(self, heading: str, row: Row | None) -> None:
        """A section row: its level follows its numbering style (I. → 1. → 1.1.), in order of appearance."""
        number, title, kind = cells.split_heading(heading)
        if kind in self.kinds:
            level = self.kinds.index(kind) + 1
            del self.kinds[level:]
        else:
            self.kinds.append(kind)
            level = len(self.kinds)
        level = min(level, len(self.chain) + 1)
        self._place(SectionDraft(number, title, heading, kind), level)
        if level > 1 and row is not None:
            parent = self.chain[level - 2]
            self.note(row, f"раздел «{short(heading)}» вложен в «{short(parent.heading or '')}» по нумерации")
        self.last = None

    def _place(self, draft: SectionDraft, level: int) -> None:
        del self.chain[level - 1 :]
        (self.chain[-1].children if self.chain else self.roots).append(draft)
        self.chain.append(draft)

    def _stage_section(self, rv: RowValues, row: Row) -> None:
        """Stage columns (merged down in Word, repeated in a spreadsheet) group the items under them."""
        shape, values = self.shape, rv.values
        activity = [i for i, r in enumerate(shape.roles) if r in ("title", "activity")]
        for level, index in enumerate(shape.stages):
            title = cells.join_text(values[index])
            number_index = index - 1 if index - 1 in shape.stage_numbers else None
            number = cells.join_text(values[number_index]) if number_index is not None else None
            if title is None and number is None:
                continue  # an empty stage cell: the stage above goes on
            current = self.chain[level] if len(self.chain) > level else None
            if current is not None and current.key == (number, title):
                continue
            same_number = number is None or (number_index is not None and rv.merged[number_index])
            if (
                title is not None
                and not rv.merged[index]
                and same_number
                and current is not None
                and current.number
                and activity
                and not any(values[i] for i in activity)
            ):  # a new text in the stage column, under the same stage number, with no activity: a shifted cell
                values[activity[0]] = list(values[index])
                self.note(
                    row,
                    f"«{short(title)}» стоит в столбце «{shape.columns[index].name}», а «{shape.columns[activity[0]].name}» "
                    f"пуст — считано мероприятием этапа «{short(current.heading or '')}»; возможно, это новый этап",
                )
                continue
            draft_number, draft_title, kind = cells.split_heading(title) if title else (None, None, "none")
            if number is not None:
                draft_number, draft_title = cells.strip_number(number), title
            self._place(SectionDraft(draft_number, draft_title, title or number, kind, (number, title)), level + 1)

    def _path_section(self, rv: RowValues) -> None:
        """The ``Раздел`` column of a flat spreadsheet: the section's heading, a nested one as «I. … / 1. …»."""
        shape = self.shape
        assert shape.path is not None
        text = cells.join_text(rv.values[shape.path])
        if text is None:
            return
        headings = [part.strip() for part in text.split(PATH_SEPARATOR) if part.strip()]
        for level, heading in enumerate(headings):
            current = self.chain[level] if len(self.chain) > level else None
            if current is not None and current.heading == heading:
                continue
            number, title, kind = cells.split_heading(heading)
            if level == len(headings) - 1 and shape.stages:
                stage_title = cells.join_text(rv.values[shape.stages[-1]])
                stage_number = next((cells.join_text(rv.values[i]) for i in shape.stage_numbers), None)
                if stage_number and stage_title:
                    number, title = cells.strip_number(stage_number), stage_title
            self._place(SectionDraft(number, title, heading, kind), level + 1)

    # --- items ----------------------------------------------------------------------------------

    def _join(self, rv: RowValues, row: Row) -> None:
        assert self.last is not None
        for i, paragraphs in enumerate(rv.values):
            keep = not rv.merged[i] and self.shape.roles[i] not in rows.SECTION_ROLES
            if paragraphs and keep and paragraphs != self.last.values.get(i):
                self.last.values[i] = cells.continue_paragraphs(self.last.values.get(i, []), paragraphs)
        self.note(row, f"продолжение строки {self.last.row} после разрыва страницы — присоединено к ней")

    def _add_item(self, rv: RowValues, row: Row) -> None:
        if self.shape.path is not None:
            self._path_section(rv)
        elif self.shape.stages:
            self._stage_section(rv, row)
        if not self.chain:
            if not self.extra:
                self.note(row, "мероприятия до первого раздела собраны в раздел без названия")
            self._place(SectionDraft(None, None, None), 1)
        leads = {i: cell.lead for i, c in enumerate(self.shape.columns) if (cell := row.at(c.col)) is not None}
        draft = ItemDraft(row.number, dict(enumerate(rv.values)), where(self.table, row.number), leads)
        self.chain[-1].items.append(draft)
        self.last = draft

    def _section(self, draft: SectionDraft, item_rows: list[tuple[Item, str]]) -> Section:
        items = []
        for item_draft in draft.items:
            item, note = build_item(self.header.columns, item_draft)
            if note:
                self.notes.append(Note(item_draft.where, note))
            if item is not None:
                items.append(item)
                item_rows.append((item, item_draft.where))
        children = tuple(self._section(child, item_rows) for child in draft.children)
        return Section(
            number=draft.number, title=draft.title, heading=draft.heading, items=tuple(items), sections=children
        )
