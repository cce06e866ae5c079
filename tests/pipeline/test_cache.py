"""The section cache is never wrong: each kind of input, changed, rebuilds what depends on it and only that.

A district (the demo of examples/district, with a theme folder of its own) is built once cold; every test
takes a copy of it — its ``.cache/`` included — changes one input and builds again with the real command,
then reads which sections were built and which were reused from ``--timings`` and compares the pages.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli, tree_digest

pytestmark = pytest.mark.slow

DEMO = ROOT / "examples" / "district"
ORGS = ["gimnaziya-1", "kolledzh", "shkola-3", "sosnovskaya-shkola"]
THEME = '{% extends "base.html" %}\n'


def build(root: Path, *args: str, env: dict[str, str] | None = None):
    result = run_cli("build", "--jobs", "2", "--timings", "timings.json", *args, cwd=root, env=env)
    doc = json.loads((root / "timings.json").read_text(encoding="utf-8")) if result.code == 0 else {}
    return result, doc


@pytest.fixture(scope="module")
def cold(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cache") / "district"
    shutil.copytree(DEMO, root, ignore=shutil.ignore_patterns("site", ".site-build-*", ".cache"))
    (root / "overrides").mkdir()
    (root / "overrides" / "main.html").write_text(THEME, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config.replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1), "utf-8")
    result, doc = build(root)
    assert result.code == 0, result.text
    assert doc["reused"] == [] and doc["built"] == ORGS
    return root


@pytest.fixture
def warm(cold: Path, tmp_path: Path) -> Path:
    """A copy of the cold-built district, its cache included (copied, so no test changes another's)."""
    root = tmp_path / "district"
    shutil.copytree(cold, root, symlinks=True)
    return root


def test_nothing_changed_reuses_every_section_and_publishes_the_same_bytes(warm):
    before = tree_digest(warm / "site")  # the district's own pages (their feeds carry the build's time) too
    result, doc = build(warm)
    assert result.code == 0, result.text
    assert doc["reused"] == ORGS and doc["built"] == [] and doc["mkdocs"] == 0
    assert "(из кэша: 4 раздела из 4)" in result.out
    assert tree_digest(warm / "site") == before


def test_an_organizations_data_rebuilds_only_that_organization(warm):
    mentor = warm / "data/organizations/kolledzh/mentors/sedova-ln.yaml"
    mentor.write_text(mentor.read_text("utf-8").replace("Главный агроном", "Главный инженер-агроном"), encoding="utf-8")
    result, doc = build(warm)
    assert result.code == 0, result.text
    assert doc["built"] == ["kolledzh"] and doc["reused"] == [o for o in ORGS if o != "kolledzh"]
    page = (warm / "site/kolledzh/mentors/sedova-ln/index.html").read_text("utf-8")
    assert "Главный инженер-агроном" in page


def _district_entry(root: Path) -> int:
    """The district's own pages in the cache: a build replaces their entry (a new file), a reuse reads it."""
    return (root / ".cache/sections/_portal/entry.pickle").stat().st_ino


def test_a_change_no_district_page_shows_keeps_the_district_pages(warm):
    """A mentor named in the organization's latest news (which the district's home lists) has her biography
    edited: it appears on the organization's pages only, so the district's own pages, rendered again and found the
    same, are taken from the cache."""
    home = warm / "site/index.html"
    before, entry = home.read_bytes(), _district_entry(warm)
    mentor = warm / "data/organizations/shkola-3/mentors/solovyeva-iv.yaml"
    mentor.write_text(mentor.read_text("utf-8").replace("Руководит", "Много лет руководит"), encoding="utf-8")
    result, doc = build(warm)
    assert result.code == 0, result.text
    assert doc["built"] == ["shkola-3"]
    assert "Много лет руководит" in (warm / "site/shkola-3/mentors/solovyeva-iv/index.html").read_text("utf-8")
    assert _district_entry(warm) == entry and home.read_bytes() == before


def test_a_change_the_district_shows_rebuilds_the_district_pages(warm):
    """An organization's short name is on the district's home page: its pages are built again and show it."""
    home = warm / "site/index.html"
    entry = _district_entry(warm)
    program = warm / "data/organizations/kolledzh/program.yaml"
    program.write_text(
        program.read_text("utf-8").replace("short_name: ГБПОУ «Приреченский колледж»", "short_name: ГБПОУ «ПАТК»"),
        encoding="utf-8",
    )
    result, doc = build(warm)
    assert result.code == 0, result.text
    assert doc["built"] == ["kolledzh"]
    assert _district_entry(warm) != entry
    assert "ГБПОУ «ПАТК»" in home.read_text("utf-8")


def test_an_organizations_content_rebuilds_only_that_organization(warm):
    post = warm / "content/organizations/shkola-3/news/posts/2026-09-25-start.md"
    post.write_text(post.read_text("utf-8") + "\nВстреча пар прошла в актовом зале.\n", encoding="utf-8")
    result, doc = build(warm)
    assert result.code == 0, result.text
    assert doc["built"] == ["shkola-3"] and len(doc["reused"]) == 3
    assert "актовом зале" in (warm / "site/shkola-3/news/2026-09-25-start/index.html").read_text("utf-8")


@pytest.mark.parametrize("change", ["theme", "config", "date", "no-cache"])
def test_what_every_section_reads_rebuilds_every_section(warm, change):
    env = None
    args: tuple[str, ...] = ()
    if change == "theme":
        (warm / "overrides/main.html").write_text(
            THEME + "{% block extrahead %}<meta name=x-theme content=2>{% endblock %}\n", "utf-8"
        )
    elif change == "config":
        config = warm / "mkdocs.yml"
        config.write_text(config.read_text("utf-8").replace("scheme: default", "scheme: slate"), "utf-8")
    elif change == "date":
        env = {"NASTAVNIK_TODAY": "2026-11-23"}
    else:
        args = ("--no-cache",)
    result, doc = build(warm, *args, env=env)
    assert result.code == 0, result.text
    assert doc["built"] == ORGS and doc["reused"] == []
    home = (warm / "site/kolledzh/index.html").read_text("utf-8")
    if change == "theme":
        assert 'name="x-theme"' in home or "name=x-theme" in home
    if change == "config":
        assert 'data-md-color-scheme="slate"' in home


def test_a_new_generator_rebuilds_every_section(warm, tmp_path):
    """The generator's own source is in the key, not only its version: a copy of the package, one template
    changed, imported first through PYTHONPATH."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT / "generator", copy / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    env = {"PYTHONPATH": str(copy)}
    result, doc = build(warm, env=env)
    assert result.code == 0, result.text
    assert doc["reused"] == ORGS  # the same source, from elsewhere: the same key
    footer = next((copy / "generator/templates").rglob("*.j2"))
    footer.write_text(footer.read_text("utf-8") + "\n{# changed #}\n", encoding="utf-8")
    result, doc = build(warm, env=env)
    assert result.code == 0, result.text
    assert doc["built"] == ORGS and doc["reused"] == []


def test_consent_withdrawn_in_another_organization_fails_a_reused_section_that_names_the_person(warm):
    """Kolledzh's teacher is named in shkola-3's news; kolledzh withdraws her consent. shkola-3's files did not
    change and it is reused — but searched for the current people, so its page stops the build."""
    post = warm / "content/organizations/shkola-3/news/posts/2026-09-25-start.md"
    post.write_text(post.read_text("utf-8") + "\nВ гости приходила Лидия Николаевна Седова из колледжа.\n", "utf-8")
    result, doc = build(warm)
    assert result.code == 0, result.text
    assert doc["built"] == ["shkola-3"]
    published = tree_digest(warm / "site")
    mentor = warm / "data/organizations/kolledzh/mentors/sedova-ln.yaml"
    record = yaml.safe_load(mentor.read_text("utf-8"))
    mentor.write_text(yaml.safe_dump({"name": record["name"], "role": record["role"], "consent": {"publish": False}},
                                     allow_unicode=True), "utf-8")  # fmt: skip
    result, _ = build(warm)
    assert result.code == 1
    assert "site/shkola-3/news/2026-09-25-start/index.html" in result.text
    assert "data/organizations/kolledzh/mentors/sedova-ln.yaml" in result.text
    assert "Седова" not in result.text
    assert tree_digest(warm / "site") == published  # a failed build leaves site/ as it was


def test_a_cached_file_changed_on_disk_is_not_reused(warm):
    """Reused files are verified against their recorded digests: a file of the cache changed in place (here
    through its hard link in site/, as `mkdocs build --dirty` would) makes the section be built again."""
    cached = warm / ".cache/sections/kolledzh/tree/index.html"
    assert cached.is_file()
    with open(cached, "r+b") as handle:
        handle.seek(0, os.SEEK_END)
        handle.write(b"<!-- changed -->")
    result, doc = build(warm)
    assert result.code == 0, result.text
    assert doc["built"] == ["kolledzh"] and len(doc["reused"]) == 3
    assert b"<!-- changed -->" not in (warm / "site/kolledzh/index.html").read_bytes()


def test_the_cache_may_be_deleted(warm):
    shutil.rmtree(warm / ".cache")
    result, doc = build(warm)
    assert result.code == 0, result.text
    assert doc["built"] == ORGS


def test_a_school_is_reused_whole(minimal):
    first, _ = build(minimal)
    assert first.code == 0, first.text
    before = tree_digest(minimal / "site")
    second, doc = build(minimal)
    assert second.code == 0, second.text
    assert doc["reused"] == [""] and "без изменений, взят из кэша" in second.out
    assert tree_digest(minimal / "site") == before
    (minimal / "content/parents.md").write_text("# Родителям\n\nНовый текст страницы.\n", encoding="utf-8")
    third, doc = build(minimal)
    assert third.code == 0 and doc["built"] == [""]
    assert "Новый текст страницы" in (minimal / "site/parents/index.html").read_text("utf-8")


def test_a_school_that_fails_its_checks_keeps_nothing_new_in_the_cache(minimal):
    """The built files are linked into the cache while the checks run; a finding drops them, and the entry of
    the last good build stays as it was."""
    first, _ = build(minimal)
    assert first.code == 0, first.text
    sections = minimal / ".cache" / "sections"
    entry = (sections / "_portal" / "entry.pickle").read_bytes()
    parents = minimal / "content" / "parents.md"
    good = parents.read_text("utf-8")
    parents.write_text(good + "\nВопросы задавайте Ивановой Марии Петровне.\n", encoding="utf-8")  # no consent

    failed, _ = build(minimal)
    assert failed.code == 1 and "site/parents/index.html" in failed.text
    assert sorted(p.name for p in sections.iterdir()) == ["_portal"]  # nothing half-kept beside it
    assert (sections / "_portal" / "entry.pickle").read_bytes() == entry

    parents.write_text(good, encoding="utf-8")
    again, doc = build(minimal)
    assert again.code == 0 and doc["reused"] == [""]


def test_a_cache_deleted_during_the_build_keeps_nothing_and_fails_nothing(tmp_path):
    from generator.pipeline.cache import SectionCache

    tree = tmp_path / "built"
    (tree / "mentors").mkdir(parents=True)
    (tree / "mentors" / "index.html").write_text("<p>страница</p>", encoding="utf-8")
    cache = SectionCache(tmp_path / "cache-that-is-gone")
    staged = cache.stage(tree)
    assert staged.scratch is None and staged.digests is None
    cache.commit(staged, "school", "key", outcome=None)  # nothing to keep, nothing raised
    assert not (tmp_path / "cache-that-is-gone").exists() and (tree / "mentors" / "index.html").is_file()


def _kept(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A section's tree of nested folders kept in a fresh cache: (the cache, its entry, the cached tree)."""
    from generator.pipeline.cache import SectionCache

    tree = tmp_path / "built"
    for rel in ("index.html", "news/2026/12/post/index.html", "assets/javascripts/bundle.js", ".hidden/a.txt"):
        (tree / rel).parent.mkdir(parents=True, exist_ok=True)
        (tree / rel).write_text(f"<p>{rel}</p>", encoding="utf-8")
    cache = SectionCache(tmp_path / "cache")
    cache.folder.mkdir()
    cache.commit(cache.stage(tree), "school", "key", outcome=None)
    entry = cache.load("school", "key")
    assert entry is not None and sorted(entry.digests) == sorted(
        ["index.html", "news/2026/12/post/index.html", "assets/javascripts/bundle.js", ".hidden/a.txt"]
    )
    return cache, entry, cache.folder / "school" / "tree"


def _link_instead(path: Path, to: Path) -> None:
    path.unlink()
    path.symlink_to(to)


@pytest.mark.parametrize(
    ("spoil", "restored"),
    [
        (lambda tree: None, True),
        (lambda tree: (tree / "news" / "extra.html").write_text("<p>лишний</p>", encoding="utf-8"), False),
        (lambda tree: (tree / "assets" / "javascripts" / "bundle.js").unlink(), False),
        (lambda tree: (tree / "index.html").write_text("<p>другой</p>", encoding="utf-8"), False),
        (lambda tree: _link_instead(tree / "index.html", tree / ".hidden" / "a.txt"), False),
        (lambda tree: (tree / "linked").symlink_to(tree / "news", target_is_directory=True), False),
    ],
    ids=["as-kept", "file-added", "file-missing", "file-changed", "file-a-link", "folder-link"],
)
def test_a_kept_tree_is_restored_only_as_it_was_recorded(tmp_path, spoil, restored):
    """Restored: every file, in its folders, linked to the kept one. Anything added, missing, changed or turned
    into a symbolic link (a file or a folder) in the cache: not restored, and the target is left empty."""
    cache, entry, kept = _kept(tmp_path)
    spoil(kept)
    target = tmp_path / "site"
    target.mkdir()
    assert cache.restore("school", entry, target) is restored
    if restored:
        files = sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file())
        assert files == sorted(entry.digests)
        assert (target / "news/2026/12/post/index.html").read_text("utf-8") == "<p>news/2026/12/post/index.html</p>"
        assert (target / "index.html").stat().st_ino == (kept / "index.html").stat().st_ino
    else:
        assert list(target.iterdir()) == []


