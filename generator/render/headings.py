"""Headings inside Markdown from the data (a practice's text, a mentor's story) join the page's contents.

Such Markdown is rendered apart (:func:`generator.render.markup.render_markdown`) and put into the page as
HTML, so MkDocs' table of contents never saw its headings: a practice's contents list showed
«Результаты» and «Материалы» but none of the text's own sections. :func:`anchor_headings` gives each
``<h2>``/``<h3>`` without an id a Latin id and the «¶» link the page's own headings have, and lists every
``<h2>``/``<h3>`` of the page in order for the contents.
"""

from __future__ import annotations

import html as html_lib
import re

from generator.render.env import slugify

_HEADING = re.compile(r"<h([23])(\s[^>]*)?>(.*?)</h\1>", re.DOTALL | re.IGNORECASE)
_ID = re.compile(r'\bid="([^"]+)"')
_TAGS = re.compile(r"<[^>]+>")
_PERMALINK = re.compile(r'<a class="headerlink".*?</a>', re.DOTALL)


def _title(inner: str) -> str:
    return html_lib.unescape(_TAGS.sub("", _PERMALINK.sub("", inner))).strip()


def anchor_headings(html: str) -> tuple[str, list[tuple[int, str, str]]]:
    """``html`` with ids on its plain ``<h2>``/``<h3>``, and ``(level, id, title)`` of each, in page order.

    Headings with a class (a card's title, say) are not sections of the page: left as they are, not listed.
    The list is empty when no heading needed an id: the page's contents are right as they are.
    """
    taken = set(_ID.findall(html))
    found: list[tuple[int, str, str]] = []

    def visit(match: re.Match[str]) -> str:
        level, attrs, inner = int(match.group(1)), match.group(2) or "", match.group(3)
        title = _title(inner)
        if "class=" in attrs:
            return match.group(0)
        known = _ID.search(attrs)
        if known:
            found.append((level, known.group(1), title))
            return match.group(0)
        base = slugify(title) or "razdel"
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        taken.add(anchor)
        found.append((level, anchor, title))
        link = f'<a class="headerlink" tabindex="-1" href="#{anchor}" title="Ссылка на этот раздел">¶</a>'
        return f'<h{level}{attrs} id="{anchor}">{inner}{link}</h{level}>'

    result = _HEADING.sub(visit, html)
    return (result, found) if result != html else (html, [])
