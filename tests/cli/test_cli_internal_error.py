"""A bug of ours (or of a MkDocs plugin) reaches the editor as a Russian sentence, not a traceback."""

from __future__ import annotations

import pytest

from generator.cli import check as check_cmd
from generator.cli import main as cli


def explode(args):  # stands for any unexpected failure inside a verb
    raise KeyError("pages_to_filter")


def test_unexpected_failure_is_a_russian_message_with_exit_1(monkeypatch, capsys, minimal):
    monkeypatch.chdir(minimal)
    monkeypatch.setattr(check_cmd, "run", explode)
    monkeypatch.delenv(cli.DEBUG_ENV, raising=False)
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("Внутренняя ошибка программы (KeyError: 'pages_to_filter').")
    assert "site/ не изменён" in err and f"{cli.DEBUG_ENV}=1" in err
    assert "Traceback" not in err


def test_debug_mode_shows_the_traceback(monkeypatch, minimal):
    monkeypatch.chdir(minimal)
    monkeypatch.setattr(check_cmd, "run", explode)
    monkeypatch.setenv(cli.DEBUG_ENV, "1")
    with pytest.raises(KeyError):
        cli.main(["check"])
