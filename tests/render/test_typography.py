"""Russian typography and the «¶» permalinks: the renderer's rules, then the built demo site."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
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


def _typeset_node_by_node(html: str) -> str:
    """The reference: every node in turn, raw elements on a stack (what :func:`typeset` does searching the
    page whole)."""
    from generator.render.typography import _RAW, _TOKENS, typeset_text

    parts = _TOKENS.split(html)
    raw: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:
            tag = re.match(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)", part)
            if tag is None:
                continue
            closing, name = tag.group(1), tag.group(2).lower()
            if name in _RAW:
                if closing and raw and raw[-1] == name:
                    raw.pop()
                elif not closing and not part.endswith("/>"):
                    raw.append(name)
        elif part and not raw:
            parts[i] = typeset_text(part)
    return "".join(parts)


PIECES = (
    "<p>", "</p>", "<pre>", "</pre>", "<code>", "</code>", "<CODE>", "</Code>", "<codex>", "<br/>", "<script/>",
    "<title>", "</title>", "<!-- <pre> -->", '<a title="<pre>">', "<", ">", " ", "  ", "\n", "5", "2026", "г.", "№",
    "§", "ул.", "Т.", "С.", "Белова", "стаж", "год", " — ", " – ", "—", "%", "ſcript", "<ſcript>", "\u00a0",
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_the_page_searched_whole_is_typeset_as_node_by_node(pieces):
    html = "".join(pieces)
    assert typeset(html) == _typeset_node_by_node(html)


@pytest.mark.parametrize(
    "html",
    [
        "x —<b> — y",  # a place found across two texts hides the one the second begins with
        "<ſcript>5 год</ſcript>",  # not a raw element: «ſ» is no Latin letter, though it folds to «s»
        "<\u212abd>5 год</\u212abd>",  # … nor the Kelvin sign «K»
        "<PRE>5 год</pre>5 год",
    ],
)
def test_pages_searched_whole_where_nodes_meet(html):
    assert typeset(html) == _typeset_node_by_node(html) != html


def _typeset_by_the_rules(text: str) -> str:
    from generator.render.typography import _RULES

    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


TEXT_PIECES = tuple(piece for piece in PIECES if "<" not in piece and ">" not in piece)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(TEXT_PIECES), max_size=12).map("".join), min_size=1, max_size=8))
def test_a_text_typeset_again_is_what_it_was_the_first_time(texts):
    from generator.render.typography import typeset_text

    for _ in range(2):  # the second time from what the first remembered
        assert [typeset_text(text) for text in texts] == [_typeset_by_the_rules(text) for text in texts]


def test_what_is_remembered_is_bounded(monkeypatch):
    from generator.render import typography

    monkeypatch.setattr(typography, "_DONE", {})
    monkeypatch.setattr(typography, "_DONE_TEXTS", 3)
    texts = ["2026 " + "г." * 600] + [f"{year} год" for year in range(2020, 2030)]
    assert [typography.typeset_text(text) for text in texts] == [_typeset_by_the_rules(text) for text in texts]
    assert list(typography._DONE) == texts[1:4]  # not the long text; the next three, and no more
