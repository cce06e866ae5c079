"""Exports of the roadmap: the site's /roadmap.* files, iCalendar read back, the fixed JSON shape, the CLI."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from dateutil.rrule import rrulestr
from icalendar import Calendar
from lxml import html as lxml_html

from conftest import FIXTURES, TODAY, copy_portal, run_cli
from generator.deadlines import Period, month_bounds
from generator.portal.check import check
from generator.project import Project
from generator.render.exports import EXPORTERS

pytestmark = pytest.mark.slow

SITE_URL = "https://school12.example.ru/nastavnichestvo/"
HOST = "school12.example.ru"
PLAN_START, PLAN_END = dt.date(2026, 8, 1), dt.date(2027, 8, 31)  # the demo plan, with its August preparations
FIXED_TOP = ["title", "organization", "period", "period_kind", "approval", "goal", "tasks", "columns", "sections",
             "extra_tables"]  # fmt: skip
FIXED_SECTION = {"number", "title", "heading", "level", "items", "sections"}
FIXED_ITEM = ["number", "title", "details", "deadline", "responsible", "result", "indicators"]


@pytest.fixture(scope="module")
def demo(built_demo: Path) -> Path:
    return built_demo


def events(ics: bytes) -> list:
    calendar = Calendar.from_ical(ics)
    return [c for c in calendar.walk() if c.name == "VEVENT"]


def export(root: Path, *args: str, env: dict[str, str] | None = None) -> bytes:
    out = root / "export.out"
    result = run_cli("export", *args, "-o", str(out), cwd=root, env=env)
    assert result.code == 0, result.text
    return out.read_bytes()


def current_items(root: Path):
    checked = check(Project(root), dt.date.fromisoformat(TODAY))
    assert checked.portal is not None and checked.portal.current_roadmap is not None
    return {view.item.number: view for view in checked.portal.current_roadmap.all_items()}


# --- the site -----------------------------------------------------------------------------------


def test_site_publishes_every_registered_format(demo: Path) -> None:
    for exporter in EXPORTERS.values():
        assert (demo / "site" / f"roadmap{exporter.suffix}").is_file(), exporter.format
    assert {"ics", "json"} <= set(EXPORTERS)


def test_site_files_are_what_export_writes(demo: Path) -> None:
    site = demo / "site"
    assert (site / "roadmap.ics").read_bytes() == export(demo, "--format", "ics")
    assert (site / "roadmap.json").read_bytes() == export(demo, "--format", "json")


def test_roadmap_page_offers_the_calendar_and_the_tables(demo: Path) -> None:
    doc = lxml_html.fromstring((demo / "site/roadmap/index.html").read_bytes())
    block = doc.cssselect(".nv-subscribe")[0]
    heading = doc.get_element_by_id("podpisatsya-na-kalendar")
    assert heading.text_content().strip().startswith("Подписаться на календарь")
    hrefs = {a.get("href"): a.text_content() for a in block.cssselect("a")}
    assert hrefs[f"webcal://{HOST}/nastavnichestvo/roadmap.ics"] == "Подписаться на календарь"
    assert hrefs["../roadmap.ics"] == "Скачать календарь"
    for exporter in EXPORTERS.values():
        if exporter.format != "ics":
            assert f"../roadmap{exporter.suffix}" in hrefs, exporter.format
    for href in hrefs:
        if href.startswith("../"):
            assert (demo / "site/roadmap" / href).resolve().is_file(), href
    assert f"{SITE_URL}roadmap.ics" in block.text_content()


def test_archived_roadmap_page_has_no_subscription(demo: Path) -> None:
    doc = lxml_html.fromstring((demo / "site/roadmap/dk-2025-2026/index.html").read_bytes())
    assert not doc.cssselect(".nv-subscribe")


def test_without_site_url_there_is_no_webcal_link(minimal: Path) -> None:
    config = minimal / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_url: https://test.example.ru/\n", ""), "utf-8")
    assert run_cli("build", cwd=minimal).code == 0
    doc = lxml_html.fromstring((minimal / "site/roadmap/index.html").read_bytes())
    hrefs = [a.get("href") for a in doc.cssselect(".nv-subscribe a")]
    assert "../roadmap.ics" in hrefs and not any(h.startswith("webcal:") for h in hrefs)
    uids = [str(e["UID"]) for e in events((minimal / "site/roadmap.ics").read_bytes())]
    assert uids and all(uid.endswith("@nastavnik") for uid in uids)


def test_a_registered_format_is_published_without_other_changes(minimal: Path, monkeypatch) -> None:
    """A new exporter in the registry appears as /roadmap.<suffix> and as a link on /roadmap/."""
    from generator.pipeline.build import build
    from generator.render.exports import Exporter

    def write(roadmap, site_url, today) -> bytes:
        return f"{roadmap.id};{site_url};{today}\n".encode()

    monkeypatch.setitem(EXPORTERS, "tsv", Exporter("tsv", ".tsv", "text/tab-separated-values", write))
    build(Project(minimal))
    assert (minimal / "site/roadmap.tsv").read_text("utf-8") == f"dk-2026-2027;https://test.example.ru/;{TODAY}\n"
    doc = lxml_html.fromstring((minimal / "site/roadmap/index.html").read_bytes())
    assert [a.text_content() for a in doc.cssselect('.nv-subscribe a[href="../roadmap.tsv"]')] == ["TSV"]


# --- iCalendar ----------------------------------------------------------------------------------


def title_of(event) -> str:
    """The activity's title: a period longer than a week is a «Начало: …» and a «Срок: …» event."""
    summary = str(event["SUMMARY"])
    return summary.split(": ", 1)[1] if summary.startswith(("Начало: ", "Срок: ")) else summary


