"""The editors' own pages and files in ``content/``: front matter within limits, no links out of it.

MkDocs reads a page's front matter itself, with PyYAML and without our limits, and mkdocs-material
prints some of its values into the page. So before MkDocs runs, every page's front matter is read
here the way data files are (no aliases, limited size and depth) and only the keys a page needs
are allowed: ``template: redirect.html`` with a ``location`` would otherwise turn a page into a
redirect anywhere. News posts are records and are checked by their model instead.

MkDocs also copies whatever a symbolic link in ``content/`` points to: a link to ``/etc/passwd``
or to ``.git/config`` would be published. Links that leave ``content/`` are refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from generator.errors import Problems
from generator.filetypes import MARKDOWN_SUFFIXES
from generator.sources.load import load_markdown, relpath
from generator.sources.uploads import check_uploads

PAGE_KEYS = {
    "title": "заголовок страницы",
    "description": "описание для поиска и соцсетей",
    "hide": "что скрыть: navigation, toc, footer, path, feedback",
    "search": "настройки поиска: exclude, boost",
}
HIDE_VALUES = {"navigation", "toc", "footer", "path", "feedback", "tags"}
SEARCH_KEYS: dict[str, type | tuple[type, ...]] = {"exclude": bool, "boost": (int, float)}


def outside(path: Path, folders: Iterable[Path]) -> bool:
    """``path`` is in none of ``folders`` (parts of ``content/`` that are checked elsewhere)."""
    return not any(folder == path or folder in path.parents for folder in folders)


def editors_pages(content_dir: Path, posts_dir: Path, others: Iterable[Path] = ()) -> list[Path]:
    """Markdown pages in ``content/`` that are not news posts (nor in ``others``)."""
    if not content_dir.is_dir():
        return []
    skip = (posts_dir, *others)
    return [
        p
        for p in sorted(content_dir.rglob("*"))
        if p.suffix.lower() in MARKDOWN_SUFFIXES and p.is_file() and outside(p, skip)
    ]


def check_links(root: Path, content_dir: Path, problems: Problems, others: Iterable[Path] = ()) -> None:
    """Symbolic links inside ``content/`` must stay inside it; every upload can be published (:mod:`.uploads`)."""
    if not content_dir.is_dir():
        return
    check_uploads(root, content_dir, problems, others)
    base = content_dir.resolve()
    others = tuple(others)
    for folder, dirs, files in os.walk(content_dir):
        if not outside(Path(folder), others):
            continue
        for name in sorted(dirs + files):
            path = Path(folder) / name
            if path.is_symlink() and base not in path.resolve().parents:
                problems.error(
                    relpath(root, path),
                    None,
                    "символическая ссылка ведёт за пределы папки content/ — её содержимое попало бы на сайт",
                    "удалите ссылку и положите в content/ сам файл",
                )


def check_content_pages(root: Path, content_dir: Path, problems: Problems, others: Iterable[Path] = ()) -> None:
    for path in editors_pages(content_dir, content_dir / "news" / "posts", others):
        doc = load_markdown(root, path, problems)
        if doc is None:
            continue
        rel = relpath(root, path)
        if not isinstance(doc.data, dict):
            problems.error(
                rel, 1, "заголовок страницы (между ---) должен состоять из полей «ключ: значение»", "например title: …"
            )
            continue
        for key, value in doc.data.items():
            line = doc.line_of((key,))
            message = _problem(key, value)
            if message:
                problems.error(rel, line, *message)


def _problem(key: str, value: Any) -> tuple[str, str] | None:
    if key not in PAGE_KEYS:
        allowed = "; ".join(f"{k} — {v}" for k, v in PAGE_KEYS.items())
        return f"поле «{key}» в заголовке страницы не поддерживается", f"уберите его; допустимые поля: {allowed}"
    if key in ("title", "description") and not (isinstance(value, str) and value.strip()):
        return f"поле «{key}» должно быть непустым текстом", "возьмите значение в кавычки"
    if key == "hide" and not (isinstance(value, list) and all(v in HIDE_VALUES for v in value)):
        return "поле «hide» — список из: " + ", ".join(sorted(HIDE_VALUES)), "например hide: [toc]"
    if key == "search" and not (
        isinstance(value, dict) and all(k in SEARCH_KEYS and isinstance(v, SEARCH_KEYS[k]) for k, v in value.items())
    ):
        return "поле «search» допускает только exclude: true|false и boost: число", "например search: {exclude: true}"
    return None
