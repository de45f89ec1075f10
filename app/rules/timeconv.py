"""Platform-local times to UTC and back, and the buyer's likely time zone.

Exports give naive wall-clock times in the platform tool's zone (AliExpress seller tools:
US Pacific; Taobao: China time). Reading them across daylight-saving changes:

- an ambiguous time in the fall-back hour (it happens twice, e.g. 01:30 on 1 Nov 2026 in
  Los Angeles) is read as its FIRST occurrence, still on daylight time (fold=0);
- a time that does not exist in the spring-forward gap (e.g. 02:30 on 8 Mar 2026 in Los
  Angeles) is shifted forward by the gap: 02:30 is read as 03:30 daylight time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.clock import UTC, as_utc

# Where each platform's tools show their times; a shop's own setting wins (Shop.timezone).
PLATFORM_ZONES = {"aliexpress": "America/Los_Angeles", "taobao": "Asia/Shanghai"}

# A buyer's default zone by country (ISO 3166-1 alpha-2): the capital or the most populous
# area. The rep sets Buyer.timezone when the buyer is elsewhere in a many-zone country.
COUNTRY_ZONES = {
    "AE": "Asia/Dubai", "AR": "America/Argentina/Buenos_Aires", "AT": "Europe/Vienna",
    "AU": "Australia/Sydney", "BE": "Europe/Brussels", "BG": "Europe/Sofia",
    "BR": "America/Sao_Paulo", "BY": "Europe/Minsk", "CA": "America/Toronto",
    "CH": "Europe/Zurich", "CL": "America/Santiago", "CN": "Asia/Shanghai",
    "CO": "America/Bogota", "CZ": "Europe/Prague", "DE": "Europe/Berlin",
    "DK": "Europe/Copenhagen", "EG": "Africa/Cairo", "ES": "Europe/Madrid",
    "FI": "Europe/Helsinki", "FR": "Europe/Paris", "GB": "Europe/London",
    "GR": "Europe/Athens", "HK": "Asia/Hong_Kong", "HU": "Europe/Budapest",
    "ID": "Asia/Jakarta", "IE": "Europe/Dublin", "IL": "Asia/Jerusalem", "IN": "Asia/Kolkata",
    "IT": "Europe/Rome", "JP": "Asia/Tokyo", "KR": "Asia/Seoul", "KZ": "Asia/Almaty",
    "LT": "Europe/Vilnius", "LV": "Europe/Riga", "MA": "Africa/Casablanca",
    "MX": "America/Mexico_City", "MY": "Asia/Kuala_Lumpur", "NL": "Europe/Amsterdam",
    "NO": "Europe/Oslo", "NZ": "Pacific/Auckland", "PE": "America/Lima",
    "PH": "Asia/Manila", "PL": "Europe/Warsaw", "PT": "Europe/Lisbon", "RO": "Europe/Bucharest",
    "RU": "Europe/Moscow", "SA": "Asia/Riyadh", "SE": "Europe/Stockholm",
    "SG": "Asia/Singapore", "SK": "Europe/Bratislava", "TH": "Asia/Bangkok",
    "TR": "Europe/Istanbul", "TW": "Asia/Taipei", "UA": "Europe/Kyiv",
    "US": "America/New_York", "VN": "Asia/Ho_Chi_Minh", "ZA": "Africa/Johannesburg",
}

FALLBACK_ZONE = "UTC"


def zone(name: str) -> ZoneInfo:
    """A zone by IANA name; an unknown name is a ValueError naming it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValueError(f"unknown time zone '{name}'") from None


def is_zone(name: str | None) -> bool:
    if not name:
        return False
    try:
        zone(name)
    except ValueError:
        return False
    return True


def local_to_utc(wall: datetime, zone_name: str) -> datetime:
    """Read a naive wall-clock time of `zone_name` as a UTC instant (whole seconds).

    Ambiguous fall-back times take the first occurrence; nonexistent spring-forward times
    move forward by the gap. An aware datetime is already an instant and is only normalised.
    """
    if wall.tzinfo is not None:
        return as_utc(wall)
    tz = zone(zone_name)
    first = wall.replace(tzinfo=tz, fold=0)
    instant = first.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != wall:
        # In the gap: the wall time does not exist. Read it with the offset in force before
        # the change, which lands the same distance past the change: shifted by the gap.
        before = wall.replace(tzinfo=tz, fold=1).utcoffset() or timedelta(0)
        after = wall.replace(tzinfo=tz, fold=0).utcoffset() or timedelta(0)
        offset = min(before, after)
        instant = (wall - offset).replace(tzinfo=UTC)
    return instant.replace(microsecond=0)


def platform_to_utc(wall: datetime, platform: str, shop_zone: str | None = None) -> datetime:
    """A time from a platform export: the shop's zone when set, else the platform's."""
    name = shop_zone or PLATFORM_ZONES.get(platform)
    if name is None:
        raise ValueError(f"unknown platform '{platform}'")
    return local_to_utc(wall, name)


def to_zone(instant: datetime, zone_name: str) -> datetime:
    """An instant shown in a zone (for display); the result is aware."""
    return as_utc(instant).astimezone(zone(zone_name))


def buyer_zone(country: str | None, override: str | None = None) -> str:
    """The zone to time a buyer's messages in (GEN-7): the rep's setting when it is a valid
    zone, else the country's default, else UTC."""
    if override and is_zone(override):
        return override
    return COUNTRY_ZONES.get((country or "").strip().upper(), FALLBACK_ZONE)
