"""The district demo (examples/district) built for real: every section, the district's pages, consent, search, CI."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html as lxml_html

from conftest import ROOT, mkdocs_build, run_cli, tree_digest

pytestmark = pytest.mark.slow

DEMO = ROOT / "examples" / "district"
ORGS = ["gimnaziya-1", "kolledzh", "shkola-3", "sosnovskaya-shkola"]
ORG_PAGES = ["index.html", "roadmap/index.html", "mentors/index.html", "honor-board/index.html",
             "practices/index.html", "library/index.html", "news/index.html", "parents/index.html",
             "stats/index.html"]  # fmt: skip
# Nobody without consent, nor a pupil's surname or patronymic, may appear anywhere in site/.
PRIVATE = ["Кирсанова", "Ступин", "Мещерякова", "Бутусова", "Колосов", "Горбунов", "Рябинин", "Тихонович",
           "Ростиславовна"]  # fmt: skip


def copy_demo(dest: Path) -> Path:
    target = dest / "district"
    shutil.copytree(DEMO, target, ignore=shutil.ignore_patterns("site", ".site-build-*"))
    return target


def texts(site: Path):
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".js", ".txt", ".ics", ".csv"}:
            text = path.read_text("utf-8", errors="replace")
            if path.suffix == ".json":
                text = json.dumps(json.loads(text), ensure_ascii=False)
            yield path, text


def page(path: Path):
    """The page parsed, its non-breaking spaces (Russian typography, generator/render/typography.py) read as spaces."""
    return lxml_html.fromstring(path.read_bytes().replace("\u00a0".encode(), b" "))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = copy_demo(tmp_path_factory.mktemp("district"))
    result = run_cli("build", "--jobs", "2", "--timings", "timings.json", cwd=root)
    assert result.code == 0, result.text
    assert "Сайт района собран в site/ (4 организации)" in result.out
    stages = [line for line in result.err.splitlines() if line.startswith("Этап: ")]  # off a terminal: a line each
    assert stages[0] == "Этап: чтение данных" and "Этап: сборка MkDocs" in stages and stages[-1] == "Этап: запись site/"
    assert len(stages) == len(set(stages)) and "\r" not in result.err and "организации:" not in result.err
    return root


def test_every_organization_has_its_section(built):
    for org in ORGS:
        for rel in ORG_PAGES:
            assert (built / "site" / org / rel).is_file(), f"{org}/{rel}"
    # an organization's section is a site of its own: its URLs and links stay inside /<org>/
    home = page(built / "site" / "shkola-3" / "index.html")
    assert "МБОУ «Школа № 3»" in home.text_content()
    canonical = home.cssselect('link[rel="canonical"]')[0].get("href")
    assert canonical == "https://rayon.example.ru/nastavnichestvo/shkola-3/"
    assert (built / "site" / "shkola-3" / "practices" / "starshie-mladshim" / "index.html").is_file()
    assert (built / "site" / "gimnaziya-1" / "news" / "2026-10-02-vypuskniki" / "index.html").is_file()


def test_the_district_pages_list_every_organization(built):
    site = built / "site"
    home = page(site / "index.html")
    links = {a.get("href") for a in home.cssselect("article a")}
    for org in ORGS:
        assert f"{org}/" in links, org
    text = home.text_content()
    for name in ("МБОУ «Гимназия № 1»", "ГБПОУ «Приреченский колледж»", "МБОУ «Школа № 3»", "МБОУ «Сосновская ООШ»"):
        assert name in text
    assert "4 образовательные организации" in " ".join(text.split())
    stats = page(site / "stats" / "index.html")
    rows = stats.cssselect("table")[1].cssselect("tbody tr")
    by_org = {r.cssselect("th")[0].text_content(): [td.text_content() for td in r.cssselect("td")] for r in rows}
    assert by_org["МБОУ «Школа № 3»"] == ["21", "38", "23"]  # its monitoring.yaml, 2026-2027
    forms = {
        r.cssselect("th")[0].text_content(): r.cssselect("td")[0].text_content()
        for r in stats.cssselect("table")[0].cssselect("tbody tr")
    }
    assert forms["Учитель – учитель"] == "4"  # every organization has this form
    # the district's own roadmap and section pages come from its data/
    assert "Приреченского муниципального района на 2025-2027 годы" in page(site / "roadmap/index.html").text_content()
    assert not (site / "mentors").exists()  # the district has no mentors of its own: no empty page
    assert not (site / "organizations").exists()  # content/organizations/ is never the district's page


def test_every_link_of_the_district_section_resolves(built):
    site = built / "site"
    for rel in ("index.html", "honor-board/index.html", "stats/index.html"):
        base = (site / rel).parent
        for a in page(site / rel).cssselect("article a[href]"):
            href = a.get("href")
            if re.match(r"^[a-z]+:", href) or href.startswith("#"):
                continue
            target = (base / unquote(urlsplit(href).path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            assert target.is_file(), f"{rel}: {href}"


def test_the_honor_board_aggregates_every_organization(built):
    board = page(built / "site" / "honor-board" / "index.html")
    entries = board.cssselect("li.nv-honor")
    orgs = {e.cssselect("p.nv-muted a")[0].text_content() for e in entries}
    assert orgs == {"МБОУ «Гимназия № 1»", "ГБПОУ «Приреченский колледж»", "МБОУ «Школа № 3»", "МБОУ «Сосновская ООШ»"}
    text = " ".join(board.text_content().split())
    assert "Ветрова Ольга Сергеевна" in text and "Седова Лидия Николаевна" in text
    assert text.index("2026 год") < text.index("2025 год") < text.index("2024 год")
    # a person's link leads to their profile in their organization's section
    hrefs = [a.get("href") for e in entries for a in e.cssselect("a") if "/mentors/" in a.get("href")]
    assert "../gimnaziya-1/mentors/vetrova-os/" in hrefs


def test_nobody_without_consent_appears_anywhere(built):
    found = [
        (path.relative_to(built).as_posix(), name)
        for path, text in texts(built / "site")
        for name in PRIVATE
        if name in text
    ]
    assert found == []
    # the pupil with a parent's consent appears by first name and class only
    egor = page(built / "site" / "shkola-3" / "mentors" / "uchenik-egor" / "index.html").text_content()
    assert "Егор, 10Б" in egor


def test_one_search_index_per_section_in_utf8(built):
    site = built / "site"
    for org in ORGS:
        raw = (site / org / "search" / "search_index.json").read_bytes()
        assert b"\\u04" not in raw  # Cyrillic as UTF-8, not escapes
        docs = json.loads(raw)["docs"]
        assert docs and not any(d["location"].startswith(tuple(f"{o}/" for o in ORGS)) for d in docs)
        assert len(raw) < 1024 * 1024
    top = json.loads((site / "search" / "search_index.json").read_bytes())["docs"]
    assert {d["location"].split("/")[0] for d in top}.isdisjoint(ORGS)
    assert "Наставничество" in (site / "search" / "search_index.json").read_text("utf-8")


def test_timings_of_a_parallel_build(built):
    timings = json.loads((built / "timings.json").read_text("utf-8"))
    assert {"load", "validate", "render", "mkdocs", "write", "checks", "pages", "records", "peak_rss_mb"} <= set(
        timings
    )
    assert timings["pages"] == sum(1 for _ in (built / "site").rglob("*.html"))
    assert timings["records"] == 45
    assert timings["mkdocs"] > 0 and timings["peak_rss_mb"] > 20


def test_check_reports_problems_with_the_organizations_paths(tmp_path):
    root = copy_demo(tmp_path)
    mentor = root / "data/organizations/shkola-3/mentors/panin-ag.yaml"
    mentor.write_text(mentor.read_text("utf-8").replace("experience: 15", "experiance: 15"), encoding="utf-8")
    shutil.rmtree(root / "content/organizations/kolledzh/news")
    (root / "data/organizations/Bad_Name").mkdir()
    (root / "content/organizations/lost").mkdir()
    (root / "content/organizations/shkola-3/files/prikaz-87-o.pdf").unlink()
    line = mentor.read_text("utf-8").splitlines().index("experiance: 15") + 1
    result = run_cli("check", cwd=root)
    assert result.code == 1
    assert f"data/organizations/shkola-3/mentors/panin-ag.yaml:{line}: неизвестное поле «experiance»" in result.out
    assert "content/organizations/kolledzh/news/index.md: нет страницы новостей организации" in result.out
    assert "data/organizations/Bad_Name: имя папки организации «Bad_Name» не подходит" in result.out
    assert "content/organizations/lost: предупреждение: для папки «lost» нет папки данных" in result.out
    assert (
        "data/organizations/shkola-3/library/prikaz-87-o.yaml:6: файл «files/prikaz-87-o.pdf» не найден "
        "в папке content/organizations/shkola-3/" in result.out
    )
    assert "Traceback" not in result.text


def test_a_leak_in_one_organization_fails_the_whole_build(tmp_path):
    root = copy_demo(tmp_path)
    assert run_cli("build", cwd=root).code == 0
    before = tree_digest(root / "site")
    post = root / "content/organizations/gimnaziya-1/news/posts/2026-11-01-leak.md"
    post.write_text(
        "---\ntitle: Встреча\ndate: 2026-11-01\n---\n\nВыступил Колосов Матвей Артёмович.\n", encoding="utf-8"
    )
    result = run_cli("build", cwd=root)
    assert result.code == 1
    assert (
        "site/gimnaziya-1/news/2026-11-01-leak/index.html: в опубликованном файле есть имя человека без согласия "
        "на публикацию (data/organizations/sosnovskaya-shkola/mentors/kolosov-ma.yaml)"
    ) in result.err  # a teacher of another school of the district
    assert "Колосов" not in result.err  # build logs may be public
    assert tree_digest(root / "site") == before  # the published site is untouched
    assert not list(root.glob(".site-build-*"))


def test_a_leak_in_the_district_pages_waits_for_the_organizations_outcomes(tmp_path):
    """The district's own pages are built while the workers finish the last sections; what they raise is raised
    after the organizations' outcomes are judged, as when they were built after them."""
    root = copy_demo(tmp_path)
    leak = "---\ntitle: Встреча\ndate: 2026-11-01\n---\n\nВыступил Колосов Матвей Артёмович.\n"
    (root / "content/news/posts/2026-11-02-leak.md").write_text(leak, encoding="utf-8")
    own = "site/news/2026-11-02-leak/index.html: в опубликованном файле есть имя человека без согласия на публикацию"
    result = run_cli("build", "--jobs", "2", cwd=root)
    assert result.code == 1
    assert own in result.err
    assert "Traceback" not in result.text
    (root / "content/organizations/gimnaziya-1/news/posts/2026-11-01-leak.md").write_text(leak, encoding="utf-8")
    result = run_cli("build", "--jobs", "2", cwd=root)
    assert result.code == 1
    assert "site/gimnaziya-1/news/2026-11-01-leak/index.html: в опубликованном файле есть имя" in result.err
    assert own not in result.err  # the sections' findings come first, as before
    assert not (root / "site").exists() and not list(root.glob(".site-build-*"))


