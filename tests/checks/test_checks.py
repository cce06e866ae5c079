"""The post-build checks on hand-crafted files: scripts, handlers, frames, names, spreadsheet formulas.

The HTML pages start from a real built page of the minimal portal, with one thing injected into
its content or into the theme around it; the check must name the page and what it found.
"""

from __future__ import annotations

import gzip
import json
import shutil
import zipfile
from pathlib import Path

import material
import openpyxl
import pytest

from conftest import copy_portal, mkdocs_build, run_cli, written
from generator import parallel as background
from generator.checks.names import check_names, normalize
from generator.checks.scan import HTML_SUFFIXES, Embeds, Scan
from generator.checks.site import EarlyPage, PageChecks, SiteCheck
from generator.checks.spreadsheets import check_spreadsheets
from generator.checks.trusted import trusted
from generator.rules.people import Name, NamePolicy, split_name
from generator.sources.config import theme_dir
from generator.tables.flat import csv_escape, csv_unescape

MATERIAL_TEMPLATES = str(Path(material.__file__).parent / "templates")
CONTENT_START = '<article class="md-content__inner md-typeset">'
EMBEDS = Embeds(("vk.com", "rutube.ru"))


@pytest.fixture
def built(built_minimal) -> Path:
    return built_minimal


@pytest.fixture
def site(built, tmp_path) -> Path:
    """A copy of the built site whose pages a test may change."""
    target = tmp_path / "site"
    shutil.copytree(built / "site", target)
    return target


def scan(site: Path, content_dir: Path | None = None, extra_theme: Path | None = None) -> list:
    dirs = [MATERIAL_TEMPLATES, theme_dir(), *([str(extra_theme)] if extra_theme else [])]
    return Scan(site, trusted(dirs), EMBEDS, content_dir).run()


def inject(site: Path, html: str, *, into_content: bool = True, page: str = "index.html") -> None:
    path = site / page
    text = path.read_text("utf-8")
    assert CONTENT_START in text
    if into_content:
        text = text.replace(CONTENT_START, CONTENT_START + html, 1)
    else:
        text = text.replace("</body>", html + "</body>", 1)
    path.write_text(text, encoding="utf-8")


def test_a_real_build_is_clean(site):
    assert scan(site) == []


@pytest.mark.parametrize(
    ("html", "what"),
    [
        ("<script>alert(1)</script>", "скрипт"),
        ('<script type="module" src="assets/javascripts/bundle.js"></script>', "скрипт"),
        ("<img src=x onerror=alert(1)>", "обработчик события onerror="),
        ('<div onmouseover="alert(1)">x</div>', "обработчик события onmouseover="),
        ('<a href="javascript:alert(1)">x</a>', "javascript:/data: в атрибуте href"),
        ('<a href="JaVaScRiPt:alert(1)">x</a>', "javascript:/data: в атрибуте href"),
        ('<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>', "в атрибуте href"),
        ('<a href="&#x6A;avascript&#x3A;alert(1)">x</a>', "в атрибуте href"),
        ('<a href="jav&#x09;ascript:alert(1)">x</a>', "в атрибуте href"),
        ('<a href=" &#14; javascript:alert(1)">x</a>', "в атрибуте href"),
        ('<a href="vbscript:msgbox(1)">x</a>', "в атрибуте href"),
        ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "в атрибуте href"),
        ('<img src="data:image/svg+xml,<svg onload=alert(1)>">', "в атрибуте src"),
        ('<form action="/x"><input name="q"></form>', "форма <form>"),
        ('<button formaction="javascript:alert(1)">x</button>', "в атрибуте formaction"),
        ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "в атрибуте xlink:href"),
        ('<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>', "в атрибуте values"),
        ('<svg><set attributeName="href" to="https://x.example/"/></svg>', "анимация SVG"),
        ('<iframe src="https://evil.example/" sandbox=""></iframe>', "встроенный фрейм"),
        ('<iframe src="https://vk.com/video_ext.php?id=1"></iframe>', "встроенный фрейм"),
        ('<iframe src="https://evil.example\\@vk.com/" sandbox=""></iframe>', "встроенный фрейм"),
        ('<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;" sandbox=""></iframe>', "srcdoc"),
        ('<object data="x.swf"></object>', "элемент <object>"),
        ('<embed src="x.swf">', "элемент <embed>"),
        ('<base href="https://evil.example/">', "элемент <base>"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "автоматический переход"),
        ('<div style="width: expression(alert(1))">x</div>', "стиль с выполняемым кодом"),
        ('<div style="background:url(javascript:alert(1))">x</div>', "стиль с выполняемым кодом"),
        ("<style>body{behavior:url(x.htc)}</style>", "стиль с выполняемым кодом"),
        ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "элемент <noscript>"),
        ("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "элемент <math>"),
    ],
)
def test_executable_content_is_found(site, html, what):
    inject(site, html)
    problems = scan(site)
    assert problems, html
    assert all(p.file == "site/index.html" for p in problems)
    assert any(what in p.message for p in problems), [p.message for p in problems]
    assert all("в тексте страницы" in p.message and "сайт не обновлён" in p.hint for p in problems)


