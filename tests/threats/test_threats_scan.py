"""Threat model, part 1: script on the site's own domain (issue #20, items 1–4). README: «Модель угроз».

Each test is an attack on a copy of a fixture portal, or on the scanner with what a browser would get.
"""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from conftest import copy_portal, run_cli
from generator.checks.scan_html import html_findings
from generator.checks.scan_rules import Embeds
from generator.filetypes import pdf_active_content

CHROMIUM_PATH = Path("/usr/bin/chromium")
EMBEDS = Embeds(("vk.com",))
MATERIAL = Path(__import__("material").__file__).parent / "templates"

# Markup that browsers (scripting on) and lxml/html.parser read differently, and plain variants.
MUTATIONS = [
    "<svg><style><img src=x onerror=window.__ran=1></style></svg>",
    '<noscript><p title="</noscript><img src=x onerror=window.__ran=1>">',
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__ran=1>",
    '<svg></p><style><a id="</style><img src=1 onerror=window.__ran=1>">',
    '<noembed><img title="</noembed><img src=x onerror=window.__ran=1>"></noembed>',
    "<template><img src=x onerror=window.__ran=1></template>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=window.__ran=1>",
    "<img src=x\x0conerror=window.__ran=1>",
    "<img/src/onerror=window.__ran=1>",
    "<p>безобидный текст</p>",
]


def _found(html: str) -> bool:
    def script(node, in_content):  # type: ignore[no-untyped-def]
        yield ("скрипт", "")

    return any(html_findings(html, EMBEDS, script, whole_content=True))


@pytest.mark.parametrize("html", MUTATIONS)
def test_the_scan_reads_html_as_a_browser_does(html):
    """What Chromium runs, the scan finds (checked in the browser below); harmless text passes."""
    assert _found(html) == ("__ran" in html)


@pytest.mark.browser
def test_chromium_runs_exactly_what_the_scan_finds():
    if not CHROMIUM_PATH.is_file():
        pytest.fail(f"нет {CHROMIUM_PATH}: установите Chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM_PATH), args=["--no-sandbox"])
        page = browser.new_page()
        executed = 0
        for html in MUTATIONS:
            page.goto("about:blank")
            page.set_content(f"<!doctype html><body>{html}</body>")
            page.wait_for_timeout(50)
            ran = page.evaluate("() => window.__ran === 1")
            executed += ran
            assert not ran or _found(html), f"Chromium runs what the scan missed: {html!r}"
        browser.close()
    assert executed >= 5  # the corpus holds real attacks, not only markup the scan dislikes


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return copy_portal("minimal", tmp_path)


def _theme_file(pattern: str) -> str:
    return next(MATERIAL.glob(pattern)).relative_to(MATERIAL).as_posix()


@pytest.mark.parametrize(
    "target",
    [
        "assets/javascripts/workers/search.*.min.js",
        "assets/stylesheets/main.*.min.css",
        "assets/javascripts/bundle.*.min.js",
        "assets/images/favicon.png",
    ],
)
def test_content_cannot_replace_a_theme_file(demo, target):
    rel = _theme_file(target)
    (demo / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
    (demo / "content" / rel).write_bytes(b"self.onmessage=()=>{}")
    for verb in (("check", "--strict"), ("build",)):
        result = run_cli(*verb, cwd=demo)
        assert result.code == 1 and "Traceback" not in result.text
        assert f"content/{rel}: файл занял бы место: файл оформления material/templates/{rel}" in result.text


@pytest.mark.parametrize("rel", ["sitemap.xml", "search/search_index.json", "feed_rss_created.xml", "admin/x.css"])
def test_content_cannot_take_a_path_plugins_write(demo, rel):
    (demo / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
    (demo / "content" / rel).write_text("{}", encoding="utf-8")
    result = run_cli("check", cwd=demo)
    assert result.code == 1 and f"content/{rel}: файл занял бы место" in result.text


UNPARSEABLE = {
    "files/nbsp.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>&nbsp;</svg>',
    "files/entity.svg": '<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>'
    '<svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    "files/schema.xsd": '<x:y xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert(1)</x:script></x:y>',
    "files/data.rdf": '<r xmlns:h="http://www.w3.org/1999/xhtml"><h:img src="x" onerror="alert(1)"/></r>',
    "files/xslt.xml": '<?xml-stylesheet type="text/xsl" href="x.xsl"?><r/>',
    "files/svg.html": "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "files/utf16.html": "\ufeff<img src=x onerror=alert(1)>",
}


def test_unparseable_and_unusual_script_bearing_files_fail_the_build(demo):
    for rel, text in UNPARSEABLE.items():
        encoding = "utf-16" if "utf16" in rel else "utf-8"
        (demo / "content" / rel).write_bytes(text.encode(encoding))
    result = run_cli("build", cwd=demo)
    assert result.code == 1 and "Traceback" not in result.text
    for rel in UNPARSEABLE:
        assert f"site/{rel}: " in result.text, rel
    assert not (demo / "site").exists()


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("files/x.js", b"alert(1)"),
        ("files/x.mjs", b"alert(1)"),
        ("x.wasm", b"\0asm"),
        ("files/logo.svgz", zlib.compress(b"<svg/>")),
        ("files/open.pdf", b"%PDF-1.4\n1 0 obj <</Type/Catalog/OpenAction 2 0 R>> endobj\n"),
        ("files/hex.pdf", b"%PDF-1.4\n1 0 obj <</S/J#61vaScript/J#53 (app.alert(1))>> endobj\n"),
    ],
)
def test_script_like_uploads_are_refused(demo, name, body):
    (demo / "content" / name).parent.mkdir(parents=True, exist_ok=True)
    (demo / "content" / name).write_bytes(body)
    result = run_cli("check", cwd=demo)
    assert result.code == 1 and "Traceback" not in result.text
    assert f"content/{name}: " in result.text
    assert "не публикуется" in result.text or "активное содержимое" in result.text


def test_javascript_hidden_in_a_compressed_pdf_stream_is_found():
    hidden = zlib.compress(b"1 0 obj <</S/JavaScript/JS(app.alert(1))>> endobj")
    raw = b"%PDF-1.5\n2 0 obj <</Type/ObjStm/Filter/FlateDecode>>stream\n" + hidden + b"\nendstream endobj"
    assert pdf_active_content(raw) == "JavaScript"
    assert pdf_active_content(b"%PDF-1.4\n1 0 obj <</Type/Catalog>> endobj\n") is None
