"""A page searched line by line, through what earlier pages held (:class:`Remembered`).

Every page of a site repeats its header, navigation and footer: nine tenths of its lines, and most of them are
the same in every section of a district. Each line is read (:func:`.text.read_line`) and cut into pieces
(:data:`PIECE`) once; a page is then searched only where it differs. What is found, and on which line, is what
the search of the whole read text finds (:meth:`.NameSearch.find`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from generator.checks.names.text import Line, escaped_cyrillic, mixed, read_line, read_untagged, untagged

R = TypeVar("R")
Hits = dict[R, int]  # each rule a text breaks, with the line (from 1) of its first finding in the text

PIECE = re.compile(r"""[^<>"=/\\|{}\[\]()#@%&*+^~`:;!?]+""")
"""A run of text without a character that no name pattern matches (names have letters, apostrophes, spaces,
dots, commas and hyphens between their words: :data:`.patterns.SEP`): a name found in a text lies within one."""
_PIECES = 200_000  # pieces that one section's search remembers
_LINES = 10_000_000  # characters of the lines that the search remembers (about 60 MB read and cut)
_LONGEST = 2_000  # characters of a remembered piece: longer ones (prose) are seldom seen twice


@dataclass(frozen=True, slots=True)
class _Split:
    """A read line cut at the characters no name holds: the run before the first cut (``head``) and the one
    after the last (``tail``, with the line breaks before it), which go on into the lines around them, and the
    pieces between in which a name may begin (``loud``, with the line breaks before each). ``head`` is None
    when nothing cuts the line: all of it goes on. ``*_quiet``: no name can begin in that run, so a run across
    lines made only of quiet parts holds none. Nothing here depends on the section."""

    line: Line
    newlines: int
    head: str | None
    tail: str
    tail_newlines: int
    loud: tuple[tuple[str, int], ...]
    head_quiet: bool
    tail_quiet: bool
    latin: tuple[object, ...]  # the rules a name in Latin letters in the raw line breaks


@dataclass(frozen=True)
class Pieces(Generic[R]):
    """What the pieces of one section's pages hold (``search``: what a read piece holds there)."""

    search: Callable[[str], Hits[R]]
    known: dict[str, Hits[R]] = field(default_factory=dict)

    def hits(self, piece: str) -> Hits[R]:
        found = self.known.get(piece)
        if found is None:
            found = self.search(piece)
            if len(piece) <= _LONGEST and len(self.known) < _PIECES:
                self.known[piece] = found
        return found


