"""The lock files decide every Python version: they agree with pyproject.toml, with each other and with
what is installed, and every package in them carries hashes (``make lock`` refreshes them)."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata

import pytest
from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from conftest import ROOT, run_cli

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOCKS = {"runtime": ROOT / "requirements" / "runtime.lock", "test": ROOT / "requirements" / "test.lock"}
_ENTRY = re.compile(
    r"^(?P<name>[A-Za-z0-9._-]+)(?:\[[A-Za-z0-9._,-]+\])?==(?P<version>\S+)(?: ; (?P<marker>[^\\]+?))?\s*\\$",
    re.MULTILINE,
)  # an extra stays on its pin («cachecontrol[filecache]==…»): pip's hash mode checks the extra's requirement too


def locked(which: str) -> dict[str, list[tuple[Version, str | None]]]:
    """Package → its pinned versions, each with the environment marker it applies under (universal lock)."""
    pins: dict[str, list[tuple[Version, str | None]]] = {}
    for found in _ENTRY.finditer(LOCKS[which].read_text(encoding="utf-8")):
        name = canonicalize_name(found["name"])
        pins.setdefault(name, []).append((Version(found["version"]), found["marker"]))
    return pins


def declared(which: str) -> list[Requirement]:
    requirements = list(PYPROJECT["project"]["dependencies"]) + list(PYPROJECT["build-system"]["requires"])
    if which == "test":
        requirements += PYPROJECT["project"]["optional-dependencies"]["test"]
    return [Requirement(text) for text in requirements]


@pytest.mark.parametrize("which", sorted(LOCKS))
def test_every_declared_requirement_is_locked_within_its_range(which):
    pins = locked(which)
    for requirement in declared(which):
        versions = pins.get(canonicalize_name(requirement.name))
        assert versions, f"{requirement.name} is in pyproject.toml but not in {LOCKS[which].name}: run make lock"
        for version, _marker in versions:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{requirement} in pyproject.toml, {version} in {LOCKS[which].name}: run make lock"
            )


@pytest.mark.parametrize("which", sorted(LOCKS))
def test_every_locked_package_has_hashes(which):
    text = LOCKS[which].read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    assert len(blocks) == sum(len(v) for v in locked(which).values()) > 10
    for block in blocks:
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", block), block.splitlines()[0]


def test_runtime_lock_is_the_test_lock_without_the_test_tools():
    runtime, test = locked("runtime"), locked("test")
    assert {name: [v for v, _ in pins] for name, pins in runtime.items()} == {
        name: [v for v, _ in test[name]] for name in runtime
    }
    assert "pytest" not in runtime and "playwright" not in runtime


def test_installed_versions_are_the_locked_ones():
    environment = default_environment()
    for name, pins in locked("test").items():
        applicable = [v for v, marker in pins if marker is None or _applies(marker, environment)]
        if not applicable:
            continue
        try:
            installed = Version(metadata.version(name))
        except metadata.PackageNotFoundError:
            pytest.fail(f"{name} is locked but not installed: run make test")
        assert installed in applicable, f"{name} {installed} is installed, the lock says {applicable}"


def _applies(marker: str, environment: dict[str, str]) -> bool:
    return Marker(marker).evaluate(environment)


def test_a_new_portal_pins_the_same_versions(tmp_path):
    target = tmp_path / "portal"
    assert run_cli("new", str(target), cwd=tmp_path).code == 0
    assert (target / "requirements" / "runtime.lock").read_bytes() == LOCKS["runtime"].read_bytes()
