"""The working-day calendar: which days count as working days, and "N working days from t".

Working days skip Saturdays, Sundays and the public holidays of China; make-up working days
(调休, a weekend day declared a working day) count. The holiday table comes from the
`chinese_calendar` package; the days a rep declares in AfterDesk (CalendarOverride) win over
it. For a year the package does not know, AfterDesk falls back to Monday–Friday plus the
rep's declared days and logs a warning once per year, so the rep knows to enter that year's
holidays.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar

from app.clock import UTC, as_utc

log = logging.getLogger("afterdesk.calendar")

# The calendar's own time zone: working days are China's days, whatever the shop's zone.
CALENDAR_ZONE = ZoneInfo("Asia/Shanghai")

# Years already warned about (the package lacks them), so the log says it once.
_warned_years: set[int] = set()


class WorkingCalendar:
    """China's working days with the rep's overrides (day -> is it a working day)."""

    def __init__(self, overrides: dict[date, bool] | None = None, name: str = "CN"):
        self.name = name
        self.overrides = dict(overrides or {})

    def is_working(self, day: date) -> bool:
        if day in self.overrides:
            return bool(self.overrides[day])
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            if day.year not in _warned_years:
                _warned_years.add(day.year)
                log.warning("no holiday table for %s in the calendar library: counting "
                            "Monday-Friday plus the days entered in AfterDesk", day.year)
            return day.weekday() < 5

    def next_working_day(self, day: date) -> date:
        """The first working day strictly after `day`."""
        day += timedelta(days=1)
        for _ in range(3660):  # ten years without a working day means a broken override table
            if self.is_working(day):
                return day
            day += timedelta(days=1)
        raise ValueError("no working day within ten years: check the calendar overrides")


def local_day(instant: datetime) -> date:
    """The calendar day of an instant in the calendar's time zone."""
    return as_utc(instant).astimezone(CALENDAR_ZONE).date()


def add_working_days(start: datetime, n: int, cal: WorkingCalendar) -> datetime:
    """N working days from `start`: step N times to the next working day, keeping start's
    clock time in China time. Tuesday 10:00 + 2 = Thursday 10:00; Saturday 10:00 + 2 =
    Tuesday 10:00 (when Monday and Tuesday are working days). Returns UTC."""
    if n < 0:
        raise ValueError("working days must not be negative")
    local = as_utc(start).astimezone(CALENDAR_ZONE)
    day = local.date()
    for _ in range(n):
        day = cal.next_working_day(day)
    moved = datetime.combine(day, local.timetz().replace(tzinfo=None), tzinfo=CALENDAR_ZONE)
    return moved.astimezone(UTC)
