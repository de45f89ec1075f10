"""Instants. Every stored instant is a timezone-aware UTC datetime with whole seconds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo

UTC = timezone.utc


def utcnow() -> datetime:
    """The current instant, UTC, truncated to whole seconds."""
    return datetime.now(UTC).replace(microsecond=0)


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


def end_of_local_day(now: datetime, tz: tzinfo | None = None) -> datetime:
    """The first instant of the rep's next local day, in UTC. `tz` None means the
    computer's own zone (its daylight-saving rules included)."""
    if tz is None:
        local = now.astimezone()
        midnight = datetime(local.year, local.month, local.day) + timedelta(days=1)
        return midnight.astimezone().astimezone(UTC)   # naive local midnight -> aware
    local = now.astimezone(tz)
    midnight = datetime(local.year, local.month, local.day, tzinfo=tz) + timedelta(days=1)
    return midnight.astimezone(UTC)