@dataclass
class Remembered(Generic[R]):
    """What pages held: each line, read and cut, for every section (``quiet``: no name can begin in a
    lower-cased text; ``latin``: the rules that names in Latin letters in a raw line break); what each piece
    holds, for one section at a time (a region's worker builds a thousand sections in turn)."""

    quiet: Callable[[str], bool]
    latin: Callable[[str], tuple[R, ...]]
    sections: dict[str, Pieces[R]] = field(default_factory=dict)
    lines: tuple[dict[str, _Split], dict[str, _Split]] = field(default_factory=lambda: ({}, {}))  # plain, decoded
    stored: int = 0  # characters of the lines remembered

    def pieces(self, section: str, search: Callable[[str], Hits[R]]) -> Pieces[R]:
        """What the pieces of ``section``'s pages hold (``search``: what a read piece holds there); those of
        the section before are forgotten."""
        found = self.sections.get(section)
        if found is None:
            found = Pieces(search)
            self.sections = {section: found}  # a new dict: a search still at work keeps its section's
        return found

    def splits(self, raws: list[str]) -> list[_Split]:
        """The lines ``raws`` of a page, read and cut; their percent-escapes decoded when one of them holds an
        escaped Cyrillic letter (a blog category's address: then every «%» of the page is read decoded). A line
        not remembered is untagged once, to learn that and to be read."""
        plain = self.lines[0]
        splits = [plain.get(raw) for raw in raws]
        texts = {index: untagged(raws[index]) for index, split in enumerate(splits) if split is None}
        decode = any(split.line.percent for split in splits if split is not None) or any(
            escaped_cyrillic(text) for text in texts.values()
        )
        if decode or texts:
            for index, split in enumerate(splits):
                if split is None or (decode and split.line.escapes):
                    splits[index] = self._known(raws[index], decode, texts.get(index))
        return splits  # type: ignore[return-value]

    def _known(self, raw: str, decode: bool, text: str | None) -> _Split:
        """The line ``raw`` read and cut (decoded: ``decode``; ``text``: ``raw`` untagged, if it is known),
        remembered: lines without «%» read the same either way (:attr:`.Line.escapes`)."""
        if decode:
            split = self.lines[1].get(raw)
            if split is not None:
                return split
        line = read_untagged(text, decode) if text is not None else read_line(raw, decode)
        split = self._split(line, self.latin(raw))
        known = self.lines[decode and split.line.escapes]
        if self.stored + len(raw) > _LINES:  # a region: the sections built before matter little now
            self.stored = 0
            for each in self.lines:
                each.clear()
        known[raw] = split
        self.stored += len(raw)
        return split

    def _split(self, line: Line, latin: tuple[R, ...]) -> _Split:
        read, lowered = line.read, line.lowered
        quiet = self.quiet(lowered)  # then so is every piece of it
        runs = list(PIECE.finditer(read))
        if not read or (len(runs) == 1 and runs[0].start() == 0 and runs[0].end() == len(read)):
            return _Split(line, read.count("\n"), None, "", 0, (), quiet, quiet, latin)
        head = runs[0].group() if runs and runs[0].start() == 0 else ""
        tail_run = runs[-1] if runs and runs[-1].end() == len(read) else None
        newlines = read.count("\n")
        before = (lambda at: read.count("\n", 0, at)) if newlines else (lambda at: 0)
        loud = () if quiet else tuple(
            (run.group(), before(run.start()))
            for run in runs[1 if head else 0 : -1 if tail_run else None]
            if not self.quiet(lowered[run.start() : run.end()])
        )  # fmt: skip
        tail_start = tail_run.start() if tail_run else len(read)
        return _Split(
            line,
            newlines,
            head,
            read[tail_start:],
            before(tail_start),
            loud,
            quiet or self.quiet(lowered[: len(head)]),
            quiet or self.quiet(lowered[tail_start:]),
            latin,
        )


def page_hits(text: str, memory: Remembered[R], pieces: Pieces[R]) -> Hits[R] | None:
    """What ``text`` holds, searched line by line through what ``memory`` remembers and piece by piece through
    what ``pieces`` of its section hold, with its names in Latin letters; None when the text has look-alike
    letters among Cyrillic ones (it is then read whole, :func:`.text.readable`)."""
    splits = memory.splits(text.split("\n"))
    if mixed([split.line for split in splits]):
        return None
    found: Hits[R] = {}
    latin: Hits[R] = {}
    run: list[str] | None = None  # the run of text that goes on across line breaks, from the page's start
    run_start = 0  # the line breaks before it
    run_quiet = True
    before = 0  # line breaks in the read text before the line
    for index, split in enumerate(splits):
        line = split.line
        if split.latin:
            for rule in split.latin:
                latin.setdefault(rule, index + 1)  # type: ignore[arg-type]
        if split.head is None:  # the line goes on
            if run is None:
                run, run_start, run_quiet = [line.read], before, split.head_quiet
            else:
                run.append(line.read)
                run_quiet = run_quiet and split.head_quiet
        else:
            if run is not None and not (run_quiet and split.head_quiet):
                run.append(split.head)
                for rule, line_of in pieces.hits("\n".join(run)).items():
                    found.setdefault(rule, run_start + line_of)
            elif run is None and not split.head_quiet:
                for rule, line_of in pieces.hits(split.head).items():
                    found.setdefault(rule, before + line_of)
            for piece, newlines in split.loud:
                for rule, line_of in pieces.hits(piece).items():
                    found.setdefault(rule, before + newlines + line_of)
            run, run_start, run_quiet = [split.tail], before + split.tail_newlines, split.tail_quiet
        before += split.newlines + 1
    if run is not None and not run_quiet:
        for rule, line_of in pieces.hits("\n".join(run)).items():
            found.setdefault(rule, run_start + line_of)
    for rule, line_of in latin.items():
        found.setdefault(rule, line_of)
    return found
