"""The MkDocs plugin: hands the generated pages and exports to MkDocs.

Registered in ``mkdocs.yml`` as ``nastavnik``, so plain ``mkdocs build`` and ``mkdocs serve`` work
in a portal's root: the plugin checks the data, renders the pages of the URL map as virtual files
(nothing is written into ``content/``), appends the generated blocks to ``parents.md``, cleans the
HTML of the editors' own pages, and makes ``mkdocs serve`` watch ``data/``.

``nastavnik build`` checks the data itself and hands the ready Portal, its pages and the checks of the built
tree over as an :class:`~generator.engine.mkdocs.EngineJob` (:func:`~generator.engine.mkdocs.run_engine`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator import urls
from generator.checks.site import EarlyPage, PageChecks, SiteCheck, failing
from generator.engine.config import (
    _add_theme_overrides,
    _check_for_mkdocs,
    _without_organizations,
    add_admin,
    site_info,
    text_colour,
)
from generator.engine.hardening import harden_feeds, harden_page, harden_view
from generator.engine.job import EngineJob, EngineSettings, section_checks
from generator.engine.publish_guard import refuse_collisions, withheld_copies
from generator.engine.search_index import configure_search, rewrite_utf8, spaced
from generator.engine.toc import contents
from generator.errors import format_problems
from generator.parallel import Background
from generator.portal.portal import Portal
from generator.project import Project
from generator.render.headings import anchor_headings
from generator.render.markup import DEFAULT_EMBED_HOSTS, clean_html
from generator.render.news import archive_heading, render_post, view_meta
from generator.render.pages import render_pages, render_parents_page
from generator.render.permalinks import untabbed_permalinks
from generator.render.publish import export_files, published_files
from generator.render.typography import typeset
from generator.rules.images import ImageRefused, clean_site_images
from generator.sources.config import theme_dir

log = logging.getLogger("mkdocs.plugins.nastavnik")

PARENTS_PAGE = urls.source("parents")
POSTS_DIR = urls.NEWS_POSTS
ARCHIVE_DIR = urls.url("news") + "archive/"  # the blog plugin's archive views


class AdminConfig(Config):
    """The browser editor at /admin/ (Decap CMS); see generator/editor/decap.py and the README."""

    enabled = c.Type(bool, default=True)
    repo = c.Optional(c.Type(str))  # owner/name on GitHub; by default taken from repo_url
    branch = c.Type(str, default="main")
    base_url = c.Optional(c.Type(str))  # the OAuth client that signs editors in to GitHub
    auth_endpoint = c.Optional(c.Type(str))


class NastavnikConfig(Config):
    embed_hosts = c.ListOfItems(c.Type(str), default=list(DEFAULT_EMBED_HOSTS))
    """Hosts whose iframes (video, maps) may be embedded in editors' pages; each is sandboxed."""
    admin = c.SubConfig(AdminConfig)


