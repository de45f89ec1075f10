"""The Deadlines view's groups: overdue, today, this week, later — "today" and "this week"
in the rep's own time zone (the computer's unless one is handed in), so the groups stay
right across daylight-saving changes. Pure: the deadlines and the instant are handed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from app.monitor.summary import end_of_local_day
from app.rules.deadline import Deadline

GROUPS = ("overdue", "today", "week", "later", "unknown")
TITLES = {"overdue": "Overdue", "today": "Due today", "week": "This week", "later": "Later",
          "unknown": "Time unknown"}


@dataclass(frozen=True)
class Boundaries:
    today_ends: datetime       # first instant of the rep's next local day (UTC)
    week_ends: datetime        # first instant of the rep's next local Monday (UTC)


def boundaries(now: datetime, tz: tzinfo | None = None) -> Boundaries:
    today_ends = end_of_local_day(now, tz)
    local = today_ends.astimezone(tz) if tz is not None else today_ends.astimezone()
    # the local day after today; step whole days to the next Monday, each by local midnight
    ends = today_ends
    weekday = local.weekday()            # weekday of tomorrow
    for _ in range((7 - weekday) % 7):
        ends = end_of_local_day(ends, tz)
    return Boundaries(today_ends, ends)


def group_of(deadline: Deadline, now: datetime, bounds: Boundaries) -> str:
    """A deadline is missed from due + 1 s; a met one no longer needs the rep; one whose
    starting instant the export did not carry (rule TB-1) is in a group of its own."""
    if deadline.state == "unknown" or deadline.due_at is None:
        return "unknown"
    if deadline.state == "missed" or (deadline.state == "pending" and now > deadline.due_at):
        return "overdue"
    if deadline.due_at < bounds.today_ends:
        return "today"
    if deadline.due_at < bounds.week_ends:
        return "week"
    return "later"


def grouped(deadlines, now: datetime, tz: tzinfo | None = None,
            include_met: bool = False) -> dict[str, list[Deadline]]:
    """{group: deadlines by due instant}, every group present (maybe empty)."""
    bounds = boundaries(now, tz)
    result: dict[str, list[Deadline]] = {g: [] for g in GROUPS}
    last = datetime.max.replace(tzinfo=now.tzinfo)
    for d in sorted(deadlines, key=lambda d: (d.due_at or last, d.case_id or "", d.rule)):
        if d.state == "met" and not include_met:
            continue
        result[group_of(d, now, bounds)].append(d)
    return result


def badge_count(deadlines, now: datetime, tz: tzinfo | None = None) -> int:
    """Deadlines the shop must act on that are overdue or due today (the navigation badge)."""
    bounds = boundaries(now, tz)
    return sum(1 for d in deadlines if not d.informational and d.state != "met"
               and group_of(d, now, bounds) in ("overdue", "today"))
