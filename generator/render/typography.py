"""Russian typography of every built page, done once here and never by hand in the data.

Non-breaking spaces where Russian typesetting keeps words together: a number and what it counts
(«31 год», «2026 г.», «200 %»), «№ 12» and «§ 3», initials and the surname they belong to
(«Т. С. Белова», «Белова Т. С.»), the short abbreviations «г.», «ул.», «д.», «им.» and the word after
them, and the word before a dash («Наставник года — 2026»). Only text between tags changes: never a tag,
an attribute (so never a URL), nor anything inside ``<script>``, ``<style>``, ``<pre>``, ``<code>``,
``<kbd>``, ``<samp>``, ``<textarea>`` or ``<title>`` (tabs and bookmarks show it as typed). Hyphenation itself is the browser's (``lang="ru"`` and
``hyphens: auto`` in the theme's stylesheet).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_RAW = frozenset({"script", "style", "pre", "code", "kbd", "samp", "textarea", "title"})  # <title>: tabs, bookmarks
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")
_RULES = [
    (re.compile(r"(?<=\d) (?=(?:[А-Яа-яЁё%‰]|руб\b|млн\b|тыс\b))"), NBSP),  # «31 год», «200 %», «2026 г.»
    (re.compile(r"(?<=[№§]) (?=\d)"), NBSP),  # «№ 12»
    (re.compile(r"(?<=\b[А-ЯЁ]\.) (?=[А-ЯЁ])"), NBSP),  # «Т. С. Белова»
    (re.compile(r"(?<=[а-яё]) (?=[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?(?![А-Яа-яЁё]))"), NBSP),  # «Белова Т. С.»
    # «г. Заречинск», «ул. Школьная», «д. 12»; not the year's «г.» («2026 г. Протокол»)
    (re.compile(r"(?<!\d )(?<!\d\u00a0)(?<![А-Яа-яЁё])((?:г|гг|ул|д|им|пр|пос|рис|см)\.) (?=[А-ЯЁ0-9])"), r"\1" + NBSP),
    (re.compile(r" (?=[—–] )"), NBSP),  # the word before a dash
]
_CANDIDATE = re.compile(r"[\d№§.] | [—–] |[а-яё] [А-ЯЁ]\.")
"""Where any of the rules could apply: most text nodes of a page (indentation, single words) have no such place."""


def typeset_text(text: str) -> str:
    """``text`` (no tags) with Russian non-breaking spaces."""
    if _CANDIDATE.search(text) is None:
        return text
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def typeset(html: str) -> str:
    """Every text node of ``html`` outside raw elements, typeset by :func:`typeset_text`."""
    parts = _TOKENS.split(html)
    raw: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:  # a tag or a comment
            tag = _TAG.match(part)
            if tag is None:
                continue
            closing, name = tag.group(1), tag.group(2).lower()
            if name in _RAW:
                if closing and raw and raw[-1] == name:
                    raw.pop()
                elif not closing and not part.endswith("/>"):
                    raw.append(name)
        elif part and not raw:
            parts[i] = typeset_text(part)
    return "".join(parts)
