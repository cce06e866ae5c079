"""run_sections: every organization's section in forked workers, and this process's own work meanwhile."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import shutil

from conftest import ROOT
from generator.options import BuildOptions
from generator.pipeline.sections import SectionTask, run_sections
from generator.project import Project

OPTIONS = BuildOptions(today=dt.date(2026, 11, 22))


def test_meanwhile_runs_here_once_the_workers_are_forked(tmp_path):
    """What ``meanwhile`` loads is not copied into the workers (the blog plugin's temporary folder, were it made)."""
    root = tmp_path / "district"
    shutil.copytree(ROOT / "examples" / "district", root, ignore=shutil.ignore_patterns("site", ".cache"))
    orgs = Project(root).organizations()
    workers_then: list[int] = []
    tasks = [SectionTask(root, org, OPTIONS, None) for org in orgs]  # checked only
    outcomes = run_sections(tasks, 2, meanwhile=lambda: workers_then.append(len(multiprocessing.active_children())))
    assert workers_then == [2]
    assert [outcome.org for outcome in outcomes] == orgs and all(outcome.checked for outcome in outcomes)