@pytest.mark.parametrize(
    "html",
    [
        '<iframe src="https://vk.com/video_ext.php?oid=1&id=2" sandbox="allow-scripts allow-same-origin"></iframe>',
        '<iframe src="https://www.rutube.ru/play/embed/1" sandbox=""></iframe>',
        '<a href="https://example.org/">ссылка</a> <a href="mailto:a@b.ru">почта</a> <a href="#x">якорь</a>',
        "<p>Текст onclick=alert(1) и javascript:alert(1) как текст</p>",
        '<img src="files/x.jpg" alt="&quot; onerror=&quot;alert(1)">',
        "<p title=\"' onmouseover='alert(1)'\">цитата</p>",
    ],
)
def test_harmless_content_passes(site, html):
    inject(site, html)
    assert scan(site) == []


@pytest.mark.parametrize(
    ("html", "what"),
    [
        ("<script>alert(1)</script>", "встроенный скрипт, которого нет в шаблонах"),
        ('<script src="https://evil.example/x.js"></script>', "скрипт не из оформления"),
        ('<script src="//evil.example/x.js"></script>', "скрипт не из оформления"),
        ('<script src="files/polozhenie.txt"></script>', "скрипт не из оформления"),
        ('<script src="assets/../files/polozhenie.txt"></script>', "скрипт не из оформления"),
        ('<form class="evil" action="https://evil.example/"></form>', "форма <form>"),
        ('<body onload="alert(1)">', "обработчик события onload="),
    ],
)
def test_the_theme_area_allows_only_the_themes_scripts(site, html, what):
    inject(site, html, into_content=False)
    problems = scan(site)
    assert any(what in p.message for p in problems), [p.message for p in problems]


def test_theme_scripts_and_forms_are_trusted(site):
    inject(site, '<script type="application/json" id="data">{"a": "</b>"}</script>', into_content=False)
    inject(site, '<form class="md-search__form" name="search"><input name="query"></form>', into_content=False)
    inject(site, '<script src="assets/javascripts/bundle.a5f9d56c.min.js"></script>', into_content=False)
    assert scan(site) == []


def test_an_inline_script_written_in_a_theme_template_is_trusted(site, tmp_path):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}<script>document.documentElement.dataset.nv='
        '"{{ config.extra.mode }}"</script>{% endblock %}',
        encoding="utf-8",
    )
    inject(site, '<script>document.documentElement.dataset.nv="big"</script>', into_content=False)
    assert scan(site, extra_theme=theme) == []
    inject(site, '<script>document.documentElement.dataset.nv="x";alert(1)//"</script>', into_content=False)
    problems = scan(site, extra_theme=theme)
    assert len(problems) == 1 and "встроенный скрипт" in problems[0].message


def test_an_inline_script_included_from_a_file_is_trusted(site, tmp_path):
    theme = tmp_path / "theme"
    (theme / "partials").mkdir(parents=True)
    (theme / "partials/nv-head.js").write_text('try{var m=localStorage.getItem("nv-mode")}catch(e){}\n', "utf-8")
    (theme / "main.html").write_text(
        '{% extends "base.html" %}{% block extrahead %}<script>{% include "partials/nv-head.js" %}</script>'
        "{% endblock %}",
        encoding="utf-8",
    )
    inject(site, '<script>try{var m=localStorage.getItem("nv-mode")}catch(e){}</script>', into_content=False)
    assert scan(site, extra_theme=theme) == []


