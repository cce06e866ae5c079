"""``nastavnik build --timings FILE``: seconds per stage, pages, records, peak memory (children included)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from conftest import run_cli
from generator.timings import STAGES, Timings, timings_json


def test_stages_add_up():
    timings = Timings()
    with timings.stage("load"):
        time.sleep(0.01)
    with timings.stage("load"):
        time.sleep(0.01)
    timings.merge({"mkdocs": 1.5, "load": 0.5})
    assert timings.stages["load"] >= 0.52
    assert timings.stages["mkdocs"] == 1.5


def test_the_document_has_every_stage():
    doc = timings_json({"load": 0.123456, "mkdocs": 2}, 3.0, pages=10, records=7, peak_mb=55.56)
    assert list(doc)[: len(STAGES)] == ["load", "validate", "render", "mkdocs", "checks", "write"]
    assert doc["load"] == 0.1235 and doc["validate"] == 0 and doc["total"] == 3.0
    assert (doc["pages"], doc["records"], doc["peak_rss_mb"]) == (10, 7, 55.6)


def test_peak_memory_includes_finished_children():
    # Linux carries a process's peak across fork and exec, so a probe inherits pytest's own peak: the child
    # allocates 300 MB more than that, and only a count that includes children can see it.
    probe = (
        "import subprocess, sys\n"
        "from generator.timings import peak_rss_mb\n"
        "before = peak_rss_mb()\n"
        "size = int(before + 300) * 1024 * 1024\n"
        "grow = f'b = bytearray({size}); b[::4096] = bytes(len(b[::4096]))'\n"
        "subprocess.run([sys.executable, '-c', grow], check=True)\n"
        "print(before, peak_rss_mb())\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    before, after = map(float, out.split())
    assert after >= before + 300


@pytest.mark.slow
def test_a_school_build_writes_its_timings(minimal):
    result = run_cli("build", "--timings", "out/timings.json", cwd=minimal)  # the folder is created
    assert result.code == 0, result.text
    timings = json.loads((minimal / "out/timings.json").read_text("utf-8"))
    for stage in STAGES:
        assert isinstance(timings[stage], float | int) and timings[stage] >= 0, stage
    assert timings["mkdocs"] > 0 and timings["load"] > 0 and timings["validate"] > 0 and timings["checks"] > 0
    assert timings["pages"] == sum(1 for _ in (minimal / "site").rglob("*.html"))
    assert timings["records"] == 8  # program, roadmap, 3 mentors, practice, document, news post
    assert timings["total"] >= timings["mkdocs"]
    assert 20 < timings["peak_rss_mb"] < 2000
