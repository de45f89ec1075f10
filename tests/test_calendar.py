"""Working days (used by rule AE-7): China's holidays and make-up days, the rep's overrides,
and "N working days from t" keeping the clock time in China time."""

import logging
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.rules import calendar as calmod
from app.rules.calendar import CALENDAR_ZONE, WorkingCalendar, add_working_days, local_day


def cst(*args) -> datetime:
    """An instant given in China time, returned in UTC."""
    return datetime(*args, tzinfo=CALENDAR_ZONE).astimezone(timezone.utc)


CAL = WorkingCalendar()


def test_tuesday_plus_two_is_thursday_same_clock_time():
    assert add_working_days(cst(2026, 3, 3, 10, 0), 2, CAL) == cst(2026, 3, 5, 10, 0)


def test_saturday_plus_two_is_tuesday_same_clock_time():
    assert add_working_days(cst(2026, 3, 7, 10, 0), 2, CAL) == cst(2026, 3, 10, 10, 0)


def test_the_day_is_chinas_day_not_the_utc_day():
    # Monday 20:00 UTC is already Tuesday 04:00 in China: + 2 working days = Thursday 04:00.
    start = datetime(2026, 3, 2, 20, 0, tzinfo=timezone.utc)
    assert add_working_days(start, 2, CAL) == cst(2026, 3, 5, 4, 0)


def test_zero_working_days_is_the_start_and_negative_is_refused():
    start = cst(2026, 3, 7, 10, 0)
    assert add_working_days(start, 0, CAL) == start
    with pytest.raises(ValueError):
        add_working_days(start, -1, CAL)


def test_spring_festival_2026_holidays_and_make_up_saturdays():
    assert CAL.is_working(date(2026, 2, 14))          # make-up Saturday before the holiday
    assert CAL.is_working(date(2026, 2, 28))          # make-up Saturday after it
    for day in range(15, 24):
        assert not CAL.is_working(date(2026, 2, day))  # Feb 15-23: holiday
    assert CAL.is_working(date(2026, 2, 24))


def test_friday_before_spring_festival_steps_onto_the_make_up_saturday_then_past_the_holiday():
    friday = cst(2026, 2, 13, 10, 0)
    assert add_working_days(friday, 1, CAL) == cst(2026, 2, 14, 10, 0)
    assert add_working_days(friday, 2, CAL) == cst(2026, 2, 24, 10, 0)


def test_a_holiday_start_counts_from_the_first_working_day_after_it():
    assert add_working_days(cst(2026, 2, 18, 9, 30), 1, CAL) == cst(2026, 2, 24, 9, 30)
    assert add_working_days(cst(2026, 2, 27, 9, 30), 1, CAL) == cst(2026, 2, 28, 9, 30)


def test_rep_overrides_win_over_the_library():
    wednesday_off = WorkingCalendar({date(2026, 3, 4): False})
    assert add_working_days(cst(2026, 3, 3, 10, 0), 2, wednesday_off) == cst(2026, 3, 6, 10, 0)
    sunday_on = WorkingCalendar({date(2026, 3, 8): True})
    assert add_working_days(cst(2026, 3, 7, 10, 0), 1, sunday_on) == cst(2026, 3, 8, 10, 0)
    holiday_on = WorkingCalendar({date(2026, 2, 16): True})
    assert add_working_days(cst(2026, 2, 14, 10, 0), 1, holiday_on) == cst(2026, 2, 16, 10, 0)


def test_year_without_holiday_table_falls_back_to_weekdays_and_warns_once(monkeypatch, caplog):
    monkeypatch.setattr(calmod, "_warned_years", set())
    with caplog.at_level(logging.WARNING, logger="afterdesk.calendar"):
        friday = cst(2027, 1, 8, 10, 0)
        assert add_working_days(friday, 1, CAL) == cst(2027, 1, 11, 10, 0)
        assert add_working_days(friday, 3, CAL) == cst(2027, 1, 13, 10, 0)
    warnings = [r for r in caplog.records if "2027" in r.getMessage()]
    assert len(warnings) == 1
    assert WorkingCalendar({date(2027, 1, 11): False}).next_working_day(date(2027, 1, 8)) == \
        date(2027, 1, 12)


def test_a_calendar_with_no_working_day_is_reported():
    never = {date(2026, 3, 1) + timedelta(days=i): False for i in range(3700)}
    with pytest.raises(ValueError, match="no working day"):
        WorkingCalendar(never).next_working_day(date(2026, 3, 1))


instants = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2028, 12, 31),
                        timezones=st.just(timezone.utc)).map(lambda d: d.replace(microsecond=0))


@given(instants, st.integers(min_value=1, max_value=15))
def test_property_result_is_a_later_working_day_at_the_same_china_clock_time(start, n):
    result = add_working_days(start, n, CAL)
    assert result > start
    assert CAL.is_working(local_day(result))
    assert result.astimezone(CALENDAR_ZONE).time() == start.astimezone(CALENDAR_ZONE).time()
    # Exactly n working days lie in (start day, result day].
    day, counted = local_day(start), 0
    while day < local_day(result):
        day += timedelta(days=1)
        counted += CAL.is_working(day)
    assert counted == n
