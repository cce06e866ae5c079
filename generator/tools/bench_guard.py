"""The name guard alone over a built school (:mod:`generator.tools.bench` reports it beside the builds)."""

from __future__ import annotations

import time
from pathlib import Path


def name_guard(root: Path, build_seconds: float) -> dict[str, float]:
    """The name guard alone over the school's built site: forms of every name, then every file read and
    searched in this one process (a build checks most pages on a second core while MkDocs writes them)."""
    from generator.checks.names import check_names, search_for
    from generator.portal.check import check
    from generator.project import Project
    from generator.rules.people import name_policy, people_of

    policy = name_policy(people_of(check(Project(root)).records))
    started = time.perf_counter()
    search_for(policy)
    check_names(root / "site", policy, root / "content")
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 3), "share": round(seconds / build_seconds, 4) if build_seconds else 0.0}