def test_a_script_replaced_through_content_is_refused(site, tmp_path):
    bundle = next((site / "assets/javascripts").glob("bundle.*.min.js")).relative_to(site).as_posix()
    content = tmp_path / "content"
    (content / bundle).parent.mkdir(parents=True)
    (content / bundle).write_text("alert(1)", encoding="utf-8")  # an upload that would override the theme's file
    problems = scan(site, content_dir=content)
    assert any("скрипт не из оформления" in p.message for p in problems)
    assert any(p.file == f"site/{bundle}" and "файл JavaScript не публикуется" in p.message for p in problems)


def test_svg_and_xml_files_are_scanned(site):
    (site / "files/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>', encoding="utf-8"
    )
    (site / "files/evil.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>', encoding="utf-8"
    )
    (site / "files/evil.xml").write_text(
        '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', encoding="utf-8"
    )
    (site / "files/broken.svg").write_text("<svg><script>alert(1)</svg", encoding="utf-8")
    found = scan(site)
    broken = [p for p in found if p.file == "site/files/broken.svg"]  # a browser renders what precedes the error
    assert len(broken) == 1 and "не читается как XML (строка 1)" in broken[0].message
    problems = {(p.file, p.message.split(" — ")[1].split(":")[0]) for p in found if p not in broken}
    assert problems == {
        ("site/files/evil.svg", "скрипт в файле SVG/XML"),
        ("site/files/evil.svg", "обработчик события onload="),
        ("site/files/evil.xml", "скрипт в файле SVG/XML"),
    }


def test_html_inside_feeds_is_scanned(site):
    (site / "feed_rss_created.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</title>'
        "<description>&lt;img src=x onerror=alert(1)&gt;</description></item>"
        "<item><description>&lt;b&gt;жирный&lt;/b&gt; текст</description></item></channel></rss>",
        encoding="utf-8",
    )
    (site / "feed_json_created.json").write_text(
        json.dumps({"items": [{"content_html": '<a href="javascript:alert(1)">x</a>'}, {"content_html": "<p>ok</p>"}]}),
        encoding="utf-8",
    )
    found = {(p.file, p.message.split(" — ")[1].split(":")[0]) for p in scan(site)}
    assert found == {
        ("site/feed_rss_created.xml", "обработчик события onerror="),
        ("site/feed_json_created.json", "адрес javascript"),
    }


def test_an_uploaded_html_file_is_scanned(site):
    (site / "files/page.html").write_text("<html><body><script>alert(1)</script></body></html>", encoding="utf-8")
    problems = scan(site)
    assert [p.file for p in problems] == ["site/files/page.html"]


def test_the_check_fails_a_real_build_and_keeps_the_site(built):
    before = {p: p.read_bytes() for p in (built / "site").rglob("*") if p.is_file()}
    with written(built / "content/evil.html", "<p>hi</p><img src=x onerror=alert(1)>"):
        result = run_cli("build", cwd=built)
    assert result.code == 1
    assert (
        "site/evil.html: в тексте страницы найдено выполняемое содержимое — обработчик события onerror=" in result.err
    )
    assert {p: p.read_bytes() for p in (built / "site").rglob("*") if p.is_file()} == before


# --- names ---------------------------------------------------------------------------------------


POLICY = NamePolicy(
    withheld=(
        split_name("data/mentors/ivanova-mp.yaml", "Иванова Мария Петровна"),
        split_name("data/mentors/pupil-artem-9b.yaml", "Сидоров Артём Олегович"),
    ),
    minors=(split_name("data/mentors/pupil-artem-9b.yaml", "Сидоров Артём Олегович"),),
    published=(split_name("data/mentors/sidorova-oi.yaml", "Сидорова Ольга Ивановна"),),
)


def found(tmp_path: Path, text: str, name: str = "page.html") -> list[str]:
    site = tmp_path / "names"
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir()
    (site / name).write_text(text, encoding="utf-8")
    return sorted({p.message.split("(")[-1].rstrip(")") for p in check_names(site, POLICY)})


