"""The district's monitoring tables as downloads of its ``/stats/``: every organization's figures by year and
form, and its shares involved — CSV, XLSX and JSON with the school downloads' formula guard."""

from __future__ import annotations

import datetime as dt
import json

from generator import ru
from generator.district.summary import District
from generator.render.monitoring_files import (
    BASENAME,
    FIGURES_HEADER,
    SHARES_HEADER,
    Table,
    write_csv,
    write_xlsx,
)


def district_files(district: District, today: dt.date | None = None) -> dict[str, bytes]:
    """site path → bytes of the three downloads ({} when no organization gave figures or coverage)."""
    orgs = district.organizations
    titles = {org.id: dict(org.forms) for org in orgs}
    figures = [
        [org.short_name, f.year, titles[org.id].get(f.form, f.form), str(f.mentors), str(f.mentees), str(f.pairs)]
        for org in orgs
        for f in sorted(org.figures, key=lambda f: f.year)
    ]
    shares = [
        [org.short_name, r.year, r.label, str(r.total), str(r.involved), ru.short_decimal(r.share),
         "" if r.target is None else ru.short_decimal(r.target)]
        for org in orgs
        for r in org.shares
    ]  # fmt: skip
    if not figures and not shares:
        return {}
    tables: list[Table] = [
        ("По организациям и формам", ("Организация", *FIGURES_HEADER), figures, [30, 14, 36, 14, 14, 14]),
        ("Охват", ("Организация", *SHARES_HEADER), shares, [30, 14, 24, 10, 12, 10, 10]),
    ]
    name = district.portal.organization.short_name
    data = {
        "district": name,
        "organizations": [
            {
                "id": org.id,
                "name": org.short_name,
                "figures": [f.model_dump(mode="json") for f in org.figures],
                "shares": [
                    {"year": r.year, "group": r.group, "total": r.total, "involved": r.involved, "share": r.share,
                     "target": r.target}
                    for r in org.shares
                ],
            }
            for org in orgs
        ],
    }  # fmt: skip
    return {
        f"{BASENAME}.csv": write_csv(tables),
        f"{BASENAME}.xlsx": write_xlsx(tables, f"Мониторинг наставничества: {name}", today or district.portal.today),
        f"{BASENAME}.json": (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"),
    }
