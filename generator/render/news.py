"""Additions to the news pages that MkDocs' blog plugin renders: a post's people and picture, and the
Russian titles of the plugin's own pages (archive, categories, pagination)."""

from __future__ import annotations

import re
from html import escape
from pathlib import PurePosixPath

from generator import ru, urls
from generator.portal.portal import Portal
from generator.render.contexts import PostPeople
from generator.render.env import environment, relative_url


def render_post(portal: Portal, src_uri: str, markdown: str) -> str:
    """A news post's Markdown as published: its date (and rubric) and picture on top, its people below."""
    people = render_post_people(portal, PurePosixPath(src_uri).stem)
    top = render_post_dateline(portal, src_uri) + render_post_image(portal, src_uri)  # a phone shows the sidebar last
    return top + (markdown.rstrip() + "\n\n" + people if people else markdown)


def render_post_people(portal: Portal, post_id: str) -> str:
    """The people line of a news post («Участники: …»), or "" when the post names nobody."""
    post = next((p for p in portal.news if p.id == post_id), None)
    if post is None or not post.mentors:
        return ""
    page = PostPeople(
        portal=portal, src=urls.source("news", post_id), url=post.url, title=post.title, description="", post=post
    )
    return environment().get_template(page.template).render(page=page, portal=portal)


def render_post_image(portal: Portal, src_uri: str) -> str:
    """The picture of a news post (front matter ``image``) as Markdown to put above its text, or ``""``."""
    post = next((p for p in portal.news if urls.source("news", p.id) == src_uri), None)
    if post is None or not post.image:
        return ""
    return (
        environment()
        .get_template("partials/_post_image.md.j2")
        .render(post=post, src=relative_url(post.image, urls.NEWS_POSTS))
    )


def render_post_dateline(portal: Portal, src_uri: str) -> str:
    """The date (and rubric) of a news post on top of its text, for phones where the sidebar comes last."""
    post = next((p for p in portal.news if urls.source("news", p.id) == src_uri), None)
    if post is None:
        return ""
    rubric = f" · Рубрика: {escape(', '.join(post.categories))}" if post.categories else ""
    return (
        f'<p class="nv-post-dateline"><time datetime="{post.date.isoformat()}">{ru.date(post.date)}</time>'
        f"{rubric}</p>\n\n"
    )


def archive_heading(markdown: str) -> str:
    """The blog archive's heading with a capital letter: «Ноябрь 2026», not «ноябрь 2026»."""
    if markdown.startswith("# ") and markdown[2:3].islower():
        return "# " + markdown[2:3].upper() + markdown[3:]
    return markdown


def view_meta(url: str, title: str, portal: Portal) -> dict[str, str]:
    """Title and description of the blog plugin's own pages (archive, categories, pagination) — in Russian."""
    org = portal.organization.short_name
    news = urls.url("news")  # the blog plugin's archive, categories and pages are under it
    page_no = re.search(r"/page/(\d+)/$", url)
    suffix = f", страница {page_no.group(1)}" if page_no else ""
    if url.startswith(f"{news}archive/"):
        title = title[:1].lower() + title[1:]  # «за ноябрь 2026 г.»: the heading itself is capitalised
        return {
            "title": f"Новости за {title} г.{suffix}",
            "description": f"Новости наставничества {org} за {title} г.{suffix}",
        }
    if url.startswith(f"{news}category/"):
        return {
            "title": f"Новости: {title}{suffix}",
            "description": f"Новости наставничества {org} в рубрике «{title}»{suffix}",
        }
    if url.startswith(f"{news}page/"):
        return {"title": f"Новости{suffix}", "description": f"Новости наставничества {org}{suffix}"}
    if url == news:
        return {"description": f"Новости наставничества {org}: события, конкурсы, обучение наставников"}
    return {}
