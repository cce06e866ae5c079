"""What a district's build is made of, beyond its sections: the names everyone's sections are searched for,
the sections built beforehand (``--prebuilt``) and how the sections are put together into one site.

The build itself — staging, the sections in parallel, the checks and the swap — is the same for a school
and a district (:mod:`generator.pipeline.build`); this module only answers the district's questions.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from generator.checks.site import SiteCheck
from generator.errors import BuildFailed, Problem, Problems, UsageError
from generator.project import ORGANIZATIONS, Project
from generator.rules.people import NamePolicy, name_policy, people_of
from generator.rules.validate import validate_sources
from generator.sources.files import load_people

SHARD_MARKER = "index.html"  # a prebuilt section must at least have its home page


def prebuilt_sections(prebuilt: Path | None, orgs: Iterable[str]) -> dict[str, Path]:
    """Organizations whose section was built beforehand (``nastavnik build --org ID`` in a CI job)."""
    if prebuilt is None:
        return {}
    if not prebuilt.is_dir():
        raise UsageError(f"--prebuilt {prebuilt}: такой папки нет — укажите папку с разделами организаций")
    return {org: prebuilt / org for org in orgs if (prebuilt / org / SHARD_MARKER).is_file()}


def merge_sections(staging: Path, shards: Path, ready: dict[str, Path]) -> None:
    """Put every organization's section at ``staging/<org>/``: built here (moved) or prebuilt (copied)."""
    sections = {p.name: p for p in shards.iterdir() if p.is_dir()} | ready
    for org, folder in sorted(sections.items()):
        target = staging / org
        if target.exists():
            raise BuildFailed(
                f"data/{ORGANIZATIONS}/{org}: адрес /{org}/ уже занят страницей раздела района — переименуйте папку"
            )
        if folder.parent == shards:
            os.rename(folder, target)
        else:
            shutil.copytree(folder, target)


def district_names(project: Project) -> NamePolicy:
    """Everyone whose name the district's data holds, its own and every organization's.

    Read before building (only the files that name people), so that every section is searched for every
    name where it is built: a school's news may name another school's teacher.
    """
    people = []
    for folder in (project, *(project.organization(org) for org in project.organizations())):
        records = validate_sources(load_people(project.root, folder.data_dir, Problems()), Problems())
        people += people_of(records)  # problems are the organization's own check's to report
    return name_policy(people)


def prebuilt_findings(project: Project, site_check: SiteCheck, staging: Path, ready: Iterable[str]) -> list[Problem]:
    """Sections built by CI jobs are scanned again here: what is published is checked where it is merged."""
    findings: list[Problem] = []
    for org in sorted(ready):
        section = replace(
            site_check,
            content_dir=project.organization(org).content_dir,
            base_path=f"{site_check.base_path}{org}/",
            section=org,
        )
        findings += [in_section(p, org) for p in section.run(staging / org)]
    return findings


def in_section(problem: Problem, org: str | None) -> Problem:
    """A finding in an organization's staged section, named by its address in the merged site."""
    if org is None:
        return problem
    return replace(problem, file=problem.file.replace("site/", f"site/{org}/", 1))