def spans(found) -> dict[str, tuple[dt.date, dt.date]]:
    """Each activity's first day and the day after its last, its start and deadline events put together."""
    result: dict[str, tuple[dt.date, dt.date]] = {}
    for event in found:
        title, start, end = title_of(event), event["DTSTART"].dt, event["DTEND"].dt
        first, last = result.get(title, (start, end))
        result[title] = (min(first, start), max(last, end))
    return result


def test_dated_periods_are_all_day_events_of_a_week_at_most(demo: Path) -> None:
    items = current_items(demo)
    found = events((demo / "site/roadmap.ics").read_bytes())
    expected = sum(1 for view in items.values() for period in view.schedule.periods if period.dated)
    deadlines = [e for e in found if not str(e["UID"]).split("@")[0].endswith("-start")]
    assert len(deadlines) == expected > 20
    for event in found:
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        assert type(start) is dt.date and type(end) is dt.date, event["SUMMARY"]
        assert PLAN_START <= start < end <= PLAN_END + dt.timedelta(days=1)
        assert end - start <= dt.timedelta(days=7), event["SUMMARY"]  # no months of bars on a phone


def test_month_periods_start_and_end_with_their_months(demo: Path) -> None:
    by_summary = spans(events((demo / "site/roadmap.ics").read_bytes()))
    items = current_items(demo)
    checked = 0
    for view in items.values():
        for period in view.schedule.periods:
            if period.recurrence != "none" or not period.dated:
                continue
            first, last = month_bounds(period)
            start, end = by_summary[view.item.title.rstrip(":")]
            assert start == (first or last)  # «до 1 октября» is the deadline's day
            assert end == (last or first) + dt.timedelta(days=1)
            checked += 1
    assert checked > 15
    december = by_summary["Повышение квалификации наставников по дополнительным профессиональным программам и "
                          "участие в вебинарах по вопросам наставничества"]  # fmt: skip
    assert december == (dt.date(2026, 12, 1), dt.date(2027, 2, 1))
    consents = next(e for s, e in by_summary.items() if s.startswith("Сбор согласий родителей"))
    assert consents == (dt.date(2026, 10, 1), dt.date(2026, 10, 2))


def expand(event) -> list[dt.date]:
    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=dt.datetime.combine(event["DTSTART"].dt, dt.time()))
    return [moment.date() for moment in rule]