def test_org_builds_one_section_and_prebuilt_sections_merge(tmp_path):
    # as the CI matrix does: each organization built on its own, then merged by one more build
    shards = tmp_path / "prebuilt"
    for org in ORGS[:2]:
        runner = copy_demo(tmp_path / f"runner-{org}")
        result = run_cli("build", "--org", org, cwd=runner)
        assert result.code == 0, result.text
        assert f"Раздел организации собран в site/{org}/" in result.out
        assert sorted(p.name for p in (runner / "site").iterdir()) == [org]  # that section only
        shutil.copytree(runner / "site" / org, shards / org)
    final = copy_demo(tmp_path / "final")
    result = run_cli("build", "--prebuilt", str(shards), "--jobs", "1", cwd=final)
    assert result.code == 0, result.text
    for org in ORGS[:2]:
        assert tree_digest(final / "site" / org) == tree_digest(shards / org)
    for org in ORGS:
        assert (final / "site" / org / "index.html").is_file()
    assert (final / "site" / "index.html").is_file()

    # --org on a built site replaces that section only
    others = {org: tree_digest(final / "site" / org) for org in ORGS if org != "shkola-3"}
    news = final / "content/organizations/shkola-3/news/posts/2026-11-20-novoe.md"
    news.write_text("---\ntitle: Новая новость\ndate: 2026-11-20\n---\n\nТекст.\n", encoding="utf-8")
    assert run_cli("build", "--org", "shkola-3", cwd=final).code == 0
    assert (final / "site/shkola-3/news/2026-11-20-novoe/index.html").is_file()
    assert {org: tree_digest(final / "site" / org) for org in others} == others

    unknown = run_cli("build", "--org", "nope", cwd=final)
    assert unknown.code == 2 and "такой организации нет" in unknown.err


