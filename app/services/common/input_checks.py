"""Checks of input at the edge of the services: instants, money, choices, text.

Each raises InvalidInput naming the record and the field, before anything is written.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from app.clock import as_utc, check_not_future
from app.models.fields import to_money
from app.errors import InvalidInput


def instant(value, field: str, record: str | None = None, *,
            future: bool = False) -> datetime:
    """An aware datetime, normalised to UTC with whole seconds. A time that happened (all
    but deadlines such as ship_by: `future`) may not lie ahead of now by more than the
    clock skew (app.clock.check_not_future)."""
    if not isinstance(value, datetime):
        raise InvalidInput("expected a date and time, got {value!r}", value=value,
                           record=record, field=field)
    try:
        value = as_utc(value)
    except ValueError:
        raise InvalidInput("{value} has no time zone; give the time with its zone",
                           value=value.isoformat(),
                           record=record, field=field) from None
    return value if future else check_not_future(value, field, record)


def optional_instant(value, field: str, record: str | None = None, *,
                     future: bool = False) -> datetime | None:
    return None if value is None else instant(value, field, record, future=future)


def money(value, field: str, record: str | None = None, *, positive: bool = False,
          allow_none: bool = False) -> Decimal | None:
    """An exact amount with two places: never negative; zero refused when `positive`."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or value is None:
        raise InvalidInput("expected an amount, got {value!r}", value=value, record=record,
                           field=field)
    try:
        amount = to_money(value)
    except TypeError:
        raise InvalidInput("{value!r} is a float; give the amount as text or Decimal so no "
                           "cent is lost", value=value, record=record, field=field) from None
    except (InvalidOperation, ValueError):
        raise InvalidInput("'{value}' is not an amount", value=value, record=record,
                           field=field) from None
    if not amount.is_finite():
        raise InvalidInput("'{value}' is not an amount", value=value, record=record, field=field)
    if amount < 0:
        raise InvalidInput("the amount {amount} must not be negative", amount=amount,
                           record=record, field=field)
    if positive and amount == 0:
        raise InvalidInput("the amount must be more than 0", record=record, field=field)
    return amount


def choice(value, allowed, field: str, record: str | None = None) -> str:
    if value not in allowed:
        raise InvalidInput("'{value}' is not one of: {allowed}",
                           value=value, allowed=', '.join(allowed),
                           record=record, field=field)
    return value


def text(value, field: str, record: str | None = None, *, max_len: int | None = None,
         required: bool = True) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InvalidInput("expected text, got {value!r}", value=value, record=record, field=field)
    value = value.strip()
    if required and not value:
        raise InvalidInput("must not be empty", record=record, field=field)
    if max_len is not None and len(value) > max_len:
        raise InvalidInput("is longer than {max_len} characters", max_len=max_len,
                           record=record, field=field)
    return value


def not_before(at: datetime, earlier: datetime | None, field: str, what: str,
               record: str | None = None) -> None:
    """`at` may not come before `earlier` (e.g. an action before the case's last event)."""
    if earlier is not None and at < earlier:
        raise InvalidInput("{at:%Y-%m-%d %H:%M:%S} UTC is before {what} ({earlier:%Y-%m-%d "
                           "%H:%M:%S} UTC)",
                           at=at, what=what, earlier=earlier, record=record, field=field)


def shop_time(value: datetime, zone: str) -> str:
    """An instant as the shop's platform shows it, e.g. '2026-03-17 10:00'."""
    try:
        tz = ZoneInfo(zone)
    except Exception:  # a damaged zone name must not hide the message itself
        return f"{as_utc(value):%Y-%m-%d %H:%M} UTC"
    return f"{as_utc(value).astimezone(tz):%Y-%m-%d %H:%M}"
