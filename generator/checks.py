"""Checks on the built site, before it replaces ``site/``: what must never be published.

* no name of a person without consent (nor a minor's surname) in any file: pages, the search
  index, the sitemap, feeds, calendars, tables (inside XLSX too);
* (more checks join here: scripts and event handlers not produced by us or mkdocs-material.)

A failed check fails the build; the previous ``site/`` stays as it was.
"""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from .errors import Problem

TEXT_SUFFIXES = {".html", ".htm", ".xml", ".json", ".js", ".txt", ".ics", ".csv", ".md", ".yml", ".yaml", ".svg"}
ZIP_SUFFIXES = {".xlsx", ".docx"}


def site_texts(site: Path, skip: Collection[str] = ()) -> Iterator[tuple[str, str]]:
    """(relative path, text) of every file in ``site`` that can hold text; JSON un-escaped, XLSX unzipped.

    ``skip``: site paths of third-party files copied unchanged (Decap CMS in admin/), which hold no data."""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if rel in skip:
            continue
        suffix = path.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            text = path.read_text("utf-8", errors="replace")
            if suffix == ".json":
                text = _unescaped_json(text)
            yield rel, text
        elif suffix in ZIP_SUFFIXES:
            try:
                with zipfile.ZipFile(path) as archive:
                    for member in archive.namelist():
                        if member.endswith(".xml"):
                            yield f"{rel}:{member}", archive.read(member).decode("utf-8", errors="replace")
            except zipfile.BadZipFile:
                continue


def _unescaped_json(text: str) -> str:
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


def find_names(texts: Iterable[tuple[str, str]], names: Iterable[str]) -> list[tuple[str, str]]:
    """(file, name) for every private name found as a whole word (case-insensitive, «ё» = «е»)."""
    patterns = [
        (name, re.compile(r"(?<![\wЁё])" + _flexible(name) + r"(?![\wЁё])", re.IGNORECASE))
        for name in sorted(set(names))
    ]
    if not patterns:
        return []
    # Fast path: a file's words are collected once; a name's pattern runs only where all its words occur.
    # Identical files (each section of a district has its own copy of the theme's scripts) are searched once.
    keys = {name: _words(name) for name, _ in patterns}
    cyrillic = all(_CYRILLIC.fullmatch(word) for key in keys.values() for word in key)
    letters = _CYRILLIC if cyrillic else _LETTERS
    found: list[tuple[str, str]] = []
    known: dict[bytes, list[str]] = {}
    for rel, text in texts:
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if digest not in known:
            words = _words(text, letters)
            known[digest] = [name for name, pattern in patterns if keys[name] <= words and pattern.search(text)]
        found.extend((rel, name) for name in known[digest])
    return found


_LETTERS = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[а-я]+")  # after lower() and «ё» → «е»: enough when every name is written in Cyrillic


def _words(text: str, letters: re.Pattern[str] = _LETTERS) -> set[str]:
    """The runs of letters of ``text``, lower-cased, «ё» as «е»."""
    return set(letters.findall(text.lower().replace("ё", "е")))


def _flexible(name: str) -> str:
    """A regex for ``name`` where «е»/«ё» are the same and spaces may be any whitespace or &nbsp;."""
    parts = []
    for char in name:
        if char in "еёЕЁ":
            parts.append("[еёЕЁ]")
        elif char.isspace():
            parts.append(r"(?:\s|&nbsp;|&#160;)+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def check_private_names(site: Path, names: Iterable[str], skip: Collection[str] = ()) -> list[Problem]:
    problems = []
    for rel, name in find_names(site_texts(site, skip), names):
        problems.append(
            Problem(
                f"site/{rel}",
                None,
                f"в опубликованном файле найдено имя «{name}» человека, не давшего согласия на публикацию",
                "уберите имя из текста (data/ или content/) или внесите согласие в его карточку; сайт не обновлён",
            )
        )
    return problems
