"""Names that must not be published, searched for in every file of the built site.

For a person without consent: the full name in every form Russian text gives it (:mod:`.forms`:
cases, numbers, genders, fleeting vowels, double and indeclinable surnames) and as people write it
(:mod:`.patterns`: either order, initials before or after the surname, first name with patronymic);
their Latin slug in a file name («ivanova-mp.jpg»). For a minor, also the surname alone (with a
capital letter) and in Latin letters. The text is read as a reader sees it (:mod:`.text`); every file
of the site is read (:mod:`.files`: pages, feeds, PDF, office files, archives), and a file that
cannot be read to the end is not published. The names of people shown with consent are masked
first, so a teacher who shares a surname with a pupil does not fail the build — but a name a
withheld person shares is masked only in the consenting person's own section.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.checks.names.pieces import Piece, Unread
from generator.errors import Problem, Severity
from generator.filetypes import MAX_READ
from generator.rules.people import NamePolicy

if TYPE_CHECKING:
    from generator.checks.names.files import site_texts
    from generator.checks.names.search import NameSearch, Rule, clashes, search_for
    from generator.checks.names.text import normalize

__all__ = [
    "MAX_READ",
    "NameSearch",
    "check_names",
    "clashes",
    "names_in",
    "normalize",
    "search_for",
    "site_texts",
]

_PARTS = {
    "NameSearch": "search",
    "Rule": "search",
    "clashes": "search",
    "search_for": "search",
    "site_texts": "files",
    "normalize": "text",
}
"""Parts imported when first asked for: a build hands its pages to a child process that checks them, and only
that child searches (the build reads :mod:`.forms`, whose cache it keeps, and :mod:`.pdf`)."""


def __getattr__(name: str) -> object:
    part = _PARTS.get(name)
    if part is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{part}"), name)


_FIX = (
    "внесите согласие в карточку человека, или уберите имя из текста в data/ или content/ (или из имени файла), "
    "или замените файл таким, где имя скрыто; сайт не обновлён"
)


def check_names(
    site: Path,
    policy: NamePolicy,
    content_dir: Path | None = None,
    skip: frozenset[str] = frozenset(),
    exclude: frozenset[str] = frozenset(),
    known: frozenset[str] = frozenset(),
    section: str = "",
    files: Sequence[Path] | None = None,
) -> list[Problem]:
    """Every name ``policy`` forbids, in every file of ``site`` (of the files in ``known``: in their paths);
    ``section``: the district's organization ``site`` is the section of ("" for a school)."""
    from generator.checks.names.files import site_texts
    from generator.checks.names.search import search_for

    search = search_for(policy)
    if search.empty:
        return []
    seen: set[tuple[str, Rule | str]] = set()
    problems = []
    for piece in site_texts(site, content_dir, skip, exclude, known, files):
        if isinstance(piece, Unread):
            if (piece.rel, piece.reason) not in seen:
                seen.add((piece.rel, piece.reason))
                problems.append(_unread(piece))
            continue
        for rule, problem in _findings(search, piece, section):
            if (piece.rel, rule) not in seen:  # one finding per name and file, wherever in it
                seen.add((piece.rel, rule))
                problems.append(problem)
    return problems


def names_in(policy: NamePolicy, rel: str, text: str, section: str = "") -> list[Problem]:
    """The findings in one page of the site, as :func:`check_names` reports them for the file ``rel``."""
    from generator.checks.names.search import search_for

    return [problem for _, problem in _findings(search_for(policy), Piece(rel, None, text), section)]


def _findings(search: NameSearch, piece: Piece, section: str) -> list[tuple[Rule, Problem]]:
    if piece.path:
        found = dict.fromkeys(search.find_in_path(piece.text), 0)
        found.update(search.find(piece.text, section))
    else:
        found = search.find(piece.text, section)
    where = piece.where
    if where and where.startswith("docProps/"):
        where = "в свойствах документа: автор, кто изменял"
    elif where:
        where = f"в части «{where}»" if "страниц" not in where and "свойства" not in where else where
    in_name = " в имени файла" if piece.path else ""
    return [
        (
            rule,
            Problem(
                f"site/{piece.rel}",
                line if piece.lines and not piece.path else None,
                f"в опубликованном файле{in_name}{f' ({where})' if where else ''} есть {rule.what} ({rule.who})",
                _FIX,
            ),
        )
        for rule, line in sorted(found.items(), key=lambda item: (item[0].who, item[0].what))
    ]


def _unread(piece: Unread) -> Problem:
    return Problem(
        f"site/{piece.rel}",
        None,
        piece.reason,
        piece.hint + ("; сайт не обновлён" if piece.error else ""),
        Severity.ERROR if piece.error else Severity.WARNING,
    )
