"""The demo portal in a real browser: Debian's Chromium driven by Playwright, axe-core from npm.

The shared fixtures (the served site, the browser, contexts per scenario) are in ``tests/theme/served.py``.
Screenshots of the key pages land in ``build/screenshots/``.
"""

# ruff: noqa: F401, F811  (the fixtures imported from served.py are the tests' parameters)
from __future__ import annotations

import gzip
import json

import pytest
from served import AXE_RUN, HORIZONTAL_SCROLL, KEY_PAGES, MODES, SCREENSHOTS, base, browser, context, pages, site

pytestmark = [pytest.mark.browser, pytest.mark.slow]


# --- axe-core and layout, every page in every mode ------------------------------------------------


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("mode", list(MODES))
def test_every_page_passes_axe_without_horizontal_scroll(context, base, pages, mode, width):
    state = MODES[mode]
    page = context(width=width, mode=state, axe=True).new_page()
    problems = []
    for url in pages:
        page.goto(base + url)
        scheme = page.evaluate("document.documentElement.getAttribute('data-nv-scheme')")
        assert scheme == (state or {}).get("scheme"), (url, scheme)
        problems += [f"{url or '/'}: {v}" for v in page.evaluate(AXE_RUN)]
        if page.evaluate(HORIZONTAL_SCROLL) > 0:
            problems.append(f"{url or '/'}: прокрутка вбок на {page.evaluate(HORIZONTAL_SCROLL)} px")
        if url in KEY_PAGES and mode in {"normal", "bw"}:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{KEY_PAGES[url]}-{mode}-{width}.png"), full_page=True)
    assert problems == []


def test_every_page_reflows_at_200_percent_zoom(context, base, pages):
    """200 % browser zoom on a 360 px phone leaves a 180 CSS px wide viewport: nothing may scroll sideways."""
    page = context(width=180).new_page()
    wide = []
    for url in pages:
        page.goto(base + url)
        if (extra := page.evaluate(HORIZONTAL_SCROLL)) > 0:
            wide.append((url, extra))
    assert wide == []


def test_roadmap_items_are_cards_on_a_phone_and_rows_on_a_wide_screen(context, base):
    phone = context(width=360).new_page()
    phone.goto(base + "roadmap/")
    item = phone.locator("li.nv-item").first
    assert item.evaluate("e => getComputedStyle(e).display") == "list-item"
    assert item.bounding_box()["width"] <= 360
    assert not phone.locator(".nv-items__head").first.is_visible()
    wide = context(width=1280).new_page()
    wide.goto(base + "roadmap/")
    assert wide.locator("li.nv-item").first.evaluate("e => getComputedStyle(e).display") == "grid"
    assert wide.locator(".nv-items__head").first.is_visible()


# --- the version for the visually impaired ------------------------------------------------------------


def test_keyboard_reaches_the_switch_and_enter_toggles_it(context, base):
    page = context(width=1280).new_page()
    page.goto(base)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('nv-skip')")
    assert page.locator("a.nv-skip").bounding_box()["y"] >= 0  # the skip link shows itself when focused
    for _ in range(4):
        if page.evaluate("document.activeElement.id") == "nv-a11y-switch":
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "nv-a11y-switch"
    outline = page.evaluate(
        "(s => [s.outlineStyle, parseFloat(s.outlineWidth)])(getComputedStyle(document.activeElement))"
    )
    assert outline[0] != "none" and outline[1] >= 2, outline  # focus is visible
    assert page.locator("#nv-a11y-switch").inner_text().strip() == "Версия для слабовидящих"

    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.nvA11y") == "on"
    assert json.loads(page.evaluate("localStorage.getItem('nv-a11y')"))["on"] is True
    assert page.locator("#nv-a11y-switch").inner_text().strip() == "Обычная версия"
    assert not page.locator("#nv-a11y-panel").is_visible()  # folded: on a phone it would fill the first screen
    assert page.get_attribute("#nv-a11y-settings", "aria-expanded") == "false"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "nv-a11y-settings"
    page.keyboard.press("Enter")
    assert page.locator("#nv-a11y-panel").is_visible()
    assert page.get_attribute("#nv-a11y-settings", "aria-expanded") == "true"
    for _ in range(12):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.nvValue") == "wb":
            break
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.nvScheme") == "wb"
    assert page.get_attribute("[data-nv-value='wb']", "aria-pressed") == "true"

    page.focus("#nv-a11y-switch")
    page.keyboard.press("Enter")
    assert page.evaluate("document.documentElement.dataset.nvA11y") is None
    assert json.loads(page.evaluate("localStorage.getItem('nv-a11y')"))["on"] is False
    assert not page.locator("#nv-a11y-panel").is_visible()


def test_skip_link_moves_focus_to_the_content(context, base):
    page = context(width=360).new_page()
    page.goto(base + "mentors/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "nv-content"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('.md-content')")


