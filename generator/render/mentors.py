"""The people's pages: the mentors with their filters, one mentor's page and the honor board."""

from __future__ import annotations

from collections import defaultdict

from generator import urls
from generator.models.labels import LABELS
from generator.portal.portal import Portal
from generator.portal.views import LEVEL_LABELS, LEVEL_ORDER, HonorView
from generator.render.contexts import FilterOption, HonorBoardPage, HonorLevel, HonorYear, MentorPage, MentorsPage
from generator.rules.people import Person

ROLE_GROUPS = LABELS["role_group"]


def mentors_page(portal: Portal) -> MentorsPage:
    people = portal.mentors
    forms = tuple(
        FilterOption(form.id, form.title, sum(1 for p in people if form.id in p.forms))
        for form in portal.forms
        if any(form.id in p.forms for p in people)
    )
    roles = tuple(
        FilterOption(role, ROLE_GROUPS[role], sum(1 for p in people if p.role == role))
        for role in LABELS["role"]
        if any(p.role == role for p in people)
    )
    empty = tuple(
        (form, role)
        for form in ("", *(f.value for f in forms))
        for role in ("", *(r.value for r in roles))
        if not any((not form or form in p.forms) and (not role or p.role == role) for p in people)
    )
    mentors = urls.section("mentors")
    return MentorsPage(
        portal=portal, src=mentors.src, url=mentors.path, title=mentors.title,
        description=f"Наставники {portal.organization.short_name}: педагоги, ученики, выпускники и специалисты "
        "предприятий-партнёров", people=people, forms=forms, roles=roles, empty=empty,
    )  # fmt: skip


def mentor_page(portal: Portal, person: Person) -> MentorPage:
    practices = tuple(p for p in portal.practices if any(a.person == person for a in p.authors))
    what = [person.position or person.role_label, person.subject]
    details = ", ".join(x[:1].lower() + x[1:] for x in what if x)
    description = f"{person.display_name} — наставник {portal.organization.short_name}: {details}"
    return MentorPage(
        portal=portal, src=urls.source("mentors", person.id), url=urls.url("mentors", person.id),
        title=person.display_name,
        description=description, image=person.photo, person=person, practices=practices,
    )  # fmt: skip


def honor_board(portal: Portal) -> HonorBoardPage:
    grouped: dict[int, dict[str, list[HonorView]]] = defaultdict(lambda: defaultdict(list))
    for honor in portal.honors:
        grouped[honor.honor.year][honor.honor.level].append(honor)
    years = tuple(
        HonorYear(
            year,
            tuple(HonorLevel(LEVEL_LABELS[lv], tuple(grouped[year][lv])) for lv in LEVEL_ORDER if lv in grouped[year]),
        )
        for year in sorted(grouped, reverse=True)
    )
    board = urls.section("honor-board")
    return HonorBoardPage(
        portal=portal, src=board.src, url=board.path, title=board.title,
        description=f"Доска почёта наставников {portal.organization.short_name}: награды по годам и уровням",
        years=years,
    )  # fmt: skip
