"""Personal data (152-ФЗ): who may be published, and what of them.

This is the only place that reads a person's name. It turns a :class:`~generator.models.Mentor`
into a :class:`Person` — the public view the rest of the generator sees — or into nothing when
there is no valid consent. A minor becomes «Имя, класс»: the surname never leaves this module.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from generator.models import Contacts, Curator, Honor, Mentor
from generator.models.labels import LABELS

if TYPE_CHECKING:
    from generator.rules.validate import Records


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
    hours: str | None = None  # «вторник 15:00–18:00»: work details, shown like the contacts
    room: str | None = None
    photo: str | None = None  # only with the name and «photo» in the consent's scope
    photo_alt: str = ""


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
        role_label=LABELS["role"][mentor.role],
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


PHOTO_FOLDER = "files/mentors"  # where the people's photos live in content/


def withheld_photos(
    mentors: Iterable[Mentor],
    published: Iterable[Person],
    content_dir: Path,
    curators: Iterable[tuple[Curator, CuratorView]] = (),
) -> frozenset[str]:
    """Photos in ``content/`` that no published person shows: left out of the site altogether.

    Those of people (mentors and curators) without consent to their photo, and any other file in
    ``files/mentors/`` — the photo of someone whose card was deleted instead of set to ``publish: false``.
    """
    pairs = list(curators)
    shown = {person.photo for person in published if person.photo} | {v.photo for _, v in pairs if v.photo}
    folder = content_dir / PHOTO_FOLDER
    unclaimed = {f"{PHOTO_FOLDER}/{p.relative_to(folder).as_posix()}" for p in folder.rglob("*") if p.is_file()}
    named = {m.photo for m in mentors if m.photo} | {c.photo for c, _ in pairs if c.photo}
    return frozenset(named | unclaimed) - shown


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


def curator_named(curator: Curator) -> bool:
    """A curator's name is shown only with consent; their position and work contacts always are."""
    consent = curator.consent
    return consent.publish and consent.date is not None and "name" in consent.scope


def publish_curator(curator: Curator) -> CuratorView:
    named = curator_named(curator)
    name = " ".join(curator.name.split()) if named else None
    photo = curator.photo if named and "photo" in curator.consent.scope else None
    return CuratorView(
        name=name,
        position=curator.position,
        email=curator.email,
        phone=curator.phone,
        hours=curator.hours,
        room=curator.room,
        photo=photo,
        photo_alt=f"Фото: {name}" if photo else "",
    )


@dataclass(frozen=True)
class Name:
    """A person's name split into its parts, and where it is written (for messages without the name)."""

    who: str  # «data/mentors/ivanova-mp.yaml», «data/program.yaml, куратор № 1»
    surname: str | None
    first: str
    patronymic: str | None
    section: str = ""  # a district's organization whose data holds the name; "" for a school or the district


@dataclass(frozen=True)
class NamePolicy:
    """What the post-build check searches ``site/`` for, and what it leaves alone.

    * ``withheld``: no consent — the full name must not appear in any form («Иванова Мария
      Петровна», «Ивановой Марии», «Иванова М. П.», «М. П. Иванова», «Мария Иванова»);
    * ``minors``: every minor, published or not — the surname must not appear even alone, nor in
      Latin letters (in an address or a file name), nor the first name with the patronymic;
    * ``published``: the names shown with consent; they are masked before the search, so that a
      teacher who shares a surname with a pupil does not fail the build. A published name that a
      withheld person shares is masked only in its own ``section``: elsewhere it may be either of them.
    """

    withheld: tuple[Name, ...]
    minors: tuple[Name, ...]
    published: tuple[Name, ...]

    @cached_property
    def digest(self) -> str:
        """Who is withheld, who is a minor, whose name is published, and in which organization: as one digest,
        computed once per object — a region's policy holds twenty thousand names."""
        return hashlib.blake2b(repr(self).encode("utf-8"), digest_size=20).hexdigest()

    def __hash__(self) -> int:  # asked for every page (the name search is cached by policy): from the digest
        return hash(self.digest)


def split_name(who: str, full: str, first: str | None = None) -> Name:
    """«Фамилия Имя Отчество» → its parts; ``first`` when the first name is not the second word."""
    words = full.split()
    given = first or (words[1] if len(words) >= 2 else words[0])
    rest = [w for w in words if w != given]
    surname = rest[0] if rest else None
    patronymic = " ".join(rest[1:]) or None
    return Name(who, surname, given, patronymic, section_of(who))


def section_of(who: str) -> str:
    """The district's organization whose data file ``who`` is («data/organizations/school-5/…» → school-5)."""
    parts = who.split("/")
    return parts[2] if len(parts) > 3 and parts[0] == "data" and parts[1] == "organizations" else ""


def name_policy(people: Iterable[tuple[str, Mentor | Curator]]) -> NamePolicy:
    """Sort everyone whose name the data holds into withheld, minors and published."""
    withheld: list[Name] = []
    minors: list[Name] = []
    published: list[Name] = []
    for who, person in people:
        if isinstance(person, Mentor):
            name = split_name(who, person.name, person.first_name)
            shown = has_consent(person)
            if person.is_minor:
                minors.append(name)
        else:
            name = split_name(who, person.name)
            shown = curator_named(person)
        (published if shown and not (isinstance(person, Mentor) and person.is_minor) else withheld).append(name)
    return NamePolicy(tuple(withheld), tuple(minors), tuple(published))


def people_of(records: Records) -> list[tuple[str, Mentor | Curator]]:
    """Everyone whose name the data holds, with the file (and position) their name is written in."""
    people: list[tuple[str, Mentor | Curator]] = [(entry.doc.path, entry.model) for entry in records.mentors]
    if records.program is not None:
        path = records.program.doc.path
        for index, curator in enumerate(records.program.model.curators, start=1):
            people.append((f"{path}, куратор № {index}", curator))
    return people
