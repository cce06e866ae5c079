"""Checks on the built site, before it replaces ``site/``: what must never be published.

:class:`SiteCheck` runs three of them over the staged site and returns every finding:

* **names** (:mod:`generator.checks.names`) — no name of a person without consent, and no surname of
  a minor, in any form, in any file: pages (text and attributes: alt texts, Open Graph tags), the
  search index, the sitemap (also gzipped), feeds, calendars, CSV/TXT/Markdown, PDF (text layer),
  office files, ZIP archives and file names; a file that cannot be read to the end fails the build,
  a PDF without a text layer is a warning;
* **executable content** in HTML, SVG, XML and feeds (:mod:`generator.checks.scan`);
* **spreadsheet formulas** in the generated CSV/XLSX (a cell starting with ``= + - @`` runs in Excel).

HTML pages are checked as MkDocs writes them, in a child process (:class:`PageChecks`); the pass
over the staged site then reads only the rest and any page whose file changed since.

A finding fails the build; the previous ``site/`` stays as it was. Messages name the file of
the person (``data/mentors/ivanova-mp.yaml``), never the name itself: build logs may be public.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from generator.checks.scan_rules import Embeds
from generator.checks.spreadsheets import check_spreadsheets
from generator.checks.trusted import OWN_TEMPLATE_DIRS, Trusted, trusted
from generator.errors import Problem, Severity
from generator.filetypes import MAX_READ, site_files
from generator.models import Curator, Mentor
from generator.parallel import Stream
from generator.rules.people import NamePolicy, name_policy

if TYPE_CHECKING:
    from generator.checks.scan import Scan

# The name search and the WHATWG scan (:mod:`.names`, :mod:`.scan`: selectolax, lxml) are imported where they run:
# in the child that checks the pages (:class:`PageChecks`), which has time for it before MkDocs writes the first
# page — the build itself, which only hands the pages over, does without them.


@dataclass(frozen=True)
class SiteCheck:
    """Everything the post-build checks need, gathered before MkDocs runs.

    ``scan`` (executable content, spreadsheet formulas) reads one tree built from one ``content/``;
    ``names`` reads any tree with the policy of everyone given. A school runs both over its site; a
    district scans each organization's section where it is built and searches names once over the
    merged site, with everyone's names (see :mod:`generator.pipeline.build`).
    """

    names: NamePolicy
    trusted: Trusted
    embeds: Embeds
    content_dir: Path
    base_path: str = "/"
    skip: frozenset[str] = frozenset()  # site paths copied unchanged from third-party packages (Decap CMS)
    section: str = ""  # the district's organization this tree is the section of; "" for a school or the district

    @classmethod
    def of(
        cls,
        content_dir: Path,
        people: Iterable[tuple[str, Mentor | Curator]],
        theme_dirs: Iterable[str],
        embed_hosts: Sequence[str],
        site_url: str | None = None,
        skip: Iterable[str] = (),
        policy: NamePolicy | None = None,
        section: str = "",
    ) -> SiteCheck:
        """``policy``, when given, stands for ``people``'s (a district's: everyone's, computed once)."""
        base_path = urlsplit(site_url or "/").path or "/"
        return cls(
            policy or name_policy(people),
            trusted((*theme_dirs, *OWN_TEMPLATE_DIRS)),
            Embeds(tuple(embed_hosts)),
            content_dir,
            base_path if base_path.endswith("/") else base_path + "/",
            frozenset(skip),
            section,
        )

    def run(
        self, site: Path, exclude: Iterable[str] = (), early: Mapping[str, EarlyPage] | None = None
    ) -> list[Problem]:
        """Every check over ``site``, leaving out its top-level folders ``exclude`` (checked where built).

        ``early`` holds pages checked as MkDocs wrote them (:class:`PageChecks`): a page whose file
        is still byte for byte what was checked is not read again (its path still is).
        """
        exclude = tuple(exclude)
        known = {rel: page for rel, page in (early or {}).items() if _unchanged(site / rel, page.digest)}
        files = site_files(site)  # one walk of the tree for both
        scanned = self.scan(site, exclude, frozenset(known), files)
        found_names = self.search_names(site, exclude, frozenset(known), files)
        found_names += [p for page in known.values() for p in page.names]
        found_scan = scanned + [p for page in known.values() for p in page.scan]
        by_file = lambda problem: problem.file  # noqa: E731 - stable: a file's findings keep their order
        return sorted(dict.fromkeys(found_names), key=by_file) + sorted(found_scan, key=by_file)

    def search_names(
        self,
        site: Path,
        exclude: Iterable[str] = (),
        known: frozenset[str] = frozenset(),
        files: Sequence[Path] | None = None,
    ) -> list[Problem]:
        from generator.checks.names import check_names

        return check_names(
            site, self.names, self.content_dir, self.skip, frozenset(exclude), known, self.section, files
        )

    def scan(
        self,
        site: Path,
        exclude: Iterable[str] = (),
        known: frozenset[str] = frozenset(),
        files: Sequence[Path] | None = None,
    ) -> list[Problem]:
        """Scripts, handlers, forms and formulas in ``site``, leaving out its top-level folders ``exclude``
        and the pages ``known`` (scanned as MkDocs wrote them); ``files``: the tree's files, if walked already."""
        folders = frozenset(exclude)
        files = files if files is not None else site_files(site)
        problems = self._scanner(site, folders).run(known, files)
        return problems + check_spreadsheets(site, self.content_dir, folders, files)

    def page(self, site: Path, rel: str, raw: bytes) -> EarlyPage:
        """The checks of one HTML page of ``site`` before it is written: ``raw`` is what will be in the file."""
        from generator.checks.names import names_in

        return EarlyPage(
            _digest(raw),
            tuple(names_in(self.names, rel, raw[:MAX_READ].decode("utf-8", errors="replace"), self.section)),
            tuple(self._scanner(site, frozenset()).page(rel, raw)),
        )

    def _scanner(self, site: Path, exclude: frozenset[str]) -> Scan:
        from generator.checks.scan import Scan

        return Scan(site, self.trusted, self.embeds, self.content_dir, self.base_path, self.skip, exclude)


