"""The records of a synthetic portal: one organization's data and content, and the district's own.

Every value is drawn from a ``random.Random`` seeded with the seed and the organization's number,
so the files are the same on every run (see :mod:`generator.tools.synthetic`).
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from generator import translit, urls
from generator.tools import synthetic_text as words

YEAR = "2026-2027"
ROADMAP_ID = "dk-2026-2027"
DISTRICT_ROADMAP_ID = "dk-rajona-2025-2027"
FIRST_NEWS = dt.date(2025, 9, 1)
LAST_NEWS = dt.date(2026, 11, 20)
HEADER = "Синтетические данные для замеров (nastavnik new --synthetic): организация и люди вымышлены."
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


def slug(text: str) -> str:
    """An id for a synthetic record: the usual scheme of :mod:`generator.translit`."""
    return translit.slug(text)


def write(path: Path, text: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")


def write_yaml(path: Path, data: Any) -> None:
    write(path, f"# {HEADER}\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120))


def write_markdown(path: Path, meta: dict[str, Any], body: str) -> None:
    write(path, "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=120) + "---\n\n" + body)


def tiny_pdf(name: str) -> bytes:
    """A valid one-page PDF, a few hundred bytes (the document's id in its metadata)."""
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        f"<< /Title ({name}) >>",
    ]
    out, offsets = "%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n" + "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("ascii")


class People:
    """Names for one organization: unique ids, drawn from the three disjoint pools of surnames."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.ids: set[str] = set()

    def adult(self, pool: list[tuple[str, str]]) -> tuple[str, str, str]:
        """(id, «Фамилия Имя Отчество», «Имя Отчество Фамилия»)"""
        female = self.rng.random() < 0.7
        surname = self.rng.choice(pool)[female]
        first = self.rng.choice(words.FEMALE_NAMES if female else words.MALE_NAMES)
        patronymic = self.rng.choice(words.PATRONYMICS)[female]
        person_id = self._id(f"{surname}-{first[0]}{patronymic[0]}")
        return person_id, f"{surname} {first} {patronymic}", f"{first} {patronymic} {surname}"

    def pupil(self) -> tuple[str, str]:
        """(id, «Фамилия Имя») — no patronymic: only the first name may ever be published."""
        female = self.rng.random() < 0.5
        surname = self.rng.choice(words.PUPIL_SURNAMES)[female]
        first = self.rng.choice(words.FEMALE_NAMES if female else words.MALE_NAMES)
        return self._id(f"uchenik-{first}"), f"{surname} {first}"

    def _id(self, text: str) -> str:
        base = slug(text)
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self.ids.add(candidate)
        return candidate


def consent(day: dt.date, scope: list[str] | None = None, by: str = "self") -> dict[str, Any]:
    out: dict[str, Any] = {"publish": True, "date": day, "by": by}
    if scope:
        out["scope"] = scope
    return out


def forms() -> list[dict[str, Any]]:
    return [{"id": fid, "title": title, "description": text} for fid, title, text in words.FORMS]


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
            person_id, name, _ = self.people.adult(words.PRIVATE_SURNAMES)
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
