"""Library PDFs without text: ``check`` names each one with the fix; ``nastavnik ocr`` adds the text layer.

The scan is made here: a DOCX written with python-docx, turned into a PDF by LibreOffice, rendered to
an image and saved as a JPEG-only PDF (tests/office_builders.py) — a file like a scanner's.
"""

from __future__ import annotations

import shutil

import pikepdf
import pytest

from conftest import copy_portal, run_cli
from generator.checks.names.pdf import has_text_layer
from import_builders import DocxBuilder
from office_builders import libreoffice, scanned_pdf

pytestmark = pytest.mark.office  # LibreOffice, Tesseract and Ghostscript: `make test` installs them


def _images(path):
    with pikepdf.open(path) as pdf:
        return [bytes(image.read_raw_bytes()) for page in pdf.pages for image in page.get_images().values()]


@pytest.fixture(scope="module")
def scan(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scan")
    doc = DocxBuilder()
    doc.para("ПРИКАЗ № 57-о", bold=True, center=True)
    doc.para("О назначении куратора программы наставничества", bold=True, center=True)
    doc.para("Назначить куратором программы наставничества заместителя директора по учебной работе.")
    doc.para("Утвердить план работы школы молодого педагога на учебный год.")
    (text_pdf,) = libreoffice([doc.save(folder / "prikaz.docx")], "pdf", folder)
    return scanned_pdf(text_pdf, folder / "prikaz-57-o.pdf", dpi=200)


def test_a_scan_in_the_library_is_reported_and_ocr_makes_it_searchable(tmp_path, scan):
    portal = copy_portal("minimal", tmp_path)
    target = portal / "content" / "files" / "prikaz-57-o.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(scan, target)
    target.chmod(0o644)
    assert has_text_layer(target.read_bytes()) is False
    before = _images(target)

    check = run_cli("check", cwd=portal)
    warning = (
        "content/files/prikaz-57-o.pdf: предупреждение: в PDF нет текстового слоя (это скан): его не прочтёт "
        "экранный диктор и не найдёт поиск по сайту — добавьте текстовый слой командой "
        "nastavnik ocr content/files/prikaz-57-o.pdf"
    )
    assert warning in check.out, check.text
    assert run_cli("check", "--strict", cwd=portal).code == 1

    result = run_cli("ocr", "content/files/prikaz-57-o.pdf", cwd=portal)
    assert result.code == 0, result.text
    assert result.out.strip() == "content/files/prikaz-57-o.pdf: добавлен текстовый слой (страницы не изменены)"
    assert has_text_layer(target.read_bytes()) is True
    text = " ".join(run_pdftotext(target).split()).lower()
    assert "наставничества" in text and "куратор" in text
    assert _images(target) == before  # the page image is the same JPEG, byte for byte
    assert oct(target.stat().st_mode & 0o777) == "0o644"
    assert "prikaz-57-o.pdf" not in run_cli("check", cwd=portal).text

    again = run_cli("ocr", "content/files/prikaz-57-o.pdf", cwd=portal)
    assert again.code == 0 and "текстовый слой уже есть — файл не изменён" in again.out


def test_ocr_refuses_what_it_cannot_read_and_leaves_the_file(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4\n garbage")
    other = tmp_path / "note.txt"
    other.write_text("не PDF", "utf-8")
    result = run_cli("ocr", str(broken), str(other), str(tmp_path / "missing.pdf"), cwd=tmp_path)
    assert result.code == 1
    assert "Traceback" not in result.text
    assert f"{broken}: PDF повреждён или защищён паролем" in result.out
    assert f"{other}: это не PDF" in result.out
    assert "missing.pdf: файл не найден" in result.out
    assert broken.read_bytes() == b"%PDF-1.4\n garbage"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.pdf", "note.txt"]


def run_pdftotext(path):
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return " ".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
