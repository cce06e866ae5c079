"""``nastavnik build [--strict] [--org ID] [--jobs N] [--timings FILE]``"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..build import build
from ..errors import UsageError
from ..project import Project


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    project = Project.find()
    if args.org:
        raise UsageError("--org: в этом портале одна организация; параметр нужен только для портала района")
    report = build(project, strict=args.strict)
    lines = [w.format() for w in report.warnings]
    if args.timings:
        timings = {
            **{name: round(seconds, 4) for name, seconds in report.timings.items()},
            "total": round(report.seconds, 4),
            "pages": report.pages,
            "records": report.records,
            "peak_rss_mb": round(report.peak_rss_mb, 1),
        }
        Path(args.timings).write_text(json.dumps(timings, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    lines.extend(report.notes)
    lines.append(report.summary())
    return lines, 0
