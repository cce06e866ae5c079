"""How ``nastavnik`` ends: at once after the exit handlers, with its output written and its exit code kept."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import atexit, sys, threading, time
    from pathlib import Path
    from generator.cli.main import run

    marks = Path(sys.argv[1])

    def mark(name):
        with open(marks, "a", encoding="utf-8") as out:
            out.write(name + "\\n")

    atexit.register(mark, "handler")
    if sys.argv[2] == "thread":
        def late():
            time.sleep(3)
            mark("thread")
        threading.Thread(target=late).start()
    sys.argv = ["nastavnik", *sys.argv[3:]]
    run()
    """
)


def _run(portal: Path, marks: Path, thread: bool, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, str(marks), "thread" if thread else "alone", *args],
        cwd=portal,
        env={key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"},  # a pipe is buffered
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("thread", [False, True], ids=["alone", "with a thread"])
def test_the_output_is_written_and_the_handlers_run(minimal, tmp_path, thread):
    marks = tmp_path / "marks.txt"
    proc = _run(minimal, marks, thread, "check")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.rstrip().endswith("Ошибок не найдено")  # a pipe: written from Python's buffer before the end
    assert marks.read_text(encoding="utf-8").split() == (["thread", "handler"] if thread else ["handler"])


def test_the_exit_code_and_the_message_are_kept(minimal, tmp_path):
    (minimal / "data/mentors/a.yaml").write_text("name: [", encoding="utf-8")
    marks = tmp_path / "marks.txt"
    proc = _run(minimal, marks, False, "check")
    assert proc.returncode == 1
    assert "data/mentors/a.yaml" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert marks.read_text(encoding="utf-8").split() == ["handler"]


def test_usage_errors_end_as_python_ends(minimal, tmp_path):
    """argparse's own exit (code 2) leaves through Python's usual end: the handlers run there too."""
    marks = tmp_path / "marks.txt"
    proc = _run(minimal, marks, False, "no-such-verb")
    assert proc.returncode == 2 and proc.stderr
    assert marks.read_text(encoding="utf-8").split() == ["handler"]
