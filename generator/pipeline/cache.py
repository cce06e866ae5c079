"""The section cache: a section built once is reused while nothing it depends on changed.

``.cache/sections/<name>/`` (the portal's private cache, :func:`generator.project.private_cache`) holds
the last successful build of each section — an organization's (``<org>``), a school's whole site or a
district's own pages (``_portal``) — as ``tree/`` (its files), ``entry.pickle`` (the key it was built
with, the outcome of its build and the digest of every file) and nothing else. A section is reused only
when its key (:mod:`.cache_key`) is the same, and its files are copied into the build (hard links where
possible) and verified byte for byte against the recorded digests on the way: a file changed, added or
missing in the cache means the section is built again. The cache may be deleted at any time; a portal
without a private cache (a folder that came with the repository, or Windows) builds without one.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.project import CACHE, private_cache

FOLDER = "sections"
ENTRY = "entry.pickle"
TREE = "tree"
NOTE = "names.pickle"  # the last search of the section's files for the names of the people of that time
PORTAL = "_portal"  # a school's whole site, or a district's own pages


@dataclass(frozen=True)
class Entry:
    key: str
    outcome: Any  # what the section's build gave (a SectionOutcome), reused with the files
    digests: dict[str, str]  # every file of the tree: path → blake2b
    extra: Any = None  # what else the section's user keeps (the checks to run again over the tree)


@dataclass
class Staged:
    """A built tree linked into the cache (:meth:`SectionCache.stage`), waiting to become an entry."""

    scratch: Path | None  # None: the cache could not be written
    digests: dict[str, str] | None = None  # None: the tree cannot be kept

    def discard(self) -> None:
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)


class SectionCache:
    """The sections of one portal kept between builds."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @classmethod
    def of(cls, root: Path) -> SectionCache | None:
        folder = private_cache(root, FOLDER)
        return cls(folder) if folder is not None else None

    def holds(self, name: str) -> bool:
        """Whether ``name`` has an entry at all, whatever its key (a quick look: :meth:`load` decides reuse)."""
        return (self.folder / _safe(name) / ENTRY).is_file()

    def load(self, name: str, key: str) -> Entry | None:
        """The entry of ``name`` when it was built with ``key`` (None: missing, stale or unreadable)."""
        try:
            with open(self.folder / _safe(name) / ENTRY, "rb") as handle:
                entry = pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None
        return entry if isinstance(entry, Entry) and entry.key == key else None

    def restore(self, name: str, entry: Entry, target: Path) -> bool:
        """Put the cached tree of ``name`` into the empty folder ``target``, verifying every file's digest.

        False (and ``target`` emptied) when anything differs from what was recorded: the section is then built."""
        tree = self.folder / _safe(name) / TREE
        try:
            # (a pipe or a device in the cache is no file of the section: it is not restored)
            found = {rel: (path, kind) for rel, (path, kind) in _entries(tree).items() if kind != _OTHER}
            if found.keys() != entry.digests.keys():
                raise LookupError
            made: set[str] = set()
            for rel, (source, kind) in sorted(found.items()):
                if kind == _LINK:
                    raise LookupError
                destination = os.path.join(target, rel)
                folder = os.path.dirname(destination)
                if folder not in made:
                    os.makedirs(folder, exist_ok=True)
                    made.add(folder)
                _link_or_copy(source, destination)
                if file_digest(destination) != entry.digests[rel]:
                    raise LookupError
        except (OSError, LookupError):
            _empty(target)
            return False
        return True

    def stage(self, tree: Path) -> Staged:
        """The files of the section built in ``tree`` linked into the cache with their digests, not yet an entry
        (the section's checks may still be running). :meth:`commit` makes it one; :meth:`Staged.discard` drops it."""
        try:
            scratch = Path(tempfile.mkdtemp(prefix=".new-", dir=self.folder))
        except OSError:  # the cache is gone (deleted during the build): nothing is kept
            return Staged(None)
        staged = Staged(scratch)
        try:
            copy = scratch / TREE
            digests = {}
            made: set[str] = set()
            for rel, (source, kind) in sorted(_entries(tree).items()):
                if kind != _FILE:
                    return staged  # MkDocs writes plain files; anything else is not kept
                destination = os.path.join(copy, rel)
                folder = os.path.dirname(destination)
                if folder not in made:
                    os.makedirs(folder, exist_ok=True)
                    made.add(folder)
                _link_or_copy(source, destination)
                digests[rel] = file_digest(destination)
            staged.digests = digests
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower
        return staged

    def commit(self, staged: Staged, name: str, key: str, outcome: Any, extra: Any = None) -> None:
        """The tree ``staged`` becomes the entry of ``name`` with ``key``, replacing the previous one at once."""
        try:
            if staged.scratch is None or staged.digests is None:
                return
            with open(staged.scratch / ENTRY, "wb") as handle:
                pickle.dump(Entry(key, outcome, staged.digests, extra), handle, protocol=pickle.HIGHEST_PROTOCOL)
            final = self.folder / _safe(name)
            old = self.folder / f".old-{_safe(name)}-{os.getpid()}"
            if final.exists():
                os.rename(final, old)
            os.rename(staged.scratch, final)
            shutil.rmtree(old, ignore_errors=True)
        except OSError:
            pass
        finally:
            staged.discard()

    def note(self, name: str, record: object) -> None:
        """Keep a small record beside the entry of ``name`` (replaced at once; lost with the entry)."""
        folder = self.folder / _safe(name)
        try:
            with tempfile.NamedTemporaryFile(dir=folder, prefix=".note-", delete=False) as handle:
                pickle.dump(record, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(handle.name, folder / NOTE)
        except OSError:
            pass

    def read_note(self, name: str) -> object:
        try:
            with open(self.folder / _safe(name) / NOTE, "rb") as handle:
                return pickle.load(handle)
        except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None

    def drop(self) -> None:
        """Forget every section (``nastavnik build --no-cache``)."""
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)

    def size(self) -> int:
        """Bytes the cache takes on disk (each file once, however many links it has)."""
        seen, total = set(), 0
        for path in self.folder.rglob("*"):
            info = path.lstat()
            if path.is_file() and (info.st_dev, info.st_ino) not in seen:
                seen.add((info.st_dev, info.st_ino))
                total += info.st_size
        return total


