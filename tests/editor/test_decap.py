"""The browser editor at /admin/: Decap CMS built from the models, driven for real in Chromium.

decap-server (Decap's local backend, git mode) stands in for GitHub: saving in the editorial workflow
creates a branch ``cms/<collection>/<slug>`` — the pull request — and publishing merges it into main.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import http.server
import json
import os
import socket
import subprocess
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml
from lxml import html as lxml_html

from conftest import ROOT, copy_portal, run_cli
from generator.editor.decap import ADMIN_DIR, LOCAL_BACKEND_ENV, MISSING_NOTE, NO_REPO_NOTE, NODE_MODULES_ENV
from generator.models import Mentor

NODE_MODULES = ROOT / "node_modules"
DECAP_SERVER = NODE_MODULES / ".bin" / "decap-server"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
GIT = ["git", "-c", "user.name=Тест", "-c", "user.email=test@example.ru"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _git(repo: Path, *args: str) -> str:
    return subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def _portal_repo(tmp_path: Path) -> Path:
    portal = copy_portal("demo", tmp_path)
    (portal / "schemas").mkdir()
    for schema in (ROOT / "schemas").glob("*.json"):
        (portal / "schemas" / schema.name).write_bytes(schema.read_bytes())
    (portal / ".gitignore").write_text("site/\n.nastavnik-build.json\n", encoding="utf-8")
    _git(portal, "init", "-q", "-b", "main")
    _git(portal, "add", "-A")
    _git(portal, "commit", "-q", "-m", "Портал")
    return portal


def _build(portal: Path, **env: str) -> str:
    result = run_cli("build", cwd=portal, env={NODE_MODULES_ENV: str(NODE_MODULES), **env})
    assert result.code == 0, result.text
    return result.out


@contextlib.contextmanager
def _serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _decap_server(repo: Path, port: int) -> Iterator[str]:
    url = f"http://127.0.0.1:{port}/api/v1"
    env = {**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1", "GIT_REPO_DIRECTORY": str(repo)}
    env.update({"GIT_AUTHOR_NAME": "Тест", "GIT_AUTHOR_EMAIL": "test@example.ru"})
    env.update({"GIT_COMMITTER_NAME": "Тест", "GIT_COMMITTER_EMAIL": "test@example.ru"})
    proc = subprocess.Popen([str(DECAP_SERVER)], cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                request = urllib.request.Request(
                    url, data=b'{"action":"info"}', headers={"Content-Type": "application/json"}
                )
                with urllib.request.urlopen(request, timeout=2) as response:
                    assert json.load(response)["type"] == "local_git"
                break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else "decap-server exited"
                assert time.monotonic() < deadline, "decap-server did not start"
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _commits_on(repo: Path, branch: str) -> int:
    """Commits of ``branch`` not on main (0 while decap-server is still writing, or without the branch)."""
    proc = subprocess.run(["git", "rev-list", "--count", f"main..{branch}"], cwd=repo, capture_output=True, text=True)
    return int(proc.stdout.strip()) if proc.returncode == 0 else 0


def _wait_for(condition: Callable[[], bool], message: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.2)


# ---- what the build produces (no browser) --------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    portal = copy_portal("demo", tmp_path_factory.mktemp("admin"))
    config = portal / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "repo_url: https://github.com/school12/nastavnichestvo\n", encoding="utf-8"
    )
    out = _build(portal)
    return portal / "site", out


def test_admin_page_loads_decap_from_the_site_itself(demo_site):
    site, _ = demo_site
    page = lxml_html.fromstring((site / ADMIN_DIR / "index.html").read_bytes())
    assert page.get("lang") == "ru"
    assert page.xpath("//meta[@name='robots']/@content")[0].startswith("noindex")
    scripts = page.xpath("//script/@src")
    assert scripts == ["decap-cms.js", "nastavnik-admin.js"]
    for src in scripts:
        assert (site / ADMIN_DIR / src).is_file()
    assert not any("//" in src for src in scripts)  # no CDN
    chunks = list((site / ADMIN_DIR).glob("*.decap-cms.js"))
    assert chunks, "Decap's lazy chunks are copied beside its script"
    assert (site / ADMIN_DIR / "vendor" / "yaml" / "index.js").is_file()
    licences = (site / ADMIN_DIR / "LICENSES.txt").read_text(encoding="utf-8")
    assert "decap-cms 3." in licences and "MIT" in licences and "yaml 1." in licences


def test_admin_stays_out_of_search_sitemap_and_navigation(demo_site):
    site, _ = demo_site
    assert "admin" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not [doc["location"] for doc in index["docs"] if "admin" in doc["location"]]
    for page in site.rglob("*.html"):
        if ADMIN_DIR in page.relative_to(site).parts:
            continue
        links = lxml_html.fromstring(page.read_bytes()).xpath("//a/@href")
        assert not [href for href in links if "admin/" in href], page


def test_config_is_built_from_the_models(demo_site):
    site, out = demo_site
    config = yaml.safe_load((site / ADMIN_DIR / "config.yml").read_text(encoding="utf-8"))
    assert config["backend"] == {
        **config["backend"],
        "name": "github",
        "repo": "school12/nastavnichestvo",
        "branch": "main",
    }
    assert "local_backend" not in config  # only with NASTAVNIK_DECAP_LOCAL_BACKEND
    assert config["locale"] == "ru"
    assert config["publish_mode"] == "editorial_workflow"
    assert (config["media_folder"], config["public_folder"]) == ("content/files", "files")
    collections = {c["name"]: c for c in config["collections"]}
    assert collections["mentors"]["folder"] == "data/mentors"
    assert collections["news"]["folder"] == "content/news/posts"
    assert collections["news"]["extension"] == "md"
    assert collections["program"]["files"][0]["file"] == "data/program.yaml"
    mentor = {f["name"]: f for f in collections["mentors"]["fields"]}
    assert (mentor["name"]["label"], mentor["name"]["widget"], mentor["name"]["required"]) == ("ФИО", "string", True)
    roles = {o["value"]: o["label"] for o in mentor["role"]["options"]}
    assert roles["pupil"] == "ученик" and mentor["role"]["widget"] == "select"
    consent = {f["name"]: f for f in mentor["consent"]["fields"]}
    assert consent["publish"]["widget"] == "boolean" and consent["publish"]["default"] is False
    assert consent["date"]["widget"] == "datetime" and consent["date"]["format"] == "YYYY-MM-DD"
    assert "default" not in mentor["minor"]  # unset means «by role»: a pupil stays a minor
    assert mentor["bio"]["widget"] == "markdown"
    assert mentor["photo"]["widget"] == "image"
    assert mentor["experience"]["widget"] == "number"
    assert mentor["forms"]["widget"] == "relation" and mentor["forms"]["value_field"] == "forms.*.id"
    assert mentor["honors"]["widget"] == "list" and mentor["honors"]["default"] == []
    assert all(f.get("hint") for f in collections["mentors"]["fields"])
    assert NO_REPO_NOTE not in out and MISSING_NOTE not in out


def test_without_decap_installed_the_build_says_so_and_leaves_admin_out(minimal):
    result = run_cli("build", cwd=minimal, env={NODE_MODULES_ENV: str(minimal / "nothing-here")})
    assert result.code == 0, result.text
    assert MISSING_NOTE in result.out
    assert not (minimal / "site" / ADMIN_DIR).exists()
    assert (minimal / "site" / "index.html").is_file()


def test_without_repo_url_the_build_says_how_to_connect(minimal):
    result = run_cli("build", cwd=minimal, env={NODE_MODULES_ENV: str(NODE_MODULES)})
    assert result.code == 0, result.text
    assert NO_REPO_NOTE in result.out
    assert (minimal / "site" / ADMIN_DIR / "index.html").is_file()


def test_admin_can_be_switched_off(minimal):
    config = minimal / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  - nastavnik\n", "  - nastavnik:\n      admin:\n        enabled: false\n"
    )
    config.write_text(text, encoding="utf-8")
    result = run_cli("build", cwd=minimal, env={NODE_MODULES_ENV: str(NODE_MODULES)})
    assert result.code == 0, result.text
    assert not (minimal / "site" / ADMIN_DIR).exists()
    assert MISSING_NOTE not in result.out


# ---- the editor's day, in Chromium ---------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_editor_creates_a_mentor_in_the_browser_and_it_is_published_after_merge(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    portal = _portal_repo(tmp_path)
    port = _free_port()
    _build(portal, **{LOCAL_BACKEND_ENV: f"http://127.0.0.1:{port}/api/v1"})
    site_copy = tmp_path / "served"  # the admin build, served while the portal is rebuilt later
    subprocess.run(["cp", "-r", str(portal / "site"), str(site_copy)], check=True)
    before = (portal / "data" / "mentors" / "belova-ts.yaml").read_text(encoding="utf-8")

    with _decap_server(portal, port), _serve(site_copy) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.on("dialog", lambda dialog: dialog.accept())
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"{base}/admin/")
        page.get_by_role("button", name="Войти").click()
        page.get_by_role("link", name="Наставники").wait_for()

        # A new mentor: name, role, consent with its date.
        page.goto(f"{base}/admin/#/collections/mentors/new")
        page.locator("[id^=name-field-]").fill("Петрова Анна Игоревна")
        page.locator("[id^=role-field-]").fill("педагог")
        page.keyboard.press("Enter")
        page.locator("[id^=publish-field-]").click()
        page.locator("[id^=date-field-]").fill("2026-09-01")
        page.locator("[id^=position-field-]").fill("Учитель биологии")
        page.get_by_role("button", name="Сохранить").click()
        page.wait_for_url("**/entries/petrova-ai")

        # The save is a pull request: a branch with one commit, main untouched.
        branch = "cms/mentors/petrova-ai"
        _wait_for(lambda: _commits_on(portal, branch) == 1, "the new mentor was not saved")
        assert not (portal / "data" / "mentors" / "petrova-ai.yaml").exists()
        written = _git(portal, "show", f"{branch}:data/mentors/petrova-ai.yaml")
        assert written.startswith("# yaml-language-server: $schema=../../schemas/mentor.schema.json\n")
        record = yaml.safe_load(written)
        assert record["name"] == "Петрова Анна Игоревна" and record["role"] == "teacher"
        assert record["consent"]["publish"] is True and str(record["consent"]["date"]) == "2026-09-01"
        assert "nastavnik_id" not in record and "nastavnik_header" not in record

        # CI checks the pull request as it would on GitHub.
        review = tmp_path / "pull-request"
        _git(portal, "worktree", "add", "-q", "--detach", str(review), branch)
        checked = run_cli("check", "--strict", "--format", "github", cwd=review)
        assert (checked.code, checked.out.strip().splitlines()[-1]) == (0, "Ошибок не найдено"), checked.text
        assert "::error" not in checked.out and "::warning" not in checked.out

        # A news post: Markdown with front matter, named from its date and title, its date a YAML date.
        page.get_by_role("link", name="Запись в коллекцию Наставники").click()
        page.get_by_role("link", name="Новости").click()
        page.locator("a[href='#/collections/news/new']").click()  # «＋ Новость»
        page.locator("[id^=title-field-]").fill("Встреча наставников и молодых педагогов")
        page.locator("[id^=date-field-]").fill("2026-11-20")
        page.locator("[data-slate-editor=true]").first.click()
        page.keyboard.type("Обсудили планы на вторую четверть.")
        page.get_by_role("button", name="Сохранить").click()
        news = "2026-11-20-vstrecha-nastavnikov-i-molodykh-pedagogov"
        page.wait_for_url(f"**/entries/{news}")
        _wait_for(lambda: _commits_on(portal, f"cms/news/{news}") == 1, "the news post was not saved")
        post = _git(portal, "show", f"cms/news/{news}:content/news/posts/{news}.md")
        front, body = post.removeprefix("---\n").split("\n---\n", 1)
        assert yaml.safe_load(front)["date"] == dt.date(2026, 11, 20)  # unquoted: the blog plugin needs a date
        assert body.strip() == "Обсудили планы на вторую четверть."

        # An existing record edited in the browser keeps its comments and its other values.
        page.get_by_role("link", name="Запись в коллекцию Новости").click()
        page.wait_for_url("**/collections/news")
        page.get_by_role("link", name="Наставники", exact=True).click()
        page.get_by_role("link", name="Белова Татьяна Сергеевна").click()
        expect(page.locator("[id^=name-field-]")).to_have_value("Белова Татьяна Сергеевна")
        page.locator("[id^=position-field-]").fill("Учитель русского языка и литературы")
        page.get_by_role("button", name="Сохранить").click()
        _wait_for(lambda: _commits_on(portal, "cms/mentors/belova-ts") == 1, "the edit was not saved")
        edited = _git(portal, "show", "cms/mentors/belova-ts:data/mentors/belova-ts.yaml")
        old, new = (Mentor.model_validate(yaml.safe_load(text)) for text in (before, edited))
        assert new.position == "Учитель русского языка и литературы"
        assert new.model_copy(update={"position": old.position}) == old  # every other value as it was
        assert edited.splitlines()[0] == before.splitlines()[0]

        # Approve and publish the new mentor: the branch is merged into main.
        page.get_by_role("link", name="Запись в коллекцию Наставники").click()
        page.get_by_role("link", name="Петрова Анна Игоревна").click()
        expect(page.locator("[id^=name-field-]")).to_have_value("Петрова Анна Игоревна")
        page.get_by_role("button", name="татус:").click()
        page.get_by_role("menuitem", name="Одобрен").click()
        page.get_by_role("button", name="Опубликовать").click()
        page.get_by_role("menuitem", name="Опубликовать сейчас").click()
        _wait_for(lambda: branch not in _git(portal, "branch", "--list", "cms/*"), "the entry was not published")
        browser.close()
        assert not errors, errors

    assert (portal / "data" / "mentors" / "petrova-ai.yaml").is_file()
    checked = run_cli("check", "--strict", cwd=portal)
    assert (checked.code, checked.out.strip().splitlines()[-1]) == (0, "Ошибок не найдено"), checked.text
    _build(portal)
    mentors = lxml_html.fromstring((portal / "site" / "mentors" / "index.html").read_bytes())
    assert "Петрова Анна Игоревна" in mentors.text_content()
    assert (portal / "site" / "mentors" / "petrova-ai" / "index.html").is_file()
