"""How instants and durations read on screen: in the rep's own time zone."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication


def local_time_text(value: datetime | None, zone: tzinfo | None = None) -> str:
    """'2026-03-02 10:00' in the rep's zone (the computer's, unless `zone` is given)."""
    if value is None:
        return ""
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def day_name(value) -> str:
    """The short name of the day of `value` in the rep's language ("Tue", "周二")."""
    from PySide6.QtCore import QLocale
    return QLocale().dayName(value.isoweekday(), QLocale.FormatType.ShortFormat)


def countdown_text(due: datetime, now: datetime) -> str:
    """'in 2 d 3 h', 'in 45 min', 'overdue 1 h 10 min' — the largest two units.

    A deadline is met at its due instant, so 'due now' up to and including it.
    """
    left = due - now
    if left < timedelta(0):
        return QCoreApplication.translate("formatting", "overdue {0}").format(_span(-left))
    if left < timedelta(minutes=1):
        return QCoreApplication.translate("formatting", "due now")
    return QCoreApplication.translate("formatting", "in {0}").format(_span(left))


def _span(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    translate = QCoreApplication.translate
    if days:
        return (translate("formatting", "{0} d {1} h") if hours
                else translate("formatting", "{0} d")).format(days, hours)
    if hours:
        return (translate("formatting", "{0} h {1} min") if minutes
                else translate("formatting", "{0} h")).format(hours, minutes)
    return QCoreApplication.translate("formatting", "{0} min").format(max(minutes, 1))
