"""Demo buyers, and orders with their tracking, over the year before the anchor.

Orders are first planned (instants and status), then created oldest first, so order numbers
grow with time. An order that carries a demo case is planned backwards from the instant the
buyer opens the case, so the case's rules hold (received goods, the TB-1 window, AE-17).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from app.demo import content
from app.demo.cases import part
from app.services.commerce import orders, shops

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
YEAR = timedelta(days=365)
RECENT = timedelta(days=21)      # a quarter of the orders are this recent


@dataclass
class OrderPlan:
    created: datetime
    buyer: object
    status: str
    times: dict = field(default_factory=dict)
    promised: int | None = None
    case: object = None          # the demo case the order carries, if any


def make_buyers(shop):
    people = content.AE_BUYERS if shop.platform == "aliexpress" else content.TB_BUYERS
    return [shops.add_buyer(shop, login, name=name, country=country, language=lang,
                            email=f"{login}@example.com", actor="demo")
            for login, name, country, lang in people]


def _order_no(shop, index: int) -> str:
    base = 8190000000000000 if shop.platform == "aliexpress" else 3920000000000000000
    return str(base + index * 7919)


def _hours(rng, low: int, high: int) -> timedelta:
    return timedelta(hours=rng.randint(low, high), minutes=rng.randint(0, 59))


def _promised(buyer, rng, ae: bool) -> int | None:
    if not ae:
        return None
    return rng.choice((90, 120)) if buyer.country == "BR" else rng.choice((20, 30, 45, 60))


def plan_background(count: int, buyers, anchor: datetime, ship_within, ae: bool,
                    rng) -> list[OrderPlan]:
    """Orders with no case: spread over the year, a quarter of them in the last weeks.
    `ship_within` (TB-5) times the shipments; a few ship late."""
    plans = []
    for _ in range(count):
        span = RECENT if rng.random() < 0.25 else YEAR
        age = timedelta(seconds=rng.randint(30 * 60, int(span.total_seconds())))
        buyer = rng.choice(buyers)
        created = anchor - age
        plan = OrderPlan(created, buyer, "awaiting_shipment",
                         promised=_promised(buyer, rng, ae))
        paid = created + timedelta(minutes=rng.randint(1, 90))
        plan.times["paid_at"] = paid
        if ship_within is None:
            shipped = paid + _hours(rng, 5, 70)
        elif rng.random() < 0.05:                          # a late shipment (TB-5)
            shipped = paid + ship_within + _hours(rng, 2, 30)
        else:
            shipped = paid + part(ship_within, rng.uniform(.05, .95))
        if paid >= anchor or (age < 2 * HOUR and rng.random() < 0.5):
            plan.status, plan.times = "awaiting_payment", {}
        elif rng.random() < 0.06 and paid + 2 * HOUR < anchor:   # cancelled before shipment
            plan.times["closed_at"] = min(paid + _hours(rng, 2, 40), anchor - MINUTE)
            plan.status = "closed"
        elif shipped < anchor:
            plan.times["shipped_at"], plan.status = shipped, "shipped"
            transit = timedelta(days=rng.randint(8, 25) if ae else rng.randint(1, 4))
            if shipped + transit < anchor - DAY:
                plan.times["delivered_at"] = shipped + transit
                confirm = shipped + transit + _hours(rng, 6, 96)
                if confirm < anchor:
                    plan.times["confirmed_at"] = plan.times["completed_at"] = confirm
                    plan.status = "completed"
        plans.append(plan)
    return plans


def plan_for_case(case, buyers, anchor: datetime, ae: bool, rng) -> OrderPlan:
    """An order that fits `case` (see app/demo/cases.py): what the buyer had at `case.t0`."""
    t0, buyer = case.t0, rng.choice(buyers)
    times: dict = {}
    status = "shipped"
    promised = _promised(buyer, rng, ae)
    settled_after = case.end + _hours(rng, 2, 30)
    if case.needs == "unshipped":                       # paid, waiting to be shipped
        times["paid_at"] = t0 - _hours(rng, 2, 20)
        status = "awaiting_shipment"
    elif case.needs in ("transit", "lost", "shipped"):  # shipped, never arrived
        times["shipped_at"] = t0 - case.shipped_before - _hours(rng, 2, 60)
        if case.needs == "transit":
            elapsed = (anchor - times["shipped_at"]).days
            promised = max(promised or 0, elapsed + 15)   # still within the promised time
        elif not case.live and settled_after < anchor:
            times["closed_at"], status = settled_after, "closed"
    else:                                               # the goods arrived
        if case.needs == "received":                    # a recent receipt (TB-7)
            delivered = t0 - case.received_before
        elif ae:
            delivered = t0 - _hours(rng, 6, 120)
        else:                                           # after transaction success (TB-1)
            delivered = t0 - case.received_before - _hours(rng, 1, 40)
        times["delivered_at"] = delivered
        if ae:   # the buyer may open a dispute this long after shipment (AE-17)
            times["shipped_at"] = min(delivered - timedelta(days=rng.randint(8, 25)),
                                      t0 - case.shipped_before - _hours(rng, 1, 30))
        else:
            times["shipped_at"] = delivered - _hours(rng, 18, 80)
        confirm = None
        if not ae:
            confirm = delivered + (t0 - delivered) / 3
        elif rng.random() < 0.4:
            confirm = delivered + (t0 - delivered) / 2
        elif not case.live and settled_after < anchor:
            confirm = settled_after
        if confirm is not None:
            confirm = confirm.replace(microsecond=0)
            times["confirmed_at"] = times["completed_at"] = confirm
            status = "completed"
    if "shipped_at" in times:
        times["paid_at"] = times["shipped_at"] - _hours(rng, 2, 40)
    created = times["paid_at"] - timedelta(minutes=rng.randint(1, 90))
    return OrderPlan(created, buyer, status, times, promised, case)


def create_orders(shop, plans: list[OrderPlan], anchor: datetime, rng) -> list:
    """Create the planned orders oldest first; returns (plan, order) pairs in that order."""
    ae = shop.platform == "aliexpress"
    products = content.AE_PRODUCTS if ae else content.TB_PRODUCTS
    carriers = content.AE_CARRIERS if ae else content.TB_CARRIERS
    made = []
    for index, plan in enumerate(sorted(plans, key=lambda p: p.created)):
        picks = rng.sample(products, rng.choice((1, 1, 1, 2, 1, 3)))
        items, goods = [], Decimal("0")
        for pid, title, attrs, price in picks:
            qty = rng.choice((1, 1, 2))
            items.append({"product_id": pid, "title": title, "attributes": attrs,
                          "quantity": qty, "unit_price": price})
            goods += Decimal(price) * qty
        shipping = Decimal("0") if not ae or goods > 30 else Decimal("2.99")
        times = dict(plan.times)
        if "shipped_at" in times:
            times["carrier"] = rng.choice(carriers)
            times["tracking_no"] = (f"LP00{rng.randint(10**9, 10**10 - 1)}" if ae
                                    else f"7{rng.randint(10**11, 10**12 - 1)}")
        order = orders.add_order(
            shop, _order_no(shop, index), status=plan.status, created_at=plan.created,
            buyer=plan.buyer, goods_amount=goods, shipping_amount=shipping,
            product_cost=(goods * Decimal("0.45")).quantize(Decimal("0.01")),
            shipping_cost=Decimal("3.20") if ae else Decimal("8.00"),
            destination_country=plan.buyer.country, promised_days=plan.promised, items=items,
            actor="demo", **times)
        if order.shipped_at:
            moving = order.delivered_at is None or (plan.case is not None and plan.case.live)
            recent = order.delivered_at is not None and order.delivered_at > anchor - RECENT
            _tracking(order, anchor, rng, ae, "all" if moving else
                      "first" if recent or plan.case is not None else "none")
        made.append((plan, order))
    return made


def _tracking(order, anchor, rng, ae: bool, steps: str) -> None:
    """The parcel's steps up to the anchor while it moves (or its case is live); a delivered
    order keeps its first step and its delivery, one delivered long ago (with no case) its
    delivery only, as an archive import would."""
    names = content.AE_TRACKING if ae else content.TB_TRACKING
    at = order.shipped_at
    for step in {"all": names, "first": names[:1], "none": ()}[steps]:
        at = at + _hours(rng, 6, 60 if ae else 20)
        if at >= anchor or (order.delivered_at and at >= order.delivered_at):
            break
        orders.add_tracking_event(order, at, step, location="CN" if ae else "", actor="demo")
    if order.delivered_at:
        orders.add_tracking_event(order, order.delivered_at,
                                  content.DELIVERED[order.shop.platform], actor="demo")
