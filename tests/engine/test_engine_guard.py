"""Only MkDocs builds a portal: Zensical (which reads mkdocs.yml but runs no MkDocs plugin, so no consent
check) stops with a Russian message before it writes anything; `check` insists on the guard."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_cli
from generator.engine import guard as engine_guard
from generator.sources.config import GUARD_LINE

ZENSICAL = Path(sys.executable).with_name("zensical")


def test_zensical_refuses_a_new_portal_and_writes_nothing(tmp_path):
    target = tmp_path / "portal"
    assert run_cli("new", str(target), cwd=tmp_path).code == 0
    proc = subprocess.run(
        [str(ZENSICAL), "build"], cwd=target, capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode != 0
    assert "собирается только командой «nastavnik build»" in proc.stdout + proc.stderr
    assert not (target / "site").exists()


def test_the_demo_and_the_examples_carry_the_guard():
    root = ROOT
    for config in (root / "mkdocs.yml", root / "examples" / "district" / "mkdocs.yml"):
        assert re.search(rf"^  {re.escape(GUARD_LINE)}$", config.read_text(encoding="utf-8"), re.M), config


def test_under_mkdocs_the_guard_is_just_a_value():
    assert engine_guard.require_mkdocs() == "mkdocs"


def test_check_refuses_a_portal_without_the_guard(minimal):
    config = minimal / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(GUARD_LINE, "engine: mkdocs"), "utf-8")
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert "mkdocs.yml: нет защиты от сборки другим движком" in result.text
    assert GUARD_LINE in result.text
