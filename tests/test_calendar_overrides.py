"""The rep's calendar corrections change working-day deadlines (AE-7) and are audited."""

from datetime import date

import pytest

from app.models import AuditEntry
from app.rules.calendar import add_working_days
from app.services.commerce import calendar_overrides as cal
from app.errors import InvalidInput
from tests.factories import utc

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server


def test_a_declared_day_off_pushes_a_working_day_deadline(db):
    # Tuesday 2026-03-03 10:00 China time + 2 working days (rule AE-7) = Thursday 10:00 ...
    start = utc(2026, 3, 3, 2, 0)
    assert add_working_days(start, 2, cal.working_calendar()) == utc(2026, 3, 5, 2, 0)
    # ... unless the rep declares Wednesday a day off: then Friday 10:00.
    cal.set_day(date(2026, 3, 4), False, note="local holiday", actor="mei")
    assert add_working_days(start, 2, cal.working_calendar()) == utc(2026, 3, 6, 2, 0)
    entry = AuditEntry.get(AuditEntry.entity == "calendar")
    assert entry.actor == "mei" and entry.detail["library"] is True


def test_a_declared_working_saturday_counts(db):
    saturday = date(2026, 3, 7)
    assert not cal.working_calendar().is_working(saturday)
    cal.set_day(saturday, True)
    assert cal.working_calendar().is_working(saturday)
    assert cal.clear_day(saturday)
    assert not cal.working_calendar().is_working(saturday)
    assert not cal.clear_day(saturday)


def test_setting_the_same_day_twice_keeps_one_override(db):
    cal.set_day(date(2026, 5, 9), True)
    cal.set_day(date(2026, 5, 9), False, note="changed")
    assert [(o.day, o.is_working, o.note) for o in cal.list_days()] == [
        (date(2026, 5, 9), False, "changed")]


def test_a_bad_date_is_refused():
    with pytest.raises(InvalidInput, match="not a date"):
        cal.parse_day("2026-02-30")
