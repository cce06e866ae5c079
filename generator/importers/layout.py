"""Positioned words (a PDF's text layer, or OCR) → lines → paragraphs, as a word processor had them.

A page gives words with their boxes, not paragraphs. Words whose vertical middles are close form a
line; the lines of a cell (or of the text above a table) form paragraphs by the reflow rule a reader
applies without thinking: a line ends its paragraph when the next line's first word would still have
fitted after it (the writer pressed Enter, the line did not wrap), when the next line starts with a
list marker («1.», «-», «•»), or when a gap wider than a line separates them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SENTENCE_END = re.compile(r"[.!?;»\"]$")
NEW_SENTENCE = re.compile(r"^[«\"]?[А-ЯЁA-Z]")
MARKER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[а-яa-z]\)|[-–—•✓▪●○·*►➢✔])(?:\s|$)")


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    bold: bool = False
    italic: bool = False
    confidence: float = 100.0  # OCR's confidence, 0–100; a text layer's words are certain

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def height(self) -> float:
        return max(w.height for w in self.words)

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words)


def lines_of(words: Iterable[Word]) -> list[Line]:
    """Words grouped into lines (top to bottom), each line's words left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.middle, w.x0)):
        if lines:
            last = lines[-1]
            height = max(w.height for w in last)
            middle = sum(w.middle for w in last) / len(last)
            if abs(word.middle - middle) <= max(height, word.height) * 0.45:
                last.append(word)
                continue
        lines.append([word])
    return [Line(tuple(sorted(line, key=lambda w: w.x0))) for line in lines]


def split_segments(line: Line, gap: float) -> list[Line]:
    """A line cut where its words stand more than ``gap`` apart (two blocks side by side)."""
    parts: list[list[Word]] = [[line.words[0]]]
    for word in line.words[1:]:
        if word.x0 - parts[-1][-1].x1 > gap:
            parts.append([word])
        else:
            parts[-1].append(word)
    return [Line(tuple(part)) for part in parts]


def paragraphs_of(lines: Sequence[Line], right: float) -> list[list[Line]]:
    """``lines`` (of one cell or column, whose text may reach ``right``) grouped into paragraphs."""
    out: list[list[Line]] = []
    for line in lines:
        if out and not _breaks(out[-1][-1], line, right):
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _breaks(before: Line, line: Line, right: float) -> bool:
    if MARKER.match(line.text):
        return True
    if line.top - before.bottom > max(before.height, line.height) * 0.9:
        return True
    first = line.words[0]
    space = max(before.height * 0.3, 1.0)
    if before.x1 + space + (first.x1 - first.x0) < right - space:
        return True
    return bool(SENTENCE_END.search(before.text)) and bool(NEW_SENTENCE.match(line.text))


def join(lines: Sequence[Line]) -> str:
    """A paragraph's lines as one text, with one space between them; a word broken after its own hyphen
    («нормативно-» + «правового», «2024-» + «2025») is joined without one."""
    out = ""
    for line in lines:
        text = line.text
        if len(out) > 1 and out.endswith("-") and out[-2].isalnum() and text[:1].isalnum():
            out += text
        else:
            out = f"{out} {text}".strip()
    return out
