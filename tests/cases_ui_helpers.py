"""Shared set-up of the case UI tests: shops and orders relative to the real clock (the
window's countdowns and 'now' defaults use it), and small readers of widgets."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from app.clock import utcnow
from app.models import AftersalesRequest, AuditEntry, Dispute, RequestEvent
from tests.factories import make_buyer, make_order, make_shop

NOW = utcnow()


def taobao_order(order_no="3612345678901234567", completed=None, paid=Decimal("25.00")):
    shop = make_shop("tb", platform="taobao")
    buyer = make_buyer(shop, "wang", country="CN", language="zh")
    completed = completed or NOW - timedelta(days=20)
    start = completed - timedelta(days=6)
    return make_order(shop, order_no, buyer=buyer, status="completed", paid=paid,
                      created_at=start, paid_at=start, shipped_at=start + timedelta(days=1),
                      delivered_at=completed - timedelta(days=1), confirmed_at=completed,
                      completed_at=completed)


def aliexpress_orders(count: int, paid=Decimal("25.00")):
    shop = make_shop("ae", platform="aliexpress")
    buyer = make_buyer(shop, "joao")
    start = NOW - timedelta(days=40)
    return [make_order(shop, f"81900000000000{n:02d}", buyer=buyer, status="shipped", paid=paid,
                       created_at=start, paid_at=start, shipped_at=start + timedelta(days=1))
            for n in range(count)]


def written() -> tuple[int, int, int, int]:
    """Rows a refused action must not add to."""
    return (AftersalesRequest.select().count(), RequestEvent.select().count(),
            Dispute.select().count(), AuditEntry.select().count())


def cell(model, row: int, key: str, role=Qt.ItemDataRole.DisplayRole):
    column = model.column_number(key)
    return model.data(model.index(row, column), role)
