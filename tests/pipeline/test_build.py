"""End to end on a real MkDocs build: pages exist, data shows, nobody leaks, failures change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import mkdocs_build, run_cli, tree_digest, written

pytestmark = pytest.mark.slow

URL_MAP = [
    "index.html",
    "roadmap/index.html",
    "mentors/index.html",
    "honor-board/index.html",
    "practices/index.html",
    "library/index.html",
    "news/index.html",
    "parents/index.html",
    "stats/index.html",
]


def page(site: Path, rel: str):
    return lxml_html.fromstring((site / rel).read_bytes())


@pytest.fixture
def built(built_minimal) -> Path:
    return built_minimal


def test_every_page_of_the_url_map_exists(built):
    for rel in URL_MAP:
        assert (built / "site" / rel).is_file(), rel


def test_home_names_the_school_in_russian(built):
    doc = page(built / "site", "index.html")
    assert doc.get("lang") == "ru"
    assert "Муниципальное бюджетное общеобразовательное учреждение «Тестовая школа»" in doc.text_content()


def test_roadmap_shows_every_item(built):
    doc = page(built / "site", "roadmap/index.html")
    items = doc.cssselect("li.nv-item")
    assert [i.cssselect(".nv-item__number")[0].text for i in items] == ["1.1", "1.2", "2.1"]
    text = doc.text_content()
    for fragment in (
        "Издание приказа о внедрении целевой модели",
        "выявление готовности наставников",
        "Ежегодно в мае",
    ):
        assert fragment in text


def test_nobody_without_consent_appears_anywhere(built):
    for path in (built / "site").rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".js", ".txt"}:
            text = path.read_text("utf-8", errors="replace")
            if path.suffix == ".json":
                text = json.dumps(json.loads(text), ensure_ascii=False)
            assert "Иванова" not in text, path
            assert "Сидоров" not in text, path  # a pupil's surname never


def test_a_pupil_is_shown_by_first_name_and_class(built):
    doc = page(built / "site", "mentors/pupil-artem-9b/index.html")
    assert doc.cssselect("h1")[0].text_content().strip().startswith("Артём, 9Б")


def test_an_author_without_consent_is_shown_as_nastavnik(built):
    doc = page(built / "site", "practices/shkola-molodogo-pedagoga/index.html")
    authors = doc.cssselect(".nv-facts dd")[0].text_content()
    assert authors == "Петрова Анна Игоревна и ещё один наставник"


def test_failed_build_leaves_site_untouched(built):
    before = tree_digest(built / "site")
    with written(built / "data/mentors/bad.yaml", "name: [\n"):
        result = run_cli("build", cwd=built)
    assert result.code == 1
    assert "data/mentors/bad.yaml:" in result.err
    assert tree_digest(built / "site") == before
    assert not list(built.glob(".site-build-*"))


def test_a_leak_in_free_text_fails_the_build(built):
    before = tree_digest(built / "site")
    with written(
        built / "content/news/posts/leak.md",
        "---\ntitle: Встреча\ndate: 2025-10-01\n---\n\nВыступила Иванова Мария Петровна.\n",
    ):
        result = run_cli("build", cwd=built)
    assert result.code == 1
    assert "есть имя человека без согласия на публикацию (data/mentors/ivanova-mp.yaml)" in result.err
    assert tree_digest(built / "site") == before


def test_plain_mkdocs_build_works_too(built, tmp_path):

    proc = mkdocs_build(built, tmp_path / "out")
    assert proc.code == 0, proc.err
    assert (tmp_path / "out/roadmap/index.html").is_file()
    assert not list((built / "content").rglob("roadmap*")), "generated pages must never be written to content/"


def test_mkdocs_reports_data_errors_in_russian(built, tmp_path):

    with written(built / "data/mentors/bad.yaml", "name: X\nrole: teacher\n"):
        proc = mkdocs_build(built, tmp_path / "out")
    assert proc.code != 0
    assert "data/mentors/bad.yaml:1: поле «consent» обязательно" in proc.err
