"""The import graph reads as the pipeline: a package imports only from packages of earlier stages (or its own),
nothing imports the command line or the pipeline, no module is over 300 lines, and ``import generator`` loads
no engine."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from conftest import ROOT

PACKAGE = ROOT / "generator"

# Each stage may import from the stages before it. Shared modules (errors, ru, …) are stage 0.
STAGES: dict[str, int] = {
    "shared": 0,
    "models": 1,
    "deadlines": 1,
    "tables": 1,
    "sources": 2,
    "rules": 3,
    "importers": 3,
    "portal": 4,
    "render": 5,
    "checks": 6,
    "editor": 6,
    "district": 7,
    "engine": 8,
    "pipeline": 9,
    "tools": 10,
    "cli": 11,
}
SHARED = {"errors", "ru", "translate", "translit", "urls", "filetypes", "timings", "options", "progress", "parallel"}
MAX_LINES = 300


def stage_of(module: str) -> str:
    """``generator.rules.people`` → ``rules``; a shared top-level module → ``shared``; ``project`` stands
    between the sources it reads and the rules that read it."""
    parts = module.split(".")
    if len(parts) > 1 and parts[1] == "__main__":
        return "cli"
    if len(parts) == 1 or parts[1] in SHARED or parts[1].startswith("__"):
        return "shared"
    if parts[1] == "project":
        return "project"
    return parts[1]


def rank(stage: str) -> float:
    return 2.5 if stage == "project" else STAGES[stage]


def imports() -> list[tuple[str, str, str]]:
    """(importing module, imported module, file:line) for every import of the package by itself."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("generator"):
                targets = [node.module] if node.module != "generator" else [f"generator.{a.name}" for a in node.names]
                for target in targets:
                    found.append((module, target, f"{path.relative_to(ROOT)}:{node.lineno}"))
    return found


def test_every_package_is_a_stage():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").is_file()}
    assert packages <= set(STAGES), packages - set(STAGES)


def test_imports_flow_from_later_stages_to_earlier_ones():
    backwards = [
        f"{where}: {stage_of(src)} imports {target}"
        for src, target, where in imports()
        if stage_of(src) != stage_of(target) and rank(stage_of(target)) > rank(stage_of(src))
    ]
    assert backwards == []


def test_nothing_imports_the_command_line_or_the_pipeline():
    for src, target, where in imports():
        for closed in ("cli", "pipeline"):
            if stage_of(target) == closed:
                assert stage_of(src) in {closed, "cli", "tools"}, f"{where}: {src} imports {target}"


def test_relative_imports_are_not_used():
    """Absolute imports: a module's imports say which stage it reads, wherever the module stands."""
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path.relative_to(ROOT)}:{node.lineno}"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_is_over_300_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES


def test_import_generator_loads_no_engine():
    code = "import sys, generator; print(sorted(m for m in sys.modules if m.startswith(('mkdocs', 'material'))))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