def test_a_tree_with_a_symbolic_link_is_not_kept(tmp_path):
    from generator.pipeline.cache import SectionCache

    tree = tmp_path / "built"
    (tree / "news").mkdir(parents=True)
    (tree / "news" / "index.html").write_text("<p>новости</p>", encoding="utf-8")
    (tree / "index.html").symlink_to(tree / "news" / "index.html")
    cache = SectionCache(tmp_path / "cache")
    cache.folder.mkdir()
    staged = cache.stage(tree)
    assert staged.scratch is not None and staged.digests is None
    staged.discard()


def test_the_name_search_is_compiled_before_the_workers_fork_when_a_section_will_surely_be_built(warm):
    """A cold build compiles the district's name search once, for every worker; a warm one leaves it to the
    workers whose sections are built or searched again (most often none)."""
    from dataclasses import replace

    from generator.options import DEFAULTS
    from generator.pipeline.build import _sections_to_build
    from generator.project import Project

    project = Project(warm)
    orgs = project.organizations()
    assert not _sections_to_build(project, DEFAULTS, orgs)
    assert _sections_to_build(project, replace(DEFAULTS, cache=False), orgs)
    shutil.rmtree(warm / ".cache" / "sections" / orgs[-1])
    assert _sections_to_build(project, DEFAULTS, orgs)
