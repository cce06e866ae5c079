"""The post-build scan of every HTML, SVG and XML file and feed: nothing executable the theme did not put there.

A page has two parts. Its content (``.md-content__inner``: the article, or a blog view's list of
excerpts) holds what came from the data and the editors' Markdown: there, nothing may run — no
script, no form, no frame but a sandboxed embed from an allowed host. The rest is the theme (mkdocs-material and our overrides): there,
scripts and forms are allowed only as the theme's templates wrote them (:mod:`generator.trusted`).
Everywhere: no event-handler attribute, no ``javascript:``/``vbscript:``/``data:`` address, no
``<object>``, ``<embed>``, ``<base>``, ``<meta http-equiv=refresh>``, no CSS ``expression()``.

Each finding names the page and what was found, in Russian; one finding fails the build and the
previous ``site/`` stays as it was.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree
from lxml import html as lxml_html

from .errors import Problem
from .markup import embed_allowed
from .trusted import INERT_SCRIPT_TYPES, Trusted

CONTENT_AREA = "md-content__inner"
HTML_SUFFIXES = {".html", ".htm", ".shtml", ".mht", ".mhtml"}
FEED_HTML = {"description", "encoded", "summary", "content"}  # RSS/Atom elements whose text is HTML
XML_SUFFIXES = {".svg", ".xml", ".xsl", ".xslt", ".xhtml", ".xht"}
URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "codebase",
    "ping", "lowsrc", "dynsrc", "manifest", "icon", "longdesc", "profile", "srcset", "imagesrcset", "to",
    "values", "from", "by",
}  # fmt: skip
FORBIDDEN_TAGS = {"object", "embed", "applet", "base", "frame", "frameset", "portal", "import"}
# Parsed differently by browsers and by lxml (raw text vs. elements): the way mutation XSS hides.
AMBIGUOUS_IN_CONTENT = {"noscript", "noembed", "noframes", "xmp", "plaintext", "template", "math", "textarea"}
ANIMATION_TAGS = {"animate", "set", "animatemotion", "animatetransform"}
_SUSPECT_TAGS = sorted(
    FORBIDDEN_TAGS | AMBIGUOUS_IN_CONTENT | ANIMATION_TAGS | {"script", "iframe", "form", "meta", "style", "link"}
)
# XPath in C; written as a union of simple paths and with the cheap test first, it is several times faster
# than one predicate over every element: a page has thousands of harmless elements and attributes.
_SUSPECT_ELEMENTS = etree.XPath(
    "|".join(f"//{tag}" for tag in _SUSPECT_TAGS)
    + "|//@*[starts-with(name(), 'on') or name()='style' or name()='srcdoc']/.."
)
_ADDRESSES_WITH_SCHEME = etree.XPath(
    "//@*[contains(., ':')]["
    + " or ".join(f"name()='{name}'" for name in sorted(URL_ATTRIBUTES))
    + " or substring(name(), string-length(name()) - 3) = 'href']"
)
_BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript|mocha):", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f\u00ad\u200b-\u200f\u2028\u2029\u2060\ufeff]+")
_BAD_CSS = re.compile(r"expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Embeds:
    """Hosts whose iframes may appear in content (``plugins: nastavnik: embed_hosts`` in mkdocs.yml)."""

    hosts: tuple[str, ...]

    def allows(self, url: str) -> bool:
        return embed_allowed(url.strip(), self.hosts)


@dataclass(frozen=True)
class Scan:
    site: Path
    trusted: Trusted
    embeds: Embeds
    content_dir: Path | None  # files uploaded by editors: a script may not load one of them
    base_path: str = "/"  # the path of ``site_url`` (``/nastavnichestvo/``): absolute addresses start with it
    vendored: frozenset[str] = frozenset()  # scripts the generator copies from packages (Decap CMS in admin/)
    exclude: frozenset[str] = frozenset()  # top-level folders checked on their own (a district's sections)

    def run(self, known: frozenset[str] = frozenset()) -> list[Problem]:
        """Every finding in the site, but in the pages ``known`` (scanned as MkDocs wrote them)."""
        problems: list[Problem] = []
        for path in sorted(self.site.rglob("*")):
            rel = path.relative_to(self.site).as_posix()
            if rel.partition("/")[0] in self.exclude or rel in known:
                continue
            suffix = path.suffix.lower()
            if suffix in HTML_SUFFIXES and path.is_file():
                problems += self.page(rel, path.read_bytes())
            elif suffix in XML_SUFFIXES and path.is_file():
                problems += _problems(rel, self.xml(path))
            elif suffix == ".json" and path.is_file():
                problems += _problems(rel, self.json_feed(path))
        return problems

    def page(self, rel: str, raw: bytes) -> list[Problem]:
        """The findings in the HTML page ``rel`` of the site, whose bytes are ``raw``."""
        return _problems(rel, self._page(rel, raw))

    def _page(self, rel: str, raw: bytes) -> Iterator[tuple[str, str]]:
        text = raw.decode("utf-8", errors="replace")
        try:
            root = lxml_html.document_fromstring(raw)
        except (etree.ParserError, ValueError):
            return
        yield from self._tree(root, text, rel)

    def _tree(
        self, root: lxml_html.HtmlElement, text: str, page_url: str, content: bool = False
    ) -> Iterator[tuple[str, str]]:
        """Findings in a parsed page (``content``: all of it is content, as in a feed's item)."""
        for element in _SUSPECT_ELEMENTS(root):
            yield from self._element(element, page_url, in_content=content or _in_content(element))
        for value in _ADDRESSES_WITH_SCHEME(root):
            element = value.getparent()
            if _BAD_SCHEME.match(_INVISIBLE.sub("", value)) or value.attrname in ("srcset", "imagesrcset", "values"):
                yield from _attributes(element, content or _in_content(element))
        yield from _raw_checks(text, root)

    def _fragment(self, html: str | None) -> Iterator[tuple[str, str]]:
        """HTML carried as text (a feed item's description): what a feed reader would render."""
        if not html or "<" not in html:
            return
        try:
            root = lxml_html.document_fromstring(f"<html><body>{html}</body></html>")
        except (etree.ParserError, ValueError):
            return
        yield from self._tree(root, html, "", content=True)

    def json_feed(self, path: Path) -> Iterator[tuple[str, str]]:
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

    def xml(self, path: Path) -> Iterator[tuple[str, str]]:
        """SVG, XHTML, XML: a browser runs scripts in them too (an XHTML ``<script>`` inside XML)."""
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
        try:
            root = etree.parse(str(path), parser).getroot()
        except etree.XMLSyntaxError:
            return  # browsers refuse to render broken XML: nothing in it runs
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            local = etree.QName(element).localname.lower()
            if local == "script":
                yield _finding("скрипт в файле SVG/XML", "<script>", in_content=True)
            yield from _attributes(element, in_content=True)
            if local in FEED_HTML and etree.QName(root).localname.lower() in ("rss", "feed", "rdf"):
                yield from self._fragment(element.text)

    def _element(self, element: lxml_html.HtmlElement, page_url: str, in_content: bool) -> Iterator[tuple[str, str]]:
        tag = element.tag.lower()
        yield from _attributes(element, in_content)
        if tag == "script":
            yield from self._script(element, page_url, in_content)
        elif tag in FORBIDDEN_TAGS or (in_content and tag in AMBIGUOUS_IN_CONTENT):
            yield _finding(f"элемент <{tag}>", _snippet(element), in_content)
        elif tag == "iframe":
            src, sandbox = element.get("src"), element.get("sandbox")
            if element.get("srcdoc") is not None or not src or not self.embeds.allows(src) or sandbox is None:
                yield _finding(
                    "встроенный фрейм не с разрешённого сайта или без sandbox", _snippet(element), in_content
                )
        elif tag == "meta" and (element.get("http-equiv") or "").strip().lower() == "refresh":
            yield _finding("автоматический переход <meta http-equiv=refresh>", _snippet(element), in_content)
        elif tag == "form" and (in_content or not self.trusted.allows_form(element.get("class") or "")):
            yield _finding("форма <form>", _snippet(element), in_content)
        elif tag == "style" and _BAD_CSS.search(element.text or ""):
            yield _finding("стиль с выполняемым кодом", _snippet(element), in_content)
        elif tag == "link" and "import" in (element.get("rel") or "").lower():
            yield _finding("подключение <link rel=import>", _snippet(element), in_content)
        elif tag in ANIMATION_TAGS and _attribute(element, "attributename").lower() in ("href", "xlink:href"):
            yield _finding("анимация SVG, меняющая адрес ссылки", _snippet(element), in_content)

    def _script(self, element: lxml_html.HtmlElement, page_url: str, in_content: bool) -> Iterator[tuple[str, str]]:
        kind = (element.get("type") or "").strip().lower()
        if kind in INERT_SCRIPT_TYPES:
            return
        src = element.get("src")
        if in_content:
            yield _finding("скрипт", _snippet(element), in_content)
        elif src is not None:
            if not self._theme_asset(src, page_url):
                yield _finding("скрипт не из оформления сайта (assets/)", _snippet(element), in_content)
        elif not self.trusted.allows_inline(element.text or ""):
            yield _finding("встроенный скрипт, которого нет в шаблонах оформления", _snippet(element), in_content)

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


def _problems(rel: str, findings: Iterable[tuple[str, str]]) -> list[Problem]:
    """Findings in the file ``rel`` of the site, each once."""
    return [Problem(f"site/{rel}", None, what, hint) for what, hint in dict.fromkeys(findings)]


def _attribute(element: etree._Element, name: str) -> str:
    """An attribute by its name in any letter case (HTML parsers lower it, XML keeps it)."""
    return next((value for key, value in element.attrib.items() if key.lower() == name), "")


def _in_content(element: lxml_html.HtmlElement) -> bool:
    return any(CONTENT_AREA in (ancestor.get("class") or "").split() for ancestor in element.iterancestors())


def _attributes(element: etree._Element, in_content: bool) -> Iterator[tuple[str, str]]:
    for name, value in element.attrib.items():
        local = etree.QName(name).localname.lower() if name.startswith("{") else name.lower()
        if local.startswith("on"):
            yield _finding(f"обработчик события {local}=", _snippet(element), in_content)
        elif local in URL_ATTRIBUTES or name.lower().endswith("href"):
            if any(_BAD_SCHEME.match(_INVISIBLE.sub("", part)) for part in _urls(local, value)):
                yield _finding(f"адрес javascript:/data: в атрибуте {local}", _snippet(element), in_content)
        elif local == "style" and _BAD_CSS.search(value):
            yield _finding("стиль с выполняемым кодом", _snippet(element), in_content)
        elif local == "srcdoc":
            yield _finding("атрибут srcdoc (страница внутри страницы)", _snippet(element), in_content)


def _urls(name: str, value: str) -> list[str]:
    if name in ("srcset", "imagesrcset"):
        return [candidate.strip().split(" ")[0] for candidate in value.split(",")]
    if name in ("values",):
        return value.split(";")
    return [value]


class _SecondOpinion(HTMLParser):
    """Python's own HTML tokenizer, a second reading: handlers, bad addresses and scripts lxml might have missed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[tuple[str, str]] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(_finding(f"обработчик события {name}=", f"<{tag} {name}=…>", in_content=True))
            elif (
                (name in URL_ATTRIBUTES or name.endswith("href"))
                and value
                and any(_BAD_SCHEME.match(_INVISIBLE.sub("", part)) for part in _urls(name, value))
            ):
                self.findings.append(
                    _finding(f"адрес javascript:/data: в атрибуте {name}", f"<{tag} {name}=…>", in_content=True)
                )

    handle_startendtag = handle_starttag


_SUSPECT = re.compile(r"""[\s/"']on[a-z]+\s*=|script\s*:|data\s*:|&#|&[a-z]+;?\s*script""")  # lower-cased text
_SCRIPT_TAG = re.compile(r"<script\b")  # lower-cased text


def _raw_checks(text: str, root: lxml_html.HtmlElement) -> Iterator[tuple[str, str]]:
    """What a browser might see although lxml's parser did not: handlers, addresses, scripts.

    Python's tokenizer is slow, so it reads only pages where a quick look finds something suspect.
    """
    lxml_scripts = sum(1 for _ in root.iter("script"))
    lowered = text.lower()  # then case-sensitive patterns: faster than IGNORECASE
    if not _SUSPECT.search(lowered) and len(_SCRIPT_TAG.findall(lowered)) <= lxml_scripts:
        return
    reader = _SecondOpinion()
    reader.feed(text)
    reader.close()
    yield from reader.findings
    if reader.scripts > lxml_scripts:
        yield _finding("тег <script>, который не удалось однозначно разобрать", "<script", in_content=True)


def _finding(what: str, snippet: str, in_content: bool) -> tuple[str, str]:
    where = "в тексте страницы" if in_content else "в оформлении страницы"
    if in_content:
        hint = "уберите это из текста в data/ или content/: разрешены Markdown и безопасный HTML; сайт не обновлён"
    else:
        hint = (
            "если это часть оформления, запишите скрипт в шаблон theme/ или файл theme/assets/ "
            "(см. generator/trusted.py); сайт не обновлён"
        )
    return f"{where} найдено выполняемое содержимое — {what}: «{' '.join(snippet.split())[:120]}»", hint


def _snippet(element: etree._Element) -> str:
    try:
        text = etree.tostring(element, encoding="unicode", with_tail=False)
    except (TypeError, ValueError):
        return f"<{element.tag}>"
    return text[:160]
