"""The Russian labels of every closed list of the data, in one table: enum value → label.

The pages show them (:mod:`generator.portal.views`, :mod:`generator.portal.schedule`, :mod:`generator.render.pages`,
:mod:`generator.render.mentors`) and the models describe their fields with them (:func:`describe`), which is
where the JSON Schema's ``enumDescriptions`` and the browser editor's choices come from (:mod:`generator.editor.schema`,
:mod:`generator.editor.decap_fields`). Where the two forms used to disagree, the label is the one the
published pages showed; a one-off event (``recurrence: none``) is «один раз» for editors and shows no
words on a page.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_LABELS: dict[str, dict[str, str]] = {
    "role": {
        "teacher": "педагог",
        "pupil": "ученик",
        "student": "студент",
        "parent": "родитель",
        "employer": "представитель работодателя",
        "graduate": "выпускник",
        "administrator": "администрация",
    },
    "role_group": {  # the filter of /mentors/: everyone of a role
        "teacher": "Педагоги",
        "pupil": "Ученики",
        "student": "Студенты",
        "graduate": "Выпускники",
        "employer": "Представители работодателей",
        "parent": "Родители",
        "administrator": "Администрация",
    },
    "level": {
        "school": "Школьный уровень",
        "municipal": "Муниципальный уровень",
        "regional": "Региональный уровень",
        "federal": "Федеральный уровень",
    },
    "category": {
        "federal": "Федеральные нормативные документы",
        "regional": "Региональные нормативные документы",
        "local": "Локальные акты организации",
        "programs": "Программы наставничества",
        "methods": "Методические материалы",
        "forms": "Анкеты и формы",
    },
    "normative_group": {  # /library/: the normative categories under «Нормативные документы»
        "federal": "Федеральные",
        "regional": "Региональные",
        "local": "Локальные акты",
    },
    "kind": {
        "regulation": "Положение",
        "order": "Приказ",
        "disposition": "Распоряжение",
        "resolution": "Постановление",
        "federal_law": "Федеральный закон",
        "program": "Программа",
        "guidelines": "Методические рекомендации",
        "questionnaire": "Анкета",
        "template": "Шаблон",
        "plan": "План",
        "report": "Отчёт",
        "letter": "Письмо",
        "other": "Документ",
    },
    "catalogue": {  # generator/models/catalogue.py: the federal documents an editor adds by key
        "273-fz": "Федеральный закон № 273-ФЗ от 29.12.2012 «Об образовании в Российской Федерации»",
        "3273-r": "Распоряжение Правительства РФ № 3273-р от 31.12.2019 (профессиональный рост педагогов)",
        "mr-pedagogi-2023": "Методические рекомендации 2023 г. по наставничеству педагогических работников",
        "r-145": "Распоряжение Минпросвещения России № Р-145 от 25.12.2019 (целевая модель наставничества)",
    },
    "status": {  # the editor's four, then the two the generator derives
        "planned": "запланировано",
        "in_progress": "выполняется",
        "done": "выполнено",
        "cancelled": "отменено",
        "overdue": "срок прошёл",  # no result recorded yet: calm wording for the public
        "unknown": "сроки уточняются",
    },
    "recurrence": {
        "none": "один раз",
        "yearly": "ежегодно",
        "quarterly": "каждую четверть",
        "weekly": "еженедельно",
        "per-program": "по срокам программ наставничества",
        "unspecified": "сроки определяются отдельно",
    },
    "organization_type": {"school": "школа", "college": "колледж", "department": "управление образования"},
    "consent_by": {"self": "сам человек", "parent": "родитель (законный представитель) несовершеннолетнего"},
    "consent_scope": {
        "name": "имя",
        "photo": "фото",
        "bio": "рассказ о себе",
        "honors": "награды",
        "contacts": "рабочие контакты",
    },
    "period_kind": {
        "academic_year": "учебный год",
        "calendar_year": "календарный год",
        "years": "несколько лет",
    },
    "column_role": {
        "number": "номер",
        "activity": "мероприятие",
        "title": "название мероприятия",
        "details": "подпункты",
        "deadline": "срок",
        "responsible": "ответственные",
        "result": "результат",
        "indicators": "показатели",
        "section_number": "номер раздела",
        "section_title": "название раздела",
    },
}

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType({k: MappingProxyType(v) for k, v in _LABELS.items()})
"""The closed list's name → (value → label), values in the order editors and pages list them."""

DESCRIBED: tuple[str, ...] = tuple(k for k in LABELS if k not in {"role_group", "normative_group"})
"""The lists whose values the models describe (the other two are headings of the pages)."""


def labels(name: str) -> Mapping[str, str]:
    return LABELS[name]


def describe(name: str, separator: str = ", ", only: tuple[str, ...] | None = None) -> str:
    """A field's description: «teacher — педагог, pupil — ученик, …» (``only``: these values, in this order)."""
    table = LABELS[name]
    return separator.join(f"{value} — {table[value]}" for value in (only or tuple(table)))
