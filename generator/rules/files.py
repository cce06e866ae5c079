"""The file rules: a record's file or link, paths that must stay inside ``content/``, and the editors' own pages.

Every path a record names is resolved with symlinks followed and must lead to a file inside the
portal's ``content/`` folder; :func:`resolve_content_file` is the one place that decides it.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problems
from generator.rules.context import Context
from generator.rules.images import check_images
from generator.rules.validate import Entry
from generator.sources.content_pages import check_content_pages, check_links
from generator.sources.yaml_parse import Loc


def check_content(ctx: Context, problems: Problems) -> None:
    """The editors' own pages and files: front matter within limits, images within size."""
    check_links(ctx.root, ctx.content_dir, problems, ctx.others)
    check_content_pages(ctx.root, ctx.content_dir, problems, ctx.others)
    check_images(ctx.root, ctx.content_dir, problems, ctx.others)


def check_file_or_url(
    entry: Entry, loc: Loc, file: str | None, url: str | None, ctx: Context, problems: Problems
) -> None:
    """A document or attachment names a file in ``content/`` or a link: exactly one of them."""
    if file and url:
        problems.error(
            entry.doc.path, entry.doc.line_of(loc), "указаны и файл, и ссылка", "оставьте что-то одно: file или url"
        )
    elif not file and not url:
        problems.error(
            entry.doc.path,
            entry.doc.line_of(loc),
            "не указан ни файл, ни ссылка",
            f"добавьте file: files/имя.pdf (файл в {ctx.content}files/) или url: https://…",
        )
    elif file:
        check_file(entry, (*loc, "file"), file, ctx, problems)


def check_file(entry: Entry, loc: Loc, rel: str, ctx: Context, problems: Problems) -> None:
    """A path relative to ``content/`` that leads to a file inside it."""
    path, line = entry.doc.path, entry.doc.line_of(loc)
    if ":" in rel or rel.startswith(("#", "?")):
        problems.error(
            path,
            line,
            f"путь к файлу «{rel}» содержит двоеточие или начинается с # или ?",
            "такой путь браузер понял бы как адрес сайта; переименуйте файл латинскими буквами, цифрами и дефисом",
        )
        return
    target = resolve_content_file(ctx.content_dir, rel)
    if target is None:
        problems.error(
            path,
            line,
            f"файл «{rel}» ведёт за пределы папки {ctx.content}",
            f"положите файл в {ctx.content}files/ и укажите путь files/…",
        )
    elif not target.is_file():
        problems.error(
            path,
            line,
            f"файл «{rel}» не найден в папке {ctx.content}",
            f"проверьте имя файла (регистр букв важен) или загрузите его в {ctx.content}files/",
        )


def resolve_content_file(content_dir: Path, rel: str) -> Path | None:
    """``content_dir / rel`` with symlinks resolved, or None when it would leave ``content_dir``."""
    base = content_dir.resolve()
    target = (base / rel).resolve()
    if target != base and base not in target.parents:
        return None
    return target
