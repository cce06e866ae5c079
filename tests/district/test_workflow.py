"""The district's GitHub Actions workflow, run from its own YAML: every job in a folder of its own, every ``run:``
step as a separate shell process, the actions it uses played by small stand-ins (checkout copies the portal,
artifacts and ``actions/cache`` are folders passed between jobs). What the workflow says is what is tested:
change a command, a path, a key or an output in the YAML and this test runs the change.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, TODAY, tree_digest

pytestmark = pytest.mark.slow

DEMO = ROOT / "examples" / "district"
WORKFLOW = DEMO / ".github" / "workflows" / "nastavnik.yml"
ORGS = ["gimnaziya-1", "kolledzh", "shkola-3", "sosnovskaya-shkola"]
INSTALL = re.compile(r"^\s*(python -m )?pip install\b")  # the package is installed here already


class Runner:
    """GitHub Actions, as far as this workflow needs it: jobs in order, a matrix, outputs, artifacts, caches."""

    def __init__(self, portal: Path, work: Path) -> None:
        self.portal, self.work = portal, work
        self.run_number = len(list(work.glob("run-*")))
        self.artifacts = work / f"artifacts-{self.run_number}"  # a run's own; the caches outlive runs
        self.artifacts.mkdir(parents=True)
        self.caches = work / "caches"
        self.caches.mkdir(exist_ok=True)
        self.flow = yaml.safe_load(WORKFLOW.read_text("utf-8"))
        self.outputs: dict[str, dict[str, str]] = {}
        self.folders: dict[str, list[Path]] = {}

    def run(self) -> None:
        for name, job in self.flow["jobs"].items():
            if "if" in job:  # deploy: only on a push to main
                continue
            context = {"needs": {n: {"outputs": self.outputs.get(n, {})} for n in _list(job.get("needs"))},
                       "github": {"sha": f"run{self.run_number}"}}  # fmt: skip
            matrix = job.get("strategy", {}).get("matrix")
            if matrix is None:
                self.outputs[name] = self.job(name, job, context)
                continue
            ((key, expression),) = matrix.items()
            values = self.value(expression, context)
            assert isinstance(values, list) and 0 < len(values) <= 256
            for index, value in enumerate(values):
                self.job(f"{name}-{index}", job, {**context, "matrix": {key: value}})

    def job(self, name: str, job: dict, context: dict) -> dict[str, str]:
        folder = self.work / f"run-{self.run_number}" / name
        self.folders.setdefault(name.split("-")[0], []).append(folder)
        steps: dict[str, dict] = {}
        saves = []
        env = {**os.environ, **self.flow.get("env", {}), "NASTAVNIK_TODAY": TODAY,
               "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}  # fmt: skip
        for step in job["steps"]:
            ctx = {**context, "steps": steps}
            uses = step.get("uses", "").split("@")[0]
            given = {k: self.text(str(v), ctx) for k, v in step.get("with", {}).items()}
            if uses == "actions/checkout":
                shutil.copytree(self.portal, folder, ignore=shutil.ignore_patterns("site", ".cache"))
            elif uses == "actions/cache":
                saves.append((given["key"], folder / given["path"], self.restore(given, folder / given["path"])))
            elif uses == "actions/upload-artifact":
                shutil.copytree(folder / given["path"], self.artifacts / given["name"])
            elif uses == "actions/download-artifact":
                for artifact in sorted(self.artifacts.iterdir()):
                    if fnmatch.fnmatch(artifact.name, given["pattern"]):
                        shutil.copytree(artifact, folder / given["path"], dirs_exist_ok=True)
            elif uses == "actions/upload-pages-artifact":
                assert (folder / given["path"] / "index.html").is_file()
            elif "run" in step and not INSTALL.match(step["run"]):
                steps[step.get("id", "")] = {"outputs": self.shell(self.text(step["run"], ctx), folder, env)}
        for key, path, hit in saves:  # the post step of actions/cache: saved when the key was not found
            if not hit and path.is_dir():
                shutil.copytree(path, self.caches / key, symlinks=True)
        return {k: self.text(str(v), {**context, "steps": steps}) for k, v in job.get("outputs", {}).items()}

    def restore(self, given: dict[str, str], path: Path) -> bool:
        """An exact hit, else the newest cache whose key starts with a restore key; True on an exact hit."""
        exact = self.caches / given["key"]
        prefixes = [p.strip() for p in given.get("restore-keys", "").splitlines() if p.strip()]
        found = (
            [c for c in self.caches.glob("*") if any(c.name.startswith(p) for p in prefixes)]
            if not exact.is_dir()
            else [exact]
        )
        if found:
            shutil.copytree(max(found, key=lambda c: c.stat().st_mtime_ns), path, symlinks=True)
        return exact.is_dir()

    def shell(self, script: str, folder: Path, env: dict[str, str]) -> dict[str, str]:
        output = folder / ".github-output"
        output.write_text("", "utf-8")
        done = subprocess.run(["bash", "-e", "-c", script], cwd=folder, env={**env, "GITHUB_OUTPUT": str(output)},
                              capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
        assert done.returncode == 0, f"{script}\n{done.stdout}\n{done.stderr}"
        return dict(line.split("=", 1) for line in output.read_text("utf-8").splitlines() if "=" in line)

    def text(self, text: str, context: dict) -> str:
        return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: str(self.value(m.group(0), context)), text)

    def value(self, expression: str, context: dict):  # type: ignore[no-untyped-def]
        inner = re.fullmatch(r"\$\{\{\s*(.*?)\s*\}\}", expression.strip())
        body = inner.group(1) if inner else expression
        if call := re.fullmatch(r"fromJSON\((.*)\)", body):
            return json.loads(self.value(call.group(1), context))
        value = context
        for part in body.split("."):
            value = value[part]
        return value


def _list(value) -> list[str]:  # type: ignore[no-untyped-def]
    return [value] if isinstance(value, str) else list(value or [])


def timings(runner: Runner) -> list[dict]:
    return [json.loads(next(f.glob("timings-*.json")).read_text("utf-8")) for f in runner.folders["shard"]]


def test_the_workflow_builds_the_district_in_shards_and_reuses_their_caches(tmp_path):
    portal = tmp_path / "portal"
    shutil.copytree(DEMO, portal, ignore=shutil.ignore_patterns("site", ".cache", ".site-build-*"))
    work = tmp_path / "actions"
    first = Runner(portal, work)
    first.run()
    shards = json.loads(first.outputs["plan"]["shards"])
    assert sorted(o for s in shards for o in s["orgs"].split(",")) == ORGS
    assert all(t["built"] and not t["reused"] for t in timings(first))
    site = first.folders["site"][0] / "site"
    for org in ORGS:
        assert (site / org / "index.html").is_file() and (site / org / "mentors" / "index.html").is_file()
    assert (site / "index.html").is_file()

    # The same site as one build on one machine (but the feeds, which carry the time they were built at).
    alone = tmp_path / "alone"
    shutil.copytree(portal, alone)
    subprocess.run([sys.executable, "-m", "generator", "build"], cwd=alone, check=True, capture_output=True,
                   env={**os.environ, "NASTAVNIK_TODAY": TODAY})  # fmt: skip
    for org in ORGS:
        sharded, whole = tree_digest(site / org), tree_digest(alone / "site" / org)
        assert sharded.keys() == whole.keys(), org
        assert {k: v for k, v in sharded.items() if "feed_" not in k} == {
            k: v for k, v in whole.items() if "feed_" not in k
        }, org

    # One organization's data changes: only its shard builds; the others take their sections from the cache.
    mentor = portal / "data/organizations/kolledzh/mentors/sedova-ln.yaml"
    mentor.write_text(mentor.read_text("utf-8").replace("Главный агроном", "Главный инженер-агроном"), "utf-8")
    second = Runner(portal, work)
    second.run()
    built = sorted(o for t in timings(second) for o in t["built"])
    reused = sorted(o for t in timings(second) for o in t["reused"])
    assert built == ["kolledzh"] and reused == [o for o in ORGS if o != "kolledzh"]
    page = second.folders["site"][0] / "site/kolledzh/mentors/sedova-ln/index.html"
    assert "Главный инженер-агроном" in page.read_text("utf-8")


def test_build_orgs_refuses_what_it_cannot_do(tmp_path):
    portal = tmp_path / "portal"
    shutil.copytree(DEMO, portal, ignore=shutil.ignore_patterns("site", ".cache", ".site-build-*"))
    env = {**os.environ, "NASTAVNIK_TODAY": TODAY}
    cases = {
        ("--orgs", "kolledzh"): "--orgs и --into нужны вместе",
        ("--orgs", "kolledzh,net-takoj", "--into", "out"): "таких организаций нет в data/organizations/: net-takoj",
        ("--orgs", "kolledzh", "--into", "out", "--prebuilt", "pre"): "--orgs не используется вместе",
    }
    for args, message in cases.items():
        done = subprocess.run([sys.executable, "-m", "generator", "build", *args], cwd=portal, env=env,
                              capture_output=True, text=True, check=False)  # fmt: skip
        assert done.returncode == 2 and message in done.stderr + done.stdout, (args, done.stderr)
        assert "Traceback" not in done.stderr and not (portal / "out").exists()
