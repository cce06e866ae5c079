"""What a build's sections gave, judged: stop on problems and failures, or gather the warnings to print."""

from __future__ import annotations

from generator.checks.site import failing
from generator.errors import BuildFailed, DataErrors, Problem, Problems
from generator.pipeline.sections import SectionOutcome


def raise_for(outcomes: list[SectionOutcome], problems: Problems, strict: bool) -> Problems:
    """Stop on the data's problems (``problems`` and the sections'), then on an engine's failure, then on what
    the built trees hold; return every data problem, merged."""
    merged = Problems()
    merged.extend(problems)
    for outcome in outcomes:
        merged.extend(outcome.problems)
    if merged.failed(strict) or not all(o.checked for o in outcomes):
        raise DataErrors(merged.sorted(), strict=strict)
    failures = [o.failure for o in outcomes if o.failure]
    if failures:
        raise BuildFailed("\n".join(failures))
    findings = [f for o in outcomes for f in o.findings]
    if failing(findings):
        raise DataErrors(findings)
    return merged


def warnings_of(
    problems: Problems,
    outcomes: list[SectionOutcome],
    engine: tuple[Problem, ...] = (),
    findings: list[Problem] | tuple[Problem, ...] = (),
) -> tuple[Problem, ...]:
    """What the editor reads after a build that succeeded: the data's warnings and notices, the engine's
    warnings, and the findings that are only warnings (a PDF whose names could not be checked)."""
    sections_engine = tuple(w for o in outcomes for w in o.warnings)
    sections_found = tuple(f for o in outcomes for f in o.findings)
    return (
        tuple(problems.warnings) + tuple(problems.notices) + engine + sections_engine + sections_found + tuple(findings)
    )
