"""The parents' path in data: each step's document or form must exist (a Russian error with file and line), an
application needs somewhere to go, a curator's photo and hours are published only as far as consent goes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PIL import Image
from selectolax.lexbor import LexborHTMLParser

from conftest import run_cli

pytestmark = pytest.mark.slow

CURATOR = """curators:
  - name: Кураторова Анна Павловна
    position: Заместитель директора
    email: curator@test.example.ru
    consent: {publish: true, date: 2025-08-30}
"""


def _program(root: Path, curators: str, extra: str) -> None:
    path = root / "data" / "program.yaml"
    text = path.read_text(encoding="utf-8")
    assert CURATOR in text
    path.write_text(text.replace(CURATOR, curators) + extra, encoding="utf-8")


def _photo(root: Path, rel: str) -> None:
    target = root / "content" / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 64), (120, 140, 160)).save(target)


def test_a_step_whose_document_or_file_is_missing_is_an_error_with_its_line(minimal):
    _program(
        minimal,
        CURATOR,
        """join_steps:
  - Поговорите с классным руководителем.
  - text: Заполните анкету.
    library: anketa-net-takoj
  - text: Подпишите согласие.
    file: files/soglasie-net.docx
  - text: Отправьте заявку.
    library: polozhenie
    url: https://forms.example.ru/x
application:
  subject: Заявка
""",
    )
    result = run_cli("check", cwd=minimal)
    assert result.code == 1
    lines = result.text.splitlines()
    assert any(
        re.match(r"data/program\.yaml:\d+: .*документ «anketa-net-takoj» для шага «Заполните анкету\.» не найден", line)
        for line in lines
    ), result.text
    assert any(
        re.match(r"data/program\.yaml:\d+: .*файл «files/soglasie-net\.docx» не найден", line) for line in lines
    ), result.text
    assert any("несколько ссылок: library, url" in line for line in lines), result.text
    assert any("заявку некуда отправить" in line for line in lines), result.text
    assert "Traceback" not in result.text


def test_steps_link_their_documents_and_the_application_says_where_data_goes(minimal):
    _program(
        minimal,
        CURATOR.replace(
            "    consent:",
            "    hours: вторник 15:00–18:00\n    room: каб. 215\n    photo: files/curators/a.jpg\n    consent:",
        )
        + """  - name: Безсогласиев Пётр Ильич
    position: Педагог-психолог
    phone: +7 (000) 000-00-01
    hours: среда 10:00–12:00
    photo: files/curators/b.jpg
    consent: {publish: false}
""",
        """join_steps:
  - text: Прочитайте положение.
    library: polozhenie
  - text: Заполните анкету онлайн.
    url: https://forms.example.ru/anketa
application:
  email: curator@test.example.ru
  body: "Имя ребёнка и класс:"
""",
    )
    _photo(minimal, "files/curators/a.jpg")
    _photo(minimal, "files/curators/b.jpg")
    result = run_cli("build", cwd=minimal)
    assert result.code == 0, result.text
    site = minimal / "site"
    parents = LexborHTMLParser((site / "parents" / "index.html").read_text(encoding="utf-8"))
    links = [a.attributes["href"] for a in parents.css("ol.nv-steps a.nv-steps__link")]
    assert len(links) == 2 and links[1] == "https://forms.example.ru/anketa"
    assert (site / "parents" / links[0]).resolve().is_file()
    where = parents.css_first(".nv-application__where").text()
    assert "curator@test.example.ru" in where and "не хранит" in where
    mailto = parents.css_first("a[href^='mailto:curator@test.example.ru?subject=']").attributes["href"]
    assert "body=" in mailto and "%0D%0A" not in mailto.split("body=")[0]
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Приём: вторник 15:00–18:00, каб. 215" in home and "Приём: среда 10:00–12:00" in home
    assert "files/curators/a.jpg" in home and "files/curators/b.jpg" not in home
    assert (site / "files" / "curators" / "a.jpg").is_file()
    assert not (site / "files" / "curators" / "b.jpg").exists()  # no consent: the photo is not published at all
    assert "Безсогласиев" not in home
