"""What one rebuild of the preview must redo: a :class:`Snapshot` of the inputs, and the :class:`Plan` two
snapshots give.

A snapshot holds each page's Markdown as the plugin hands it to MkDocs (and the parts of editors' pages that
come from ``data/``), and a *structure signature*: everything that shows on more pages than its own or decides
which pages there are — the set of pages and their titles, ``content/``, ``mkdocs.yml``, the theme's files, the
policy of names (consent, minors), the photos withheld, what the theme prints on every page (organization,
colours, «Данные обновлены»), the build date and the news posts' parts from ``data/`` (the blog's lists show
them). When the signature is the same, only pages whose Markdown changed are rebuilt; otherwise the whole site
is. Any doubt means a full rebuild.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import urls
from generator.engine.config import site_info
from generator.models import Curator, Mentor
from generator.portal.portal import Portal
from generator.project import Project
from generator.render.news import render_post_dateline, render_post_image, render_post_people
from generator.render.pages import render_parents_blocks
from generator.rules.people import name_policy
from generator.sources.config import theme_dir

PARENTS_PAGE = urls.source("parents")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_TITLE = re.compile(r"^(?:title:.*|#[ \t].*)$", re.MULTILINE)


@dataclass(frozen=True)
class Snapshot:
    """The inputs of one build: each page's Markdown (``pages``) and the structure signature (``parts``)."""

    pages: Mapping[str, str]  # site source path → the Markdown MkDocs reads (or a digest of what data adds)
    parts: Mapping[str, bytes]  # name of a part of the structure → its digest


@dataclass(frozen=True)
class Plan:
    """A full rebuild (with the reason, in Russian), or the pages to rebuild."""

    full: bool
    reason: str = ""
    pages: frozenset[str] = frozenset()


PART_NAMES = {
    "pages": "добавлена или удалена страница",
    "titles": "изменился заголовок страницы",
    "content": "изменилась папка content/",
    "config": "изменился mkdocs.yml или папка из его watch",
    "theme": "изменилось оформление",
    "people": "изменились согласия или имена людей",
    "withheld": "изменились фотографии без согласия",
    "site": "изменились сведения об организации или дата обновления",
    "date": "сменилась дата сборки",
    "posts": "изменились новости",
}


def take(
    project: Project,
    config_file: Path,
    theme_dirs: Iterable[str],
    portal: Portal,
    rendered: Mapping[str, str | bytes],
    people: Iterable[tuple[str, Mentor | Curator]],
    today: dt.date,
    watched: Iterable[str] = (),
) -> Snapshot:
    """The snapshot of a checked portal and its rendered pages (``rendered``: what the plugin is given)."""
    pages = {src: text for src, text in rendered.items() if isinstance(text, str) and src.endswith(".md")}
    if (project.content_dir / PARENTS_PAGE).is_file():  # the editors' page with the blocks made from data/
        pages[PARENTS_PAGE] = render_parents_blocks(portal)
    posts = "".join(
        f"{post.id}\0{render_post_dateline(portal, src)}{render_post_image(portal, src)}"
        f"{render_post_people(portal, post.id)}\0"
        for post in portal.news
        for src in [urls.source("news", post.id)]
    )
    other_files = sorted(src for src, text in rendered.items() if src not in pages)
    parts = {
        "pages": _digest("\0".join(sorted(pages) + other_files)),
        "titles": _digest("\0".join(f"{src}\0{title_lines(text)}" for src, text in sorted(pages.items()))),
        "content": _tree_digest([project.content_dir]),
        "config": _tree_digest([config_file, *(Path(p) for p in watched)]),  # and mkdocs.yml's own `watch:`
        "theme": _tree_digest([Path(theme_dir()), *(Path(d) for d in theme_dirs if _is_portal_dir(project, d))]),
        "people": bytes.fromhex(name_policy(people).digest),
        "withheld": _digest(repr(sorted(map(str, portal.withheld_files)))),
        "site": _digest(repr(sorted(site_info(portal).items()))),
        "date": _digest(today.isoformat()),
        "posts": _digest(posts),
    }
    return Snapshot(pages, parts)


def plan(before: Snapshot | None, after: Snapshot) -> Plan:
    """What to rebuild to go from the site of ``before`` to that of ``after`` (None: nothing built yet)."""
    if before is None:
        return Plan(full=True, reason="первая сборка")
    changed = [name for name, digest in after.parts.items() if before.parts.get(name) != digest]
    if changed or before.parts.keys() != after.parts.keys():
        return Plan(full=True, reason=", ".join(PART_NAMES[name] for name in changed) or "другой набор частей")
    return Plan(full=False, pages=frozenset(src for src, text in after.pages.items() if before.pages.get(src) != text))


def title_lines(markdown: str) -> str:
    """The lines a page's title comes from: its front matter's ``title:`` and its headings of the first level."""
    head = _FRONT_MATTER.match(markdown)
    front = head.group(1) if head else ""
    return "\n".join(_TITLE.findall(front) + [line for line in _TITLE.findall(markdown) if line.startswith("#")])


def _is_portal_dir(project: Project, folder: str) -> bool:
    """A theme folder of the portal (``custom_dir``), not of an installed package (those change with a restart)."""
    try:
        Path(folder).resolve().relative_to(project.root.resolve())
    except ValueError:
        return False
    return True


def _tree_digest(roots: Iterable[Path]) -> bytes:
    """Every file under ``roots`` by path, size and modification time (to the nanosecond)."""
    h = hashlib.blake2b(digest_size=16)
    for root in roots:
        if root.is_file():
            info = root.stat()
            h.update(f"{root}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
            continue
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                path = os.path.join(folder, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                h.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return h.digest()


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode("utf-8", errors="surrogatepass"), digest_size=16).digest()
