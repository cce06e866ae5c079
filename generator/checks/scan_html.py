"""HTML read as a browser reads it: the WHATWG parsing algorithm (Lexbor, through selectolax).

lxml and Python's ``html.parser`` build a different tree from some markup than a browser does
(``<svg><style>…``, ``<noscript>``, ``<math>``): that difference is how mutation XSS slips past a
check. Lexbor implements the HTML standard's tokenizer and tree builder, so the elements and
attributes seen here are the ones a browser creates.

One thing depends on the browser's settings: with scripting enabled (as every visitor has it),
``<noscript>`` holds raw text; Lexbor parses as with scripting disabled (markup inside it). A page
with ``<noscript>`` is therefore read both ways — the second time with it renamed ``<noembed>``,
which the standard always parses as raw text, exactly as ``<noscript>`` with scripting enabled.
``<template>`` contents, which Lexbor keeps apart, are read as a page of their own.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial

from selectolax.lexbor import LexborHTMLParser, LexborNode

from generator.checks.scan_rules import (
    CONTENT_AREA,
    SUSPECT_TAGS,
    Embeds,
    Finding,
    attribute_findings,
    element_findings,
    finding,
)

ScriptJudge = Callable[[LexborNode, bool], Iterator[Finding]]
_NOSCRIPT = re.compile(r"<(/?)noscript(?=[\s/>])", re.IGNORECASE)
_TEMPLATE_BODY = re.compile(r"\A<template\b[^>]*>(.*)</template>\Z", re.DOTALL | re.IGNORECASE)
_HARMLESS: set[tuple[tuple[str, str | None], ...]] = set()
"""Attribute lists in which :func:`.attribute_findings` found nothing: every page repeats its theme's elements."""
_HARMLESS_LIMIT = 100_000


def decode(raw: bytes) -> str:
    """The page's text as a browser decodes it: by its byte order mark, else as UTF-8 (GitHub Pages' header)."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    return raw.decode("utf-8-sig", errors="replace")


def html_findings(text: str, embeds: Embeds, script: ScriptJudge, whole_content: bool) -> Iterator[Finding]:
    """Findings in the HTML ``text``; ``whole_content``: nothing of it is the theme's (an uploaded file, a feed item).

    ``script`` judges each ``<script>`` and ``<form>`` (whether the theme may have written it) and is told whether it is in content.
    """
    yield from _document(text, embeds, script, whole_content)
    if "noscript" in text.lower():
        scripting = _document(_NOSCRIPT.sub(r"<\1noembed", text), embeds, script, whole_content)
        yield from ((what.replace("noembed", "noscript"), hint) for what, hint in scripting)


def _document(text: str, embeds: Embeds, script: ScriptJudge, whole_content: bool, depth: int = 0) -> Iterator[Finding]:
    tree = LexborHTMLParser(text)
    root = tree.root
    if root is None:
        return
    content: set[int] = set()
    if not whole_content:
        for area in tree.css(f".{CONTENT_AREA}"):
            content.update(node.mem_id for node in area.traverse(include_text=False) if node.mem_id != area.mem_id)
    for node in root.traverse(include_text=False):
        tag = (node.tag or "").lower()
        attributes = node.attributes
        if not attributes and tag not in SUSPECT_TAGS:
            continue
        in_content = whole_content or node.mem_id in content
        if attributes:
            listed = tuple(attributes.items())
            if listed not in _HARMLESS:
                found = list(attribute_findings(attributes, partial(_snippet, node), in_content))
                if found:
                    yield from found
                else:
                    if len(_HARMLESS) >= _HARMLESS_LIMIT:
                        _HARMLESS.clear()
                    _HARMLESS.add(listed)
        if tag in ("script", "form"):
            yield from script(node, in_content)
        elif tag == "template" and depth < 8:
            inner = _TEMPLATE_BODY.match(node.html or "")
            if inner:
                yield from _document(inner.group(1), embeds, script, whole_content or in_content, depth + 1)
        if tag in SUSPECT_TAGS:
            text_inside = node.text(deep=True) if tag == "style" else ""
            yield from element_findings(tag, attributes, text_inside, partial(_snippet, node), in_content, embeds)


def fragment_findings(html: str | None, embeds: Embeds, script: ScriptJudge) -> Iterator[Finding]:
    """HTML carried as text (a feed item's description): what a feed reader would render, all of it content."""
    if not html or "<" not in html:
        return
    yield from html_findings(html, embeds, script, whole_content=True)


def _snippet(node: LexborNode) -> str:
    if (node.tag or "").lower() in ("html", "body", "head"):
        attributes = " ".join(f'{key}="{value}"' for key, value in node.attributes.items())
        return f"<{node.tag} {attributes}>"
    return (node.html or f"<{node.tag}>")[:160]


def script_text(node: LexborNode) -> str:
    return node.text(deep=True) or ""


__all__ = ["decode", "finding", "fragment_findings", "html_findings", "script_text"]
