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

import re
from dataclasses import dataclass, field

from ..flat_layout import PATH_SEPARATOR
from ..models import Item, Section
from . import cells
from .columns import Header, is_header_repeat, is_numbering_row
from .grid import Row, Table

_BREAK_WORDS = {"и", "или", "а", "в", "во", "на", "по", "с", "со", "к", "ко", "для", "о", "об", "от", "из", "у", "за"}
_BREAK_WORDS |= {"при", "через", "также", "не", "как", "что", "до", "между", "под", "над", "без"}
_KEY_ROLES = ("deadline", "responsible")


@dataclass(frozen=True)
class Note:
    """Something the editor should look at: where (table and row) and what."""

    where: str
    text: str

    def format(self) -> str:
        return f"{self.where}: {self.text}" if self.where else self.text


@dataclass
class ItemDraft:
    row: int
    values: dict[int, list[str]]  # column index → paragraphs
    where: str
    leads: dict[int, bool | None] = field(
        default_factory=dict
    )  # column index → the cell's word on its title  # «таблица 1, строка 5», for notes


@dataclass
class SectionDraft:
    number: str | None
    title: str | None
    heading: str | None
    kind: str = "none"
    key: tuple[str | None, ...] = ()  # what opened it: a stage's number and title
    items: list[ItemDraft] = field(default_factory=list)
    children: list[SectionDraft] = field(default_factory=list)

    def count(self) -> int:
        return 1 + sum(child.count() for child in self.children)


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
    """Reads one table under its header; notes go to the shared list."""

    def __init__(self, table: Table, header: Header, notes: list[Note], extra: bool = False):
        self.table = table  # the table being fed (a table continued in a second one has two)
        self.header = header
        self.columns = header.columns
        self.notes = notes
        self.extra = extra  # an extra table: its rows are items in a row, sections are not expected
        self.roots: list[SectionDraft] = []
        self.chain: list[SectionDraft] = []  # the open section at each level
        self.kinds: list[str] = []  # numbering style of each level of section rows
        self.last: ItemDraft | None = None
        self.roles = [c.role for c in self.columns]
        self.path = next((i for i, c in enumerate(self.columns) if c.path), None)
        self.stages = [i for i, c in enumerate(self.columns) if c.role == "section_title" and not c.path]
        self.stage_numbers = [i for i, c in enumerate(self.columns) if c.role == "section_number"]
        self.has_number = "number" in self.roles
        self.key_share = 0.0
        self.dotted_share = 0.0

    # --- the walk -------------------------------------------------------------------------------

    def read(self) -> ReadTable:
        """The table the reader was made for, from the row after its header."""
        self.feed(self.table, self.header.index + 1)
        return self.result()

    def feed(self, table: Table, start: int) -> None:
        """Read ``table``'s rows from ``start`` on, continuing the sections and items read so far."""
        self.table = table
        self.key_share = self._key_share(table, start)
        self.dotted_share = self._dotted_share(table, start)
        for row in table.rows[start:]:
            if row.empty:
                continue
            if row is table.rows[start] and self._sub_header(row):
                self.note(row, "вторая строка шапки — названия столбцов дополнены ею не были, строка пропущена")
                continue
            if is_header_repeat(row, self.header):
                self.note(row, "повтор шапки таблицы (после разрыва страницы) — пропущен")
                continue
            if is_numbering_row(row):
                self.note(row, "строка с номерами столбцов («1, 2, 3 …») — пропущена")
                continue
            values, merged, width = self._values(row)
            heading = self._section_heading(row, values, merged, width)
            if heading is not None:
                self._open_section(heading, row)
            elif self._continues(values, merged):
                self._join(values, merged, row)
            elif (heading := self._lone_heading(row, values, merged)) is not None:
                self._open_section(heading, row)
            else:
                self._add_item(values, merged, row)

    def result(self) -> ReadTable:
        item_rows: list[tuple[Item, str]] = []
        sections = tuple(self._section(draft, item_rows) for draft in self.roots)
        return ReadTable(sections, tuple(item_rows))

    def note(self, row: Row | int, text: str) -> None:
        self.notes.append(Note(where(self.table, row if isinstance(row, int) else row.number), text))

    def _values(self, row: Row) -> tuple[list[list[str]], list[bool], int]:
        """Paragraphs under each column, whether they come from a vertical merge, and the widest cell.

        A cell spanning several columns gives its text to the first of them only; a header cell
        spanning several grid columns («Сроки» over «начало | окончание») gathers every cell under
        it, their texts joined with a dash.
        """
        values: list[list[str]] = []
        merged: list[bool] = []
        width = 1
        used: set[int] = set()
        for column in self.columns:
            under = [row.at(column.col)] + [c for c in row.cells if column.col < c.col < column.col + column.span]
            found = [c for c in under if c is not None and id(c) not in used]
            used.update(id(c) for c in found)
            for cell in found:
                width = max(width, sum(1 for c in self.columns if cell.covers(c.col)))
            texts = [c for c in found if not c.empty]
            if len(texts) > 1:
                values.append([" – ".join(c.text for c in texts)])
            else:
                values.append(list(texts[0].paragraphs) if texts else [])
            merged.append(bool(texts) and all(c.merged_above for c in texts))
        return values, merged, width

    def _dotted_share(self, table: Table, start: int) -> float:
        """How many numbered rows carry a dotted number («1.1»): then a plain «2» heads a section."""
        number = next((c for c in self.columns if c.role == "number"), None)
        if number is None:
            return 0.0
        numbers = [cell.text for r in table.rows[start:] if (cell := r.at(number.col)) is not None and cell.text]
        dotted = [n for n in numbers if re.fullmatch(r"\d{1,3}\.\d{1,3}\.?", n)]
        return len(dotted) / len(numbers) if numbers else 0.0

    def _key_share(self, table: Table, start: int) -> float:
        """How many ordinary rows fill a deadline or a responsible: a row without both stands out."""
        key = [c for c in self.columns if c.role in _KEY_ROLES]
        rows = [r for r in table.rows[start:] if sum(not c.empty for c in r.cells) >= 2]
        if not key or not rows:
            return 0.0
        filled = sum(1 for r in rows if any((cell := r.at(c.col)) is not None and not cell.empty for c in key))
        return filled / len(rows)

    # --- sections -------------------------------------------------------------------------------

    def _sub_header(self, row: Row) -> bool:
        """The second row of a two-row header: short labels under header cells that span several columns."""
        wide = [c for c in self.columns if c.span > 1]
        own = [c for c in row.cells if not c.empty and not c.merged_above]
        if not wide or not own:
            return False
        return all(len(c.text) <= 40 and any(w.col <= c.col < w.col + w.span for w in wide) for c in own)

    def _section_heading(self, row: Row, values: list[list[str]], merged: list[bool], width: int) -> str | None:
        filled = [i for i, v in enumerate(values) if v and not merged[i]]
        texts = {cells.join_text(values[i]) for i in filled}
        if (
            len(filled) == 2
            and self.roles[filled[0]] in ("number", "section_number")
            and re.fullmatch(r"[\dIVXLC.)\s]+", cells.join_text(values[filled[0]]) or "")
            and width >= max(2, len(self.columns) - 2)
        ):  # «1.» | «Организационный этап» spread over the rest of the row
            return f"{cells.join_text(values[filled[0]])} {cells.join_text(values[filled[1]])}"
        if len(texts) != 1:
            return None
        text = texts.pop() or ""
        index = next(i for i, v in enumerate(values) if v and not merged[i])
        if any(v and merged[i] and i not in self.stages + self.stage_numbers for i, v in enumerate(values)):
            return None
        if width >= 2 and width >= len(self.columns) - 1:
            return text
        role = self.roles[index]
        if role in ("number", "section_number") and not re.fullmatch(r"[\dIVXLC.)\s]+", text):
            return text
        return None

    def _lone_heading(self, row: Row, values: list[list[str]], merged: list[bool]) -> str | None:
        """A row with nothing but a heading-like text in the activity column (a spreadsheet's section row),
        or with a top-level number («2», «II») beside it where the items are numbered «2.1», «2.2»."""
        filled = [i for i, v in enumerate(values) if v and not merged[i]]
        if self.stages or self.path is not None:
            return None
        if len(filled) == 2 and self.roles[filled[0]] == "number" and self.roles[filled[1]] in ("activity", "title"):
            number = cells.join_text(values[filled[0]]) or ""
            top = re.fullmatch(r"(\d{1,2}|[IVXLC]{1,6})[.)]?", number)
            if top and self.dotted_share >= 0.6:
                heading = f"{number} {cells.join_text(values[filled[1]])}"
                self.note(row, f"строка «{_short(heading)}» без сроков и ответственных считана заголовком раздела")
                return heading
            return None
        if len(filled) != 1:
            return None
        index = filled[0]
        if self.roles[index] not in ("activity", "title"):
            return None
        text = cells.join_text(values[index]) or ""
        if cells.starts_lowercase(text) or cells.has_marker(text) or len(text) > 300:
            return None
        cell = row.at(self.columns[index].col)
        kind = cells.split_heading(text)[2]
        if kind in ("roman", "letter") or kind.startswith("keyword") or text.isupper() or (cell and cell.bold):
            return text
        if self.key_share >= 0.7 and not cells.inline_number([text])[0]:
            self.note(row, f"строка только с текстом «{_short(text)}» считана как заголовок раздела — проверьте")
            return text
        return None

    def open_section(self, heading: str, note: str) -> None:
        """A section named outside the table (a heading paragraph before it)."""
        self.notes.append(Note("", note))
        self._open_section(heading, None)

    def _open_section(self, heading: str, row: Row | None) -> None:
        number, title, kind = cells.split_heading(heading)
        if kind in self.kinds:
            level = self.kinds.index(kind) + 1
            del self.kinds[level:]
        else:
            self.kinds.append(kind)
            level = len(self.kinds)
        level = min(level, len(self.chain) + 1)
        draft = SectionDraft(number, title, heading, kind)
        self._place(draft, level)
        if level > 1 and row is not None:
            parent = self.chain[level - 2]
            self.note(row, f"раздел «{_short(heading)}» вложен в «{_short(parent.heading or '')}» по нумерации")
        self.last = None

    def _place(self, draft: SectionDraft, level: int) -> None:
        del self.chain[level - 1 :]
        (self.chain[-1].children if self.chain else self.roots).append(draft)
        self.chain.append(draft)

    def _stage_section(self, values: list[list[str]], merged: list[bool], row: Row) -> None:
        """Stage columns (merged down in Word, repeated in a spreadsheet) group the items under them."""
        for level, index in enumerate(self.stages):
            title = cells.join_text(values[index])
            number_index = index - 1 if index - 1 in self.stage_numbers else None
            number = cells.join_text(values[number_index]) if number_index is not None else None
            if title is None and number is None:
                continue  # an empty stage cell: the stage above goes on
            current = self.chain[level] if len(self.chain) > level else None
            if current is not None and current.key == (number, title):
                continue
            same_number = number is None or (number_index is not None and merged[number_index])
            if (
                title is not None
                and not merged[index]
                and same_number
                and self.stage_numbers
                and current is not None
                and current.number
                and not any(values[i] for i, r in enumerate(self.roles) if r in ("title", "activity"))
            ):  # a new text in the stage column, under the same stage number, with no activity: a shifted cell
                target = next(i for i, r in enumerate(self.roles) if r in ("title", "activity"))
                values[target] = list(values[index])
                self.note(
                    row,
                    f"«{_short(title or '')}» стоит в столбце «{self.columns[index].name}», а «{self.columns[target].name}» "
                    f"пуст — считано мероприятием этапа «{_short(current.heading or '')}»; возможно, это новый этап",
                )
                continue
            draft_number, draft_title, kind = cells.split_heading(title) if title else (None, None, "none")
            if number is not None:
                draft_number, draft_title = cells.strip_number(number), title
            self._place(SectionDraft(draft_number, draft_title, title or number, kind, (number, title)), level + 1)

    def _path_section(self, values: list[list[str]], row: Row) -> None:
        assert self.path is not None
        text = cells.join_text(values[self.path])
        if text is None:
            return
        headings = [part.strip() for part in text.split(PATH_SEPARATOR) if part.strip()]
        for level, heading in enumerate(headings):
            current = self.chain[level] if len(self.chain) > level else None
            if current is not None and current.heading == heading:
                continue
            number, title, kind = cells.split_heading(heading)
            if level == len(headings) - 1 and self.stages:
                stage_title = cells.join_text(values[self.stages[-1]])
                stage_number = next((cells.join_text(values[i]) for i in self.stage_numbers), None)
                if stage_number and stage_title:
                    number, title = cells.strip_number(stage_number), stage_title
            self._place(SectionDraft(number, title, heading, kind), level + 1)

    # --- items ----------------------------------------------------------------------------------

    def _number_of(self, values: list[list[str]]) -> str | None:
        number = " ".join(p for i, r in enumerate(self.roles) if r == "number" for p in values[i])
        if number:
            return number
        for i, role in enumerate(self.roles):
            if role in ("activity", "title") and values[i]:
                return cells.inline_number(values[i])[0]
        return None

    def _continues(self, values: list[list[str]], merged: list[bool]) -> bool:
        last = self.last
        if last is None or self._number_of(values) is not None:
            return False
        fresh = [
            i
            for i, v in enumerate(values)
            if v
            and not merged[i]
            and self.roles[i] not in ("section_number", "section_title")
            and v != last.values.get(i)
        ]
        if not fresh or any(self.roles[i] in _KEY_ROLES or self.roles[i] == "number" for i in fresh):
            return False
        return any(cells.starts_lowercase(values[i][0]) or _broken(last.values.get(i, [])) for i in fresh)

    def _join(self, values: list[list[str]], merged: list[bool], row: Row) -> None:
        assert self.last is not None
        for i, paragraphs in enumerate(values):
            keep = not merged[i] and self.roles[i] not in ("section_number", "section_title")
            if paragraphs and keep and paragraphs != self.last.values.get(i):
                self.last.values[i] = cells.continue_paragraphs(self.last.values.get(i, []), paragraphs)
        self.note(row, f"продолжение строки {self.last.row} после разрыва страницы — присоединено к ней")

    def _add_item(self, values: list[list[str]], merged: list[bool], row: Row) -> None:
        if self.path is not None:
            self._path_section(values, row)
        elif self.stages:
            self._stage_section(values, merged, row)
        if not self.chain:
            if not self.extra:
                self.note(row, "мероприятия до первого раздела собраны в раздел без названия")
            self._place(SectionDraft(None, None, None), 1)
        leads = {i: cell.lead for i, c in enumerate(self.columns) if (cell := row.at(c.col)) is not None}
        draft = ItemDraft(row.number, dict(enumerate(values)), where(self.table, row.number), leads)
        self.chain[-1].items.append(draft)
        self.last = draft

    def _section(self, draft: SectionDraft, item_rows: list[tuple[Item, str]]) -> Section:
        items = []
        for item_draft in draft.items:
            item = self._item(item_draft)
            if item is not None:
                items.append(item)
                item_rows.append((item, item_draft.where))
        children = tuple(self._section(child, item_rows) for child in draft.children)
        return Section(
            number=draft.number, title=draft.title, heading=draft.heading, items=tuple(items), sections=children
        )

    def _item(self, draft: ItemDraft) -> Item | None:
        values = draft.values
        number = None
        if self.has_number:
            number = cells.join_text([p for i, r in enumerate(self.roles) if r == "number" for p in values[i]])
        title: str | None = None
        details: list[str] = []
        titles: list[str] = []
        fields: dict[str, list[str]] = {"deadline": [], "responsible": [], "result": [], "indicators": []}
        for i, (column, role) in enumerate(zip(self.columns, self.roles, strict=True)):
            paragraphs = list(values.get(i, []))
            if not paragraphs or column.path or role in ("number", "section_number", "section_title"):
                continue
            if role in ("activity", "title") and number is None:
                number, paragraphs = cells.inline_number(paragraphs)
            if role == "activity":
                title, more = cells.split_activity(paragraphs, draft.leads.get(i))
                details.extend(more)
            elif role == "title":
                titles.extend(paragraphs)
            elif role == "details" and column.guessed:
                details.append(f"{column.name}: {' '.join(paragraphs)}")
            elif role == "details":
                details.extend(paragraphs)
            else:
                fields[role].append(" ".join(paragraphs))
        if titles:
            title = cells.join_text(titles)
        deadline = " – ".join(fields["deadline"]) or None
        others = {role: " ".join(texts) or None for role, texts in fields.items() if role != "deadline"}
        if not any((title, details, deadline, *others.values())):
            if number:
                self.notes.append(Note(draft.where, f"строка с номером «{number}» без текста — пропущена"))
            return None
        if title is None and not details:
            self.notes.append(Note(draft.where, "у мероприятия нет названия — проверьте строку"))
        return Item(
            number=cells.strip_number(number) if number else None,
            title=title,
            details=tuple(details),
            deadline=deadline,
            **others,
        )


def _broken(paragraphs: list[str]) -> bool:
    """The row above stops mid-phrase: after a comma, a dash, an open bracket or a preposition."""
    if not paragraphs:
        return False
    text = paragraphs[-1].rstrip()
    if text.endswith((",", "-", "–", "(", "«")):
        return True
    words = re.findall(r"[а-яёa-z]+", text.lower())
    return bool(words) and words[-1] in _BREAK_WORDS and not text.endswith((".", ";", ":", "!", "?"))


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
