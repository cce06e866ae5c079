"""Site search: the index's settings, the text it reads, and the index file as UTF-8.

**Russian words.** mkdocs-material builds the index in the browser with lunr and ``lunr.ru``. Its Russian
default pipeline is ``stopWordFilter`` alone, so a word was found only in the form it was typed
(«семинаром» did not find «семинар»). :func:`configure_search` turns the Russian stemmer on (the trimmer
stays off: ``lunr.ru``'s trimmer would erase numbers and Latin words) and splits words at punctuation too.
Material puts a ``*`` after every typed word, and lunr does not stem such terms; the theme's worker
``theme/assets/javascripts/workers/nastavnik-search.js`` stems the typed words itself, so a word in any
form and a word being typed (a prefix) both find the pages.

**Cells apart.** Material's indexer joins text nodes without spaces: table cells and definition lists came
out glued («Всего4314553»). :func:`spaced` puts a line break after the closing tags of cells, rows and
blocks in the copy the indexer reads; the page written to ``site/`` stays as it was.

**The words around every page.** The skip link, the bar of the version for the visually impaired and the
footer stand on every page but are no page's content, so Material leaves them out; a reader who types
«версию для слабовидящих» or the school's address should still land somewhere. :func:`rewrite_utf8` adds
them once, as a section of the home page that leads to the switch.

**People.** The index is made from the pages as rendered, so it holds exactly the names the pages hold,
under the same consent rules; nothing else is added to it here.

**UTF-8.** Material writes ``search/search_index.json`` with ``json.dumps``' default ``ensure_ascii=True``:
every Cyrillic letter becomes six bytes (``\\u043d``) instead of two. :func:`rewrite_utf8` rewrites the file
after the search plugin has written it; the browser reads the same JSON, and the index is about half the size.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser

INDEX = Path("search") / "search_index.json"
FRAME = (".nv-skip", ".nv-topbar", ".md-footer")  # what stands around every page's content
FRAME_TITLE = "Версия для слабовидящих, контакты"
FRAME_LOCATION = "#nv-a11y-switch"
PIPELINE = ["stopWordFilter", "stemmer"]
# Whitespace, hyphens and dashes, and the punctuation Russian text puts right after or before a word.
SEPARATOR = r"[\s\-–—.,;:!?«»„“”\"()\[\]/…]+"
_BLOCK_END = re.compile(
    r"(</(?:td|th|tr|li|dt|dd|p|h[1-6]|caption|figcaption|div|section|blockquote|summary)>|<br\s*/?>)(?=<)"
    r"|(</span>)(?=<span\b)",  # a chart's label and its value
    re.IGNORECASE,
)


def configure_search(config: Any) -> None:
    """Russian stemming and word separators for Material's search, unless ``mkdocs.yml`` sets its own."""
    plugin = config.plugins.get("material/search") or config.plugins.get("search")
    if plugin is None:
        return
    settings = plugin.config
    languages = settings.lang or [config.theme.get("language") or "en"]
    if "ru" not in languages:
        return
    if settings.pipeline is None:
        settings.pipeline = list(PIPELINE)
    if settings.separator is None:
        settings.separator = SEPARATOR


def spaced(html: str) -> str:
    """``html`` with a line break after each closing cell, row or block tag that another tag follows."""
    return _BLOCK_END.sub(lambda match: match.group(0) + "\n", html)


def rewrite_utf8(site_dir: Path) -> int | None:
    """Rewrite ``site_dir``'s search index without escapes; return its new size in bytes (None: no index)."""
    path = site_dir / INDEX
    if not path.is_file():
        return None
    data = json.loads(path.read_bytes())
    frame = _frame_text(site_dir / "index.html")
    docs = data.get("docs")
    if frame and isinstance(docs, list) and not any(d.get("location") == FRAME_LOCATION for d in docs):
        docs.append({"location": FRAME_LOCATION, "title": FRAME_TITLE, "text": frame})
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = text.encode("utf-8")
    path.write_bytes(payload)
    return len(payload)


def _frame_text(home: Path) -> str:
    """The text around the home page's content (skip link, top bar, footer) as HTML paragraphs, escaped."""
    if not home.is_file():
        return ""
    tree = LexborHTMLParser(home.read_text("utf-8"))
    parts = []
    for selector in FRAME:
        for node in tree.css(selector):
            text = " ".join(node.text(separator=" ").split())
            if text:
                parts.append("<p>" + html.escape(text, quote=False) + "</p>")
    return "".join(parts)
