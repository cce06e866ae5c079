"""Words parents know: the programme's terms in our own words, with where they come from, and a public wording
for the methodology's names of forms that label children.

The terms are shown as tooltips (``<abbr title>``, which the theme's ``content.tooltips`` displays) where they
appear on the parents' page, and as a short dictionary there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SOURCE = "по методологии (целевой модели) наставничества, Распоряжение Минпросвещения России № Р-145 от 25.12.2019"


@dataclass(frozen=True)
class Term:
    term: str
    definition: str  # in our own words
    pattern: str  # the term's forms in running text (case-insensitive)


GLOSSARY: tuple[Term, ...] = (
    Term(
        "Наставник",
        "Человек с опытом, который регулярно помогает другому разобраться в трудном: в учёбе, работе или выборе "
        "профессии. Это может быть учитель, старшеклассник, выпускник или специалист предприятия.",
        r"наставник(?:а|у|ом|е|и|ов|ам|ами|ах)?\b",
    ),
    Term(
        "Наставляемый",
        "Тот, кому помогает наставник: ученик, студент или молодой педагог. Участвует добровольно, ребёнок — "
        "только с согласия родителей.",
        r"наставляем(?:ый|ого|ому|ым|ом|ая|ой|ую|ые|ых|ыми)\b",
    ),
    Term(
        "Куратор",
        "Сотрудник школы, который отвечает за наставничество: подбирает пары, следит, как идут занятия, и отвечает "
        "на вопросы родителей.",
        r"куратор(?:а|у|ом|е|ы|ов|ам|ами|ах)?\b",
    ),
    Term(
        "Форма наставничества",
        "Кто с кем работает: например, «ученик – ученик» или «учитель – учитель». От формы зависят цели и занятия.",
        r"форм(?:а|ы|е|у|ой|ам|ами|ах)? наставничества\b",
    ),
    Term(
        "Наставническая пара",
        "Наставник и наставляемый, которые занимаются вместе по общему плану; если наставляемых несколько — "
        "наставническая группа.",
        r"наставническ(?:ая|ой|ую|ие|их|ими) пар(?:а|ы|е|у|ой|ами|ах)?\b",
    ),
)

# The methodology's names of forms that label a child, and what the site says next to them.
PUBLIC_WORDING: dict[str, str] = {
    "успевающий – неуспевающий": "Помощь в учёбе от сверстника",
    "лидер – пассивный": "Вовлечение в школьную жизнь",
}


def _key(name: str) -> str:
    return re.sub(r"\s*[-–—]\s*", " – ", " ".join(name.lower().split()))


def public_wording(name: str) -> str | None:
    """The public wording for one of the methodology's labelling names, or None."""
    return PUBLIC_WORDING.get(_key(name))


def term_patterns() -> list[tuple[Term, re.Pattern[str]]]:
    return [(t, re.compile(r"(?<![\w-])(" + t.pattern + ")", re.IGNORECASE)) for t in GLOSSARY]
