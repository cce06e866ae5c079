"""``nastavnik serve`` on the demo school, for real: a server process, HTTP, files saved as an editor saves them.

An edit of one record re-renders the pages that show it and nothing else (the other files of the served site
keep their bytes and modification times, and everything is what a full build gives); a new page, a new title
or a consent withdrawn rebuilds the whole site; an error in the data leaves the last good preview and the
server running; the search index follows the edit.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from cli.test_serve import fetch, free_port, wait_for
from conftest import ROOT, TODAY, copy_portal
from generator.tools.process_group import stop_group

pytestmark = pytest.mark.slow

STARTUP_SECONDS = 90
REBUILD_SECONDS = 60
MENTOR = "data/mentors/sokolova-an.yaml"
MENTOR_PAGE = "mentors/sokolova-an/"
OLD_POSITION = "руководитель методического объединения учителей математики"
NEW_POSITION = "руководитель кружка олимпиадной геометрии"
FEED_TIMES = re.compile(rb"<(pubDate|lastBuildDate)>[^<]*</\1>|\"date_(?:published|modified)\": ?\"[^\"]*\"")


class Server:
    """A running ``nastavnik serve``: its base URL, the folder it serves, and every line it printed."""

    def __init__(self, proc: subprocess.Popen[str], base: str) -> None:
        self.proc = proc
        self.base = base
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    @property
    def log(self) -> str:
        return "\n".join(self.lines)

    def wait_line(self, condition: Callable[[str], bool], seconds: float = REBUILD_SECONDS, after: int = 0) -> str:
        """The first line printed after the first ``after`` lines that meets ``condition``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            for line in self.lines[after:]:
                if condition(line):
                    return line
            assert self.proc.poll() is None, f"the server stopped:\n{self.log}"
            time.sleep(0.05)
        raise AssertionError(f"no such line in the server's log:\n{self.log}")

    @property
    def folder(self) -> Path:
        line = self.wait_line(lambda line: line.startswith("Предпросмотр:"), STARTUP_SECONDS)
        return Path(line.rsplit("в папке ", 1)[1])

    def rebuilt(self, after: int) -> str:
        """The line of the first rebuild after the first ``after`` lines that changed the preview."""
        return self.wait_line(lambda line: line.startswith(("Обновлено за", "Полная пересборка")), after=after)


@contextmanager
def serving(root: Path, path: str = "/nastavnichestvo/") -> Iterator[Server]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NASTAVNIK_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    server = Server(proc, f"http://127.0.0.1:{port}{path}")
    try:
        assert server.folder.is_dir()  # the first build is done
        yield server
    finally:
        stop_group(proc)
    assert "Traceback" not in server.log, server.log


