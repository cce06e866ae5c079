"""SVG, XHTML, XSLT and other XML read with lxml, as a browser's XML parser reads them.

A browser runs scripts in XML too: an SVG's ``<script>`` or handler, XHTML inside any XML, an XSLT
stylesheet that writes a page. What this scan cannot read, a browser may still render (Chrome shows
the part of an SVG before the first error, and expands entities declared in the file itself), so:

* a file that does not parse is a finding (with the line of the error);
* entity declarations (``<!ENTITY``) are a finding: the browser would expand them, the scan does not;
* an ``<?xml-stylesheet?>`` that is not CSS, and an XSLT that writes ``<script>`` or a handler, are findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from lxml import etree

from generator.checks.scan_rules import (
    AMBIGUOUS_IN_CONTENT,
    FEED_HTML,
    Embeds,
    Finding,
    attribute_findings,
    element_findings,
    finding,
)

XSL_NAMESPACE = "http://www.w3.org/1999/XSL/Transform"
_ENTITY = re.compile(rb"<!ENTITY", re.IGNORECASE)
_ACTIVE_IN_XML = {"iframe", "frame", "form"}
MAX_XML_BYTES = 50 * 1024 * 1024


def xml_findings(
    path: Path, embeds: Embeds, fragment: Callable[[str | None], Iterator[Finding]], uploaded: bool = True
) -> Iterator[Finding]:
    """Findings in the XML file ``path``; ``fragment`` scans HTML carried as text (a feed item's description).

    A stylesheet instruction is allowed only in a file a plugin wrote (the RSS feed's ``rss.xsl``), not in an upload.
    """
    raw = path.read_bytes()[: MAX_XML_BYTES + 1]
    if len(raw) > MAX_XML_BYTES:
        yield _unreadable("файл больше 50 МБ", None)
        return
    if _ENTITY.search(raw):
        yield finding("объявление сущностей XML (<!ENTITY>), которые браузер раскрыл бы", "<!ENTITY", True)
        return
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(raw, parser)
    except etree.XMLSyntaxError as exc:
        yield _unreadable(str(exc.msg or "").strip(), exc.lineno)
        return
    if root is None:
        return
    if uploaded:
        yield from _stylesheets(root)
    is_feed = etree.QName(root).localname.lower() in ("rss", "feed", "rdf")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        qname = etree.QName(element)
        local = qname.localname.lower()
        snippet = lambda element=element: _snippet(element)  # noqa: E731
        if local == "script":
            yield finding("скрипт в файле SVG/XML", "<script>", in_content=True)
        elif qname.namespace == XSL_NAMESPACE and local in ("element", "attribute"):
            name = (element.get("name") or "").rsplit(":", 1)[-1].lower()
            if name == "script" or name.startswith("on") or "{" in name:
                yield finding("преобразование XSLT, создающее скрипт или обработчик", snippet, True)
        elif local in _ACTIVE_IN_XML:
            yield finding(f"элемент <{local}> в файле SVG/XML", snippet, in_content=True)
        elif local not in AMBIGUOUS_IN_CONTENT:  # unambiguous in XML: MathML, a <textarea> in XHTML
            yield from element_findings(local, dict(element.attrib), element.text or "", snippet, True, embeds)
        yield from attribute_findings(dict(element.attrib), snippet, in_content=True)
        if is_feed and local in FEED_HTML:
            yield from fragment(element.text)


def _stylesheets(root: etree._Element) -> Iterator[Finding]:
    """``<?xml-stylesheet type="text/xsl"?>`` turns the file into whatever page the stylesheet writes."""
    sibling = root.getprevious()
    while sibling is not None:
        stylesheet = isinstance(sibling, etree._ProcessingInstruction) and sibling.target == "xml-stylesheet"
        if stylesheet and "css" not in (sibling.get("type") or "").lower():
            yield finding("подключение XSLT (<?xml-stylesheet?>)", f"<?xml-stylesheet {sibling.text}?>", True)
        sibling = sibling.getprevious()


def _unreadable(reason: str, line: int | None) -> Finding:
    where = f" (строка {line})" if line else ""
    return (
        f"файл не читается как XML{where}: {reason} — браузер может показать и выполнить то, что проверка не прочла",
        "исправьте файл (например, замените &nbsp; на &#160;) или пересохраните его в редакторе SVG; сайт не обновлён",
    )


def _snippet(element: etree._Element) -> str:
    try:
        return etree.tostring(element, encoding="unicode", with_tail=False)[:160]
    except (TypeError, ValueError):
        return f"<{element.tag}>"
