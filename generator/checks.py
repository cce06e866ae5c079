"""Checks on the built site, before it replaces ``site/``: what must never be published.

:class:`SiteCheck` runs three of them over the staged site and returns every finding:

* **names** (:mod:`generator.namecheck`) — no name of a person without consent, and no surname of
  a minor, in any file: pages (text and attributes: alt texts, Open Graph tags), the search index,
  the sitemap (also gzipped), feeds, calendars, tables (inside XLSX/DOCX too) and file names;
* **executable content** in HTML, SVG, XML and feeds (:mod:`generator.htmlscan`);
* **spreadsheet formulas** in the generated CSV/XLSX (a cell starting with ``= + - @`` runs in Excel).

A finding fails the build; the previous ``site/`` stays as it was. Messages name the file of
the person (``data/mentors/ivanova-mp.yaml``), never the name itself: build logs may be public.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .errors import Problem
from .htmlscan import Embeds, Scan
from .markup import FORMULA_START
from .namecheck import MAX_READ, check_names
from .people import NamePolicy, name_policy, people_of
from .trusted import Trusted, trusted
from .validate import Records


@dataclass(frozen=True)
class SiteCheck:
    """Everything the post-build checks need, gathered before MkDocs runs."""

    names: NamePolicy
    trusted: Trusted
    embeds: Embeds
    content_dir: Path
    base_path: str = "/"

    @classmethod
    def of(
        cls,
        content_dir: Path,
        records: Records,
        theme_dirs: Iterable[str],
        embed_hosts: Sequence[str],
        site_url: str | None = None,
    ) -> SiteCheck:
        base_path = urlsplit(site_url or "/").path or "/"
        return cls(
            name_policy(people_of(records)),
            trusted(theme_dirs),
            Embeds(tuple(embed_hosts)),
            content_dir,
            base_path if base_path.endswith("/") else base_path + "/",
        )

    def run(self, site: Path) -> list[Problem]:
        problems = check_names(site, self.names, self.content_dir)
        problems += Scan(site, self.trusted, self.embeds, self.content_dir, self.base_path).run()
        problems += check_spreadsheets(site, self.content_dir)
        return problems


# --- spreadsheets ------------------------------------------------------------------------------


def check_spreadsheets(site: Path, content_dir: Path | None) -> list[Problem]:
    """Generated CSV/XLSX files hold no cell that Excel would run as a formula."""
    problems = []
    for path in sorted(site.rglob("*")):
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".xlsx") or not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if content_dir is not None and (content_dir / rel).is_file():
            continue  # an editor's own file, published as uploaded
        found = _csv_formulas(path) if suffix == ".csv" else _xlsx_formulas(path)
        if found:
            problems.append(
                Problem(
                    f"site/{rel}",
                    None,
                    f"в таблице есть ячейка, которую Excel выполнит как формулу ({found})",
                    "выгрузка должна начинать такие ячейки с апострофа (markup.safe_cell); сайт не обновлён",
                )
            )
    return problems


def _csv_formulas(path: Path) -> str | None:
    text = path.read_bytes()[:MAX_READ].decode("utf-8-sig", errors="replace")
    for row_number, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text)), start=1):
        for column, cell in enumerate(row, start=1):
            if cell.startswith(FORMULA_START):
                return f"строка {row_number}, столбец {column}: «{cell[:40]}»"
    return None


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return ";" if first.count(";") > first.count(",") else ","


def _xlsx_formulas(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.namelist():
                if member.startswith("xl/externalLinks/"):
                    return "внешняя ссылка (DDE)"
                if member.startswith("xl/worksheets/") and member.endswith(".xml"):
                    with archive.open(member) as stream:
                        if re.search(rb"<(?:\w+:)?f[\s>/]", stream.read(MAX_READ)):
                            return f"лист {member.rsplit('/', 1)[-1]}"
    except (zipfile.BadZipFile, OSError):
        return None
    return None
