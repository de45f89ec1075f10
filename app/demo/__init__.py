"""Demo shops for a first look and for tests: one AliExpress and one Taobao shop, a few hundred
orders each, conversations in Chinese and English, and requests and disputes in every state.

Everything goes through the same services a rep's actions use, so the demo obeys the rules.
Times are laid out backwards from `anchor` (default: now), so the deadlines are live.
"""

from __future__ import annotations

import random
from datetime import datetime

from app.clock import as_utc, utcnow
from app.db import database
from app.demo.cases import make_disputes, make_requests
from app.demo.orders import make_buyers, make_conversations, make_orders
from app.models import AftersalesRequest, Conversation, Dispute, Message, Order, Shop
from app.services import shops
from app.services.errors import InvalidInput

AE_SHOP = ("ae-demo", "aliexpress", "Sunrise Gadgets Store", "America/Los_Angeles", "USD")
TB_SHOP = ("tb-demo", "taobao", "暖阳家居旗舰店", "Asia/Shanghai", "CNY")


def load_demo(seed: int = 7, orders_per_shop: int = 300, anchor: datetime | None = None) -> dict:
    """Create both demo shops; refused (nothing written) if they exist already."""
    if orders_per_shop < 60:
        raise InvalidInput("the demo needs at least 60 orders per shop", field="orders")
    anchor = as_utc(anchor) if anchor else utcnow()
    rng = random.Random(seed)
    for key, *_ in (AE_SHOP, TB_SHOP):
        if Shop.get_or_none(Shop.key == key) is not None:
            raise InvalidInput(f"the demo shop '{key}' exists already: use a new database "
                               "(--db PATH) for another demo", field="shop")
    with database.atomic():
        for spec in (AE_SHOP, TB_SHOP):
            key, platform, name, zone, currency = spec
            shop = shops.add_shop(key, platform, name, zone, currency, actor="demo")
            buyers = make_buyers(shop)
            orders = make_orders(shop, buyers, orders_per_shop, anchor, rng)
            if platform == "aliexpress":
                make_disputes(orders, anchor, rng)
            else:
                make_requests(orders, anchor, rng)
            make_conversations(shop, orders, anchor, rng)
    return {"shops": 2, "orders": Order.select().count(),
            "conversations": Conversation.select().count(),
            "messages": Message.select().count(),
            "after-sales requests": AftersalesRequest.select().count(),
            "disputes": Dispute.select().count()}
