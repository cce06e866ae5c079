"""The options of one build, as one object: made once by the command line, passed down unchanged.

``nastavnik build [--strict] [--org ID] [--jobs N] [--timings FILE] [--prebuilt DIR] [--orgs ID,… --into DIR] [--no-cache]`` becomes one
:class:`BuildOptions` (:meth:`BuildOptions.from_args`); :func:`generator.pipeline.build.build` and
:mod:`generator.pipeline.sections` read it instead of a list of positional flags. It is frozen and
picklable: a district's worker processes get it as it is.
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path


@dataclass(frozen=True)
class BuildOptions:
    strict: bool = False  # warnings fail the build (--strict)
    org: str | None = None  # build only this organization of a district (--org)
    jobs: int | None = None  # worker processes of a district's build; None: one per core (--jobs)
    prebuilt: Path | None = None  # organizations' sections built beforehand (--prebuilt)
    timings: Path | None = None  # where to write the stages' timings as JSON (--timings)
    today: dt.date | None = None  # the build date; None: today, or NASTAVNIK_TODAY
    orgs: tuple[str, ...] = ()  # build only these organizations' sections, into ``into`` (--orgs, a CI shard)
    into: Path | None = None  # where --orgs puts the sections: into/<ID>/ (--into)
    cache: bool = True  # reuse sections from .cache/sections/ (--no-cache: build every one afresh)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> BuildOptions:
        """``nastavnik build``'s options (:mod:`generator.cli.build`) as :mod:`generator.cli.main` parsed them."""
        return cls(
            strict=bool(args.strict),
            org=args.org or None,
            jobs=args.jobs,
            prebuilt=Path(args.prebuilt) if args.prebuilt else None,
            timings=Path(args.timings) if args.timings else None,
            cache=not getattr(args, "no_cache", False),
            orgs=tuple(o.strip() for o in (getattr(args, "orgs", None) or "").split(",") if o.strip()),
            into=Path(args.into) if getattr(args, "into", None) else None,
        )

    def dated(self, today: dt.date) -> BuildOptions:
        """The same options with the build date settled (once per build, so every worker agrees on it)."""
        return replace(self, today=today)


DEFAULTS = BuildOptions()
"""A build with no options given: ``nastavnik build`` alone."""
