"""The AliExpress dispute rate (rule AE-16), with and without the reasons that do not count
(rule AE-2).

    rate = (disputes opened - disputes cancelled by the buyer)
           / (orders confirmed received + receipt time-outs + disputes opened)

over a period. An order counts in the period in which its transaction finished: the buyer
confirmed receipt (confirmed_at) or the confirmation time ran out (completed_at without
confirmed_at). A dispute counts in the period it was opened; it is "cancelled by the buyer"
when it ended cancelled. "Without non-counted reasons" leaves the disputes whose reason is
listed in AE-2 out of the numerator AND out of the disputes in the denominator, as the
platform does. Also given (AE-16): disputes filed for ruling (escalated) and those ruled
against the seller.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal

import peewee as pw

from app.models import Dispute, Order

FOUR = Decimal("0.0001")


@dataclass(frozen=True)
class RateFigures:
    label: str
    confirmed: int           # orders confirmed received by the buyer
    timeouts: int            # receipt time-outs (completed without the buyer's confirmation)
    opened: int              # disputes opened (every reason)
    cancelled: int           # of those, cancelled by the buyer
    opened_counted: int      # disputes opened whose reason counts (AE-2)
    cancelled_counted: int
    escalated: int           # filed for ruling
    ruled_against: int       # ruled by the platform in the buyer's favour

    @staticmethod
    def _rate(numerator: int, denominator: int) -> Decimal | None:
        if denominator <= 0:
            return None
        return (Decimal(numerator) / Decimal(denominator)).quantize(FOUR, ROUND_HALF_UP)

    @property
    def rate_all(self) -> Decimal | None:
        return self._rate(self.opened - self.cancelled,
                          self.confirmed + self.timeouts + self.opened)

    @property
    def rate_counted(self) -> Decimal | None:
        return self._rate(self.opened_counted - self.cancelled_counted,
                          self.confirmed + self.timeouts + self.opened_counted)


def _lower(values) -> set:
    return {v.strip().lower() for v in values}


def rate_figures(shop_ids: list, start: datetime, end: datetime, non_counted,
                 label: str = "") -> RateFigures:
    """The AE-16 figures for orders and disputes of `shop_ids` in [start, end)."""
    finished_at = pw.fn.COALESCE(Order.completed_at, Order.confirmed_at)
    orders = (Order.select(Order.confirmed_at)
              .where(Order.shop.in_(shop_ids) & (finished_at >= start) & (finished_at < end)))
    confirmed = timeouts = 0
    for (confirmed_at,) in orders.tuples():
        if confirmed_at is not None:
            confirmed += 1
        else:
            timeouts += 1
    skip = _lower(non_counted)
    disputes = (Dispute.select(Dispute.reason, Dispute.state, Dispute.resolution,
                               Dispute.escalated_at, Dispute.refund_amount)
                .join(Order)
                .where(Order.shop.in_(shop_ids) & (Dispute.opened_at >= start)
                       & (Dispute.opened_at < end)))
    opened = cancelled = opened_counted = cancelled_counted = escalated = ruled = 0
    for reason, state, resolution, escalated_at, refund in disputes.tuples():
        counted = reason.strip().lower() not in skip
        was_cancelled = state == "cancelled" or resolution == "buyer_cancelled"
        opened += 1
        opened_counted += counted
        cancelled += was_cancelled
        cancelled_counted += counted and was_cancelled
        escalated += escalated_at is not None
        ruled += resolution == "platform_arbitrate" and bool(refund)
    return RateFigures(label, confirmed, timeouts, opened, cancelled, opened_counted,
                       cancelled_counted, escalated, ruled)


def percent(value: Decimal | None) -> str:
    return "–" if value is None else f"{(value * 100).quantize(Decimal('0.01'))}%"
