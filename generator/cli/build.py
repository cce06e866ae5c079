"""``nastavnik build [--strict] [--org ID] [--jobs N] [--timings FILE] [--prebuilt DIR]``

Every portal is built by :func:`generator.pipeline.build.build`: a school as one section, a district's
(``data/organizations/``) organizations in parallel with its own section on top, or one with ``--org``.
"""

from __future__ import annotations

import argparse
import json

from generator.errors import UsageError
from generator.options import BuildOptions
from generator.pipeline.build import BuildReport, build
from generator.progress import Progress
from generator.project import Project
from generator.timings import timings_json
from generator.translate import os_error


def run(args: argparse.Namespace) -> tuple[list[str], int]:
    project = Project.find()
    options = BuildOptions.from_args(args)  # the one object every stage of the build reads
    progress = Progress.for_build(district=project.is_district)
    try:
        report, summary = _build(project, options, progress)
    finally:
        progress.done()
    lines = [w.format() for w in report.warnings]
    if options.timings is not None:
        doc = timings_json(report.timings, report.seconds, report.pages, report.records, report.peak_rss_mb)
        target = options.timings
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(doc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"--timings {args.timings}: файл не записан ({os_error(exc)}) — сайт собран") from None
    lines.extend(report.notes)
    lines.append(summary)
    return lines, 0


def _build(project: Project, options: BuildOptions, progress: Progress) -> tuple[BuildReport, str]:
    """The build ``options`` ask for, and the line that sums it up."""
    report = build(project, options, progress)
    return report, report.summary()
