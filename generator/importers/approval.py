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
_NAME_PARTS = (
    r"[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?",
    r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.",
    r"[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+\s+[А-ЯЁ][а-яё]+(?:вич|вна|чна|ична|оглы|кызы)\b",
)
NAME = re.compile("|".join(_NAME_PARTS))
_NAME_ORDER = [re.compile(part) for part in _NAME_PARTS]
# the same in capitals, as a signature line is often typed: «Е.В.ТАРАБАНОВА», «ТАРАБАНОВА Е.В.»
CAPS_NAME = re.compile(
    r"(?<![А-ЯЁ])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?(?![А-ЯЁа-яё])"
    r"|(?<![А-ЯЁа-яё])[А-ЯЁ]{2,}(?:-[А-ЯЁ]{2,})?\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.(?!\s?[А-ЯЁ])"
)


def find_name(text: str) -> tuple[str, str] | None:
    """(as written, as shown) of the signing person: «Т.В. Иванова»; «Е.В.ТАРАБАНОВА» → «Е.В. Тарабанова»."""
    for pattern in _NAME_ORDER:  # «Директор Т.В. Иванова»: the initials before the surname win
        if match := pattern.search(text):
            return match.group(0), match.group(0)
    if match := CAPS_NAME.search(text):
        written = match.group(0)
        shown = re.sub(r"[А-ЯЁ]{2,}", lambda m: m.group(0).capitalize(), written)
        shown = re.sub(r"([А-ЯЁ]\.)([А-ЯЁ][а-яё])", r"\1 \2", shown)
        return written, shown
    return None


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
    found = find_name(rest)
    name = found[1] if found else None
    position = clean(rest.replace(found[0], " ") if found else rest).strip(" ,.;:–—-") or None
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
    dated = _dated_number(text, head.end())
    if dated is not None:  # «№ 112-о от 01.09.2025» or «от 01.09.2025 № 112-о», even after a «№» in the issuer's name
        number, date, start = dated
        issuer = re.sub(r"\s+от\s*$", "", text[head.end() : start]).strip(" ,")
        authority = issuer if re.search(r"[А-ЯЁа-яё]{2}", issuer) else None
        return number, authority, date, (head.start(), len(text))
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


def _dated_number(text: str, start: int) -> tuple[str, dt.date, int] | None:
    """The order's number written next to its date, the date, and where the pair starts — the pair that
    ends the text (so an issuer «МБОУ СОШ № 4» before it is not taken for the number)."""
    number = r"(?:№|N(?=\s*\d))\s*(?P<number>[^\s,;]+)"
    for pattern in (rf"{number}\s+от\s+(?P<date>.{{6,30}}?)\s*$", rf"от\s+(?P<date>.{{6,30}}?)\s*{number}\s*$"):
        for match in re.finditer(pattern, text[start:]):
            date, date_match = find_date(match.group("date"))
            if date is not None and date_match is not None and not match.group("date")[date_match.end() :].strip():
                if "№" in match.group(0)[1:] and match.group(0).count("№") > 1:
                    continue
                return match.group("number").rstrip(".,"), date, start + match.start()
    return None


def _quoted(text: str, position: int) -> bool:
    """Whether ``position`` lies inside «…» (a «№» there belongs to a name: «Школа № 5»)."""
    return text.count("«", 0, position) > text.count("»", 0, position)
