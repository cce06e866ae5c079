"""Federal documents on mentoring that every school lists: add one to the library by its key.

``data/library/r-145.yaml`` with ``catalogue: r-145`` gets the title, kind, number and date below; the
editor adds the link (``url``) or the file, and may override any field. Only details checked against the
documents' own texts are here: a field that was not checked is left out, and the editor writes it in
from their copy of the document.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class CatalogueEntry:
    title: str
    kind: str
    number: str | None = None
    date: dt.date | None = None
    issuer: str = ""
    url: str | None = None  # only an address verified on the issuer's own site

    def fields(self) -> dict[str, object]:
        """The library record's fields this entry fills in."""
        found: dict[str, object] = {"title": self.title, "category": "federal", "kind": self.kind}
        if self.number:
            found["number"] = self.number
        if self.date:
            found["date"] = self.date
            found["year"] = self.date.year
        if self.url:
            found["url"] = self.url
        return found


CATALOGUE: dict[str, CatalogueEntry] = {
    "r-145": CatalogueEntry(
        title=(
            "Распоряжение Министерства просвещения Российской Федерации «Об утверждении методологии (целевой "
            "модели) наставничества обучающихся для организаций, осуществляющих образовательную деятельность по "
            "общеобразовательным, дополнительным общеобразовательным и программам среднего профессионального "
            "образования, в том числе с применением лучших практик обмена опытом между обучающимися»"
        ),
        kind="disposition",
        number="Р-145",
        date=dt.date(2019, 12, 25),
        issuer="Министерство просвещения Российской Федерации",
    ),
    "3273-r": CatalogueEntry(
        title=(
            "Распоряжение Правительства Российской Федерации «Об утверждении основных принципов национальной "
            "системы профессионального роста педагогических работников Российской Федерации, включая национальную "
            "систему учительского роста»"
        ),
        kind="disposition",
        number="3273-р",
        date=dt.date(2019, 12, 31),
        issuer="Правительство Российской Федерации",
    ),
    "273-fz": CatalogueEntry(
        title="Федеральный закон «Об образовании в Российской Федерации»",
        kind="federal_law",
        number="273-ФЗ",
        date=dt.date(2012, 12, 29),
        issuer="Российская Федерация",
    ),
    "mr-pedagogi-2023": CatalogueEntry(
        title=(
            "Методические рекомендации по разработке и внедрению системы (целевой модели) наставничества "
            "педагогических работников в образовательных организациях"
        ),
        kind="guidelines",
        issuer="Министерство просвещения Российской Федерации",
        # The 2023 edition; the number and date of the letter that sent it were not verified: the editor adds them.
    ),
}
