"""Bar charts for the «Мониторинг» page, computed at build time and drawn as inline SVG by a template.

A chart is plain numbers: each bar knows its value and its length in per cent of the longest one
(or of a fixed maximum, for percentages). The template ``partials/_bar_chart.html.j2`` draws it;
no chart library and no script are involved. The chart repeats a table next to it, so screen
readers skip it and read the table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    length: float  # per cent of the chart's width, 0–100
    note: str = ""  # printed after the value: «%», «из 12»

    @property
    def text(self) -> str:
        return f"{self.value}{self.note}"


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    bars: tuple[Bar, ...]
    tone: str = "primary"  # CSS modifier: primary, done, people

    @property
    def empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def bar_chart(
    chart_id: str,
    title: str,
    values: Iterable[tuple[str, int]],
    maximum: int | None = None,
    note: str = "",
    tone: str = "primary",
) -> BarChart:
    """Bars for ``(label, value)`` pairs; lengths relative to ``maximum`` or to the largest value."""
    pairs = list(values)
    top = maximum if maximum is not None else max((value for _, value in pairs), default=0)
    bars = tuple(
        Bar(label, value, round(100 * value / top, 1) if top else 0.0, note) for label, value in pairs
    )  # fmt: skip
    return BarChart(chart_id, title, bars, tone)
