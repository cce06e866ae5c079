"""Golden output of the demo portal: the generated Markdown pages and the text exports, as of the pinned date.

``make golden`` (``python tests/golden.py``) writes them into ``tests/golden/``; ``test_golden.py`` fails
when the generator's output differs, so every change to what a school publishes is seen in review.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
TODAY = dt.date(2026, 11, 22)  # the tests' pinned build date (conftest.TODAY)
TEXT_EXPORTS = (".json", ".csv", ".ics")  # the XLSX is checked by reading it back (test_export_tables.py)


def snapshot() -> dict[str, str]:
    """Relative path → text of everything golden, rendered from the repository's demo data."""
    sys.path.insert(0, str(ROOT))
    from generator.portal.check import check
    from generator.project import Project
    from generator.render.pages import render_pages
    from generator.render.publish import export_files

    checked = check(Project(ROOT), TODAY)
    assert checked.portal is not None, checked.problems.sorted()
    files = {f"pages/{src}": markdown for src, markdown in render_pages(checked.portal).items()}
    for name, content in export_files(checked.portal, checked.portal.site_url).items():
        if name.endswith(TEXT_EXPORTS):
            files[f"exports/{name}"] = content.decode("utf-8")
    return files


def read() -> dict[str, str]:
    return {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes().decode("utf-8")
        for p in sorted(GOLDEN.rglob("*"))
        if p.is_file()
    }


def write() -> int:
    shutil.rmtree(GOLDEN, ignore_errors=True)
    files = snapshot()
    for rel, text in files.items():
        target = GOLDEN / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
    return len(files)


if __name__ == "__main__":
    print(f"tests/golden/: записано файлов: {write()}")
