"""What a report chart shows, read from its section's table: labels, series of figures (as
numbers to draw and as the table's own texts to write), and the round steps of its axis."""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

from ui.reports.section_table_model import cell_text


@dataclass(frozen=True)
class Series:
    name: str               # the table's column title
    values: tuple           # float, or None where the table shows "–"
    texts: tuple            # the same figures as the table writes them


def number(value) -> float | None:
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return float(value)
    return None


def nice_scale(low: float, high: float, *, ticks: int = 5,
               integers: bool = False) -> tuple[float, float, float]:
    """An axis from `low` to `high` in round steps (1, 2, 2.5 or 5 × a power of ten):
    (first tick, last tick, step). Counts (`integers`) never get steps below 1."""
    if high <= low:
        high = low + 1
    raw = (high - low) / ticks
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * 0.999)
    if integers:
        step = max(1.0, round(step))
    return math.floor(low / step + 1e-9) * step, math.ceil(high / step - 1e-9) * step, step


def tick_text(value: float, step: float) -> str:
    decimals = next((d for d in range(5) if abs(step * 10 ** d - round(step * 10 ** d)) < 1e-6),
                    4)
    return f"{value:.{decimals}f}"


def chart_labels(columns, rows, chart) -> list[str]:
    """The label column's texts; where they repeat (refunds: one row per month and
    currency), each with the first other text column's, e.g. "2026-06 CNY"."""
    labels = [cell_text(row[chart.label_column]) for row in rows]
    if len(set(labels)) == len(labels):
        return labels
    others = [c for c in range(len(columns))
              if c != chart.label_column and c not in chart.value_columns
              and all(isinstance(row[c], str) for row in rows)]
    if not others:
        return labels
    return [f"{label} {row[others[0]]}" for label, row in zip(labels, rows)]
