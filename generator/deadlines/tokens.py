"""Tokens of Russian deadline texts: months and seasons in any case, years, dates, numbers, keywords, dashes.

Letter case is ignored («Ё» reads as «Е»); a capital is only remembered, because a cell of several
paragraphs is stored joined with spaces and a capital is the last trace of a paragraph's start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_SCAN = re.compile(
    r"""(?P<date>[0-9]{1,2}\.[0-9]{1,2}\.(?:[0-9]{4}|[0-9]{2}))(?![0-9])
      | (?P<monthyear>[0-9]{1,2}\.[0-9]{4})(?![0-9])
      | (?P<daymonth>[0-9]{1,2}\.[0-9]{1,2})(?![0-9])(?!\.[0-9])
      | (?P<years>[0-9]{4}\s*[-–—/]\s*[0-9]{4})(?![0-9])
      | (?P<number>[0-9]+)(?:-(?:го|ое|ый|ой|ий|ая|ую|й|е|я)(?![^\W\d_]))?
      | (?P<word>[^\W\d_]+)(?P<dot>\.)?
      | (?P<dash>[-–—‒−])
      | (?P<comma>,)
      | (?P<stop>[.;:])
      | (?P<skip>[\s()«»"“”„']+)
      | (?P<other>.)""",
    re.VERBOSE,
)
_ABBREVIATIONS = {
    "г",
    "гг",
    "уч",
    "кв",
    "янв",
    "фев",
    "февр",
    "мар",
    "апр",
    "авг",
    "сен",
    "сент",
    "окт",
    "ноя",
    "нояб",
    "дек",
}

MOD_START, MOD_MIDDLE, MOD_END = 1, 2, 3


def _forms(stems: str, endings: str) -> list[str]:
    return [stem + ending for stem in stems.split() for ending in endings.split(",")]


def _vocabulary() -> dict[str, tuple[str, int]]:
    words: dict[str, tuple[str, int]] = {}

    def add(kind: str, value: int, forms: list[str]) -> None:
        words.update(dict.fromkeys(forms, (kind, value)))

    month_stems = [
        "январ",
        "феврал",
        "март",
        "апрел",
        "ма",
        "июн",
        "июл",
        "август",
        "сентябр",
        "октябр",
        "ноябр",
        "декабр",
    ]
    for number, stem in enumerate(month_stems, 1):
        endings = ",а,е,у,ом" if stem in ("март", "август") else "й,я,е,ю,ем" if stem == "ма" else "ь,я,е,ю,ем"
        add("month", number, _forms(stem, endings))
    for number, shorts in enumerate(
        ["янв", "фев,февр", "мар", "апр", "-", "-", "-", "авг", "сен,сент", "окт", "ноя,нояб", "дек"], 1
    ):
        add("month", number, shorts.split(","))
    adjective = ",ий,его,ем,ие,их,юю,яя,ей,ими"
    add("season", 9, ["осень", "осени", "осенью", *_forms("осенн", adjective)])
    add("season", 12, _forms("зим", "а,ы,е,у,ой,ою") + _forms("зимн", adjective))
    add("season", 3, _forms("весн", "а,ы,е,у,ой,ою") + _forms("весенн", adjective))
    add("season", 6, _forms("лет", "о,а,е,ом") + _forms("летн", adjective))
    for number, (stem, endings) in enumerate(
        [("перв", "ый,ое,ая,ого,ой,ом,ую"), ("втор", "ой,ое,ая,ого,ом,ую"), ("трет", "ий,ье,ья,ьего,ьей,ьем,ью"),
         ("четверт", "ый,ое,ая,ого,ой,ом,ую")], 1):  # fmt: skip
        add("ord", number, _forms(stem, endings))
    add("last", 0, _forms("последн", "ий,ее,яя,его,ей,ем,юю"))
    for number, roman in enumerate(("i", "ii", "iii", "iv"), 1):
        add("roman", number, [roman])
    add("number", 1, ["один", "одного"])
    add("number", 2, ["два", "две"])
    add("number", 3, ["три"])
    add("number", 4, ["четыре"])
    add("once", 2, ["дважды"])
    add("mod", MOD_START, _forms("начал", "о,е,а"))
    add("mod", MOD_MIDDLE, _forms("середин", "а,е,ы,у"))
    add("mod", MOD_END, [*_forms("кон", "ец,це,ца"), "окончании", "окончания", "завершении", "завершения"])
    keywords = {
        "yearly": "ежегодно", "quarterly": "ежеквартально", "weekly": "еженедельно",
        "often": "ежемесячно ежедневно постоянно регулярно систематически",
        "each": "каждый каждую каждой каждая каждое каждого каждом каждые",
        "term": "четверть четверти четвертям четвертью", "quarter": "квартал квартала квартале кварталам кв",
        "half": "полугодие полугодия полугодии", "week": "неделю неделя недели неделе неделям", "once": "раз раза",
        "month_w": "месяц месяца месяце месяцам", "day_w": "день дня",
        "yearword": "год года году годы годов г гг", "school": "учебного учебный учебном учебных учебные уч",
        "period": "период периода периоде время", "all": "весь всего всей целого целый",
        "holidays": "каникулы каникул каникулах каникулам",
        "prep": "в во на", "during_w": "течение течении протяжении", "until": "до к", "from": "с со",
        "to": "по", "and": "и", "not": "не", "late": "позднее позже", "early": "ранее", "since": "начиная",
        "results": "итогам итогах", "measure": "мере", "asneeded": "необходимости запросу запросам согласованию",
        "accord": "соответствии согласно", "terms": "сроками срокам сроки", "separate": "отдельному индивидуальному",
        "plan": "плану графику планом графиком", "program": "программ программы программе программой программам",
    }  # fmt: skip
    for kind, forms in keywords.items():
        add(kind, 0, forms.split())
    weekdays = [("понедельник", ",а,у,и,ам,ом"), ("вторник", ",а,у,и,ам,ом"), ("сред", "а,у,ы,е,ам,ой"),
                ("четверг", ",а,у,и,ам,ом"), ("пятниц", "а,у,ы,е,ам,ей"), ("суббот", "а,у,ы,е,ам,ой"),
                ("воскресень", "е,я,ям,ю")]  # fmt: skip
    for number, (stem, endings) in enumerate(weekdays):
        add("weekday", number, _forms(stem, endings))
    return words


_WORDS = _vocabulary()
_MERGE = {("prep", "during_w"): "during", ("not", "late"): "until", ("not", "early"): "from", ("since", "from"): "from"}


@dataclass(frozen=True)
class Tok:
    kind: str
    value: int | tuple[int, ...] = 0
    cap: bool = False  # written with a capital: may start a paragraph of a joined cell


def tokenize(text: str) -> list[Tok]:
    text = text.translate(str.maketrans("ёЁІі", "еЕIi"))
    raw: list[Tok] = []
    for match in _SCAN.finditer(text):
        kind = "word" if match.lastgroup == "dot" else match.lastgroup or "other"
        chunk = match.group()
        cap = chunk[:1].isupper()
        if kind in ("date", "daymonth", "monthyear"):
            parts = [int(part) for part in chunk.split(".")]
            if kind == "date" and parts[2] < 100:
                parts[2] += 2000
            raw.append(Tok(kind, tuple(parts)))
        elif kind == "years":
            raw.append(Tok("years", tuple(int(y) for y in re.findall(r"[0-9]{4}", chunk))))
        elif kind == "number":
            digits = int(match["number"])
            ok_year = len(match["number"]) == 4 and 1900 <= digits <= 2099
            raw.append(Tok("year", digits) if ok_year else Tok("number", digits) if digits <= 99 else Tok("other"))
        elif kind == "word":
            word = match["word"].lower()
            found = _WORDS.get(word, ("word", 0))
            raw.append(Tok(found[0], found[1], cap))
            if match["dot"] and word not in _ABBREVIATIONS:
                raw.append(Tok("stop"))
        elif kind != "skip":
            raw.append(Tok(kind))
    tokens: list[Tok] = []
    for tok in raw:
        merged = _MERGE.get((tokens[-1].kind, tok.kind)) if tokens else None
        if merged:
            tokens[-1] = replace(tokens[-1], kind=merged)
        else:
            tokens.append(tok)
    return [replace(t, kind="during") if t.kind == "during_w" else t for t in tokens]
