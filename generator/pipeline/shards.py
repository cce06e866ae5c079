"""A district built on many machines: organizations grouped into shards, a shard's sections built into a folder.

``nastavnik shards --max 256`` (:func:`plan`) splits the organizations into at most that many shards (a
GitHub Actions matrix holds 256 jobs), in order of their ids, each holding about the same amount of
data and content; with each shard goes the digest of its sections' cache keys (:mod:`.cache_key`), which
the workflow gives ``actions/cache`` as the key of the shard's section cache. ``nastavnik build --orgs
ID,ID… --into DIR`` (:func:`build_shard`) builds those sections into ``DIR/<ID>/`` — from the cache where
nothing changed — and ``nastavnik build --prebuilt DIR`` assembles them with the district's own pages.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from generator.checks import names as checks_names  # (its search is imported when first used)
from generator.district.check import org_problems
from generator.district.plan import district_names
from generator.errors import Problem, Problems, UsageError
from generator.options import BuildOptions
from generator.parallel import available_cores
from generator.pipeline.cache_key import environment_digest, section_key
from generator.pipeline.outcomes import raise_for, warnings_of
from generator.pipeline.sections import SectionOutcome, SectionTask, run_sections, warm_up
from generator.pipeline.staging import staged
from generator.progress import Progress
from generator.project import ORGANIZATIONS, Project, build_date

MAX_SHARDS = 256  # the most jobs a GitHub Actions matrix may hold


def plan(project: Project, max_shards: int = MAX_SHARDS) -> list[dict[str, str]]:
    """The shards of the district: ``[{"name": "1", "orgs": "a,b", "key": "…"}, …]``, balanced by the bytes of each
    organization's data and content, contiguous in the order of ids (a shard keeps its organizations while
    their sizes change a little, so its cache stays useful)."""
    if not project.is_district:
        raise UsageError("nastavnik shards: это портал одной организации — делить на части нечего")
    orgs = project.organizations()
    if not orgs:
        return []
    weights = [_weight(project.organization(org)) for org in orgs]
    count = max(1, min(max_shards, len(orgs)))
    groups = _contiguous(orgs, weights, count)
    environment = environment_digest(project)
    options = BuildOptions().dated(build_date())
    shards = []
    for number, group in enumerate(groups, 1):
        keys = [section_key(environment, project.organization(org), options) for org in group]
        digest = hashlib.blake2b("\n".join(keys).encode(), digest_size=16).hexdigest()
        shards.append({"name": str(number), "orgs": ",".join(group), "key": digest})
    return shards


def _contiguous(orgs: Sequence[str], weights: Sequence[int], count: int) -> list[list[str]]:
    """``orgs`` cut into ``count`` runs of about equal weight (every run holds at least one)."""
    total = sum(weights) or 1
    groups: list[list[str]] = [[] for _ in range(count)]
    done = 0
    for index, (org, weight) in enumerate(zip(orgs, weights, strict=True)):
        left = len(orgs) - index
        shard = min(count - 1, int(done * count / total))
        shard = max(shard, count - left)  # leave one organization for each shard still empty
        while shard > 0 and not groups[shard - 1]:
            shard -= 1
        groups[shard].append(org)
        done += weight
    return [g for g in groups if g]


def _weight(project: Project) -> int:
    size = 0
    for folder in (project.data_dir, project.content_dir):
        for current, _, files in os.walk(folder):
            size += sum(_size(Path(current) / name) for name in files)
    return size + 1


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def build_shard(project: Project, options: BuildOptions, environment: str, progress: Progress) -> BuiltShard:
    """The sections of ``options.orgs`` into ``options.into/<ID>/``: the folder is replaced as a whole, and only
    when every section was built and passed its checks. Returns pages, records, warnings and the outcomes."""
    assert options.into is not None
    known = project.organizations()
    unknown = [org for org in options.orgs if org not in known]
    if unknown:
        raise UsageError(
            f"--orgs: таких организаций нет в data/{ORGANIZATIONS}/: {', '.join(unknown)} "
            f"(есть: {', '.join(known) or 'ни одной'})"
        )
    problems = Problems()
    for org in options.orgs:
        problems.extend(org_problems(project, only=org))
    with staged(project, options.into) as staging:
        names = district_names(project)
        if not options.cache:  # compiled once here for the forked workers; with the cache, only a
            checks_names.search_for(names)  # worker whose section is built or searched again compiles it
        warm_up()
        build = not problems.failed(options.strict)
        tasks = [
            SectionTask(project.root, org, options, staging.path / org if build else None, names, environment)
            for org in options.orgs
        ]
        progress.stage("mkdocs" if build else "validate")
        outcomes = run_sections(tasks, options.jobs or available_cores(), progress)
        problems = raise_for(outcomes, problems, options.strict)
        progress.stage("write")
        staging.publish()
    pages = sum(o.pages for o in outcomes)
    return pages, sum(o.records for o in outcomes), warnings_of(problems, outcomes), outcomes


BuiltShard = tuple[int, int, tuple[Problem, ...], list[SectionOutcome]]
