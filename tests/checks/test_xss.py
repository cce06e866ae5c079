"""Injection: a corpus of payloads in every text field of every record, built for real and attacked back.

One build of :func:`attack.build_attacked_portal` (every kind of record, a news post's front matter
and body, ``parents.md``), then every output is parsed: pages with lxml (all) and html5lib (one of
each kind, the way browsers parse), the search index, the feeds, the calendar and JSON exports.
Nothing executable may come from the payloads, and every payload must still be there as text.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import html5lib
import pytest
import yaml
from icalendar import Calendar
from lxml import etree
from lxml import html as lxml_html

from attack import ICS_BREAKOUT, MARKERS, PAYLOADS, TEMPLATE_RESULT, Payloads, _kind, build_attacked_portal, record
from conftest import mkdocs_build, run_cli
from generator.errors import Problems
from generator.models import Document, Mentor, Post, Practice, Program, Roadmap
from generator.sources.load import load_markdown

pytestmark = pytest.mark.slow

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "srcdoc", "background"}
ONE_PAGE_OF_EACH_KIND = [
    "index.html",
    "roadmap/index.html",
    "mentors/index.html",
    "mentors/ataka-0/index.html",
    "mentors/ataka-pupil-1/index.html",
    "honor-board/index.html",
    "practices/index.html",
    "practices/ataka-1/index.html",
    "library/index.html",
    "news/index.html",
    "news/ataka-2/index.html",
    "parents/index.html",
    "stats/index.html",
]


@pytest.fixture(scope="module")
def attacked(tmp_path_factory) -> Path:
    root = build_attacked_portal(tmp_path_factory.mktemp("xss"))
    result = run_cli("build", cwd=root)
    assert result.code == 0, result.text
    return root


def test_the_corpus_is_large_and_varied():
    assert len(PAYLOADS) >= 30
    joined = "\n".join(PAYLOADS)
    for needle in ("<script", "onerror", "javascript:", "&#106;", "<svg", "<iframe", "srcdoc", "expression(",
                   "{{", "{% raw %}", "---\n", "BEGIN:VEVENT", "=HYPERLINK", "</textarea>", '">'):  # fmt: skip
        assert needle in joined, needle


def _text_fields(model, prefix=()) -> set[tuple[str, ...]]:
    found = set()
    for name, info in model.model_fields.items():
        kind, inner = _kind(info.annotation)
        if any(type(m).__name__ == "AfterValidator" for m in info.metadata):
            continue
        if kind == "text":
            found.add((*prefix, info.alias or name))
        elif kind == "model":
            found |= _text_fields(inner, (*prefix, name))
        elif kind == "list" and inner[0] == "model" and inner[1].__name__ != "Section":
            found |= _text_fields(inner[1], (*prefix, name))
        elif kind == "list" and inner[0] == "text":
            found.add((*prefix, info.alias or name))
    return found


def _filled(data, path) -> bool:
    head, *rest = path
    value = data.get(head) if isinstance(data, dict) else None
    if isinstance(value, list):
        return any(_filled(v, rest) if rest else isinstance(v, str) for v in value)
    if rest:
        return isinstance(value, dict) and _filled(value, rest)
    return isinstance(value, str) or (isinstance(value, list) and value)


@pytest.mark.parametrize("model", [Program, Roadmap, Mentor, Practice, Document, Post])
def test_every_text_field_of_every_record_kind_is_attacked(model):
    data = record(model, Payloads())
    fields = _text_fields(model)
    assert fields, model
    missing = {f for f in fields if not _filled(data, list(f))} - {("news",)}  # item.news: ids of posts
    missing -= {f for f in missing if f[-1] == "news"}
    assert not missing, missing


def _executable(doc) -> list[str]:
    """Everything in a parsed page that could run code from a payload."""
    found = []
    for element in doc.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rsplit("}", 1)[-1].lower()
        for name, value in element.attrib.items():
            name = name.rsplit("}", 1)[-1].lower()
            bare = re.sub(r"[\x00-\x20]", "", value).lower()
            if name.startswith("on"):
                found.append(f"<{tag} {name}>")
            if name in URL_ATTRIBUTES and (bare.startswith(("javascript:", "vbscript:", "data:")) or name == "srcdoc"):
                found.append(f"<{tag} {name}={value[:40]}>")
            if name == "style" and re.search(r"expression|javascript", value, re.I):
                found.append(f"<{tag} style>")
        if tag == "script":
            code = (element.text or "") + element.get("src", "")
            if any(marker in code for marker in MARKERS) or "evil" in code:
                found.append(f"<script>{code[:40]}")
        if tag in {"object", "embed", "base", "applet", "frame", "frameset"}:
            found.append(f"<{tag}>")
        if tag == "iframe" and not (
            element.get("src", "").startswith("https://") and element.get("sandbox") is not None
        ):
            found.append("<iframe> not sandboxed")
        if tag == "meta" and element.get("http-equiv", "").lower() == "refresh":
            found.append("<meta refresh>")
        if tag == "form" and "md-search__form" not in element.get("class", ""):
            found.append("<form>")
    return found


def test_no_page_runs_anything_from_the_payloads(attacked):
    pages = sorted((attacked / "site").rglob("*.html"))
    assert len(pages) > 60
    problems = {}
    for page in pages:
        found = _executable(lxml_html.fromstring(page.read_bytes()))
        if found:
            problems[page.relative_to(attacked).as_posix()] = found
    assert not problems


@pytest.mark.parametrize("page", ONE_PAGE_OF_EACH_KIND)
def test_browsers_parse_the_same_no_script(attacked, page):
    """html5lib parses as the HTML standard says, like a browser (lxml is more lenient)."""
    doc = html5lib.parse((attacked / "site" / page).read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)
    assert _executable(doc) == []
    texts = "".join(doc.getroot().itertext())
    assert any(marker in texts for marker in MARKERS), "the payloads are shown as text"


def test_payloads_are_shown_exactly_as_written(attacked):
    site = attacked / "site"
    mentor = yaml.safe_load((attacked / "data/mentors/ataka-0.yaml").read_text("utf-8"))
    doc = lxml_html.fromstring((site / "mentors/ataka-0/index.html").read_bytes())
    assert doc.cssselect("article h1")[0].text_content().rstrip("¶") == " ".join(mentor["name"].split())
    assert doc.cssselect("title")[0].text_content().startswith(" ".join(mentor["name"].split()) + " — ")
    description = doc.cssselect('meta[name="description"]')[0].get("content")
    assert mentor["position"].split()[0] in description  # the whole value inside the attribute, no breakout
    practice = yaml.safe_load((attacked / "data/practices/ataka-0.yaml").read_text("utf-8"))
    page = lxml_html.fromstring((site / "practices/ataka-0/index.html").read_bytes())
    assert _words(page.cssselect("p.nv-lead")[0].text_content()) == _words(practice["summary"])
    shown = [_words(li.text_content()) for li in page.cssselect("h2#rezultaty + ul li")]
    assert shown == [_words(result) for result in practice["results"]]


def _words(text: str) -> str:
    return " ".join(text.split())


def test_template_syntax_prints_as_written(attacked):
    every_file = [p for p in (attacked / "site").rglob("*") if p.is_file() and p.suffix in {".html", ".json", ".xml"}]
    text = "".join(p.read_text("utf-8", errors="replace") for p in every_file)
    assert TEMPLATE_RESULT not in text, "{{ 7*191 }} was evaluated somewhere"
    assert "{{ 7*191 }}" in text and "{% raw %}" in text
    assert "&lt;class" not in text and "<class 'str'>" not in text


def test_front_matter_cannot_be_broken_out_of(attacked):
    """A title «---\\ntemplate: redirect.html…» stays a title: no page became a redirect."""
    for page in (attacked / "site").rglob("*.html"):
        assert "window.location.replace" not in page.read_text("utf-8"), page
    from generator.portal.check import check
    from generator.project import Project
    from generator.render.pages import render_pages

    checked = check(Project(attacked))
    assert checked.portal is not None
    for src, markdown in render_pages(checked.portal).items():
        front = yaml.safe_load(markdown.split("---\n", 2)[1])
        assert set(front) == {"title", "description", "hide"}, src  # exactly the keys the generator writes
        assert front["hide"] == ["navigation"], src


def test_search_index_titles_and_texts_are_inert(attacked):
    index = json.loads((attacked / "site/search/search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            fragment = lxml_html.fragment_fromstring(f"<div>{doc[field]}</div>")
            assert _executable(fragment) == [], (doc["location"], field)
            assert not fragment.cssselect("script, img, svg, iframe"), (doc["location"], field)


def test_the_feeds_are_valid_and_hold_the_payloads_as_text(attacked):
    rss = etree.parse(str(attacked / "site/feed_rss_created.xml"))
    titles = {_words(t.text) for t in rss.iter("title") if t.text}
    for i in range(6):
        post = load_markdown(attacked, attacked / f"content/news/posts/ataka-{i}.md", Problems())
        assert post is not None
        assert _words(post.data["title"]) in titles
    feed = json.loads((attacked / "site/feed_json_created.json").read_text("utf-8"))
    assert len(feed["items"]) >= 6
    # feed readers render descriptions as HTML: nothing in them may run
    fragments = [d.text for d in rss.iter("description") if d.text] + [i["content_html"] for i in feed["items"]]
    for fragment in fragments:
        assert _executable(lxml_html.fragment_fromstring(fragment, create_parent="div")) == [], fragment


def test_the_calendar_keeps_payloads_as_text_and_no_event_is_injected(attacked):
    result = run_cli("export", "--format", "ics", cwd=attacked)
    assert result.code == 0, result.text
    calendar = Calendar.from_ical(result.out)
    events = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert events
    summaries = [str(e["SUMMARY"]) for e in events]
    payload = ICS_BREAKOUT.strip().replace("\r\n", "\n")
    assert any(s in {payload, f"Срок: {payload}"} for s in summaries), summaries  # line breaks kept, as text
    assert "nvxss" not in summaries and all(e["DTSTART"].dt.year >= 2025 for e in events)
    uids = [str(e["UID"]) for e in events]
    real_events = [line for line in result.out.splitlines() if line == "BEGIN:VEVENT"]  # not inside a text
    assert len(uids) == len(set(uids)) == len(real_events)


def test_the_json_export_round_trips_the_payloads(attacked):
    result = run_cli("export", "--format", "json", cwd=attacked)
    assert result.code == 0, result.text
    exported = json.loads(result.out)
    source = yaml.safe_load((attacked / "data/roadmaps/dk-ataka.yaml").read_text("utf-8"))
    assert exported["title"] == source["title"].strip()
    assert exported["tasks"] == [t.strip() for t in source["tasks"]]
    assert exported["sections"][0]["items"][0]["title"] == ICS_BREAKOUT.strip()  # exactly, CR included


OPEN_GRAPH = """{% extends "base.html" %}
{% block extrahead %}{% if page %}
  <meta property="og:title" content="{{ page.title }}">
  <meta property="og:description" content="{{ page.meta.description }}">{% endif %}
  <meta property="og:site_name" content="{{ config.extra.nastavnik.org_name }}">
  <meta name="nv-address" content="{{ config.extra.nastavnik.address | e }}">
{% endblock %}
"""


def test_a_theme_printing_values_raw_cannot_be_broken_out_of(attacked, tmp_path):
    """Open Graph tags as a theme would write them, unescaped: the values arrive escaped (hardening.py).

    Built with plain `mkdocs build`, so the plugin's own post-build checks run too.
    """
    root = tmp_path / "og"
    shutil.copytree(attacked, root, ignore=shutil.ignore_patterns("site"))
    (root / "overrides").mkdir()
    (root / "overrides/main.html").write_text(OPEN_GRAPH, encoding="utf-8")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  font: false", "  font: false\n  custom_dir: overrides"), "utf-8"
    )
    proc = mkdocs_build(root, tmp_path / "out")
    assert proc.code == 0, proc.err
    program = yaml.safe_load((root / "data/program.yaml").read_text("utf-8"))
    for rel in ("mentors/ataka-0/index.html", "news/ataka-1/index.html", "index.html"):
        doc = lxml_html.fromstring((tmp_path / "out" / rel).read_bytes())
        assert _executable(doc) == [], rel
        meta = {m.get("property") or m.get("name"): m.get("content") for m in doc.cssselect("head meta")}
        if rel != "index.html":  # the home page is titled by mkdocs.yml's nav
            assert _words(meta["og:title"]) == _words(doc.cssselect("article h1")[0].text_content().rstrip("¶"))
        assert _words(meta["og:site_name"]) == _words(program["organization"]["name"])
        assert _words(meta["nv-address"]) == _words(program["organization"]["address"])


@pytest.mark.parametrize(
    ("yaml_line", "fragment"),
    [
        ("url: javascript:alert(1)", "должен начинаться с https:// или http://"),
        ("url: JaVaScRiPt:alert(1)", "должен начинаться с https:// или http://"),
        ('url: "data:text/html,<script>alert(1)</script>"', "должен начинаться с https:// или http://"),
        ("url: 'https://x.example/\" onmouseover=\"alert(1)'", "должен начинаться с https:// или http://"),
        ("file: ../../etc/passwd", "недопустим"),
        ("file: /etc/passwd", "недопустим"),
        ("file: 'javascript:alert(1)'", "двоеточие"),
    ],
)
def test_addresses_and_paths_from_data_are_refused(minimal, yaml_line, fragment):
    (minimal / "content/javascript:alert(1)").write_text("x", encoding="utf-8")
    (minimal / "data/library/bad.yaml").write_text(
        f"title: Документ\ncategory: local\nkind: order\n{yaml_line}\n", encoding="utf-8"
    )
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert "data/library/bad.yaml:4:" in result.out and fragment in result.out
    assert "Traceback" not in result.text


def test_a_symlink_out_of_content_is_refused(minimal, tmp_path):
    (minimal / "content/files/secret").symlink_to("/etc")
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert "content/files/secret: символическая ссылка ведёт за пределы папки content/" in result.out


@pytest.mark.parametrize(
    ("front", "fragment"),
    [
        (
            "template: redirect.html\nlocation: javascript:alert(1)",
            "поле «template» в заголовке страницы не поддерживается",
        ),
        ("title: [1, 2]", "поле «title» должно быть непустым текстом"),
        ("hide: [everything]", "поле «hide»"),
        ("a: &x 1\nb: *x", "якоря YAML"),
    ],
)
def test_editors_pages_front_matter_is_limited(minimal, front, fragment):
    (minimal / "content/parents.md").write_text(f"---\n{front}\n---\n\n# Родителям\n", encoding="utf-8")
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert "content/parents.md:" in result.out and fragment in result.out
