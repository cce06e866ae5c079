"""The roadmap's exports are started by the pipeline before MkDocs (on a second core) and taken by the plugin;
a build that fails on the way leaves no child running."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator import parallel
from generator.engine.job import EngineJob, early_exports, section_checks
from generator.engine.mkdocs import run_engine
from generator.errors import BuildFailed
from generator.portal.check import check
from generator.project import Project
from generator.render.pages import render_pages

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def forking() -> None:
    if not parallel.can_fork():
        pytest.skip("нужен Linux с двумя ядрами, и в процессе тестов не должно быть других потоков")


def job_of(root: Path) -> EngineJob:
    project = Project(root)
    checked = check(project, TODAY)
    assert checked.portal is not None
    exports = early_exports(checked.portal)
    return EngineJob(checked.portal, render_pages(checked.portal), section_checks(project, checked.people), exports)


def test_the_exports_made_ahead_are_the_ones_published(minimal, tmp_path, forking):
    job = job_of(minimal)
    assert job.exports is not None and job.exports.forked
    run = run_engine(Project(minimal), tmp_path / "site", job, strict=False)
    assert run.findings(tmp_path / "site") == []
    assert not job.exports.forked  # collected by the plugin
    ics = (tmp_path / "site" / "roadmap.ics").read_bytes()
    assert ics.startswith(b"BEGIN:VCALENDAR") and b"https://test.example.ru/" in ics


def test_a_failed_engine_stops_the_exports_made_ahead(minimal, tmp_path, forking):
    job = job_of(minimal)
    assert job.exports is not None and job.exports.forked
    config = minimal / "mkdocs.yml"  # broken after the data were checked: MkDocs stops before the plugin runs
    config.write_text(config.read_text("utf-8").replace("  - nastavnik\n", "", 1), encoding="utf-8")
    with pytest.raises(BuildFailed, match="nastavnik"):
        run_engine(Project(minimal), tmp_path / "site", job, strict=False)
    assert not job.exports.forked  # reaped, not left running


def test_without_the_sites_address_the_engine_makes_the_exports(minimal):
    config = minimal / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("site_url: https://test.example.ru/\n", "", 1), "utf-8")
    assert job_of(minimal).exports is None
