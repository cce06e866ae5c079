"""The text before the roadmap's table: title, organization, period, approval block, goal, tasks.

Read as lines (a paragraph's line breaks split it; blank paragraphs separate blocks):

* an approval block starts at its label — «РАССМОТРЕНО», «ПРИНЯТО», «СОГЛАСОВАНО» (considered) or
  «УТВЕРЖДАЮ», «УТВЕРЖДЕНО», «Утверждено приказом …» (approved) — and runs to a blank line;
  the body, date and protocol, the position and name, the order's issuer, number and date are
  picked out of it by their shape (``Протокол № 1``, ``30.08.2024``, ``Т.В. Иванова``, ``№ 21 от …``);
* the title is the first line naming the document («Дорожная карта», «План», «Программа») and the
  lines set like it; the period is the title's years, the organization its «МБОУ «…»»;
* «Цель: …» is the goal; the lines after «Задачи:» are the tasks, without their bullets.

Anything else is returned as left over, so the summary can show what was not imported.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.deadlines import PeriodKind, parse_plan_period
from generator.importers.approval import CONSIDERED_LABELS, LABEL, ORDER_HEAD, approved_block, considered_block
from generator.importers.grid import Paragraph, Row, clean
from generator.importers.organization import find_organization
from generator.models.roadmap import Approval, Approved, Considered

GOAL = re.compile(r"^(?:основная\s+|главная\s+)?цел[ьи](?:\s+[а-яё]+){0,4}?\s*[:.—–-]\s*(.*)$", re.IGNORECASE)
TASKS = re.compile(r"^(?:основные\s+|ключевые\s+)?задачи(?:\s+[а-яё]+){0,4}?\s*([:.—–-])?\s*(.*)$", re.IGNORECASE)
APPENDIX = re.compile(r"^\s*(Приложение(?:\s*(?:№|N)?\s*\d+(?:\.\d+)?[а-я]?)?)\s*[,.:]?\s*(.*)$", re.IGNORECASE)
TITLE = re.compile(r"дорожн\w*\s+карт|^\s*(план|программа|мероприятия)\b", re.IGNORECASE)
BULLET = re.compile(r"^(?:\d{1,2}[.)]|[-–—•✓▪●○·*►➢✔])\s*")
FULL_NAME = re.compile(
    r"^(?:муниципальн|государственн|областн|краев|федеральн|частн|автономн|некоммерческ)\w*\s.*"
    r"(?:учреждени|организаци)\w*.*[«\"]",
    re.IGNORECASE,
)


@dataclass
class Prelude:
    title: str | None = None
    organization: str | None = None
    period: str | None = None
    period_kind: PeriodKind | None = None
    approval: Approval | None = None
    goal: str | None = None
    tasks: list[str] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)


def lines_of(paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """One :class:`Paragraph` per line; a blank paragraph stays as a block separator."""
    out: list[Paragraph] = []
    for p in paragraphs:
        parts = [clean(part) for part in p.text.split("\n")]
        out.extend(Paragraph(part, p.bold, p.align) for part in parts if part) if p.text.strip() else out.append(p)
    return out


def rows_to_paragraphs(rows: Sequence[Row]) -> list[Paragraph]:
    """Table rows read as text: row by row, except side-by-side approval blocks, read column by column."""
    out: list[Paragraph] = []
    block: list[Row] = []
    for row in [*rows, None]:
        if row is not None and not row.empty:
            block.append(row)
            continue
        if block:
            out.extend(_block_paragraphs(block))
            out.append(Paragraph(""))
        block = []
    return out


def _block_paragraphs(block: list[Row]) -> list[Paragraph]:
    filled = [[c for c in row.cells if not c.empty and not c.merged_above] for row in block]
    side_by_side = any(sum(1 for c in cells if LABEL.match(c.text)) >= 2 for cells in filled)
    out: list[Paragraph] = []
    if side_by_side:
        for col in sorted({c.col for cells in filled for c in cells}):
            out.extend(Paragraph(p, c.bold) for cells in filled for c in cells if c.col == col for p in c.paragraphs)
            out.append(Paragraph(""))
        return out
    for cells in filled:
        if all(len(c.paragraphs) == 1 for c in cells):
            out.append(Paragraph(" ".join(c.text for c in cells), all(c.bold for c in cells)))
        else:
            for c in cells:
                out.extend(Paragraph(p, c.bold) for p in c.paragraphs)
                out.append(Paragraph(""))
    return out


def read_prelude(paragraphs: Sequence[Paragraph]) -> Prelude:
    lines = lines_of(paragraphs)
    result = Prelude()
    considered: Considered | None = None
    approved: Approved | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.blank:
            i += 1
            continue
        if match := LABEL.match(line.text):
            end = _block_end(lines, i + 1)
            rest = [line.text[match.end() :].strip(), *(p.text for p in lines[i + 1 : end])]
            label, text = match.group(0).strip(), clean(" ".join(rest))
            if match.group(1).lower().startswith(CONSIDERED_LABELS) and considered is None:
                considered = considered_block(label, text)
            elif not match.group(1).lower().startswith(CONSIDERED_LABELS) and approved is None:
                approved = approved_block(label, text)
            else:
                result.leftovers.append(clean(f"{label} {text}"))
            i = end
        elif approved is None and (appendix := _appendix(lines, i)) is not None:
            approved, i = appendix
        elif (match := GOAL.match(line.text)) and result.goal is None:
            end = _block_end(lines, i + 1) if not match.group(1) else i + 1
            result.goal = clean(" ".join([match.group(1), *(p.text for p in lines[i + 1 : end])])) or None
            i = end
        elif (match := TASKS.match(line.text)) and (match.group(1) or len(line.text) <= 40) and not result.tasks:
            i = _tasks(lines, i, match.group(2), result.tasks)
        elif result.title is None and TITLE.search(line.text):
            end = i + 1
            while end < len(lines) and _title_goes_on(lines[i], lines[end]):
                end += 1
            result.title = join_lines([p.text for p in lines[i:end]])
            i = end
        else:
            result.leftovers.append(line.text)
            i += 1
    if result.title is None and result.leftovers:
        result.title = result.leftovers.pop(0)
    if considered or approved:
        result.approval = Approval(considered=considered, approved=approved)
    result.period, result.period_kind = find_period(result.title or "")
    result.organization = _organization(result, approved)
    return result


def _appendix(lines: list[Paragraph], i: int) -> tuple[Approved, int] | None:
    """«Приложение № 1 к приказу № 78 от 14.04.2022» (on one line or several): the approving order."""
    match = APPENDIX.match(lines[i].text)
    if match is None:
        return None
    end = _block_end(lines, i + 1)
    text = clean(" ".join([match.group(2), *(p.text for p in lines[i + 1 : end])]))
    if not ORDER_HEAD.match(text.removeprefix("к ")):
        return None
    approved = approved_block(match.group(1), text)
    if approved.position and approved.position.lower() in ("к", "к приказу"):
        approved = approved.model_copy(update={"position": None})
    return approved, end


def _block_end(lines: list[Paragraph], start: int) -> int:
    end = start
    while end < len(lines):
        text = lines[end].text
        if lines[end].blank or LABEL.match(text) or GOAL.match(text) or TASKS.match(text) or TITLE.search(text):
            break
        end += 1
    return end


def _title_goes_on(first: Paragraph, line: Paragraph) -> bool:
    if line.blank or LABEL.match(line.text) or GOAL.match(line.text) or TASKS.match(line.text):
        return False
    if line.align != first.align:
        return False
    return first.align == "center" or line.bold == first.bold


def _tasks(lines: list[Paragraph], i: int, inline: str, tasks: list[str]) -> int:
    if inline.strip():
        tasks.append(BULLET.sub("", inline.strip()))
    i += 1
    while i < len(lines):
        line = lines[i]
        if line.blank:
            following = next((p for p in lines[i + 1 :] if not p.blank), None)
            if following is None or not BULLET.match(following.text) or LABEL.match(following.text):
                break
            i += 1
            continue
        if LABEL.match(line.text) or GOAL.match(line.text) or TITLE.search(line.text):
            break
        task = BULLET.sub("", line.text).strip()
        if task:
            tasks.append(task)
        i += 1
    return i


def join_lines(lines: Sequence[str]) -> str:
    """Lines of one text joined: «2024-» + «2025» → «2024-2025», otherwise with one space."""
    out = ""
    for line in (clean(x) for x in lines):
        if not line:
            continue
        out = out + line if out.endswith("-") and not out.endswith(" -") else f"{out} {line}".strip()
    return out


_YEAR_END = r"(?:\s*(?:г\.|гг\.|года?|г(?![а-яё])))?"
# «2024-2025», «2024/2025», «сентябрь 2022 г. - май 2024 г.», «с 2022 по 2024 год»
_RANGE = rf"(?<!\d)(\d{{4}}){_YEAR_END}\s*(?:[-–—/]|\bпо\b)\s*(?:[а-яё]+\s+)?(\d{{4}})(?!\d)"


def find_period(text: str) -> tuple[str | None, PeriodKind | None]:
    """«на 2024-2025 учебный год» → (2024-2025, academic_year); «за 2022-2024 годы» → years; «на 2023 год»."""
    if match := re.search(_RANGE, text, re.IGNORECASE):
        after = text[match.end() : match.end() + 30].lower()
        kind: PeriodKind | None = None
        if "учебн" in after:
            kind = "academic_year"
        elif re.match(r"\s*(годы|гг|годов|годах|год\.)", after):
            kind = "years"
        period = f"{match.group(1)}-{match.group(2)}"
        plan = parse_plan_period(period, kind) or parse_plan_period(period)
        return (period, plan.kind) if plan else (None, None)
    if match := re.search(r"(?<!\d)(\d{4})(?!\d)\s*(?:год|г\.|г\b)", text):
        plan = parse_plan_period(match.group(1), "calendar_year")
        return (match.group(1), "calendar_year") if plan else (None, None)
    return None, None


def _organization(result: Prelude, approved: Approved | None) -> str | None:
    if found := find_organization(result.title or ""):
        return found
    for index, line in enumerate(result.leftovers):
        if FULL_NAME.match(line):
            return result.leftovers.pop(index)
    if approved is not None:
        return find_organization(approved.position or "") or approved.authority
    return None