IVANOVA = ["data/mentors/ivanova-mp.yaml"]
PUPIL = ["data/mentors/pupil-artem-9b.yaml"]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Выступила Иванова Мария Петровна.", IVANOVA),
        ("Благодарим Иванову Марию Петровну", IVANOVA),
        ("у Ивановой Марии", IVANOVA),
        ("Мария Петровна Иванова", IVANOVA),
        ("Марии Ивановой", IVANOVA),
        ("Иванова М.П.", IVANOVA),
        ("Иванова М. П., учитель", IVANOVA),
        ("М.П. Иванова", IVANOVA),
        ("ИВАНОВА МАРИЯ", IVANOVA),
        ("<td>Иванова</td><td>Мария</td>", IVANOVA),
        ('<img alt="Иванова Мария" src="x.jpg">', IVANOVA),
        ("Ива\u00adнова Мария", IVANOVA),
        ("&#1048;ванова &#x41C;ария", IVANOVA),
        ("Ивaнова Мaрия", IVANOVA),  # Latin «a» inside
        ("Иванова M. P.", IVANOVA),  # Latin capitals for the initials
        ("ИBAHOBA MAPИЯ", IVANOVA),  # capitals, half of them Latin
        ("Поздравляем Cидорова!", PUPIL),  # a minor's surname beginning with a Latin «C»
        ("Иванова&shy;Марина", []),  # one word once the soft hyphen is gone: not the name
        ("Иванова&nbsp;Мария", IVANOVA),
        ("Иванов Пётр и Марина Иванова", []),
        ("Иванова — частая фамилия", []),
        ("Сидоров", PUPIL),
        ("Поздравляем Сидорова!", PUPIL),
        ("СИДОРОВУ", PUPIL),
        ("Артём Олегович", PUPIL),
        ("Артём, 9Б, провёл занятие", []),
        ("сидоровая каша", []),  # not a capital: an ordinary word
        ("Сидорова Ольга Ивановна ведёт кружок", []),  # a consenting teacher with the same surname
        ("Спасибо Сидоровой Ольге Ивановне", []),
        ('<a href="../mentors/sidorov-artem/">Артём</a>', PUPIL),
        ('<a href="../mentors/pupil-artem-9b/">Артём</a>', []),
        (
            '<a href="../files/%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0%20%D0%9C%D0%B0%D1%80%D0%B8%D1%8F.pdf">',
            IVANOVA,
        ),
    ],
)
def test_names_are_found_in_every_written_form(tmp_path, text, who):
    assert found(tmp_path, text) == who


def test_names_in_file_names_json_gzip_and_office_files(tmp_path):
    assert found(tmp_path, "x", name="Иванова Мария.txt") == IVANOVA
    assert found(tmp_path, json.dumps({"text": "Иванова Мария"}), name="search_index.json") == IVANOVA
    site = tmp_path / "office"
    site.mkdir()
    with gzip.open(site / "sitemap.xml.gz", "wt", encoding="utf-8") as stream:
        stream.write("<loc>https://x.example/mentors/sidorov/</loc>")
    book = openpyxl.Workbook()
    book.active["A1"] = "Иванова Мария Петровна"
    book.properties.creator = "Сидоров Артём"
    book.save(site / "table.xlsx")
    problems = check_names(site, POLICY)
    messages = sorted((p.file, p.message) for p in problems)
    assert ("site/sitemap.xml.gz", "в опубликованном файле есть фамилия несовершеннолетнего латиницей "
            "(data/mentors/pupil-artem-9b.yaml)") in messages  # fmt: skip
    assert any(f == "site/table.xlsx" and "ivanova-mp" in m for f, m in messages)
    assert any(f == "site/table.xlsx" and "в свойствах документа" in m for f, m in messages)
    assert all("Иванова" not in m and "Сидоров" not in m for _, m in messages), "logs must not repeat the name"


def test_normalize_reads_like_a_browser():
    text = normalize('<b title="Ив&#1072;нова">Мари&shy;я</b>')
    assert '"Иванова"' in text and " Мария " in text and "<" not in text


def test_a_surname_with_yo_is_found_written_with_ye(tmp_path):
    policy = NamePolicy((), (split_name("data/mentors/pupil-a.yaml", "Ёлкин Пётр Семёнович"),), ())
    site = tmp_path / "yo"
    site.mkdir()
    (site / "a.html").write_text("<p>Поздравляем Елкина!</p>", encoding="utf-8")
    assert [p.file for p in check_names(site, policy)] == ["site/a.html"]


def test_a_single_word_name_is_not_searched_alone():
    policy = NamePolicy((Name("data/mentors/x.yaml", None, "Мария", None),), (), ())
    assert check_names(Path("/nonexistent"), policy) == []


# --- spreadsheets --------------------------------------------------------------------------------


