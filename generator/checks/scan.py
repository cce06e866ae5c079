"""The post-build scan of every HTML, SVG and XML file and feed: nothing executable the theme did not put there.

A page has two parts. Its content (``.md-content__inner``: the article, or a blog view's list of
excerpts) holds what came from the data and the editors' Markdown: there, nothing may run — no
script, no form, no frame but a sandboxed embed from an allowed host. The rest is the theme (mkdocs-material and our overrides): there,
scripts and forms are allowed only as the theme's templates wrote them (:mod:`generator.checks.trusted`).
Everywhere: no event-handler attribute, no ``javascript:``/``vbscript:``/``data:`` address, no
``<object>``, ``<embed>``, ``<base>``, ``<meta http-equiv=refresh>``, no CSS ``expression()``.

HTML is read as browsers read it (:mod:`generator.checks.scan_html`, the WHATWG algorithm), XML with
lxml (:mod:`generator.checks.scan_xml`); which files are which, and which uploads are refused
outright (scripts, PDFs with active content), is :mod:`generator.filetypes`. A file that came from
``content/`` is content through and through: nothing in it is the theme's.

Each finding names the page and what was found, in Russian; one finding fails the build and the
previous ``site/`` stays as it was.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from generator.checks.scan_html import decode, fragment_findings, html_findings, script_text
from generator.checks.scan_rules import Embeds, Finding, finding
from generator.checks.scan_xml import xml_findings
from generator.checks.trusted import INERT_SCRIPT_TYPES, Trusted
from generator.errors import Problem
from generator.filetypes import (
    HTML_SUFFIXES,
    XML_SUFFIXES,
    pdf_active_content,
    refused_upload,
    scanned_kind,
    site_files,
)

__all__ = ["HTML_SUFFIXES", "XML_SUFFIXES", "Embeds", "Scan"]


@dataclass(frozen=True)
class Scan:
    site: Path
    trusted: Trusted
    embeds: Embeds
    content_dir: Path | None  # files uploaded by editors: a script may not load one of them
    base_path: str = "/"  # the path of ``site_url`` (``/nastavnichestvo/``): absolute addresses start with it
    vendored: frozenset[str] = frozenset()  # scripts the generator copies from packages (Decap CMS in admin/)
    exclude: frozenset[str] = frozenset()  # top-level folders checked on their own (a district's sections)

    def run(self, known: frozenset[str] = frozenset(), files: Sequence[Path] | None = None) -> list[Problem]:
        """Every finding in the site, but in the pages ``known`` (scanned as MkDocs wrote them); ``files``: the
        site's files, sorted, when the caller has walked the tree already."""
        problems: list[Problem] = []
        for path in files if files is not None else site_files(self.site):
            rel = path.relative_to(self.site).as_posix()
            if rel.partition("/")[0] in self.exclude or rel in known:
                continue
            kind = scanned_kind(path.name)
            uploaded = self._uploaded(rel)
            if uploaded:
                problems += _problems(rel, _refused(path))
            if kind == "html":
                problems += self.page(rel, path.read_bytes())
            elif kind == "xml":
                problems += _problems(rel, xml_findings(path, self.embeds, self._fragment, uploaded))
            elif path.suffix.lower() == ".json":
                problems += _problems(rel, self.json_feed(path))
        return problems

    def page(self, rel: str, raw: bytes) -> list[Problem]:
        """The findings in the HTML page ``rel`` of the site, whose bytes are ``raw``."""
        text = decode(raw)
        return _problems(rel, html_findings(text, self.embeds, self._script_judge(rel), self._uploaded(rel)))

    def _uploaded(self, rel: str) -> bool:
        """``rel`` was copied from ``content/`` as it is (an upload, not a page MkDocs wrote)."""
        return self.content_dir is not None and (self.content_dir / rel).is_file()

    def _fragment(self, html: str | None) -> Iterator[Finding]:
        return fragment_findings(html, self.embeds, self._script_judge(""))

    def json_feed(self, path: Path) -> Iterator[Finding]:
        """A JSON Feed (``feed_json_*.json``): the HTML of its items."""
        if not path.name.startswith("feed"):
            return
        try:
            feed = json.loads(path.read_text("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return
        for item in feed.get("items", []) if isinstance(feed, dict) else []:
            if isinstance(item, dict) and isinstance(item.get("content_html"), str):
                yield from self._fragment(item["content_html"])

    def _script_judge(self, page_url: str):  # type: ignore[no-untyped-def]
        def judge(node: LexborNode, in_content: bool) -> Iterator[Finding]:
            return self._script(node, page_url, in_content)

        return judge

    def _script(self, node: LexborNode, page_url: str, in_content: bool) -> Iterator[Finding]:
        if node.tag == "form":
            if in_content or not self.trusted.allows_form(node.attributes.get("class") or ""):
                yield finding("форма <form>", lambda: (node.html or "<form>")[:160], in_content)
            return
        kind = (node.attributes.get("type") or "").strip().lower()
        if kind in INERT_SCRIPT_TYPES:
            return
        src = node.attributes.get("src")
        shown = lambda: (node.html or "<script>")[:160]  # noqa: E731
        if in_content:
            yield finding("скрипт", shown, in_content)
        elif src is not None:
            if not self._theme_asset(src, page_url):
                yield finding("скрипт не из оформления сайта (assets/)", shown, in_content)
        elif not self.trusted.allows_inline(script_text(node)):
            yield finding("встроенный скрипт, которого нет в шаблонах оформления", shown, in_content)

    def _theme_asset(self, src: str, page_url: str) -> bool:
        """``src`` loads a file under ``assets/`` of this site that did not come from ``content/``."""
        parts = urlsplit(src.strip())
        if parts.scheme or parts.netloc or not parts.path:
            return False
        if parts.path.startswith("/"):  # 404.html links from the site's root
            if not parts.path.startswith(self.base_path):
                return False
            target = posixpath.normpath(parts.path[len(self.base_path) :])
        else:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page_url), parts.path))
        if target in self.vendored:
            return (self.site / target).is_file()
        if target.startswith("..") or not target.startswith("assets/"):
            return False
        if not (self.site / target).is_file():
            return False
        return self.content_dir is None or not (self.content_dir / target).exists()


def _problems(rel: str, findings: Iterable[Finding]) -> list[Problem]:
    """Findings in the file ``rel`` of the site, each once."""
    return [Problem(f"site/{rel}", None, what, hint) for what, hint in dict.fromkeys(findings)]


def _refused(path: Path) -> Iterator[Finding]:
    """An upload that is never published: a script or a plug-in's program, a PDF with active content."""
    what = refused_upload(path.name)
    if what:
        yield (
            f"{what} не публикуется: браузер выполнил бы его на сайте, где редакторы входят в /admin/",
            "удалите файл из content/ (или заархивируйте его в .zip, чтобы его скачивали, а не открывали); "
            "сайт не обновлён",
        )
    elif path.suffix.lower() == ".pdf":
        active = pdf_active_content(path.read_bytes())
        if active:
            yield (
                f"в PDF есть активное содержимое ({active}) — просмотрщик PDF в браузере выполнил бы его",
                "пересохраните документ как PDF/A или «печатью в PDF» (без скриптов, форм и вложений); сайт не обновлён",
            )
