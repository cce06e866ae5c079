"""Shared helpers: fixture portals copied into a temp folder, the CLI run as a real subprocess."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
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
    return run_module("generator", *args, cwd=cwd, env=env, timeout=timeout)


@contextmanager
def written(path: Path, text: str) -> Iterator[Path]:
    """``path`` holding ``text`` for the block, removed after it: a portal shared by tests stays as it was."""
    path.write_text(text, encoding="utf-8")
    try:
        yield path
    finally:
        path.unlink()


def mkdocs_build(cwd: Path, site_dir: Path) -> Result:
    """Plain ``mkdocs build`` in ``cwd`` (our plugin registered in its mkdocs.yml) into ``site_dir``."""
    return run_module("mkdocs", "build", "-q", "-d", str(site_dir), cwd=cwd)


def run_module(module: str, *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300) -> Result:
    """``python -m MODULE ARGS`` in ``cwd`` with the build date pinned."""
    full_env = {**os.environ, "NASTAVNIK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by its SHA-256: two digests are equal when not a byte changed."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


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


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's demo portal, built once for the session: read it, never change it (copy it instead)."""
    root = copy_portal("demo", tmp_path_factory.mktemp("built-demo"))
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    return root


@pytest.fixture(scope="session")
def built_minimal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The minimal fixture portal, built once for the session: tests that change it put it back as it was
    (see :func:`written`); a test that needs to keep changes copies it."""
    root = copy_portal("minimal", tmp_path_factory.mktemp("built-minimal"))
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.text
    assert result.out.strip().splitlines()[-1].startswith("Сайт собран в site/:")
    return root


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A copy of the minimal fixture portal, free to be changed by the test."""
    return copy_portal("minimal", tmp_path)


@pytest.fixture(autouse=True)
def _pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NASTAVNIK_TODAY", TODAY)
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