def failing(findings: Iterable[Problem]) -> bool:
    """Whether any of the post-build findings is an error (a warning — a PDF without text — does not stop a build)."""
    return any(f.severity is Severity.ERROR for f in findings)


@dataclass(frozen=True)
class EarlyPage:
    """What the checks found in a page as MkDocs wrote it; ``digest`` proves the file is still that page."""

    digest: bytes
    names: tuple[Problem, ...]
    scan: tuple[Problem, ...]


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=16).digest()


def _unchanged(path: Path, digest: bytes) -> bool:
    try:
        return path.is_file() and _digest(path.read_bytes()) == digest
    except OSError:
        return False


class PageChecks:
    """The checks of HTML pages as MkDocs writes them, in a child process on a second core.

    MkDocs writes pages one after another on one core; :meth:`page` hands each one to a forked
    child (:class:`generator.parallel.Stream`) that checks it meanwhile. Then either :meth:`results`
    feeds :meth:`SiteCheck.run` here, which reads again only what changed or was never sent; or, once
    the tree is complete, :meth:`check_site` has the child run :meth:`SiteCheck.run` itself while this
    process goes on, and :meth:`site_findings` collects what it found. Without a second core there are
    no results, and the caller checks every page itself.
    """

    def __init__(self, site_check: SiteCheck, site: Path) -> None:
        self._stream: Stream[_Checked] = Stream(partial(_check_pages, site_check, site))
        self._checked: _Checked | None = None

    def page(self, rel: str, raw: bytes) -> None:
        self._stream.send((rel, raw))

    def check_site(self) -> None:
        """No more pages: the tree is complete, and the child checks all of it (the pages sent are not read again
        when their files are still what was sent)."""
        self._stream.send(_WHOLE_SITE)
        self._stream.finish()

    def results(self) -> dict[str, EarlyPage]:
        """What the child found in each page sent (waits for it); empty without a child or when it failed."""
        return self._collect().early

    def site_findings(self) -> list[Problem] | None:
        """The child's findings in the whole tree (waits for it), when :meth:`check_site` asked for them;
        None without a child or when it failed: then the caller checks the tree itself."""
        return self._collect().findings

    def close(self) -> None:
        self._stream.close()

    def _collect(self) -> _Checked:
        if self._checked is None:
            self._checked = self._stream.result() or _Checked({}, None)
        return self._checked


@dataclass(frozen=True)
class _Checked:
    early: dict[str, EarlyPage]
    findings: list[Problem] | None  # the whole tree's, when asked for


_WHOLE_SITE = "whole site"
"""Sent after the last page: the tree is complete, and the child checks all of it."""


def _check_pages(site_check: SiteCheck, site: Path, items: Iterator[object]) -> _Checked:
    from generator.checks.names import search_for
    from generator.checks.names.pdf import load_reader
    from generator.checks.scan import Scan  # noqa: F401  (before the first page, too)

    search_for(site_check.names)  # here, not before the fork: the caller needs it only if this child fails
    load_reader()  # while MkDocs renders its first pages: the PDFs are read last, with the rest of the tree
    mimetypes.init()  # and so are the files whose type is guessed (the first guess reads the system's table)
    results: dict[str, EarlyPage] = {}
    whole = False
    for item in items:
        if item == _WHOLE_SITE:
            whole = True
            continue
        rel, raw = item  # type: ignore[misc]
        results[rel] = site_check.page(site, rel, raw)
    return _Checked(results, site_check.run(site, early=results) if whole else None)
