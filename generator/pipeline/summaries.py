"""What a district's workers tell its main process before their sections are built: each organization's summary.

A worker knows an organization's summary (what the district's own pages show of it) at the start of its
section, a second before the section is built. The main process listens (:func:`listening`) while the workers
build, so that it builds the district's own pages as soon as every summary is known — not on one core after
the last section.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from typing import TYPE_CHECKING, Any

from generator.district.summary import OrgSummary
from generator.portal.views import HonorView

if TYPE_CHECKING:
    from generator.pipeline.sections import SectionOutcome

Summary = tuple[OrgSummary, tuple[HonorView, ...]]
"""What the district's own pages show of an organization: its summary and its honors."""

_CHANNEL: tuple[Connection, Any] | None = None
"""Where a forked worker tells a summary: the writing end of the pipe and its lock (set while listening)."""


def announce(outcome: SectionOutcome) -> None:
    """Tell the district this organization's summary, when a district is listening (in a forked worker)."""
    shown = outcome.shown
    if _CHANNEL is None or shown is None:
        return
    writer, lock = _CHANNEL
    try:
        with lock:
            writer.send((outcome.org, shown))
    except OSError:  # the district is gone: this worker's outcome will not be read either
        pass


@contextmanager
def listening(context: BaseContext, orgs: list[str | None]) -> Iterator[Heard]:
    """A pipe for the summaries of ``orgs``, to be inherited by the workers forked inside this block."""
    global _CHANNEL
    reader, writer = context.Pipe(duplex=False)
    _CHANNEL = (writer, context.Lock())
    try:
        yield Heard(orgs, reader)
    finally:
        _CHANNEL = None
        reader.close()
        writer.close()


class Heard:
    """The organizations' summaries as the workers tell them (or as their outcomes hold them)."""

    def __init__(self, orgs: list[str | None], reader: Connection) -> None:
        self._orgs = orgs
        self._reader = reader
        self._known: dict[str | None, Summary | None] = {}

    @property
    def complete(self) -> bool:
        return len(self._known) == len(self._orgs)

    def read(self) -> None:
        """What the workers have told so far."""
        while self._reader.poll():
            org, summary = self._reader.recv()
            self._known.setdefault(org, summary)

    def finished(self, org: str | None, future: Future[SectionOutcome]) -> None:
        """A section ended: its summary is in its outcome; none when its data failed, and none when its worker
        failed, even if it told one (the build fails: the district's pages are not worth building)."""
        if future.cancelled() or future.exception() is not None:
            self._known[org] = None
            return
        self._known.setdefault(org, future.result().shown)

    def in_order(self) -> list[Summary] | None:
        """Every summary in the order of the organizations; None when one is missing."""
        summaries = [self._known[org] for org in self._orgs]
        return None if any(summary is None for summary in summaries) else summaries  # type: ignore[return-value]
