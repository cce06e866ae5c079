"""What MkDocs and mkdocs-material print without escaping, made inert before any template runs.

MkDocs renders its theme with autoescaping off, and mkdocs-material prints several values from a
page straight into the HTML: the title (``<title>``, the header, the navigation, the footer, the
search index), front-matter values such as ``description`` (``<meta content="…">``), the table of
contents, and the blog's excerpts of news posts (rendered from the posts' Markdown on their own,
past the plugin's cleaning of the post pages). A title ``"><script>…`` would run on every page.

Feeds, too: the RSS plugin renders a post's raw Markdown (or its description, taken as HTML) into
each item's description, which feed readers display as HTML. :func:`harden_feeds` cleans them
after they are written.

So the plugin passes every page through :func:`harden_page` once its content is rendered, and
every blog view through :func:`harden_view`: text becomes :class:`~markupsafe.Markup` holding the
HTML-escaped text. Markup prints escaped where the theme does not escape, and is not escaped a
second time where it does (``|e``, autoescaped templates such as the RSS feed's), so both kinds of
template show the text exactly as written.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import nh3
from lxml import etree
from markupsafe import Markup, escape

from generator.render.markup import clean_html


def inert(value: object) -> Markup:
    """Text → Markup with the HTML escaped (Markup stays as it is)."""
    return escape(value)


def inert_values(value: Any) -> Any:
    """Every string inside ``value`` (dicts, lists) made inert; other values unchanged."""
    if isinstance(value, str):
        return inert(value)
    if isinstance(value, dict):
        return {key: inert_values(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(inert_values(item) for item in value)
    return value


def harden_page(page: Any) -> None:
    """Title, front matter and table of contents of ``page`` (an MkDocs Page) made inert."""
    title = page.title
    page.meta = inert_values(page.meta)
    if title is not None:
        page.title = inert(title)
    harden_toc(page.toc)


def harden_toc(items: Any) -> None:
    """Table-of-contents entries are HTML already (``&lt;`` stays escaped); only tags are removed."""
    for item in items:
        if not isinstance(item.title, Markup):
            item.title = Markup(nh3.clean(str(item.title), tags=set()))
        harden_toc(item.children)


def harden_view(context: dict[str, Any], embed_hosts: tuple[str, ...]) -> None:
    """A blog view (index, archive, category): the excerpts it shows are cleaned like the posts."""
    for excerpt in context.get("posts") or ():
        excerpt.content = clean_html(excerpt.content or "", embed_hosts)
        if getattr(excerpt, "more", None):
            excerpt.more = clean_html(excerpt.more, embed_hosts)
        harden_toc(excerpt.toc)
    page = context.get("page")
    if page is not None:
        harden_toc(page.toc)


FEED_HTML_ELEMENTS = ("description", "{http://purl.org/rss/1.0/modules/content/}encoded")


def harden_feeds(site: Path, embed_hosts: tuple[str, ...]) -> None:
    """RSS items' descriptions and JSON Feed items' ``content_html`` cleaned like the posts themselves."""
    for path in sorted(site.glob("feed_*.xml")):
        tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True))
        for element in tree.iter(*FEED_HTML_ELEMENTS):
            if element.text:
                element.text = clean_html(element.text, embed_hosts)
        _replace(path, etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    for path in sorted(site.glob("feed_*.json")):
        feed = json.loads(path.read_text("utf-8"))
        for item in feed.get("items", []):
            if isinstance(item.get("content_html"), str):
                item["content_html"] = clean_html(item["content_html"], embed_hosts)
        _replace(path, json.dumps(feed, ensure_ascii=False, indent=4).encode("utf-8"))


def _replace(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.nastavnik-tmp")
    temporary.write_bytes(data)
    os.replace(temporary, path)
