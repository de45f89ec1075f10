"""Instants. Every stored instant is a timezone-aware UTC datetime with whole seconds."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta, timezone

UTC = timezone.utc
# How far a time from input may lie ahead of this computer's clock: another machine's
# clock (the platform's, a colleague's) may run a little ahead. Anything later has not
# happened yet and is refused where a time that happened is recorded.
CLOCK_SKEW = timedelta(minutes=10)


_pinned: ContextVar[datetime | None] = ContextVar("afterdesk_pinned_now", default=None)


def utcnow() -> datetime:
    """The current instant, UTC, truncated to whole seconds (or the instant `clock_at`
    pins in this thread)."""
    pinned = _pinned.get()
    if pinned is not None:
        return pinned
    return datetime.now(UTC).replace(microsecond=0)


@contextmanager
def clock_at(instant: datetime):
    """Inside the block, in this thread only, utcnow() is `instant`: a world built as of
    another time (the demo at its anchor, a test's fixed now). Other threads (the
    monitor) keep the real clock."""
    token = _pinned.set(as_utc(instant))
    try:
        yield
    finally:
        _pinned.reset(token)


def as_utc(value: datetime) -> datetime:
    """Normalise an aware datetime to UTC; a naive one is refused (it has no zone)."""
    if value.tzinfo is None:
        raise ValueError(f"instant without a time zone: {value.isoformat()}")
    return value.astimezone(UTC).replace(microsecond=0)


def parse_instant(text: str) -> datetime:
    """Parse ISO 8601 with an offset or a trailing Z into a UTC datetime."""
    text = text.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"instant needs a time zone (Z or +hh:mm): {text}")
    return as_utc(value)


def format_instant(value: datetime | None) -> str | None:
    """ISO 8601 UTC ending in Z, e.g. 2026-03-01T00:00:00Z."""
    if value is None:
        return None
    return as_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ")


def check_not_future(value: datetime, field: str, record: str | None = None, *,
                     now: datetime | None = None) -> datetime:
    """`value` (aware) when it is no later than now plus CLOCK_SKEW; otherwise an
    InvalidInput naming `field` (and `record`): a time recorded as having happened cannot
    lie in the future (issue #20, defect 7). `now` defaults to utcnow()."""
    now = now or utcnow()
    if as_utc(value) > now + CLOCK_SKEW:
        from app.errors import InvalidInput
        raise InvalidInput("{value} is later than now ({now}): give a time that has already "
                           "happened", value=format_instant(value),
                           now=format_instant(now), record=record, field=field)
    return value
