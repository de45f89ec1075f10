"""One benchmark figure: what was measured, its floor measured in the same run, the ratio,
and whether the goal holds.

Goals come in three kinds:
- "ratio": value / floor at most `goal` (P1, P2, P3, P5);
- "value": the value itself at most `goal`, in its unit (P4 ms, P6 % of a core, P7 s);
  the floor is shown for scale;
- "excess": value - floor at most `goal`, in its unit (P8 MB).
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

RATIO, VALUE, EXCESS = "ratio", "value", "excess"


@dataclass
class Figure:
    key: str                    # "P1" … "P8"
    title: str
    what: str                   # what the value is
    floor_what: str             # what the floor is
    unit: str                   # "s", "ms", "%", "MB"
    value: float
    floor: float
    goal: float
    goal_kind: str = RATIO
    runs: list = field(default_factory=list)         # every repetition of the value
    floor_runs: list = field(default_factory=list)
    details: dict = field(default_factory=dict)      # what else the run found out
    least_floor: float = 0.0    # the smallest floor a ratio divides by (timer resolution)

    @property
    def ratio(self) -> float:
        return self.value / max(self.floor, self.least_floor, 1e-12)

    @property
    def goal_text(self) -> str:
        if self.goal_kind == RATIO:
            return f"≤ {self.goal:g}×"
        if self.goal_kind == EXCESS:
            return f"≤ +{self.goal:g} {self.unit}"
        return f"≤ {self.goal:g} {self.unit}"

    @property
    def holds(self) -> bool:
        if self.goal_kind == RATIO:
            return self.ratio <= self.goal
        if self.goal_kind == EXCESS:
            return self.value - self.floor <= self.goal
        return self.value <= self.goal

    def to_json(self) -> dict:
        return {"figure": self.key, "title": self.title, "what": self.what,
                "floor_what": self.floor_what, "unit": self.unit,
                "value": _round(self.value), "floor": _round(self.floor),
                "ratio": _round(self.ratio), "goal": self.goal, "goal_kind": self.goal_kind,
                "goal_text": self.goal_text, "holds": self.holds,
                "runs": [_round(v) for v in self.runs],
                "floor_runs": [_round(v) for v in self.floor_runs],
                "details": self.details}


def _round(value: float) -> float:
    if value == 0 or abs(value) >= 100:
        return round(value, 1)
    if abs(value) >= 1:
        return round(value, 3)
    return float(f"{value:.4g}")


def timed(fn) -> tuple[float, object]:
    """(seconds, result) of one call."""
    began = time.perf_counter()
    result = fn()
    return time.perf_counter() - began, result


def interleaved(fns: dict, repeats: int, scale: float = 1.0) -> dict[str, list[float]]:
    """Call each of `fns` (name -> callable) once per round, `repeats` rounds, so that a
    figure and its floor see the same load; name -> durations (seconds × `scale`)."""
    out: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(max(1, repeats)):
        for name, fn in fns.items():
            seconds, _result = timed(fn)
            out[name].append(seconds * scale)
    return out


def median(values) -> float:
    return statistics.median(values) if values else 0.0
