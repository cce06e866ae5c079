"""The cache key's parts, each changed alone: what a section's pages depend on changes the key, outputs do not."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
from pathlib import Path

import pytest

from generator.options import BuildOptions
from generator.pipeline import cache_key
from generator.pipeline.cache_key import environment_digest, section_key
from generator.project import Project

OPTIONS = BuildOptions(today=dt.date(2026, 11, 22))


@pytest.fixture
def portal(tmp_path: Path) -> Project:
    root = tmp_path / "portal"
    for rel, text in {
        "mkdocs.yml": "site_name: x\ntheme:\n  name: material\n  custom_dir: ../shared-theme\nplugins: [nastavnik]\n",
        "data/organizations/a/program.yaml": "a: 1\n",
        "data/organizations/b/program.yaml": "b: 1\n",
        "content/organizations/a/news/index.md": "# a\n",
        "data/program.yaml": "district: 1\n",
        "../shared-theme/main.html": "{% extends 'base.html' %}\n",
    }.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return Project(root)


def keys(project: Project) -> dict[str, str]:
    environment = environment_digest(project)
    return {org: section_key(environment, project.organization(org), OPTIONS) for org in ("a", "b")}


def test_an_organizations_files_change_only_its_key(portal):
    before = keys(portal)
    (portal.root / "content/organizations/a/news/index.md").write_text("# A\n", encoding="utf-8")
    after = keys(portal)
    assert after["a"] != before["a"] and after["b"] == before["b"]
    (portal.root / "data/organizations/b/.hidden.yaml").write_text("x: 1\n", encoding="utf-8")
    assert keys(portal)["b"] != after["b"]  # a section's own hidden file is an input too


def test_a_theme_outside_the_portal_named_by_mkdocs_yml_is_an_input(portal):
    before = keys(portal)
    (portal.root.parent / "shared-theme/main.html").write_text("{% extends 'base.html' %}{# 2 #}\n", "utf-8")
    assert all(keys(portal)[org] != before[org] for org in before)


def test_outputs_and_the_build_record_are_not_inputs(portal):
    before = keys(portal)
    for rel in ("site/index.html", ".nastavnik-build.json", ".cache/sections/a/entry.pickle", "build/x.json"):
        path = portal.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    assert keys(portal) == before


def test_a_dependency_version_the_date_strict_and_our_variables_are_inputs(portal, monkeypatch):
    before = keys(portal)
    environment = environment_digest(portal)
    a = portal.organization("a")
    assert section_key(environment, a, BuildOptions(today=dt.date(2026, 11, 23))) != before["a"]
    assert section_key(environment, a, BuildOptions(today=OPTIONS.today, strict=True)) != before["a"]
    monkeypatch.setenv("NASTAVNIK_NODE_MODULES", "/elsewhere")
    assert keys(portal) != before
    monkeypatch.delenv("NASTAVNIK_NODE_MODULES")
    real = cache_key._distributions
    monkeypatch.setattr(cache_key, "_distributions", lambda: real() ^ {"mkdocs-material==9.9.9"})
    assert keys(portal) != before
    assert importlib.metadata.version("mkdocs")  # the real list is read from the installed distributions


def test_the_portals_other_files_are_inputs(portal):
    before = keys(portal)
    (portal.root / "hooks.py").write_text("x = 1\n", encoding="utf-8")
    assert all(keys(portal)[org] != before[org] for org in before)


def test_files_and_folders_the_build_itself_reads_or_writes_are_not_inputs(portal):
    """``--timings FILE`` and ``--prebuilt FOLDER`` inside the portal: excluded, as named or by another path to them."""
    timings, prebuilt = portal.root / "timings.json", portal.root / "shards"
    (prebuilt / "a").mkdir(parents=True)
    for path in (timings, prebuilt / "a/index.html"):
        path.write_text("1", encoding="utf-8")
    excluded = (portal.root / "data/../timings.json", prebuilt)
    before = environment_digest(portal, excluded)
    for path in (timings, prebuilt / "a/index.html", prebuilt / "b.html"):
        path.write_text("2", encoding="utf-8")
    assert environment_digest(portal, excluded) == before
    assert environment_digest(portal, (prebuilt,)) != before  # the same file, not excluded, is an input
