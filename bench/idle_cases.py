"""A database of N open cases for measuring the deadline monitor at rest (P6).

Half are AliExpress disputes waiting for the seller, half Taobao requests waiting for the
seller, their due instants spread over the next five days, so alerts keep falling due as
in a real shop. Bulk inserts through the models build it quickly; they skip the services
on purpose (this is benchmark data, not shop data).
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from app.clock import utcnow
from app.db import database
from app.models import AftersalesRequest, Dispute, DisputeProposal, Order, Shop

BATCH = 500


def build(cases: int) -> None:
    """Into the open (empty) database."""
    now = utcnow()
    with database.atomic():
        ae = Shop.create(key="ae", platform="aliexpress", name="AE", currency="USD",
                         timezone="America/Los_Angeles", created_at=now)
        tb = Shop.create(key="tb", platform="taobao", name="TB", currency="CNY",
                         timezone="Asia/Shanghai", created_at=now)
    half = cases // 2
    window = 5 * 24 * 3600 - 3600          # due instants from now + 1 h to now + 5 days
    orders = []
    for i in range(cases):
        shop = ae if i < half else tb
        orders.append(dict(shop=shop, order_no=f"B{i:07d}", status="shipped",
                           currency=shop.currency, paid_amount=Decimal("20.00"),
                           total_amount=Decimal("20.00"), created_at=now - timedelta(days=30),
                           paid_at=now - timedelta(days=30), shipped_at=now - timedelta(days=29)))
    with database.atomic():
        for start in range(0, len(orders), BATCH):
            Order.insert_many(orders[start:start + BATCH]).execute()
    ids = [o.id for o in Order.select(Order.id).order_by(Order.id)]
    disputes, requests = [], []
    for n, order_id in enumerate(ids):
        started = now - timedelta(days=5) + timedelta(seconds=3600 + (n * 7919) % window)
        if n < half:
            disputes.append(dict(order=order_id, kind="not_as_described", sub_kind="quality",
                                 reason="Quality problem", state="awaiting_seller",
                                 opened_at=started, first_request_at=started,
                                 buyer_changed_at=started, currency="USD", created_at=now,
                                 updated_at=now))
        else:
            requests.append(dict(order=order_id, service_type="refund_only", reason="quality",
                                 amount=Decimal("10.00"), currency="CNY",
                                 state="waiting_seller", opened_at=started,
                                 submitted_at=started, created_at=now, updated_at=now))
    with database.atomic():
        for start in range(0, len(disputes), BATCH):
            Dispute.insert_many(disputes[start:start + BATCH]).execute()
        for start in range(0, len(requests), BATCH):
            AftersalesRequest.insert_many(requests[start:start + BATCH]).execute()
        proposals = [dict(dispute=d.id, party="buyer", solution_type="refund",
                          refund_amount=Decimal("10.00"), currency="USD", created_at=now,
                          updated_at=now) for d in Dispute.select(Dispute.id)]
        for start in range(0, len(proposals), BATCH):
            DisputeProposal.insert_many(proposals[start:start + BATCH]).execute()
