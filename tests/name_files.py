"""Attachments with a given text, built by hand for the name-guard tests: PDF (with a text layer), DOCX,
XLSX, ODT, PPTX, CSV (Windows-1251), TXT, ZIP (nested), HTML."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import openpyxl

_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Cyr def 1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfrange
<20> <7E> <0020>
<C0> <FF> <0410>
endbfrange
2 beginbfchar
<A8> <0401>
<B8> <0451>
endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def pdf(text: str, pages: int = 1) -> bytes:
    """A PDF whose text layer is ``text`` (Windows-1251 codes, a ToUnicode map to Cyrillic), on its last page."""
    if not text:
        return _pdf([b""] * pages)
    body = text.encode("cp1251").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return _pdf(
        [b"BT /F1 12 Tf 50 700 Td (page) Tj ET"] * (pages - 1) + [b"BT /F1 12 Tf 50 700 Td (" + body + b") Tj ET"]
    )


def _pdf(streams: list[bytes]) -> bytes:
    n = len(streams)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{5 + 2 * i} 0 R" for i in range(n)).encode()
    objects.append(b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(n).encode() + b" >>")
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 4 0 R >>"
    )
    objects.append(b"<< /Length " + str(len(_CMAP)).encode() + b" >>\nstream\n" + _CMAP + b"\nendstream")
    for i, stream in enumerate(streams):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents " + str(6 + 2 * i).encode() + b" 0 R >>"
        )
        objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def docx_bytes(text: str) -> bytes:
    document = docx.Document()
    paragraph = document.add_paragraph()
    half = len(text) // 2  # two runs: Word splits words into runs at will
    paragraph.add_run(text[:half])
    paragraph.add_run(text[half:]).bold = True
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def xlsx_bytes(text: str) -> bytes:
    book = openpyxl.Workbook()
    book.active["B2"] = text
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _zip(members: dict[str, bytes | str]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def odt_bytes(text: str) -> bytes:
    half = len(text) // 2
    body = f"<text:p>{text[:half]}<text:span text:style-name='T1'>{text[half:]}</text:span></text:p>"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        f"{body}</office:text></office:body></office:document-content>"
    )
    return _zip({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content})


def pptx_bytes(text: str) -> bytes:
    half = len(text) // 2
    slide = (
        '<?xml version="1.0" encoding="UTF-8"?><p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"><p:cSld><p:spTree><p:sp><p:txBody>'
        f"<a:p><a:r><a:t>{text[:half]}</a:t></a:r><a:r><a:t>{text[half:]}</a:t></a:r></a:p>"
        "</p:txBody></p:sp></p:spTree></p:cSld></p:sld>"
    )
    return _zip({"[Content_Types].xml": "<Types/>", "ppt/slides/slide1.xml": slide})


def zip_bytes(text: str) -> bytes:
    inner = _zip({"spisok.txt": text.encode("utf-8")})
    return _zip({"readme.txt": "архив", "vlozhennyj.zip": inner})


FORMATS = {
    "page.html": lambda text: f"<html><body><p>{text}</p></body></html>".encode(),
    "spisok.txt": lambda text: ("строка\n" + text + "\n").encode(),
    "tablica.csv": lambda text: f"№;ФИО\n1;{text}\n".encode("cp1251", errors="replace"),
    "zametka.md": lambda text: f"# Заметка\n\n{text}\n".encode(),
    "risunok.svg": lambda text: f'<svg xmlns="http://www.w3.org/2000/svg"><text>{text}</text></svg>'.encode(),
    "prikaz.pdf": lambda text: pdf(text, pages=2),
    "anketa.docx": docx_bytes,
    "tablica.xlsx": xlsx_bytes,
    "otchet.odt": odt_bytes,
    "slajdy.pptx": pptx_bytes,
    "arhiv.zip": zip_bytes,
}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_bytes(FORMATS[name](text))
    return path
