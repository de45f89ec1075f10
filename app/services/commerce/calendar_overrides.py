"""The rep's corrections to the working-day calendar (a holiday the library does not know yet,
a make-up working Saturday announced late). Every change is audited."""

from __future__ import annotations

from datetime import date

from app.db import database
from app.models import CalendarOverride
from app.rules.calendar import WorkingCalendar
from app.services.common import audit
from app.errors import InvalidInput

CALENDARS = ("CN",)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(str(text).strip())
    except ValueError:
        raise InvalidInput("'{text}' is not a date such as 2027-02-08", text=text,
                           field="day") from None


def set_day(day: date, is_working: bool, *, note: str = "", calendar: str = "CN",
            actor: str = "rep") -> CalendarOverride:
    """Declare `day` a working day or a day off, over what the holiday library says."""
    if calendar not in CALENDARS:
        raise InvalidInput("unknown calendar '{calendar}'", calendar=calendar, field="calendar")
    library = WorkingCalendar().is_working(day)
    with database.atomic():
        row = CalendarOverride.get_or_none(calendar=calendar, day=day)
        before = None if row is None else row.is_working
        if row is None:
            row = CalendarOverride.create(calendar=calendar, day=day, is_working=is_working,
                                          note=note)
        else:
            row.is_working, row.note = is_working, note
            row.save()
        audit.record(actor, "calendar", f"{calendar}/{day.isoformat()}", "set",
                     {"working": is_working, "before": before, "library": library, "note": note})
    return row


def clear_day(day: date, *, calendar: str = "CN", actor: str = "rep") -> bool:
    """Back to the library's answer for `day`; False when there was no override."""
    with database.atomic():
        count = (CalendarOverride.delete()
                 .where((CalendarOverride.calendar == calendar) & (CalendarOverride.day == day))
                 .execute())
        if count:
            audit.record(actor, "calendar", f"{calendar}/{day.isoformat()}", "clear", None)
    return bool(count)


def list_days(calendar: str = "CN") -> list[CalendarOverride]:
    return list(CalendarOverride.select().where(CalendarOverride.calendar == calendar)
                .order_by(CalendarOverride.day))


def working_calendar(calendar: str = "CN") -> WorkingCalendar:
    return WorkingCalendar({o.day: o.is_working for o in list_days(calendar)}, name=calendar)
