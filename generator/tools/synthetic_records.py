"""The building blocks of a synthetic portal's records, shared by an organization and the district.

Ids (the usual transliteration), fictional people with unique ids (:class:`People`), a consent, the
forms of mentoring, a tiny valid PDF, and how a file is written (YAML with the header that says the
data is fictional, Markdown with front matter). The records themselves are written by
:mod:`generator.tools.synthetic_org` and :mod:`generator.tools.synthetic_district`.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import yaml

from generator import translit
from generator.tools import synthetic_text as words

HEADER = "Синтетические данные для замеров (nastavnik new --synthetic): организация и люди вымышлены."


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


PRIVATE_PATRONYMICS = 4  # the last ones of the list: only people without consent have them


class People:
    """Names for one organization: unique ids, drawn from the three disjoint pools of surnames."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.ids: set[str] = set()

    def adult(self, pool: list[tuple[str, str]], private: bool = False) -> tuple[str, str, str]:
        """(id, «Фамилия Имя Отчество», «Имя Отчество Фамилия»). A ``private`` person's patronymic is drawn from
        patronymics nobody published has: «Имя Отчество» of a withheld person, forbidden in the whole district,
        is then never a consenting person's of another organization."""
        female = self.rng.random() < 0.7
        surname = self.rng.choice(pool)[female]
        first = self.rng.choice(words.FEMALE_NAMES if female else words.MALE_NAMES)
        patronymics = words.PATRONYMICS[-PRIVATE_PATRONYMICS:] if private else words.PATRONYMICS[:-PRIVATE_PATRONYMICS]
        patronymic = self.rng.choice(patronymics)[female]
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
