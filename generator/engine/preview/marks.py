"""The preview's own MkDocs plugin: which files a rebuild writes, and the site-wide files kept whole.

MkDocs' ``dirty`` build rebuilds a page only when ``File.is_modified()`` says so (by modification times, and
always for generated files). The preview decides instead (:class:`~.snapshot.Plan`): a page is rebuilt when its
Markdown changed; a generated file (a roadmap export, ``/admin/``) is written when its bytes differ from the
file in the build folder; a copied file, as MkDocs decides (a change in ``content/`` or the theme means a full
rebuild anyway).

Two outputs cover every page, and a dirty build would make them of the rebuilt pages alone:

* **the search index** — Material's search plugin collects the entries of the pages it sees. The entries are
  kept per page between builds; before the index is written, the entries of the pages not rebuilt are put back,
  in the order of a full build, so the index is what a full build would write;
* **the feeds** (and other files written after the build by other plugins) — they are made of the news posts,
  which a rebuild of some pages never touches (a change in the posts means a full rebuild): the bytes of the
  last build are put back. A file written there that the last build did not write is a doubt: full rebuild.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.engine.search_index import INDEX

NAME = "nastavnik-preview"
SEARCH_INDEX = INDEX.as_posix()


class Marks(BasePlugin):  # type: ignore[type-arg]
    """Added by the preview to each configuration it builds with; its state lives as long as the preview."""

    def __init__(self) -> None:
        super().__init__()
        self.pages: frozenset[str] | None = None  # the pages to rebuild; None: a full build
        self.doubt: str | None = None  # why this partial build cannot stand (then a full one follows)
        self.rebuilt: list[str] = []  # the pages rebuilt, in order
        self._entries: dict[str, list[dict[str, Any]]] = {}  # search entries of each page, by its URL
        self._order: list[str] = []  # the URLs of the pages, in the order the last full build made them
        self._built: list[str] = []  # the URLs of the pages this build made
        self._after_build: dict[str, bytes] = {}  # what the last build wrote after its pages (feeds)
        self._shown: dict[str, tuple[str | None, dict[str, Any], Any]] = {}  # title, meta, anchors of each page
        self._before_post: dict[str, tuple[int, int]] = {}
        self._start = 0

    def start(self, pages: frozenset[str] | None) -> None:
        self.pages, self.doubt, self.rebuilt, self._built = pages, None, [], []

    def forget(self) -> None:
        """The build folder no longer holds the last build (it failed): only a full build may follow."""
        self._entries, self._after_build, self._order, self._shown = {}, {}, [], {}

    @event_priority(-1000)  # after every plugin has added its files (the blog its views, ours the pages)
    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.pages is not None:
            for file in files:
                file.is_modified = _modified(file, self.pages)  # type: ignore[method-assign]
        return files

    @event_priority(-1000)  # the pages are read (those a partial build rebuilds), none is written yet
    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """A page not rebuilt is not read either: its title and front matter, which other pages show (in the
        navigation: an entry of ``nav`` without a title, an icon), and its headings' anchors, which links from
        other pages are checked against, are put back as the last full build read them."""
        pages = [f.page for f in files if f.is_documentation_page() and f.page is not None]
        if self.pages is None:
            self._shown = {page.url: (page.title, dict(page.meta), page.present_anchor_ids) for page in pages}
            return env
        for page in pages:
            if page.file.src_uri in self.pages:
                continue
            if page.url not in self._shown:
                self.doubt = f"страница /{page.url} не была в прошлой сборке"
                continue
            title, meta, anchors = self._shown[page.url]
            page.title, page.meta = title, dict(meta)  # type: ignore[misc]
            page.present_anchor_ids = anchors  # links to its headings are checked as in a full build
        return env

    @event_priority(40)  # after our plugin spaced the text for search (50), before the search plugin (0)
    def _entries_start(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        self._start = len(_search_entries(config) or [])
        self.rebuilt.append(page.file.src_uri)
        self._built.append(page.url)
        return context

    @event_priority(-5)  # after the search plugin read the page
    def _entries_end(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        entries = _search_entries(config)
        if entries is not None:
            self._entries[page.url] = entries[self._start :]
        return context

    on_page_context = CombinedEvent(_entries_start, _entries_end)

    @event_priority(100)  # before the search plugin writes the index and the RSS plugin the feeds
    def _before_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        self._before_post = file_stats(site)
        entries = _search_entries(config)
        if self.pages is None:  # a page made twice (same URL) could not have its entries put back: doubt then
            self._order = list(self._built) if len(set(self._built)) == len(self._built) else []
        elif entries is not None:
            unknown = [url for url in self._built if url not in self._order]
            if unknown or not self._order or len(set(self._built)) != len(self._built):
                self.doubt = "записи поиска прошлой сборки не подходят"
            entries[:] = [entry for url in self._order for entry in self._entries.get(url, [])]

    @event_priority(-1000)  # after every plugin wrote its files (ours cleans the feeds at -110)
    def _after_post_build(self, *, config: MkDocsConfig) -> None:
        site = Path(config.site_dir)
        written = [rel for rel, stat in file_stats(site).items() if self._before_post.get(rel) != stat]
        if self.pages is not None:
            for rel in written:
                if rel == SEARCH_INDEX:
                    continue
                if rel not in self._after_build:
                    self.doubt = f"после сборки записан новый файл {rel}"
                    continue
                (site / rel).write_bytes(self._after_build[rel])
        else:
            self._after_build = {rel: (site / rel).read_bytes() for rel in written if rel != SEARCH_INDEX}

    on_post_build = CombinedEvent(_before_post_build, _after_post_build)


def _modified(file: File, pages: frozenset[str]) -> Callable[[], bool]:
    if file.is_documentation_page():
        rebuilt = file.src_uri in pages
        return lambda: rebuilt
    if file.abs_src_path is not None:  # a copied file: by modification times, as MkDocs does
        own: Callable[[], bool] = file.is_modified
        return own

    def differs() -> bool:  # a generated file: when its bytes changed (read when MkDocs copies it)
        try:
            return Path(file.abs_dest_path).read_bytes() != file.content_bytes
        except OSError:
            return True

    return differs


def _search_entries(config: MkDocsConfig) -> list[dict[str, Any]] | None:
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    index = getattr(plugin, "search_index", None)
    entries = getattr(index, "entries", None)
    return entries if isinstance(entries, list) else None


def file_stats(site: Path) -> dict[str, tuple[int, int]]:
    """Every file of ``site`` by its path: (size, modification time in nanoseconds)."""
    found = {}
    for folder, _dirs, files in os.walk(site):
        for name in files:
            path = os.path.join(folder, name)
            info = os.stat(path)
            found[Path(path).relative_to(site).as_posix()] = (info.st_size, info.st_mtime_ns)
    return found
