"""Text as a reader sees it: what the name search reads instead of the bytes of a file."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import unquote

_PERCENT_CYRILLIC = re.compile(r"%[dD][01]%")
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_TYPESET = (("\u00a0", " "), ("\u202f", " "), ("№", "No"))
"""The non-breaking spaces and «№» of every typeset page («22\u00a0ноября 2026\u202fг.»), as NFKC writes them (no
mark combines with them). Replaced one by one: ``str.translate`` would take eighty times as long on a page."""
_TAG_START = re.compile(r"<[a-zA-Z/!?][\w:-]*|>")
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f"
    "\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
"""Unicode's Default_Ignorable_Code_Point: characters that show nothing («Ива\u034fнова» reads «Иванова»)."""
_LOOKALIKES = str.maketrans(
    "aeopcxyAEOPCXYBHKMTαεορτυκχΑΒΕΗΚΜΟΡΤΥΧ",
    "аеорсхуАЕОРСХУВНКМТаеортукхАВЕНКМОРТУХ",
)
"""Latin and Greek letters that look like Cyrillic ones: «Ивaнова» typed with a Latin «a» is still a name."""
_CONFUSABLE = "abcehkmoptxyαεορτυκχ"
_MIXED = re.compile(  # (factored by the first letter: twice as fast as four alternatives)
    rf"[{_CONFUSABLE}](?:[а-я]"  # inside a word: «ивaнова»
    rf"|(?<=(?<![a-z])[{_CONFUSABLE}])\.\s{{0,2}}[а-я])"  # a Latin initial before Cyrillic: «m. иванова», «m.п.»
    rf"|[а-я](?:[{_CONFUSABLE}]|[.,]?\s{{1,2}}[{_CONFUSABLE}]\.(?![a-z]))"  # … inside a word, or after it
)
"""Lower-cased text where a look-alike stands among Cyrillic letters («ивaнова», «m.п. иванова»). Only such
text is translated: translating every page would cost more than the rest of the search. (A name spelt
wholly in Latin letters is transliteration, searched for separately.)"""


_OPEN_TAIL = re.compile(rf"(?:[{_CONFUSABLE}]\.|[а-я][.,]?)\s?\Z")
_OPEN_HEAD = re.compile(rf"\s?(?:[а-я]|[{_CONFUSABLE}]\.)")
"""A line's end and the next line's start that a match of :data:`_MIXED` may join: its only way across a line
break is as one of its at most two spaces («m.\\nиванова»)."""
_MIXED_LONGEST = 6  # characters of a match of :data:`_MIXED`
_OPEN_TAIL_LONGEST = 3  # … and of :data:`_OPEN_TAIL`


def normalize(text: str) -> str:
    """Text as a reader sees it: tag names dropped (attribute values kept), entities decoded, NFKC (full-width
    and styled letters as plain ones), invisible characters dropped, «ё» = «е»."""
    text = _untagged(text)
    if _PERCENT_CYRILLIC.search(text):  # an address: files/%D0%98%D0%B2… is «files/Ив…»
        text = _unquoted(text)
    return plain_text(text)


def _untagged(text: str) -> str:
    """Tag names dropped (attribute values kept), entities decoded."""
    return html.unescape(html.unescape(_TAG_START.sub(" ", text)))  # twice: «&amp;#1048;» in JSON or XML


def _unquoted(text: str) -> str:
    """Percent-escapes decoded, as ``unquote(text)`` does, without touching the rest."""
    return _PERCENT_RUN.sub(lambda run: unquote(run.group(0)), text)


def plain_text(text: str) -> str:
    """NFKC, default-ignorable characters dropped, «ё» = «е» (no markup handling)."""
    for typeset, normal in _TYPESET:  # what NFKC makes of them: a typeset page then needs no normalizing at all
        text = text.replace(typeset, normal)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _IGNORABLE.sub("", text)
    return text.replace("ё", "е").replace("Ё", "Е")


def readable(text: str) -> tuple[str, str]:
    """(normalized text, the same lower-cased letter for letter), look-alike letters read as Cyrillic."""
    read = normalize(text)
    lowered = lower(read)
    if _MIXED.search(lowered):
        read = as_cyrillic(read)
        lowered = lower(read)
    return read, lowered


