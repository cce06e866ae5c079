"""Shares, not only counts: the part of each group (pupils, teachers, young specialists) involved in mentoring,
year by year, against its target — computed with pandas from ``coverage`` in ``data/program.yaml``.

pandas is imported only when a portal has coverage figures; its cost (the import and the table) is in
``make bench``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.models.program import Coverage

GROUPS: tuple[tuple[str, str], ...] = (
    ("pupils", "Ученики"),
    ("teachers", "Педагоги"),
    ("young_specialists", "Молодые специалисты"),
)
GROUP_LABELS = dict(GROUPS)


@dataclass(frozen=True)
class ShareRow:
    year: str
    group: str  # pupils, teachers, young_specialists
    label: str  # «Ученики»
    total: int
    involved: int
    share: float  # percent, one decimal
    target: float | None  # percent

    @property
    def met(self) -> bool | None:
        """Whether the target is reached; None without a target."""
        return None if self.target is None else self.share >= self.target

    @property
    def gap(self) -> float | None:
        """Percentage points to the target (0 when reached); None without a target."""
        return None if self.target is None else round(max(self.target - self.share, 0.0), 1)


def share_rows(coverage: Sequence[Coverage]) -> tuple[ShareRow, ...]:
    """Every (year, group) with its share involved, oldest year first, groups in :data:`GROUPS` order."""
    records = [
        {"year": c.year, "group": key, "total": g.total, "involved": g.involved, "target": g.target}
        for c in coverage
        for key, _ in GROUPS
        if (g := getattr(c, key)) is not None
    ]
    if not records:
        return ()
    import pandas as pd

    frame = pd.DataFrame.from_records(records)
    frame["share"] = (frame["involved"] / frame["total"] * 100).round(1)
    frame["order"] = frame["group"].map({key: i for i, (key, _) in enumerate(GROUPS)})
    frame = frame.sort_values(["year", "order"], kind="stable")
    return tuple(
        ShareRow(
            year=str(row.year),
            group=str(row.group),
            label=GROUP_LABELS[str(row.group)],
            total=int(row.total),
            involved=int(row.involved),
            share=float(row.share),
            target=None if pd.isna(row.target) else float(row.target),
        )
        for row in frame.itertuples(index=False)
    )


def latest(rows: Iterable[ShareRow]) -> tuple[ShareRow, ...]:
    """The rows of the most recent year."""
    rows = tuple(rows)
    if not rows:
        return ()
    year = max(r.year for r in rows)
    return tuple(r for r in rows if r.year == year)


def rank(shares: dict[str, tuple[ShareRow, ...]], group: str = "pupils") -> list[tuple[str, ShareRow | None]]:
    """Organizations by the share of ``group`` involved in their latest year, highest first; those without
    figures last (in the given order)."""
    import pandas as pd

    rows = [(org, next((r for r in latest(found) if r.group == group), None)) for org, found in shares.items()]
    frame = pd.DataFrame({"org": [o for o, _ in rows], "share": [r.share if r else None for _, r in rows]})
    frame["position"] = range(len(frame))
    frame = frame.sort_values(["share", "position"], ascending=[False, True], na_position="last", kind="stable")
    by_org = dict(rows)
    return [(str(org), by_org[str(org)]) for org in frame["org"]]