def files(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of ``folder``: its modification time (ns) and bytes."""
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text("utf-8")
    assert old in text, f"{rel} has no «{old}»"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return copy_portal("demo", tmp_path)


def test_an_edit_of_one_mentor_re_renders_only_the_pages_that_show_it(demo):
    with serving(demo) as server:
        served = server.folder
        total = int(re.search(r"\((\d+) страниц", server.lines[0]).group(1))
        before = files(served)
        mark = len(server.lines)
        edit(demo, MENTOR, OLD_POSITION, NEW_POSITION)
        wait_for(server.base + MENTOR_PAGE, lambda html: NEW_POSITION in html, REBUILD_SECONDS)
        wait_for(server.base + "mentors/", lambda html: NEW_POSITION in html, REBUILD_SECONDS)
        line = server.rebuilt(mark)
        assert re.fullmatch(rf"Обновлено за \d+,\d с: \d+ страниц[аы]? из {total}", line), line
        after = files(served)
        assert after.keys() == before.keys()
        rewritten = {rel for rel in after if after[rel] != before[rel]}
        pages = {rel for rel in rewritten if rel.endswith(".html")}
        assert {MENTOR_PAGE + "index.html", "mentors/index.html"} <= pages
        for rel in pages:  # every page rewritten shows the edit; every other page kept its file as it was
            assert NEW_POSITION in after[rel][1].decode("utf-8"), rel
        assert len(pages) < total / 4, pages
        untouched = [rel for rel in after if rel.endswith(".html") and rel not in pages and rel != "404.html"]
        assert len(untouched) > total / 2
        assert not [rel for rel in untouched if OLD_POSITION in after[rel][1].decode("utf-8")]

        assert differences_from_a_full_build(demo, server, after) == []


def differences_from_a_full_build(root: Path, server: Server, served: dict[str, tuple[int, bytes]]) -> list[str]:
    """The files of ``served`` (what ``server`` shows) that differ from a full build of ``root`` as it is now."""
    with serving(root) as fresh:  # the same portal, built whole (at another port: its address is in the pages)
        full = files(fresh.folder)
        assert fresh.lines[0].startswith("Полная пересборка за")
    assert full.keys() == served.keys()

    def same(rel: str, data: bytes, server: Server) -> bytes:
        """The file without what differs from build to build: the port, the feeds' times, gzip's header."""
        data = gzip.decompress(data) if rel.endswith(".gz") else data
        return FEED_TIMES.sub(b"", data.replace(server.base.encode(), b"http://preview/"))

    return sorted(rel for rel in full if same(rel, full[rel][1], fresh) != same(rel, served[rel][1], server))


def test_pages_not_rebuilt_keep_their_titles_in_the_navigation_of_those_rebuilt(demo):
    """``nav`` entries without a title take the page's own: a page not rebuilt is not read, yet others show it."""
    config = demo / "mkdocs.yml"
    text = config.read_text("utf-8")
    for entry in ("  - Наставники: mentors/index.md\n", "  - Практики: practices/index.md\n"):
        assert entry in text
        text = text.replace(entry, "  - " + entry.split(": ")[1])
    config.write_text(text, encoding="utf-8")
    with serving(demo) as server:
        mark = len(server.lines)
        edit(demo, MENTOR, OLD_POSITION, NEW_POSITION)
        wait_for(server.base + MENTOR_PAGE, lambda html: NEW_POSITION in html, REBUILD_SECONDS)
        assert server.rebuilt(mark).startswith("Обновлено за")
        assert differences_from_a_full_build(demo, server, files(server.folder)) == []


def test_the_search_index_holds_the_new_text_and_no_stale_entry(demo):
    with serving(demo) as server:
        index_url = server.base + "search/search_index.json"
        before = json.loads(fetch(index_url) or "{}")["docs"]
        assert any(OLD_POSITION in d["text"] for d in before)
        edit(demo, MENTOR, OLD_POSITION, NEW_POSITION)
        wait_for(index_url, lambda text: NEW_POSITION in text, REBUILD_SECONDS)
        after = json.loads(fetch(index_url) or "{}")["docs"]
        assert not any(OLD_POSITION in d["text"] for d in after)
        assert [d["location"] for d in after] == [d["location"] for d in before]  # same entries, same order
        changed = [d for d, old in zip(after, before, strict=True) if d != old]
        assert MENTOR_PAGE in {d["location"] for d in changed}
        assert all(NEW_POSITION in d["text"] for d in changed), changed  # the rest as the last build left it


def test_an_edit_of_a_roadmap_item_updates_its_page_and_the_exports(demo):
    with serving(demo) as server:
        mark = len(server.lines)
        edit(demo, "data/roadmaps/dk-2026-2027.yaml", "result: Аналитическая справка", "result: Аналитический отчёт")
        wait_for(server.base + "roadmap/", lambda html: "Аналитический отчёт" in html, REBUILD_SECONDS)
        wait_for(server.base + "roadmap.csv", lambda text: "Аналитический отчёт" in text, REBUILD_SECONDS)
        line = server.rebuilt(mark)
        assert line.startswith("Обновлено за") and "roadmap.csv" in line, line
        assert ";Аналитическая справка;" not in (fetch(server.base + "roadmap.csv") or "")  # the old cell is gone


def test_a_new_title_rebuilds_the_whole_site(demo):
    with serving(demo) as server:
        mark = len(server.lines)
        edit(demo, "data/practices/proekt-meteostanciya.yaml", "«Своя погода»: школьная", "«Погодники»: школьная")
        wait_for(server.base + "practices/proekt-meteostanciya/", lambda html: "«Погодники»" in html, REBUILD_SECONDS)
        line = server.rebuilt(mark)
        assert line.startswith("Полная пересборка за") and "изменился заголовок страницы" in line, line


NEW_MENTOR = (
    "name: Прохорова Ксения Вадимовна\nrole: teacher\nconsent:\n  publish: true\n  date: 2025-09-01\n  by: self\n"
    "position: Учитель химии\n"
)


def test_mkdocs_yml_saved_by_renaming_a_new_file_over_it_rebuilds_every_time(demo):
    """Editors such as vim save by writing a new file and renaming it over the old one."""
    config = demo / "mkdocs.yml"
    original = config.read_text("utf-8")
    assert "site_name: Наставничество — МБОУ «Школа № 12»\n" in original
    with serving(demo) as server:
        for name in ("Наставники-первые", "Наставники-вторые"):
            mark = len(server.lines)
            fresh = demo / "mkdocs.yml.new"
            fresh.write_text(original.replace("site_name: Наставничество — МБОУ", f"site_name: {name} — МБОУ"), "utf-8")
            os.replace(fresh, config)
            wait_for(server.base, lambda html, name=name: name in html, REBUILD_SECONDS)
            line = server.rebuilt(mark)
            assert line.startswith("Полная пересборка за") and "изменился mkdocs.yml" in line, line
    assert not server.folder.exists()  # the preview's temporary folder went with the server


def test_a_new_mentor_rebuilds_the_whole_site(demo):
    with serving(demo) as server:
        posts = (fetch(server.base + "feed_rss_created.xml") or "").count("<item>")
        assert posts > 0
        mark = len(server.lines)
        (demo / "data/mentors/prokhorova-kv.yaml").write_text(NEW_MENTOR, encoding="utf-8")
        wait_for(server.base + "mentors/prokhorova-kv/", lambda html: "Учитель химии" in html, REBUILD_SECONDS)
        wait_for(server.base + "mentors/", lambda html: "Прохорова" in html, REBUILD_SECONDS)
        line = server.rebuilt(mark)
        assert line.startswith("Полная пересборка за") and "добавлена или удалена страница" in line, line
        # each post once in the feed, as after the first build (plain `mkdocs serve` adds them again each time)
        assert (fetch(server.base + "feed_rss_created.xml") or "").count("<item>") == posts


def test_a_consent_withdrawn_rebuilds_the_whole_site_and_the_name_is_nowhere(demo):
    (demo / "data/mentors/prokhorova-kv.yaml").write_text(NEW_MENTOR, encoding="utf-8")
    with serving(demo) as server:
        assert "Прохорова" in (fetch(server.base + "mentors/") or "")
        mark = len(server.lines)
        edit(demo, "data/mentors/prokhorova-kv.yaml", "  publish: true\n", "  publish: false\n")
        wait_for(server.base + "mentors/", lambda html: "Прохорова" not in html, REBUILD_SECONDS)
        line = server.rebuilt(mark)
        assert line.startswith("Полная пересборка за") and "согласия" in line, line
        named = [
            p.relative_to(server.folder).as_posix()
            for p in server.folder.rglob("*")
            if p.is_file() and "Прохоров".encode() in p.read_bytes()
        ]
        assert named == []
        assert fetch(server.base + "mentors/prokhorova-kv/") is None  # her page is gone (404)


def test_a_name_that_must_not_be_published_keeps_the_last_preview(demo):
    """Withdrawn consent of a mentor whom a news post names: the check of the built site stops the update."""
    with serving(demo) as server:
        mark = len(server.lines)
        edit(demo, "data/mentors/fedorova-ok.yaml", "  publish: true\n", "  publish: false\n")
        found = server.wait_line(lambda line: "имя человека без согласия" in line, after=mark)
        assert "data/mentors/fedorova-ok.yaml" in found and "Фёдорова" not in server.log
        server.wait_line(lambda line: line.startswith("Предпросмотр не обновлён"), after=mark)
        assert "Фёдорова" in (fetch(server.base + "mentors/") or "")  # the last good preview


def test_an_error_in_the_data_keeps_the_last_preview_and_the_server(demo):
    with serving(demo) as server:
        mark = len(server.lines)
        edit(demo, MENTOR, "experience: ", "experiance: ")
        error = server.wait_line(lambda line: line.startswith(MENTOR + ":"), after=mark)
        assert "неизвестное поле «experiance»" in error, server.log
        server.wait_line(lambda line: line.startswith("Предпросмотр не обновлён"), after=mark)
        page = fetch(server.base + MENTOR_PAGE)
        assert page is not None and OLD_POSITION in page  # the last good preview is still served

        mark = len(server.lines)
        edit(demo, MENTOR, "experiance: ", "experience: ")
        edit(demo, MENTOR, OLD_POSITION, NEW_POSITION)
        wait_for(server.base + MENTOR_PAGE, lambda html: NEW_POSITION in html, REBUILD_SECONDS)
        line = server.rebuilt(mark)
        assert line.startswith("Полная пересборка за") and "прошлая пересборка не удалась" in line, line


def test_a_district_is_previewed_too(tmp_path):
    """A district's preview is its own section (the organizations' summaries on its pages); an edit of the
    district's data re-renders the pages that show it."""
    root = tmp_path / "district"
    shutil.copytree(ROOT / "examples/district", root, ignore=shutil.ignore_patterns("site", ".cache"))
    with serving(root) as server:
        home = fetch(server.base) or ""
        assert "Приреченского муниципального района" in home
        mark = len(server.lines)
        edit(root, "data/program.yaml", "организациях Приреченского", "школах и колледжах Приреченского")
        wait_for(server.base, lambda html: "школах и колледжах" in html, REBUILD_SECONDS)
        line = server.rebuilt(mark)
        assert line.startswith("Обновлено за"), line