def test_plain_mkdocs_builds_the_district_section(tmp_path):
    root = copy_demo(tmp_path)
    proc = mkdocs_build(root, tmp_path / "plain")
    assert proc.code == 0, proc.err
    home = page(tmp_path / "plain" / "index.html")
    assert "МБОУ «Гимназия № 1»" in home.text_content()  # the district's pages, with every organization
    assert not (tmp_path / "plain" / "organizations").exists()
    assert not (tmp_path / "plain" / "shkola-3").exists()  # sections are built by nastavnik build only


# ---------------------------------------------------------------- the CI matrix workflow: test_workflow.py


# ---------------------------------------------------------------- search in the browser


@pytest.fixture(scope="module")
def server(built):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def search(url: str, word: str) -> list[str]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page_ = browser.new_page()
        page_.goto(url)
        page_.wait_for_load_state("networkidle")
        box = page_.locator("input.md-search__input")
        box.click()
        box.fill(word)
        box.dispatch_event("keyup")  # Material's search listens to key presses
        page_.wait_for_function(
            "() => !document.querySelector('.md-search-result__meta').textContent.includes('Начните')"
        )
        links = page_.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
        browser.close()
    return [urlsplit(link).path for link in links]


@pytest.mark.browser
def test_search_finds_cyrillic_words_within_the_section(server):
    found = search(server + "/gimnaziya-1/", "исследовательская")
    assert "/gimnaziya-1/practices/ekologiya-kraya/" in found
    assert all(path.startswith("/gimnaziya-1/") for path in found)
    top = search(server + "/", "исследовательская")  # the district's index holds its own pages only
    assert not any(path.startswith("/gimnaziya-1/practices/") for path in top)