def test_recurring_periods_have_rules_within_the_plan(demo: Path) -> None:
    by_summary = {str(e["SUMMARY"]): e for e in events((demo / "site/roadmap.ics").read_bytes())}
    yearly = by_summary["Срок: Итоговый мониторинг эффективности программ наставничества"]
    assert yearly["RRULE"]["FREQ"] == ["YEARLY"]
    assert (yearly["DTSTART"].dt, yearly["DTEND"].dt) == (dt.date(2027, 5, 31), dt.date(2027, 6, 1))
    assert expand(yearly) == [dt.date(2027, 5, 31)]
    begins = by_summary["Начало: Итоговый мониторинг эффективности программ наставничества"]
    assert expand(begins) == [dt.date(2027, 5, 1)]

    quarterly = by_summary["Встречи куратора с наставниками для обсуждения трудностей и корректировки планов"]
    assert (quarterly["RRULE"]["FREQ"], quarterly["RRULE"]["INTERVAL"]) == (["MONTHLY"], [3])
    assert quarterly["DTEND"].dt - quarterly["DTSTART"].dt == dt.timedelta(days=1)
    assert expand(quarterly) == [dt.date(2026, 9, 1), dt.date(2026, 12, 1), dt.date(2027, 3, 1)]

    weekly = next(e for s, e in by_summary.items() if s.startswith("Занятия взаимопомощи"))
    assert weekly["RRULE"]["FREQ"] == ["WEEKLY"]
    assert weekly["RRULE"]["BYDAY"] == ["MO", "TU", "WE", "TH"]
    days = expand(weekly)
    assert days[0] == weekly["DTSTART"].dt == dt.date(2026, 12, 1)  # a Tuesday
    assert days[-1] == dt.date(2027, 5, 31) and {d.weekday() for d in days} == {0, 1, 2, 3}
    for event in (yearly, quarterly, weekly):
        until = event["RRULE"]["UNTIL"][0]
        assert type(until) is dt.date and until <= PLAN_END


def test_multi_year_rules_skip_the_summers(minimal: Path) -> None:
    path = minimal / "data/roadmaps/dk-2026-2027.yaml"
    text = path.read_text(encoding="utf-8").replace(
        'period: "2026-2027"\nperiod_kind: academic_year', 'period: "2026-2028"'
    )
    path.write_text(text.replace("deadline: Ежегодно в мае", "deadline: Каждую четверть"), "utf-8")
    quarterly = next(e for e in events(export(minimal, "--format", "ics")) if "Итоговая" in str(e["SUMMARY"]))
    assert quarterly["RRULE"]["UNTIL"] == [dt.date(2028, 12, 31)]  # the plan's years end with 2028
    assert expand(quarterly) == [
        dt.date(2026, 9, 1), dt.date(2026, 12, 1), dt.date(2027, 3, 1),
        dt.date(2027, 9, 1), dt.date(2027, 12, 1), dt.date(2028, 3, 1),
        dt.date(2028, 9, 1), dt.date(2028, 12, 1),
    ]  # fmt: skip


def test_summary_and_description(demo: Path) -> None:
    items = current_items(demo)
    by_summary = {str(e["SUMMARY"]): e for e in events((demo / "site/roadmap.ics").read_bytes())}
    view = items["5.5"]
    title = view.item.title.rstrip(":")  # no stray colon in a calendar
    event = by_summary.get(title) or by_summary[f"Срок: {title}"]
    description = str(event["DESCRIPTION"])
    assert f"Срок: {view.item.deadline}" in description
    assert f"Ответственные: {view.item.responsible}" in description
    assert f"Результат: {view.item.result}" in description
    assert description.startswith(view.item.details[0])


def test_uids_are_unique_and_stable_across_builds(demo: Path) -> None:
    first = events((demo / "site/roadmap.ics").read_bytes())
    uids = [str(e["UID"]) for e in first]
    assert len(set(uids)) == len(uids)
    assert all(uid.startswith("dk-2026-2027-") and uid.endswith(f"@{HOST}") for uid in uids)
    later = events(export(demo, "--format", "ics", env={"NASTAVNIK_TODAY": "2027-01-15"}))
    assert [str(e["UID"]) for e in later] == uids
    assert {e["DTSTAMP"].dt.date() for e in later} == {dt.date(2027, 1, 15)}


def test_event_urls_point_at_the_items(demo: Path) -> None:
    doc = lxml_html.fromstring((demo / "site/roadmap/index.html").read_bytes())
    for event in events((demo / "site/roadmap.ics").read_bytes()):
        url = str(event["URL"])
        assert url.startswith(f"{SITE_URL}roadmap/#item-")
        assert doc.get_element_by_id(url.split("#")[1]) is not None


