"""What parents and inspectors read on the built demo: news wording, practices, statuses, the calendar.

Each assertion failed on the portal before issue 15 (see the issue's points 10–13).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from icalendar import Calendar
from selectolax.lexbor import LexborHTMLParser

from conftest import run_cli

pytestmark = pytest.mark.slow

INTERNAL = ("просрочено?", "Просрочено?", "ждёт подтверждения", "ждут подтверждения", "статус не указан",
            "Статус не указан", "Метаданные", "· В ")  # fmt: skip


def _parse(site: Path, rel: str) -> LexborHTMLParser:
    return LexborHTMLParser((site / rel).read_text("utf-8"))


def _text(node) -> str:  # type: ignore[no-untyped-def]
    return " ".join(node.text(separator=" ").replace("\u00a0", " ").split())


def test_no_internal_workflow_words_face_the_public(built_demo):
    site = built_demo / "site"
    found = []
    for path in site.rglob("*.html"):
        if "admin" in path.relative_to(site).parts:
            continue
        text = _text(LexborHTMLParser(path.read_text("utf-8")).body)
        found += [(path.relative_to(site).as_posix(), word) for word in INTERNAL if word in text]
    assert found == []


def test_a_passed_date_without_a_result_is_shown_calmly_and_listed_for_the_editor(minimal):
    path = minimal / "data/roadmaps/dk-2026-2027.yaml"
    path.write_text(
        path.read_text("utf-8")
        + '      - number: "2.2"\n        title: Анкетирование\n        deadline: Сентябрь 2026 г.\n',
        "utf-8",
    )
    result = run_cli("check", cwd=minimal)
    assert "срок прошёл, а отметки о выполнении нет: 2.2 «Анкетирование»" in result.text, result.text
    assert "status: done" in result.text
    assert run_cli("build", cwd=minimal).code == 0
    site = minimal / "site"
    roadmap = _text(_parse(site, "roadmap/index.html").body)
    stats = _text(_parse(site, "stats/index.html").body)
    assert "срок прошёл" in roadmap and "результат ещё не отмечен" in roadmap  # honest, in calm words
    assert "Срок прошёл" in stats
    for word in INTERNAL:
        assert word not in roadmap and word not in stats, word


def test_a_news_post_reads_well(built_demo):
    site = built_demo / "site"
    post = next(p for p in sorted((site / "news").iterdir()) if p.name[:4].isdigit())
    tree = _parse(site, f"news/{post.name}/index.html")
    back = tree.css_first(".md-post__back a")
    assert _text(back) == "Все новости" and back.attributes["href"] == "../"
    assert "Рубрика:" in _text(tree.css_first(".md-post__meta"))
    assert "Дата и рубрика" in _text(tree.css_first(".md-post__meta"))
    first = tree.css_first("article.md-content__inner > :not(h1)")
    assert first is not None and "nv-post-dateline" in (first.attributes.get("class") or "")
    assert first.css_first("time") is not None and " г." in _text(first)


def test_news_archive_headings_start_with_a_capital(built_demo):
    site = built_demo / "site"
    pages = list((site / "news" / "archive").rglob("index.html"))
    assert pages
    for path in pages:
        h1 = _text(LexborHTMLParser(path.read_text("utf-8")).css_first(".md-content h1"))
        assert h1[:1].isupper(), (path, h1)


def test_news_stands_once_in_the_news_menu(built_demo):
    tree = _parse(built_demo / "site", "news/index.html")
    links = [_text(a) for a in tree.css(".md-sidebar--primary a.md-nav__link")]
    assert links.count("Новости") == 1, links


def test_a_practice_lists_its_own_sections_in_the_contents(built_demo):
    site = built_demo / "site"
    for path in sorted((site / "practices").glob("*/index.html")):
        tree = LexborHTMLParser(path.read_text("utf-8"))
        headings = [h.attributes.get("id") for h in tree.css("article h2, article h3") if "class" not in h.attributes]
        toc = [a.attributes["href"][1:] for a in tree.css(".md-sidebar--secondary a.md-nav__link")]
        assert all(headings) and headings == toc, (path, headings, toc)


def test_the_calendar_has_no_long_events_and_clean_titles(built_demo):
    calendar = Calendar.from_ical((built_demo / "site" / "roadmap.ics").read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert events
    long = [(str(e["SUMMARY"]), e.decoded("DTEND") - e.decoded("DTSTART")) for e in events]
    assert [x for x in long if x[1] > dt.timedelta(days=7)] == []
    assert [str(e["SUMMARY"]) for e in events if str(e["SUMMARY"]).rstrip().endswith(":")] == []
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))
    starts = [str(e["SUMMARY"]) for e in events if str(e["SUMMARY"]).startswith("Начало: ")]
    assert starts and all(f"Срок: {s[len('Начало: ') :]}" in {str(e["SUMMARY"]) for e in events} for s in starts)