def test_stats_ranks_organizations_by_the_share_of_pupils_involved(built):
    doc = page(built / "site" / "stats" / "index.html")
    table = doc.xpath("//h2[@id='ohvat']/following-sibling::table")[0]
    rows = [[cell.text_content().strip() for cell in row.xpath("./td|./th")] for row in table.xpath(".//tbody/tr")]
    shares = [float(row[3].split()[0].replace(",", ".")) for row in rows if row[3] != "—"]
    assert len(shares) >= 2 and shares == sorted(shares, reverse=True)
    assert [row[0] for row in rows[: len(shares)]] == [str(i) for i in range(1, len(shares) + 1)]
    assert all(row[0] == "—" and row[2] == "нет данных" for row in rows[len(shares) :])  # no figures: last, unranked


def test_stats_offers_the_organizations_figures_in_three_formats(built):
    import csv
    import io
    import json

    from openpyxl import load_workbook

    site = built / "site"
    links = [a.get("href") for a in page(site / "stats" / "index.html").cssselect(".nv-downloads a")]
    assert links == ["../monitoring.xlsx", "../monitoring.csv", "../monitoring.json"]
    rows = list(csv.reader(io.StringIO((site / "monitoring.csv").read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Организация", "Учебный год"]
    assert {row[0] for row in rows[1:] if row and row[0] != "Организация"} >= {
        "МБОУ «Школа № 3»",
        "МБОУ «Гимназия № 1»",
    }
    data = json.loads((site / "monitoring.json").read_text(encoding="utf-8"))
    assert len(data["organizations"]) == len(ORGS)
    assert load_workbook(site / "monitoring.xlsx").sheetnames == ["По организациям и формам", "Охват"]
