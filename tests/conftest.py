"""Shared helpers: fixture portals copied into a temp folder, the CLI run as a real subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-11-22"  # every test build is pinned to this date


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300) -> Result:
    """``python -m generator ARGS`` in ``cwd``, as a user would run it."""
    full_env = {**os.environ, "NASTAVNIK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def copy_portal(name: str, dest: Path) -> Path:
    """A fresh copy of ``tests/fixtures/<name>`` (or of the demo portal for ``demo``)."""
    target = dest / name
    if name == "demo":
        target.mkdir(parents=True)
        for part in ("data", "content", "theme"):
            shutil.copytree(ROOT / part, target / part)
        shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    else:
        shutil.copytree(FIXTURES / name, target, ignore=shutil.ignore_patterns("site"))
    return target


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A copy of the minimal fixture portal, free to be changed by the test."""
    return copy_portal("minimal", tmp_path)


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NASTAVNIK_TODAY", TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
