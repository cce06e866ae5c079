"""Work for a second core: a function run in a forked process while this one goes on.

A school's build has pieces of work that do not need each other: the roadmap's exports
(icalendar, openpyxl) beside MkDocs' pages, and the name search beside the script scan of the
built site. With more than one core, :class:`Background` runs such a function in a forked child
that inherits everything it needs (nothing is pickled on the way in; only the result comes back).

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
from collections.abc import Callable
from typing import Generic, TypeVar

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
        if self._pid is not None:
            payload, code = self._collect()
            if code == 0:
                try:
                    return pickle.loads(payload)  # our own child's bytes, through a private pipe
                except Exception:  # fall through and compute it here
                    pass
        return self._fn(*self._args)

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
