"""The views of one roadmap: its sections, extra tables and items, each item with its schedule and a key.

Item keys (:class:`_ItemKeys`) survive edits around an item, so calendar UIDs and links do not move.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import replace

from generator import urls
from generator.deadlines import parse_plan_period
from generator.models import Item, Roadmap, Section
from generator.portal.schedule import progress, schedule
from generator.portal.views import DocumentView, ExtraTableView, ItemView, PostView, RoadmapView, SectionView


def build_roadmap(
    roadmap_id: str,
    roadmap: Roadmap,
    current: bool,
    today: dt.date,
    news: dict[str, PostView],
    library: dict[str, DocumentView],
) -> RoadmapView:
    plan = parse_plan_period(roadmap.period, roadmap.period_kind)
    keys = _ItemKeys(roadmap_id)

    def item_view(item: Item, heading: str | None) -> ItemView:
        uid, anchor = keys.next(item, heading)
        return ItemView(
            uid=uid,
            anchor=anchor,
            item=item,
            schedule=schedule(item, plan, today),
            news=tuple(news[n] for n in item.news if n in news),
            library=tuple(library[d] for d in item.library if d in library),
        )

    def section_view(section: Section, level: int, path: str, parent: str) -> SectionView:
        heading = " / ".join(h for h in (parent, section.heading or section.title or section.number or "") if h)
        items = tuple(item_view(item, heading) for item in section.items)
        subs = tuple(section_view(s, level + 1, f"{path}-{i + 1}", heading) for i, s in enumerate(section.sections))
        every = items + tuple(i for s in subs for i in s.all_items())
        return SectionView(section, level, f"razdel-{path}", items, subs, progress(i.schedule.status for i in every))

    sections = tuple(section_view(s, 1, str(i + 1), "") for i, s in enumerate(roadmap.sections))
    tables = tuple(
        ExtraTableView(table.title, table.columns, tuple(item_view(item, table.title) for item in table.items))
        for table in roadmap.extra_tables
    )
    every = tuple(i for s in sections for i in s.all_items()) + tuple(i for t in tables for i in t.items)
    return RoadmapView(
        id=roadmap_id,
        model=roadmap,
        url=urls.url("roadmap") if current else urls.url("roadmap", roadmap_id),
        current=current,
        plan=plan,
        sections=sections,
        extra_tables=tables,
        progress=progress(i.schedule.status for i in every),
    )


def as_current(roadmap: RoadmapView, current: bool) -> RoadmapView:
    return replace(roadmap, current=current, url=urls.url("roadmap") if current else urls.url("roadmap", roadmap.id))


class _ItemKeys:
    """Keys that survive edits around an item, so calendar UIDs and links do not move.

    The editor's ``id`` when given; else a hash of the section heading (the path for nested
    sections, the table title for extra tables), the number and the activity. Inserting or
    removing another item changes nothing; editing the item's own heading, number or title gives
    it a new key. Exact duplicates get ``-2``, ``-3`` in the order they stand.
    """

    def __init__(self, roadmap_id: str):
        self.roadmap_id = roadmap_id
        self.seen: Counter[str] = Counter()

    def next(self, item: Item, heading: str | None) -> tuple[str, str]:
        """(uid, anchor) of the next item."""
        local = item.id or "h" + item_hash(heading, item)
        self.seen[local] += 1
        if self.seen[local] > 1:
            local = f"{local}-{self.seen[local]}"
        return f"{self.roadmap_id}-{local}", f"item-{local}"


def item_hash(heading: str | None, item: Item) -> str:
    """Ten hex digits of SHA-1 over the section heading, the number and the activity (or its sub-points)."""
    activity = item.title or "\n".join(item.details)
    text = "\x1f".join((heading or "", item.number or "", activity))
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
