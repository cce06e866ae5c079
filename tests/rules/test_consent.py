"""Personal data (152-ФЗ): a person appears only as far as their consent goes, in every output of a build.

The fixture portal (built from tests/fixtures/minimal) has four people who matter:
* «Иванова Мария Петровна» — an adult without consent, with photo, biography, honors, contacts;
* «Орлова Вера Николаевна» — an adult whose consent covers the name only;
* «Сидоров Артём Олегович» — a pupil of 9Б with a parent's consent;
* «Кравцова Дарья Глебовна» — a pupil without consent;
each of them is an author of a practice and a participant of a news post. The whole built site is
searched (every file: JSON decoded, gzip and XLSX/DOCX unpacked) by a reader of its own, independent
of the generator's post-build check.
"""

from __future__ import annotations

import gzip
import html
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import copy_portal, run_cli
from photos import write_photo

pytestmark = pytest.mark.slow

ORLOVA = """name: Орлова Вера Николаевна
role: teacher
position: Учитель истории
subject: История
forms: [teacher-teacher]
bio: Секретная биография Орловой — её нельзя публиковать.
photo: files/mentors/orlova-vn.jpg
photo_alt: Портрет учителя истории
contacts:
  email: orlova.secret@test.example.ru
  phone: +7 900 111-22-33
honors:
  - year: 2025
    title: Тайная грамота Орловой
consent:
  publish: true
  date: 2025-09-01
  scope: [name]
"""
IVANOVA = """name: Иванова Мария Петровна
role: teacher
position: Учитель физики
bio: Биография Ивановой, которую нельзя публиковать.
photo: files/mentors/ivanova-mp.jpg
contacts: {email: ivanova.secret@test.example.ru}
honors:
  - year: 2024
    title: Грамота Ивановой
consent:
  publish: false
"""
DASHA = """name: Кравцова Дарья Глебовна
role: pupil
class: 7А
bio: Дарья любит шахматы.
consent:
  publish: false
"""
PRACTICE = """title: Наставничество в действии
authors: [ivanova-mp, orlova-vn, pupil-artem-9b, pupil-dasha-7a]
form: teacher-teacher
year: 2025
summary: Практика четырёх участников.
"""
POST = """---
title: Встреча наставников
date: 2025-10-15
categories: [События]
mentors: [ivanova-mp, orlova-vn, pupil-artem-9b, pupil-dasha-7a]
---

# Встреча наставников

Прошла встреча наставников и наставляемых.
"""
CURATOR_WITHOUT_CONSENT = "  - name: Секретова Галина Павловна\n    position: Педагог-организатор\n" \
    "    email: organizer@test.example.ru\n    phone: +7 (800) 000-00-01\n    consent: {publish: false}\n"  # fmt: skip

# What must appear nowhere: names in their written forms, the name-only person's withheld details.
FORBIDDEN = {
    "ivanova": ["иванов", "мария петровна", "биография ивановой", "грамота ивановой", "ivanova"],
    "orlova-details": ["секретная биография", "orlova.secret", "111-22-33", "тайная грамота", "orlova-vn.jpg"],
    "pupil": ["сидоров", "олегович", "sidorov"],
    "dasha": ["кравцов", "дарья", "глебовна", "шахматы", "pupil-dasha"],
    "curator": ["секретов", "галина павловна"],
}


def build_consent_portal(dest: Path) -> Path:
    root = copy_portal("minimal", dest)
    (root / "data/mentors/orlova-vn.yaml").write_text(ORLOVA, encoding="utf-8")
    (root / "data/mentors/ivanova-mp.yaml").write_text(IVANOVA, encoding="utf-8")
    (root / "data/mentors/pupil-dasha-7a.yaml").write_text(DASHA, encoding="utf-8")
    (root / "data/practices/v-dejstvii.yaml").write_text(PRACTICE, encoding="utf-8")
    (root / "content/news/posts/vstrecha.md").write_text(POST, encoding="utf-8")
    program = root / "data/program.yaml"
    text = program.read_text("utf-8").replace("current_roadmap:", CURATOR_WITHOUT_CONSENT + "current_roadmap:")
    program.write_text(text, encoding="utf-8")
    write_photo(root / "content/files/mentors/orlova-vn.jpg")
    write_photo(root / "content/files/mentors/ivanova-mp.jpg")
    return root


