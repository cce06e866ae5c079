"""The installable package carries every template and theme file (an editable install would hide a gap)."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def tracked(folder: str) -> set[str]:
    out = subprocess.run(["git", "ls-files", folder], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {line for line in out.splitlines() if not line.endswith(".pyc")}


def test_wheel_holds_every_generator_and_theme_file(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("nastavnik-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = tracked("generator") | {"generator/theme/" + p.removeprefix("theme/") for p in tracked("theme")}
    assert sorted(expected - names) == []
