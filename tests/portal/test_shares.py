"""Shares of each group involved, computed with pandas, and the ranking of organizations by them."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import run_cli
from generator.models.program import Coverage
from generator.portal.shares import latest, rank, share_rows


def _coverage(year: str, **groups: dict[str, float]) -> Coverage:
    return Coverage.model_validate({"year": year, **groups})


def test_shares_are_percent_with_one_decimal_and_ordered_by_year_and_group():
    rows = share_rows([
        _coverage("2026-2027", teachers={"total": 64, "involved": 27, "target": 30}, pupils={"total": 812, "involved": 146}),
        _coverage("2025-2026", pupils={"total": 3, "involved": 1, "target": 50}),
    ])  # fmt: skip
    assert [(r.year, r.group) for r in rows] == [
        ("2025-2026", "pupils"),
        ("2026-2027", "pupils"),
        ("2026-2027", "teachers"),
    ]
    assert [r.share for r in rows] == [33.3, 18.0, 42.2]
    assert rows[0].met is False and rows[0].gap == 16.7
    assert rows[1].target is None and rows[1].met is None and rows[1].gap is None
    assert rows[2].met is True and rows[2].gap == 0.0
    assert [r.year for r in latest(rows)] == ["2026-2027", "2026-2027"]
    assert share_rows([]) == ()


def test_organizations_rank_by_the_latest_share_of_pupils_and_those_without_figures_come_last():
    a = share_rows([_coverage("2026-2027", pupils={"total": 100, "involved": 10})])
    b = share_rows([_coverage("2025-2026", pupils={"total": 100, "involved": 90}),
                    _coverage("2026-2027", pupils={"total": 100, "involved": 30})])  # fmt: skip
    c = share_rows([_coverage("2026-2027", teachers={"total": 10, "involved": 9})])
    order = rank({"a": a, "none": (), "c": c, "b": b})
    assert [org for org, _ in order] == ["b", "a", "none", "c"]
    assert order[0][1].share == 30.0  # the latest year counts, not the best one


@pytest.mark.slow
def test_more_involved_than_total_is_an_error_with_its_line(minimal):
    path = minimal / "data" / "program.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "coverage:\n  - year: 2026-2027\n    pupils: {total: 10, involved: 12}\n",
        encoding="utf-8",
    )
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert re.search(r"data/program\.yaml:\d+: .*участвуют 12, а всего 10", result.text), result.text


@pytest.mark.slow
def test_stats_shows_each_share_against_its_target(minimal):
    path = minimal / "data" / "program.yaml"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "coverage:\n  - year: 2026-2027\n    pupils: {total: 812, involved: 146, target: 20}\n"
        "    teachers: {total: 64, involved: 27, target: 30}\n",
        encoding="utf-8",
    )
    assert run_cli("build", cwd=minimal).code == 0
    doc = LexborHTMLParser((minimal / "site" / "stats" / "index.html").read_text(encoding="utf-8"))
    rows = [
        [c.text(strip=True).replace("\u00a0", " ") for c in tr.css("th, td")]
        for tr in doc.css("table.nv-shares tbody tr")
    ]
    assert rows == [
        ["Ученики", "812", "146", "18", "20", "до цели 2 п. п."],
        ["Педагоги", "64", "27", "42,2", "30", "цель достигнута"],
    ]