def site_text(site: Path) -> dict[str, str]:
    """Every file of the site as lower-case text a reader could see (paths included)."""
    texts = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        if path.suffix in {".xlsx", ".docx"}:
            with zipfile.ZipFile(path) as archive:
                data = b"".join(archive.read(m) for m in archive.namelist())
        text = data.decode("utf-8", errors="ignore")
        if path.suffix == ".json":
            text = json.dumps(json.loads(text), ensure_ascii=False)
        texts[rel] = (rel + "\n" + html.unescape(text)).lower().replace("ё", "е")
    return texts


def leaks(site: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for rel, text in site_text(site).items():
        hits = [word for words in FORBIDDEN.values() for word in words if word in text]
        if hits:
            found[rel] = hits
    return found


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Path:
    root = build_consent_portal(tmp_path_factory.mktemp("consent"))
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.text
    return root


def page(portal: Path, rel: str):
    return lxml_html.fromstring((portal / "site" / rel).read_bytes())


def test_nobody_appears_beyond_their_consent_in_any_file(portal):
    texts = site_text(portal / "site")
    assert "search/search_index.json" in texts and "sitemap.xml" in texts and "sitemap.xml.gz" in texts
    assert leaks(portal / "site") == {}


def test_the_name_only_person_is_named_and_nothing_more(portal):
    profile = page(portal, "mentors/orlova-vn/index.html")
    assert profile.cssselect("article h1")[0].text_content().startswith("Орлова Вера Николаевна")
    assert not profile.cssselect("article img"), "no photo without «photo» in scope"
    assert "Почта" not in profile.text_content() and "Награды" not in profile.text_content()
    assert not (portal / "site/files/mentors/orlova-vn.jpg").exists(), "the photo file is not published at all"
    board = page(portal, "honor-board/index.html").text_content()
    assert "Орлова" not in board


def test_a_pupil_is_shown_by_first_name_and_class_only(portal):
    profile = page(portal, "mentors/pupil-artem-9b/index.html")
    assert profile.cssselect("article h1")[0].text_content().startswith("Артём, 9Б")
    cards = page(portal, "mentors/index.html").text_content()
    assert "Артём, 9Б" in cards and "Кравцова" not in cards and "Дарья" not in cards


def test_references_without_consent_show_nastavnik(portal):
    practice = page(portal, "practices/v-dejstvii/index.html")
    authors = practice.cssselect(".nv-facts dd")[0].text_content().replace("\u00a0", " ")
    assert authors == "Орлова Вера Николаевна, Артём, 9Б и ещё 2 наставника"  # those without consent: counted only
    post = page(portal, "news/vstrecha/index.html")
    people = post.cssselect(".nv-post-people")[0]
    assert (
        people.text_content().replace("\u00a0", " ")
        == "Участники: Орлова Вера Николаевна, Артём, 9Б и ещё 2 наставника"
    )
    assert [a.get("href") for a in people.cssselect("a")] == [
        "../../mentors/orlova-vn/",
        "../../mentors/pupil-artem-9b/",
    ]
    assert not (portal / "site/mentors/ivanova-mp").exists() and not (portal / "site/mentors/pupil-dasha-7a").exists()


def test_a_curator_without_consent_keeps_work_contacts_only(portal):
    home = page(portal, "index.html")
    cards = [[" ".join(p.text_content().split()) for p in li.cssselect("p")] for li in home.cssselect("li.nv-contact")]
    assert ["Педагог-организатор", "Телефон: +7 (800) 000-00-01", "Почта: organizer@test.example.ru"] in cards
    assert any(card[:2] == ["Кураторова Анна Павловна", "Заместитель директора"] for card in cards)


def test_check_tells_where_a_name_is_replaced(portal):
    result = run_cli("check", cwd=portal)
    assert result.code == 0
    notices = [line for line in result.out.splitlines() if "к сведению" in line]
    assert any(
        n.startswith("data/practices/v-dejstvii.yaml:2: к сведению: у «ivanova-mp» нет согласия на публикацию имени:"
                     " на странице practices/v-dejstvii/ вместо имени будет написано «наставник»")
        and n.endswith("внесите согласие в data/mentors/ivanova-mp.yaml")
        for n in notices
    )  # fmt: skip
    assert any(n.startswith("content/news/posts/vstrecha.md:5: к сведению: у «pupil-dasha-7a»") for n in notices)
    assert all("orlova-vn" not in n and "pupil-artem-9b" not in n for n in notices)
    # The data is right as it is: a notice never fails the pull-request check (--strict), and GitHub shows it.
    strict = run_cli("check", "--strict", "--format", "github", cwd=portal)
    assert strict.code == 0, strict.text
    assert "::notice file=data/practices/v-dejstvii.yaml,line=2::у «ivanova-mp»" in strict.out


def test_withdrawn_consent_removes_the_person_from_every_output(portal, tmp_path):
    root = tmp_path / "withdraw"
    shutil.copytree(portal, root, ignore=shutil.ignore_patterns("site"))
    mentor = root / "data/mentors/orlova-vn.yaml"
    mentor.write_text(mentor.read_text("utf-8").replace("scope: [name]", "scope: [name, photo]"), encoding="utf-8")
    assert run_cli("build", cwd=root).code == 0
    before = site_text(root / "site")
    present = {rel for rel, text in before.items() if "орлова" in text or "orlova" in text}
    assert {"mentors/orlova-vn/index.html", "search/search_index.json", "sitemap.xml", "news/vstrecha/index.html",
            "practices/v-dejstvii/index.html", "files/mentors/orlova-vn.jpg"} <= present  # fmt: skip

    mentor.write_text(mentor.read_text("utf-8").replace("publish: true", "publish: false"), encoding="utf-8")
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.text
    after = site_text(root / "site")
    assert [
        rel for rel, text in after.items() if "орлов" in text or "orlova" in text or "вера николаевна" in text
    ] == []
    assert not (root / "site/mentors/orlova-vn").exists()
    assert not (root / "site/files/mentors/orlova-vn.jpg").exists()


def test_a_deleted_card_leaves_no_photo_behind(portal, tmp_path):
    """Deleting a person's file instead of withdrawing consent: their photo in files/mentors/ is not published."""
    root = tmp_path / "deleted"
    shutil.copytree(portal, root, ignore=shutil.ignore_patterns("site"))
    (root / "data/mentors/petrova-ai.yaml").unlink()
    write_photo(root / "content/files/mentors/petrova-ai.jpg")
    practice = root / "data/practices/shkola-molodogo-pedagoga.yaml"
    practice.write_text(practice.read_text("utf-8").replace("petrova-ai, ", ""), encoding="utf-8")
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.text
    assert not (root / "site/files/mentors/petrova-ai.jpg").exists()
    assert (root / "site/files/polozhenie.txt").exists()


def test_a_pupil_needs_a_parents_consent(minimal):
    pupil = minimal / "data/mentors/pupil-artem-9b.yaml"
    pupil.write_text(pupil.read_text("utf-8").replace("by: parent", "by: self"), encoding="utf-8")
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert "data/mentors/pupil-artem-9b.yaml:" in result.out
    assert "несовершеннолетний публикуется только с согласия родителя" in result.out


def test_a_pupils_file_name_must_not_spell_the_surname(minimal):
    (minimal / "data/mentors/pupil-artem-9b.yaml").rename(minimal / "data/mentors/sidorov-a.yaml")
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert "data/mentors/sidorov-a.yaml: имя файла «sidorov-a» содержит фамилию или отчество ученика латиницей" in (
        result.out
    )


def test_consent_without_a_date_publishes_nobody(minimal):
    (minimal / "data/mentors/x.yaml").write_text(
        "name: Безданная Ольга Ивановна\nrole: teacher\nconsent: {publish: true}\n", encoding="utf-8"
    )
    result = run_cli("check", cwd=minimal)
    assert result.code == 1 and "data/mentors/x.yaml:3: согласие на публикацию без даты" in result.out
