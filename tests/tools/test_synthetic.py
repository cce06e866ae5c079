"""Synthetic portals (nastavnik new --synthetic N) and the benchmark that builds them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import run_cli, tree_digest
from generator.district import check_district
from generator.project import Project
from generator.rules.people import has_consent
from generator.rules.references import walk_items
from generator.tools import synthetic


@pytest.fixture(scope="module")
def two(tmp_path_factory) -> Path:
    return synthetic.create(tmp_path_factory.mktemp("syn") / "portal", 2)


def test_each_organization_has_the_promised_records(two):
    checked = check_district(Project(two))
    assert checked.problems.errors == [] and checked.problems.warnings == []  # valid data, not even a warning
    assert sorted(checked.orgs) == ["school-1", "school-2"]
    for org in checked.orgs.values():
        records = org.records
        assert len(records.roadmaps) == 1 and len(list(walk_items(records.roadmaps[0].model))) == 20
        assert (len(records.mentors), len(records.practices), len(records.library), len(records.news)) == (
            20,
            10,
            20,
            30,
        )
        consenting = [e for e in records.mentors if has_consent(e.model)]
        pupils = [e for e in records.mentors if e.model.is_minor]
        assert len(consenting) == 17  # most; two adults and one pupil without consent
        assert len(pupils) == 2 and sum(has_consent(p.model) for p in pupils) == 1
    assert checked.top.records.program.model.organization.type == "department"


def test_the_text_is_russian_and_the_names_fictional(two):
    post = sorted((two / "content/organizations/school-1/news/posts").glob("*.md"))[0].read_text("utf-8")
    meta = yaml.safe_load(post.split("---")[1])
    assert any(ch in meta["title"] for ch in "абвгдеж") and meta["date"].year in (2025, 2026)
    assert "<!-- more -->" in post
    mentors = [
        yaml.safe_load(p.read_text("utf-8")) for p in (two / "data/organizations/school-1/mentors").glob("*.yaml")
    ]
    from generator.tools import synthetic_text as words

    pools = {s for pair in words.PUBLIC_SURNAMES + words.PRIVATE_SURNAMES + words.PUPIL_SURNAMES for s in pair}
    assert all(m["name"].split()[0] in pools for m in mentors)
    private = {s for pair in words.PRIVATE_SURNAMES + words.PUPIL_SURNAMES for s in pair}
    public = {s for pair in words.PUBLIC_SURNAMES for s in pair}
    assert not private & public  # private people can never be confused with published ones


def test_deterministic_and_growing_by_adding_organizations(tmp_path, two):
    again = synthetic.create(tmp_path / "again", 2)
    assert tree_digest(again) == tree_digest(two)
    one = synthetic.create(tmp_path / "one", 1)
    for part in ("data/organizations/school-1", "content/organizations/school-1"):
        assert tree_digest(one / part) == tree_digest(two / part)  # organization 1 is the same whatever N is
    other_seed = synthetic.create(tmp_path / "seed", 1, seed=7)
    assert tree_digest(other_seed / "data/organizations/school-1") != tree_digest(one / "data/organizations/school-1")


def test_new_synthetic_from_the_command_line(tmp_path):
    result = run_cli("new", "portal", "--synthetic", "3", cwd=tmp_path)
    assert result.code == 0, result.text
    assert "3 организации" in result.out
    assert sorted(p.name for p in (tmp_path / "portal/data/organizations").iterdir()) == [
        "school-1",
        "school-2",
        "school-3",
    ]
    again = run_cli("new", "portal", "--synthetic", "1", cwd=tmp_path)
    assert again.code == 1 and "папка не пуста" in again.err  # the same refusal as the scaffold's
    zero = run_cli("new", "other", "--synthetic", "0", cwd=tmp_path)
    assert zero.code == 2


@pytest.mark.slow
def test_a_synthetic_school_builds_with_a_small_utf8_search_index(tmp_path):
    root = synthetic.create(tmp_path / "school", 1, school=True)
    assert not Project(root).is_district
    result = run_cli("build", "--timings", "t.json", cwd=root)
    assert result.code == 0, result.text
    index = root / "site/search/search_index.json"
    raw = index.read_bytes()
    assert len(raw) <= 1024 * 1024 and b"\\u04" not in raw
    assert "Наставничество" in raw.decode("utf-8")
    timings = json.loads((root / "t.json").read_text("utf-8"))
    assert timings["records"] == 83 and timings["pages"] >= 75
    # the pupil without consent and the adults without consent appear nowhere
    mentors = [yaml.safe_load(p.read_text("utf-8")) for p in (root / "data/mentors").glob("*.yaml")]
    hidden = [m["name"].split()[0] for m in mentors if not m["consent"]["publish"] or m["role"] == "pupil"]
    assert len(hidden) == 4
    site_text = "\n".join(p.read_text("utf-8", "replace") for p in (root / "site").rglob("*.html"))
    assert not [name for name in hidden if name in site_text]


def test_the_plain_baseline_gets_the_posts_as_our_build_hands_them_to_mkdocs(tmp_path):
    """The benchmark compares the same pages: a post carries its date, picture and people in both builds."""
    from generator.tools.bench_plain import dump_plain

    root = synthetic.create(tmp_path / "school", 1, school=True)
    docs = dump_plain(root, tmp_path / "plain").parent / "docs"
    posts = sorted((docs / "news/posts").glob("*.md"))
    assert posts
    for post in posts:
        text = post.read_text("utf-8")
        assert text.startswith("---\ntitle:")  # the front matter stays first, for the blog plugin
        front_end = text.index("\n---\n") + 5
        assert text[front_end:].startswith('<p class="nv-post-dateline"><time datetime="20')


@pytest.mark.slow
def test_the_benchmark_runs_end_to_end(tmp_path, monkeypatch):
    from generator.tools import bench

    monkeypatch.setenv("BENCH_SIZES", "1")
    monkeypatch.setenv("BENCH_REPEAT", "2")  # the median of two runs each: the repeated path, quickly
    report = bench.run(bench.sizes_from_env(), out=tmp_path / "build")
    saved = json.loads((tmp_path / "build/bench.json").read_text("utf-8"))
    assert saved["table"] == report["table"]
    rows = saved["rows"]
    assert [(r["portal"], r["organizations"]) for r in rows] == [("школа", 1), ("район", 1)]
    for row in rows:
        assert row["pages"] > 70 and row["ours_seconds"] > 0 and row["plain_seconds"] > 0
        assert abs(row["plain_pages"] - row["pages"]) <= row["organizations"] + 1  # the same pages (our 404s aside)
        assert 0 < row["generator_share"] < 1 and row["peak_mb"] > 20
    assert "| школа | 1 |" in report["table"]
    assert saved["status"]["search_index_ok"] is True
    serve = saved["serve"]  # the preview on the demo school: a saved edit served, ours and plain mkdocs serve
    assert serve["portal"] == "демонстрационная школа"
    for command in ("nastavnik serve", "mkdocs serve"):
        assert len(serve[command]["samples"]) == 2 and serve[command]["median"] > 0


def test_bench_sizes_from_the_environment(monkeypatch):
    from generator.tools import bench

    monkeypatch.setenv("BENCH_SIZES", "1,10")
    assert bench.sizes_from_env() == (1, 10)
    monkeypatch.delenv("BENCH_SIZES")
    assert bench.sizes_from_env() == (1, 10, 50)
    monkeypatch.setenv("BENCH_SIZES", "a")
    with pytest.raises(SystemExit):
        bench.sizes_from_env()


def test_small_portals_are_measured_several_times(monkeypatch):
    from generator.tools import bench

    monkeypatch.delenv("BENCH_REPEAT", raising=False)
    assert bench.repeats_for(1) == bench.repeats_for(10) == bench.REPEAT_SMALL > 1
    assert bench.repeats_for(50) == 1
    monkeypatch.setenv("BENCH_REPEAT", "3")
    assert bench.repeats_for(50) == 3
    monkeypatch.setenv("BENCH_REPEAT", "ноль")
    assert bench.repeats_for(1) == bench.REPEAT_SMALL


def test_linearity_is_time_per_record():
    from generator.tools.bench import Row, linearity

    def row(orgs: int, records: int, seconds: float) -> Row:
        return Row("район", orgs, records, records, seconds, 1, records, 0.1, 1, 50, 50, 100)

    verdict = linearity([row(1, 100, 10.0), row(10, 1000, 105.0), row(50, 5000, 600.0)])
    assert [(v.larger, v.linear) for v in verdict] == [(10, True), (50, False)]
    assert verdict[0].per_record_growth == pytest.approx(1.05)
