"""Instants as a pack shows them: in the shop's time zone, the zone named once on the cover."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def zone(name: str):
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local(value: datetime | None, tz, seconds: bool = False) -> str:
    if value is None:
        return ""
    return value.astimezone(tz).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def local_day(value: datetime | None, tz) -> str:
    return value.astimezone(tz).strftime("%Y-%m-%d") if value is not None else ""


def zone_label(tz, at: datetime) -> str:
    offset = at.astimezone(tz).strftime("%z")
    return f"{getattr(tz, 'key', 'UTC')} (UTC{offset[:3]}:{offset[3:]})"
