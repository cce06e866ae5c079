"""The Jinja2 environment of our page templates (``generator/templates``).

Templates produce Markdown with HTML blocks for MkDocs. Autoescape is on for every template, so a
value from the data is always text: ``<script>`` prints as written and ``{{ 7*7 }}`` in a value is
never evaluated (values are passed as data, never as template source). ``StrictUndefined`` turns
a missing value into a build error instead of an empty cell.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from functools import lru_cache
from pathlib import Path

import jinja2
from babel.dates import format_date
from markupsafe import Markup, escape

from .. import ru, translit, urls
from ..markup import render_markdown

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def md_text(value: object) -> Markup:
    """Plain text for a Markdown context (a heading): HTML-escaped, Markdown characters backslashed."""
    text = " ".join(str(value).split())
    return Markup(_MD_SPECIAL.sub(r"\\\1", str(escape(text))))


def relative_url(target: str, page_url: str) -> str:
    """A link from the page at ``page_url`` (``mentors/``) to the site path ``target`` (``news/x/``).

    External URLs (``https://…``, ``mailto:``) are returned unchanged. Site paths are relative to
    the site root and keep a trailing slash for pages; the result works from ``file://`` too.
    """
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE) or target.startswith("#"):
        return target
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    anchor = ""
    if "#" in target:
        target, anchor = target.split("#", 1)
        anchor = "#" + anchor
    rel = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") or target == "":
        rel = rel.rstrip("/") + "/"
        if rel == "./":
            rel = "./"
    return rel + anchor


def month_badge(value: dt.date) -> str:
    """«дек.» for a calendar badge."""
    return format_date(value, "LLL", locale=ru.LOCALE)


def slugify(text: str, separator: str = "-") -> str:
    """A Latin URL slug for Russian text: «Обучение наставников» → ``obuchenie-nastavnikov``.

    Used by the blog plugin for category addresses (``categories_slugify`` in ``mkdocs.yml``): the
    compatibility scheme :data:`generator.translit.CATEGORY` (х → h, щ → sch), so that no published
    address changes.
    """
    return translit.slug(text, translit.CATEGORY, separator)


@lru_cache(maxsize=1)
def bytecode_cache() -> jinja2.BytecodeCache:
    """Compiled templates (ours and mkdocs-material's) kept between runs: compiling them is most of a small
    portal's render time. A private folder of the system's temp dir (Jinja checks it is ours, mode 0700);
    an entry is used only while its template's checksum matches."""
    return jinja2.FileSystemBytecodeCache()


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(),
    )
    env.filters.update(
        md=md_text,
        markdown=render_markdown,
        date=ru.date,
        short_date=ru.short_date,
        month=ru.month,
        plural=ru.plural,
        file_size=ru.file_size,
        month_badge=month_badge,
    )
    env.globals.update(month_span=ru.month_span, percent=ru.percent, url=urls.url)  # url('mentors', id): the URL map
    return env
