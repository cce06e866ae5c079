"""Checking a district: its own data and every organization's, all problems with their file paths.

Each organization goes through the same pipeline as a school (``portal.check.check`` on
``Project(root, org)``), so a problem reads ``data/organizations/school-5/mentors/x.yaml:4: …``.
The rules of the district itself are few: an organization's folder name is its address (``/<org>/``),
so it must be a valid id and must not take the name of a page of the district's section.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator import urls
from generator.checks.pdf_text import pdf_text_problems
from generator.errors import Problem, Problems, Severity
from generator.portal.check import Checked, check
from generator.project import ORGANIZATIONS, Project, build_date
from generator.rules.people import name_policy, people_of
from generator.timings import Timings

_ORG_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")

# Top-level paths of the district's section (MkDocs, Material and our pages): an organization may not take them.
RESERVED = urls.top_level_names() | frozenset(
    # the editor, the portal's own folders and names the blog or the theme may take one day
    {"admin", "site", "data", "content", "theme", "node_modules", "schemas", "tags", "blog"}
)


@dataclass(frozen=True)
class DistrictChecked:
    """The district's own data checked, and every organization's."""

    top: Checked
    orgs: dict[str, Checked]
    problems: Problems  # all of them, the district's and every organization's

    @property
    def ok(self) -> bool:
        return not self.problems.errors and self.top.portal is not None


def org_problems(project: Project, only: str | None = None) -> list[Problem]:
    """Problems with the organizations' folders themselves (not with their data); ``only`` — of one of them."""
    found: list[Problem] = []
    for org in project.organizations():
        if only is not None and org != only:
            continue
        where = f"data/{ORGANIZATIONS}/{org}"
        if not _ORG_ID.fullmatch(org):
            found.append(
                Problem(
                    where,
                    None,
                    f"имя папки организации «{org}» не подходит для адреса раздела /{org}/",
                    "переименуйте папку (и такую же в content/organizations/): латинские строчные буквы, цифры "
                    "и дефис, например school-5",
                )
            )
        elif org in RESERVED:
            found.append(
                Problem(
                    where,
                    None,
                    f"имя папки организации «{org}» совпадает с адресом страницы раздела района /{org}/",
                    "переименуйте папку (и такую же в content/organizations/), например в school-" + org,
                )
            )
        news_index = project.organization(org).content_dir / urls.source("news")
        if not news_index.is_file():
            found.append(
                Problem(
                    f"content/{ORGANIZATIONS}/{org}/{urls.source('news')}",
                    None,
                    "нет страницы новостей организации",
                    "создайте этот файл с одной строкой «# Новости» (без него MkDocs создаст страницу «Blog»)",
                )
            )
    content = project.root / "content" / ORGANIZATIONS
    if only is None and content.is_dir():
        for folder in sorted(p for p in content.iterdir() if p.is_dir() and p.name not in project.organizations()):
            found.append(
                Problem(
                    f"content/{ORGANIZATIONS}/{folder.name}",
                    None,
                    f"для папки «{folder.name}» нет папки данных data/{ORGANIZATIONS}/{folder.name}/ — её страницы не публикуются",
                    "переименуйте папку так же, как папку организации в data/organizations/, или удалите её",
                    Severity.WARNING,
                )
            )
    return found


def top_problems(top: Checked) -> list[Problem]:
    program = top.records.program
    if program is None or program.model.organization.type == "department":
        return []
    return [
        Problem(
            program.doc.path,
            program.doc.line_of(("organization", "type")),
            "у портала района организация верхнего уровня должна быть управлением образования",
            "укажите organization: {type: department} — или уберите папку data/organizations/, если это портал "
            "одной школы",
            Severity.WARNING,
        )
    ]


def check_district(project: Project, today: dt.date | None = None, timings: Timings | None = None) -> DistrictChecked:
    """The district's own data, then every organization's, in the order of their ids."""
    today = today or build_date()
    problems = Problems()
    problems.extend(org_problems(project))
    top = check(project, today, timings)
    problems.extend(top.problems)
    problems.extend(top_problems(top))
    orgs = {}
    for org in project.organizations():
        checked = check(project.organization(org), today, timings)
        problems.extend(checked.problems)
        orgs[org] = checked
    problems.extend(shared_names([top, *orgs.values()]))
    return DistrictChecked(top, orgs, problems)


def shared_names(checked: list[Checked]) -> list[Problem]:
    """A person without consent whose full name a consenting person elsewhere in the district has.

    The consenting person's name is then published only in their own organization's section: anywhere
    else it may be the other one, and the build stops on it. The editors should know before it does.
    """
    from generator.checks.names.search import clashes  # (the search itself is the checking child's)

    policy = name_policy(person for one in checked for person in people_of(one.records))
    minors = {name.who for name in policy.minors}
    return [
        Problem(
            withheld.who.partition(",")[0],
            None,
            f"у человека без согласия на публикацию то же полное имя, что у {published.who} (согласие есть): "
            "это имя можно публиковать только в разделе организации, где работает человек с согласием, — в "
            "остальных разделах сборка остановится",
            "если это один и тот же человек, внесите согласие и в эту карточку; если разные — в других разделах "
            "называйте человека с согласием по должности или ссылкой на его страницу",
            Severity.WARNING,
        )
        for withheld, published in clashes(policy)
        if withheld.who not in minors and withheld.section != published.section
    ]


def check_portal_problems(project: Project, today: dt.date | None = None) -> Problems:
    """Every problem of a portal: a school's, or a district's and all its organizations'."""
    problems = check_district(project, today).problems if project.is_district else check(project, today).problems
    problems.extend(pdf_text_problems(project.root, project.root / "content"))
    return problems
