"""An item's cells → an :class:`~generator.models.Item`: number, title and sub-points, the other fields.

* number: the number column (without its trailing dot), else a number typed before the activity;
* an ``activity`` column is split into title and sub-points (:func:`generator.tables.cells.split_activity`); a
  ``title`` column gives the title (its paragraphs joined) and ``details`` columns the sub-points,
  one per paragraph; a column whose header named no role adds its text as a sub-point headed by
  the column's name, so nothing is lost;
* deadline, responsible, result, indicators: the paragraphs joined with a space (several deadline
  columns — «начало», «окончание» — with a dash).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.importers.columns import Column
from generator.models import Item
from generator.tables import cells

FIELDS = ("deadline", "responsible", "result", "indicators")


@dataclass
class ItemDraft:
    """An item as read so far; a continuation row can still add to it."""

    row: int
    values: dict[int, list[str]]  # column index → paragraphs
    where: str  # «таблица 1, строка 5», for notes
    leads: dict[int, bool | None] = field(default_factory=dict)  # column index → the cell's word on its title


def build_item(columns: tuple[Column, ...], draft: ItemDraft) -> tuple[Item | None, str | None]:
    """(the item or None when the row has no text, a note for the editor or None)."""
    number = cells.join_text([p for i, c in enumerate(columns) if c.role == "number" for p in draft.values.get(i, [])])
    title: str | None = None
    details: list[str] = []
    titles: list[str] = []
    fields: dict[str, list[str]] = {name: [] for name in FIELDS}
    for i, column in enumerate(columns):
        paragraphs = list(draft.values.get(i, []))
        role = column.role
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
        return None, f"строка с номером «{number}» без текста — пропущена" if number else None
    item = Item(
        number=cells.strip_number(number) if number else None,
        title=title,
        details=tuple(details),
        deadline=deadline,
        **others,
    )
    return item, "у мероприятия нет названия — проверьте строку" if title is None and not details else None
