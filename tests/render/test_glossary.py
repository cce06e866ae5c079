"""Words parents know: tooltips on the terms where they appear, a dictionary on /parents/, and a public wording
next to the methodology's names of forms that label children."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from generator.models.glossary import GLOSSARY, public_wording
from generator.render.glossary import glossed


def test_each_term_is_explained_once_in_any_case_form_and_never_inside_a_tooltip():
    html = str(glossed("Куратору напишите; наставника подберут. Наставническая пара — это <пара>; наставник"))
    assert html.count('<abbr class="nv-term"') == 3
    assert '">Куратору</abbr>' in html and '">наставника</abbr>' in html and '">Наставническая пара</abbr>' in html
    assert "&lt;пара&gt;" in html  # the text itself stays escaped
    assert html.endswith("; наставник")  # only the first appearance
    assert "<abbr" not in str(glossed("наставничество"))  # a different word


def test_the_five_terms_are_defined():
    assert [t.term for t in GLOSSARY] == [
        "Наставник", "Наставляемый", "Куратор", "Форма наставничества", "Наставническая пара"]  # fmt: skip
    assert all(len(t.definition) > 40 for t in GLOSSARY)


def test_labelling_names_get_a_public_wording_whatever_the_dash():
    assert public_wording("Успевающий – неуспевающий") == public_wording("успевающий - неуспевающий") is not None
    assert public_wording("Лидер — пассивный") is not None
    assert public_wording("Равный – равному") is None


@pytest.mark.slow
def test_parents_page_has_the_dictionary_tooltips_and_public_wording(built_demo):
    page = LexborHTMLParser((built_demo / "site" / "parents" / "index.html").read_text(encoding="utf-8"))
    terms = [dt.text(strip=True) for dt in page.css("dl.nv-glossary dt")]
    assert terms == [t.term for t in GLOSSARY]
    source = page.css_first("dl.nv-glossary + p a")
    assert source is not None and "Р-145" in source.text()
    assert page.css("abbr.nv-term[title]")
    texts = [
        li.text().replace("\u00a0", " ") for li in page.css("details li")
    ]  # typography: a non-breaking space before a dash
    assert any("в методологии — «Успевающий – неуспевающий»" in t for t in texts)
