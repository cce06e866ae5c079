"""``nastavnik deploy``: the last good build goes to gh-pages (and to a real bare remote with --push)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli
from generator.pipeline.status import STATUS_FILE

pytestmark = pytest.mark.slow

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Куратор",
    "GIT_AUTHOR_EMAIL": "curator@example.ru",
    "GIT_COMMITTER_NAME": "Куратор",
    "GIT_COMMITTER_EMAIL": "curator@example.ru",
}


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def cli(portal: Path, *args: str):
    return run_cli(*args, cwd=portal, env=GIT_ENV)


@pytest.fixture
def repo(minimal: Path) -> Path:
    """The minimal portal as a git repository with a bare «GitHub» remote beside it."""
    (minimal / ".gitignore").write_text(f"site/\n/{STATUS_FILE}\n/.site-build-*/\n", encoding="utf-8")
    git(minimal, "init", "-q", "-b", "main")
    git(minimal, "config", "user.name", "Куратор")
    git(minimal, "config", "user.email", "curator@example.ru")
    git(minimal, "add", "-A")
    git(minimal, "commit", "-q", "-m", "Портал")
    remote = minimal.parent / "github.git"
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    git(minimal, "remote", "add", "origin", str(remote))
    return minimal


def tree(repo: Path, ref: str) -> set[str]:
    return set(git(repo, "ls-tree", "-r", "--name-only", ref).split())


def test_publishes_the_built_site_to_gh_pages(repo):
    assert cli(repo, "build").code == 0
    status = json.loads((repo / STATUS_FILE).read_text(encoding="utf-8"))
    assert status["ok"] is True and status["commit"] == git(repo, "rev-parse", "HEAD").strip()
    result = cli(repo, "deploy")
    assert result.code == 0, result.text
    assert "записан в ветку gh-pages" in result.out and "nastavnik deploy --push" in result.out
    files = tree(repo, "gh-pages")
    assert {"index.html", ".nojekyll", "mentors/index.html", "sitemap.xml"} <= files
    assert "CNAME" not in files
    published = git(repo, "show", "gh-pages:index.html")
    assert published == (repo / "site" / "index.html").read_text(encoding="utf-8")
    assert git(repo, "branch", "--show-current").strip() == "main"  # the work tree is untouched


def test_push_sends_gh_pages_with_cname_to_the_remote(repo):
    assert cli(repo, "build").code == 0
    result = cli(repo, "deploy", "--push", "--cname", "nastavnik.school1.example.ru")
    assert result.code == 0, result.text
    assert "отправлена в origin" in result.out
    remote = repo.parent / "github.git"
    assert git(remote, "rev-parse", "gh-pages") == git(repo, "rev-parse", "gh-pages")
    assert {"index.html", ".nojekyll", "CNAME"} <= tree(remote, "gh-pages")
    assert git(remote, "show", "gh-pages:CNAME").strip() == "nastavnik.school1.example.ru"
    # A second publication builds on the first: the remote branch moves forward, history kept.
    (repo / "data" / "mentors" / "ivanova-mp.yaml").write_text(
        (repo / "data" / "mentors" / "ivanova-mp.yaml").read_text(encoding="utf-8") + "subject: Химия\n",
        encoding="utf-8",
    )
    git(repo, "commit", "-q", "-am", "Предмет")
    assert cli(repo, "build").code == 0
    assert cli(repo, "deploy", "--push").code == 0
    assert git(remote, "rev-list", "--count", "gh-pages").strip() == "2"


def test_refuses_without_a_build(repo):
    result = cli(repo, "deploy")
    assert result.code == 1
    assert "сначала выполните nastavnik build" in result.err
    assert "gh-pages" not in git(repo, "branch", "--list")


def test_refuses_when_the_last_build_failed(repo):
    assert cli(repo, "build").code == 0
    (repo / "data" / "mentors" / "ivanova-mp.yaml").write_text("name: [\n", encoding="utf-8")
    assert cli(repo, "build").code == 1
    assert json.loads((repo / STATUS_FILE).read_text(encoding="utf-8"))["ok"] is False
    result = cli(repo, "deploy", "--allow-dirty")
    assert result.code == 1
    assert "последняя сборка не удалась" in result.err and "Traceback" not in result.text
    assert "gh-pages" not in git(repo, "branch", "--list")


def test_refuses_a_dirty_tree_unless_allowed(repo):
    assert cli(repo, "build").code == 0
    (repo / "data" / "mentors" / "new-mentor.yaml").write_text(
        "name: Новикова\nrole: teacher\nconsent: {publish: false}\n", encoding="utf-8"
    )
    refused = cli(repo, "deploy")
    assert refused.code == 1
    assert "незакоммиченные изменения" in refused.err and "data/mentors/new-mentor.yaml" in refused.err
    assert "--allow-dirty" in refused.err
    allowed = cli(repo, "deploy", "--allow-dirty")
    assert allowed.code == 0, allowed.text
    assert "index.html" in tree(repo, "gh-pages")


def test_refuses_a_site_built_from_another_commit(repo):
    assert cli(repo, "build").code == 0
    (repo / "content" / "parents.md").write_text("# Родителям\n\nНовый текст.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Родителям")
    result = cli(repo, "deploy")
    assert result.code == 1 and "выполните nastavnik build" in result.err


def test_refuses_outside_a_git_repository(minimal):
    assert run_cli("build", cwd=minimal).code == 0
    result = run_cli("deploy", cwd=minimal)
    assert result.code == 1 and "не в git-репозитории" in result.err


def test_push_without_the_remote_says_how_to_add_it(repo):
    git(repo, "remote", "remove", "origin")
    assert cli(repo, "build").code == 0
    result = cli(repo, "deploy", "--push")
    assert result.code == 1 and "git remote add origin" in result.err


def test_a_wrong_domain_is_wrong_usage(repo):
    assert cli(repo, "build").code == 0
    result = cli(repo, "deploy", "--cname", "https://school/")
    assert result.code == 2 and "--cname" in result.err
