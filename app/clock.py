"""Instants. Every stored instant is a timezone-aware UTC datetime with whole seconds."""

from __future__ import annotations

from datetime import datetime, timezone

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
