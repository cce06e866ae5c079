"""Staging and the atomic swap: a build is made beside ``site/`` and replaces it only when all went well.

:func:`staged` is the one piece of code every build goes through (a school, a district, one
organization): it takes the portal's lock, clears what a killed build left and gives a fresh folder
beside the target; :meth:`Staging.publish` swaps it in once everything built there passed its checks.
Whatever happens, the folder is removed when the block ends. The swap is one
``renameat2(RENAME_EXCHANGE)`` on Linux, so ``site/`` is always either the previous build or the new
one, never a mix — also when the process is killed midway.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.project import CACHE, Project, private_cache

STAGING_PREFIX = ".site-build-"


@dataclass
class Staging:
    """A build's folder beside its ``target`` (``site/``, or ``site/<org>/`` for one organization)."""

    project: Project
    path: Path
    target: Path

    def scratch(self) -> Path:
        """One more folder beside it (a district's sections before they are merged), removed with it."""
        folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.project.root))
        self._scratch.append(folder)
        return folder

    def publish(self) -> None:
        """Swap the built tree into place: the target is the previous build or this one, never a mix."""
        self.target.parent.mkdir(parents=True, exist_ok=True)
        swap_into(self.path, self.target)

    def __post_init__(self) -> None:
        self._scratch: list[Path] = []


@contextmanager
def staged(project: Project, target: Path) -> Iterator[Staging]:
    """A fresh folder to build ``target`` in, under the portal's lock; removed (with its scratch) in any case."""
    with exclusive(project):
        remove_stale_staging(project)
        staging = Staging(project, Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=project.root)), target)
        try:
            yield staging
        finally:
            for folder in (staging.path, *staging._scratch):
                _discard(project, folder)
    _empty_trash(project)  # after the lock is released: the remover must not hold it


TRASH = "trash"  # .cache/trash/: trees of a build's leftovers (the previous site/), removed in the background


def _discard(project: Project, folder: Path) -> None:
    """Out of the way at once: moved into the private trash (removed by :func:`_empty_trash`), or removed here
    where there is none or no process can be forked (a large previous site/ takes seconds to remove)."""
    trash = private_cache(project.root, TRASH) if _can_fork() else None
    if trash is not None:
        try:
            os.rename(folder, Path(tempfile.mkdtemp(dir=trash)) / "tree")
            return
        except OSError:
            pass
    shutil.rmtree(folder, ignore_errors=True)


def _empty_trash(project: Project) -> None:
    """Remove the trash in a detached grandchild process: the build ends without waiting for it.

    The remover lets go of every file the build had open — its standard output and error first: whoever reads
    them (``nastavnik build | tee``, CI's log, a test) waits until the last holder closes them, and would
    otherwise wait for the previous site/ to be removed."""
    trash = project.root / CACHE / TRASH
    if not _can_fork() or not trash.is_dir() or not any(trash.iterdir()):
        return
    sys.stdout.flush()
    sys.stderr.flush()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's work is seen by its result, not by coverage
        try:
            if os.fork() == 0:
                _detach()
                for entry in trash.iterdir():
                    shutil.rmtree(entry, ignore_errors=True)
        finally:
            os._exit(0)
    os.waitpid(child, 0)


def _detach() -> None:
    """Standard input, output and error on /dev/null, every other inherited descriptor closed, a session of its own
    (a terminal's Ctrl+C for the next command does not reach it)."""
    os.setsid()
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.closerange(3, os.sysconf("SC_OPEN_MAX") if hasattr(os, "sysconf") else 1024)


def _can_fork() -> bool:
    return hasattr(os, "fork") and sys.platform != "darwin"


@contextmanager
def exclusive(project: Project) -> Iterator[None]:
    """One build at a time per portal: a second one waits (it would otherwise delete the first one's staging).

    The lock is the kernel's (``flock`` on the portal's folder; on Windows a locked byte of a file in the
    staging area): it is released when the process ends, however it ends, so a killed build never
    leaves a stale lock behind.
    """
    try:
        import fcntl
    except ImportError:  # Windows
        with _windows_lock(project.root / f"{STAGING_PREFIX}lock"):
            yield
        return
    fd = os.open(project.root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


@contextmanager
def _windows_lock(path: Path) -> Iterator[None]:
    import msvcrt  # type: ignore[import-not-found,unused-ignore]

    with open(path, "a+b") as handle:
        while True:
            try:
                msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined,unused-ignore]
                break
            except OSError:  # LK_LOCK gives up after ten seconds: keep waiting, as flock does
                continue
        try:
            yield
        finally:
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]


def remove_stale_staging(project: Project) -> None:
    """Folders left by a build that was killed: they were never published."""
    for stale in project.root.glob(STAGING_PREFIX + "*"):
        if stale.is_dir():  # the lock file of Windows stays
            shutil.rmtree(stale, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def swap_into(new: Path, target: Path) -> None:
    """Make ``new`` become ``target`` atomically; the old ``target`` ends up at ``new`` (to be removed)."""
    if not target.exists():
        os.rename(new, target)
        new.mkdir()
        return
    if _exchange(new, target):
        return
    # Fallback where renameat2 is missing: two renames (a window of microseconds without site/).
    old = new.with_name(new.name + "-old")
    os.rename(target, old)
    os.rename(new, target)
    os.rename(old, new)


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return result == 0
