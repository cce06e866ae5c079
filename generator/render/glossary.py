"""The glossary on the pages: a term's first appearance in a text becomes ``<abbr title="…">`` (a tooltip)."""

from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

from generator.models.glossary import Term, term_patterns


@lru_cache(maxsize=1)
def _patterns():  # type: ignore[no-untyped-def]
    return term_patterns()


def glossed(text: object) -> Markup:
    """``text`` escaped, each glossary term's first appearance in it explained by a tooltip (never inside one)."""
    parts = [str(escape(text))]
    for term, pattern in _patterns():
        for index, part in enumerate(parts):
            if part.startswith("<abbr"):
                continue
            found = pattern.search(part)
            if found:
                word = _abbr(found.group(1), term)
                parts[index : index + 1] = [part[: found.start(1)], word, part[found.end(1) :]]
                break
    return Markup("".join(parts))


def _abbr(word: str, term: Term) -> str:
    return f'<abbr class="nv-term" title="{escape(term.term + ": " + term.definition)}">{word}</abbr>'
