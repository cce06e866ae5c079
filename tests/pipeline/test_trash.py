"""The previous site/ is removed after the build, in a detached process that holds none of the build's files."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the remover is forked on Linux")

# Empties the trash of the portal argv[1]; each tree is removed only once the file argv[2] exists.
REMOVER = """
import shutil, sys, time, types
from pathlib import Path
from generator.pipeline import staging
release = Path(sys.argv[2])
remove = shutil.rmtree
def held(path, *args, **kwargs):
    deadline = time.monotonic() + 60
    while not release.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    remove(path, *args, **kwargs)
shutil.rmtree = held
print("собрано", flush=True)
staging._empty_trash(types.SimpleNamespace(root=Path(sys.argv[1])))
print("конец")
"""


def test_whoever_reads_the_output_does_not_wait_for_the_remover(tmp_path: Path) -> None:
    tree = tmp_path / "portal" / ".cache" / "trash" / "old" / "tree"
    (tree / "news").mkdir(parents=True)
    (tree / "news" / "index.html").write_text("<p>прошлая сборка</p>", encoding="utf-8")
    release = tmp_path / "release"
    # If the remover kept the pipes open, this would wait for it, and it waits for ``release``: the timeout.
    result = subprocess.run(
        [sys.executable, "-c", REMOVER, str(tmp_path / "portal"), str(release)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["собрано", "конец"]
    assert tree.exists()  # the remover is still waiting: the output ended before it
    release.touch()
    deadline = time.monotonic() + 30
    while (tmp_path / "portal" / ".cache" / "trash" / "old").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert list((tmp_path / "portal" / ".cache" / "trash").iterdir()) == []
