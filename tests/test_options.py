"""``nastavnik build``'s options are one frozen object, made once by the CLI and read by every build function."""

from __future__ import annotations

import dataclasses
import datetime as dt
import pickle
import shutil
from pathlib import Path

import pytest

from generator.cli import build as build_cmd
from generator.cli.main import parser
from generator.options import DEFAULTS, BuildOptions
from generator.pipeline import build as pipeline_build
from generator.pipeline import sections
from generator.progress import Progress
from generator.project import Project

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2027, 3, 4)


class Stop(Exception):
    """Ends a build where the test has seen what it wanted."""


def test_the_options_of_the_command_line():
    args = parser().parse_args(
        ["build", "--strict", "--org", "shkola-3", "--jobs", "3", "--timings", "t.json", "--prebuilt", "shards"]
    )
    options = BuildOptions.from_args(args)
    assert options == BuildOptions(True, "shkola-3", 3, Path("shards"), Path("t.json"), None)
    assert BuildOptions.from_args(parser().parse_args(["build"])) == DEFAULTS == BuildOptions()
    with pytest.raises(dataclasses.FrozenInstanceError):
        options.strict = False  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(options)) == options  # sent to the district's workers as it is


def test_the_cli_hands_its_options_and_a_reporter_to_the_build(minimal, monkeypatch):
    seen = []

    def fake_build(project, options, progress):
        seen.append((project.root, options, progress))
        raise Stop

    monkeypatch.setattr(pipeline_build, "build", fake_build)  # imported by the verb when it runs
    monkeypatch.chdir(minimal)
    with pytest.raises(Stop):
        build_cmd.run(parser().parse_args(["build", "--strict", "--timings", "out/t.json"]))
    ((root, options, progress),) = seen
    assert root == minimal.resolve()
    assert options == BuildOptions(strict=True, timings=Path("out/t.json"))
    assert isinstance(progress, Progress) and not progress.lines  # a school's build is quiet off a terminal


def test_a_school_build_reads_strict_and_the_date_from_the_options(minimal, monkeypatch):
    seen = []

    def fake_check(project, today, timings):
        seen.append(today)
        raise Stop

    monkeypatch.setattr(sections, "check", fake_check)
    with pytest.raises(Stop):
        pipeline_build.build(Project(minimal), BuildOptions(strict=True, today=DAY))
    assert seen == [DAY]


def test_a_district_build_gives_every_organization_the_same_options(tmp_path, monkeypatch):
    root = tmp_path / "district"
    shutil.copytree(ROOT / "examples" / "district", root, ignore=shutil.ignore_patterns("site", ".site-build-*"))
    seen = []

    def fake_jobs(tasks, jobs, progress, meanwhile=None, summarised=None):
        seen.append((list(tasks), jobs))
        raise Stop

    monkeypatch.setattr(pipeline_build, "run_sections", fake_jobs)
    options = BuildOptions(strict=True, jobs=3)
    with pytest.raises(Stop):
        pipeline_build.build(Project(root), options)
    ((tasks, jobs),) = seen
    assert jobs == 3
    assert [t.org for t in tasks] == Project(root).organizations()
    assert {t.options for t in tasks} == {dataclasses.replace(options, today=tasks[0].options.today)}
    assert tasks[0].options.today is not None  # settled once, so every worker builds for the same date
    assert pickle.loads(pickle.dumps(tasks[0])) == tasks[0]


def test_one_organization_is_built_from_options_org(tmp_path, monkeypatch):
    root = tmp_path / "district"
    shutil.copytree(ROOT / "examples" / "district", root, ignore=shutil.ignore_patterns("site", ".site-build-*"))
    org = Project(root).organizations()[0]
    seen = []

    def fake_job(task):
        seen.append(task)
        raise Stop

    monkeypatch.setattr(pipeline_build, "build_section", fake_job)
    with pytest.raises(Stop):
        pipeline_build.build(Project(root), BuildOptions(org=org, today=DAY))
    ((task,),) = [seen]
    assert (task.org, task.options.today, task.options.strict) == (org, DAY, False)
