"""Checks on the built site, before it replaces ``site/``: what must never be published.

* no name of a person without consent (nor a minor's surname) in any file: pages, the search
  index, the sitemap, feeds, calendars, tables (inside XLSX too);
* (more checks join here: scripts and event handlers not produced by us or mkdocs-material.)

A failed check fails the build; the previous ``site/`` stays as it was.
"""

from __future__ import annotations

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
    found = []
    for rel, text in texts:
        for name, pattern in patterns:
            if pattern.search(text):
                found.append((rel, name))
    return found


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
