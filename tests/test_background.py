"""generator.background: work on a second core gives what the same work gives here, errors included."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest

from generator import background
from generator.background import Background


@pytest.fixture
def forking() -> None:
    if not background.can_fork():
        pytest.skip("нужен Linux с двумя ядрами, и в процессе тестов не должно быть других потоков")


def _pid_and(value: int) -> tuple[int, int]:
    return os.getpid(), value * 2


class Refused(Exception):
    pass


def _refuse(message: str) -> None:
    raise Refused(message)


def test_the_work_runs_in_a_child_and_its_result_comes_back(forking: None) -> None:
    job = Background(_pid_and, 21)
    assert job.forked
    pid, value = job.result()
    assert value == 42
    assert pid != os.getpid()


def test_an_error_in_the_child_is_raised_here_as_without_a_child(forking: None) -> None:
    job = Background(_refuse, "нет согласия")
    assert job.forked
    with pytest.raises(Refused, match="нет согласия"):
        job.result()


def test_with_another_thread_running_the_work_runs_here() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        job = Background(_pid_and, 1)
        assert not job.forked
        assert job.result() == (os.getpid(), 2)
    finally:
        stop.set()
        thread.join()


def test_one_core_runs_the_work_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "available_cores", lambda: 1)
    job = Background(_pid_and, 3)
    assert not job.forked
    assert job.result() == (os.getpid(), 6)


def test_close_stops_and_reaps_the_child(forking: None) -> None:
    job = Background(_sleep_long)
    pid = job._pid
    assert pid is not None
    job.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie left behind


def _sleep_long() -> None:
    import time

    time.sleep(60)


def test_output_written_before_the_fork_is_printed_once(forking: None) -> None:
    """A child must not flush a copy of the parent's buffered stdout (a summary printed twice)."""
    script = textwrap.dedent(
        """
        import sys
        from generator.background import Background
        sys.stdout.write("Сборка началась")  # buffered: stdout is a pipe
        job = Background(sum, [1, 2])
        print(" —", job.result())
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.count("Сборка началась") == 1
    assert out.strip() == "Сборка началась — 3"
