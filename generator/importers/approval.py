"""The approval block above a roadmap: «РАССМОТРЕНО» / «ПРИНЯТО» / «СОГЛАСОВАНО» and «УТВЕРЖДАЮ» /
«Утверждено приказом …», and what is in them.

A block's lines are read as one text; its parts are picked out by their shape, wherever they
stand: a date («30.08.2024 г.», «30» августа 2024 г.»), a protocol («Протокол № 1»), an order
(«приказом МКУ «…» №223 от 02.05.2023», «Приказ № 21 от 30.08.2024 г.»), a person («Т.В. Иванова»,
«Иванова Т.В.»); what remains of an approving block is the position. Dates become real dates only
when they exist; the whole text is kept as written in ``text``.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.importers.grid import clean
from generator.models.roadmap import Approved, Considered

LABEL = re.compile(
    r"^\s*(РАССМОТРЕН[ОА]?|ПРИНЯТ[ОА]?|СОГЛАСОВАН[ОА]?|УТВЕРЖДАЮ|УТВЕРЖД[ЕЁ]Н[ОАЫ]?)(?![а-яё])\s*[:.]?", re.IGNORECASE
)
_MONTHS = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
]
DATE = re.compile(
    r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])(?:\s*(?:г\.|года|г(?![а-яё])))?"
    rf"|«?\s*(\d{{1,2}})\s*»?\s+({'|'.join(_MONTHS)})\s+(\d{{4}})(?:\s*(?:г\.|года|г(?![а-яё])))?",
    re.IGNORECASE,
)
NAME = re.compile(
    r"[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\."
    r"|[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|чна|ична|оглы|кызы)\b"
)
CONSIDERED_LABELS = ("рассмотрен", "принят", "согласован")
ORDER_HEAD = re.compile(r"(?<![а-яё])(приказ\w*|распоряжени\w*|постановлени\w*)", re.IGNORECASE)
ORDER_NUMBER = re.compile(r"(?:№|N(?=\s*\d))\s*([^\s,;]+)")


def find_date(text: str) -> tuple[dt.date | None, re.Match[str] | None]:
    """The first real date in ``text`` («30.08.2024», «30 августа 2024 г.») and where it stands."""
    for match in DATE.finditer(text):
        try:
            if match.group(1):
                year = int(match.group(3))
                year = year + 2000 if year < 100 else year
                return dt.date(year, int(match.group(2)), int(match.group(1))), match
            month = _MONTHS.index(match.group(5).lower()) + 1
            return dt.date(int(match.group(6)), month, int(match.group(4))), match
        except ValueError:
            continue
    return None, None


def considered_block(label: str, text: str) -> Considered:
    date, date_match = find_date(text)
    protocol = None
    body = text
    if date_match:
        body = body.replace(date_match.group(0), " ")
    if match := re.search(r"протокол\w*(?:\s+от)?\s*(?:№|N|No\.?)\s*([^\s,;)]+)", body, re.IGNORECASE):
        protocol = match.group(1).rstrip(".")
        body = body.replace(match.group(0), " ")
    body = clean(re.sub(r"[()]|_+|\bот\b|\s[,.;]", " ", body)).strip(" ,.;:–—-")
    return Considered(label=label, text=text or None, body=body or None, date=date, protocol=protocol)


def approved_block(label: str, text: str) -> Approved:
    number, authority, order_date, span = _order(text)
    rest = text[: span[0]] + " " + text[span[1] :] if span else text
    _, stray_date = find_date(rest)  # the date of the signature, already in ``text``
    if stray_date:
        rest = rest.replace(stray_date.group(0), " ")
    rest = re.sub(r"_+|\bМ\.\s?П\.?|[/|]", " ", rest)
    name_match = NAME.search(rest)
    name = name_match.group(0) if name_match else None
    position = clean(rest.replace(name, " ") if name else rest).strip(" ,.;:–—-") or None
    return Approved(
        label=label,
        text=text or None,
        position=position,
        name=name,
        authority=authority,
        order_number=number,
        order_date=order_date,
    )


def _order(text: str) -> tuple[str | None, str | None, dt.date | None, tuple[int, int] | None]:
    """(number, issuer, date, where) of «приказом МКУ «…» №223 от 02.05.2023» / «Приказ № 21 от 30.08.2024 г.»."""
    head = ORDER_HEAD.search(text)
    if head is None:
        bare = re.search(r"№\s*([^\s,;]+)\s*от\s*", text)
        date, date_match = find_date(text[bare.end() : bare.end() + 40]) if bare else (None, None)
        if bare is None or date_match is None:
            return None, None, None, None
        return bare.group(1).rstrip(".,"), None, date, (bare.start(), bare.end() + date_match.end())
    number_match = next((m for m in ORDER_NUMBER.finditer(text, head.end()) if not _quoted(text, m.start())), None)
    after = number_match.end() if number_match else head.end()
    date, date_match = find_date(text[after : after + 40])
    end = after + date_match.end() if date_match else after
    issuer_end = number_match.start() if number_match else end
    if date is None and number_match:  # «Приказ от 30.08.2024 № 21»
        date, date_match = find_date(text[head.end() : number_match.start()])
        if date_match:
            issuer_end = head.end() + date_match.start()
    issuer = re.sub(r"\s+от\s*$", "", text[head.end() : issuer_end]).strip(" ,")
    authority = issuer if re.search(r"[А-ЯЁа-яё]{2}", issuer) else None
    number = number_match.group(1).rstrip(".,") if number_match else None
    return number, authority, date, (head.start(), end)


def _quoted(text: str, position: int) -> bool:
    """Whether ``position`` lies inside «…» (a «№» there belongs to a name: «Школа № 5»)."""
    return text.count("«", 0, position) > text.count("»", 0, position)
