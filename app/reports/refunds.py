"""Refunds paid out, per month and currency: disputes that ended with money to the buyer and
after-sales requests that succeeded (refund paid), by the day they closed."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from app.models import AftersalesRequest, Dispute, Order
from app.rules.timeconv import to_zone


def refund_rows(shop_ids, start: datetime, end: datetime, zone: str) -> list:
    """[month, currency, dispute refunds, dispute amount, request refunds, request amount,
    total amount] (amounts exact Decimals)."""
    table: dict = defaultdict(lambda: [0, Decimal("0.00"), 0, Decimal("0.00")])
    disputes = (Dispute.select(Dispute.closed_at, Dispute.currency, Dispute.refund_amount)
                .join(Order)
                .where(Order.shop.in_(shop_ids) & (Dispute.closed_at >= start)
                       & (Dispute.closed_at < end) & (Dispute.refund_amount > 0)
                       & (Dispute.state == "resolved")))
    for closed_at, currency, amount in disputes.tuples():
        cell = table[(f"{to_zone(closed_at, zone):%Y-%m}", currency)]
        cell[0] += 1
        cell[1] += amount
    requests = (AftersalesRequest.select(AftersalesRequest.resolved_at,
                                         AftersalesRequest.currency,
                                         AftersalesRequest.refund_paid)
                .join(Order)
                .where(Order.shop.in_(shop_ids) & (AftersalesRequest.resolved_at >= start)
                       & (AftersalesRequest.resolved_at < end)
                       & (AftersalesRequest.refund_paid > 0)))
    for resolved_at, currency, amount in requests.tuples():
        cell = table[(f"{to_zone(resolved_at, zone):%Y-%m}", currency)]
        cell[2] += 1
        cell[3] += amount
    return [[month, currency, d, da, r, ra, da + ra]
            for (month, currency), (d, da, r, ra) in sorted(table.items())]
