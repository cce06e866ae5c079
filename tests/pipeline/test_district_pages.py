"""OwnPages: the district's own pages built once, early or late, and what building them raised raised late."""

from __future__ import annotations

import pytest

from generator.errors import DataErrors, Problem
from generator.pipeline.district_pages import OwnPages


def test_pages_built_early_are_not_built_again():
    calls: list[object] = []
    pages = OwnPages(lambda summaries: calls.append(summaries) or ("checks", "outcome"))  # type: ignore[func-returns-value]
    assert not pages.built
    pages(["early"])  # type: ignore[list-item]
    assert pages.built
    assert pages.result(["late"]) == ("checks", "outcome")  # type: ignore[list-item]
    assert calls == [["early"]]


def test_pages_not_built_early_are_built_from_the_outcomes():
    calls: list[object] = []
    pages = OwnPages(lambda summaries: calls.append(summaries) or ("checks", "outcome"))  # type: ignore[func-returns-value]
    assert pages.result(["late"]) == ("checks", "outcome")  # type: ignore[list-item]
    assert calls == [["late"]]


def test_what_the_early_build_raised_is_raised_when_the_result_is_asked_for():
    error = DataErrors([Problem("content/news/posts/x.md", None, "в опубликованном файле есть имя")])

    def build(summaries):
        raise error

    pages = OwnPages(build)
    pages([])  # nothing escapes while the workers are still building
    with pytest.raises(DataErrors) as raised:
        pages.result([])
    assert raised.value is error
