"""What a long build is doing, on the terminal it runs in (``nastavnik build``).

On a terminal (stderr is a TTY) one line shows the current stage and, for a district, how many
organizations are done — «сборка MkDocs — организации: 12 из 50» — rewritten in place and cleared
when the build ends, so the summary the CLI prints is all that stays on the screen. Off a terminal
(CI logs, tests) a district's build prints one line per stage, the first time it starts, and — from 20
organizations on — «Организации: 100 из 1000» at every tenth of them; a school's build prints nothing. Only the process that made the reporter writes: a district's
worker processes never print (a forked copy of the reporter stays silent).
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

STAGE_NAMES = {
    "load": "чтение данных",
    "validate": "проверка данных",
    "render": "страницы",
    "mkdocs": "сборка MkDocs",
    "checks": "проверка готового сайта",
    "write": "запись site/",
}
"""The stages of :mod:`generator.timings`, as the editor reads them."""

LOG_COUNTS_FROM = 20  # off a terminal, districts of this many organizations or more log their count
CLEAR = "\r\x1b[K"  # back to the start of the line, erase it


class Progress:
    """Stages and the count of organizations, to ``stream``; see the module's description.

    ``live``: rewrite one line in place (a terminal); otherwise, with ``lines``, print a line per new stage.
    """

    def __init__(self, stream: TextIO | None = None, *, live: bool = False, lines: bool = False) -> None:
        self.stream = stream
        self.live = live and stream is not None
        self.lines = lines and stream is not None and not self.live
        self._pid = os.getpid()
        self._stage = ""
        self._seen: set[str] = set()
        self._count: tuple[int, int] | None = None
        self._shown = False

    @classmethod
    def for_build(cls, district: bool, stream: TextIO | None = None) -> Progress:
        """The reporter of ``nastavnik build``: live on a terminal; a line per stage off one, for a district only."""
        stream = stream if stream is not None else sys.stderr
        try:
            tty = stream.isatty()
        except (AttributeError, ValueError):  # a closed or unusual stream
            tty = False
        return cls(stream, live=tty, lines=district and not tty)

    @property
    def _quiet(self) -> bool:
        return self.stream is None or not (self.live or self.lines) or os.getpid() != self._pid

    def stage(self, name: str) -> None:
        """A stage starts (a name of :data:`STAGE_NAMES`, or any Russian text)."""
        if self._quiet:
            return
        label = STAGE_NAMES.get(name, name)
        if self.live:
            self._stage = label
            self._draw()
        elif label not in self._seen:
            self._seen.add(label)
            self._write(f"Этап: {label}\n")

    def count(self, done: int, total: int) -> None:
        """``done`` organizations of ``total`` are checked and built (off a terminal: every tenth, for large districts)."""
        if self._quiet:
            return
        if not self.live:  # a large district's log gets a line at every tenth of the organizations
            step = -(-total // 10)
            if total >= LOG_COUNTS_FROM and done and (done % step == 0 or done == total):
                self._write(f"Организации: {done} из {total}\n")
            return
        self._count = (done, total)
        self._draw()

    def done(self) -> None:
        """The build is over, whatever its outcome: clear the line (on a terminal)."""
        if not self._quiet and self.live and self._shown:
            self._write(CLEAR)
            self._shown = False

    def _draw(self) -> None:
        text = self._stage
        if self._count is not None:
            done, total = self._count
            text = f"{text} — организации: {done} из {total}" if text else f"организации: {done} из {total}"
        self._write(f"{CLEAR}{text}")
        self._shown = True

    def _write(self, text: str) -> None:
        assert self.stream is not None
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed terminal must not fail the build
            pass


SILENT = Progress()
"""Says nothing: the default of every build function (tests, the benchmark, library use)."""
