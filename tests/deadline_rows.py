"""Deadlines around one Wednesday, for the tests of the Deadlines view's groups (in the
rep's zone handed in, or in the computer's own)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from app.rules.deadline import Deadline

# Wednesday 2026-03-04 10:00 in Shanghai
WED = datetime(2026, 3, 4, 2, 0, tzinfo=timezone.utc)


def deadline(due, state="pending", case="D-1", **changes):
    values = dict(rule="AE-3", kind="seller_response", subject="dispute", platform="aliexpress",
                  shop="ae", order_no="8000000000000001", case_id=case, due_at=due, state=state,
                  label="Respond to the buyer's proposal", action="Accept or refuse")
    values.update(changes)
    return Deadline(**values)


ROWS = [deadline(WED - timedelta(hours=2), "missed", "D-1"),          # overdue
        deadline(WED + timedelta(hours=13, minutes=59), case="D-2"),  # 23:59 Wed: today
        deadline(WED + timedelta(hours=14), case="D-3"),              # 00:00 Thu: this week
        deadline(WED + timedelta(days=4, hours=13), case="D-4"),      # Sun 23:00: this week
        deadline(WED + timedelta(days=4, hours=14), case="D-5"),      # Mon 00:00: later
        deadline(WED + timedelta(hours=1), "met", "D-6")]             # met: not shown
GROUPED_IN_SHANGHAI = {"overdue": ["D-1"], "today": ["D-2"], "week": ["D-3", "D-4"],
                       "later": ["D-5"], "unknown": []}
