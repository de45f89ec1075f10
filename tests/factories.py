"""Small builders for test data, written straight through the models.

They set up the world a test starts from; what a test checks goes through the services.
"""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal

from app.models import Buyer, Order, Shop


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=timezone.utc)


T0 = utc(2026, 3, 2, 2, 0, 0)


def make_shop(key="ae", platform="aliexpress", tz=None, currency=None) -> Shop:
    tz = tz or ("America/Los_Angeles" if platform == "aliexpress" else "Asia/Shanghai")
    currency = currency or ("USD" if platform == "aliexpress" else "CNY")
    return Shop.create(key=key, platform=platform, name=f"Shop {key}", timezone=tz,
                       currency=currency, created_at=T0)


def make_buyer(shop: Shop, login="buyer1", country="BR", language="pt") -> Buyer:
    return Buyer.create(shop=shop, login=login, name=login.title(), country=country,
                        language=language)


def make_order(shop: Shop, order_no="8000000000000001", buyer=None, status="shipped",
               paid=Decimal("25.00"), **times) -> Order:
    values = dict(created_at=T0, paid_at=T0, shipped_at=None, completed_at=None)
    if status in ("shipped", "completed"):
        values["shipped_at"] = T0
    values.update(times)
    return Order.create(shop=shop, order_no=order_no, buyer=buyer, status=status,
                        currency=shop.currency, goods_amount=paid, total_amount=paid,
                        paid_amount=paid, product_cost=Decimal("10.00"),
                        shipping_cost=Decimal("3.00"), **values)
