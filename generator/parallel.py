"""Work for a second core: a function run in a forked process while this one goes on.

A school's build has pieces of work that do not need each other: the roadmap's exports
(icalendar, openpyxl) beside MkDocs' reading of the pages, and the checks of each page beside
MkDocs writing the next one. With more than one core, :class:`Background` runs such a function
in a forked child that inherits everything it needs (nothing is pickled on the way in; only the
result comes back); :class:`Stream` feeds a child items one at a time as they become ready.
Forking is not free (the parent's memory is copied as either process writes to it): small
work — a tenth of a second — is done faster here.

Where forking is unsafe or useless — one core, no ``fork``, other threads running (the server of
``mkdocs serve``), or already inside a worker process — the function simply runs here when its
result is asked for. If the child fails in any way, it runs here as well: its exception (a Russian
message for the editor) is raised exactly as without a child, and a child never prints anything.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import BinaryIO, Generic, TypeVar

T = TypeVar("T")


def available_cores() -> int:
    """The cores this process may run on (a container's limit, not the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """A second core, ``fork``, this thread alone, and the main process (not a worker of a pool)."""
    return (
        sys.platform.startswith("linux")
        and hasattr(os, "fork")
        and hasattr(os, "register_at_fork")
        and available_cores() > 1
        and threading.active_count() == 1
        and multiprocessing.parent_process() is None
    )


class Background(Generic[T]):
    """``fn(*args)``, started now in a forked child when :func:`can_fork`; :meth:`result` waits for it."""

    def __init__(self, fn: Callable[..., T], *args: object) -> None:
        self._fn = fn
        self._args = args
        self._pid: int | None = None
        self._reader: int | None = None
        if can_fork():
            self._start()

    @property
    def forked(self) -> bool:
        return self._pid is not None

    def _start(self) -> None:
        sys.stdout.flush()
        sys.stderr.flush()
        reader, writer = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: compute, send the pickled result, leave without running the parent's exit handlers
            code = 1
            try:
                os.close(reader)
                payload = pickle.dumps(self._fn(*self._args), protocol=pickle.HIGHEST_PROTOCOL)
                with os.fdopen(writer, "wb") as out:
                    out.write(payload)
                code = 0
            except BaseException:  # the parent runs the function again and raises the error itself
                pass
            finally:
                os._exit(code)
        os.close(writer)
        self._pid, self._reader = pid, reader

    def result(self) -> T:
        """The function's result; computed here when there is no child or the child failed."""
        done, value = self._from_child()
        return value if done else self._fn(*self._args)  # type: ignore[return-value]

    def result_or_none(self) -> T | None:
        """The child's result; ``None`` when there was no child or it failed (nothing is computed here)."""
        return self._from_child()[1]

    def _from_child(self) -> tuple[bool, T | None]:
        if self._pid is None:
            return False, None
        payload, code = self._collect()
        if code != 0:
            return False, None
        try:
            return True, pickle.loads(payload)  # our own child's bytes, through a private pipe
        except Exception:  # the caller computes it here
            return False, None

    def close(self) -> None:
        """Stop and reap a child whose result is no longer wanted (the build failed meanwhile)."""
        if self._pid is not None:
            with contextlib.suppress(ProcessLookupError):  # already gone
                os.kill(self._pid, signal.SIGKILL)
            self._collect()

    def _collect(self) -> tuple[bytes, int]:
        assert self._pid is not None and self._reader is not None
        chunks = []
        with os.fdopen(self._reader, "rb") as stream:
            while chunk := stream.read(1 << 16):
                chunks.append(chunk)
        _, status = os.waitpid(self._pid, 0)
        self._pid = self._reader = None
        return b"".join(chunks), os.waitstatus_to_exitcode(status)


class Stream(Generic[T]):
    """Items handed one at a time to ``consume`` in a forked child, which works through them as they come.

    For work that can start before everything is ready (the pages of a site, checked while MkDocs
    writes the next ones). It only saves time: without a child (see :func:`can_fork`), or when the
    child fails, :meth:`result` is ``None`` and the caller does the work itself, as it would anyway.
    """

    def __init__(self, consume: Callable[[Iterator[object]], T]) -> None:
        self._items: int | None = None
        self._result: Background[T] | None = None
        if can_fork():
            reader, writer = os.pipe()
            _widen(writer)
            self._result = Background(_consume_from, consume, reader, writer)
            os.close(reader)
            if self._result.forked:
                self._items = writer
                _WRITERS.add(writer)
            else:  # pragma: no cover - can_fork() changed in between
                os.close(writer)
                self._result = None

    def send(self, item: object) -> None:
        if self._items is None:
            return
        payload = pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _write_all(self._items, len(payload).to_bytes(8, "little") + payload)
        except OSError:  # the child is gone: its results are lost, the caller checks everything itself
            self._stop_sending()

    def finish(self) -> None:
        """No more items: the child works through those sent and finishes meanwhile (:meth:`result` collects it)."""
        self._stop_sending()

    def result(self) -> T | None:
        """What ``consume`` returned for every item sent; ``None`` without a child or when it failed."""
        if self._result is None:
            return None
        self._stop_sending()
        job, self._result = self._result, None
        return job.result_or_none()

    def close(self) -> None:
        """Stop the child: its results are no longer wanted (the build failed meanwhile)."""
        self._stop_sending()
        if self._result is not None:
            self._result.close()
            self._result = None

    def _stop_sending(self) -> None:
        if self._items is not None:
            _WRITERS.discard(self._items)
            os.close(self._items)
            self._items = None


_WRITERS: set[int] = set()
"""The parent's ends of open streams. A process forked meanwhile (by anyone) closes its copies:
a stream's child sees the end of its input only when every copy of the writing end is closed."""


def _close_inherited_writers() -> None:
    for fd in _WRITERS:
        with contextlib.suppress(OSError):
            os.close(fd)
    _WRITERS.clear()


if hasattr(os, "register_at_fork"):  # not on Windows, where nothing is forked
    os.register_at_fork(after_in_child=_close_inherited_writers)


PIPE_BYTES = 1 << 20
"""What a stream's pipe holds (Linux lets a process widen its pipes to 1 MiB): the parent hands over a page and
goes on while the child is still at an earlier one, instead of waiting whenever 64 KiB — two pages — are queued."""


def _widen(fd: int) -> None:
    with contextlib.suppress(ImportError, AttributeError, OSError):  # not Linux, or a lower limit: the default size
        import fcntl

        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)


def _consume_from(consume: Callable[[Iterator[object]], T], reader: int, writer: int) -> T:
    """In the child of a :class:`Stream`: ``consume`` the items read from ``reader`` until the parent closes it."""
    os.close(writer)  # else the child would hold its own input open and never see its end
    with os.fdopen(reader, "rb") as stream:
        return consume(_frames(stream))


def _frames(stream: BinaryIO) -> Iterator[object]:
    while header := stream.read(8):
        size = int.from_bytes(header, "little")
        payload = stream.read(size)
        if len(header) < 8 or len(payload) < size:
            raise EOFError("the parent stopped in the middle of an item")
        yield pickle.loads(payload)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
