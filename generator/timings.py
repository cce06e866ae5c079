"""Seconds per stage and peak memory of a build (``nastavnik build --timings FILE``).

The stages are ``load``, ``validate`` (models, cross-record rules and the Portal), ``render``
(Jinja2 → Markdown), ``mkdocs``, ``checks`` (post-build checks) and ``write`` (merging and the
atomic swap). When organizations are built in parallel processes, a stage's seconds are the sum
over every process — the work done, not the wall clock (that is ``total``).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field

STAGES = ("load", "validate", "render", "mkdocs", "checks", "write")
PAUSE_ENV = "NASTAVNIK_TEST_PAUSE"  # tests only: «stage:seconds» waits before that stage (to kill a build midway)


@dataclass
class Timings:
    """Seconds per stage, added up when a stage runs more than once."""

    stages: dict[str, float] = field(default_factory=dict)
    listener: Callable[[str], None] | None = field(default=None, compare=False, repr=False)
    """Told the name of every stage as it starts (the progress on a terminal, :mod:`generator.progress`)."""

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.listener is not None:
            self.listener(name)
        _test_pause(name)
        start = time.perf_counter()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - start)

    def add(self, name: str, seconds: float) -> None:
        self.stages[name] = self.stages.get(name, 0.0) + seconds

    def merge(self, other: Mapping[str, float]) -> None:
        for name, seconds in other.items():
            self.add(name, seconds)


def _test_pause(stage: str) -> None:
    pause = os.environ.get(PAUSE_ENV, "")
    if pause.partition(":")[0] == stage:
        time.sleep(float(pause.partition(":")[2] or 0))


def peak_rss_mb() -> float:
    """The largest resident set of this process or of any finished child process (parallel builds), in MB;
    0 where the system does not tell (Windows)."""
    try:
        import resource
    except ImportError:
        return 0.0
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    unit = 1024 * 1024 if sys.platform == "darwin" else 1024  # macOS reports bytes, Linux kilobytes
    return max(own, children) / unit


def timings_json(
    stages: Mapping[str, float], total: float, pages: int, records: int, peak_mb: float, **extra: object
) -> dict[str, object]:
    """The ``--timings`` document: every stage (0 when it did not run), then the totals."""
    doc: dict[str, object] = {name: round(stages.get(name, 0.0), 4) for name in STAGES}
    doc.update(
        total=round(total, 4),
        pages=pages,
        records=records,
        peak_rss_mb=round(peak_mb, 1),
    )
    doc.update(extra)
    return doc
