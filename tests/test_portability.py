"""The generator runs where POSIX-only modules are missing (Windows; macOS lacks some of Linux's calls):
with ``fcntl``, ``resource``, ``os.fork`` and ``os.register_at_fork`` hidden, ``import generator`` works and the demo
builds by the plain path — the same site, without the second core."""

from __future__ import annotations

import subprocess
import sys

from conftest import TODAY, copy_portal

HIDE_POSIX = """
import os, runpy, sys, types
import ctypes.util, multiprocessing, random, subprocess, tempfile  # the standard library, loaded as on Linux
for name in ("fcntl", "resource"):
    sys.modules[name] = None  # an import of it raises ImportError, as on Windows
calls = []
msvcrt = types.ModuleType("msvcrt")  # Windows' file locking, recorded: the build must take and release it
msvcrt.LK_LOCK, msvcrt.LK_UNLCK = 1, 0
msvcrt.locking = lambda fd, mode, size: calls.append(mode)
sys.modules["msvcrt"] = msvcrt
import atexit
atexit.register(lambda: print("locking:", calls))
del os.fork, os.register_at_fork  # the standard library checks for fork first, as on Windows
import generator.parallel, generator.pipeline.build, generator.timings, generator.pipeline.sections
assert not generator.parallel.can_fork()
assert generator.timings.peak_rss_mb() == 0.0
sys.argv = ["nastavnik", *sys.argv[1:]]
runpy.run_module("generator", run_name="__main__")
"""


def test_the_demo_builds_without_posix_only_modules(tmp_path, built_demo):
    root = copy_portal("demo", tmp_path)
    proc = subprocess.run(
        [sys.executable, "-c", HIDE_POSIX, "build"],
        cwd=root,
        env={"NASTAVNIK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    assert "locking: [1, 0]" in proc.stdout
    built = sorted(p.relative_to(root / "site").as_posix() for p in (root / "site").rglob("*.html"))
    expected = sorted(p.relative_to(built_demo / "site").as_posix() for p in (built_demo / "site").rglob("*.html"))
    assert built == expected
