"""The benchmark's baseline: the same pages as plain mkdocs-material, without our plugin.

:func:`dump_plain` writes a plain MkDocs project whose ``docs/`` holds exactly the Markdown our
build hands to MkDocs — the generated pages of the district and of every organization, and the
editors' content (news posts, ``parents.md`` with its generated blocks, files) — under the same
paths as in our site (``/<org>/…``). Its ``mkdocs.yml`` has the same theme, features, Markdown
extensions, search, blog (one instance per section) and RSS, but no ``nastavnik`` plugin and no
overrides: one MkDocs site of all the pages, the way a district would build it without us.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

from generator.district import assemble, check_district, summarise
from generator.district.config import ORG_NAV
from generator.district.pages import render_district_pages
from generator.engine.plugin import PARENTS_PAGE, POSTS_DIR
from generator.errors import DataErrors
from generator.portal.check import check
from generator.portal.portal import Portal
from generator.project import ORGANIZATIONS, Project
from generator.render.news import render_post
from generator.render.pages import render_pages, render_parents_page
from generator.tools.synthetic import DISTRICT_NAV, SCHOOL_NAV, SITE_URL, NavEntry, mkdocs_yml


def dump_plain(root: Path, out: Path) -> Path:
    """Write the plain MkDocs project of the portal at ``root`` into ``out``; return its ``mkdocs.yml``."""
    project = Project(root)
    if out.exists():
        shutil.rmtree(out)
    docs = out / "docs"
    if not project.is_district:
        checked = check(project)
        if checked.portal is None:
            raise DataErrors(checked.problems.sorted())
        _section(docs, project.content_dir, checked.portal, render_pages(checked.portal))
        config = mkdocs_yml(
            f"Наставничество — {checked.portal.organization.short_name}", SITE_URL, SCHOOL_NAV, plugin=False
        )
        return _config(out, config, ["news"])
    district = check_district(project)
    if not district.ok or district.top.portal is None:
        raise DataErrors(district.problems.sorted())
    parts = [summarise(org, c.portal) for org, c in district.orgs.items() if c.portal is not None]
    top = district.top.portal
    _section(docs, project.content_dir, top, render_district_pages(assemble(top, parts)), skip=ORGANIZATIONS)
    nav: list[NavEntry] = list(DISTRICT_NAV)
    for org, checked in district.orgs.items():
        assert checked.portal is not None
        _section(docs / org, project.organization(org).content_dir, checked.portal, render_pages(checked.portal))
        section: list[NavEntry] = [(title, f"{org}/{src}") for title, src in ORG_NAV]
        nav.append((_quoted(checked.portal.organization.short_name), section))
    config = mkdocs_yml(f"Наставничество — {top.organization.short_name}", SITE_URL, nav, plugin=False)
    return _config(out, config, ["news", *(f"{org}/news" for org in district.orgs)])


def _quoted(title: str) -> str:
    return '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _section(
    docs: Path, content: Path, portal: Portal, rendered: Mapping[str, str | bytes], skip: str | None = None
) -> None:
    """One section: the editors' content copied, the generated pages written beside it."""
    ignore = shutil.ignore_patterns(skip) if skip else None
    if content.is_dir():
        shutil.copytree(content, docs, ignore=ignore, dirs_exist_ok=True)
    for src, markdown in rendered.items():
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(markdown, bytes):  # a district's downloads
            target.write_bytes(markdown)
        else:
            target.write_text(markdown, encoding="utf-8")
    # what our plugin adds to each news post: its date, picture and people
    for post in sorted((docs / POSTS_DIR).glob("*.md")):
        front, body = _front_matter(post.read_text(encoding="utf-8"))
        post.write_text(front + render_post(portal, post.relative_to(docs).as_posix(), body), encoding="utf-8")
    parents = docs / PARENTS_PAGE
    if parents.is_file():
        text = parents.read_text(encoding="utf-8").rstrip()
        parents.write_text(render_parents_page(portal, text), encoding="utf-8")


def _front_matter(text: str) -> tuple[str, str]:
    """A page's front matter (with its fences; "" without one) and the Markdown after it."""
    if text.startswith("---\n") and (end := text.find("\n---\n", 3)) != -1:
        return text[: end + 5], text[end + 5 :]
    return "", text


def _config(out: Path, config: str, blogs: list[str]) -> Path:
    """``docs_dir: docs``, one blog instance per section, the RSS feed over all their posts."""
    config = config.replace("docs_dir: content", "docs_dir: docs")
    blog = config[config.index("  - blog:") : config.index("  - rss:")]
    config = config.replace(blog, "".join(blog.replace("blog_dir: news", f"blog_dir: {b}") for b in blogs))
    config = config.replace("match_path: news/posts/.*", "match_path: (.*/)?news/posts/.*")
    path = out / "mkdocs.yml"
    path.write_text(config, encoding="utf-8")
    return path
