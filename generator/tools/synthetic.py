"""``nastavnik new DIR --synthetic N``: a district portal of N fictional organizations, for measuring.

Each organization has 1 roadmap of 20 items, 20 mentors (most consenting; two adults without
consent; two pupils, one with a parent's consent), 10 practices, 20 library documents and 30 news
posts; the district has its own roadmap, documents and news. The text is plausible Russian from
:mod:`generator.tools.synthetic_text`; every name is fictional. The output is deterministic: the same
seed gives the same files, and organization *k* is the same whatever N is, so portals of 1, 10 and
50 organizations grow by adding organizations, not by changing them.

The records are written by :mod:`generator.tools.synthetic_org` (an organization's) and
:mod:`generator.tools.synthetic_district` (the district's own), from the building blocks of
:mod:`generator.tools.synthetic_records`.
"""

from __future__ import annotations

from pathlib import Path

from generator import urls
from generator.editor.scaffold import ensure_empty
from generator.errors import UsageError
from generator.sources.config import GUARD_LINE as ENGINE_GUARD
from generator.tools.synthetic_district import DistrictWriter
from generator.tools.synthetic_org import OrgWriter
from generator.tools.synthetic_records import write

SEED = 2026
SITE_URL = "https://rayon.example.ru/nastavnichestvo/"


def create(target: Path, organizations: int, seed: int = SEED, school: bool = False) -> Path:
    """Write the synthetic portal into ``target`` (empty or missing); ``school`` — one school, no district."""
    ensure_empty(target)
    if organizations < 1:
        raise UsageError("--synthetic: нужно хотя бы одна организация")
    target.mkdir(parents=True, exist_ok=True)
    if school:
        org = OrgWriter(target / "data", target / "content", 1, seed)
        org.write()
        write(target / "mkdocs.yml", mkdocs_yml(org.site_name, SITE_URL, SCHOOL_NAV))
        return target
    DistrictWriter(target, seed).write()
    for number in range(1, organizations + 1):
        org_id = f"school-{number}"
        OrgWriter(
            target / "data" / "organizations" / org_id, target / "content" / "organizations" / org_id, number, seed
        ).write()
    write(target / "mkdocs.yml", mkdocs_yml("Наставничество — МКУ «Управление образования»", SITE_URL, DISTRICT_NAV))
    return target


SCHOOL_NAV: list[NavEntry] = list(urls.nav())
DISTRICT_NAV: list[NavEntry] = list(urls.nav(urls.DISTRICT_NAV))


NavEntry = tuple[str, "str | list[NavEntry]"]


def nav_yaml(nav: list[NavEntry], indent: str = "  ") -> str:
    """``nav:`` entries as YAML lines; an entry whose value is a list is a section."""
    lines = []
    for title, value in nav:
        if isinstance(value, list):
            lines.append(f"{indent}- {title}:")
            lines.append(nav_yaml(value, indent + "    "))
        else:
            lines.append(f"{indent}- {title}: {value}")
    return "\n".join(lines)


def mkdocs_yml(site_name: str, site_url: str, nav: list[NavEntry], plugin: bool = True) -> str:
    """The portal's ``mkdocs.yml``: the demo's settings (``plugin=False`` — plain Material, for the benchmark)."""
    nav_lines = nav_yaml(nav)
    ours = "  - nastavnik\n" if plugin else ""
    guard = f"extra:\n  {ENGINE_GUARD}\n" if plugin else ""
    return f"""# Синтетический портал для замеров (nastavnik new --synthetic).
site_name: {site_name}
site_url: {site_url}
docs_dir: content
site_dir: site
use_directory_urls: true
theme:
  name: material
  language: ru
  font: false
  features:
    - navigation.tabs
    - navigation.top
    - navigation.prune
    - search.highlight
    - content.tooltips
plugins:
{ours}  - search:
      lang: ru
  - blog:
      blog_dir: news
      blog_toc: true
      post_url_format: "{{file}}"
      post_date_format: long
      post_excerpt: optional
      archive_name: Архив
      archive_date_format: LLLL yyyy
      categories_name: Рубрики
      categories_slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
      pagination_per_page: 10
  - rss:
      match_path: news/posts/.*
      date_from_meta:
        as_creation: date
      use_git: false
      abstract_chars_count: 300
markdown_extensions:
  - attr_list
  - md_in_html
  - admonition
  - tables
  - def_list
  - footnotes
  - pymdownx.details
  - pymdownx.superfences
  - toc:
      permalink: true
      permalink_title: Ссылка на этот раздел
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
nav:
{nav_lines}
{guard}validation:
  nav:
    omitted_files: ignore
  links:
    anchors: info
"""
