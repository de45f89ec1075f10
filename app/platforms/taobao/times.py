"""Taobao's times: `yyyy-MM-dd HH:mm:ss` in China time (GMT+8, no daylight saving since
1991), both in what it sends and in the `timestamp` and date-range parameters it takes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "CST")
FORMAT = "%Y-%m-%d %H:%M:%S"


def china_text(instant: datetime) -> str:
    return instant.astimezone(CHINA).strftime(FORMAT)


def to_utc(text) -> datetime | None:
    """A platform time as an aware UTC instant; None for an empty or unreadable one."""
    if not text or not isinstance(text, str):
        return None
    try:
        wall = datetime.strptime(text.strip(), FORMAT)
    except ValueError:
        return None
    return wall.replace(tzinfo=CHINA).astimezone(timezone.utc)
