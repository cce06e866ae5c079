"""The month-by-month timeline: its months and bars (Python), its HTML (lxml) and its layout (Chromium)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import TODAY, copy_portal, run_cli
from generator.models import Roadmap
from generator.portal.check import check
from generator.portal.roadmaps import build_roadmap
from generator.project import Project
from generator.render.timeline import build_timeline

NOVEMBER = dt.date.fromisoformat(TODAY)


def roadmap_view(period: str, *items: dict, kind: str | None = None):
    model = Roadmap.model_validate(
        {"title": "Дорожная карта", "period": period, "period_kind": kind, "sections": [{"title": "I", "items": items}]}
    )
    return build_roadmap("test", model, True, NOVEMBER, {}, {})


def bars(timeline) -> dict[str, str]:
    return {row.item.item.title: "".join("#" if on else "." for on in row.cells) for row in timeline.rows}


def test_months_cover_the_school_year_and_the_items_outside_it() -> None:
    view = roadmap_view(
        "2026-2027",
        {"title": "Подготовка", "deadline": "Август 2026 г."},
        {"title": "Круглый год", "deadline": "В течение года"},
        {"title": "Ежегодное", "deadline": "Ежегодно в мае"},
        {"title": "Без срока", "deadline": "По отдельному плану"},
        {"title": "Непонятно", "deadline": "как получится"},
    )
    timeline = build_timeline(view, NOVEMBER)
    assert timeline is not None
    assert [m.key for m in timeline.months] == [f"2026-{m:02d}" for m in range(8, 13)] + [
        f"2027-{m:02d}" for m in range(1, 7)
    ]
    assert [m.key for m in timeline.months if m.current] == ["2026-11"] and timeline.current.key == "2026-11"
    assert bars(timeline) == {"Подготовка": "#..........", "Круглый год": ".##########", "Ежегодное": ".........#."}
    assert [i.item.title for i in timeline.undated] == ["Без срока", "Непонятно"]
    assert timeline.span_label.replace("\u202f", " ") == "с августа 2026 г. по июнь 2027 г."
    assert timeline.rows[2].recurring and timeline.rows[2].recurrence_label == "ежегодно"


def test_recurring_items_repeat_in_a_multi_year_plan() -> None:
    view = roadmap_view("2022-2024", {"title": "Мониторинг", "deadline": "Май, ежегодно"}, kind="years")
    timeline = build_timeline(view, NOVEMBER)
    assert timeline is not None
    months = [m.key for m in timeline.months]
    assert (months[0], months[-1]) == ("2022-09", "2024-06")
    (row,) = timeline.rows
    assert [months[i] for i, on in enumerate(row.cells) if on] == ["2023-05", "2024-05"]
    assert timeline.current is None  # November 2026 is long after this plan


def test_a_calendar_year_plan_runs_january_to_december() -> None:
    view = roadmap_view("2023", {"title": "Встречи", "deadline": "Еженедельно по средам 2023г"})
    timeline = build_timeline(view, NOVEMBER)
    assert timeline is not None
    assert [m.key for m in timeline.months] == [f"2023-{m:02d}" for m in range(1, 13)]
    assert bars(timeline) == {"Встречи": "#" * 12}
    assert timeline.rows[0].recurrence_label == "еженедельно"


def test_far_away_dates_are_cut_at_a_year_beyond_the_plan() -> None:
    view = roadmap_view("2026-2027", {"title": "Далеко", "deadline": "с сентября 2026 по декабрь 2028 г."})
    timeline = build_timeline(view, NOVEMBER)
    assert timeline is not None
    assert (timeline.months[0].key, timeline.months[-1].key) == ("2026-09", "2028-08")


def test_no_timeline_without_dates_or_plan() -> None:
    assert build_timeline(roadmap_view("2026-2027", {"title": "А", "deadline": "По плану"}), NOVEMBER) is None
    assert build_timeline(roadmap_view("когда-нибудь", {"title": "А", "deadline": "Май 2027"}), NOVEMBER) is None


# --- the page -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_site(built_demo: Path) -> Path:
    return built_demo


def roadmap_page(root: Path):
    return lxml_html.fromstring((root / "site/roadmap/index.html").read_bytes())


@pytest.mark.slow
def test_timeline_table_is_labelled_and_marks_the_current_month(demo_site: Path) -> None:
    doc = roadmap_page(demo_site)
    (heading,) = doc.cssselect("h2#grafik-po-mesyacam")
    assert heading.text_content().strip().startswith("График по месяцам")
    (region,) = doc.cssselect(".nv-timeline__scroll")
    assert (region.get("role"), region.get("tabindex")) == ("region", "0")
    caption = doc.get_element_by_id(region.get("aria-labelledby"))
    assert caption.tag == "caption" and "закрашенная клетка" in caption.text_content()
    columns = region.cssselect("thead th[scope=col]")[1:]
    assert len(columns) == 11
    assert [th.cssselect("abbr")[0].get("title").replace("\u202f", " ") for th in columns[:2]] == [
        "август 2026 г.",
        "сентябрь 2026 г.",
    ]
    current = [th for th in columns if th.get("aria-current") == "date"]
    assert len(current) == 1 and "сейчас" in current[0].text_content() and "ноя" in current[0].text_content()
    rows = region.cssselect("tbody tr")
    checked = check(Project(demo_site), NOVEMBER)
    dated = [v for v in checked.portal.current_roadmap.all_items() if v.schedule.dated]
    assert len(rows) == len(dated)
    for row, view in zip(rows, dated, strict=True):
        (name,) = row.cssselect("th[scope=row]")
        assert name.cssselect("a")[0].get("href") == f"#{view.anchor}"
        assert view.schedule.label in name.text_content()  # the status is text, not only a colour
        bars = row.cssselect("td.nv-timeline__bar")
        assert bars and all(td.text_content() == "по плану" for td in bars)
        assert doc.get_element_by_id(view.anchor) is not None


@pytest.mark.slow
def test_month_list_repeats_recurring_items_and_opens_the_current_month(demo_site: Path) -> None:
    doc = roadmap_page(demo_site)
    months = doc.cssselect("ol.nv-timeline__months > li")
    assert len(months) == 11
    current = [li for li in months if li.get("aria-current") == "date"]
    assert len(current) == 1 and current[0].cssselect("details")[0].get("open") is not None
    summaries = [
        li.cssselect("summary")[0].text_content().replace("\u202f", " ").replace("\u00a0", " ") for li in months
    ]
    assert summaries[0] == "Август 2026 г.: 2 мероприятия"
    assert summaries[3].startswith("Ноябрь 2026 г. — сейчас: ")
    quarterly = "4.3 Встречи куратора"
    holding = [i for i, li in enumerate(months) if quarterly in li.text_content().replace("\u00a0", " ")]
    assert holding == list(range(1, 10))  # September to May, every month of the school year's terms
    undated = doc.cssselect(".nv-timeline__undated")[0].text_content()
    assert "3.3" in undated and "По отдельному плану" in undated


@pytest.mark.slow
def test_item_statuses_on_the_page(tmp_path: Path) -> None:
    """The editor's status wins; a passed deadline without one is «срок прошёл», never «выполнено»."""
    root = copy_portal("minimal", tmp_path)
    path = root / "data/roadmaps/dk-2026-2027.yaml"
    path.write_text(
        path.read_text("utf-8")
        + '      - number: "2.2"\n        title: Анкетирование\n        deadline: Сентябрь 2026 г.\n'
        + '      - number: "2.3"\n        title: Отчёт\n        deadline: Сентябрь 2026 г.\n        status: cancelled\n',
        "utf-8",
    )
    assert run_cli("build", cwd=root).code == 0
    doc = roadmap_page(root)
    items = {li.cssselect(".nv-item__number")[0].text: li for li in doc.cssselect("li.nv-item")}
    overdue = items["2.2"]
    assert overdue.cssselect(".nv-status")[0].text == "срок прошёл"
    assert "результат ещё не отмечен" in overdue.cssselect(".nv-status-note")[0].text_content()
    assert items["2.3"].cssselect(".nv-status")[0].text == "отменено" and not items["2.3"].cssselect(".nv-status-note")
    assert items["1.1"].cssselect(".nv-status")[0].text == "выполнено"
    assert items["1.2"].cssselect(".nv-status")[0].text == "выполняется"
    assert "(с сентября 2026 г. по июнь 2027 г.)" in items["1.2"].text_content().replace("\u202f", " ").replace(
        "\u00a0", " "
    )
    text = doc.text_content().replace("\u00a0", " ")
    assert "срок прошёл без отметки о результате: 1" in text and "Выполнено 1 из 4" in text


