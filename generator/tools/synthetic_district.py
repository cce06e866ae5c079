"""The district's own synthetic records: its program (a department), its roadmap, documents and news.

Drawn from a ``random.Random`` seeded with the seed, so the files are the same on every run (see
:mod:`generator.tools.synthetic`).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from generator import urls
from generator.tools import synthetic_text as words
from generator.tools.synthetic_records import People, consent, forms, write, write_markdown, write_yaml

DISTRICT_ROADMAP_ID = "dk-rajona-2025-2027"


class DistrictWriter:
    """The district's own data: program (a department), its roadmap, documents and news."""

    def __init__(self, root: Path, seed: int):
        self.root = root
        self.rng = random.Random(f"{seed}-district")
        self.people = People(self.rng)

    def write(self) -> None:
        data, content = self.root / "data", self.root / "content"
        _, curator, _ = self.people.adult(words.PUBLIC_SURNAMES)
        write_yaml(
            data / "program.yaml",
            {
                "organization": {"name": "Муниципальное казённое учреждение «Управление образования администрации Заречинского района»",
                                 "short_name": "МКУ «Управление образования»", "type": "department",
                                 "address": "000100, Приреченская область, г. Заречинск, пл. Советская, д. 1",
                                 "email": "uo@rayon.example.ru", "site": "https://rayon.example.ru"},
                "title": "Наставничество в образовании района",
                "intro": "Программы наставничества действуют во всех школах и колледжах района. Здесь — дорожная карта "
                "района, показатели организаций и лучшие наставники.",
                "goal": "Реализация целевой модели наставничества во всех образовательных организациях района.",
                "tasks": ["Обеспечить методическую поддержку кураторов наставничества.",
                          "Вести мониторинг программ наставничества организаций.",
                          "Выявлять и распространять лучшие практики наставничества."],
                "forms": forms(),
                "curators": [{"name": curator, "position": "методист управления образования, куратор наставничества в районе",
                              "email": "nastavnik@rayon.example.ru", "consent": consent(dt.date(2025, 9, 1), ["name", "contacts"])}],
                "current_roadmap": DISTRICT_ROADMAP_ID,
            },
        )  # fmt: skip
        items = [{"number": str(i + 1), "title": title, "deadline": deadline, "responsible": "Управление образования",
                  "result": "Информационная справка"} for i, (title, deadline) in enumerate(words.DISTRICT_ITEMS)]  # fmt: skip
        write_yaml(
            data / "roadmaps" / f"{DISTRICT_ROADMAP_ID}.yaml",
            {"title": "Дорожная карта внедрения целевой модели наставничества в образовательных организациях района "
                      "на 2025-2027 годы", "period": "2025-2027", "period_kind": "years",
             "sections": [{"number": "1", "title": "Организационные мероприятия", "items": items[:5]},
                          {"number": "2", "title": "Мониторинг и распространение практик", "items": items[5:]}]},
        )  # fmt: skip
        for index, (title, category, kind) in enumerate(words.LIBRARY[:5]):
            write_yaml(data / "library" / f"rajon-{index + 1}.yaml",
                       {"title": title, "category": category, "kind": kind,
                        "url": f"https://docs.example.ru/rajon/{index + 1}.pdf"})  # fmt: skip
        write(content / urls.source("news"), "# Новости района\n\nСобытия наставничества в районе.\n")
        for index, (title, category, description) in enumerate(words.NEWS_TOPICS[:3]):
            day = dt.date(2026, 9 + index, 15)
            write_markdown(content / urls.source("news", f"{day.isoformat()}-rajon-{index + 1}"),
                           {"title": f"{title} в районе", "date": day, "categories": [category],
                            "description": description}, words.news_body(self.rng, []))  # fmt: skip
