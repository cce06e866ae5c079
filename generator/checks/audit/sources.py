"""The documents the audit's requirements rest on, as cited to an editor.

Only details checked against the documents themselves go here. Where the exact point of a document was
not verified, ``point`` is empty and the report says «пункт не указан» instead of guessing one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    document: str  # «Распоряжение Минпросвещения России от 25.12.2019 № Р-145»
    point: str = ""  # «п. 21»; empty when not verified
    note: str = ""  # what in the document the requirement rests on

    good_practice: bool = False

    def cite(self) -> str:
        if self.good_practice:
            return f"{self.document}" + (f" ({self.note})" if self.note else "")
        where = self.point or "пункт не указан"
        return f"{self.document}, {where}" + (f" ({self.note})" if self.note else "")


R145 = "Распоряжение Минпросвещения России от 25.12.2019 № Р-145 «Об утверждении методологии (целевой модели) наставничества обучающихся …»"
P1493 = (
    "Приказ Рособрнадзора от 04.08.2023 № 1493 (требования к структуре официального сайта образовательной организации)"
)
FZ152 = "Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных»"
PP1802 = "Постановление Правительства РФ от 20.10.2021 № 1802 (правила размещения и обновления сведений на сайте)"
GOOD_PRACTICE = Source(
    "Хорошая практика, не норма",
    note="так делают открытые разделы «Наставничество»; проверяющие это ценят",
    good_practice=True,
)

POLOZHENIE = Source(R145, note="в организации принимается положение о программе наставничества")
PRIKAZ = Source(R145, note="внедрение целевой модели оформляется распорядительным актом организации")
ROADMAP = Source(R145, note="внедрение ведётся по дорожной карте с мероприятиями и сроками")
PROGRAMMA = Source(R145, note="наставничество ведётся по программе наставничества")
CURATOR = Source(R145, note="в организации назначается куратор внедрения целевой модели")
FORMS = Source(R145, note="методология описывает формы наставничества; организация выбирает свои")
MONITORING = Source(R145, note="мониторинг и оценка результатов программ наставничества")
VISUALLY_IMPAIRED = Source(P1493, "п. 21", "версия сайта для слабовидящих")
CONSENT = Source(FZ152, "ст. 10.1", "персональные данные, разрешённые для распространения, — только с согласия")
UPDATED = Source(PP1802, note="сведения обновляются в течение 10 рабочих дней после изменений")
