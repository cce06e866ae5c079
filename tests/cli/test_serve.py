"""Live preview for real: the server answers, and an edit in data/ or content/ shows up without a restart."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import TODAY
from generator.tools.process_group import stop_group

pytestmark = pytest.mark.slow

STARTUP_SECONDS = 60
REBUILD_SECONDS = 60


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(root: Path, command: list[str]) -> Iterator[str]:
    """Run a preview server in ``root``; yield its base URL; stop it (and its children) afterwards."""
    port = free_port()
    env = {**os.environ, "NASTAVNIK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(
        [*command, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop_group(proc)


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, condition: Callable[[str], bool], seconds: float) -> str:
    deadline = time.monotonic() + seconds
    last: str | None = None
    while time.monotonic() < deadline:
        last = fetch(url)
        if last is not None and condition(last):
            return last
        time.sleep(0.5)
    raise AssertionError(f"{url}: the expected content did not appear; last answer: {(last or '')[:300]!r}")


COMMANDS = {
    "nastavnik serve": [sys.executable, "-m", "generator", "serve"],
    "mkdocs serve": [sys.executable, "-m", "mkdocs", "serve"],
}


@pytest.mark.parametrize("name", COMMANDS)
def test_preview_rebuilds_when_data_changes(minimal, name):
    with serving(minimal, COMMANDS[name]) as base:
        home = wait_for(base, lambda html: "Тестовая школа" in html, STARTUP_SECONDS)
        assert "Новый заголовок раздела" not in home
        program = minimal / "data/program.yaml"
        program.write_text(
            program.read_text("utf-8").replace("title: Наставничество", "title: Новый заголовок раздела"),
            encoding="utf-8",
        )
        wait_for(base, lambda html: "Новый заголовок раздела" in html, REBUILD_SECONDS)


def test_preview_picks_up_a_new_news_post(minimal):
    with serving(minimal, COMMANDS["nastavnik serve"]) as base:
        wait_for(base + "news/", lambda html: "Новости" in html, STARTUP_SECONDS)
        (minimal / "content/news/posts/seminar.md").write_text(
            "---\ntitle: Семинар для наставников\ndate: 2026-11-20\n---\n\nПрошёл семинар.\n", encoding="utf-8"
        )
        wait_for(base + "news/", lambda html: "Семинар для наставников" in html, REBUILD_SECONDS)


def test_preview_picks_up_a_theme_override(minimal):
    overrides = minimal / "overrides"
    overrides.mkdir()
    config = minimal / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  name: material\n", "  name: material\n  custom_dir: overrides\n")
    )
    with serving(minimal, COMMANDS["nastavnik serve"]) as base:
        wait_for(base, lambda html: "Тестовая школа" in html, STARTUP_SECONDS)
        (overrides / "main.html").write_text(
            '{% extends "base.html" %}{% block announce %}Объявление куратора{% endblock %}', encoding="utf-8"
        )
        wait_for(base, lambda html: "Объявление куратора" in html, REBUILD_SECONDS)
