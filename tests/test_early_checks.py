"""Pages checked as MkDocs writes them (generator.checks.PageChecks) count only while their files are unchanged.

The checks of a page in a child process must find exactly what the post-build pass finds in the
written file; a file changed afterwards (by a plugin, by anything) is read and checked again.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from conftest import copy_portal, mkdocs_build, run_cli
from generator import background
from generator.checks import EarlyPage, PageChecks, SiteCheck
from generator.htmlscan import HTML_SUFFIXES
from generator.people import NamePolicy, split_name
from generator.plugin import theme_dir

MATERIAL_TEMPLATES = str(Path(material.__file__).parent / "templates")
CONTENT_START = '<article class="md-content__inner md-typeset">'
WITHHELD = "data/mentors/ivanova-mp.yaml"
POLICY = NamePolicy(withheld=(split_name(WITHHELD, "Иванова Мария Петровна"),), minors=(), published=())


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = copy_portal("minimal", tmp_path_factory.mktemp("early"))
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.text
    return root


@pytest.fixture
def site(built, tmp_path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(built / "site", target)
    return target


@pytest.fixture
def site_check(built) -> SiteCheck:
    return SiteCheck.of(built / "content", (), (MATERIAL_TEMPLATES, theme_dir()), ("vk.com",), policy=POLICY)


@pytest.fixture
def forking() -> None:
    if not background.can_fork():
        pytest.skip("нужен Linux с двумя ядрами, и в процессе тестов не должно быть других потоков")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in HTML_SUFFIXES and p.is_file())


def checked_as_written(site_check: SiteCheck, site: Path) -> dict:
    """What the plugin gathers: every page sent to the child as MkDocs would write it."""
    early = PageChecks(site_check, site)
    for path in pages(site):
        early.page(path.relative_to(site).as_posix(), path.read_bytes())
    return early.results()


def inject(site: Path, page: str, html: str) -> None:
    path = site / page
    text = path.read_text("utf-8")
    assert CONTENT_START in text
    path.write_text(text.replace(CONTENT_START, CONTENT_START + html, 1), encoding="utf-8")


def test_early_checks_find_what_the_post_build_pass_finds(site, site_check, forking):
    inject(site, "index.html", "<p>Выступила Иванова Мария Петровна.</p>")
    inject(site, "mentors/index.html", '<img src="x" onerror="alert(1)">')
    early = checked_as_written(site_check, site)
    assert len(early) == len(pages(site))

    with_early = site_check.run(site, early=early)
    without = site_check.run(site)
    assert with_early == without
    files = {p.file for p in with_early}
    assert files == {"site/index.html", "site/mentors/index.html"}
    assert any(WITHHELD in p.message for p in with_early)
    assert any("onerror" in p.message for p in with_early)


def test_a_page_changed_after_it_was_checked_is_checked_again(site, site_check, forking):
    early = checked_as_written(site_check, site)
    assert early and all(not page.names and not page.scan for page in early.values())
    inject(site, "index.html", "<p>Благодарим Иванову Марию Петровну</p><script>alert(1)</script>")

    problems = site_check.run(site, early=early)
    assert {p.file for p in problems} == {"site/index.html"}
    assert any(WITHHELD in p.message for p in problems)
    assert any("скрипт" in p.message for p in problems)


def test_an_early_result_stands_for_exactly_the_bytes_it_was_computed_on(site, site_check):
    """The post-build pass does not read a page whose bytes are those checked early; one byte more, and it does."""
    inject(site, "index.html", "<script>alert(1)</script>")
    written = (site / "index.html").read_bytes()
    early = site_check.page(site, "index.html", written)
    assert [p.file for p in early.scan] == ["site/index.html"]
    assert site_check.run(site, early={"index.html": early}) == list(early.scan)

    planted = EarlyPage(early.digest, (), ())  # what a check that missed the script would have said
    assert site_check.run(site, early={"index.html": planted}) == []
    (site / "index.html").write_bytes(written + b"\n")
    assert [p.file for p in site_check.run(site, early={"index.html": planted})] == ["site/index.html"]


def test_without_a_second_core_nothing_is_checked_early(site, site_check, monkeypatch):
    monkeypatch.setattr(background, "available_cores", lambda: 1)
    assert checked_as_written(site_check, site) == {}


def test_a_build_checks_pages_as_they_are_written_and_still_fails_on_a_name(tmp_path, forking):
    root = copy_portal("minimal", tmp_path)
    before = run_cli("build", cwd=root)
    assert before.code == 0, before.text
    index = (root / "site" / "index.html").read_bytes()
    parents = root / "content" / "parents.md"
    parents.write_text(parents.read_text("utf-8") + "\nВопросы задавайте Ивановой Марии Петровне.\n", encoding="utf-8")

    result = run_cli("build", cwd=root)
    assert result.code == 1
    assert "site/parents/index.html" in result.text and WITHHELD in result.text
    assert "Иванов" not in result.text  # build logs may be public
    assert (root / "site" / "index.html").read_bytes() == index  # the previous site stays


def test_plain_mkdocs_build_checks_pages_as_they_are_written_too(tmp_path, forking):
    root = copy_portal("minimal", tmp_path)
    parents = root / "content" / "parents.md"
    parents.write_text(parents.read_text("utf-8") + "\nСпасибо Марии Петровне Ивановой!\n", encoding="utf-8")
    proc = mkdocs_build(root, tmp_path / "out")
    assert proc.code != 0
    assert "site/parents/index.html" in proc.err and WITHHELD in proc.err
