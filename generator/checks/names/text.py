"""Text as a reader sees it: what the name search reads instead of the bytes of a file."""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import unquote

_PERCENT_CYRILLIC = re.compile(r"%[dD][01]%")
_PERCENT_RUN = re.compile(r"(?:%[0-9A-Fa-f]{2})+")
_TYPESET = str.maketrans({"\u00a0": " ", "№": "No"})
"""The non-breaking space and «№» of every typeset page, as NFKC writes them (no mark combines with them)."""
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


def normalize(text: str) -> str:
    """Text as a reader sees it: tag names dropped (attribute values kept), entities decoded, NFKC (full-width
    and styled letters as plain ones), invisible characters dropped, «ё» = «е»."""
    text = _TAG_START.sub(" ", text)
    text = html.unescape(html.unescape(text))  # twice: an escaped entity in JSON or XML («&amp;#1048;»)
    if _PERCENT_CYRILLIC.search(text):  # an address: files/%D0%98%D0%B2… is «files/Ив…»
        text = _PERCENT_RUN.sub(lambda run: unquote(run.group(0)), text)  # as unquote(text), without the rest
    return plain_text(text)


def plain_text(text: str) -> str:
    """NFKC, default-ignorable characters dropped, «ё» = «е» (no markup handling)."""
    text = text.translate(_TYPESET)  # what NFKC makes of them: a typeset page then needs no normalizing at all
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _IGNORABLE.sub("", text)
    return text.replace("ё", "е").replace("Ё", "Е")


def readable(text: str) -> tuple[str, str]:
    """(normalized text, the same lower-cased letter for letter), look-alike letters read as Cyrillic."""
    read = normalize(text)
    lowered = lower(read)
    if _MIXED.search(lowered):
        read = read.translate(_LOOKALIKES)
        lowered = lower(read)
    return read, lowered


def lower(text: str) -> str:
    """``text`` lower-cased letter for letter (positions stay, even for «İ», whose lower case is longer)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