def test_uids_survive_an_inserted_item(tmp_path: Path) -> None:
    root = copy_portal("demo", tmp_path)
    before = {str(e["SUMMARY"]): str(e["UID"]) for e in events(export(root, "--format", "ics"))}
    path = root / "data/roadmaps/dk-2026-2027.yaml"
    text = path.read_text(encoding="utf-8")
    first_item = '    items:\n      - number: "1.1"\n'
    assert first_item in text
    inserted = (
        '    items:\n      - number: "1.0"\n        title: Новое мероприятие\n        deadline: Сентябрь 2026 г.\n'
    )
    path.write_text(text.replace(first_item, inserted + '      - number: "1.1"\n', 1), "utf-8")
    after = {str(e["SUMMARY"]): str(e["UID"]) for e in events(export(root, "--format", "ics"))}
    assert set(after) == set(before) | {"Срок: Новое мероприятие", "Начало: Новое мероприятие"}
    assert {s: after[s] for s in before} == before


def test_the_editors_id_and_duplicates(tmp_path: Path) -> None:
    root = copy_portal("demo", tmp_path)
    path = root / "data/roadmaps/dk-2026-2027.yaml"
    text = path.read_text(encoding="utf-8")
    with_id = text.replace('      - number: "1.2"\n', '      - number: "1.2"\n        id: pedsovet\n', 1)
    duplicate = (
        '      - number: "9.9"\n        title: Двойник\n        deadline: Май 2027 г.\n        status: cancelled\n'
    )
    path.write_text(with_id + duplicate + duplicate, "utf-8")
    found = events(export(root, "--format", "ics"))
    uids = [str(e["UID"]) for e in found]
    assert f"dk-2026-2027-pedsovet-1@{HOST}" in uids
    twins = sorted(str(e["UID"]) for e in found if str(e["SUMMARY"]) == "Срок: Двойник")
    assert len(twins) == 2 and twins[1] == twins[0].replace("-1@", "-2-1@")
    assert len(set(uids)) == len(uids)
    assert {str(e["STATUS"]) for e in found if title_of(e) == "Двойник"} == {"CANCELLED"}


# --- JSON and the CLI ---------------------------------------------------------------------------


def test_json_has_the_fixed_shape(demo: Path) -> None:
    result = run_cli("export", "--format", "json", cwd=demo)
    assert result.code == 0, result.text
    data = json.loads(result.out)
    assert [key for key in data if key in FIXED_TOP] == FIXED_TOP
    assert (data["period"], data["period_kind"]) == ("2026-2027", "academic_year")
    assert data["approval"]["approved"]["order_number"] == "112-о"

    def walk(sections: list[dict]) -> list[dict]:
        out = []
        for section in sections:
            assert set(section) == FIXED_SECTION
            out += section["items"] + walk(section["sections"])
        return out

    items = walk(data["sections"])
    assert len(items) == 26
    for item in items:
        assert [key for key in item if key in FIXED_ITEM] == FIXED_ITEM
        for period in item["periods"]:
            assert set(period) == {"start", "end", "recurrence"}
    first = items[0]
    assert (first["number"], first["deadline"]) == ("1.1", "Август 2026 г.")
    assert first["periods"] == [{"start": "2026-08", "end": "2026-08", "recurrence": "none"}]
    by_number = {item["number"]: item for item in items}
    assert by_number["3.3"]["periods"] == [{"start": None, "end": None, "recurrence": "unspecified"}]
    assert by_number["4.5"]["periods"] == [{"start": "2026-12", "end": "2027-05", "recurrence": "weekly"}]


def test_export_to_a_file_and_another_roadmap(demo: Path) -> None:
    out = demo / "old.json"
    result = run_cli("export", "--roadmap", "dk-2025-2026", "--format", "json", "-o", str(out), cwd=demo)
    assert result.code == 0
    assert result.out.strip() == f"Дорожная карта «dk-2025-2026» выгружена в {out} (json)"
    assert json.loads(out.read_text("utf-8"))["period"] == "2025-2026"
    ics = run_cli("export", "--roadmap", "dk-2025-2026", "--format", "ics", cwd=demo)
    assert ics.code == 0 and ics.out.startswith("BEGIN:VCALENDAR")
    assert events(ics.out.encode())