def as_cyrillic(text: str) -> str:
    """``text`` with the Latin and Greek letters that look like Cyrillic ones read as those."""
    return text.translate(_LOOKALIKES)


def lower(text: str) -> str:
    """``text`` lower-cased letter for letter (positions stay, even for «İ», whose lower case is longer)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a text (split at «\\n»), as :func:`readable` reads it. Nothing :func:`normalize` does crosses a
    line break (a tag's name, an entity, a run of percent-escapes; NFKC composes nothing with «\\n»), so the
    lines of a text, read one by one and joined, read as the text does; a page's frame is read once per site.
    Two things are decided for the whole text: whether percent-escapes are decoded, and whether look-alike
    letters are read as Cyrillic (:func:`mixed`)."""

    read: str
    lowered: str
    percent: bool  # holds an escaped Cyrillic letter: then the escapes of every line are decoded
    escapes: bool  # holds a «%»: decoding them may change it
    mixed: bool  # a look-alike letter among Cyrillic ones within the line
    open_tail: bool  # may begin such a run that goes on in the next line
    open_head: bool  # may end one begun in the line before (or lie within one: an empty line)


def untagged(line: str) -> str | None:
    """``line`` untagged, as :func:`read_untagged` takes it; None when reading it will do that anyway at no cost
    to learn :attr:`Line.percent` first (no «%» and no «&»: no escape, no entity)."""
    return _untagged(line) if "%" in line or "&" in line else None


def escaped_cyrillic(text: str | None) -> bool:
    """:attr:`Line.percent` of a line, from its :func:`untagged` text."""
    return text is not None and _PERCENT_CYRILLIC.search(text) is not None


def read_line(line: str, decode: bool) -> Line:
    """``line`` (no «\\n» in it) read as :func:`normalize` reads it in a text; ``decode``: the text holds an escaped
    Cyrillic letter somewhere, so percent-escapes are decoded (:attr:`Line.percent` of a line read without)."""
    return read_untagged(_untagged(line), decode)


def read_untagged(text: str, decode: bool) -> Line:
    """:func:`read_line` of a line whose tags and entities are already undone (a page's line read for the first
    time: its entities were decoded once to learn whether it holds an escaped Cyrillic letter)."""
    percent = bool(_PERCENT_CYRILLIC.search(text))
    if decode and "%" in text:
        text = _unquoted(text)
    read = plain_text(text)
    lowered = lower(read)
    return Line(
        read,
        lowered,
        percent,
        "%" in text,
        not lowered.isascii() and _MIXED.search(lowered) is not None,  # (no Cyrillic letter: nothing mixed)
        _OPEN_TAIL.search(lowered, max(0, len(lowered) - _OPEN_TAIL_LONGEST)) is not None,
        not lowered or _OPEN_HEAD.match(lowered) is not None,
    )


def mixed(lines: Sequence[Line]) -> bool:
    """Whether :func:`readable` reads look-alike letters as Cyrillic in the text of ``lines`` joined by «\\n»: a
    look-alike stands among Cyrillic letters within a line, or across a line break."""
    if any(line.mixed for line in lines):
        return True
    after = lines[1:]
    breaks = [index for index, line in enumerate(lines[:-1]) if line.open_tail and after[index].open_head]
    return bool(breaks) and _mixed_across(lines, breaks)


def _mixed_across(lines: Sequence[Line], breaks: list[int]) -> bool:
    """Whether a look-alike among Cyrillic letters crosses the line break after one of the lines ``breaks``."""
    reach = _MIXED_LONGEST + 2  # a match beginning by the break, with the letter around it that it looks at
    for index in breaks:
        first = last = index
        while first > 0 and sum(len(line.lowered) + 1 for line in lines[first : index + 1]) <= reach:
            first -= 1
        while last + 1 < len(lines) and sum(len(line.lowered) + 1 for line in lines[index + 1 : last + 1]) <= reach:
            last += 1
        window = "\n".join([line.lowered for line in lines[first : last + 1]])
        brk = sum(len(line.lowered) + 1 for line in lines[first : index + 1]) - 1
        # The search's lookbehind sees the text before ``pos``; a match beginning by the break ends in the window.
        found = _MIXED.search(window, max(0, brk - _MIXED_LONGEST - 1), brk + reach)
        if found is not None and found.start() <= brk:
            return True
    return False
