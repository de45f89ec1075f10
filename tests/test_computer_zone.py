"""The paths that take the computer's own time zone (no zone handed in): "today" and
"this week" of the Deadlines view, the end of the rep's day, the monitor's summary. Run
here with the computer set to Asia/Shanghai (UTC+8) and to America/Los_Angeles (with its
daylight-saving change), so that an answer that only holds on a UTC computer fails."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.clock import end_of_local_day
from app.monitor.summary import due_summary
from app.services.clocks.deadline_groups import badge_count, grouped
from tests.deadline_rows import GROUPED_IN_SHANGHAI, ROWS, WED, deadline

SHANGHAI, LOS_ANGELES = "Asia/Shanghai", "America/Los_Angeles"


@pytest.fixture
def computer_zone(monkeypatch):
    """Set the computer's zone as the TZ variable does (POSIX), and back afterwards."""
    if not hasattr(time, "tzset"):
        pytest.skip("the computer's zone is set through TZ on POSIX systems only")

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


def test_the_deadlines_view_groups_by_the_computers_days(computer_zone):
    computer_zone(SHANGHAI)
    groups = grouped(ROWS, WED)
    assert {k: [d.case_id for d in v] for k, v in groups.items()} == GROUPED_IN_SHANGHAI
    assert badge_count(ROWS, WED) == 2
    assert grouped(ROWS, WED) == grouped(ROWS, WED, ZoneInfo(SHANGHAI))


def test_the_reps_day_ends_at_the_computers_midnight_across_a_dst_change(computer_zone):
    computer_zone(LOS_ANGELES)
    # 2026-03-08 is the spring-forward day in Los Angeles: it lasts 23 hours.
    now = datetime(2026, 3, 8, 9, 0, tzinfo=timezone.utc)          # 01:00 PST
    assert end_of_local_day(now) == datetime(2026, 3, 9, 7, 0, tzinfo=timezone.utc)
    computer_zone(SHANGHAI)
    assert end_of_local_day(now) == datetime(2026, 3, 8, 16, 0, tzinfo=timezone.utc)


def test_the_monitors_summary_counts_the_computers_today(computer_zone):
    computer_zone(SHANGHAI)
    items = [deadline(WED + timedelta(hours=13), case="D-2"),         # 23:00 in Shanghai
             deadline(WED + timedelta(hours=14), case="D-3")]         # 00:00 next day there
    assert due_summary(items, WED) == "1 dispute needs a response today."
    computer_zone(LOS_ANGELES)            # 18:00 on Tuesday there: both are due tomorrow
    assert due_summary(items, WED) == "Nothing is due today."
