"""All or nothing: a build killed, failing or racing another leaves ``site/`` byte for byte as it was.

The build is a real subprocess. ``NASTAVNIK_TEST_PAUSE=stage:seconds`` makes it wait before a stage,
so it can be killed at a known point: while MkDocs writes the staging folder, when the post-build
checks start, just before the swap.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from conftest import TODAY, run_cli, tree_digest

pytestmark = pytest.mark.slow


@pytest.fixture
def pristine(built_minimal) -> Path:
    return built_minimal


@pytest.fixture
def built(pristine, tmp_path) -> Path:
    """A portal with a built site/ (copied, symlinks and all) whose next build will differ."""
    root = tmp_path / "portal"
    shutil.copytree(pristine, root, symlinks=True)
    post = root / "content/news/posts/start.md"
    post.write_text(post.read_text("utf-8").replace("начала работу", "успешно начала работу"), encoding="utf-8")
    return root


def start_build(root: Path, pause: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "NASTAVNIK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
    if pause:
        env["NASTAVNIK_TEST_PAUSE"] = pause
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build"],
        cwd=root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the build never got there"
        time.sleep(0.002)


def staging(root: Path) -> list[Path]:
    return list(root.glob(".site-build-*"))


def staged_file(root: Path, name: str) -> bool:
    return any((folder / name).exists() for folder in staging(root))


@pytest.mark.parametrize(
    ("pause", "ready"),
    [
        (None, lambda root: bool(staging(root))),  # MkDocs has just begun
        (None, lambda root: staged_file(root, "index.html")),  # pages half written
        ("checks:30", lambda root: staged_file(root, "sitemap.xml.gz")),  # everything written, checks about to run
        ("write:30", lambda root: staged_file(root, "search/search_index.json")),  # just before the swap
    ],
    ids=["started", "half-written", "before-checks", "before-swap"],
)
def test_a_killed_build_leaves_the_site_as_it_was(built, pause, ready):
    before = tree_digest(built / "site")
    process = start_build(built, pause)
    try:
        wait_for(lambda: ready(built))
        if pause:
            time.sleep(0.3)  # well inside the pause
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    assert tree_digest(built / "site") == before
    assert staging(built), "a killed build leaves its staging folder behind…"

    result = run_cli("build", cwd=built)
    assert result.code == 0, result.text
    assert not staging(built), "…which the next build removes"
    assert tree_digest(built / "site") != before
    assert "успешно начала работу" in (built / "site/news/start/index.html").read_text("utf-8")


def test_an_interrupted_build_cleans_up_after_itself(built):
    before = tree_digest(built / "site")
    process = start_build(built, "checks:30")
    wait_for(lambda: staged_file(built, "sitemap.xml.gz"))
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=30)
    assert process.returncode == 130 and "Остановлено." in err and "Traceback" not in err
    assert tree_digest(built / "site") == before
    assert not staging(built)


def bad_data(root: Path) -> None:
    (root / "data/mentors/bad.yaml").write_text("name: [\n", "utf-8")


def broken_mkdocs_yml(root: Path) -> None:
    (root / "mkdocs.yml").write_text("site_name: [\n", "utf-8")


def unknown_plugin(root: Path) -> None:
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("- search:", "- no-such-plugin\n  - search:"), "utf-8")


def script_in_a_page(root: Path) -> None:
    (root / "content/evil.html").write_text("<script>alert(1)</script>", "utf-8")


def name_leak(root: Path) -> None:
    (root / "content/leak.md").write_text("Иванова Мария Петровна", "utf-8")


def broken_image(root: Path) -> None:
    (root / "content/files/photo.png").write_bytes(b"\x89PNG broken")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (bad_data, "data/mentors/bad.yaml:"),
        (broken_mkdocs_yml, "mkdocs.yml"),
        (unknown_plugin, "no-such-plugin"),
        (script_in_a_page, "site/evil.html"),
        (name_leak, "ivanova-mp"),
        (broken_image, "content/files/photo.png"),
    ],
)
def test_a_failing_build_changes_nothing(built, change, message):
    before = tree_digest(built / "site")
    change(built)
    result = run_cli("build", cwd=built)
    assert result.code == 1, result.text
    assert message in result.err and "Traceback" not in result.text
    assert tree_digest(built / "site") == before
    assert not staging(built)


def test_broken_mkdocs_yml_is_explained_in_russian(built):
    before = tree_digest(built / "site")
    config = built / "mkdocs.yml"
    original = config.read_text("utf-8")
    config.write_text("site_name: [\n", "utf-8")  # not YAML: our check explains it, with the line
    result = run_cli("build", cwd=built)
    assert result.code == 1
    assert "mkdocs.yml:1: настройки сайта: не закрыта скобка [ или {" in result.err
    config.write_text(original.replace("  name: material", "  name: no-such-theme"), "utf-8")  # MkDocs refuses
    result = run_cli("build", cwd=built)
    config.write_text(original, "utf-8")
    assert result.code == 1
    assert "сборка сайта MkDocs не удалась" in result.err and "прежний site/ не изменён" in result.err
    assert "Traceback" not in result.err
    assert tree_digest(built / "site") == before


def test_strict_turns_engine_and_data_warnings_into_errors(built):
    before = tree_digest(built / "site")
    (built / "data/mentors/notes.txt").write_text("заметки", encoding="utf-8")  # skipped, with a warning
    relaxed = run_cli("build", cwd=built)
    assert relaxed.code == 0 and "предупреждение: файл пропущен" in relaxed.out
    after_relaxed = tree_digest(built / "site")
    strict = run_cli("build", "--strict", cwd=built)
    assert strict.code == 1 and "Найдено ошибок:" in strict.err
    assert tree_digest(built / "site") == after_relaxed != before
    (built / "data/practices/shkola-molodogo-pedagoga.yaml").write_text(
        "title: Школа молодого педагога\nauthors: [petrova-ai]\nyear: 2025\nsummary: Встречи.\n", encoding="utf-8"
    )
    (built / "content/parents.md").write_text("# Родителям\n\n[ссылка](nowhere.md)\n", encoding="utf-8")
    (built / "data/mentors/notes.txt").unlink()
    engine = run_cli("build", "--strict", cwd=built)
    assert engine.code == 1 and "MkDocs:" in engine.err and "nowhere.md" in engine.err


def test_two_builds_at_once_both_finish_and_the_site_is_whole(built):
    first, second = start_build(built, "mkdocs:0.5"), start_build(built)
    results = [p.communicate(timeout=120) for p in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    assert not staging(built)
    site = built / "site"
    assert (site / "index.html").is_file() and (site / "search/search_index.json").is_file()
    assert "успешно начала работу" in (site / "news/start/index.html").read_text("utf-8")


def test_no_half_written_file_is_ever_visible(built):
    """While a build runs, readers of site/ see only whole files of one build or the other."""
    expected = {rel: digest for rel, digest in tree_digest(built / "site").items()}
    stop = threading.Event()
    torn: list[str] = []

    def reader() -> None:
        while not stop.is_set():
            index = built / "site/index.html"
            try:
                text = index.read_text("utf-8")
            except FileNotFoundError:
                torn.append("site/index.html missing")
                continue
            if not text.rstrip().endswith("</html>"):
                torn.append("site/index.html cut short")

    thread = threading.Thread(target=reader)
    thread.start()
    try:
        result = run_cli("build", cwd=built)
    finally:
        stop.set()
        thread.join()
    assert result.code == 0
    assert torn == []
    assert tree_digest(built / "site") != expected
    assert not list((built / "site").rglob("*.nastavnik-tmp"))
