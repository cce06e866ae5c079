"""The demo portal of the repository, built for real: what `make site` publishes.

The expectations are read from the demo's own YAML, so the test follows the data: every item of every
roadmap is on its page, and nobody without consent (nor a minor's surname) is anywhere in ``site/``.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from lxml import html as lxml_html

from conftest import ROOT

pytestmark = pytest.mark.slow


def collapse(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def site(built_demo) -> Path:
    return built_demo / "site"


def page_text(site: Path, rel: str) -> str:
    return collapse(lxml_html.fromstring((site / rel).read_bytes()).text_content())


def every_item(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for section in sections:
        yield from section.get("items", [])
        yield from every_item(section.get("sections", []))


def site_texts(site: Path) -> Iterator[tuple[str, str]]:
    """Every published file as text: JSON decoded (no \\u escapes), XLSX unzipped."""
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if path.suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                yield rel, " ".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
        elif path.suffix in {".html", ".xml", ".json", ".js", ".txt", ".ics", ".csv", ".svg"}:
            text = path.read_text("utf-8", errors="replace")
            if path.suffix == ".json":
                text = json.dumps(json.loads(text), ensure_ascii=False)
            yield rel, text


def test_home_page_names_the_school_in_russian(site):
    program = yaml.safe_load((ROOT / "data/program.yaml").read_text("utf-8"))
    doc = lxml_html.fromstring((site / "index.html").read_bytes())
    assert doc.get("lang") == "ru"
    assert collapse(program["organization"]["name"]) in collapse(doc.text_content())
    assert doc.cssselect("h1")[0].text_content().strip().rstrip("¶") == program["title"]  # ¶: the permalink


@pytest.mark.parametrize("path", sorted((ROOT / "data/roadmaps").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_item_of_every_roadmap_is_on_its_page(site, path):
    roadmap = yaml.safe_load(path.read_text("utf-8"))
    program = yaml.safe_load((ROOT / "data/program.yaml").read_text("utf-8"))
    rel = "roadmap/index.html" if program["current_roadmap"] == path.stem else f"roadmap/{path.stem}/index.html"
    text = page_text(site, rel)
    items = list(every_item(roadmap["sections"]))
    assert len(items) >= 10
    for item in items:
        for field in ("title", "deadline", "responsible", "result", "indicators"):
            if item.get(field):
                assert collapse(item[field]) in text, f"{rel}: {field} of item {item.get('number')}"
        for detail in item.get("details", []):
            assert collapse(detail) in text, f"{rel}: a sub-point of item {item.get('number')}"


def private_words() -> dict[str, str]:
    """Names that must not be published: whole names of non-consenting people, surnames of minors."""
    words: dict[str, str] = {}
    for path in sorted((ROOT / "data/mentors").glob("*.yaml")):
        person = yaml.safe_load(path.read_text("utf-8"))
        consent = person.get("consent", {})
        surname = person["name"].split()[0]
        minor = person.get("role") == "pupil" or person.get("minor")
        if not consent.get("publish"):
            words[person["name"]] = path.name
            words[surname] = path.name
        elif minor:
            words[surname] = path.name
    return words


def test_the_demo_has_people_to_protect():
    words = private_words()
    assert "Иванова Мария Петровна" in words  # the minimal mentor of the issue, without consent
    assert len(words) >= 3


def test_nobody_without_consent_and_no_minor_surname_anywhere(site):
    words = private_words()
    assert (site / "search/search_index.json").is_file()
    leaks = [(rel, word) for rel, text in site_texts(site) for word in words if word in text]
    assert leaks == []


def test_site_works_offline_from_index_html(site):
    doc = lxml_html.fromstring((site / "index.html").read_bytes())
    external = [
        el.get("src") or el.get("href")
        for el in doc.iter("script", "link", "img")
        if (el.get("src") or el.get("href") or "").startswith(("http://", "https://", "//"))
        and el.get("rel") not in {"canonical", "alternate"}
    ]
    assert external == []
