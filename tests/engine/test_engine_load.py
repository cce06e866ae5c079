"""load_engine: MkDocs and what mkdocs.yml names are imported ahead of a build, and nothing else is made."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_portal

PROBE = """
import json, sys
from pathlib import Path
from generator.engine.mkdocs import load_engine
from generator.project import Project

load_engine(Project(Path(".")))
print(json.dumps(sorted(sys.modules)))
"""


def _loaded(portal: Path, tmp: Path) -> set[str]:
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=portal, env=env, capture_output=True, text=True, check=True
    )
    return set(json.loads(proc.stdout))


def test_the_plugins_and_extensions_of_mkdocs_yml_are_imported_and_no_plugin_is_made(tmp_path):
    portal = copy_portal("minimal", tmp_path)
    loaded = _loaded(portal, tmp_path / "tmp")
    assert {"mkdocs.commands.build", "generator.engine.plugin"} <= loaded
    assert {"material.plugins.search.plugin", "material.plugins.blog.plugin"} <= loaded  # the theme's own «search»
    assert {"markdown.extensions.md_in_html", "pymdownx.details", "markdown.extensions.toc"} <= loaded
    assert not list((tmp_path / "tmp").iterdir())  # the blog plugin, once made, keeps a temporary folder


def test_what_does_not_import_is_left_for_the_build_to_report(tmp_path):
    portal = copy_portal("minimal", tmp_path)
    config = portal / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("plugins:\n", "plugins:\n  - no-such-plugin\n  - {}\n  - 7\n", 1)
    text = text.replace("markdown_extensions:\n", "markdown_extensions:\n  - no.such.extension\n  - 7\n", 1)
    config.write_text(text, encoding="utf-8")
    loaded = _loaded(portal, tmp_path / "tmp")
    assert {"material.plugins.blog.plugin", "pymdownx.details"} <= loaded  # the rest is imported all the same
