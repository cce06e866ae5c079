"""One synthetic organization's records: ``data/`` (program, roadmap, mentors, practices, library,
monitoring) and ``content/`` (news, the page for parents).

Every value is drawn from a ``random.Random`` seeded with the seed and the organization's number,
so the files are the same on every run (see :mod:`generator.tools.synthetic`).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from generator import urls
from generator.tools import synthetic_text as words
from generator.tools.synthetic_records import (
    HEADER,
    People,
    consent,
    forms,
    tiny_pdf,
    write,
    write_markdown,
    write_yaml,
)

YEAR = "2026-2027"
ROADMAP_ID = "dk-2026-2027"
FIRST_NEWS = dt.date(2025, 9, 1)
LAST_NEWS = dt.date(2026, 11, 20)
MONITORING_YEARS = ("2024-2025", "2025-2026", "2026-2027")
HONORS = ["Победитель конкурса «Наставник года»", "Лауреат конкурса «Лучшая наставническая пара»",
          "Почётная грамота за наставническую деятельность", "Благодарственное письмо за подготовку призёров олимпиады",
          "Диплом фестиваля лучших практик наставничества"]  # fmt: skip
LEVELS = ["school", "school", "municipal", "municipal", "regional", "federal"]
SECTIONS = ["Подготовка условий для реализации целевой модели наставничества",
            "Формирование баз наставников и наставляемых",
            "Организация работы наставнических пар и групп",
            "Мониторинг и распространение лучших практик"]  # fmt: skip
ROMAN = ["I", "II", "III", "IV"]


class OrgWriter:
    """One organization: ``data`` (program, roadmap, mentors, practices, library, monitoring) and ``content``."""

    def __init__(self, data: Path, content: Path, number: int, seed: int):
        self.data, self.content, self.number = data, content, number
        self.rng = random.Random(f"{seed}-org-{number}")
        self.people = People(self.rng)
        kind = "college" if number % 10 == 0 else "school"
        self.town = self.rng.choice(words.TOWNS)
        if kind == "college":
            self.name = f"Государственное бюджетное профессиональное образовательное учреждение «Технологический колледж № {number}»"
            self.short_name = f"ГБПОУ «Колледж № {number}»"
        elif number % 5 == 3:
            self.name = f"Муниципальное бюджетное общеобразовательное учреждение «Гимназия № {number}»"
            self.short_name = f"МБОУ «Гимназия № {number}»"
        else:
            self.name = (
                f"Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № {number}»"
            )
            self.short_name = f"МБОУ «Школа № {number}»"
        self.kind = kind
        self.site_name = f"Наставничество — {self.short_name}"
        self.published: list[tuple[str, str]] = []  # (id, «Имя Отчество Фамилия») of consenting adults

    def write(self) -> None:
        self.mentors()
        self.program()
        self.roadmap()
        self.practices()
        self.library()
        self.monitoring()
        self.news()
        write(self.content / urls.source("parents"), self.parents())

    def program(self) -> None:
        _, curator, _ = self.people.adult(words.PUBLIC_SURNAMES)
        host = f"school{self.number}.example.ru"
        write_yaml(
            self.data / "program.yaml",
            {
                "organization": {
                    "name": self.name, "short_name": self.short_name, "type": self.kind,
                    "address": f"000{self.number:03d}, Приреченская область, г. {self.town}, ул. {self.rng.choice(words.STREETS)}, д. {self.number}",
                    "phone": f"+7 (000) 5{self.number:02d}-00-00", "email": f"info@{host}", "site": f"https://{host}",
                },
                "title": "Наставничество",
                "intro": f"Наставничество в {self.short_name} помогает молодым педагогам освоиться в профессии, а ученикам — "
                "подтянуть трудный предмет, найти своё дело и выбрать профессию. Участие добровольное и бесплатное.",
                "goal": "Создание условий для раскрытия потенциала каждого обучающегося и педагога через систему наставничества.",
                "tasks": ["Обеспечить адаптацию молодых и вновь принятых педагогов.",
                          "Оказать адресную помощь обучающимся, испытывающим трудности в учёбе и общении.",
                          "Помочь старшеклассникам в профессиональном самоопределении.",
                          "Распространять лучшие практики наставничества."],
                "forms": forms(),
                "curators": [{"name": curator, "position": "заместитель директора по учебно-воспитательной работе",
                              "email": f"nastavnik@{host}", "phone": f"+7 (000) 5{self.number:02d}-00-05",
                              "consent": consent(dt.date(2026, 8, 31), ["name", "contacts"])}],
                "current_roadmap": ROADMAP_ID,
                "join_steps": ["Расскажите о желании участвовать классному руководителю.",
                               "Заполните анкету и согласие на обработку персональных данных.",
                               "Познакомьтесь с наставником на первой встрече."],
                "faq": [{"question": "Нужно ли платить за участие?", "answer": "Нет, программа бесплатна."}],
            },
        )  # fmt: skip

    def mentors(self) -> None:
        roles = ["teacher"] * 12 + ["employer", "graduate", "student", "administrator"]
        for index, role in enumerate(roles):
            person_id, name, spoken = self.people.adult(words.PUBLIC_SURNAMES)
            subject, position = self.rng.choice(words.SUBJECTS)
            record: dict[str, Any] = {"name": name, "role": role,
                                      "consent": consent(dt.date(2025, 9, 1) + dt.timedelta(days=index))}  # fmt: skip
            if role == "teacher":
                record.update(position=position.capitalize(), subject=subject, experience=self.rng.randint(3, 35))
            else:
                record["position"] = {"employer": "Инженер предприятия-партнёра", "graduate": "Выпускник, студент вуза",
                                      "student": "Студент педагогического колледжа",
                                      "administrator": "Заместитель директора"}[role]  # fmt: skip
            record["forms"] = self.rng.sample([f[0] for f in words.FORMS], k=self.rng.randint(1, 2))
            record["mentees"] = self.rng.randint(1, 5)
            record["bio"] = words.paragraph(self.rng, 2)
            if self.rng.random() < 0.35:
                record["honors"] = [{"year": self.rng.choice([2024, 2025, 2026]), "title": self.rng.choice(HONORS),
                                     "level": self.rng.choice(LEVELS)}]  # fmt: skip
            self.published.append((person_id, spoken))
            write_yaml(self.data / "mentors" / f"{person_id}.yaml", record)
        for _ in range(2):  # adults who have not consented: just the three required lines
            person_id, name, _ = self.people.adult(words.PRIVATE_SURNAMES, private=True)
            write_yaml(
                self.data / "mentors" / f"{person_id}.yaml",
                {"name": name, "role": "teacher", "consent": {"publish": False}},
            )
            self.private_id = person_id
        for consents in (True, False):  # pupils: one published by first name and class, one not at all
            person_id, name = self.people.pupil()
            record = {"name": name, "role": "pupil", "class": f"{self.rng.randint(8, 11)}{self.rng.choice('АБВ')}",
                      "forms": ["pupil-pupil"], "bio": "Помогает младшим ребятам с математикой."}  # fmt: skip
            record["consent"] = (
                consent(dt.date(2026, 9, 10), ["name", "bio"], by="parent") if consents else {"publish": False}
            )
            write_yaml(self.data / "mentors" / f"{person_id}.yaml", record)

    def roadmap(self) -> None:
        sections = []
        for s_index, title in enumerate(SECTIONS):
            items = []
            for i_index, (activity, deadline, result) in enumerate(words.ROADMAP_ITEMS[s_index * 5 : s_index * 5 + 5]):
                item: dict[str, Any] = {"number": f"{s_index + 1}.{i_index + 1}", "title": activity,
                                        "deadline": deadline, "responsible": "Куратор программы наставничества",
                                        "result": result, "indicators": "Мероприятие проведено, сведения на сайте"}  # fmt: skip
                if deadline.startswith(("Август", "Сентябрь", "до 1 октября", "Октябрь 2026")):
                    item["status"] = "done"
                elif deadline.startswith(("Октябрь-ноябрь", "Ноябрь")):
                    item["status"] = "in_progress"
                items.append(item)
            sections.append(
                {"number": ROMAN[s_index], "title": title, "heading": f"{ROMAN[s_index]}. {title}", "items": items}
            )
        write_yaml(
            self.data / "roadmaps" / f"{ROADMAP_ID}.yaml",
            {
                "title": f"Дорожная карта реализации целевой модели наставничества в {self.short_name} на {YEAR} учебный год",
                "organization": self.short_name, "period": YEAR, "period_kind": "academic_year",
                "approval": {"approved": {"label": "УТВЕРЖДАЮ:", "position": f"Директор {self.short_name}",
                                          "order_number": f"{100 + self.number}-о", "order_date": dt.date(2026, 8, 31)}},
                "goal": "Реализация целевой модели наставничества в учебном году.",
                "columns": ["№ п/п", "Мероприятие", "Срок", "Ответственный", "Результат", "Показатели"],
                "column_roles": {"№ п/п": "number", "Мероприятие": "activity", "Срок": "deadline",
                                 "Ответственный": "responsible", "Результат": "result", "Показатели": "indicators"},
                "sections": sections,
            },
        )  # fmt: skip

    def practices(self) -> None:
        for index, (title, form, what) in enumerate(self.rng.sample(words.PRACTICE_TOPICS, k=10)):
            authors = [pid for pid, _ in self.rng.sample(self.published, k=self.rng.randint(1, 2))]
            if index == 0:
                authors.append(self.private_id)  # shown as «наставник», never by name
            record = {"title": title, "authors": authors, "form": form, "year": self.rng.choice([2024, 2025, 2026]),
                      "summary": f"{what[0].upper()}{what[1:]}.", "body": words.practice_body(self.rng, what),
                      "results": ["Все участники завершили программу.", "Практика представлена на методическом дне."],
                      "tags": [form, "наставничество"]}  # fmt: skip
            write_yaml(self.data / "practices" / f"praktika-{index + 1}.yaml", record)

    def library(self) -> None:
        for index, (title, category, kind) in enumerate(words.LIBRARY):
            doc_id = f"dokument-{index + 1}"
            record: dict[str, Any] = {"title": title, "category": category, "kind": kind,
                                      "date": dt.date(2025, 1, 15) + dt.timedelta(days=17 * index), "year": 2025}  # fmt: skip
            if kind in {"order", "regulation"}:
                record["number"] = f"{10 + index}-о"
            if index % 7 == 0:
                record["file"] = f"files/{doc_id}.pdf"
                write(self.content / "files" / f"{doc_id}.pdf", tiny_pdf(doc_id))
            else:
                record["url"] = f"https://docs.example.ru/school-{self.number}/{doc_id}.pdf"
            if category == "forms" and kind == "template" and "Согласие" in title:
                record["consent_form"] = True
            write_yaml(self.data / "library" / f"{doc_id}.yaml", record)

    def monitoring(self) -> None:
        figures = []
        for year in MONITORING_YEARS:
            for form, _, _ in words.FORMS:
                mentors = self.rng.randint(1, 6)
                mentees = mentors + self.rng.randint(0, 12)
                figures.append({"year": year, "form": form, "mentors": mentors, "mentees": mentees,
                                "pairs": min(mentees, mentors + self.rng.randint(0, 5))})  # fmt: skip
        write(
            self.data / "monitoring.yaml",
            f"# {HEADER}\n" + yaml.safe_dump(figures, allow_unicode=True, sort_keys=False),
        )

    def news(self) -> None:
        write(self.content / urls.source("news"), f"# Новости\n\nСобытия программы наставничества {self.short_name}.\n")
        span = (LAST_NEWS - FIRST_NEWS).days
        for index in range(30):
            day = FIRST_NEWS + dt.timedelta(days=span * index // 29)
            title, category, description = self.rng.choice(words.NEWS_TOPICS)
            people = self.rng.sample(self.published, k=self.rng.randint(0, 2))
            meta: dict[str, Any] = {"title": f"{title}: {words.MONTHS[day.month - 1]} {day.year} г.", "date": day,
                                    "categories": [category], "description": description}  # fmt: skip
            if people:
                meta["mentors"] = [pid for pid, _ in people]
            body = words.news_body(self.rng, [spoken for _, spoken in people])
            write_markdown(self.content / urls.source("news", f"{day.isoformat()}-novost-{index + 1}"), meta, body)

    def parents(self) -> str:
        return (
            "---\ntitle: Родителям\n---\n# Родителям\n\n"
            f"Наставничество в {self.short_name} — это поддержка ребёнка более опытным человеком: учителем, "
            "старшеклассником, выпускником или специалистом предприятия.\n\n"
            "## Как присоединиться\n\n"
            "Обратитесь к классному руководителю или куратору программы и заполните согласие родителя.\n"
        )
