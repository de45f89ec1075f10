"""When the deadline monitor must wake and what it must say then. Pure: it is handed the
deadlines, the lead times, the instant and the set of steps already taken; it never reads
a clock and starts no thread.

Each deadline gives *steps*:
- a `warning` at due - L for every lead time L (alerts.lead_times_hours, default 24/4/1 h),
- a `due` alert at the due instant (the last instant the deadline can still be met),
- a `platform` step at due + 1 s (the first instant it is missed) when the platform acts
  by itself on that kind of deadline (rules AE-3, AE-6, TB-3; see app.monitor.platform_rules).

Warnings and due alerts are for pending deadlines the shop must act on; informational
ones (the platform's own clocks) raise none. A step is identified by its deadline (case,
rule, kind, due instant) and its lead, so a deadline that moves gets new steps while one
that stays keeps the steps already taken: each alert is given once.

When several alerts of one deadline become due at once (the computer slept, the clock
jumped, or the deadline was moved close), only the latest one is given: a rep told "due
in 1 h" does not also need "due in 24 h".
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Iterable

from app.rules.deadline import Deadline

WARNING, DUE, PLATFORM = "warning", "due", "platform"
MISSED_AFTER = timedelta(seconds=1)   # met at or before due; missed at due + 1 s


def deadline_key(d: Deadline) -> tuple:
    """What identifies one deadline across reloads; a moved deadline gets a new key."""
    return (d.subject, d.case_id, d.order_no, d.conversation_id, d.rule, d.kind, d.due_at)


@dataclass(frozen=True, slots=True)   # tens of thousands on a big shop
class Step:
    fire_at: datetime
    step: str                  # WARNING, DUE or PLATFORM
    lead: timedelta | None     # for a warning: how long before due
    deadline: Deadline

    @property
    def key(self) -> tuple:
        return (deadline_key(self.deadline), self.step, self.lead)

    @property
    def is_alert(self) -> bool:
        return self.step != PLATFORM


def lead_times(hours: Iterable[int]) -> list[timedelta]:
    """The warning lead times, longest first; zero, negative and repeated values dropped
    (the alert at due is always given)."""
    return [timedelta(hours=h) for h in sorted({int(h) for h in hours if int(h) > 0},
                                               reverse=True)]


def steps_of(d: Deadline, leads: list[timedelta], platform_kinds=frozenset()) -> list[Step]:
    """The steps of one deadline."""
    steps: list[Step] = []
    if d.state == "pending" and not d.informational:
        steps += [Step(d.due_at - lead, WARNING, lead, d) for lead in leads]
        steps.append(Step(d.due_at, DUE, None, d))
    if d.state in ("pending", "missed") and (d.subject, d.kind) in platform_kinds:
        steps.append(Step(d.due_at + MISSED_AFTER, PLATFORM, None, d))
    return steps


class Schedule:
    """Every step of a set of deadlines, earliest first. Which steps were taken is kept by
    the caller in a set of keys (`fired`); a Schedule only grows that set."""

    def __init__(self, deadlines: Iterable[Deadline], lead_hours: Iterable[int],
                 platform_kinds=frozenset()):
        leads = lead_times(lead_hours)
        steps = [s for d in deadlines for s in steps_of(d, leads, platform_kinds)]
        steps.sort(key=lambda s: (s.fire_at, s.step != PLATFORM, s.key[0][1] or "",
                                  s.deadline.rule, s.deadline.kind))
        self.steps = steps
        self._instants = [s.fire_at for s in steps]
        self._keys = {s.key for s in steps}
        self._floor = 0   # every step before it is in `fired` (fired only grows)

    def __len__(self) -> int:
        return len(self.steps)

    def keep_known(self, fired: set) -> set:
        """The part of an earlier fired set that still names steps of this schedule."""
        return {k for k in fired if k in self._keys}

    def _advance(self, fired: set) -> int:
        while self._floor < len(self.steps) and self.steps[self._floor].key in fired:
            self._floor += 1
        return self._floor

    def next_wake(self, fired: set) -> datetime | None:
        """The instant of the earliest step not yet taken (it may lie in the past), or None
        when every step has been taken."""
        start = self._advance(fired)
        for step in self.steps[start:]:
            if step.key not in fired:
                return step.fire_at
        return None

    def take_due(self, at: datetime, fired: set) -> list[Step]:
        """The steps to take at `at`: every platform step due, and per deadline the latest
        alert due. Adds them, and the alerts they supersede, to `fired`."""
        start = self._advance(fired)
        end = bisect_right(self._instants, at, lo=start)
        latest: dict[tuple, Step] = {}
        taken: list[Step] = []
        for step in self.steps[start:end]:
            if step.key in fired:
                continue
            fired.add(step.key)
            if step.is_alert:
                latest[deadline_key(step.deadline)] = step   # later steps come later
            else:
                taken.append(step)
        taken += latest.values()
        taken.sort(key=lambda s: (s.fire_at, s.step != PLATFORM))
        return taken

    def passed_alerts(self, at: datetime) -> set:
        """Keys of the alerts whose instant is at or before `at` (given silently when the
        monitor starts: the start-up summary speaks of them). Platform steps not included."""
        end = bisect_right(self._instants, at)
        return {s.key for s in self.steps[:end] if s.is_alert}
