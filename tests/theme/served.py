"""Shared by the browser tests: the demo portal served over HTTP, Debian's Chromium, contexts per scenario.

The site is built once, served over HTTP at its ``site_url`` path (``/nastavnichestvo/``; ``file://``
would give every page its own localStorage), and every request to anywhere else is blocked and
counted: the site must never try to reach another server. One browser per test module; contexts
are cheap and made per scenario.

Missing Chromium or axe-core fails the tests (``make test`` installs both), it never skips them.
A test module takes the fixtures with ``from served import base, browser, context, pages, site``.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

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
