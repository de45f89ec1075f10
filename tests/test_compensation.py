"""Late-shipment compensation (rule TB-5): 5 % of the transaction amount, at most 30 CNY,
exact to the cent, values from the shop's policy profile."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.rules.compensation import late_shipment_compensation
from app.rules.policy import Profile

pytestmark = pytest.mark.both_backends   # SQLite file and PostgreSQL server

TB = Profile("taobao")


@pytest.mark.parametrize("amount, owed", [
    ("100", "5.00"),          # rule TB-5: 5 %
    ("600", "30.00"),         # exactly at the cap
    ("600.01", "30.00"),      # above the cap: the cap
    ("599.80", "29.99"),      # just below
    ("599.90", "30.00"),      # 29.995 rounds half up to the cap
    ("10000", "30.00"),
    ("0", "0.00"),
    ("0.09", "0.00"),         # 0.0045 rounds down
    ("0.10", "0.01"),         # 0.005 rounds half up
])
def test_tb5_compensation_is_five_percent_capped_at_thirty(amount, owed):
    result = late_shipment_compensation(Decimal(amount), TB)
    assert result == Decimal(owed) and result.as_tuple().exponent == -2


def test_tb5_compensation_follows_the_profile():
    shop = Profile("taobao", {"late_shipment_rate": "10", "late_shipment_cap": "50"})
    assert late_shipment_compensation("100", shop) == Decimal("10.00")
    assert late_shipment_compensation("600", shop) == Decimal("50.00")


@pytest.mark.parametrize("bad", [-1, "-0.01", "abc", 12.5, float("nan"), "Infinity"])
def test_tb5_bad_amounts_are_refused(bad):
    with pytest.raises(ValueError):
        late_shipment_compensation(bad, TB)


@given(st.decimals(min_value=0, max_value=10 ** 7, places=2))
def test_tb5_never_above_the_cap_nor_the_share(amount):
    owed = late_shipment_compensation(amount, TB)
    assert Decimal("0") <= owed <= Decimal("30.00")
    assert owed <= (amount * Decimal("0.05")).quantize(Decimal("0.01")) + Decimal("0.01")
