"""``make bench``'s rebuilds: a portal built cold, again with nothing changed, and after one organization's
data changed — each a child process, measured by wall clock and peak memory, with the sections it reused.

The portal's section cache (``.cache/sections/``) is deleted before a cold build. The change is one mentor's ``bio`` in the middle
organization (or the school), as an editor would correct a typo; it is put back afterwards.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator import ru
from generator.pipeline.staging import TRASH
from generator.project import CACHE, ORGANIZATIONS

if TYPE_CHECKING:
    from generator.tools.bench import Row

Runner = Callable[[list[str], Path], tuple[float, float, str]]  # (seconds, peak MB, stderr)
TODAY = "2026-11-22"  # the build date of every build measured


def run_child(args: list[str], cwd: Path) -> tuple[float, float, str]:
    """Run a child process; (wall seconds, peak memory in MB of it and its children, stderr)."""
    env = {**os.environ, "NASTAVNIK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} (в {cwd}) завершилась с кодом {proc.returncode}:\n{err}")
    _settled(cwd)
    return seconds, usage.ru_maxrss / 1024, err


def _settled(cwd: Path, limit: float = 120.0) -> None:
    """Wait until our build's remover has emptied ``.cache/trash/`` (the previous site/, removed in the
    background after the build ended): the next build measured must not share the machine with it."""
    trash = cwd / CACHE / TRASH
    deadline = time.monotonic() + limit
    while trash.is_dir() and any(trash.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.02)


@dataclass(frozen=True)
class Rebuilds:
    warm_seconds: float  # nothing changed
    warm_reused: int
    change_seconds: float  # one organization's data changed
    change_built: list[str]
    peak_mb: float  # the largest of the three builds
    cache_mb: float  # .cache/sections/ after the builds (each file once, however many links it has)


def cold_build(run: Runner, root: Path, timings: Path) -> tuple[float, float]:
    """A build with no section cache (the compiled templates and name forms stay, as between any two builds):
    (seconds, peak MB)."""
    shutil.rmtree(root / CACHE / "sections", ignore_errors=True)
    seconds, peak, _ = run(_build(timings), root)
    return seconds, peak


def rebuilds(run: Runner, root: Path, timings: Path, organizations: int) -> Rebuilds:
    """After a cold build of ``root``: a warm build, then one with one organization's data changed."""
    warm_seconds, warm_peak, _ = run(_build(timings), root)
    warm = json.loads(timings.read_text(encoding="utf-8"))
    mentor = _a_mentor(root, organizations)
    original = mentor.read_bytes()
    try:
        text = original.decode("utf-8")
        if "\nbio: " in text:
            text = text.replace("\nbio: ", "\nbio: Исправлена опечатка. ", 1)
        else:
            text += "bio: Исправлена опечатка.\n"
        mentor.write_text(text, encoding="utf-8")
        change_seconds, change_peak, _ = run(_build(timings), root)
        changed = json.loads(timings.read_text(encoding="utf-8"))
    finally:
        mentor.write_bytes(original)
    return Rebuilds(
        warm_seconds=round(warm_seconds, 3),
        warm_reused=len(warm.get("reused", [])),
        change_seconds=round(change_seconds, 3),
        change_built=list(changed.get("built", [])),
        peak_mb=round(max(warm_peak, change_peak), 1),
        cache_mb=round(cache_size(root) / 1024 / 1024, 1),
    )


def table(rows: list[Row]) -> str:
    """The README's table (Markdown) of the rows."""
    head = (
        "| портал | организаций | страниц | записей | наша сборка (без кэша), с | Material, с | отношение "
        "| доля генератора "
        "| без изменений, с | после правки одной организации, с | память, МБ (наша / Material) | кэш, МБ "
        "| поисковый индекс, КБ |"
    )
    lines = [head, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        cells = [
            r.portal, r.organizations, r.pages, r.records, ru.decimal(r.ours_seconds, 1), ru.decimal(r.plain_seconds, 1),
            ru.decimal(r.ratio, 2), f"{ru.decimal(100 * r.generator_share, 1)} %", ru.decimal(r.warm_seconds, 1),
            ru.decimal(r.change_seconds, 1), f"{max(r.peak_mb, r.rebuild_peak_mb):.0f} / {r.plain_peak_mb:.0f}",
            f"{r.cache_mb:.0f}", f"{r.search_index_kb:.0f}",
        ]  # fmt: skip
        lines.append("| " + " | ".join(map(str, cells)) + " |")
    return "\n".join(lines)


def cache_size(root: Path) -> int:
    seen, total = set(), 0
    for path in (root / CACHE / "sections").rglob("*"):
        info = path.lstat()
        if path.is_file() and (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            total += info.st_size
    return total


def _build(timings: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "build", "--timings", str(timings)]


def _a_mentor(root: Path, organizations: int) -> Path:
    """A mentor's file of the middle organization (of the school when there are none)."""
    data = root / "data"
    orgs = sorted(p for p in (data / ORGANIZATIONS).glob("*") if p.is_dir()) if (data / ORGANIZATIONS).is_dir() else []
    folder = orgs[len(orgs) // 2] if orgs else data
    return sorted((folder / "mentors").glob("*.yaml"))[0]
