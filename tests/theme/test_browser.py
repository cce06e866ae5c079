"""The demo portal in a real browser: Debian's Chromium driven by Playwright, axe-core from npm.

The site is built once, served over HTTP at its ``site_url`` path (``/nastavnichestvo/``; ``file://``
would give every page its own localStorage), and every request to anywhere else is blocked and
counted: the site must never try to reach another server. One browser for the module; contexts
are cheap and made per scenario. Screenshots of the key pages land in ``build/screenshots/``.

Missing Chromium or axe-core fails the tests (``make test`` installs both), it never skips them.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run",
               "--disable-sync"]  # fmt: skip
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => (await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]
})).violations.map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | "))"""
PREFIX = "/nastavnichestvo/"
SCREENSHOTS = ROOT / "build" / "screenshots"
KEY_PAGES = {"": "home", "roadmap/": "roadmap", "mentors/": "mentors", "stats/": "stats", "news/": "news",
             "library/": "library", "parents/": "parents"}  # fmt: skip
# The version for the visually impaired as kept in localStorage; each scheme with other settings too.
MODES: dict[str, dict[str, object] | None] = {
    "normal": None,
    "bw": {"on": True, "size": "3", "scheme": "bw", "images": "off", "spacing": "2", "panel": "open"},
    "wb": {"on": True, "size": "1", "scheme": "wb", "images": "on", "spacing": "0", "panel": "open"},
    "blue": {"on": True, "size": "2", "scheme": "blue", "images": "on", "spacing": "1", "panel": "closed"},
}
HORIZONTAL_SCROLL = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # type: ignore[no-untyped-def]
        pass  # the browser drops connections when it navigates away; not a failure of the site


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves ``site/`` at ``/nastavnichestvo/`` like the school's web server would."""

    def translate_path(self, path: str) -> str:
        local = urllib.parse.urlsplit(path).path
        local = "/" + local[len(PREFIX) :] if local.startswith(PREFIX) else "/__not_the_site__"
        return super().translate_path(local)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(built_demo) -> Path:
    return built_demo / "site"


@pytest.fixture(scope="module")
def base(site: Path) -> Iterator[str]:
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{PREFIX}"
    server.shutdown()


@pytest.fixture(scope="module")
def pages(site: Path) -> list[str]:
    """Every page of the built demo, as paths under the site's root."""
    found = sorted(p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html"))
    return ["" if page == "./" else page for page in found] + ["404.html"]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if not CHROMIUM.is_file():
        pytest.fail(f"нет {CHROMIUM}: браузерные тесты нужны — установите Chromium (make test делает это сам)")
    if not AXE.is_file():
        pytest.fail(f"нет {AXE.relative_to(ROOT)}: выполните npm ci в корне репозитория (make test делает это сам)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser, base: str) -> Iterator[Callable[..., object]]:
    """A factory of browser contexts that block (and remember) every request leaving the site."""
    made, external = [], []

    def block_outside(route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(base) or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            external.append(url)
            route.abort()

    def make(width: int = 1280, mode: dict[str, object] | None = None, axe: bool = False, javascript: bool = True):
        ctx = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
        ctx.route("**/*", block_outside)
        if mode is not None:
            ctx.add_init_script(f"localStorage.setItem('nv-a11y', {json.dumps(json.dumps(mode))})")
        if axe:
            ctx.add_init_script(path=str(AXE))
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()
    assert external == [], f"страницы обращались к другим сайтам: {external[:5]}"


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
        "nvPanel": "open",
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
