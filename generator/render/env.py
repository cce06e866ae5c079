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
import jinja2.bccache
from babel.dates import format_date
from markupsafe import Markup, escape

from generator import ru, translit, urls
from generator.models.glossary import GLOSSARY, SOURCE, public_wording
from generator.project import private_cache
from generator.render.glossary import glossed
from generator.render.markup import render_markdown

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


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in this process's memory, by template and checksum."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


def bytecode_cache(root: Path | None = None) -> jinja2.BytecodeCache:
    """Compiled templates (ours and mkdocs-material's): compiling them is a third of a school's build.

    With the portal's ``root``, kept between builds in its private cache (:func:`generator.project.private_cache`:
    a folder that came with the repository is never loaded as code); otherwise, or where there is no such
    folder, in this process's memory only — a district builds many sections with the same templates either
    way. Nothing outside the portal is written.
    """
    folder = private_cache(root.resolve(), "templates") if root is not None else None
    return _portal_cache(folder) if folder is not None else _memory_cache()


@lru_cache(maxsize=1)
def _memory_cache() -> jinja2.BytecodeCache:
    return _MemoryBytecodeCache()


@lru_cache(maxsize=8)
def _portal_cache(folder: Path) -> jinja2.BytecodeCache:
    return jinja2.FileSystemBytecodeCache(str(folder))


def use_portal_cache(root: Path) -> None:
    """Our templates' compiled form from (and into) the portal's cache (see :func:`bytecode_cache`)."""
    environment().bytecode_cache = bytecode_cache(root)


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
        short_decimal=ru.short_decimal,
        glossed=glossed,
        public_wording=public_wording,
    )
    env.globals.update(glossary=GLOSSARY, glossary_source=SOURCE)
    env.globals.update(month_span=ru.month_span, percent=ru.percent, url=urls.url)  # url('mentors', id): the URL map
    return env
