"""The text of every file of the built site, as the name search reads it.

Text files (pages, feeds, CSV, TXT, Markdown, SVG…) are decoded (UTF-8, UTF-16 or Windows-1251), JSON
decoded, gzip unpacked; PDF read by its text layer (pypdf), page by page; office files (DOCX, XLSX,
PPTX, ODT, ODS, ODP) and ZIP archives unpacked, recursively and with size caps. A file that cannot be
read to the end is :class:`Unread`: it is not published.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import logging
import re
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

from generator.checks.names.pieces import Piece, Unread
from generator.filetypes import MAX_READ, site_files

TEXT_SUFFIXES = {
    ".html", ".htm", ".xhtml", ".xml", ".json", ".js", ".txt", ".ics", ".csv", ".tsv", ".md", ".markdown", ".yml",
    ".yaml", ".svg", ".webmanifest", ".xsl", ".vcf", ".rss", ".atom", ".rels",
}  # fmt: skip
LINE_SUFFIXES = {".txt", ".csv", ".tsv", ".md", ".markdown", ".yml", ".yaml", ".ics", ".vcf"}
"""Files an editor writes line by line: a finding names the line (in a page or feed it would not help)."""
ZIP_SUFFIXES = {".zip", ".xlsx", ".docx", ".pptx", ".odt", ".ods", ".odp", ".odg", ".epub", ".xlsm", ".docm"}
MAX_ARCHIVE = 200 * 1024 * 1024  # all members of an archive, unpacked
MAX_MEMBERS = 10_000
MAX_DEPTH = 3  # an archive in an archive in an archive
_ZIP_MAGIC = b"PK\x03\x04"
_PDF_MAGIC = b"%PDF"
_BREAK_TAG = re.compile(
    r"</?(?:\w+:)?(?:p|tc|td|tr|br|cr|tab|row|c|si|h|cell|line-break|s|list-item|table-cell)(?:\s[^>]*)?/?>"
)
"""Office XML elements between words: paragraphs, cells, breaks, tabs (DOCX, XLSX, PPTX, ODF)."""
_TAG = re.compile(r"<[^>]*>")
_LAYOUT = re.compile(r"(?i)(?:^|/)(?:theme\d*|fontTable|fonts?|settings|webSettings|numbering|\[Content_Types\])\.xml$")
"""Office parts that hold no text: colours, fonts, settings, list numbering."""
_OOXML_STYLES = re.compile(r"(?i)^(?:word|xl|ppt)/styles\w*\.xml$")  # (ODF keeps headers and footers in styles.xml)

logging.getLogger("pypdf").setLevel(logging.ERROR)


def site_texts(
    site: Path,
    content_dir: Path | None = None,
    skip: frozenset[str] = frozenset(),
    exclude: frozenset[str] = frozenset(),
    known: frozenset[str] = frozenset(),
    files: Sequence[Path] | None = None,
) -> Iterator[Piece | Unread]:
    """Every text of ``site``: each file's path, then what the file holds.

    The theme's own files (``assets/`` not uploaded into ``content/``) and the files in ``skip``
    (scripts copied from packages) are not read: no data reaches them. Top-level folders in
    ``exclude`` are searched elsewhere (a district's sections, each where it is built); of the files
    in ``known`` (pages searched as MkDocs wrote them, see :mod:`generator.checks.site`) only the path is.
    ``files``: the files of ``site`` (:func:`site_files`), when the caller has walked the tree already.
    """
    for path in files if files is not None else site_files(site):
        rel = path.relative_to(site).as_posix()
        if rel.partition("/")[0] in exclude:
            continue
        yield Piece(rel, None, rel, path=True)
        if rel in skip or rel in known:
            continue
        if content_dir is not None and rel.startswith("assets/") and not (content_dir / rel).exists():
            continue
        yield from file_texts(path, rel)


def file_texts(path: Path, rel: str) -> Iterator[Piece | Unread]:
    suffix = path.suffix.lower()
    with path.open("rb") as stream:
        head = stream.read(4)
        if not (_searched(suffix) or head in (_ZIP_MAGIC, _PDF_MAGIC)):
            return
        stream.seek(0)
        data = stream.read(MAX_READ + 1)
    if len(data) > MAX_READ:
        yield _too_big(rel)
        return
    yield from member_texts(rel, rel, data, 0, None)


def _searched(suffix: str) -> bool:
    return suffix in TEXT_SUFFIXES or suffix in ZIP_SUFFIXES or suffix in (".gz", ".pdf")


def member_texts(rel: str, inner: str, data: bytes, depth: int, where: str | None) -> Iterator[Piece | Unread]:
    """The texts of ``data``: the file ``rel`` itself (``where`` None) or its part ``inner`` (an archive member)."""
    own = where is None
    suffix = PurePosixPath(inner).suffix.lower()
    if suffix == ".gz":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
                unpacked = stream.read(MAX_READ + 1)
        except (OSError, EOFError):
            yield Unread(rel, "сжатый файл (gzip) повреждён, его нельзя проверить", "пересохраните файл")
            return
        if len(unpacked) > MAX_READ:
            yield _too_big(rel)
            return
        yield from member_texts(rel, inner[:-3], unpacked, depth + 1, where)
    elif data[:4] == _PDF_MAGIC or suffix == ".pdf":
        from generator.checks.names.pdf import pdf_texts

        yield from pdf_texts(rel, where, data)
    elif data[:4] == _ZIP_MAGIC or suffix in ZIP_SUFFIXES:
        yield from _archive_texts(rel, data, depth, where)
    elif suffix in TEXT_SUFFIXES or not own:
        text = decode(data)
        yield Piece(
            rel, where, _decoded_json(text) if suffix == ".json" else text, lines=own and suffix in LINE_SUFFIXES
        )


def _archive_texts(rel: str, data: bytes, depth: int, where: str | None) -> Iterator[Piece | Unread]:
    hint = "замените файл таким, который можно прочитать (без пароля, без вложенных архивов), или уберите его"
    if depth >= MAX_DEPTH:
        yield Unread(rel, f"в архиве больше {MAX_DEPTH} уровней вложенных архивов: его нельзя проверить", hint)
        return
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = [m for m in archive.infolist() if not m.is_dir()]
            if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_ARCHIVE:
                yield _too_big(rel)
                return
            office = any(m.filename in ("[Content_Types].xml", "mimetype") for m in members)
            for member in members:
                name = f"{where}/{member.filename}" if where else member.filename
                yield Piece(rel, name, member.filename, path=True)
                if member.flag_bits & 0x1:
                    yield Unread(rel, "в архиве есть файл под паролем: его нельзя проверить", hint)
                    return
                if member.file_size > MAX_READ:
                    yield _too_big(rel)
                    return
                if not _member_searched(member.filename, office):
                    continue
                with archive.open(member) as stream:
                    content = stream.read(MAX_READ + 1)
                if len(content) > MAX_READ:
                    yield _too_big(rel)
                    return
                if office and member.filename.endswith(".xml"):
                    text = decode(content)
                    yield Piece(rel, name, office_text(text))
                    yield Piece(rel, name, text)
                else:
                    yield from member_texts(rel, member.filename, content, depth + 1, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        yield Unread(rel, "архив повреждён или сжат неизвестным способом: его нельзя проверить", hint)


def _member_searched(name: str, office: bool) -> bool:
    suffix = PurePosixPath(name).suffix.lower()
    if office:
        if suffix == ".xml":
            return not _LAYOUT.search(name) and not _OOXML_STYLES.match(name)
        return _searched(suffix)
    return _searched(suffix) or suffix == ""


def office_text(xml: str) -> str:
    """The words of office XML: runs of a paragraph joined («<w:t>Ива</w:t><w:t>нова</w:t>» is «Иванова»),
    paragraphs, cells and tabs apart."""
    return _TAG.sub("", _BREAK_TAG.sub(" ", xml))


def decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM), UTF-16 by its BOM, else Windows-1251 (a table saved by Excel)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        if sum(b >= 0xC0 for b in data[:65536]) > sum(b < 0xC0 and b >= 0x80 for b in data[:65536]):
            return data.decode("cp1251", errors="replace")
        return data.decode("utf-8", errors="replace")


def _decoded_json(text: str) -> str:
    try:
        return json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        return text


def _too_big(rel: str) -> Unread:
    limits = f"{MAX_READ // 2**20} МБ в файле, {MAX_ARCHIVE // 2**20} МБ в распакованном архиве"
    return Unread(
        rel,
        f"файл слишком большой, чтобы проверить его целиком ({limits})",
        "разделите файл на части поменьше или уберите его",
    )
