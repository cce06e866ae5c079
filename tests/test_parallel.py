"""generator.parallel: work on a second core gives what the same work gives here, errors included."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from generator import parallel as background
from generator.parallel import Background, Stream


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
    time.sleep(60)


def test_output_written_before_the_fork_is_printed_once(forking: None) -> None:
    """A child must not flush a copy of the parent's buffered stdout (a summary printed twice)."""
    script = textwrap.dedent(
        """
        import sys
        from generator.parallel import Background, Stream
        sys.stdout.write("Сборка началась")  # buffered: stdout is a pipe
        job = Background(sum, [1, 2])
        print(" —", job.result())
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.count("Сборка началась") == 1
    assert out.strip() == "Сборка началась — 3"


def _count(items) -> int:
    return sum(1 for _ in items)


def _fail_on_second(items) -> int:
    for number, _ in enumerate(items, start=1):
        if number == 2:
            raise Refused("сбой")
    return 0


def test_a_stream_hands_every_item_to_its_child(forking: None) -> None:
    stream = Stream(_count)
    for item in range(50):
        stream.send({"страница": item, "байты": b"x" * 100_000})  # larger than a pipe's buffer
    assert stream.result() == 50


def test_a_stream_whose_child_failed_has_no_result(forking: None) -> None:
    stream = Stream(_fail_on_second)
    for _ in range(20):
        stream.send(b"x" * 100_000)  # the child is gone after the second: sending goes on quietly
    assert stream.result() is None


def test_without_a_second_core_a_stream_has_no_result(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(background, "available_cores", lambda: 1)
    stream = Stream(_count)
    stream.send(1)
    assert stream.result() is None


def test_a_fork_while_a_stream_is_open_does_not_keep_it_waiting(forking: None) -> None:
    """A process forked meanwhile must not hold the stream's input open: the child would wait for its end."""
    stream = Stream(_count)
    stream.send(1)
    other = Background(_sleep_long)  # outlives the stream
    try:
        stream.send(2)
        started = time.monotonic()
        assert stream.result() == 2
        assert time.monotonic() - started < 30  # not until the other process ends (60 s)
    finally:
        other.close()
