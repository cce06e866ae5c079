"""The README cannot fall behind the CLI: every verb and every option of the parser is in its command table."""

from __future__ import annotations

import argparse
import re

import pytest

from conftest import ROOT
from generator.cli.main import VERBS, parser


def command_table() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Команды", 1)[1].split("\n## ", 1)[0]
    return "\n".join(line for line in section.splitlines() if line.startswith("| `nastavnik "))


def verb_parsers() -> dict[str, argparse.ArgumentParser]:
    (subparsers,) = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(subparsers.choices)


def test_the_readme_lists_every_verb_of_the_parser():
    assert sorted(verb_parsers()) == sorted(VERBS)
    listed = re.findall(r"^\| `nastavnik (\w+)", command_table(), re.MULTILINE)
    assert sorted(listed) == sorted(VERBS)


@pytest.mark.parametrize("verb", VERBS)
def test_the_readme_shows_every_option_of_a_verb(verb):
    row = next(line for line in command_table().splitlines() if line.startswith(f"| `nastavnik {verb}"))
    options = [
        action.option_strings
        for action in verb_parsers()[verb]._actions
        if action.option_strings and "--help" not in action.option_strings
    ]
    missing = [spellings for spellings in options if not any(re.search(rf"{o}\b", row) for o in spellings)]
    assert missing == [], f"README, «Команды», nastavnik {verb}: add {missing}"
