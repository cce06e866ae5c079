"""run_sections: every organization's section in forked workers, and this process's own work meanwhile."""

from __future__ import annotations

import dataclasses
import datetime as dt
import multiprocessing
import os
import shutil
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from conftest import ROOT
from generator.options import BuildOptions
from generator.pipeline import sections
from generator.pipeline.sections import SectionOutcome, SectionTask, run_sections
from generator.pipeline.summaries import Summary
from generator.project import Project

OPTIONS = BuildOptions(today=dt.date(2026, 11, 22))


def test_meanwhile_runs_here_once_the_workers_are_forked(tmp_path):
    """What ``meanwhile`` loads is not copied into the workers (the blog plugin's temporary folder, were it made)."""
    root, orgs = _district(tmp_path)
    workers_then: list[int] = []
    tasks = [SectionTask(root, org, OPTIONS, None) for org in orgs]  # checked only
    outcomes = run_sections(tasks, 2, meanwhile=lambda: workers_then.append(len(multiprocessing.active_children())))
    assert workers_then == [2]
    assert [outcome.org for outcome in outcomes] == orgs and all(outcome.checked for outcome in outcomes)


def _district(tmp_path: Path) -> tuple[Path, list[str]]:
    root = tmp_path / "district"
    shutil.copytree(ROOT / "examples" / "district", root, ignore=shutil.ignore_patterns("site", ".cache"))
    return root, Project(root).organizations()


_REAL_BUILD = sections.build_section
_FLAG = "summarised.flag"


def _last_waits_for_the_summaries(task: SectionTask) -> SectionOutcome:
    """The real build; the last organization's (told at its start) then waits until ``summarised`` has run."""
    outcome = _REAL_BUILD(task)
    if task.org == Project(task.root).organizations()[-1]:
        flag = task.root / _FLAG
        deadline = time.monotonic() + 20
        while not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        outcome = dataclasses.replace(outcome, notes=(f"summarised before the end: {flag.exists()}",))
    return outcome


def test_summarised_hears_every_summary_while_a_section_still_runs(tmp_path, monkeypatch):
    """The district's own pages need only the summaries: the workers tell each one at the start of its section."""
    root, orgs = _district(tmp_path)
    monkeypatch.setattr(sections, "build_section", _last_waits_for_the_summaries)  # (the forked workers' too)
    heard: list[list[Summary]] = []

    def summarised(summaries: list[Summary]) -> None:
        heard.append(summaries)
        (root / _FLAG).touch()

    tasks = [SectionTask(root, org, OPTIONS, None) for org in orgs]
    outcomes = run_sections(tasks, 2, summarised=summarised)
    assert outcomes[-1].notes == ("summarised before the end: True",)
    assert heard == [[(outcome.summary, outcome.honors) for outcome in outcomes]]
    assert [summary.id for summary, _ in heard[0]] == orgs


def test_no_summaries_when_an_organizations_data_fails(tmp_path):
    root, orgs = _district(tmp_path)
    mentor = next((root / "data" / "organizations" / orgs[1] / "mentors").glob("*.yaml"))
    mentor.write_text("name: [\n", encoding="utf-8")
    heard: list[list[Summary]] = []
    tasks = [SectionTask(root, org, OPTIONS, None) for org in orgs]
    outcomes = run_sections(tasks, 2, summarised=heard.append)
    assert heard == []
    assert [outcome.checked for outcome in outcomes] == [org != orgs[1] for org in orgs]


def _dies_in_the_second(task: SectionTask) -> SectionOutcome:
    outcome = _REAL_BUILD(task)  # (its summary told)
    if task.org == Project(task.root).organizations()[1]:
        os._exit(3)
    return outcome


def test_a_worker_that_dies_ends_the_wait_for_summaries(tmp_path, monkeypatch):
    root, orgs = _district(tmp_path)
    monkeypatch.setattr(sections, "build_section", _dies_in_the_second)
    heard: list[list[Summary]] = []
    tasks = [SectionTask(root, org, OPTIONS, None) for org in orgs]
    with pytest.raises(BrokenProcessPool):
        run_sections(tasks, 2, summarised=heard.append)
    assert heard == []


def test_one_process_leaves_the_summaries_to_the_outcomes(tmp_path):
    root, orgs = _district(tmp_path)
    heard: list[list[Summary]] = []
    outcomes = run_sections([SectionTask(root, org, OPTIONS, None) for org in orgs], 1, summarised=heard.append)
    assert heard == [] and all(outcome.summary is not None for outcome in outcomes)