def test_unknown_roadmap_is_a_usage_error_with_the_list(demo: Path) -> None:
    result = run_cli("export", "--roadmap", "net-takoy", "--format", "json", cwd=demo)
    assert result.code == 2
    assert "net-takoy" in result.err and "dk-2025-2026, dk-2026-2027" in result.err
    assert "Traceback" not in result.text


# --- the seeds: the JSON export gives back the document, with periods as in deadlines.tsv ---------

SEED_ROADMAP_FIELDS = ["title", "organization", "period", "period_kind", "approval", "goal", "tasks", "columns",
                       "column_roles"]  # fmt: skip
LAYOUT_ONLY = {"cells", "vmerge", "italic"}


def _as_yaml_section(section: dict) -> dict:
    return {
        "number": section["number"],
        "title": section["title"],
        "heading": section["heading"],
        "items": [{k: v for k, v in item.items() if k not in LAYOUT_ONLY and v not in (None, [])}
                  for item in section["items"]],
        "sections": [_as_yaml_section(s) for s in section["sections"]],
    }  # fmt: skip


def _tsv_periods() -> dict[tuple[str, str], list[dict]]:
    with (FIXTURES / "seeds/deadlines.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    out: dict[tuple[str, str], list[dict]] = {}
    for row in rows:
        period = {"start": row["start"] or None, "end": row["end"] or None, "recurrence": row["recurrence"]}
        out.setdefault((row["seed"], row["raw_text"]), []).append(period)
    return out


@pytest.mark.parametrize("seed", ["seed-000", "seed-001", "seed-004"])
def test_seed_roadmaps_round_trip_through_json(minimal: Path, seed: str) -> None:
    expected = json.loads((FIXTURES / f"seeds/{seed}.expected.json").read_text("utf-8"))
    record = {key: expected[key] for key in SEED_ROADMAP_FIELDS if expected[key] not in (None, [])}
    record["sections"] = [_as_yaml_section(s) for s in expected["sections"]]
    record["extra_tables"] = [
        {**{k: t[k] for k in ("title", "columns", "column_roles")},
         "items": [{k: v for k, v in i.items() if k not in LAYOUT_ONLY and v not in (None, [])} for i in t["items"]]}
        for t in expected["extra_tables"]
    ]  # fmt: skip
    target = minimal / f"data/roadmaps/{seed}.yaml"
    target.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), "utf-8")
    result = run_cli("export", "--roadmap", seed, "--format", "json", cwd=minimal)
    assert result.code == 0, result.text
    got = json.loads(result.out)
    periods = _tsv_periods()

    def strip(sections: list[dict]) -> list[dict]:
        for section in sections:
            for item in section["items"]:
                assert item.pop("periods") == periods.get((seed, item["deadline"]), []), item["deadline"]
            strip(section["sections"])
        return sections

    for key in FIXED_TOP:
        if key == "sections":
            want = [{k: v for k, v in s.items()} for s in expected["sections"]]
            _drop_layout(want)
            assert strip(got["sections"]) == want
        elif key == "extra_tables":
            for table in got["extra_tables"]:
                strip([{"items": table["items"], "sections": []}])
            want_tables = [{k: t[k] for k in ("title", "columns", "column_roles", "items")} for t in expected[key]]
            _drop_layout([{"items": t["items"], "sections": []} for t in want_tables])
            assert got[key] == want_tables
        else:
            assert got[key] == expected[key], key


def _drop_layout(sections: list[dict]) -> None:
    for section in sections:
        for item in section["items"]:
            for key in LAYOUT_ONLY:
                item.pop(key, None)
        _drop_layout(section["sections"])


def test_a_period_is_the_fixed_shape() -> None:
    assert Period("2026-09", None).as_dict() == {"start": "2026-09", "end": None, "recurrence": "none"}


def test_readme_explains_every_recurrence_and_format() -> None:
    from typing import get_args

    from conftest import ROOT
    from generator.deadlines import Recurrence

    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme[readme.index("{#vygruzki}") : readme.index("{#personalnye-dannye}")]
    for recurrence in get_args(Recurrence):
        assert f"`{recurrence}`" in section, recurrence
    for exporter in EXPORTERS.values():
        assert f"/roadmap{exporter.suffix}" in section, exporter.format
    assert "срок не распознан" in section.lower() and "«срок прошёл»" in section and "periods:" in section
