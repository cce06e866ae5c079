"""Word's automatic numbering, rendered as the reader sees it («1.», «2.1.», «а)», «•»).

Typed markers are text and need nothing. Automatic numbering («Нумерованный список», a «№» column
numbered by Word) is not in the paragraph's text at all: it lives in ``numbering.xml``. Paragraphs
must be asked for in document order, because the counters advance as Word's do: a level counts up,
deeper levels restart, and a numbering instance with a ``startOverride`` starts afresh.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

BULLET = "•"
_ROMAN: tuple[tuple[int, str], ...] = (
    *((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl")),
    *((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")),
)
_RU_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"


def _roman(value: int) -> str:
    out = ""
    for number, letters in _ROMAN:
        while value >= number:
            out += letters
            value -= number
    return out


def _letters(value: int, alphabet: str) -> str:
    if value < 1:
        return str(value)
    repeat, index = divmod(value - 1, len(alphabet))
    return alphabet[index] * (repeat + 1)


def _format(value: int, fmt: str) -> str:
    match fmt:
        case "lowerLetter":
            return _letters(value, "abcdefghijklmnopqrstuvwxyz")
        case "upperLetter":
            return _letters(value, "abcdefghijklmnopqrstuvwxyz").upper()
        case "lowerRoman":
            return _roman(value)
        case "upperRoman":
            return _roman(value).upper()
        case "russianLower":
            return _letters(value, _RU_LETTERS)
        case "russianUpper":
            return _letters(value, _RU_LETTERS).upper()
        case "decimalZero":
            return f"{value:02d}"
        case _:
            return str(value)


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """Numbering definitions of one document and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # abstractNumId → ilvl → level
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId → (abstract, overrides)
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId → (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> Numbering:
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            root = None
        if root is not None:
            numbering._read_definitions(root)
        numbering._read_styles(document.styles.element)
        return numbering

    def _read_definitions(self, root: Any) -> None:
        for abstract in root.findall(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in abstract.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl"), "0"))] = _level(lvl)
            self.levels[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            ref = num.find(qn("w:abstractNumId"))
            overrides: dict[int, int] = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl"), "0"))] = int(start.get(qn("w:val"), "1"))
            self.nums[num.get(qn("w:numId"), "")] = (ref.get(qn("w:val"), "") if ref is not None else "", overrides)

    def _read_styles(self, styles: Any) -> None:
        based_on: dict[str, str] = {}
        own: dict[str, tuple[str, int]] = {}
        for style in styles.findall(qn("w:style")):
            style_id = style.get(qn("w:styleId"), "")
            base = style.find(qn("w:basedOn"))
            if base is not None:
                based_on[style_id] = base.get(qn("w:val"), "")
            num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if num_pr is not None:
                own[style_id] = _num_pr(num_pr, (None, 0))  # type: ignore[assignment]
        for style_id in set(based_on) | set(own):
            seen, current = set(), style_id
            while current and current not in own and current not in seen:
                seen.add(current)
                current = based_on.get(current, "")
            if current in own:
                self.style_num[style_id] = own[current]

    def label(self, paragraph: Any) -> str | None:
        """The number or bullet Word shows before ``paragraph`` (a ``w:p``), advancing the counters."""
        p_pr = paragraph.find(qn("w:pPr"))
        style_id = None
        num_id, ilvl = None, 0
        if p_pr is not None:
            style = p_pr.find(qn("w:pStyle"))
            style_id = style.get(qn("w:val")) if style is not None else None
            num_pr = p_pr.find(qn("w:numPr"))
            if num_pr is not None:
                num_id, ilvl = _num_pr(num_pr, self.style_num.get(style_id or "", (None, 0)))
        if num_id is None and style_id in self.style_num:
            num_id, ilvl = self.style_num[style_id]
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract, overrides = self.nums[num_id]
        levels = self.levels.get(abstract, {})
        level = levels.get(ilvl)
        if level is None or level.fmt == "none":
            return None
        if level.fmt == "bullet":
            return BULLET
        key = f"num:{num_id}" if overrides else f"abstract:{abstract}"
        counters = self.counters.setdefault(key, {})
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else overrides.get(ilvl, level.start)
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            del counters[deeper]
        text = level.text
        for lvl in range(ilvl + 1):
            known = levels.get(lvl)
            value = counters.get(lvl, known.start if known else 1)
            text = text.replace(f"%{lvl + 1}", _format(value, known.fmt if known else "decimal"))
        return text.strip() or None


def _level(lvl: Any) -> _Level:
    def val(tag: str, default: str) -> str:
        node = lvl.find(qn(tag))
        return node.get(qn("w:val"), default) if node is not None else default

    return _Level(val("w:numFmt", "decimal"), val("w:lvlText", ""), int(val("w:start", "1")))


def _num_pr(num_pr: Any, default: tuple[str | None, int]) -> tuple[str | None, int]:
    num = num_pr.find(qn("w:numId"))
    lvl = num_pr.find(qn("w:ilvl"))
    num_id = num.get(qn("w:val")) if num is not None else default[0]
    ilvl = int(lvl.get(qn("w:val"), "0")) if lvl is not None else default[1]
    return num_id, ilvl
