"""What the preview rebuilds (generator.engine.preview.snapshot), on the minimal portal: its real data checked
and rendered, snapshots taken before and after an edit as the server takes them."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from conftest import TODAY
from generator.engine.config import _check_for_mkdocs
from generator.engine.preview.snapshot import Snapshot, plan, take, title_lines
from generator.project import Project
from generator.render.pages import render_pages

PUBLISHED = "data/mentors/petrova-ai.yaml"


def snapshot(root: Path, today: str = TODAY) -> Snapshot:
    project = Project(root)
    problems, portal, generated, people = _check_for_mkdocs(project)
    assert not problems.errors and portal is not None, problems.sorted()
    rendered = generated or render_pages(portal)
    return take(project, project.config_file, [], portal, rendered, people, dt.date.fromisoformat(today))


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def before(minimal: Path) -> Snapshot:
    assert (minimal / PUBLISHED).is_file()
    return snapshot(minimal)


def test_nothing_changed_means_nothing_to_rebuild(minimal, before):
    todo = plan(before, snapshot(minimal))
    assert not todo.full and todo.pages == frozenset()


def test_nothing_built_yet_means_a_full_build(minimal):
    assert plan(None, snapshot(minimal)).full


def test_an_edited_bio_rebuilds_the_pages_that_show_it(minimal, before):
    edit(minimal, PUBLISHED, "Ведёт **школу", "Ведёт **новую школу")
    todo = plan(before, snapshot(minimal))
    assert not todo.full
    assert "mentors/petrova-ai.md" in todo.pages
    assert "index.md" not in todo.pages and "roadmap/index.md" not in todo.pages


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda root: edit(root, PUBLISHED, "  publish: true", "  publish: false"), "согласия"),
        (lambda root: edit(root, PUBLISHED, "name: Петрова Анна", "name: Петрова Алла"), "имена людей"),
        (lambda root: (root / "content/parents.md").write_text("# Родителям\n\nНовый текст.\n", "utf-8"), "content/"),
        (lambda root: os.utime(root / "mkdocs.yml", ns=(0, 0)), "mkdocs.yml"),
        (
            lambda root: (root / "data/mentors/novikova-ee.yaml").write_text(
                "name: Новикова Елена Егоровна\nrole: teacher\nconsent: {publish: true, date: 2025-09-01}\n", "utf-8"
            ),
            "добавлена или удалена страница",
        ),
    ],
    ids=["consent", "name", "content", "config", "new-page"],
)
def test_a_change_of_the_structure_rebuilds_everything(minimal, before, change, reason):
    change(minimal)
    todo = plan(before, snapshot(minimal))
    assert todo.full and reason in todo.reason, todo


def test_another_day_rebuilds_everything(minimal, before):
    todo = plan(before, snapshot(minimal, today="2026-11-23"))
    assert todo.full and "дата сборки" in todo.reason


def test_the_title_lines_are_the_front_matter_title_and_the_first_level_headings():
    markdown = "---\ntitle: Наставники\ndescription: x\n---\n\n# Петрова Анна\n\n## Опыт\n\n#тег\n"
    assert title_lines(markdown) == "title: Наставники\n# Петрова Анна"
