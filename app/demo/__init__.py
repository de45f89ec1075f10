"""Demo shops for a first look and for tests: one AliExpress and one Taobao shop with a year
of orders, conversations in Chinese and English, requests and disputes in every state,
complaint cases and follow-ups of buyers who went quiet.

Everything goes through the same services a rep's actions use, so the demo obeys the rules;
every offset a rule decides comes from the shop's policy profile. Times are laid out
backwards from `anchor` (default: now), so the live cases' deadlines are running; settled
cases are spread over the year before it. The same seed and anchor give the same data.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from app.clock import as_utc, clock_at, utcnow
from app.db import database
from app.demo.aftercare import make_aftercare
from app.demo.cases import CHECK_INSTANT, part, plan_cases
from app.demo.chats import make_conversations
from app.demo.disputes import DisputeScripts, make_disputes
from app.demo.orders import create_orders, make_buyers, plan_background, plan_for_case
from app.demo.replies import add_replies
from app.demo.requests import RequestScripts, make_requests
from app.models import (AftersalesRequest, AutoReplyRule, Conversation, Dispute, Message, Order,
                        QuickPhrase, Shop)
from app.models.complaints import Complaint
from app.models.followups import FollowUpAttempt
from app.services.commerce import shops
from app.errors import InvalidInput
from app.services.commerce.policy import load_profile

__all__ = ["load_demo", "CHECK_INSTANT", "MIN_ORDERS"]

AE_SHOP = ("ae-demo", "aliexpress", "Sunrise Gadgets Store", "America/Los_Angeles", "USD")
TB_SHOP = ("tb-demo", "taobao", "暖阳家居旗舰店", "Asia/Shanghai", "CNY")
MIN_ORDERS = 60


def load_demo(seed: int = 7, orders_per_shop: int = 300, anchor: datetime | None = None) -> dict:
    """Create both demo shops; refused (nothing written) if they exist already."""
    if orders_per_shop < MIN_ORDERS:
        raise InvalidInput("the demo needs at least {MIN_ORDERS} orders per shop",
                           MIN_ORDERS=MIN_ORDERS,
                           field="orders")
    anchor = as_utc(anchor) if anchor else utcnow()
    for key, *_ in (AE_SHOP, TB_SHOP):
        if Shop.get_or_none(Shop.key == key) is not None:
            raise InvalidInput("the demo shop '{key}' exists already: use a new database "
                               "(--db PATH) for another demo",
                               key=key, field="shop")
    rng = random.Random(seed)
    with database.atomic(), clock_at(anchor):     # the shops as they stand at the anchor
        made = []
        for key, platform, name, zone, currency in (AE_SHOP, TB_SHOP):
            shop = shops.add_shop(key, platform, name, zone, currency, actor="demo")
            _fill_shop(shop, orders_per_shop, anchor, rng)
            made.append(shop)
        add_replies(made, anchor - timedelta(days=365))     # set up before the year began
    return {"shops": 2, "orders": Order.select().count(),
            "conversations": Conversation.select().count(),
            "messages": Message.select().count(),
            "after-sales requests": AftersalesRequest.select().count(),
            "disputes": Dispute.select().count(),
            "complaints": Complaint.select().count(),
            "follow-ups": FollowUpAttempt.select().count(),
            "quick phrases": QuickPhrase.select().count(),
            "automatic replies": AutoReplyRule.select().count()}


def _fill_shop(shop, count: int, anchor: datetime, rng) -> None:
    ae = shop.platform == "aliexpress"
    profile = load_profile(shop.platform)
    scripts = DisputeScripts(profile) if ae else RequestScripts(profile)
    n_history = max(12, count // 10)
    cases = plan_cases(scripts.live, scripts.history, scripts.check, anchor, n_history, rng)
    for case in cases:
        if ae:
            case.shipped_before = scripts.after_shipment             # rule AE-17
        elif case.needs == "received":
            case.received_before = part(scripts.no_reason, rng.uniform(.2, .7))  # rule TB-7
        else:
            case.received_before = part(scripts.win, rng.uniform(.05, .6))      # rule TB-1
    buyers = make_buyers(shop)
    plans = [plan_for_case(case, buyers, anchor, ae, rng) for case in cases]
    ship_within = None if ae else profile.duration("ship_within")          # rule TB-5
    plans += plan_background(count - len(plans), buyers, anchor, ship_within, ae, rng)
    pairs = create_orders(shop, plans, anchor, rng)
    with_cases = sorted(((plan.case, order) for plan, order in pairs if plan.case is not None),
                        key=lambda pair: pair[0].t0)
    if ae:
        make_disputes(with_cases, scripts, anchor, rng)
    else:
        make_requests(with_cases, anchor, rng)
    make_conversations(shop, pairs, anchor, rng)
    make_aftercare(shop, anchor, rng)
