"""Every page of the URL map, on a real build of the demo portal, checked in its parsed HTML.

The demo is copied and built once for the module, with two edits that exercise edge cases the
demo itself does not have: the «Положение» PDF is padded to 1,2 МБ (the size shown must come from
the real file) and one mentor loses ``photo_alt`` (the photo's alt text must fall back to her name).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from lxml import etree
from lxml import html as lxml_html

from conftest import copy_portal, run_cli

pytestmark = pytest.mark.slow

SITE_URL = "https://school12.example.ru/nastavnichestvo/"
ORG = "МБОУ «Школа № 12»"
URL_MAP = [
    "",
    "roadmap/",
    "roadmap/dk-2025-2026/",
    "mentors/",
    "honor-board/",
    "practices/",
    "library/",
    "news/",
    "parents/",
    "stats/",
]
PUBLISHED = {
    "pupil-alina-10a": "Алина, 10А",
    "belova-ts": "Белова Татьяна Сергеевна",
    "fedorova-ok": "Фёдорова Ольга Константиновна",
    "guseva-do": "Гусева Дарья Олеговна",
    "kuznetsov-av": "Кузнецов Андрей Викторович",
    "morozov-dv": "Морозов Дмитрий Валерьевич",
    "nikitina-ea": "Никитина Елена Андреевна",
    "sokolova-an": "Соколова Анна Николаевна",
    "zaitsev-ig": "Зайцев Игорь Геннадьевич",
}
BIG_FILE = "content/files/polozhenie-o-nastavnichestve.pdf"
BIG_SIZE = 1_258_291  # 1,2 МБ


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    root = copy_portal("demo", tmp_path_factory.mktemp("pages"))
    pdf = root / BIG_FILE
    pdf.write_bytes(pdf.read_bytes().ljust(BIG_SIZE, b"\n"))
    mentor = root / "data/mentors/sokolova-an.yaml"
    mentor.write_text(re.sub(r"(?m)^photo_alt:.*\n", "", mentor.read_text("utf-8")), "utf-8")
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.text
    return root


@pytest.fixture(scope="module")
def site(demo: Path) -> Path:
    return demo / "site"


def parse(site: Path, url: str):
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    return lxml_html.fromstring(path.read_bytes())


def text(element) -> str:
    """The visible words of ``element``, one space between blocks, without heading permalinks."""
    return " ".join(" ".join(element.itertext()).replace("¶", "").split())


def all_pages(site: Path) -> list[str]:
    return sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))


def urls(site: Path) -> list[str]:
    return ["" if u == "./" else u for u in all_pages(site)]


# --- every page -------------------------------------------------------------------------------------


def test_every_url_of_the_map_exists_with_its_data(site):
    for url in URL_MAP:
        assert (site / url / "index.html").is_file(), url
    for person in PUBLISHED:
        assert (site / "mentors" / person / "index.html").is_file(), person
    for practice in ("dni-professii", "proekt-meteostanciya", "shkola-molodogo-pedagoga", "vzaimopomoshch-matematika"):
        assert (site / "practices" / practice / "index.html").is_file(), practice
    assert (site / "sitemap.xml").is_file()
    assert (site / "feed_rss_created.xml").is_file()


def test_every_page_is_russian_with_its_own_title_and_description(site):
    titles, descriptions = {}, {}
    for url in urls(site):
        doc = parse(site, url)
        assert doc.get("lang") == "ru", url
        title = doc.findtext(".//title")
        description = doc.xpath('//meta[@name="description"]/@content')
        assert title and title.endswith(f"Наставничество — {ORG}"), (url, title)
        assert len(description) == 1 and len(description[0]) > 20, (url, description)
        assert " - " not in title, title  # Russian dash, not Material's hyphen
        titles.setdefault(title, []).append(url)
        descriptions.setdefault(description[0], []).append(url)
    assert {t: u for t, u in titles.items() if len(u) > 1} == {}
    assert {d: u for d, u in descriptions.items() if len(u) > 1} == {}
    assert parse(site, "").findtext(".//title") == f"Наставничество — {ORG}"
    assert parse(site, "mentors/").findtext(".//title") == f"Наши наставники — Наставничество — {ORG}"
    assert parse(site, "news/archive/2026/11/").findtext(".//title").startswith("Новости за ноябрь 2026 г.")


def test_every_page_has_open_graph_tags_for_link_previews(site):
    for url in urls(site):
        doc = parse(site, url)
        og = {m.get("property"): m.get("content") for m in doc.xpath("//meta[starts-with(@property, 'og:')]")}
        assert og["og:locale"] == "ru_RU", url
        assert og["og:url"] == SITE_URL + url, url
        assert og["og:title"] and og["og:description"], url
        assert og["og:image"].startswith(SITE_URL) and og["og:image"].endswith((".png", ".jpg")), (url, og)
        assert og["og:type"] in {"website", "article"}, url
    post = parse(site, "news/2026-11-13-den-professii/")
    assert post.xpath("//meta[@property='og:image']/@content") == [SITE_URL + "files/news/2026-11-13-den-professii.jpg"]
    assert post.xpath("//meta[@property='og:type']/@content") == ["article"]
    profile = parse(site, "mentors/belova-ts/")
    assert profile.xpath("//meta[@property='og:image']/@content") == [SITE_URL + "files/mentors/belova-ts.jpg"]
    home = parse(site, "")
    assert home.xpath("//meta[@property='og:image']/@content") == [SITE_URL + "files/og-image.png"]
    assert (site / "files/og-image.png").is_file()


def test_no_page_loads_anything_from_another_site(site):
    for url in [*urls(site), "404.html"]:
        doc = parse(site, url)
        for attr in ("//script/@src", "//link[@rel='stylesheet']/@href", "//img/@src", "//link[@rel='icon']/@href"):
            for value in doc.xpath(attr):
                assert not re.match(r"^(https?:)?//", value), (url, value)
        assert "fonts.googleapis" not in etree.tostring(doc, encoding="unicode")


def test_the_theme_adds_one_file_script_and_one_inline_head_script(site):
    """What the theme puts on every page, exactly (the post-build script check relies on it)."""
    for url in [*urls(site), "404.html"]:
        doc = parse(site, url)
        sources = [Path(s).name for s in doc.xpath("//script/@src")]
        assert sources == ["bundle.a5f9d56c.min.js", "nastavnik.js"], (url, sources)
        inline = [s.text or "" for s in doc.xpath("//script[not(@src)]")]
        ours = [s for s in inline if "nv-a11y" in s]
        assert len(ours) == 1 and doc.xpath("//head/script[not(@src)][contains(., 'nv-a11y')]"), url
        assert ours[0].startswith('(function(d){d.classList.add("nv-js")'), url
        material = ("__md_scope=", "var target=document.getElementById(location.hash", '{"annotate"')
        others = [s.strip() for s in inline if "nv-a11y" not in s]
        assert others and all(s.startswith(material) for s in others), (url, [s[:40] for s in others])
        assert not doc.xpath("//@*[starts-with(name(), 'on')]"), url  # no event handler attributes


def test_every_page_has_the_switch_the_skip_link_and_the_footer(site):
    for url in [*urls(site), "404.html"]:
        doc = parse(site, url)
        skip = doc.cssselect("a.nv-skip")[0]
        assert skip.get("href") == "#nv-content" and doc.cssselect("#nv-content"), url
        alts = [img.get("alt") for img in doc.iter("img")]
        assert None not in alts and "logo" not in alts, (url, alts)  # every picture has a (Russian) alt text
        switch = doc.cssselect("button#nv-a11y-switch")[0]
        assert "Версия для слабовидящих" in text(switch) and switch.get("type") == "button", url
        assert doc.cssselect("#nv-a11y-panel [data-nv-set='scheme'][data-nv-value='blue']"), url
        assert doc.cssselect("a.nv-a11y-nojs-link[href='#nv-a11y-nojs']") and doc.cssselect("#nv-a11y-nojs"), url
        footer = text(doc.cssselect(".md-footer")[0])
        assert "г. Заречинск, ул. Школьная, д. 12" in footer, url
        assert "+7 (000) 412-12-00" in footer and "info@school12.example.ru" in footer, url
        assert "Данные обновлены: 22 ноября 2026 г." in footer, url
        nav = [a.text for a in doc.cssselect(".nv-footer__nav a")]
        assert nav == ["Наставничество", "Дорожная карта", "Наставники", "Доска почёта", "Практики", "Копилка",
                       "Новости", "Родителям", "Мониторинг"], url  # fmt: skip


def test_nobody_without_consent_appears_on_any_page(site):
    for path in site.rglob("*.html"):
        content = path.read_text("utf-8")
        for name in ("Иванова", "Кравцов", "Тимофей", "Белоусова", "Всеволодовна"):
            assert name not in content, (path, name)


def test_sitemap_lists_the_pages_at_the_site_address(site):
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    for url in [*URL_MAP, "mentors/belova-ts/", "practices/dni-professii/", "news/2026-11-13-den-professii/"]:
        assert f"<loc>{SITE_URL}{url}</loc>" in sitemap, url


# --- the pages --------------------------------------------------------------------------------------


def test_home_shows_figures_events_news_contacts_and_every_section(site):
    doc = parse(site, "")
    assert text(doc.cssselect("h1")[0]) == "Наставничество"
    assert "Средняя общеобразовательная школа № 12 г. Заречинска" in text(doc.cssselect(".nv-hero")[0])
    figures = [text(li) for li in doc.cssselect(".nv-figure")]
    assert figures == [
        "43 наставника в 2026-2027 учебном году",
        "53 наставнические пары в 2026-2027 учебном году",
        "145 наставляемых в 2026-2027 учебном году",
        "4 лучшие практики",
    ]
    # Build date 22.11.2026: what starts by 21.01.2027, then what is under way.
    starting = [text(li.cssselect(".nv-event__body a")[0]) for li in doc.cssselect(".nv-event")]
    assert (
        starting[-1]
        == "Методический день «Наставничество: из опыта работы» (открытые уроки и мастер-классы наставников)"
    )
    assert len(starting) == 4 and all("Профессиональные пробы" not in s for s in starting)
    badges = [text(b) for b in doc.cssselect(".nv-event__date")]
    assert badges == ["дек. 2026", "дек. 2026", "дек. 2026", "янв. 2027"]
    assert text(doc.cssselect(".nv-ongoing summary")[0]) == "Сейчас идут: 6 мероприятий"
    news = [text(a) for a in doc.cssselect(".nv-news__title a")]
    assert news == [
        "День профессии на приборостроительном заводе",
        "Семинар для наставников: как провести первую встречу",
        "Утверждена дорожная карта наставничества на 2026-2027 учебный год",
    ]
    assert text(doc.cssselect(".nv-news__date time")[0]) == "13 ноября 2026 г."
    contacts = text(doc.cssselect(".nv-contacts")[0])
    assert "Ковалёва Светлана Игоревна" in contacts and "nastavnik@school12.example.ru" in contacts
    assert doc.cssselect(".nv-contacts a[href='tel:+70004121205']")
    sections = [a.get("href") for a in doc.cssselect(".nv-tile > a")]
    assert sections == ["roadmap/", "mentors/", "honor-board/", "practices/", "library/", "news/", "parents/", "stats/"]
    forms = [text(h) for h in doc.cssselect(".nv-form .nv-card__title")]
    assert forms[0] == "Учитель – учитель" and len(forms) == 5
    assert "Опытный педагог – молодой специалист" in text(doc.cssselect(".nv-form")[0])


def roadmap_items(path: Path) -> list[dict]:
    def walk(sections):
        for section in sections:
            yield from section.get("items", [])
            yield from walk(section.get("sections", []))

    data = yaml.safe_load(path.read_text("utf-8"))
    return [*walk(data["sections"]), *(i for t in data.get("extra_tables", []) for i in t.get("items", []))]


def test_roadmap_shows_approval_sections_and_every_item_as_a_card(site, demo):
    doc = parse(site, "roadmap/")
    approval = [text(b) for b in doc.cssselect(".nv-approval__block")]
    assert approval[0] == "РАССМОТРЕНО: на педагогическом совете 28.08.2026 г. Протокол № 1"
    assert approval[1] == "УТВЕРЖДАЮ: Директор МБОУ «Школа № 12» О.В. Смирнова Приказ № 112-о от 31.08.2026 г."
    items = roadmap_items(demo / "data/roadmaps/dk-2026-2027.yaml")
    cards = doc.cssselect("li.nv-item")
    assert [c.cssselect(".nv-item__number")[0].text for c in cards] == [str(i["number"]) for i in items]
    for card, item in zip(cards, items, strict=True):
        facts = text(card.cssselect(".nv-item__facts")[0])
        assert item["deadline"] in facts and item["responsible"] in facts, item["number"]
        assert card.cssselect(".nv-status"), item["number"]
    # The roadmap is cards, never a table wider than the screen; the one table is the timeline's, inside its own
    # labelled scrolling region (and replaced by a list of months on narrow screens).
    tables = doc.cssselect("table")
    assert all(t.getparent().get("class") == "nv-timeline__scroll" for t in tables), "a table outside the timeline"
    assert all(t.getparent().get("role") == "region" and t.getparent().get("aria-labelledby") for t in tables)
    first = cards[0]
    assert "nv-item--done" in first.get("class") and text(first.cssselect(".nv-status")[0]) == "выполнено"
    assert text(doc.cssselect("#razdel-1")[0]).startswith("I. Подготовка условий")
    assert [a.get("href") for a in doc.cssselect(".nv-archive a")] == ["dk-2025-2026/"]
    evidence = [a.get("href") for a in cards[1].cssselect(".nv-evidence a")]  # item 1.2
    assert evidence == ["../news/2026-08-31-pedsovet-dorozhnaya-karta/", "../files/prikaz-112-o-2026.pdf"]
    understood = [text(s) for s in doc.cssselect(".nv-item__period")]
    assert "(с декабря 2026 г. по январь 2027 г.)" in understood and "(май 2027 г., ежегодно)" in understood
    archive = parse(site, "roadmap/dk-2025-2026/")
    assert text(archive.cssselect("h1")[0]) == "Дорожная карта 2025-2026"
    assert "Это архивная дорожная карта" in text(archive.cssselect(".nv-note")[0])
    assert len(archive.cssselect("li.nv-item")) == len(roadmap_items(demo / "data/roadmaps/dk-2025-2026.yaml"))


def test_mentors_are_cards_with_filters_by_form_and_role(site):
    doc = parse(site, "mentors/")
    cards = doc.cssselect("li.nv-person")
    names = {text(c.cssselect(".nv-person__name")[0]) for c in cards}
    assert names == set(PUBLISHED.values())
    alina = next(c for c in cards if "Алина, 10А" in text(c))
    assert alina.get("data-role") == "pupil" and alina.get("data-forms") == "pupil-pupil"
    assert text(alina.cssselect(".nv-avatar--initials")[0]) == "А" and not alina.cssselect("img")
    belova = next(c for c in cards if "Белова" in text(c))
    assert belova.cssselect("img")[0].get("alt") == "Белова Татьяна Сергеевна, учитель русского языка и литературы"
    assert "стаж 31 год" in text(belova)
    sokolova = next(c for c in cards if "Соколова" in text(c))
    assert sokolova.cssselect("img")[0].get("alt") == "Фото: Соколова Анна Николаевна"  # no photo_alt in data
    assert "стаж 24 года" in text(sokolova)
    forms = {i.get("id"): text(i.getnext()) for i in doc.cssselect("input[name='nv-forma']")}
    assert forms["nv-forma-all"] == "Все (9)" and forms["nv-forma-teacher-teacher"] == "Учитель – учитель (4)"
    roles = {i.get("id"): text(i.getnext()) for i in doc.cssselect("input[name='nv-rol']")}
    assert roles == {
        "nv-rol-all": "Все (9)",
        "nv-rol-teacher": "Педагоги (6)",
        "nv-rol-pupil": "Ученики (1)",
        "nv-rol-graduate": "Выпускники (1)",
        "nv-rol-employer": "Представители работодателей (1)",
    }
    style = doc.cssselect(".md-content style")[0].text
    assert '.nv-mentors:has(#nv-forma-pupil-pupil:checked) .nv-person:not([data-forms~="pupil-pupil"])' in style
    assert '.nv-mentors:has(#nv-rol-employer:checked) .nv-person:not([data-role="employer"])' in style
    assert ".nv-mentors:has(#nv-forma-teacher-teacher:checked):has(#nv-rol-pupil:checked) .nv-mentors__empty" in style
    assert ".nv-mentors:has(#nv-forma-all:checked):has(#nv-rol-all:checked)" not in style


def test_mentor_profile_shows_bio_honors_and_practices(site):
    doc = parse(site, "mentors/sokolova-an/")
    assert text(doc.cssselect("h1")[0]) == "Соколова Анна Николаевна"
    facts = text(doc.cssselect(".nv-facts")[0])
    assert "Стаж 24 года" in facts and "Ученик – ученик" in facts
    honors = [text(li) for li in doc.cssselect(".nv-honors li")]
    assert honors[0].startswith("2026 Победитель муниципального конкурса «Наставник года — 2026»")
    assert [a.get("href") for a in doc.cssselect(".nv-links a")] == ["../../practices/vzaimopomoshch-matematika/"]
    minor = parse(site, "mentors/pupil-alina-10a/")
    assert text(minor.cssselect("h1")[0]) == "Алина, 10А"
    assert "Класс 10А" in text(minor.cssselect(".nv-facts")[0])


def test_honor_board_groups_awards_by_year_then_level(site):
    doc = parse(site, "honor-board/")
    years = [text(h) for h in doc.cssselect("h2")]
    assert years == ["2026 год", "2025 год", "2024 год", "2023 год", "2022 год"]
    levels_2025 = [
        text(h) for h in doc.xpath("//h2[@id='god-2025']/following-sibling::h3[starts-with(@id, 'god-2025-')]")
    ]
    assert levels_2025 == ["Муниципальный уровень", "Школьный уровень"]
    winner = doc.xpath("//h3[@id='god-2026-1']/following-sibling::ul[1]")[0]
    assert "Победитель муниципального конкурса «Наставник года — 2026»" in text(winner)
    assert winner.cssselect("a")[0].get("href") == "../mentors/sokolova-an/"
    assert "Лучшая наставническая пара" in text(doc)


def test_practices_list_and_pages_show_authors_form_year_and_files(site):
    doc = parse(site, "practices/")
    titles = [text(a) for a in doc.cssselect(".nv-practice__title a")]
    assert len(titles) == 4 and titles[-1].startswith("«Школа молодого педагога»")
    page = parse(site, "practices/shkola-molodogo-pedagoga/")
    facts = text(page.cssselect(".nv-facts")[0])
    assert "Авторы Белова Татьяна Сергеевна и ещё один наставник" in facts  # the one without consent: counted only
    assert "Учитель – учитель" in facts and "Год 2025" in facts
    files = page.cssselect(".nv-docs a")
    assert (
        files[0].get("href") == "../../files/plan-shkoly-molodogo-pedagoga.pdf" and files[0].get("download") is not None
    )
    assert text(page.cssselect(".nv-doc__meta")[0]) == "PDF, 23 КБ"


def test_library_groups_documents_by_category_with_real_file_sizes(site):
    doc = parse(site, "library/")
    assert [text(h) for h in doc.cssselect("h2")] == [
        "Нормативные документы",
        "Программы наставничества",
        "Методические материалы",
        "Анкеты и формы",
    ]
    assert [text(h) for h in doc.cssselect("h3")] == ["Федеральные", "Региональные", "Локальные акты"]
    polozhenie = doc.cssselect("#doc-polozhenie-o-nastavnichestve")[0]
    assert "Положение № 118-о от 4 сентября 2026 г." in text(polozhenie)
    assert text(polozhenie.cssselect(".nv-doc__size")[0]) == "PDF, 1,2 МБ"
    assert polozhenie.cssselect("a")[0].get("href") == "../files/polozhenie-o-nastavnichestve.pdf"
    order = doc.cssselect("#doc-prikaz-minobr-oblasti .nv-doc__size")[0]
    assert text(order) == "PDF, 32 КБ"
    federal = doc.cssselect("#doc-rasporyazhenie-r-145")[0]
    assert "на другом сайте" in text(federal) and federal.cssselect("a")[0].get("download") is None


def test_news_has_archive_by_month_categories_pagination_and_rss(site):
    index = parse(site, "news/")
    assert len(index.cssselect("article.md-post")) == 5
    assert index.cssselect(".md-pagination a[href='page/2/']")
    assert len(parse(site, "news/page/2/").cssselect("article.md-post")) == 1
    for url in (
        "news/",
        "news/page/2/",
        "news/archive/2026/11/",
        "news/category/sobytiya/",
        "news/2026-11-13-den-professii/",
    ):
        feeds = parse(site, url).xpath("//head/link[@rel='alternate'][@type='application/rss+xml']/@href")
        assert any(f.endswith("feed_rss_created.xml") for f in feeds), url
    archive = parse(site, "news/archive/2026/11/")
    assert [text(a) for a in archive.cssselect(".md-post h2 a")] == ["День профессии на приборостроительном заводе"]
    category = parse(site, "news/category/konkursy/")
    assert "Наставник года" in text(category.cssselect(".md-post")[0])
    post = parse(site, "news/2026-11-13-den-professii/")
    image = post.cssselect("img.nv-post-image")[0]
    assert image.get("alt") == "Иллюстрация: шестерёнки и штангенциркуль"
    assert image.get("src") == "../../files/news/2026-11-13-den-professii.jpg"
    feed = (site / "feed_rss_created.xml").read_text("utf-8")
    assert (
        "День профессии на приборостроительном заводе" in feed and SITE_URL + "news/2026-11-13-den-professii/" in feed
    )


def test_parents_page_has_forms_steps_consent_forms_and_faq(site):
    doc = parse(site, "parents/")
    assert "Что такое наставничество в школе" in text(doc)
    assert [text(s) for s in doc.xpath("//h2[@id='formy']/following-sibling::details/summary")][:2] == [
        "Учитель – учитель",
        "Учитель – ученик",
    ]
    steps = doc.cssselect("ol.nv-steps li")
    assert len(steps) == 6 and text(steps[0]).startswith("Расскажите о своём запросе")
    step_links = [a.get("href") for a in doc.cssselect("ol.nv-steps a.nv-steps__link")]
    assert step_links == ["../files/anketa-nastavlyaemogo.docx", "../files/soglasie-roditelya.docx"]
    assert doc.xpath("//h1/following-sibling::h2")[0].get("id") == "kontakty"  # who to ask comes first
    consent = doc.cssselect("#blanki ~ ul.nv-docs a")[0]
    assert consent.get("href") == "../files/soglasie-roditelya.docx" and consent.get("download") is not None
    assert "DOCX, 37 КБ" in text(doc.cssselect("#blanki ~ ul.nv-docs")[0])
    faq = doc.xpath("//h2[@id='voprosy']/following-sibling::details")
    assert len(faq) >= 8 and text(faq[0].find("summary")) == "Участие в программе наставничества платное?"
    assert all(d.get("open") is None for d in faq)  # closed, opens without JavaScript


def test_stats_has_accessible_tables_and_svg_bar_charts(site):
    doc = parse(site, "stats/")
    tables = doc.cssselect("table.nv-table")
    assert len(tables) == 8  # with the shares against targets and the satisfaction surveys
    for table in tables:
        assert table.find("caption") is not None and table.xpath(".//th[@scope='col']")
        wrap = table.getparent()
        assert wrap.get("role") == "region" and wrap.get("aria-labelledby") == table.find("caption").get("id")
    latest = doc.cssselect("#tablica-2026-2027")[0].getparent()
    assert [text(td) for td in latest.xpath(".//tfoot//td")] == ["43", "145", "53"]
    pairs = doc.cssselect("#chart-pairs-2026-2027")[0]
    assert pairs.get("aria-hidden") == "true"
    bars = {
        text(r.cssselect(".nv-chart__label")[0]): r.cssselect("rect.nv-chart__fill")[0].get("width")
        for r in pairs.cssselect(".nv-chart__row")
    }
    assert bars == {
        "Учитель – учитель": "47.4%",
        "Учитель – ученик": "100.0%",
        "Ученик – ученик": "73.7%",
        "Работодатель – ученик": "31.6%",
        "Студент – ученик": "26.3%",
    }
    status = {
        text(r.cssselect(".nv-chart__label")[0]): text(r.cssselect(".nv-chart__value")[0])
        for r in doc.cssselect("#chart-status .nv-chart__row")
    }
    assert status["Выполнено"] == "9" and sum(int(v) for v in status.values()) == 26
    sections = doc.cssselect("#chart-sections rect.nv-chart__fill")
    assert sections[0].get("width") == "80.0%"
    assert "выполнено 9 из 26 мероприятий (35 %)" in text(doc)


def test_not_found_page_is_in_russian(site):
    doc = parse(site, "404.html")
    assert text(doc.cssselect("h1")[0]) == "Страница не найдена"
    assert doc.get("lang") == "ru"


def test_header_text_colour_follows_the_school_colour():
    from generator.engine.plugin import text_colour

    assert text_colour("#1f4e8c") == "#ffffff"  # dark blue: white text
    assert text_colour("#f2c14e") == "#000000"  # yellow: black text
    assert text_colour("#ffffff") == "#000000"
