"""What other programs say reaches an editor in Russian: YAML's parser (libyaml and pure Python), the
operating system's file errors and MkDocs' warnings. Each known message is fed in, and what the editor
reads holds no English sentence (file names and quoted details aside)."""

from __future__ import annotations

import errno
import re

import pytest
import yaml

from generator.errors import Problems
from generator.sources.load import load_yaml
from generator.translate import _OS_ERRORS, mkdocs_message, os_error

# Three Latin words in a row, outside «quotes» — a sentence the editor would have to translate.
_LATIN_SENTENCE = re.compile(r"[A-Za-z]{2,}(?:[\s,.;:'\"()-]+[A-Za-z]{2,}){2,}")


def english_in(text: str) -> str | None:
    outside_quotes = re.sub(r"«[^»]*»", "", text)
    found = _LATIN_SENTENCE.search(outside_quotes)
    return found.group(0) if found else None


BROKEN_YAML = {
    "deep nesting": "[" * 20_000 + "]" * 20_000,
    "tab indent": "a:\n\t- b\n",
    "colon in value": "a: b: c\n",
    "bad indent": "a:\n  b: 1\n c: 2\n",
    "list in mapping": "a: 1\n- b\n",
    "unclosed bracket": "a: [1, 2\nb: 3\n",
    "unclosed brace": "a: {x: 1\n",
    "unclosed quote": 'a: "abc\n',
    "bad escape": 'a: "\\q"\n',
    "bad hex escape": 'a: "\\xZZ"\n',
    "undefined alias": "a: *nothing\n",
    "anchor": "a: &x 1\nb: *x\n",
    "undefined tag handle": "a: !x!y 1\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "document end then text": "a: 1\n...\nb\n",
    "directive": "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    "bad directive version": "%YAML 2.0\n---\na: 1\n",
    "backtick start": "a: `b`\n",
    "at start": "a: @b\n",
    "control character": "a: b\x07\n",
    "block scalar indicator": "a: |0\n  b\n",
    "block scalar junk": "a: |x\n  b\n",
    "question key": "? [a, b]\n: c\n",
    "flow mapping junk": "a: {b: 1 c}\n",
    "flow sequence junk": "a: [b: 1: 2]\n",
    "stray closing bracket": "a: b]\n]\n",
    "tag without value": "a: !\n",
    "key after scalar": "a\nb: 1\n",
}


@pytest.mark.parametrize("loader", ["libyaml", "python"])
@pytest.mark.parametrize("name", sorted(BROKEN_YAML))
def test_every_yaml_error_reads_in_russian(tmp_path, monkeypatch, name, loader):
    if loader == "python":
        monkeypatch.setattr("generator.sources.yaml_parse._Loader", yaml.SafeLoader)
    elif not yaml.__with_libyaml__:
        pytest.skip("PyYAML without libyaml")
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_YAML[name], encoding="utf-8")
    problems = Problems()
    doc = load_yaml(tmp_path, path, problems)
    found = problems.sorted()
    if doc is not None:  # some inputs are valid for one parser; then nothing is reported
        assert found == []
        return
    assert found, name
    for problem in found:
        shown = f"{problem.message} {problem.hint}"
        assert english_in(shown) is None, shown
        assert re.search("[а-яё]", problem.message), shown


@pytest.mark.parametrize("code", sorted(_OS_ERRORS), ids=lambda code: errno.errorcode[code])
def test_every_known_file_error_reads_in_russian(code):
    message = os_error(OSError(code, "Some English strerror text"))
    assert english_in(message) is None and re.search("[а-яё]", message), message


def test_an_unknown_file_error_keeps_only_its_number():
    assert os_error(OSError(99999, "Strange English text")) == "системная ошибка № 99999"


def test_a_real_file_error_reads_in_russian(tmp_path):
    problems = Problems()
    load_yaml(tmp_path, tmp_path / "missing.yaml", problems)
    (problem,) = problems.sorted()
    assert "файл или папка не найдены" in problem.message


MKDOCS_MESSAGES = {
    "Doc file 'news/a.md' contains a link 'b.md', but the target 'news/b.md' is not found among documentation "
    "files.": "news/b.md",
    "Doc file 'a.md' contains a link 'b.md#x', but the doc 'b.md' does not contain an anchor '#x'.": "#x",
    "Doc file 'a.md' contains an unrecognized relative link 'c/', it was left as is. Did you mean 'c/index.md'?": "c/",
    "Doc file 'a.md' contains an absolute link '/x/', it was left as is.": "/x/",
    "Doc file 'a.md' contains a link to 'drafts/x.md' which is excluded from the built site.": "drafts/x.md",
    "A reference to 'missing.md' is included in the 'nav' configuration, which is not found in the "
    "documentation files.": "missing.md",
    "An absolute path to '/x.md' is included in the 'nav' configuration, which presumably points to an external "
    "resource.": "/x.md",
    "Excluding 'index.md' from the site because it conflicts with 'README.md'.": "README.md",
    "Config value 'theme': Unrecognised theme name: 'nope'. The available installed themes are: mkdocs": "«nope»",
    "Config value 'plugins': The \"no-such\" plugin is not installed": "«no-such»",
    "Config value 'site_url': Expected a string but received: int": "site_url",
    "Unrecognised configuration name: sitename": "sitename",
    "Template skipped: 'main.html' not found in theme directories.": "main.html",
    "Error reading page 'a.md': 'utf-8' codec can't decode byte": "a.md",
    "Error building page 'a.md': bad": "a.md",
    "File not found: a.md": "a.md",
    "Encoding error reading file: a.md": "a.md",
    "Aborted with 3 warnings in strict mode!": "3",
    "Aborted with a BuildError!": "",
}


@pytest.mark.parametrize("message", sorted(MKDOCS_MESSAGES))
def test_every_known_mkdocs_message_reads_in_russian(message):
    russian = mkdocs_message(message)
    assert english_in(russian) is None, russian
    assert MKDOCS_MESSAGES[message] in russian


def test_an_unknown_mkdocs_message_is_quoted_after_a_russian_sentence():
    russian = mkdocs_message("Something new went wrong here")
    assert russian.startswith("MkDocs сообщает о неполадке")
    assert english_in(russian) is None


@pytest.mark.parametrize("character", ["\x0c", "\x01", "\x7f", "\ufffe"])
def test_a_control_character_is_named_with_its_line(tmp_path, character):
    path = tmp_path / "roadmap.yaml"
    path.write_text(f'title: Дорожная карта\nactivity: "Семинар{character}наставников"\n', encoding="utf-8")
    problems = Problems()
    assert load_yaml(tmp_path, path, problems) is None
    (problem,) = problems.sorted()
    assert problem.line == 2
    assert f"U+{ord(character):04X}" in problem.message and english_in(problem.message + problem.hint) is None


@pytest.mark.parametrize("escape", ["\\f", "\\x01", "\\x0b", "\\x7f", "\\u0085"])
def test_a_control_character_written_as_an_escape_is_refused_with_its_line(tmp_path, escape):
    path = tmp_path / "roadmap.yaml"
    path.write_text(f'title: Дорожная карта\nactivity: "Семинар{escape}наставников"\n', encoding="utf-8")
    problems = Problems()
    assert load_yaml(tmp_path, path, problems) is None
    (problem,) = problems.sorted()
    assert problem.line == 2 and "управляющий символ" in problem.message
