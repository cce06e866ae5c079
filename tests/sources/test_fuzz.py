"""Fuzzing: any bytes as a data file or a Markdown page give problems in Russian, never a traceback.

The in-process pipeline (load → validate → rules → Portal → rendered pages) is fed by hypothesis
with raw bytes and with YAML-shaped text built from the models' own keys; a handful of the nastiest
inputs go through the real CLI, whose exit code must be 0 or 1 with a message.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, run_cli
from generator.errors import Severity, format_problems
from generator.portal.check import check
from generator.project import Project
from generator.render.pages import render_pages

TARGETS = (
    "data/mentors/fuzz.yaml",
    "data/roadmaps/fuzz.yaml",
    "data/practices/fuzz.md",
    "data/library/fuzz.yaml",
    "data/program.yaml",
    "data/monitoring.yaml",
    "content/news/posts/fuzz.md",
    "content/parents.md",
)
KEYS = (
    "name", "role", "consent", "publish", "date", "by", "scope", "class", "minor", "title", "sections", "items",
    "deadline", "periods", "start", "end", "recurrence", "status", "approval", "approved", "organization",
    "short_name", "forms", "id", "curators", "authors", "year", "summary", "body", "file", "url", "category",
    "kind", "mentors", "categories", "honors", "photo", "template", "hide", "extra_tables", "columns", "figures",
)  # fmt: skip
SCALARS = (
    "teacher", "pupil", "parent", "true", "false", "null", "~", "2025-09-01", "2025-02-30", "1e999", "0x1F",
    "-1", "99999999999999999999999", ".nan", "«Школа № 12»", "Сентябрь 2025 г.", "files/../../etc/passwd",
    "javascript:alert(1)", "'", '"', "&a x", "*a", "!!python/object/apply:os.system ['id']", "!!binary AAAA",
    "!!set {a}", "? [a]", "|", ">-", "- ", "[", "]", "{", "}", "\t", "#", "%YAML 1.1", "---", "...", "\x00",
    "\u202e", "\ud7ff", "ё", "  ", "<script>", "{{ 7*7 }}", "dk-2025-2026", "teacher-teacher", "petrova-ai",
)  # fmt: skip

_base = Path(tempfile.mkdtemp(prefix="nastavnik-fuzz-")) / "portal"
shutil.copytree(FIXTURES / "minimal", _base, ignore=shutil.ignore_patterns("site"))
_originals = {t: (_base / t).read_bytes() if (_base / t).exists() else None for t in TARGETS}

yaml_like = st.lists(
    st.one_of(
        st.sampled_from(KEYS).map(lambda k: f"{k}:"),
        st.sampled_from(SCALARS),
        st.sampled_from(("\n", "\n  ", "\n    - ", ": ", ", ", " ")),
        st.text(max_size=12),
    ),
    max_size=60,
).map("".join)
payloads = st.one_of(
    st.binary(max_size=3000),
    yaml_like.map(lambda t: t.encode("utf-8", errors="surrogatepass")),
    yaml_like.map(lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8", errors="surrogatepass")),
    yaml_like.map(lambda t: f"---\n{t}\n---\n\n# Заголовок\n\n{t}\n".encode("utf-8", errors="surrogatepass")),
)


def pipeline(target: str, data: bytes) -> list:
    """The in-process `check` (and rendering, when the data is clean) on the portal with ``data`` at ``target``."""
    path = _base / target
    path.write_bytes(data)
    try:
        checked = check(Project(_base))
        if checked.portal is not None:
            render_pages(checked.portal)
        return checked.problems.sorted()
    finally:
        original = _originals[target]
        if original is None:
            path.unlink()
        else:
            path.write_bytes(original)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(TARGETS), data=payloads)
def test_any_bytes_give_problems_not_a_traceback(target, data):
    problems = pipeline(target, data)
    for problem in problems:
        assert problem.message.strip() and problem.file, problem
        assert not problem.message.startswith(("Traceback", "Error")), problem
    text = format_problems(problems)
    if any(p.severity is Severity.ERROR for p in problems):
        assert text.splitlines()[-1].startswith(("Найдено ошибок:", "Предупреждений:"))


NASTY = {
    "nul and broken utf-8": b"name: \x00\xff\xfe\nrole: teacher\n",
    "alias bomb": b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b]\n",
    "deep nesting": b"name: " + b"[" * 5000 + b"]" * 5000 + b"\n",
    "python object": b"name: !!python/object/apply:os.system ['echo pwned']\nrole: teacher\n",
    "huge file": b"name: " + b"x" * (6 * 1024 * 1024) + b"\n",
    "long string": b"name: " + b"\xd0\xaf" * 250_000 + b"\nrole: teacher\nconsent: {publish: false}\n",
    "front matter only": b"---\n---\n",
    "millions of values": b"name: [" + b"1," * 1_000_000 + b"1]\n",
    "a huge key": b"x" * 100_000 + b": 1\n",
}


@pytest.mark.parametrize("case", sorted(NASTY))
@pytest.mark.parametrize("target", ["data/mentors/fuzz.yaml", "content/news/posts/fuzz.md"])
def test_nasty_inputs_through_the_real_cli(minimal, case, target):
    path = minimal / target
    path.write_bytes(NASTY[case])
    result = run_cli("check", cwd=minimal)
    assert result.code in (0, 1), result.text
    assert "Traceback" not in result.text and "Внутренняя ошибка" not in result.text
    if result.code == 1:
        assert f"{target}" in result.out and "Найдено ошибок:" in result.out
    assert "pwned" not in result.text
    assert len(result.text) < 20_000, "a message never repeats a huge value"