_FILE, _LINK, _OTHER = "file", "link", "other"


def _entries(tree: Path) -> dict[str, tuple[str, str]]:
    """Everything under ``tree`` but folders, symbolic links not followed: its path relative to ``tree`` («a/b.html»)
    → (its path, :data:`_FILE`, :data:`_LINK` or :data:`_OTHER`: a device, a pipe…). From the kinds the folder
    listing gives: a stat per file would be a third of a rebuild that takes every section from the cache.
    Nothing when ``tree`` does not exist."""
    found: dict[str, tuple[str, str]] = {}
    folders = [(os.fspath(tree), "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            listing = os.scandir(folder)
        except FileNotFoundError:
            if prefix:
                raise
            return found
        with listing as entries:
            for entry in entries:
                rel = prefix + entry.name
                if entry.is_symlink():
                    found[rel] = (entry.path, _LINK)
                elif entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, rel + "/"))
                else:
                    found[rel] = (entry.path, _FILE if entry.is_file(follow_symlinks=False) else _OTHER)
    return found


def file_digest(path: str | os.PathLike[str]) -> str:
    h = hashlib.blake2b(digest_size=20)
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def cache_folder(root: Path) -> Path:
    return root / CACHE / FOLDER


def _link_or_copy(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
    """A hard link, or a copy where links are impossible. A program writing into a published file in place
    (``mkdocs build --dirty`` over ``site/``) would change the cached one too: :meth:`SectionCache.restore`
    verifies every file's digest, so such a section is built again."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copyfile(source, destination)


def _empty(folder: Path) -> None:
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)


def _safe(name: str) -> str:
    return name.replace("/", "_").replace("\\", "_") or PORTAL
