"""Russian typography and the «¶» permalinks: the renderer's rules, then the built demo site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.render.permalinks import untabbed_permalinks
from generator.render.typography import NBSP, typeset

RAW = "script, style, pre, code, kbd, samp, textarea"


@pytest.mark.parametrize(
    ("text", "kept_together"),
    [
        ("Стаж 31 год.", ["31 год"]),
        ("МБОУ «Школа № 12»", ["№ 12"]),
        ("Куратор — Т. С. Белова.", ["Т. С. Белова", "Куратор —"]),
        ("Авторы: Белова Т. С., Морозов Д. В.", ["Белова Т. С.", "Морозов Д. В."]),
        ("до 31 мая 2026 г.", ["31 мая", "2026 г."]),
        ("выполнено 35 %", ["35 %"]),
        ("г. Заречинск, ул. Школьная, д. 12", ["г. Заречинск", "ул. Школьная", "д. 12"]),
    ],
)
def test_russian_non_breaking_spaces(text, kept_together):
    result = typeset(f"<p>{text}</p>")
    for words in kept_together:
        assert words.replace(" ", NBSP) in result, (words, result)


def test_the_years_abbreviation_does_not_bind_the_next_sentence():
    result = typeset("<p>28.08.2026 г. Протокол № 1</p>")
    assert "2026" + NBSP + "г. Протокол" in result  # a long unbreakable run would not fit a phone


def test_tags_attributes_urls_and_code_are_left_alone():
    html = (
        '<a href="https://example.ru/?q=31 год" title="№ 12">ссылка</a><code>31 год</code>'
        "<pre>№ 12 — x</pre><script>var a = '31 год';</script><kbd>Ctrl + 2 %</kbd>"
    )
    assert typeset(html) == html


def test_permalinks_leave_the_tab_order():
    html = '<h2 id="a">A<a class="headerlink" href="#a" title="Ссылка">¶</a></h2>'
    assert (
        untabbed_permalinks(html)
        == '<h2 id="a">A<a class="headerlink" tabindex="-1" href="#a" title="Ссылка">¶</a></h2>'
    )


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "admin" not in p.relative_to(site).parts]


def test_built_pages_are_typeset_in_text_only(built_demo):
    site = built_demo / "site"
    loose, inside_raw = [], []
    for path in _pages(site):
        tree = LexborHTMLParser(path.read_text("utf-8"))
        assert tree.css_first("html").attributes.get("lang") == "ru", path
        body = tree.body
        if body is None:
            continue
        for node in body.css(RAW):
            if NBSP in (node.text() or ""):
                inside_raw.append((path.name, node.text()[:40]))
        for node in body.css("a[href], img[src]"):
            for value in node.attributes.values():
                if value and NBSP in value:
                    inside_raw.append((path.name, value[:40]))
        for node in body.css(RAW):
            node.decompose()
        text = body.text(separator="\n")
        loose += re.findall(r"\d+ (?:год|лет|г\.|мероприят\w*)|№ \d|[А-ЯЁ]\. [А-ЯЁ]\. [А-ЯЁ][а-яё]+|\w —", text)
    assert loose == [], loose[:10]
    assert inside_raw == []


def test_built_permalinks_are_not_tab_stops(built_demo):
    for path in _pages(built_demo / "site"):
        for link in LexborHTMLParser(path.read_text("utf-8")).css("a.headerlink"):
            assert link.attributes.get("tabindex") == "-1", path
