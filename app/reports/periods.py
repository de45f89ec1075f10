"""Report periods: local dates of a zone turned into UTC instants, and calendar months."""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta

from app.rules.timeconv import local_to_utc


def day_start(day: date, zone: str) -> datetime:
    return local_to_utc(datetime.combine(day, time()), zone)


def span(start: date, end: date, zone: str) -> tuple[datetime, datetime]:
    """[start 00:00, the day after end 00:00) in `zone`, as UTC instants."""
    return day_start(start, zone), day_start(end + timedelta(days=1), zone)


def months(start: date, end: date) -> list[tuple[str, date, date]]:
    """('2026-03', first day, last day) for each month touching [start, end], clipped."""
    out = []
    first = start.replace(day=1)
    while first <= end:
        following = (first.replace(day=28) + timedelta(days=4)).replace(day=1)
        out.append((f"{first:%Y-%m}", max(first, start), min(following - timedelta(days=1), end)))
        first = following
    return out


def median(values: list) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def percentile(values: list, share: float) -> float | None:
    """Nearest-rank percentile: the smallest value with at least `share` of values at or
    below it (p90 of 10 values is the 9th smallest)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(round(share * len(ordered), 9)))
    return ordered[rank - 1]
