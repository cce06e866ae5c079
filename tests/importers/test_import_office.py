"""The seeds converted by LibreOffice to .doc, .odt, .rtf, .xls, .ods and PDF import as from their DOCX/XLSX.

The files are made at test time (tests/office_builders.py) by the real LibreOffice the importer uses,
and judged by the seeds' ground truth with the same comparison as the DOCX/XLSX imports.

A PDF keeps no paragraph marks: inside a cell, a paragraph that ends where the line is full anyway
and a sentence that ends at a line's end look the same. :data:`PDF_KNOWN` lists the two cells of
seed 001 where the reflow guess is wrong (in its extra table); everything else must be exact.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import copy_portal, run_cli
from importers.test_import_seeds import SEEDS, counts, differences, expected_for, imported_export
from office_builders import SEEDS as SEED_DIR
from office_builders import libreoffice, text_variants

pytestmark = pytest.mark.office  # LibreOffice, Tesseract and Ghostscript: `make test` installs them


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("office")
    for fmt in ("doc", "odt", "rtf", "pdf"):
        text_variants([SEED_DIR / f"seed-{s}.docx" for s in SEEDS], fmt, out)
    for fmt in ("xls", "ods"):
        libreoffice([SEED_DIR / f"seed-{s}.xlsx" for s in SEEDS], fmt, out)
    return out


@pytest.fixture(scope="module")
def portal(tmp_path_factory) -> Path:
    return copy_portal("minimal", tmp_path_factory.mktemp("office-portal"))


PDF_KNOWN = {
    "001": [
        "таблица «Участие в комплексных мероприятиях», пункт 4 2 ««Педагог новатор консервативный педагог» - помощь »: "
        "details",
        "таблица «Участие в комплексных мероприятиях», пункт 9 5 ««Родитель – ученик» «Родитель - обучающийся» «Роди»: "
        "details",
    ]
}


@pytest.mark.parametrize("fmt", ["doc", "odt", "rtf", "xls", "ods", "pdf"])
@pytest.mark.parametrize("seed", SEEDS)
def test_converted_seed_imports_exactly(converted, portal, seed, fmt):
    roadmap_id = f"seed-{seed}-{fmt}"
    got = imported_export(portal, converted / f"seed-{seed}.{fmt}", roadmap_id)
    expected = expected_for(seed, "xlsx" if fmt in ("xls", "ods") else "docx")
    problems = differences(expected, got)
    if fmt == "pdf":
        known = PDF_KNOWN.get(seed, [])
        assert len([p for p in problems if p.startswith(tuple(known))]) == len(known), problems
        problems = [p for p in problems if not p.startswith(tuple(known))]
    assert not problems, f"seed-{seed}.{fmt}: расхождений {len(problems)}:\n" + "\n".join(problems)
    assert counts(got) == expected["counts"]
    assert f"seed-{seed}.{fmt}" in (portal / "data" / "roadmaps" / f"{roadmap_id}.yaml").read_text("utf-8")


def test_without_libreoffice_the_message_says_how_to_install_it(converted, portal):
    result = run_cli(
        "import", str(converted / "seed-000.doc"), "--id", "no-lo", cwd=portal, env={"NASTAVNIK_SOFFICE": ""}
    )
    assert result.code == 1
    assert "Traceback" not in result.text
    assert "seed-000.doc: для этого формата нужен LibreOffice, а он не найден" in result.text
    assert "apt-get install libreoffice-writer-nogui" in result.text
    assert not (portal / "data" / "roadmaps" / "no-lo.yaml").exists()


def test_a_damaged_doc_is_refused_in_russian(tmp_path, portal):
    broken = tmp_path / "карта.doc"
    broken.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00garbage" * 200)
    result = run_cli("import", str(broken), "--id", "broken", cwd=portal)
    assert result.code == 1
    assert "Traceback" not in result.text
    assert "карта.doc:" in result.text


def test_a_pdf_without_text_is_refused_with_a_way_out(tmp_path, portal):
    from PIL import Image

    scan = tmp_path / "скан.pdf"
    Image.new("RGB", (600, 400), "white").save(scan, "PDF", resolution=72)
    result = run_cli("import", str(scan), "--id", "scan", cwd=portal)
    assert result.code == 1
    assert "Traceback" not in result.text
    assert result.err.startswith("скан.pdf: ")
    assert not (portal / "data" / "roadmaps" / "scan.yaml").exists()


def test_a_damaged_pdf_is_refused_in_russian(tmp_path, portal):
    broken = tmp_path / "карта.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00 obj garbage" * 100)
    result = run_cli("import", str(broken), "--id", "broken-pdf", cwd=portal)
    assert result.code == 1
    assert "Traceback" not in result.text
    assert "карта.pdf: PDF повреждён" in result.err


def test_a_pdf_with_a_password_is_refused_in_russian(tmp_path, portal):
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("секрет")
    locked = tmp_path / "закрыт.pdf"
    with locked.open("wb") as stream:
        writer.write(stream)
    result = run_cli("import", str(locked), "--id", "locked", cwd=portal)
    assert result.code == 1
    assert "закрыт.pdf: PDF защищён паролем" in result.err