def test_formula_cells_in_generated_tables_fail(tmp_path):
    site, content = tmp_path / "site", tmp_path / "content"
    (site / "files").mkdir(parents=True)
    (content / "files").mkdir(parents=True)
    (site / "roadmap.csv").write_text('Мероприятие;Срок\n=HYPERLINK("http://evil.example");май\n', encoding="utf-8")
    (site / "safe.csv").write_text("Мероприятие;Срок\n'=HYPERLINK(1);'-2+3\n", encoding="utf-8")
    (site / "files/upload.csv").write_text("a,b\n-5,=1+1\n", encoding="utf-8")
    (content / "files/upload.csv").write_text("a,b\n-5,=1+1\n", encoding="utf-8")  # the editor's own file
    book = openpyxl.Workbook()
    book.active["A1"] = "=SUM(1,2)"  # openpyxl writes a formula
    book.save(site / "roadmap.xlsx")
    text = openpyxl.Workbook()
    text.active["A1"] = "=SUM(1,2)"
    text.active["A1"].data_type = "s"  # written as text
    text.save(site / "safe.xlsx")
    problems = {p.file: p.message for p in check_spreadsheets(site, content)}
    assert set(problems) == {"site/roadmap.csv", "site/roadmap.xlsx"}
    assert "строка 2, столбец 1" in problems["site/roadmap.csv"]


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+cmd", "'+cmd"),
        ("-2+3", "'-2+3"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tx", "'\tx"),
        ("Сентябрь", "Сентябрь"),
        ("", ""),
        ("'=уже с кавычкой", "''=уже с кавычкой"),  # round-trips: the importer removes exactly one
    ],
)
def test_csv_escape(value, cell):
    assert csv_escape(value) == cell
    assert csv_unescape(cell) == value


def test_zip_members_are_read_with_a_limit(tmp_path):
    site = tmp_path / "s"
    site.mkdir()
    with zipfile.ZipFile(site / "a.docx", "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:t>Иванова Мария</w:t>" + " " * 1_000_000)
        archive.writestr("word/styles.xml", "<w:t>Иванова Мария</w:t>")  # layout parts are not read
    problems = check_names(site, POLICY)
    assert len(problems) == 1 and problems[0].file == "site/a.docx"


def test_plain_mkdocs_build_runs_the_checks_too(built, tmp_path):

    with written(built / "content/evil.html", "<p onclick=alert(1)>hi</p>"):
        proc = mkdocs_build(built, tmp_path / "out")
    assert proc.code != 0
    assert "site/evil.html: в тексте страницы найдено выполняемое содержимое — обработчик события onclick=" in proc.err


COMMON_NAMES = [
    "Колосов Матвей Артёмович",
    "Смирнов Андрей Николаевич",
    "Кузнецов Сергей Алексеевич",
    "Попов Николай Игоревич",
    "Васильев Игорь Валерьевич",
    "Морозова Любовь Сергеевна",
    "Лебедев Илья Дмитриевич",
    "Соколов Никита Ильич",
    "Новиков Лев Андреевич",
    "Фёдоров Пётр Евгеньевич",
    "Волкова Наталья Юрьевна",
    "Зайцев Алексей Олегович",
    "Павлова Дарья Игоревна",
    "Семёнов Георгий Алексеевич",
    "Голубева Ирина Львовна",
    "Виноградов Виталий Кузьмич",
    "Богданов Тимофей Ильич",
    "Воробьёва Ольга Анатольевна",
]


@pytest.mark.parametrize("name", COMMON_NAMES)
def test_a_withheld_name_is_found_as_written_and_declined(name):
    from generator.checks.names import NameSearch
    from generator.models import Mentor
    from generator.rules.people import name_policy

    person = Mentor.model_validate({"name": name, "role": "teacher", "consent": {"publish": False}})
    search = NameSearch.of(name_policy([("data/mentors/x.yaml", person)]))
    surname, first, patronymic = name.split()
    for text in (
        f"Выступил(а) {name}.",
        f"<p>{surname}&nbsp;{first} {patronymic}</p>",
        f"{first} {surname}",
        f"{surname} {first[0]}. {patronymic[0]}.",
    ):
        assert search.find(text), text


# --- pages checked as MkDocs writes them (generator.checks.site.PageChecks) ------------------------------
# The checks of a page in a child process must find exactly what the post-build pass finds in the
# written file; a file changed afterwards (by a plugin, by anything) is read and checked again.


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


