"""``nastavnik build [--strict] [--org ID] [--jobs N] [--timings FILE] [--prebuilt DIR]``

A school's portal is built by :func:`generator.build.build`; a district's (``data/organizations/``)
by :mod:`generator.district.build`: every organization in parallel, or one with ``--org``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .. import ru
from ..build import build
from ..errors import UsageError
from ..project import Project
from ..timings import timings_json
from ..translate import os_error


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    project = Project.find()
    prebuilt = args.prebuilt
    if not project.is_district:
        if args.org:
            raise UsageError("--org: в этом портале одна организация; параметр нужен только для портала района")
        if prebuilt:
            raise UsageError("--prebuilt: в этом портале одна организация; параметр нужен только для портала района")
        report = build(project, strict=args.strict)
        summary = report.summary()
    else:
        from ..district.build import build_district, build_organization

        if args.org and prebuilt:
            raise UsageError(
                "--org и --prebuilt вместе не используются: --org собирает один раздел, --prebuilt — весь сайт"
            )
        if args.org:
            report = build_organization(project, args.org, strict=args.strict)
            summary = f"Раздел организации собран в site/{args.org}/: {report.counts()}"
        else:
            report = build_district(
                project, strict=args.strict, jobs=args.jobs, prebuilt=Path(prebuilt) if prebuilt else None
            )
            orgs = ru.plural(len(project.organizations()), "организация", "организации", "организаций")
            summary = f"Сайт района собран в site/ ({orgs}): {report.counts()}"
    lines = [w.format() for w in report.warnings]
    if args.timings:
        doc = timings_json(report.timings, report.seconds, report.pages, report.records, report.peak_rss_mb)
        target = Path(args.timings)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"--timings {args.timings}: файл не записан ({os_error(exc)}) — сайт собран") from None
    lines.extend(report.notes)
    lines.append(summary)
    return lines, 0
