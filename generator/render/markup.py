"""Markdown fields of the data (a biography, a practice's body) → safe HTML.

Every other value is plain text and is escaped by the templates. Markdown is rendered with
Python-Markdown and then cleaned with nh3 (ammonia): no scripts, no event handlers, no
``javascript:``/``data:`` URLs, no styles, no forms. The same cleaner is used by the MkDocs plugin
for the editors' own pages (:func:`clean_html`), with an allowlist of hosts for embedded video and
maps that are kept as sandboxed iframes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

import markdown
import nh3
from markupsafe import Markup

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark",
    "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul", "time", "section", "article", "aside", "nav", "header", "footer",
    "picture", "source", "svg", "path", "label", "input", "iframe",
}  # fmt: skip
_COMMON_ATTRS = {"id", "class", "title", "lang", "dir", "role", "aria-label", "aria-hidden", "aria-describedby",
                 "aria-labelledby", "aria-expanded", "aria-controls", "tabindex", "data-md-color-scheme"}  # fmt: skip
_ATTRS = {
    "a": {"href", "hreflang", "target", "download"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes"},
    "source": {"srcset", "type", "media", "sizes"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "ol": {"start", "type", "reversed"},
    "details": {"open"},
    "time": {"datetime"},
    "svg": {"viewbox", "width", "height", "xmlns", "fill", "focusable"},
    "path": {"d", "fill"},
    "label": {"for"},
    "input": {"type", "checked", "disabled", "name"},
    "iframe": {"src", "width", "height", "title", "allowfullscreen", "loading", "sandbox", "allow"},
    "code": {"data-lang"},
}
# Tags that are never content: nh3 drops them together with everything inside.
_CLEAN_CONTENT = {"script", "style", "template", "object", "embed", "noscript", "textarea", "select", "form", "math"}

DEFAULT_EMBED_HOSTS = ("vk.com", "vkvideo.ru", "rutube.ru", "yandex.ru", "api-maps.yandex.ru")
_SANDBOX = "allow-scripts allow-same-origin allow-popups allow-presentation"
_ALLOW = "fullscreen; picture-in-picture; encrypted-media"  # nothing more for an embedded player or map

_MARKDOWN_EXTENSIONS = ["extra", "sane_lists", "smarty"]
_MARKDOWN_CONFIG = {
    "smarty": {
        "smart_quotes": False,  # Russian text uses «» typed by the editor
    }
}


def render_markdown(text: str | None, embed_hosts: Iterable[str] = DEFAULT_EMBED_HOSTS) -> Markup:
    """Markdown from the data → cleaned HTML, ready to be put into a page."""
    if not text:
        return Markup("")
    html = _converter().reset().convert(text)
    return Markup(clean_html(html, embed_hosts))


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """One Markdown converter, reset between texts: setting up its extensions costs more than converting."""
    return markdown.Markdown(extensions=_MARKDOWN_EXTENSIONS, extension_configs=_MARKDOWN_CONFIG)


def clean_html(html: str, embed_hosts: Iterable[str] = DEFAULT_EMBED_HOSTS) -> str:
    """Remove everything executable from ``html``; keep iframes only from ``embed_hosts``, sandboxed."""
    return _cleaner(tuple(sorted(set(embed_hosts))))(html)


@lru_cache(maxsize=8)
def _cleaner(embed_hosts: tuple[str, ...]):  # type: ignore[no-untyped-def]
    attributes = {tag: set(attrs) for tag, attrs in _ATTRS.items()}
    attributes["*"] = set(_COMMON_ATTRS)
    allowed_hosts = set(embed_hosts)

    def filter_attribute(tag: str, name: str, value: str) -> str | None:
        if name == "id" and value.startswith("__"):
            return None  # mkdocs-material's own elements (__config, __search…): never shadowed by content
        if tag == "iframe" and name == "src":
            return value if embed_allowed(value, allowed_hosts) else None
        if tag == "iframe" and name == "sandbox":
            return _SANDBOX
        if tag == "iframe" and name == "allow":
            return _ALLOW
        if tag == "input" and name == "type":
            return value if value in {"checkbox", "radio"} else None
        return value

    def clean(html: str) -> str:
        cleaned = nh3.clean(
            html,
            tags=_TAGS,
            clean_content_tags=_CLEAN_CONTENT,
            attributes=attributes,
            attribute_filter=filter_attribute,
            url_schemes={"http", "https", "mailto", "tel"},
            link_rel="noopener noreferrer",
            strip_comments=True,
        )
        return _sandbox_iframes(cleaned)

    return clean


def embed_allowed(url: str, hosts: Iterable[str]) -> bool:
    """``url`` is an ``https://`` address on one of ``hosts`` (or a subdomain of one).

    Backslashes, spaces and «@» are refused outright: browsers and Python disagree about the host of
    ``https://evil.example\\@vk.com/``, and the browser's reading is the one that counts.
    """
    if _AMBIGUOUS_URL.search(url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    return parts.scheme == "https" and any(host == h or host.endswith("." + h) for h in hosts)


_AMBIGUOUS_URL = re.compile(r"[\\\s@\x00-\x1f]")


_IFRAME = re.compile(r"<iframe\b([^>]*)>(.*?)</iframe>", re.IGNORECASE | re.DOTALL)


def _sandbox_iframes(html: str) -> str:
    """Every kept iframe gets a sandbox; one whose address was not allowed is removed whole."""

    def fix(match: re.Match[str]) -> str:
        attrs = match.group(1)
        if "src=" not in attrs:
            return ""
        if "sandbox=" not in attrs:
            attrs += f' sandbox="{_SANDBOX}"'
        if "loading=" not in attrs:
            attrs += ' loading="lazy"'
        return f"<iframe{attrs}></iframe>"

    return _IFRAME.sub(fix, html)
