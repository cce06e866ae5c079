"""The demo's generated pages and exports equal the golden copy in tests/golden/ (refresh: ``make golden``)."""

from __future__ import annotations

import difflib

import golden


def test_generated_output_equals_the_golden_copy():
    expected, actual = golden.read(), golden.snapshot()
    assert sorted(actual) == sorted(expected), "files added or gone: run `make golden` and review the diff"
    changed = [rel for rel in actual if actual[rel] != expected[rel]]
    diff = "".join(
        line
        for rel in changed[:3]
        for line in difflib.unified_diff(
            expected[rel].splitlines(keepends=True), actual[rel].splitlines(keepends=True), rel, rel, n=1
        )
    )
    assert changed == [], f"the output changed; if that is intended, run `make golden` and commit:\n{diff[:4000]}"
