"""What a browser does with each kind of file, and so what the checks do with it.

* **scanned** — HTML-like files (:data:`HTML_SUFFIXES`, read with a WHATWG parser as a browser reads
  them) and XML-like files (:data:`XML_SUFFIXES` and every ``…/xml`` or ``…+xml`` type: SVG, XHTML,
  XSLT, XSD, RDF, MathML…, read with lxml). A file of a scanned type that cannot be parsed fails
  the build: a browser might run what the scan could not read.
* **refused** — uploads in ``content/`` that a browser runs or hands to a plug-in as they are
  (:data:`REFUSED_UPLOADS`: JavaScript, WebAssembly, Flash, HTA…), compressed SVG (not scannable as
  served), and PDF files with active content (:func:`pdf_active_content`: JavaScript, actions on
  opening, launching programs, forms that send data, embedded files).
* **published as they are** — everything else (images, which are re-encoded by
  :mod:`generator.rules.images`; office documents, which browsers download).
"""

from __future__ import annotations

import mimetypes
import os
import re
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePath

MAX_READ = 50 * 1024 * 1024  # what the checks read of a file or an archive member: a bigger one is not published
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # what MkDocs renders as pages
HTML_SUFFIXES = frozenset({".html", ".htm", ".shtml", ".mht", ".mhtml"})
XML_SUFFIXES = frozenset(
    {
        ".svg", ".xml", ".xsl", ".xslt", ".xsd", ".xhtml", ".xht", ".rdf", ".rss", ".atom", ".mml", ".mathml",
        ".xul", ".xbl", ".kml", ".gpx", ".opf", ".wsdl", ".rng", ".xlf", ".xliff", ".smil", ".smi", ".dtd", ".ent",
        ".plist", ".dae", ".xspf", ".owl", ".xaml", ".gml", ".xmi", ".tei", ".xlink", ".ttml", ".dfxp",
    }
)  # fmt: skip
REFUSED_UPLOADS: dict[str, str] = {
    **dict.fromkeys((".js", ".mjs", ".cjs", ".jsm", ".es"), "файл JavaScript"),
    ".wasm": "программа WebAssembly",
    **dict.fromkeys((".swf", ".spl"), "ролик Flash"),
    **dict.fromkeys((".jar", ".class", ".jnlp"), "программа Java"),
    **dict.fromkeys((".hta", ".htc", ".vbs", ".wsf", ".xbap", ".appcache"), "файл, который браузер выполняет"),
    ".svgz": "сжатый SVG (его нельзя проверить так, как его прочтёт браузер)",
    **dict.fromkeys((".xpi", ".crx"), "расширение браузера"),
}


def scanned_kind(name: str) -> str | None:
    """``"html"``, ``"xml"`` or None: how a file named ``name`` is read by a browser."""
    suffix = PurePath(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in XML_SUFFIXES:
        return "xml"
    guessed, encoding = mimetypes.guess_type(name, strict=False)
    if guessed is None or encoding is not None:
        return None
    if guessed == "text/html":
        return "html"
    if guessed.endswith(("+xml", "/xml")):
        return "xml"
    return None


def refused_upload(name: str) -> str | None:
    """What an upload named ``name`` is, when it is never published (a script, a plug-in's program)."""
    return REFUSED_UPLOADS.get(PurePath(name).suffix.lower())


# PDF names may spell letters as #xx (/J#61vaScript); they are decoded before they are looked for.
_PDF_NAME = re.compile(rb"/((?:[A-Za-z0-9_.+-]|#[0-9A-Fa-f]{2})+)")
_ACTIVE = {
    b"JS": "JavaScript",
    b"JavaScript": "JavaScript",
    b"OpenAction": "действие при открытии",
    b"AA": "автоматическое действие",
    b"Launch": "запуск программы",
    b"SubmitForm": "отправка формы",
    b"ImportData": "загрузка данных",
    b"RichMedia": "встроенный мультимедийный объект",
    b"EmbeddedFile": "вложенный файл",
    b"XFA": "форма XFA",
}
_STREAM = re.compile(rb"stream\r?\n")
MAX_INFLATED = 64 * 1024 * 1024  # all a PDF's compressed streams together, unpacked, when searched


def pdf_active_content(raw: bytes) -> str | None:
    """What active content the PDF ``raw`` holds (by its Russian description), or None.

    The names are searched in the file and inside every compressed stream (object streams hide
    dictionaries there); a stream that unpacks beyond :data:`MAX_INFLATED` in all counts as active.
    """
    found = _active_name(raw)
    if found:
        return found
    budget = MAX_INFLATED
    for match in _STREAM.finditer(raw):
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(raw[match.end() : match.end() + 32 * 1024 * 1024], budget)
        except zlib.error:
            continue
        budget -= len(chunk)
        if budget <= 0 or inflater.unconsumed_tail:
            return "сжатые данные слишком большого объёма"
        found = _active_name(chunk)
        if found:
            return found
    return None


def _active_name(raw: bytes) -> str | None:
    for match in _PDF_NAME.finditer(raw):
        name = match.group(1)
        if b"#" in name:
            name = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name)
        if name in _ACTIVE:
            return _ACTIVE[name]
    return None


def visible_files(root: str | os.PathLike[str], follow_links: bool = False) -> Iterator[str]:
    """The files under ``root`` as paths relative to it («partials/nav.html»), without entering hidden folders:
    mkdocs-material keeps 14,000 icons in ``.icons/``, and walking them costs a build a twentieth of a second."""
    for folder, subfolders, names in os.walk(root, followlinks=follow_links):
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        relative = os.path.relpath(folder, root)
        for name in names:
            yield (name if relative == "." else os.path.join(relative, name)).replace(os.sep, "/")


def site_files(site: Path) -> list[Path]:
    """Every file of the built tree ``site``, sorted by path: what the post-build checks walk (once, for all)."""
    return sorted(path for path in site.rglob("*") if path.is_file())


def html_count(site: Path) -> int:
    """How many pages (entries named ``*.html``) the built tree ``site`` holds; links to folders not followed."""
    return sum(
        name.endswith(".html") for _, folders, files in os.walk(site) for names in (folders, files) for name in names
    )
