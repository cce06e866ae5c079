"""The URL map is one table (generator/urls.py): the built demo has every address of it, nothing else spells them."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from generator import urls
from generator.district.check import RESERVED
from generator.district.config import EDITORS_PAGES, ORG_NAV
from generator.editor.scaffold import create
from generator.render.exports import EXPORTERS
from generator.render.publish import downloads
from generator.tools.synthetic import DISTRICT_NAV, SCHOOL_NAV

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "generator"
SECTION_PATH = re.compile(
    r"[\"'](?:" + "|".join(re.escape(s.key) for s in urls.SECTIONS if s.path) + r")(?:/|\.md|\.ics|\.xlsx|\.csv|\.json)"
)


def test_every_address_of_the_table_is_in_the_built_demo(built_demo):
    site = built_demo / "site"
    for section in urls.SECTIONS:
        assert (site / section.path / "index.html").is_file(), section.path
    for export in urls.EXPORTS:
        assert (site / export.path).is_file(), export.path
    for kind, folder in (("mentors", "data/mentors"), ("practices", "data/practices")):
        ids = [p.stem for p in (built_demo / folder).glob("*.y*ml")]
        published = [i for i in ids if (site / urls.url(kind, i) / "index.html").is_file()]
        assert published, kind  # at least one record of each kind has its page where the table says
    posts = [p.stem for p in (built_demo / "content" / urls.NEWS_POSTS).glob("*.md")]
    assert any((site / urls.url("news", post) / "index.html").is_file() for post in posts)


def test_no_module_or_template_spells_an_address_of_the_table():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted([*GENERATOR.rglob("*.py"), *GENERATOR.rglob("*.j2")])
        if path != GENERATOR / "urls.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if SECTION_PATH.search(line)
    ]
    assert offenders == [], "read the address from generator/urls.py:\n" + "\n".join(offenders)


def test_the_check_above_finds_a_spelled_address():
    assert SECTION_PATH.search("""href="{{ page.href('mentors/') }}\"""")
    assert SECTION_PATH.search('url=f"practices/{practice_id}/",')
    assert not SECTION_PATH.search('f"{ctx.data}mentors/"')


def test_the_navigations_are_the_table():
    school = [(s.nav, s.src) for s in urls.SECTIONS]
    assert list(ORG_NAV) == school
    assert school == SCHOOL_NAV
    assert [(urls.section(k).nav, urls.section(k).src) for k in urls.DISTRICT_NAV] == DISTRICT_NAV
    assert {"parents.md"} == EDITORS_PAGES


def test_the_demo_and_scaffold_mkdocs_yml_list_the_table(tmp_path):
    def flat(nav: list[dict[str, object]]) -> list[tuple[str, str]]:
        pairs = []
        for entry in nav:
            ((label, value),) = entry.items()
            pairs.append((label, value if isinstance(value, str) else value[0]))  # «Новости: [news/index.md]»
        return pairs

    def nav_of(path: Path) -> list[dict[str, object]]:
        text = path.read_text(encoding="utf-8")
        return yaml.safe_load(text[text.index("\nnav:") :].split("\n\n", 1)[0])["nav"]

    assert flat(nav_of(ROOT / "mkdocs.yml")) == urls.nav()
    create(tmp_path / "new", None, None, "school", dt.date(2026, 9, 1))
    assert flat(nav_of(tmp_path / "new" / "mkdocs.yml")) == urls.nav()


def test_an_organization_may_not_take_a_section_address():
    for section in urls.SECTIONS:
        if section.path:
            assert section.path.split("/")[0] in RESERVED
    assert {"assets", "search", "sitemap", "404"} <= RESERVED


def test_the_exports_are_the_table():
    assert {e.format for e in urls.EXPORTS} == set(EXPORTERS)
    for export in urls.EXPORTS:
        assert export.path == urls.export_path(EXPORTERS[export.format].suffix)
    assert [(d.format, d.filename, d.label) for d in downloads()] == [(e.format, e.path, e.label) for e in urls.EXPORTS]


def test_addresses_of_records():
    assert urls.url("home") == ""
    assert urls.url("mentors", "ivanova-mp") == "mentors/ivanova-mp/"
    assert urls.source("mentors", "ivanova-mp") == "mentors/ivanova-mp.md"
    assert urls.url("roadmap", "dk-2024-2025") == "roadmap/dk-2024-2025/"
    assert urls.source("roadmap", "dk-2024-2025") == "roadmap/dk-2024-2025/index.md"
    assert urls.source("news", "2026-09-01-start") == "news/posts/2026-09-01-start.md"
