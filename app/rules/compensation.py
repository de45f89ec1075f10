"""Money a rule makes the shop pay: the late-shipment compensation of Taobao (rule TB-5).

    late_shipment_compensation(Decimal("100"), Profile("taobao"))   # Decimal("5.00")
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from app.rules.policy import Profile

CENT = Decimal("0.01")


def late_shipment_compensation(transaction_amount, profile: Profile) -> Decimal:
    """rule TB-5: a late shipment upheld costs the seller the profile's share of the
    transaction amount (`late_shipment_rate`, percent), at most `late_shipment_cap`;
    exact decimal arithmetic, rounded half up to the cent. A float is refused (it would
    lose cents); a negative or unreadable amount is a ValueError."""
    if isinstance(transaction_amount, float | bool):
        raise ValueError("give the transaction amount as text or Decimal, not a float")
    try:
        amount = Decimal(str(transaction_amount))
    except InvalidOperation:
        raise ValueError(f"'{transaction_amount}' is not an amount") from None
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"'{transaction_amount}' is not a transaction amount")
    rate = Decimal(str(profile.number("late_shipment_rate")))
    cap = Decimal(str(profile.number("late_shipment_cap")))
    share = (amount * rate / Decimal(100)).quantize(CENT, rounding=ROUND_HALF_UP)
    return min(share, cap.quantize(CENT, rounding=ROUND_HALF_UP))
