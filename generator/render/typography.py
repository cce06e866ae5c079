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
from bisect import bisect_right
from itertools import accumulate

NBSP = "\u00a0"
_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_RAW = frozenset({"script", "style", "pre", "code", "kbd", "samp", "textarea", "title"})  # <title>: tabs, bookmarks
_RAW_TAG = re.compile(rf"<(/?)({'|'.join(sorted(_RAW))})(?![a-zA-Z0-9-])", re.IGNORECASE | re.ASCII)
_RULES = [
    (re.compile(r"(?<=\d) (?=(?:[А-Яа-яЁё%‰]|руб\b|млн\b|тыс\b))"), NBSP),  # «31 год», «200 %», «2026 г.»
    (re.compile(r"(?<=[№§]) (?=\d)"), NBSP),  # «№ 12»
    (re.compile(r"(?<=\b[А-ЯЁ]\.) (?=[А-ЯЁ])"), NBSP),  # «Т. С. Белова»
    (re.compile(r"(?<=[а-яё]) (?=[А-ЯЁ]\.(?:\s?[А-ЯЁ]\.)?(?![А-Яа-яЁё]))"), NBSP),  # «Белова Т. С.»
    # «г. Заречинск», «ул. Школьная», «д. 12»; not the year's «г.» («2026 г. Протокол»)
    (re.compile(r"(?<!\d )(?<!\d\u00a0)(?<![А-Яа-яЁё])((?:г|гг|ул|д|им|пр|пос|рис|см)\.) (?=[А-ЯЁ0-9])"), r"\1" + NBSP),
    (re.compile(r" (?=[—–] )"), NBSP),  # the word before a dash
]
_CANDIDATE = re.compile(r" (?:(?<=[\d№§.] )|[—–] |(?<=[а-яё] )[А-ЯЁ]\.)")
"""Where any of the rules could apply (a space after a digit or a dot, before a dash, between a word and an
initial): most text nodes of a page (indentation, single words) have no such place. A space begins it: the
regex engine then looks for spaces alone, more than twice as fast."""


_DONE: dict[str, str] = {}
"""Texts typeset before, with what they became: nine tenths of the texts of a page are its header's, navigation's
and footer's, the same on every page of a site (and of a district's sections built by one process)."""
_DONE_TEXTS = 50_000  # texts remembered (a region's worker stops remembering new ones after that)
_DONE_LONGEST = 1_000  # characters of a remembered text: longer ones (prose) are seldom seen twice


def typeset_text(text: str) -> str:
    """``text`` (no tags) with Russian non-breaking spaces."""
    if _CANDIDATE.search(text) is None:
        return text
    done = _DONE.get(text)
    if done is None:
        done = text
        for pattern, replacement in _RULES:
            done = pattern.sub(replacement, done)
        if len(text) <= _DONE_LONGEST and len(_DONE) < _DONE_TEXTS:
            _DONE[text] = done
    return done


def typeset(html: str) -> str:
    """Every text node of ``html`` outside raw elements, typeset by :func:`typeset_text`.

    The page is searched whole, not node by node (a page has a thousand of them): once for the places where a
    rule could apply, once for the tags of raw elements."""
    parts = _TOKENS.split(html)  # text, tag or comment, text, …
    texts = parts[0::2]
    raw = _raw_texts(parts[1::2])
    for index in sorted(_marked(texts)):
        inside = bisect_right(raw, (index, len(texts))) - 1  # the last raw range starting at or before it
        if texts[index] and not (inside >= 0 and raw[inside][1] >= index):
            parts[2 * index] = typeset_text(texts[index])
    return "".join(parts)


def _marked(texts: list[str]) -> set[int]:
    """The texts where a rule could apply, and perhaps a few more (a match found across two texts marks both)."""
    ends = list(accumulate(map(len, texts)))
    marked = set()
    for match in _CANDIDATE.finditer("".join(texts)):
        marked.add(bisect_right(ends, match.start()))
        marked.add(bisect_right(ends, match.end() - 1))
    return marked


def _raw_texts(tags: list[str]) -> list[tuple[int, int]]:
    """The texts inside raw elements, as (first, last) ranges of their indexes, in order: the text after
    the ``n``-th tag is the text ``n + 1``. A raw element ends at its own closing tag (``<pre><code>…</pre>``
    stays raw until ``</code>``)."""
    starts = [0, *accumulate(map(len, tags))]
    ranges: list[tuple[int, int]] = []
    stack: list[str] = []
    opened = 0
    for match in _RAW_TAG.finditer("".join(tags)):
        index = bisect_right(starts, match.start()) - 1
        if starts[index] != match.start():  # within a tag or a comment: not a tag of its own
            continue
        closing, name = match.group(1), match.group(2).lower()
        if closing and stack and stack[-1] == name:
            stack.pop()
            if not stack:
                ranges.append((opened, index))
        elif not closing and not tags[index].endswith("/>"):
            if not stack:
                opened = index + 1
            stack.append(name)
    if stack:
        ranges.append((opened, len(tags)))
    return ranges