@pytest.mark.slow
def test_evidence_links_lead_to_news_and_library(demo_site: Path) -> None:
    doc = roadmap_page(demo_site)
    checked = check(Project(demo_site), NOVEMBER)
    views = [v for v in checked.portal.current_roadmap.all_items() if v.news or v.library]
    assert views
    for view in views:
        links = doc.get_element_by_id(view.anchor).cssselect(".nv-evidence a")
        expected = [f"Новость: {p.title}" for p in view.news] + [f"Документ: {d.model.title}" for d in view.library]
        assert [
            a.text_content().replace("\u00a0", " ") for a in links
        ] == expected  # typography: see render/typography.py
        for a in links:
            target = (demo_site / "site/roadmap" / a.get("href")).resolve()
            assert target.is_file() or (target / "index.html").is_file(), a.get("href")


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_timeline_never_scrolls_the_page_sideways(demo_site: Path, width: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": width, "height": 800})
            page.goto((demo_site / "site/roadmap/index.html").as_uri())
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            table, months = page.locator(".nv-timeline__scroll"), page.locator("ol.nv-timeline__months")
            if width < 720:
                assert months.is_visible() and not table.is_visible()
            else:
                assert table.is_visible() and not months.is_visible()
                box = table.bounding_box()
                assert box is not None and box["x"] + box["width"] <= width
                table.focus()
                assert page.evaluate("document.activeElement.classList.contains('nv-timeline__scroll')")
        finally:
            browser.close()
