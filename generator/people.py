"""Personal data (152-ФЗ): who may be published, and what of them.

This is the only place that reads a person's name. It turns a :class:`~generator.models.Mentor`
into a :class:`Person` — the public view the rest of the generator sees — or into nothing when
there is no valid consent. A minor becomes «Имя, класс»: the surname never leaves this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .models import Contacts, Curator, Honor, Mentor

ROLE_LABELS = {
    "teacher": "педагог",
    "pupil": "ученик",
    "student": "студент",
    "parent": "родитель",
    "employer": "представитель работодателя",
    "graduate": "выпускник",
    "administrator": "администрация",
}

ANONYMOUS = "наставник"


@dataclass(frozen=True)
class Person:
    """A person as published: only what their consent allows."""

    id: str
    name: str  # full name for adults; first name only for minors
    role: str
    role_label: str
    minor: bool
    class_name: str | None
    initials: str
    position: str | None
    subject: str | None
    experience: int | None
    forms: tuple[str, ...]
    mentees: int | None
    bio: str | None
    photo: str | None
    photo_alt: str
    contacts: Contacts | None
    honors: tuple[Honor, ...]

    @property
    def display_name(self) -> str:
        """«Иванова Анна Сергеевна» or, for a minor, «Алина, 10А»."""
        if self.minor and self.class_name:
            return f"{self.name}, {self.class_name}"
        return self.name


@dataclass(frozen=True)
class CuratorView:
    name: str | None  # None without consent: the position and work contacts are still shown
    position: str
    email: str | None
    phone: str | None


def has_consent(mentor: Mentor) -> bool:
    """Published only with ``consent.publish``, a date, ``name`` in scope; a minor only by a parent's consent."""
    consent = mentor.consent
    if not consent.publish or consent.date is None or "name" not in consent.scope:
        return False
    return not (mentor.is_minor and consent.by != "parent")


def publish_person(person_id: str, mentor: Mentor) -> Person | None:
    """The public view of ``mentor``, or None when they must not appear anywhere."""
    if not has_consent(mentor):
        return None
    scope = set(mentor.consent.scope)
    minor = mentor.is_minor
    first = first_name(mentor)
    name = first if minor else " ".join(mentor.name.split())
    photo = mentor.photo if "photo" in scope else None
    return Person(
        id=person_id,
        name=name,
        role=mentor.role,
        role_label=ROLE_LABELS[mentor.role],
        minor=minor,
        class_name=mentor.class_name,
        initials=_initials(mentor, minor),
        position=mentor.position,
        subject=mentor.subject,
        experience=mentor.experience,
        forms=mentor.forms,
        mentees=mentor.mentees,
        bio=mentor.bio if "bio" in scope else None,
        photo=photo,
        photo_alt=(mentor.photo_alt or (f"Фото: {name}")) if photo else "",
        contacts=mentor.contacts if "contacts" in scope else None,
        honors=mentor.honors if "honors" in scope else (),
    )


def first_name(mentor: Mentor) -> str:
    """``first_name`` if given, else the second word of «Фамилия Имя Отчество» (the only word if one)."""
    if mentor.first_name:
        return mentor.first_name
    words = mentor.name.split()
    return words[1] if len(words) >= 2 else words[0]


def _initials(mentor: Mentor, minor: bool) -> str:
    first = first_name(mentor)
    if minor:
        return first[:1].upper()
    surname = mentor.name.split()[0]
    return (surname[:1] + first[:1]).upper() if surname != first else first[:1].upper()


def publish_curator(curator: Curator) -> CuratorView:
    consent = curator.consent
    named = consent.publish and consent.date is not None and "name" in consent.scope
    return CuratorView(
        name=" ".join(curator.name.split()) if named else None,
        position=curator.position,
        email=curator.email,
        phone=curator.phone,
    )


def private_names(people: Iterable[Mentor | Curator]) -> set[str]:
    """Every name that must not appear in ``site/``: the post-build check searches for them.

    For an adult without consent: the full name, «Фамилия Имя», «Фамилия И. О.» and «И. О. Фамилия»
    (with or without spaces after the dots). For a minor, published or not, also the surname alone
    and the patronymic: only the first name may ever be shown.
    """
    names: set[str] = set()
    for person in people:
        words = person.name.split()
        minor = isinstance(person, Mentor) and person.is_minor
        if isinstance(person, Mentor):
            if has_consent(person) and not minor:
                continue
            if has_consent(person):
                first = first_name(person)
                names.update(w for w in words if w != first)
                continue
        elif person.consent.publish and person.consent.date is not None and "name" in person.consent.scope:
            continue
        names.add(" ".join(words))
        if len(words) >= 2:
            surname, rest = words[0], words[1:]
            names.add(f"{surname} {rest[0]}")
            for sep in ("", " "):
                initials = sep.join(f"{w[0]}." for w in rest)
                names.add(f"{surname} {initials}")
                names.add(f"{initials} {surname}")
            if minor:
                names.update(words[:1] + words[2:])
    return {n for n in names if len(n) >= 3 and not re.fullmatch(r"[\W\d_]+", n)}
