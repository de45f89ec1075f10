"""Refund or resend, the smaller loss wins (GEN-2)."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.services.casework.advisor import advise
from app.errors import InvalidInput


def test_small_partial_refund_beats_resending():
    # goods price 10 + 3 + 5 = 18; refund 4 -> 5 - 4 = 1; resend -> 5 - 13 = -8
    a = advise("10.00", "3.00", "5.00", "4.00")
    assert a.goods_price == Decimal("18.00")
    assert (a.refund_result, a.resend_result) == (Decimal("1.00"), Decimal("-8.00"))
    assert a.recommendation == "refund" and a.saving == Decimal("9.00")
    assert "goods price = 10.00 + 3.00 + 5.00 = 18.00" in a.formula


def test_full_refund_of_a_cheap_item_loses_more_than_resending():
    # goods price 2 + 1 + 15 = 18; full refund -> 15 - 18 = -3; resend -> 15 - 3 = 12
    a = advise("2", "1", "15", "18")
    assert (a.refund_result, a.resend_result) == (Decimal("-3.00"), Decimal("12.00"))
    assert a.recommendation == "resend"
    assert "new order" in a.note and "close the dispute" in a.note      # rule GEN-2


def test_tie_means_refund():
    # refund 13 -> 5 - 13 = -8; resend -> 5 - 13 = -8
    assert advise("10", "3", "5", "13").recommendation == "refund"


def test_refund_up_to_the_goods_price_is_allowed():
    assert advise("10", "3", "5", "18").refund_result == Decimal("-13.00")


@pytest.mark.parametrize("refund, words", [("18.01", "more than the goods price"),
                                           ("-1", "negative")])
def test_refund_above_the_goods_price_or_negative_is_refused(refund, words):
    with pytest.raises(InvalidInput, match=words) as info:
        advise("10", "3", "5", refund)
    assert info.value.field == "refund_amount"


def test_floats_and_negative_costs_are_refused():
    with pytest.raises(InvalidInput, match="float"):
        advise(10.0, "3", "5", "1")
    with pytest.raises(InvalidInput, match="negative"):
        advise("-10", "3", "5", "1")


def test_a_loss_making_sale_has_a_negative_profit():
    a = advise("10", "3", "-2", "5")
    assert a.goods_price == Decimal("11.00") and a.refund_result == Decimal("-7.00")


cents = st.integers(min_value=0, max_value=10_000).map(lambda c: Decimal(c) / 100)


@given(cost=cents, shipping=cents, profit=cents, share=st.integers(min_value=0, max_value=100))
def test_the_advised_option_never_loses_more(cost, shipping, profit, share):
    price = cost + shipping + profit
    refund = (price * share / 100).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    a = advise(cost, shipping, profit, refund)
    best = max(a.refund_result, a.resend_result)
    assert (a.refund_result if a.recommendation == "refund" else a.resend_result) == best
    assert a.goods_price == price
