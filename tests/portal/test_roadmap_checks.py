"""``nastavnik check`` on roadmaps: «срок не распознан», item ids, overrides, a finished period, stale data."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli
from generator.portal.roadmap_checks import working_days_between

ROADMAP = "data/roadmaps/dk-2026-2027.yaml"


def add_item(root: Path, *lines: str) -> int:
    """Append an item to the last section of the minimal roadmap; return the line of its first field."""
    path = root / ROADMAP
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    first = text.count("\n") + 1
    body = "".join(("      - " if i == 0 else "        ") + line + "\n" for i, line in enumerate(lines))
    path.write_text(text + body, encoding="utf-8")
    return first


def test_an_unread_deadline_is_a_warning_with_the_periods_to_write(minimal: Path) -> None:
    first = add_item(minimal, 'number: "2.2"', "title: Встреча с родителями", "deadline: как получится")
    result = run_cli("check", cwd=minimal)
    assert result.code == 0, result.text
    lines = result.out.splitlines()
    warning = next(line for line in lines if "срок не распознан" in line)
    assert warning.startswith(f"{ROADMAP}:{first + 2}: предупреждение: срок не распознан: «как получится»")
    assert "periods: [{start: 2026-09, end: 2026-10, recurrence: none}]" in warning
    assert "periods: [{recurrence: unspecified}]" in warning
    assert lines[-2:] == ["Предупреждений: 1", "Ошибок не найдено"]


def test_under_strict_an_unread_deadline_fails(minimal: Path) -> None:
    add_item(minimal, "title: Встреча", "deadline: как получится")
    result = run_cli("check", "--strict", cwd=minimal)
    assert result.code == 1
    assert "срок не распознан" in result.out and "Найдено ошибок: 1" in result.out


def test_github_format_annotates_the_deadline_line(minimal: Path) -> None:
    first = add_item(minimal, "title: Встреча", "deadline: как получится")
    result = run_cli("check", "--format", "github", cwd=minimal)
    assert f"::warning file={ROADMAP},line={first + 1}::срок не распознан" in result.out


def test_an_override_silences_the_warning(minimal: Path) -> None:
    add_item(
        minimal,
        "title: Встреча",
        "deadline: как получится",
        "periods: [{start: 2027-03, end: 2027-04, recurrence: none}]",
    )
    result = run_cli("check", "--strict", cwd=minimal)
    assert (result.code, result.out.strip().splitlines()[-1]) == (0, "Ошибок не найдено")
    assert "предупреждение" not in result.out


def test_readable_deadlines_raise_nothing(minimal: Path) -> None:
    for deadline in ("Еженедельно по средам", "до 01.10.2026 г.", "первая неделя декабря", "По отдельному плану"):
        add_item(minimal, f"title: {deadline}", f"deadline: {deadline}")
    result = run_cli("check", "--strict", cwd=minimal)
    assert (result.code, result.out.strip().splitlines()[-1]) == (0, "Ошибок не найдено")
    assert "предупреждение" not in result.out


def test_an_override_ending_before_it_starts_is_an_error(minimal: Path) -> None:
    first = add_item(minimal, "title: Встреча", "periods: [{start: 2027-05, end: 2027-03}]")
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert f"{ROADMAP}:{first + 1}: срок начинается (2027-05) позже, чем заканчивается (2027-03)" in result.out


def test_duplicate_item_ids_are_an_error(minimal: Path) -> None:
    first = add_item(minimal, "id: vstrecha", "title: Встреча", "deadline: Май 2027 г.")
    second = add_item(minimal, "id: vstrecha", "title: Другая встреча", "deadline: Июнь 2027 г.")
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert f"{ROADMAP}:{second}: идентификатор мероприятия «vstrecha» повторяется (уже на строке {first})" in result.out


def test_an_unreadable_period_is_reported_once(minimal: Path) -> None:
    path = minimal / ROADMAP
    path.write_text(path.read_text(encoding="utf-8").replace('period: "2026-2027"', "period: текущий"), "utf-8")
    result = run_cli("check", cwd=minimal)
    assert result.code == 0
    assert f"{ROADMAP}:3: предупреждение: период дорожной карты «текущий» не распознан" in result.out
    assert "срок не распознан" not in result.out


def test_a_finished_period_is_a_warning(minimal: Path) -> None:
    result = run_cli("check", cwd=minimal, env={"NASTAVNIK_TODAY": "2027-09-01"})
    assert result.code == 0
    assert f"{ROADMAP}:3: предупреждение: период текущей дорожной карты (2026-2027) закончился 31" in result.out
    assert "current_roadmap" in result.out
    assert "закончился" not in run_cli("check", cwd=minimal, env={"NASTAVNIK_TODAY": "2027-08-31"}).out


# --- staleness: data/ idle for more than 10 working days while items are overdue -----------------

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Редактор",
    "GIT_AUTHOR_EMAIL": "editor@example.ru",
    "GIT_COMMITTER_NAME": "Редактор",
    "GIT_COMMITTER_EMAIL": "editor@example.ru",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(root: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, **GIT_ENV}
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00+03:00", GIT_COMMITTER_DATE=f"{date}T12:00:00+03:00")
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit_all(root: Path, date: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "данные", date=date)


@pytest.fixture
def overdue(minimal: Path) -> Path:
    """The minimal portal with one item whose time has passed and nobody marked it done."""
    add_item(minimal, "title: Анкетирование наставников", "deadline: Сентябрь 2026 г.")
    return minimal


def test_stale_data_with_overdue_items_is_a_warning(overdue: Path) -> None:
    git(overdue, "init", "-q")
    commit_all(overdue, "2026-10-01")
    result = run_cli("check", cwd=overdue)
    assert result.code == 0
    line = next(line for line in result.out.splitlines() if line.startswith("data/: "))
    assert "данные не менялись с 1 октября 2026" in line.replace("\u202f", " ")
    assert "(36 рабочих дней)" in line and "у 1 мероприятия" in line and "№ 1802" in line
    assert run_cli("check", "--strict", cwd=overdue).code == 1


def test_recent_commit_is_not_stale(overdue: Path) -> None:
    git(overdue, "init", "-q")
    commit_all(overdue, "2026-11-09")  # 9 working days before 22 November 2026
    result = run_cli("check", cwd=overdue)
    assert "не менялись" not in result.out


def test_without_overdue_items_old_data_is_fine(minimal: Path) -> None:
    git(minimal, "init", "-q")
    commit_all(minimal, "2026-09-01")
    strict = run_cli("check", "--strict", cwd=minimal)
    assert (strict.code, strict.out.strip().splitlines()[-1]) == (0, "Ошибок не найдено")
    assert "предупреждение" not in strict.out


def test_uncommitted_changes_count_by_file_time(overdue: Path) -> None:
    git(overdue, "init", "-q")
    commit_all(overdue, "2026-10-01")
    (overdue / "data/mentors/new.yaml").write_text("name: Новый\nrole: teacher\nconsent: {publish: false}\n", "utf-8")
    old = dt.datetime(2026, 10, 1, 12).timestamp()
    for path in (overdue / "data").rglob("*"):
        os.utime(path, (old, old))
    assert "не менялись с 1 октября 2026" in run_cli("check", cwd=overdue).out.replace("\u202f", " ")
    recent = dt.datetime(2026, 11, 20, 12).timestamp()
    os.utime(overdue / "data/mentors/new.yaml", (recent, recent))
    assert "не менялись" not in run_cli("check", cwd=overdue).out


def test_outside_git_the_newest_file_counts(overdue: Path) -> None:
    old = dt.datetime(2026, 10, 1, 12).timestamp()
    for path in (overdue / "data").rglob("*"):
        os.utime(path, (old, old))
    assert "не менялись с 1 октября 2026" in run_cli("check", cwd=overdue).out.replace("\u202f", " ")


@pytest.mark.parametrize(
    ("start", "end", "days"),
    [
        ("2026-11-20", "2026-11-23", 1),  # Friday → Monday
        ("2026-11-21", "2026-11-23", 1),  # Saturday → Monday
        ("2026-11-06", "2026-11-20", 10),
        ("2026-11-06", "2026-11-23", 11),
        ("2026-11-23", "2026-11-23", 0),
        ("2026-11-24", "2026-11-23", 0),
        ("2026-10-01", "2026-11-22", 36),
    ],
)
def test_working_days(start: str, end: str, days: int) -> None:
    assert working_days_between(dt.date.fromisoformat(start), dt.date.fromisoformat(end)) == days
