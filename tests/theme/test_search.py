"""Site search as a parent uses it: readable typed text, Russian word forms found, private names absent.

The inflected queries are made here from the built site itself: its most frequent words, put by
pymorphy3 into forms that appear nowhere on the site, so only stemming can find them.
"""

# ruff: noqa: F401, F811  (the fixtures imported from served.py are the tests' parameters)
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from selectolax.lexbor import LexborHTMLParser as HTMLParser
from served import AXE_RUN, MODES, base, browser, context, pages, site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PLACEHOLDER = "Начните печатать для поиска"
WORD = re.compile(r"[а-яё]+")
CONTRAST = """(sel) => {
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  let el = document.querySelector(sel), fg = rgb(getComputedStyle(el).color), bg = null;
  for (let e = el; e && !bg; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) bg = c.slice(0, 3);
  }
  bg = bg || [255, 255, 255];
  const [a, b] = [lum(fg.slice(0, 3)), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""


def open_search(page) -> None:  # type: ignore[no-untyped-def]
    button = page.locator("label.md-header__button[for='__search']")
    if button.is_visible():
        button.click()
    else:
        page.click(".md-search__input")


def search(page, query: str) -> int:  # type: ignore[no-untyped-def]
    """Type ``query`` as a person would (keys, not a pasted value); the number of results shown."""
    box = page.locator(".md-search__input")
    box.fill("")
    page.keyboard.press("End")
    page.wait_for_function(f"document.querySelector('.md-search-result__meta').textContent.trim() === {PLACEHOLDER!r}")
    box.type(query)
    page.keyboard.press("End")
    page.wait_for_function(f"document.querySelector('.md-search-result__meta').textContent.trim() !== {PLACEHOLDER!r}")
    # what a person reads once the search has opened: no fade of the overlay still running (axe and the
    # contrast checks would otherwise see half-transparent text)
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
    return page.locator(".md-search-result__item").count()


def site_words(site: Path) -> Counter[str]:
    """Every Cyrillic word of the site's pages as a reader sees them (lower case), with its frequency."""
    words: Counter[str] = Counter()
    for path in site.rglob("*.html"):
        if "admin" in path.parts:
            continue
        body = HTMLParser(path.read_text("utf-8")).body
        if body is not None:
            words.update(WORD.findall(body.text(separator=" ").lower()))
    return words


def inflected_queries(site: Path, lemmas: int = 40, per_lemma: int = 2) -> list[str]:
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    words = site_words(site)
    by_lemma: Counter[str] = Counter()
    parses = {}
    for word, count in words.items():
        if len(word) < 5:
            continue
        parse = morph.parse(word)[0]
        if parse.tag.POS not in {"NOUN", "ADJF", "VERB", "INFN"} or "Apro" in parse.tag or "Name" in parse.tag:
            continue
        by_lemma[parse.normal_form] += count
        parses.setdefault(parse.normal_form, parse)
    queries = []
    for lemma, _ in by_lemma.most_common(lemmas):
        forms = sorted({f.word for f in parses[lemma].lexeme} - set(words), key=lambda w: (len(w), w))
        queries += [form for form in forms if len(form) >= 4][:per_lemma]
    return queries


def test_inflected_forms_of_the_sites_words_find_pages(context, base, site):
    queries = inflected_queries(site)
    assert len(queries) >= 50, queries
    page = context(width=1280).new_page()
    page.goto(base)
    open_search(page)
    missed = [query for query in queries if search(page, query) == 0]
    assert len(missed) <= len(queries) // 10, f"не найдено {len(missed)} из {len(queries)}: {missed}"


def test_a_word_being_typed_finds_pages(context, base):
    page = context(width=375).new_page()
    page.goto(base)
    open_search(page)
    for prefix in ("настав", "семин", "дорожн", "учите", "1187"):
        assert search(page, prefix) > 0, prefix


def test_people_without_consent_are_not_found_in_any_form(context, base, built_demo):
    import pymorphy3

    morph = pymorphy3.MorphAnalyzer()
    hidden = []
    for path in sorted((built_demo / "data" / "mentors").glob("*.yaml")):
        record = yaml.safe_load(path.read_text("utf-8"))
        if not (record.get("consent") or {}).get("publish"):
            hidden.append(record["name"].split()[0])  # the surname: given names are shared with others
    assert hidden, "в демо нет людей без согласия: тест ничего не проверяет"
    page = context(width=1280).new_page()
    page.goto(base)
    open_search(page)
    for name in hidden:
        forms = {name, *(f.word.capitalize() for f in morph.parse(name)[0].lexeme)}
        for form in sorted(forms, key=len)[:4]:
            assert search(page, form) == 0, form
    assert search(page, "Беловой") > 0  # the check above can fail: search does find published names


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("mode", ["normal", "bw", "wb", "blue"])
def test_typed_text_and_the_result_count_are_readable(context, base, mode, width):
    page = context(width=width, mode=MODES[mode] and {**MODES[mode], "panel": "closed"}).new_page()
    page.goto(base)
    open_search(page)
    assert search(page, "наставника") > 0
    assert page.evaluate(CONTRAST, ".md-search__input") >= 4.5
    assert page.evaluate(CONTRAST, ".md-search-result__meta") >= 4.5
    assert page.evaluate(CONTRAST, ".md-search-result__item .md-search-result__article") >= 4.5


@pytest.mark.parametrize("mode", ["normal", "wb"])
def test_axe_finds_nothing_with_search_open_and_showing_results(context, base, mode):
    for width in (375, 1280):
        page = context(width=width, mode=MODES[mode], axe=True).new_page()
        page.goto(base + "roadmap/")
        open_search(page)
        assert search(page, "семинаром") > 0
        assert page.evaluate(AXE_RUN) == []


def test_table_cells_stay_apart_in_the_search_snippets(site):
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    texts = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("stats/"))
    tree = HTMLParser((site / "stats" / "index.html").read_text("utf-8"))
    rows = [
        [cell.text(strip=True).replace("\u00a0", " ") for cell in row.css("th, td")]
        for row in tree.css("article table tr")
    ]
    assert rows
    for cells in rows:
        assert " ".join(cells) in texts, cells
