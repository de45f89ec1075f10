"""Reading platform-local export times as UTC across the 2026 US daylight-saving changes,
showing instants in a zone, and a buyer's default zone (for GEN-7 follow-up timing)."""

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.rules.timeconv import (COUNTRY_ZONES, buyer_zone, is_zone, local_to_utc,
                                platform_to_utc, to_zone)
from tests.factories import utc

LA = "America/Los_Angeles"


def test_aliexpress_winter_time_is_utc_minus_8_and_taobao_is_utc_plus_8():
    assert platform_to_utc(datetime(2026, 1, 15, 10, 0), "aliexpress") == utc(2026, 1, 15, 18, 0)
    assert platform_to_utc(datetime(2026, 1, 15, 10, 0), "taobao") == utc(2026, 1, 15, 2, 0)


def test_aliexpress_summer_time_is_utc_minus_7():
    assert platform_to_utc(datetime(2026, 7, 1, 10, 0), "aliexpress") == utc(2026, 7, 1, 17, 0)


def test_the_shops_own_zone_wins_over_the_platforms():
    wall = datetime(2026, 1, 15, 10, 0)
    assert platform_to_utc(wall, "aliexpress", "Asia/Shanghai") == utc(2026, 1, 15, 2, 0)
    with pytest.raises(ValueError):
        platform_to_utc(wall, "ebay")


def test_spring_forward_8_march_2026_gap_times_shift_forward_by_the_gap():
    assert local_to_utc(datetime(2026, 3, 8, 1, 59, 59), LA) == utc(2026, 3, 8, 9, 59, 59)
    # 02:30 does not exist that night: read as 03:30 daylight time.
    assert local_to_utc(datetime(2026, 3, 8, 2, 30), LA) == utc(2026, 3, 8, 10, 30)
    assert local_to_utc(datetime(2026, 3, 8, 2, 30), LA) == \
        local_to_utc(datetime(2026, 3, 8, 3, 30), LA)
    assert local_to_utc(datetime(2026, 3, 8, 3, 0), LA) == utc(2026, 3, 8, 10, 0)


def test_fall_back_1_november_2026_ambiguous_times_take_the_first_occurrence():
    assert local_to_utc(datetime(2026, 11, 1, 0, 59), LA) == utc(2026, 11, 1, 7, 59)
    # 01:30 happens twice; the first one is still daylight time (UTC-7).
    assert local_to_utc(datetime(2026, 11, 1, 1, 30), LA) == utc(2026, 11, 1, 8, 30)
    assert local_to_utc(datetime(2026, 11, 1, 2, 0), LA) == utc(2026, 11, 1, 10, 0)


def test_to_zone_shows_both_occurrences_of_the_repeated_hour():
    first = to_zone(utc(2026, 11, 1, 8, 30), LA)
    second = to_zone(utc(2026, 11, 1, 9, 30), LA)
    assert first.replace(tzinfo=None) == second.replace(tzinfo=None) == datetime(2026, 11, 1, 1, 30)
    assert first.utcoffset() == timedelta(hours=-7)
    assert second.utcoffset() == timedelta(hours=-8)


def test_aware_times_are_already_instants_and_unknown_zones_are_refused():
    aware = datetime(2026, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=3)))
    assert local_to_utc(aware, LA) == utc(2026, 5, 1, 9, 0)
    with pytest.raises(ValueError, match="Mars/Olympus"):
        local_to_utc(datetime(2026, 5, 1), "Mars/Olympus")


def test_buyer_zone_from_country_with_the_reps_setting_winning():
    assert buyer_zone("BR") == "America/Sao_Paulo"
    assert buyer_zone("us") == "America/New_York"
    assert buyer_zone("RU") == "Europe/Moscow"
    assert buyer_zone("BR", "America/Manaus") == "America/Manaus"
    assert buyer_zone("BR", "Not/AZone") == "America/Sao_Paulo"
    assert buyer_zone("ZZ") == "UTC"
    assert buyer_zone("") == "UTC"


def test_every_country_named_for_follow_ups_has_a_valid_zone():
    required = "BR US RU ES FR DE GB PL IL KR JP CN AU MX CL NL IT UA SA TR".split()
    assert set(required) <= set(COUNTRY_ZONES)
    assert all(is_zone(z) for z in COUNTRY_ZONES.values())


instants = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31),
                        timezones=st.just(timezone.utc)).map(lambda d: d.replace(microsecond=0))


@given(instants, st.sampled_from([LA, "Asia/Shanghai", "Europe/Berlin", "America/Sao_Paulo"]))
def test_property_reading_back_a_shown_time_gives_the_instant_or_its_first_occurrence(i, zone):
    shown = to_zone(i, zone)
    back = local_to_utc(shown.replace(tzinfo=None), zone)
    if shown.fold == 0:
        assert back == i
    else:  # the second pass through a repeated hour reads as the first one
        assert back == i - (shown.replace(fold=0).utcoffset() - shown.utcoffset())
