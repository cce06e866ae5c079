"""A section taken from the section cache instead of being built, and a built one kept there.

Reuse is all or nothing for a section: its key must match (:mod:`.cache_key`), its files must come out of the
cache byte for byte as recorded (:meth:`.cache.SectionCache.restore`), and then the names of the current
people are searched for in them again — consent is the whole portal's: a person withdrawn in one
organization may be named in another's pages, whose own files did not change. Anything else means a build.
"""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from generator.checks.site import SiteCheck
from generator.district.plan import in_section
from generator.errors import Problem
from generator.pipeline.cache import PORTAL, SectionCache, Staged
from generator.pipeline.cache_key import section_key
from generator.project import Project
from generator.rules.people import NamePolicy, name_policy


class Reuse:
    """The cache as one section's build sees it: made before the build, asked first, told what was built."""

    def __init__(self, cache: SectionCache, key: str, name: str, content_dir: Path) -> None:
        self.cache, self.key, self.name, self.content_dir = cache, key, name, content_dir
        self.checks: SiteCheck | None = None  # the checks of the reused section, with the current people

    @classmethod
    def of(cls, root: Path, org: str | None, environment: str | None, options: object, extra: str = "") -> Reuse | None:
        """None when the build keeps no cache (no private cache folder); ``extra``: more the section depends on."""
        if environment is None:
            return None
        cache = SectionCache.of(root)
        if cache is None:
            return None
        project = Project(root, org)
        key = section_key(environment, project, options) + extra  # type: ignore[arg-type]
        return cls(cache, key, org or PORTAL, project.content_dir)

    def reused(self, site_dir: Path, names: NamePolicy | None, org: str | None):  # -> SectionOutcome | None
        """The cached section put into ``site_dir`` and searched for ``names`` (a district's, everyone's; None:
        the section's own people, recorded with it) — or None: then ``site_dir`` is empty and it is built.

        The search's result is a function of the files (verified byte for byte) and of the people: when the
        people are those the section was last searched for, that search's result stands; any change in
        anyone's consent, in any organization, means the section's files are searched again."""
        entry = self.cache.load(self.name, self.key)
        if entry is None or not isinstance(entry.extra, tuple) or not isinstance(entry.extra[0], SiteCheck):
            return None
        started = time.perf_counter()
        if not self.cache.restore(self.name, entry, site_dir):
            return None
        restored = time.perf_counter()
        kept, searched_for = entry.extra
        site_check = replace(kept, content_dir=self.content_dir)  # the portal may have moved since
        site_check = site_check if names is None else replace(site_check, names=names)
        self.checks = site_check
        people = site_check.names.digest
        note = self.cache.read_note(self.name)
        if people == searched_for:
            found: tuple[Problem, ...] = ()  # the build's own search: its findings are the outcome's
        elif isinstance(note, tuple) and note[:2] == (self.key, people):
            found = note[2]
        else:
            found = tuple(in_section(p, org) for p in site_check.search_names(site_dir))
            self.cache.note(self.name, (self.key, people, found))
        findings = tuple(dict.fromkeys(found + tuple(entry.outcome.findings)))
        checked = time.perf_counter()
        timings = {"write": round(restored - started, 6), "checks": round(checked - restored, 6)}
        return replace(entry.outcome, findings=findings, timings=timings, reused=True)

    def stage(self, site_dir: Path) -> Staged:
        """The files built in ``site_dir`` linked into the cache while the section's checks run; :meth:`keep`
        them once it passed them, else :meth:`Staged.discard`."""
        return self.cache.stage(site_dir)

    def keep(
        self, outcome: object, site_dir: Path, site_check: SiteCheck, shared_names: bool, staged: Staged | None = None
    ) -> None:
        """Keep a section that was built and passed its checks, with the digest of the people it was searched
        for. A district's shared policy is not kept with every section (each build gives it again); a
        school's own is, for the search on reuse. ``staged``: its files already linked by :meth:`stage`."""
        kept = replace(site_check, names=name_policy(())) if shared_names else site_check
        extra = (kept, site_check.names.digest)
        staged = staged if staged is not None else self.cache.stage(site_dir)
        self.cache.commit(staged, self.name, self.key, replace(outcome, timings={}), extra)  # type: ignore[type-var]
