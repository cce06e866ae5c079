"""GitHub Actions workflows of a portal: they load, have the jobs and steps they need, and every
``nastavnik …`` command they run is a real verb with real options of the CLI."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_cli
from generator.cli.main import parser
from generator.editor.decap import DECAP_VERSION, YAML_VERSION
from generator.editor.scaffold import WORKFLOWS, render_workflow

REPO_WORKFLOWS = ROOT / ".github" / "workflows"


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("new") / "portal"
    assert run_cli("new", str(target), cwd=target.parent).code == 0
    return target / ".github" / "workflows"


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key «on» as true
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _commands(workflow: dict) -> list[str]:
    return [line.strip() for step in _steps(workflow) for line in step.get("run", "").splitlines() if line.strip()]


GENERATOR_ONLY = ("tests.yml",)  # the generator's own tests: portals do not get them


def _workflow_files(folder: Path) -> list[Path]:
    files = sorted(f for f in folder.glob("*.yml") if f.name not in GENERATOR_ONLY)
    assert [f.name for f in files] == sorted(WORKFLOWS)
    return files


@pytest.mark.parametrize("where", ["repository", "new portal"])
def test_every_nastavnik_command_is_a_real_verb_with_real_options(where, scaffolded):
    folder = REPO_WORKFLOWS if where == "repository" else scaffolded
    seen = []
    for path in _workflow_files(folder):
        for command in _commands(_load(path)):
            words = shlex.split(command)
            if words[0] != "nastavnik":
                continue
            try:
                args = parser().parse_args(words[1:])
            except SystemExit as exc:  # argparse: an unknown verb or option
                pytest.fail(f"{path.name}: «{command}» is not a valid nastavnik command ({exc.code})")
            seen.append((args.verb, command))
    verbs = {verb for verb, _ in seen}
    assert {"check", "build"} <= verbs, seen


def test_pull_request_workflow_checks_annotates_builds_and_keeps_the_site():
    workflow = _load(REPO_WORKFLOWS / "pull-request.yml")
    assert "pull_request" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    commands = _commands(workflow)
    assert "nastavnik check --strict --format github" in commands
    assert commands.index("nastavnik check --strict --format github") < commands.index("nastavnik build")
    upload = next(s for s in _steps(workflow) if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_publish_workflow_builds_main_with_the_editor_and_deploys_to_pages():
    workflow = _load(REPO_WORKFLOWS / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"]["pages"] == "write" and workflow["permissions"]["id-token"] == "write"
    commands = _commands(workflow)
    assert "nastavnik build" in commands
    npm = next(c for c in commands if c.startswith("npm install"))
    assert f"decap-cms@{DECAP_VERSION}" in npm and f"yaml@{YAML_VERSION}" in npm
    assert commands.index(npm) < commands.index("nastavnik build")  # /admin/ is in the published site
    uses = [s["uses"] for s in _steps(workflow) if "uses" in s]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


@pytest.mark.parametrize("name", WORKFLOWS)
def test_steps_are_named_and_actions_pinned_to_a_major_version(name):
    for step in _steps(_load(REPO_WORKFLOWS / name)):
        assert step.get("name"), step
        assert ("uses" in step) != ("run" in step), step
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


@pytest.mark.parametrize("name", WORKFLOWS)
def test_repository_workflows_are_the_ones_new_portals_get(name, scaffolded):
    expected = render_workflow(name)
    assert (REPO_WORKFLOWS / name).read_text(encoding="utf-8") == expected
    assert (scaffolded / name).read_text(encoding="utf-8") == expected


def test_npm_versions_agree_with_package_json():
    dev = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert (dev["decap-cms"], dev["yaml"]) == (DECAP_VERSION, YAML_VERSION)
    assert "decap-server" in dev


def test_github_format_annotates_the_file_and_line_of_the_pull_request(minimal):
    mentor = minimal / "data" / "mentors" / "ivanova-mp.yaml"
    lines = mentor.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "experiance: 5")
    mentor.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("check", "--strict", "--format", "github", cwd=minimal)
    assert result.code == 1
    annotation = next(line for line in result.out.splitlines() if "experiance" in line)
    assert annotation.startswith("::error file=data/mentors/ivanova-mp.yaml,line=3::неизвестное поле «experiance»")
    assert "возможно, имелось в виду «experience»" in annotation
    file = re.search(r"file=([^,]+),", annotation).group(1)
    assert (minimal / file).is_file()  # relative to the repository root, as GitHub expects


def test_the_generator_is_tested_on_linux_fully_and_on_windows_and_macos():
    workflow = _load(REPO_WORKFLOWS / "tests.yml")
    assert "pull_request" in workflow["on"]
    assert "make test" in _commands({"jobs": {"linux": workflow["jobs"]["linux"]}})
    other = workflow["jobs"]["other-systems"]
    assert set(other["strategy"]["matrix"]["os"]) == {"windows-latest", "macos-latest"}
    commands = _commands({"jobs": {"other": other}})
    assert "python -m pip install --require-hashes -r requirements/test.lock" in commands
    assert 'python -m pytest -m "not browser and not office"' in commands  # Chromium, LibreOffice: Debian only
    for step in _steps(workflow):
        assert step.get("name"), step
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]