def test_early_checks_find_what_the_post_build_pass_finds(site, site_check, forking):
    inject(site, "<p>Выступила Иванова Мария Петровна.</p>", page="index.html")
    inject(site, '<img src="x" onerror="alert(1)">', page="mentors/index.html")
    early = checked_as_written(site_check, site)
    assert len(early) == len(pages(site))

    with_early = site_check.run(site, early=early)
    without = site_check.run(site)
    assert with_early == without
    files = {p.file for p in with_early}
    assert files == {"site/index.html", "site/mentors/index.html"}
    assert any(IVANOVA[0] in p.message for p in with_early)
    assert any("onerror" in p.message for p in with_early)


def test_a_page_changed_after_it_was_checked_is_checked_again(site, site_check, forking):
    early = checked_as_written(site_check, site)
    assert early and all(not page.names and not page.scan for page in early.values())
    inject(site, "<p>Благодарим Иванову Марию Петровну</p><script>alert(1)</script>", page="index.html")

    problems = site_check.run(site, early=early)
    assert {p.file for p in problems} == {"site/index.html"}
    assert any(IVANOVA[0] in p.message for p in problems)
    assert any("скрипт" in p.message for p in problems)


def test_an_early_result_stands_for_exactly_the_bytes_it_was_computed_on(site, site_check):
    """The post-build pass does not read a page whose bytes are those checked early; one byte more, and it does."""
    inject(site, "<script>alert(1)</script>", page="index.html")
    written = (site / "index.html").read_bytes()
    early = site_check.page(site, "index.html", written)
    assert [p.file for p in early.scan] == ["site/index.html"]
    assert site_check.run(site, early={"index.html": early}) == list(early.scan)

    planted = EarlyPage(early.digest, (), ())  # what a check that missed the script would have said
    assert site_check.run(site, early={"index.html": planted}) == []
    (site / "index.html").write_bytes(written + b"\n")
    assert [p.file for p in site_check.run(site, early={"index.html": planted})] == ["site/index.html"]


def sent_and_checked_whole(site_check: SiteCheck, site: Path, change=None) -> list | None:
    """What a build does: every page sent as written, then (``change`` made to the tree meanwhile) the child
    asked to check the whole tree."""
    checks = PageChecks(site_check, site)
    for path in pages(site):
        checks.page(path.relative_to(site).as_posix(), path.read_bytes())
    if change is not None:
        change()
    checks.check_site()
    return checks.site_findings()


def test_the_child_checks_the_whole_tree_as_the_pass_here_would(site, site_check, forking):
    inject(site, "<p>Выступила Иванова Мария Петровна.</p>", page="index.html")
    (site / "notes.txt").write_text("Куратор: Иванова Мария Петровна", encoding="utf-8")  # no page: read at the end

    found = sent_and_checked_whole(site_check, site)
    assert found is not None and found == site_check.run(site)
    assert {"site/index.html", "site/notes.txt"} <= {p.file for p in found}


def test_the_childs_whole_check_reads_a_page_changed_after_it_was_sent(site, site_check, forking):
    found = sent_and_checked_whole(
        site_check, site, lambda: inject(site, "<script>alert(1)</script>", page="mentors/index.html")
    )
    assert found is not None and [p.file for p in found] == ["site/mentors/index.html"]


def test_without_a_second_core_the_caller_checks_the_tree(site, site_check, monkeypatch):
    monkeypatch.setattr(background, "available_cores", lambda: 1)
    assert sent_and_checked_whole(site_check, site) is None


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
    assert "site/parents/index.html" in result.text and IVANOVA[0] in result.text
    assert "Иванов" not in result.text  # build logs may be public
    assert (root / "site" / "index.html").read_bytes() == index  # the previous site stays


def test_plain_mkdocs_build_checks_pages_as_they_are_written_too(tmp_path, forking):
    root = copy_portal("minimal", tmp_path)
    parents = root / "content" / "parents.md"
    parents.write_text(parents.read_text("utf-8") + "\nСпасибо Марии Петровне Ивановой!\n", encoding="utf-8")
    proc = mkdocs_build(root, tmp_path / "out")
    assert proc.code != 0
    assert "site/parents/index.html" in proc.err and IVANOVA[0] in proc.err
