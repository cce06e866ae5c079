"""The progress of a long build: live on a terminal, a line per stage in CI for a district, silent otherwise."""

from __future__ import annotations

import io
import multiprocessing
import os
import sys

import pytest

from generator.progress import CLEAR, STAGE_NAMES, Progress
from generator.timings import STAGES


def _terminal() -> tuple[int, int]:
    """A pseudo-terminal (master, slave); the tests that need one are skipped where there is none (Windows)."""
    pty = pytest.importorskip("pty")
    return pty.openpty()


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # a pseudo-terminal whose other end is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8")


def test_every_stage_of_the_build_has_a_russian_name():
    assert set(STAGES) <= set(STAGE_NAMES)
    assert STAGE_NAMES["write"] == "запись site/"


def test_on_a_terminal_the_line_is_rewritten_and_cleared_at_the_end():
    master, slave = _terminal()
    with os.fdopen(slave, "w", encoding="utf-8", closefd=True) as stream:
        progress = Progress.for_build(district=True, stream=stream)
        assert progress.live
        progress.stage("load")
        progress.stage("mkdocs")
        progress.count(12, 50)
        progress.done()
    shown = _read_all(master)
    os.close(master)
    assert shown == (f"{CLEAR}чтение данных{CLEAR}сборка MkDocs{CLEAR}сборка MkDocs — организации: 12 из 50{CLEAR}")
    assert "\n" not in shown  # nothing stays on the screen


def test_a_school_build_on_a_terminal_shows_its_stages_too():
    master, slave = _terminal()
    with os.fdopen(slave, "w", encoding="utf-8", closefd=True) as stream:
        progress = Progress.for_build(district=False, stream=stream)
        progress.stage("render")
        progress.done()
    shown = _read_all(master)
    os.close(master)
    assert shown == f"{CLEAR}страницы{CLEAR}"


def _pipe_output(district: bool) -> str:
    read, write = os.pipe()
    with os.fdopen(write, "w", encoding="utf-8") as stream:
        progress = Progress.for_build(district=district, stream=stream)
        for stage in ("load", "validate", "render", "validate", "mkdocs", "render", "checks", "write", "checks"):
            progress.stage(stage)
        progress.count(3, 4)
        progress.done()
    with os.fdopen(read, encoding="utf-8") as stream:
        return stream.read()


def test_off_a_terminal_a_district_prints_one_line_per_stage_and_no_counts():
    assert _pipe_output(district=True) == (
        "Этап: чтение данных\nЭтап: проверка данных\nЭтап: страницы\nЭтап: сборка MkDocs\n"
        "Этап: проверка готового сайта\nЭтап: запись site/\n"
    )


def test_off_a_terminal_a_school_build_prints_nothing():
    assert _pipe_output(district=False) == ""


def test_an_unusual_stream_is_not_a_terminal():
    progress = Progress.for_build(district=True, stream=io.StringIO())
    assert not progress.live and progress.lines


def _stage_in_child(progress: Progress) -> None:
    progress.stage("mkdocs")
    progress.count(1, 2)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods() or sys.platform == "darwin", reason="fork")
def test_a_forked_worker_never_prints():
    master, slave = _terminal()
    with os.fdopen(slave, "w", encoding="utf-8", closefd=True) as stream:
        progress = Progress.for_build(district=True, stream=stream)
        child = multiprocessing.get_context("fork").Process(target=_stage_in_child, args=(progress,))
        child.start()
        child.join()
        assert child.exitcode == 0
        progress.stage("write")  # the parent still does
    shown = _read_all(master)
    os.close(master)
    assert shown == f"{CLEAR}запись site/"


def test_a_school_build_in_ci_prints_no_progress(minimal):
    from conftest import run_cli

    result = run_cli("build", cwd=minimal)
    assert result.code == 0, result.text
    assert "Этап" not in result.text and "\r" not in result.text and "\x1b" not in result.text


def test_off_a_terminal_a_large_district_logs_every_tenth_of_its_organizations():
    stream = io.StringIO()
    progress = Progress(stream, lines=True)
    for done in range(0, 1001):
        progress.count(done, 1000)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "Организации: 100 из 1000" and lines[-1] == "Организации: 1000 из 1000" and len(lines) == 10
    small = io.StringIO()
    progress = Progress(small, lines=True)
    for done in range(0, 20):
        progress.count(done, 19)
    assert small.getvalue() == ""
