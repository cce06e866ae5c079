"""The URL map of a section, in one table: every page's site path, source file, kind and Russian names.

Everything that writes or links an address of the section reads it from here: the pages
(:mod:`generator.render.pages`, the templates via the ``url`` global), the views of the Portal, the
district's pages, the navigation of an organization's section, the names a district's organization
may not take, the scaffold's ``mkdocs.yml`` and the synthetic portals. Site paths are relative to
the section's root and end with ``/`` (the home page is ``""``); source paths are the Markdown files
MkDocs builds them from.

A kind of page:

* ``generated`` — rendered from the data by :mod:`generator.render.pages`;
* ``editors`` — a page the editors write in ``content/`` (the generator fills blocks into it);
* ``blog`` — the news, built by Material's blog plugin from the editors' posts.
"""

from __future__ import annotations

from dataclasses import dataclass

GENERATED = "generated"
EDITORS = "editors"
BLOG = "blog"


@dataclass(frozen=True)
class Section:
    """One entry of the URL map: a list page and, for kinds with records, the page of each record."""

    key: str  # ``mentors``: how code names the section
    kind: str  # GENERATED, EDITORS or BLOG
    path: str  # site path of the section's page: ``mentors/`` (``""`` for the home page)
    src: str  # its Markdown source: ``mentors/index.md``
    nav: str  # its label in the navigation: «Наставники»
    title: str  # its page title: «Наши наставники» (``""``: the program's title)
    item_path: str | None = None  # a record's page: ``mentors/{id}/``
    item_src: str | None = None  # its source: ``mentors/{id}.md``

    def url(self, id: str | None = None) -> str:
        """The site path of the section (``mentors/``) or of its record ``id`` (``mentors/ivanova-mp/``)."""
        if id is None:
            return self.path
        assert self.item_path is not None, f"{self.key}: no pages per record"
        return self.item_path.format(id=id)

    def source(self, id: str | None = None) -> str:
        """The Markdown source of the section's page or of its record ``id``'s page."""
        if id is None:
            return self.src
        assert self.item_src is not None, f"{self.key}: no pages per record"
        return self.item_src.format(id=id)


SECTIONS: tuple[Section, ...] = (
    Section("home", GENERATED, "", "index.md", "Наставничество", ""),
    Section(
        "roadmap", GENERATED, "roadmap/", "roadmap/index.md", "Дорожная карта", "Дорожная карта",
        "roadmap/{id}/", "roadmap/{id}/index.md",
    ),
    Section("mentors", GENERATED, "mentors/", "mentors/index.md", "Наставники", "Наши наставники", "mentors/{id}/", "mentors/{id}.md"),
    Section("honor-board", GENERATED, "honor-board/", "honor-board/index.md", "Доска почёта", "Доска почёта"),
    Section(
        "practices", GENERATED, "practices/", "practices/index.md", "Практики", "Лучшие практики наставничества",
        "practices/{id}/", "practices/{id}.md",
    ),
    Section("library", GENERATED, "library/", "library/index.md", "Копилка", "Методическая копилка"),
    Section("news", BLOG, "news/", "news/index.md", "Новости", "Новости", "news/{id}/", "news/posts/{id}.md"),
    Section("parents", EDITORS, "parents/", "parents.md", "Родителям", "Родителям"),
    Section("stats", GENERATED, "stats/", "stats/index.md", "Мониторинг", "Мониторинг"),
)  # fmt: skip
"""In the order of a school's navigation."""

BY_KEY: dict[str, Section] = {s.key: s for s in SECTIONS}

DISTRICT_NAV: tuple[str, ...] = ("home", "roadmap", "honor-board", "stats", "library", "news")
"""The navigation of a district's own section (its organizations have a school's, :data:`SECTIONS`)."""

DISTRICT_PAGES: tuple[str, ...] = ("home", "honor-board", "stats")
"""Pages a district renders from its organizations' summaries, over the school pages of its own data."""

DISTRICT_OPTIONAL: tuple[str, ...] = ("mentors", "practices")
"""School pages a district publishes only when its own data has such records."""

NEWS_POSTS = "news/posts/"
"""The folder of the editors' news posts under ``content/``."""

ENGINE_PATHS: frozenset[str] = frozenset(
    {"assets", "files", "search", "stylesheets", "javascripts", "organizations", "404", "sitemap", "feed"}
)
"""Top-level names MkDocs, Material and the editors' files use in a section."""


def section(key: str) -> Section:
    return BY_KEY[key]


def url(key: str, id: str | None = None) -> str:
    """``url("mentors", "ivanova-mp")`` → ``mentors/ivanova-mp/``; ``url("stats")`` → ``stats/``."""
    return BY_KEY[key].url(id)


def source(key: str, id: str | None = None) -> str:
    """``source("mentors", "ivanova-mp")`` → ``mentors/ivanova-mp.md``."""
    return BY_KEY[key].source(id)


def nav(keys: tuple[str, ...] | None = None) -> list[tuple[str, str]]:
    """(label, source) of the navigation: a school's, or of the given sections in their order."""
    chosen = [BY_KEY[k] for k in keys] if keys is not None else list(SECTIONS)
    return [(s.nav, s.src) for s in chosen]


def top_level_names() -> frozenset[str]:
    """Every first segment of a section's address, and the engine's: names an organization may not take."""
    return frozenset(s.path.split("/", 1)[0] for s in SECTIONS if s.path) | ENGINE_PATHS


@dataclass(frozen=True)
class Export:
    """The current roadmap in one format, published as a file of the section."""

    format: str  # the key of :data:`generator.render.exports.EXPORTERS`
    path: str  # site path: ``roadmap.ics``
    label: str  # «Календарь iCalendar»


EXPORT_BASENAME = "roadmap"
EXPORTS: tuple[Export, ...] = (
    Export("ics", "roadmap.ics", "Календарь iCalendar"),
    Export("xlsx", "roadmap.xlsx", "Таблица Excel"),
    Export("csv", "roadmap.csv", "Таблица CSV (открывается в Excel)"),
    Export("json", "roadmap.json", "Данные JSON"),
)
"""In the order they are offered on ``/roadmap/``, the calendar first."""


def export_path(suffix: str) -> str:
    """The site path of an export with the file suffix ``suffix`` (``.ics`` → ``roadmap.ics``)."""
    return f"{EXPORT_BASENAME}{suffix}"
