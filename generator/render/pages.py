"""Stage 4, render: the Portal → the Markdown pages of the URL map (handed to MkDocs, never written to ``content/``).

Each page is a template in ``generator/templates/pages/`` with a typed context (:mod:`.contexts`),
built from the Portal by one function here or in :mod:`.home`, :mod:`.mentors` and :mod:`.stats`
(the blog plugin's news pages get theirs from :mod:`.news`). The front matter is written with ``yaml.safe_dump`` —
never by a template — so no value can break out of it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import yaml

try:  # libyaml's emitter; the same safe output as yaml.safe_dump, faster
    from yaml import CSafeDumper as SafeDumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper  # type: ignore[assignment]

from generator import urls
from generator.models.labels import LABELS
from generator.portal.portal import Portal
from generator.portal.views import CATEGORY_LABELS, DocumentView
from generator.render.contexts import (
    LibraryGroup,
    LibraryPage,
    Page,
    ParentsBlocks,
    PracticePage,
    PracticesPage,
    RoadmapPage,
)
from generator.render.env import environment
from generator.render.home import home_page
from generator.render.mentors import honor_board, mentor_page, mentors_page
from generator.render.publish import subscription
from generator.render.stats import stats_page
from generator.render.timeline import build_timeline

NORMATIVE = ("federal", "regional", "local")
NORMATIVE_LABELS = LABELS["normative_group"]
ROADMAP = urls.section("roadmap")


def pages(portal: Portal) -> Iterator[Page]:
    """Every generated page of the URL map (``/parents/`` is the editors' page; see :func:`parents_blocks`)."""
    org = portal.organization.short_name
    yield home_page(portal)
    for roadmap in portal.roadmaps:
        src = ROADMAP.source() if roadmap.current else ROADMAP.source(roadmap.id)
        title = ROADMAP.title if roadmap.current else f"{ROADMAP.title} {roadmap.model.period or roadmap.id}"
        yield RoadmapPage(
            portal=portal, src=src, url=roadmap.url, title=title, description=roadmap.model.title, roadmap=roadmap,
            timeline=build_timeline(roadmap, portal.today),
            subscription=subscription(portal.site_url) if roadmap.current else None,
        )  # fmt: skip
    if portal.current_roadmap is None:
        yield RoadmapPage(
            portal=portal, src=ROADMAP.src, url=ROADMAP.path, title=ROADMAP.title,
            description=f"Дорожная карта наставничества {org}",
        )  # fmt: skip
    yield mentors_page(portal)
    for person in portal.mentors:
        yield mentor_page(portal, person)
    yield honor_board(portal)
    practices = urls.section("practices")
    yield PracticesPage(
        portal=portal, src=practices.src, url=practices.path, title=practices.title,
        description=f"Лучшие практики наставничества {org}: опыт наставников, результаты, материалы",
        practices=portal.practices,
    )  # fmt: skip
    for practice in portal.practices:
        yield PracticePage(
            portal=portal, src=practices.source(practice.id), url=practice.url, title=practice.model.title,
            description=practice.model.summary, practice=practice,
        )  # fmt: skip
    yield library_page(portal)
    yield stats_page(portal)


def library_page(portal: Portal) -> LibraryPage:
    def documents(category: str) -> tuple[DocumentView, ...]:
        found = [d for d in portal.library if d.model.category == category]
        found.sort(key=lambda d: d.model.title)
        found.sort(key=lambda d: d.model.date or dt.date(d.model.year or 1, 1, 1), reverse=True)
        return tuple(found)

    normative = tuple(
        LibraryGroup(category, NORMATIVE_LABELS[category], documents(category))
        for category in NORMATIVE
        if documents(category)
    )
    groups = [LibraryGroup("normativnye", "Нормативные документы", subgroups=normative)] if normative else []
    groups += [
        LibraryGroup(category, label, documents(category))
        for category, label in CATEGORY_LABELS.items()
        if category not in NORMATIVE and documents(category)
    ]
    library = urls.section("library")
    return LibraryPage(
        portal=portal, src=library.src, url=library.path, title=library.title,
        description=f"Документы о наставничестве {portal.organization.short_name}: нормативные акты, программы, "
        "методические материалы, анкеты и формы", groups=tuple(groups),
    )  # fmt: skip


def parents_blocks(portal: Portal) -> ParentsBlocks:
    parents = urls.section("parents")
    return ParentsBlocks(
        portal=portal, src=parents.src, url=parents.path, title=parents.title, description="",
        consent_forms=tuple(d for d in portal.library if d.model.consent_form),
        methodology=next((d for d in portal.library if d.model.catalogue == "r-145"), None),
    )  # fmt: skip


def render_page(page: Page) -> str:
    """One page: safe front matter, then the template's Markdown."""
    meta: dict[str, object] = {"title": page.title, "description": " ".join(page.description.split())[:300]}
    if page.image:
        meta["image"] = page.image
    meta["hide"] = ["navigation"]  # one page a tab: the navigation sidebar would list just this page
    front = yaml.dump(meta, Dumper=SafeDumper, allow_unicode=True, sort_keys=False, width=10_000)
    body = environment().get_template(page.template).render(page=page, portal=page.portal)
    return f"---\n{front}---\n\n{body}"


def render_pages(portal: Portal) -> dict[str, str]:
    """src path → Markdown for every generated page."""
    return {page.src: render_page(page) for page in pages(portal)}


def render_parents_blocks(portal: Portal) -> str:
    page = parents_blocks(portal)
    return environment().get_template(page.template).render(page=page, portal=portal)


def render_parents_page(portal: Portal, markdown: str) -> str:
    """The editors' ``parents.md`` with the curators right under its title and the generated blocks after it."""
    page = parents_blocks(portal)
    top = environment().get_template("pages/parents_top.md.j2").render(page=page, portal=portal)
    lines = markdown.rstrip().split("\n")
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    body = "\n".join([*lines[:at], "", top, *lines[at:]]) if top.strip() else "\n".join(lines)
    return body + "\n\n" + render_parents_blocks(portal)
