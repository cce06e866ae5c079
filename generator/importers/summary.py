"""What ``nastavnik import`` tells the editor: what was read, and every place worth a second look."""

from __future__ import annotations

from generator import ru
from generator.deadlines import parse_deadline, parse_plan_period
from generator.importers.reader import Imported
from generator.models.labels import LABELS
from generator.models.roadmap import Roadmap, Section


def _count_sections(sections: tuple[Section, ...]) -> int:
    return sum(1 + _count_sections(s.sections) for s in sections)


def _count_items(sections: tuple[Section, ...]) -> int:
    return sum(len(s.items) + _count_items(s.sections) for s in sections)


def unread_deadlines(imported: Imported) -> list[tuple[str, str]]:
    """(where, deadline) of every deadline the generator cannot turn into dates."""
    roadmap = imported.roadmap
    plan = parse_plan_period(roadmap.period, roadmap.period_kind)
    if plan is None:
        return [(where, item.deadline) for item, where in imported.item_rows if item.deadline]
    return [
        (where, item.deadline)
        for item, where in imported.item_rows
        if item.deadline and not parse_deadline(item.deadline, plan)
    ]


def summary_lines(imported: Imported, target: str) -> list[str]:
    roadmap = imported.roadmap
    lines = [f"Импортировано: {roadmap.source} → {target}", f"Название: {roadmap.title}"]
    if roadmap.recognized is not None:
        doubtful = roadmap.recognized.doubtful
        lines.append(
            "Распознано автоматически — проверьте: текст прочитан со скана; сверьте его с документом "
            "и поставьте recognized: confirmed: true"
        )
        if doubtful:
            lines.append(f"Ячейки под сомнением ({len(doubtful)}) — распознаны неуверенно или не распознаны:")
            lines.extend(f"  {where}" for where in doubtful)
    lines.append(f"Организация: {roadmap.organization or 'не найдена — впишите её в поле organization'}")
    kind = LABELS["period_kind"].get(roadmap.period_kind or "", "")
    if roadmap.period is None:
        lines.append("Период: не указан — в документе нет ни дат, ни лет; впишите его в поле period")
    else:
        lines.append(f"Период: {roadmap.period}" + (f" ({kind})" if kind else ""))
    lines.append(f"Гриф утверждения: {_approval(roadmap)}")
    goal = "есть" if roadmap.goal else "нет"
    lines.append(f"Цель: {goal}; задачи: {len(roadmap.tasks) or 'нет'}")
    columns = ", ".join(f"«{name}» — {LABELS['column_role'][roadmap.column_roles[name]]}" for name in roadmap.columns)
    lines.append(f"Столбцы: {columns}")
    counts = [
        ru.plural(_count_sections(roadmap.sections), "раздел", "раздела", "разделов"),
        ru.plural(_count_items(roadmap.sections), "мероприятие", "мероприятия", "мероприятий"),
        ru.plural(
            len(roadmap.extra_tables), "дополнительная таблица", "дополнительные таблицы", "дополнительных таблиц"
        ),
    ]
    lines.append("Прочитано: " + ", ".join(counts))
    for table in roadmap.extra_tables:
        rows = ru.plural(len(table.items), "строка", "строки", "строк")
        lines.append(f"  таблица «{table.title or 'без названия'}»: {rows}")
    unread = unread_deadlines(imported)
    if unread:
        lines.append(f"Сроки, которые не удалось понять ({len(unread)}) — уточните полем periods:")
        lines.extend(f"  {where}: «{text}»" for where, text in unread)
    else:
        lines.append("Сроки: все поняты.")
    if imported.notes:
        lines.append(f"Проверьте ({len(imported.notes)}):")
        lines.extend(f"  {note.format()}" for note in imported.notes)
    if imported.leftovers:
        lines.append(
            f"Не импортирован текст вне таблицы ({len(imported.leftovers)}) — перенесите вручную, если он нужен:"
        )
        lines.extend(f"  «{_short(text)}»" for text in imported.leftovers)
    return lines


def _approval(roadmap: Roadmap) -> str:
    approval = roadmap.approval
    if approval is None:
        return "нет"
    parts = []
    if approval.considered is not None:
        when = f" {ru.date(approval.considered.date)}" if approval.considered.date else ""
        protocol = f", протокол № {approval.considered.protocol}" if approval.considered.protocol else ""
        parts.append(f"рассмотрено{when}{protocol}")
    if approval.approved is not None:
        order = approval.approved
        text = "утверждено"
        if order.order_number:
            text += f" приказом № {order.order_number}"
        if order.order_date:
            text += f" от {ru.date(order.order_date)}"
        parts.append(text)
    return "; ".join(parts)


def _short(text: str, limit: int = 100) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
