"""Federal documents by key, the new document kinds and the electronic signature shown on /library/."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from conftest import run_cli
from generator.models import Document
from generator.models.catalogue import CATALOGUE
from generator.models.labels import LABELS


def test_a_catalogue_key_fills_title_kind_number_and_date_and_the_editor_may_override():
    doc = Document.model_validate({"catalogue": "r-145", "url": "https://example.ru/r-145"})
    assert doc.kind == "disposition" and LABELS["kind"][doc.kind] == "Распоряжение"
    assert doc.number == "Р-145" and doc.date == dt.date(2019, 12, 25) and doc.category == "federal"
    assert doc.title.startswith(
        "Распоряжение Министерства просвещения Российской Федерации «Об утверждении методологии"
    )
    own = Document.model_validate({"catalogue": "3273-r", "url": "https://example.ru/x", "title": "Своё название"})
    assert own.title == "Своё название" and own.number == "3273-р" and own.date == dt.date(2019, 12, 31)


def test_every_catalogue_entry_is_a_valid_document_kind_with_a_label():
    assert sorted(LABELS["catalogue"]) == sorted(CATALOGUE)
    for key, entry in CATALOGUE.items():
        assert entry.kind in LABELS["kind"], key
        assert entry.title and not entry.title.endswith(" ")


def test_new_kinds_have_labels():
    for kind, label in {"disposition": "Распоряжение", "resolution": "Постановление", "federal_law": "Федеральный закон",
                        "letter": "Письмо", "guidelines": "Методические рекомендации"}.items():  # fmt: skip
        assert LABELS["kind"][kind] == label


@pytest.mark.slow
def test_an_unknown_key_and_a_signature_outside_its_certificate_are_errors_with_lines(minimal):
    library = minimal / "data" / "library"
    (library / "r-999.yaml").write_text("catalogue: r-999\nurl: https://example.ru/x\n", encoding="utf-8")
    (library / "polozhenie.yaml").write_text(
        (library / "polozhenie.yaml").read_text(encoding="utf-8")
        + "signature:\n  signer: Директор Тестова Т. Т.\n  certificate: 01AB\n  date: 2025-08-30\n"
        "  valid_from: 2024-01-01\n  valid_to: 2025-01-01\n",
        encoding="utf-8",
    )
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    assert re.search(
        r"data/library/r-999\.yaml:1: .*документа «r-999» нет в каталоге федеральных документов", result.text
    ), result.text
    assert re.search(r"data/library/polozhenie\.yaml:\d+: .*после окончания действия сертификата", result.text), (
        result.text
    )


@pytest.mark.slow
def test_library_shows_the_kind_from_the_catalogue_and_the_signature(minimal):
    library = minimal / "data" / "library"
    (library / "r-145.yaml").write_text("catalogue: r-145\nurl: https://example.ru/r-145\n", encoding="utf-8")
    (library / "polozhenie.yaml").write_text(
        (library / "polozhenie.yaml").read_text(encoding="utf-8")
        + "signature:\n  signer: Директор Тестова Т. Т.\n  certificate: 01AB23CD\n  date: 2025-08-30\n",
        encoding="utf-8",
    )
    result = run_cli("build", cwd=minimal)
    assert result.code == 0, result.text
    page = LexborHTMLParser((minimal / "site" / "library" / "index.html").read_text(encoding="utf-8"))
    meta = page.css_first("#doc-r-145 .nv-doc__meta").text().replace("\u202f", " ").replace("\u00a0", " ")
    assert meta.startswith("Распоряжение № Р-145 от 25 декабря 2019 г.") and "Приказ" not in meta
    signature = (
        page.css_first("#doc-polozhenie .nv-doc__signature").text().replace("\u202f", " ").replace("\u00a0", " ")
    )
    assert signature == "Подписан электронной подписью: Директор Тестова Т. Т., 30 августа 2025 г.; сертификат 01AB23CD"