def test_settings_survive_navigation_and_apply_before_the_script_runs(context, base):
    ctx = context(width=1280)
    page = ctx.new_page()
    page.goto(base)
    page.click("#nv-a11y-switch")
    page.click("#nv-a11y-settings")
    page.click("[data-nv-set='size'][data-nv-value='3']")
    page.click("[data-nv-set='scheme'][data-nv-value='blue']")
    page.click("[data-nv-set='images'][data-nv-value='off']")
    page.click("[data-nv-set='spacing'][data-nv-value='2']")
    page.click(".nv-tile a[href='mentors/']")
    page.wait_for_url(base + "mentors/")
    root = {
        k: v
        for k, v in page.evaluate("Object.assign({}, document.documentElement.dataset)").items()
        if k.startswith("nv")
    }
    assert root == {
        "nvA11y": "on",
        "nvSize": "3",
        "nvScheme": "blue",
        "nvImages": "off",
        "nvSpacing": "2",
        "nvPanel": "open",  # opened with «Настройки» above
    }
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(157, 209, 255)"
    assert page.evaluate("getComputedStyle(document.documentElement).fontSize") == "40px"  # 200 %
    assert not page.locator("img.nv-avatar--photo").first.is_visible()
    assert page.locator(".nv-avatar--fallback").first.is_visible()  # initials instead of the photo
    assert page.get_attribute("[data-nv-set='size'][data-nv-value='3']", "aria-pressed") == "true"

    # Without theme/assets/nastavnik.js the inline script in <head> alone restores the settings.
    bare = ctx.new_page()
    bare.route("**/nastavnik.js", lambda route: route.abort())
    bare.goto(base + "stats/")
    assert bare.evaluate("document.documentElement.dataset.nvScheme") == "blue"
    assert bare.locator("#nv-a11y-panel").is_visible()
    assert bare.locator("#nv-a11y-switch").inner_text().strip() == "Обычная версия"

    page.click("#nv-a11y-switch")  # «Обычная версия»: one click back
    page.goto(base + "library/")
    assert page.evaluate("document.documentElement.dataset.nvA11y") is None
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    assert page.locator("#nv-a11y-switch").inner_text().strip() == "Версия для слабовидящих"


def test_settings_panel_folds_away_and_stays_folded(context, base):
    page = context(width=360).new_page()
    page.goto(base)
    page.click("#nv-a11y-switch")
    assert not page.locator("#nv-a11y-panel").is_visible()  # folded by default
    page.click("#nv-a11y-settings")
    assert page.locator("#nv-a11y-panel").is_visible()
    page.click("#nv-a11y-settings")
    assert not page.locator("#nv-a11y-panel").is_visible()
    page.goto(base + "news/")
    assert page.evaluate("document.documentElement.dataset.nvA11y") == "on"
    assert not page.locator("#nv-a11y-panel").is_visible()
    assert page.get_attribute("#nv-a11y-settings", "aria-expanded") == "false"


# --- without JavaScript ----------------------------------------------------------------------------


def test_without_javascript_the_mentor_filters_work(context, base):
    page = context(width=360, javascript=False).new_page()
    page.goto(base + "mentors/")
    cards = page.locator("li.nv-person")
    assert cards.count() == 9 and page.locator("li.nv-person:visible").count() == 9
    page.click("label[for='nv-rol-pupil']")
    assert "Алина, 10А" in page.locator("li.nv-person:visible").all_inner_texts()[0]
    assert page.locator("li.nv-person:visible").count() == 1
    page.click("label[for='nv-forma-teacher-teacher']")  # form AND role: no pupil mentors teachers
    assert page.locator("li.nv-person:visible").count() == 0
    assert page.locator(".nv-mentors__empty").is_visible()
    page.click("label[for='nv-rol-all']")
    assert page.locator("li.nv-person:visible").count() == 4
    assert not page.locator(".nv-mentors__empty").is_visible()
    page.focus("#nv-forma-employer-pupil")  # the radio buttons work from the keyboard too
    page.keyboard.press("Space")
    assert page.locator("li.nv-person:visible").count() == 3


def test_without_javascript_the_page_stays_usable(context, base):
    page = context(width=360, javascript=False).new_page()
    page.goto(base + "parents/")
    assert not page.locator("#nv-a11y-switch").is_visible()
    link = page.locator("a.nv-a11y-nojs-link")
    assert link.is_visible() and link.inner_text() == "Версия для слабовидящих"
    link.click()
    assert page.locator("#nv-a11y-nojs").is_visible()
    assert "Ctrl" in page.locator("#nv-a11y-nojs").inner_text()
    question = page.locator("#voprosy ~ details").first
    question.locator("summary").click()
    assert question.evaluate("d => d.open")


# --- weight -----------------------------------------------------------------------------------------


def test_first_view_weighs_under_100_kb_gzip(context, base):
    """What a phone needs for the first screen, gzip as a server would send it.

    Counted: the page, its styles and scripts, and the pictures on the first screen. Reported apart:
    pictures further down (lazy; Chromium fetches them ahead of scrolling) and Material's search
    index, which its script fetches in the background once the page is shown.
    """
    page = context(width=360).new_page()
    report = {}
    for url in ("", "roadmap/", "mentors/", "news/", "stats/", "library/"):
        responses: list = []

        def listener(response, responses=responses) -> None:  # type: ignore[no-untyped-def]
            responses.append(response)

        page.on("response", listener)
        page.goto(base + url, wait_until="networkidle")
        page.remove_listener("response", listener)
        on_screen = set(page.evaluate(
            "[...document.images].filter(i => { const r = i.getBoundingClientRect();"
            " return r.width && r.top < innerHeight && r.bottom > 0; }).map(i => i.currentSrc)"
        ))  # fmt: skip
        sizes = {"first_view_kb": 0.0, "images_below_kb": 0.0, "search_kb": 0.0}
        for response in responses:
            size = len(gzip.compress(response.body())) / 1024 if response.status == 200 else 0
            if "/search/" in response.url or "/workers/" in response.url:
                sizes["search_kb"] += size
            elif response.request.resource_type == "image" and response.url not in on_screen:
                sizes["images_below_kb"] += size
            else:
                sizes["first_view_kb"] += size
        report[url or "/"] = {key: round(value, 1) for key, value in sizes.items()}
    SCREENSHOTS.parent.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS.parent / "first-view.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), "utf-8")
    assert all(r["first_view_kb"] <= 100 for r in report.values()), report
