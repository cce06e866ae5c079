"""Scanned roadmaps: the seeds printed by LibreOffice, «scanned» (300 dpi, turned 1.5°, specks, JPEG) and read.

The scans are made here (tests/office_builders.py): the seed's DOCX → PDF by LibreOffice → page images
by pdfium, turned, noised, JPEG-compressed, put into a PDF with no text. Judged by the seeds' ground
truth: at least 80 % of the items exact over both documents, every other item listed among the
doubtful cells (its row), none invented (the same number of items, in the same places). Slow (OCR
of six pages): kept to these two documents.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import copy_portal, run_cli
from generator.importers import import_roadmap
from importers.test_import_seeds import ITEM, expected_for, norm
from office_builders import SEEDS, libreoffice, scanned_pdf

pytestmark = pytest.mark.office  # LibreOffice, Tesseract and Ghostscript: `make test` installs them


def _flat(sections: list[dict]) -> list[dict]:
    return [i for s in sections for i in (*s["items"], *_flat(s["sections"]))]


@pytest.fixture(scope="module")
def scans(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("scans")
    pdfs = libreoffice([SEEDS / "seed-000.docx", SEEDS / "seed-004.docx"], "pdf", folder / "text")
    return {
        pdf.stem.split("-")[1]: scanned_pdf(pdf, folder / f"{pdf.stem}-scan.pdf", dpi=300, angle=1.5, noise=0.001)
        for pdf in pdfs
    }


def test_scans_read_80_percent_exact_the_rest_listed_none_invented(scans):
    exact = total = 0
    unlisted = []
    for seed, path in scans.items():
        imported = import_roadmap(path, dt.date(2026, 11, 22))
        recognized = imported.roadmap.recognized
        assert recognized is not None and recognized.confirmed is False
        want = _flat(expected_for(seed, "docx")["sections"])
        got = [(item.model_dump(mode="json"), where) for item, where in imported.item_rows]
        assert len(got) == len(want), f"seed-{seed}: {len(got)} мероприятий вместо {len(want)}"
        for expected, (item, where) in zip(want, got, strict=True):
            total += 1
            if all(norm(expected[k]) == norm(item.get(k)) for k in ITEM):
                exact += 1
            elif not any(d.startswith(f"{where},") for d in recognized.doubtful):
                unlisted.append(f"seed-{seed} {where}: {item.get('title')!r}")
    assert exact / total >= 0.8, f"точно распознано {exact} из {total}"
    assert not unlisted, "неточные и не названые среди сомнительных:\n" + "\n".join(unlisted)


def test_a_scan_is_marked_in_the_report_and_the_yaml_and_check_warns_until_confirmed(tmp_path, scans):
    portal = copy_portal("minimal", tmp_path)
    result = run_cli("import", str(scans["004"]), "--id", "scan-004", cwd=portal)
    assert result.code == 0, result.text
    assert "Распознано автоматически — проверьте" in result.out
    yaml_path = portal / "data" / "roadmaps" / "scan-004.yaml"
    text = yaml_path.read_text("utf-8")
    assert "# РАСПОЗНАНО АВТОМАТИЧЕСКИ — ПРОВЕРЬТЕ" in text
    assert "recognized:\n  confirmed: false\n" in text
    check = run_cli("check", cwd=portal)
    assert "data/roadmaps/scan-004.yaml" in check.text
    assert "распознана автоматически со скана и ещё не сверена с документом" in check.text
    yaml_path.write_text(text.replace("  confirmed: false\n", "  confirmed: true\n"), "utf-8")
    assert "не сверена с документом" not in run_cli("check", cwd=portal).text


def test_an_unreadable_cell_stays_empty_and_is_listed_and_an_unsure_one_is_listed():
    from generator.importers.grid import Table
    from generator.importers.layout import Word
    from generator.importers.pdf import body_of, layout_page

    cells = [(0.0, 0.0, 100.0, 20.0), (100.0, 0.0, 200.0, 20.0), (0.0, 20.0, 100.0, 40.0), (100.0, 20.0, 200.0, 40.0)]
    words = [
        Word("Мероприятие", 5, 60, 5, 15, confidence=96),
        Word("Срок", 105, 130, 5, 15, confidence=95),
        Word("Семинар", 5, 50, 25, 35, confidence=41),  # unsure
        Word("", 101, 102, 21, 22, confidence=0),  # ink, no word read
    ]
    doubts: list[str] = []
    (table,) = body_of([layout_page(words, [((0, 0, 200, 40), cells)], 300, 200, 1)], doubts)
    assert isinstance(table, Table)
    assert [c.paragraphs for c in table.rows[1].cells] == [("Семинар",), ()]
    assert doubts == [
        "таблица 1, строка 2, столбец 1: распознано неуверенно — «Семинар»",
        "таблица 1, строка 2, столбец 2: не распознано, оставлено пустым",
    ]


def test_a_photo_of_the_first_page_as_jpg(tmp_path, scans):
    from office_builders import scan_pages

    (page, *_) = scan_pages(_text_pdf(scans), 300, -2.0, 0.001)
    photo = tmp_path / "страница 1.jpg"
    page.save(photo, "JPEG", quality=85)  # no resolution recorded, as a phone's photo
    imported = import_roadmap(photo, dt.date(2026, 11, 22))
    assert imported.roadmap.recognized is not None
    want = _flat(expected_for("004", "docx")["sections"])[:3]
    got = [item for item, _ in imported.item_rows][:3]
    assert [(i.number, i.title) for i in got] == [(w["number"], w["title"]) for w in want]


def _text_pdf(scans: dict[str, Path]) -> Path:
    return scans["004"].parent / "text" / "seed-004.pdf"