class NastavnikPlugin(BasePlugin[NastavnikConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.portal: Portal | None = None
        self.job: EngineJob | None = None  # given by nastavnik build; None under plain `mkdocs build`/`serve`
        self.generated: dict[str, str | bytes] = {}
        self.notes: list[str] = []  # what the editor should know about the build (printed by nastavnik build)
        self.site_check: SiteCheck | None = None  # the checks of the built tree (see on_config)
        self._early: dict[str, EarlyPage] = {}  # pages checked as they were written (see generator.checks.site)
        self._pages: PageChecks | None = None
        self._exports: dict[str, File] = {}  # the roadmap's exports, filled in when written
        self._writing: Background[dict[str, bytes]] | None = None
        self._unspaced: str | None = None  # the page's HTML while the search plugin reads the spaced copy

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        project = Project(Path(config.config_file_path).resolve().parent)
        make_checks = None
        if self.job is not None:
            self.portal = self.job.portal
            self.generated = dict(self.job.rendered)
            make_checks = self.job.checks
        else:
            problems, portal, self.generated, people = _check_for_mkdocs(project)
            if problems.errors or portal is None:
                raise PluginError("\n" + format_problems(problems.sorted()))
            for warning in problems.warnings:
                log.warning(warning.format())
            for notice in problems.notices:
                log.info(notice.format())
            self.portal = portal
            make_checks = section_checks(project, people)
        config.extra["nastavnik"] = site_info(self.portal)
        configure_search(config)  # Russian stemming (see generator/engine/search_index.py)
        _add_theme_overrides(config)  # before the checks learn the theme's folders: our templates are trusted too
        settings = EngineSettings(tuple(map(str, config.theme.dirs)), tuple(self.config.embed_hosts), config.site_url)
        self.site_check = make_checks(settings)
        return config

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """The last event before MkDocs copies files into the site: the exports started in on_files are collected
        (the templates' compiled form is the theme's environment's, :func:`.config._add_theme_overrides`)."""
        self._collect_exports()
        self._early = {}
        if self.site_check is not None:
            self._pages = PageChecks(self.site_check, Path(config.site_dir))
        return env

    @event_priority(-1000)  # last: the page as it will be written
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = untabbed_permalinks(typeset(output))  # Russian non-breaking spaces; «¶» out of the Tab order
        if self._pages is not None:
            self._pages.page(page.file.dest_uri, output.encode("utf-8", errors="xmlcharrefreplace"))  # as MkDocs does
        return output

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        """Static pages of the theme (404.html) get the same typography as the rest."""
        return typeset(output_content) if template_name.endswith(".html") else output_content

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.portal is not None
        files = _without_organizations(files, config)
        if not self.generated:
            self.generated = dict(render_pages(self.portal))
        for src, markdown in self.generated.items():
            if files.get_file_from_path(src) is not None:
                raise PluginError(
                    f"content/{src}: эта страница создаётся генератором из data/ — "
                    "переименуйте или удалите файл в content/"
                )
            files.append(File.generated(config, src, content=markdown))
        self._add_exports(files, config)
        self._add_admin(files, config)
        refuse_collisions(files, config)
        # Photos of people who did not consent to them, also where a link or a copy in content/ leads to them.
        for file in withheld_copies(files, Path(config.docs_dir), self.portal.withheld_files):
            files.remove(file)
        return files

    def _add_exports(self, files: Files, config: MkDocsConfig) -> None:
        """The current roadmap in every registered format (``/roadmap.ics``, ``/roadmap.json``, …) and the
        monitoring tables (``/monitoring.xlsx``, …).

        The files are written beside MkDocs' reading of the pages (see :mod:`generator.parallel`)
        and filled in by :meth:`_collect_exports`.
        """
        assert self.portal is not None
        self._exports = {}
        names = published_files(self.portal)
        if not names:
            return
        for name in names:
            if name in self.generated:  # a district's own downloads (all its organizations) replace its section's
                continue
            if files.get_file_from_path(name) is not None:
                raise PluginError(f"content/{name}: этот файл создаётся генератором из data/ — удалите его из content/")
            file = File.generated(config, name, content=b"")
            self._exports[name] = file
            files.append(file)
        ready = self.job.exports if self.job is not None else None
        self._writing = ready or Background(export_files, self.portal, self.portal.site_url or config.site_url or "")

    def _collect_exports(self) -> None:
        if self._writing is None:
            return
        written, self._writing = self._writing.result(), None
        for name, file in self._exports.items():
            file.content_bytes = written[name]

    def on_build_error(self, *, error: Exception) -> None:
        if self._writing is not None:
            self._writing.close()
            self._writing = None
        if self._pages is not None:
            self._pages.close()
            self._pages = None

    def _add_admin(self, files: Files, config: MkDocsConfig) -> None:
        self.notes = []
        if self.config.admin.enabled and (note := add_admin(files, config, dict(self.config.admin))):
            self.notes.append(note)
            log.info(note)

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if page.file.src_uri == PARENTS_PAGE and self.portal is not None:
            return render_parents_page(self.portal, markdown)
        if page.file.src_uri.startswith(POSTS_DIR) and self.portal is not None:
            return render_post(self.portal, page.file.src_uri, markdown)
        if page.file.src_uri.startswith(ARCHIVE_DIR):
            return archive_heading(markdown)
        return markdown

    @event_priority(-50)
    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The editors' pages may use Markdown and safe HTML; everything executable is removed.

        Every page's title, front matter and contents are made inert too: the theme prints them unescaped.
        """
        harden_page(page)
        if page.file.src_uri in self.generated:
            html, headings = anchor_headings(html)  # a practice's own sections join the contents
            if headings:
                page.toc = contents(page.toc, headings)
            return html  # our own templates: every value is already escaped
        return clean_html(html, self.config.embed_hosts)

    @event_priority(50)  # before Material's search plugin (0) reads the page
    def _space_for_search(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        self._unspaced, page.content = page.content, spaced(page.content or "")
        return context

    @event_priority(-10)  # after the search plugin: the page is written as it was rendered
    def _unspace(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self._unspaced is not None:
            page.content, self._unspaced = self._unspaced, None
        return context

    @event_priority(-150)  # after the blog plugin (-100) has rendered the excerpts of a view
    def _view_meta(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """The blog's archive, category and pagination pages get a Russian title and description; then every
        value the theme prints raw is made inert."""
        if self.portal is not None and page.title and not page.meta.get("description"):
            page.meta.update(view_meta(page.url, str(page.title), self.portal))
        harden_view(context, tuple(self.config.embed_hosts))
        return context

    on_page_context = CombinedEvent(_space_for_search, _unspace, _view_meta)

    @event_priority(-110)  # after the RSS plugin has written the feeds (and Material's offline plugin, -100)
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Photos lose their EXIF, feeds their scripts; under plain `mkdocs build` the post-build checks run here too."""
        site = Path(config.site_dir)
        try:
            clean_site_images(site)
        except ImageRefused as refused:
            raise PluginError(refused.problem.format()) from None
        harden_feeds(site, tuple(self.config.embed_hosts))
        rewrite_utf8(site)  # the search index: Cyrillic as UTF-8, not \u escapes
        if self.site_check is not None and self.job is None:  # plain `mkdocs build`: no caller checks
            problems = self.site_check.run(site, early=self.early)
            if failing(problems):
                raise PluginError("\n" + format_problems(problems))
            for warning in problems:
                log.warning(warning.format())

    @property
    def early(self) -> dict[str, EarlyPage]:
        """The pages checked as they were written (waits for the child checking them)."""
        if self._pages is not None:
            self._early, self._pages = self._pages.results(), None
        return self._early

    def page_checks(self) -> PageChecks | None:
        """The checks of the pages as they were written, still running, handed over to the caller of the build
        (:func:`generator.engine.mkdocs.run_engine` has the child check the rest of the tree too)."""
        pages, self._pages = self._pages, None
        return pages

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        # MkDocs itself watches content/ and mkdocs.yml; data/ and the theme overrides are ours to add.
        root = Path(config.config_file_path).resolve().parent
        folders = [root / "data", Path(theme_dir())]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir))
        for folder in dict.fromkeys(f.resolve() for f in folders):
            if folder.is_dir():
                server.watch(str(folder))
        return server


__all__ = ["NastavnikPlugin", "site_info", "text_colour", "theme_dir"]
