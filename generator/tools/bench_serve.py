"""``make bench``'s preview: from saving one data file to the new text being served, on the demo school.

A copy of the demo school (``data/``, ``content/``, ``theme/``, ``mkdocs.yml`` of the folder ``make bench`` runs
in; the synthetic school when there is none) is served by ``nastavnik serve`` and, for comparison, by plain
``mkdocs serve`` (our plugin inside MkDocs' own server: polling, a full rebuild each time). One mentor's ``bio``
is edited a few times, as an editor would; each time the clock runs from writing the file until the mentor's
page, polled over HTTP, shows the new text. The median counts.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator import ru
from generator.tools import synthetic
from generator.tools.bench_incremental import TODAY
from generator.tools.process_group import stop_group

EDITS = 5  # BENCH_REPEAT=N to change, as for the builds
PAUSE = 1.0  # seconds between edits: the server settles, as between an editor's saves
LIMIT = 60.0  # seconds to wait for a server or an edit before the measurement is given up
GOAL = 1.0  # seconds (issue 18)
COMMANDS = {
    "nastavnik serve": [sys.executable, "-m", "generator", "serve"],
    "mkdocs serve": [sys.executable, "-m", "mkdocs", "serve"],
}


def run(work: Path, source: Path | None = None) -> dict[str, Any]:
    """Seconds from a saved edit to the page served, for each command: the median and every edit."""
    root, portal = _portal(work, source or Path.cwd())
    results: dict[str, Any] = {"portal": portal}
    for name, command in COMMANDS.items():
        samples = _measure(root, command)
        results[name] = {"median": round(statistics.median(samples), 3) if samples else None, "samples": samples}
    return results


def line(results: dict[str, Any]) -> str:
    """One line for the report: «Предпросмотр: правка видна через 0,45 с …»."""

    def median(name: str) -> str:
        value = results.get(name, {}).get("median")
        return f"{ru.decimal(value, 2)} с" if isinstance(value, float) else "не измерено"

    ours = results.get("nastavnik serve", {})
    edits = ru.plural(len(ours.get("samples", [])), "правки", "правок", "правок")  # «из 5 правок»
    verdict = "выполнено" if isinstance(ours.get("median"), float) and ours["median"] <= GOAL else "НЕ выполнено"
    return (
        f"Предпросмотр ({results.get('portal')}): правка bio одного наставника видна через {median('nastavnik serve')} "
        f"(nastavnik serve, медиана из {edits}; цель — не больше {ru.decimal(GOAL, 0)} с: {verdict}); "
        f"обычный mkdocs serve — {median('mkdocs serve')}"
    )


def _portal(work: Path, source: Path) -> tuple[Path, str]:
    root = work / "serve-school"
    if (source / "mkdocs.yml").is_file() and (source / "data" / "mentors").is_dir():
        root.mkdir(parents=True)
        for part in ("data", "content", "theme"):
            if (source / part).is_dir():
                shutil.copytree(source / part, root / part)
        shutil.copy(source / "mkdocs.yml", root / "mkdocs.yml")
        return root, "демонстрационная школа"
    return synthetic.create(root, 1, school=True), "синтетическая школа"


def _measure(root: Path, command: list[str]) -> list[float]:
    mentor = next(p for p in sorted((root / "data" / "mentors").glob("*.yaml")) if _editable(p.read_text("utf-8")))
    original = mentor.read_bytes()
    base = _base(root)
    port = _free_port()
    env = {**os.environ, "NASTAVNIK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    page = f"http://127.0.0.1:{port}{base}mentors/{mentor.stem}/"
    samples: list[float] = []
    repeat = os.environ.get("BENCH_REPEAT", "").strip()
    try:
        if not _wait(page, lambda html: True):
            return []
        time.sleep(PAUSE)
        for edit in range(int(repeat) if repeat.isdigit() and int(repeat) >= 1 else EDITS):
            marker = f"Проверка{edit}предпросмотра"
            started = time.perf_counter()
            mentor.write_text(_edited(original.decode("utf-8"), marker), encoding="utf-8")
            if not _wait(page, lambda html, marker=marker: marker in html):
                break
            samples.append(round(time.perf_counter() - started, 3))
            time.sleep(PAUSE)
    finally:
        mentor.write_bytes(original)
        stop_group(proc)
    return samples


def _editable(text: str) -> bool:
    return "\nbio: |\n  " in text and "publish: true" in text


def _edited(text: str, marker: str) -> str:
    return text.replace("\nbio: |\n  ", f"\nbio: |\n  {marker}. ", 1)


def _base(root: Path) -> str:
    """The path the site is served at: that of ``site_url`` in ``mkdocs.yml``."""
    found = re.search(r"^site_url:\s*(\S+)", (root / "mkdocs.yml").read_text("utf-8"), re.MULTILINE)
    path = urlsplit(found.group(1)).path if found else "/"
    return path if path.endswith("/") else path + "/"


def _wait(url: str, condition, seconds: float = LIMIT) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if condition(response.read().decode("utf-8")):
                    return True
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.01)
    return False


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
