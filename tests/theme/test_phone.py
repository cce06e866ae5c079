"""What a parent meets on a phone (320 and 375 px) and with the keyboard, in both modes.

Each test here failed on the portal before issue 15: elements wider than the phone, a cut site title,
the school's link hidden, the footer at the edge, a clipped table with no sign it scrolls, numbers split
in the version for the visually impaired, its month blocks blue and small, a gap where the hidden logo
was, Tab stops on invisible or off-screen elements and on every «¶», no active tab on detail pages.
"""

# ruff: noqa: F401, F811  (the fixtures imported from served.py are the tests' parameters)
from __future__ import annotations

import pytest
from served import MODES, base, browser, context, pages, site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LARGE = {"on": True, "size": "3", "scheme": "bw", "images": "off", "spacing": "0", "panel": "closed"}
SMALL = {**LARGE, "size": "1", "images": "on"}
# Visible elements with text of their own, outside the containers that scroll sideways on purpose.
TOO_WIDE = """() => [...document.body.querySelectorAll('*')].filter(e => {
  if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return false;
  if (!e.checkVisibility({opacityProperty: true, visibilityProperty: true})) return false;
  for (let p = e.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return false;
  }
  const r = e.getBoundingClientRect();
  return r.width > 0 && (r.left < -1 || r.right > innerWidth + 1);
}).slice(0, 5).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.trim().slice(0, 30))"""
TAB_STOP = """() => { const e = document.activeElement, r = e.getBoundingClientRect();
  return {tag: e.tagName, cls: String(e.className && e.className.baseVal === undefined ? e.className : ''),
    text: (e.textContent || '').trim().slice(0, 30), search: document.querySelector('[data-md-toggle=search]').checked,
    visible: e.checkVisibility({opacityProperty: true, visibilityProperty: true}) && r.width > 0 && r.height > 0,
    inside: r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1} }"""


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("mode", ["normal", "large"])
def test_nothing_is_wider_than_the_phone(context, base, pages, width, mode):
    page = context(width=width, mode=LARGE if mode == "large" else None).new_page()
    wide = []
    for url in pages:
        page.goto(base + url)
        wide += [f"{url or '/'}: {item}" for item in page.evaluate(TOO_WIDE)]
        if (extra := page.evaluate("document.documentElement.scrollWidth - innerWidth")) > 0:
            wide.append(f"{url or '/'}: прокрутка вбок на {extra} px")
    assert wide == []


@pytest.mark.parametrize("width", [320, 375])
def test_the_header_keeps_the_title_and_the_schools_link(context, base, width):
    page = context(width=width).new_page()
    page.goto(base)
    title = page.locator(".md-header__topic").first
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1")
    text = title.locator(".md-ellipsis")
    assert text.evaluate("e => e.scrollWidth <= e.clientWidth + 1"), "название сайта обрезано"
    assert page.locator(".nv-topbar__site").is_visible()
    footer = page.locator(".nv-footer__name")
    assert footer.bounding_box()["x"] >= 12, "текст подвала у самого края экрана"


def test_a_wide_table_says_it_scrolls_and_numbers_stay_whole(context, base):
    page = context(width=320, mode=LARGE).new_page()
    page.goto(base + "stats/")
    wraps = page.locator(".nv-table-wrap")
    scrolling = [i for i in range(wraps.count()) if wraps.nth(i).evaluate("e => e.scrollWidth > e.clientWidth + 1")]
    assert scrolling, "на 320 px крупным шрифтом таблицы должны прокручиваться"
    for i in scrolling:
        hint = wraps.nth(i).evaluate("e => getComputedStyle(e, '::before').content")
        assert "прокрутите" in hint, hint
    split = page.evaluate("""() => [...document.querySelectorAll('table.nv-table td')].filter(td => {
        const range = document.createRange(); range.selectNodeContents(td);
        return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size > 1;
    }).map(td => td.textContent.trim())""")
    assert split == []


def test_month_blocks_follow_the_chosen_colours_and_size(context, base):
    sizes = []
    for mode in (SMALL, LARGE):
        page = context(width=375, mode=mode).new_page()
        page.goto(base + "roadmap/")
        summary = page.locator(".nv-timeline__month-details > summary").first
        style = summary.evaluate(
            "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color,"
            " getComputedStyle(e.parentElement).borderTopColor, parseFloat(getComputedStyle(e).fontSize)]"
        )
        assert style[:3] == ["rgb(255, 255, 255)", "rgb(0, 0, 0)", "rgb(0, 0, 0)"], style
        sizes.append(style[3])
    assert sizes[1] > sizes[0] * 1.2, sizes


def test_hidden_images_leave_no_gap_in_the_header(context, base):
    page = context(width=1280, mode=LARGE).new_page()
    page.goto(base)
    assert page.locator(".md-header__button.md-logo").evaluate("e => getComputedStyle(e).display") == "none"


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("url", ["", "roadmap/", "stats/", "mentors/belova-ts/", "news/"])
def test_every_tab_stop_is_visible_and_on_screen(context, base, width, url):
    page = context(width=width).new_page()
    page.goto(base + url)
    bad = []
    for number in range(1, 41):
        page.keyboard.press("Tab")
        stop = page.evaluate(TAB_STOP)
        if stop["tag"] == "BODY":
            break  # past the last stop of the page
        opened_search = stop["search"] and "md-search__input" not in stop["cls"]  # a blank search over the page
        if not (stop["visible"] and stop["inside"]) or "headerlink" in stop["cls"] or opened_search:
            bad.append((number, stop))
    assert bad == []


@pytest.mark.parametrize(
    ("url", "tab"),
    [("mentors/belova-ts/", "Наставники"), ("roadmap/dk-2025-2026/", "Дорожная карта"),
     ("practices/dni-professii/", "Практики"), ("news/2026-11-13-den-professii/", "Новости")],
)  # fmt: skip
def test_the_section_of_a_detail_page_is_marked_in_the_menu(context, base, url, tab):
    page = context(width=1280).new_page()
    page.goto(base + url)
    active = page.locator(".md-tabs__item--active")
    assert active.count() == 1
    assert active.inner_text().strip() == tab


def test_the_roadmap_prints_as_a_compact_table_with_its_address_and_date(context, base):
    import io

    import pypdf

    page = context(width=1280).new_page()
    page.goto(base + "roadmap/")
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(pdf.pages) <= 8, len(pdf.pages)  # 15 pages of cards before
    text = " ".join((p.extract_text() or "") for p in pdf.pages).replace("\n", " ")
    assert "Адрес страницы: https://school12.example.ru/nastavnichestvo/roadmap/" in text
    assert "Данные обновлены:" in text
    page.emulate_media(media="print")
    rows = page.locator("li.nv-item").first.evaluate("e => getComputedStyle(e).display")
    assert rows == "grid"
