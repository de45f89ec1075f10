"""Demo buyers, orders with tracking, and conversations."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from app.demo import content
from app.services import conversations, orders, shops

DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


def make_buyers(shop):
    people = content.AE_BUYERS if shop.platform == "aliexpress" else content.TB_BUYERS
    return [shops.add_buyer(shop, login, name=name, country=country, language=lang,
                            email=f"{login}@example.com", actor="demo")
            for login, name, country, lang in people]


def _order_no(shop, index: int) -> str:
    base = 8190000000000000 if shop.platform == "aliexpress" else 3920000000000000000
    return str(base + index * 7919)


def make_orders(shop, buyers, count: int, anchor, rng):
    """Orders placed over the last 90 days; older ones are further along."""
    ae = shop.platform == "aliexpress"
    products = content.AE_PRODUCTS if ae else content.TB_PRODUCTS
    carriers = content.AE_CARRIERS if ae else content.TB_CARRIERS
    made = []
    for i in range(count):
        buyer = buyers[i % len(buyers)]
        age = timedelta(minutes=rng.randint(30, 90 * 24 * 60))
        created = anchor - age
        picks = rng.sample(products, rng.choice((1, 1, 1, 2, 3)))
        items, goods = [], Decimal("0")
        for pid, title, attrs, price in picks:
            qty = rng.choice((1, 1, 2))
            items.append({"product_id": pid, "title": title, "attributes": attrs,
                          "quantity": qty, "unit_price": price})
            goods += Decimal(price) * qty
        shipping = Decimal("0") if not ae or goods > 30 else Decimal("2.99")
        times = {"paid_at": created + timedelta(minutes=rng.randint(1, 90))}
        status = "awaiting_shipment"
        if age < 2 * HOUR and rng.random() < 0.5:
            status, times = "awaiting_payment", {}
        promised = None
        if ae:
            promised = rng.choice((90, 120)) if buyer.country == "BR" else rng.choice((20, 30, 45, 60))
        if status != "awaiting_payment" and age > 3 * DAY:
            times["shipped_at"] = times["paid_at"] + timedelta(hours=rng.randint(5, 70))
            status = "shipped"
            transit = timedelta(days=rng.randint(8, 25) if ae else rng.randint(1, 4))
            if times["shipped_at"] + transit < anchor - DAY:
                times["delivered_at"] = times["shipped_at"] + transit
                confirm = times["delivered_at"] + timedelta(hours=rng.randint(6, 96))
                if confirm < anchor:
                    times["confirmed_at"] = times["completed_at"] = confirm
                    status = "completed"
        if status == "awaiting_shipment" and age > 20 * DAY:
            times = {"paid_at": times["paid_at"],
                     "closed_at": times["paid_at"] + timedelta(hours=rng.randint(2, 40))}
            status = "closed"
        if "shipped_at" in times:
            times["carrier"] = rng.choice(carriers)
            times["tracking_no"] = (f"LP00{rng.randint(10**9, 10**10 - 1)}" if ae
                                    else f"7{rng.randint(10**11, 10**12 - 1)}")
        order = orders.add_order(
            shop, _order_no(shop, i), status=status, created_at=created, buyer=buyer,
            goods_amount=goods, shipping_amount=shipping,
            product_cost=(goods * Decimal("0.45")).quantize(Decimal("0.01")),
            shipping_cost=Decimal("3.20") if ae else Decimal("8.00"),
            destination_country=buyer.country, promised_days=promised, items=items,
            actor="demo", **times)
        if order.shipped_at:
            _tracking(order, anchor, rng, ae)
        made.append(order)
    return made


def _tracking(order, anchor, rng, ae):
    steps = (["Accepted by carrier", "Departed from sorting center, Shenzhen",
              "Arrived at destination country", "Customs clearance completed",
              "Out for delivery"] if ae else
             ["快件已揽收", "已发往转运中心", "到达目的地转运中心", "派送中"])
    at = order.shipped_at
    for step in steps:
        at = at + timedelta(hours=rng.randint(6, 60 if ae else 20))
        if at >= anchor or (order.delivered_at and at >= order.delivered_at):
            break
        orders.add_tracking_event(order, at, step, location="" if not ae else "CN", actor="demo")
    if order.delivered_at:
        orders.add_tracking_event(order, order.delivered_at, "Delivered" if ae else "已签收",
                                  actor="demo")


def make_conversations(shop, order_list, anchor, rng):
    """About a third of the orders have a conversation; some wait for the rep's answer."""
    ae = shop.platform == "aliexpress"
    threads = content.AE_THREADS if ae else content.TB_THREADS
    channels = ("site_message", "order_message", "im", "email") if ae else (
        "im", "im", "order_message", "sms")
    for order in order_list:
        if rng.random() > 0.35 or order.buyer is None:
            continue
        question, translation, answer = rng.choice(threads)
        start = max(order.created_at, anchor - timedelta(days=12)) + timedelta(
            minutes=rng.randint(5, 600))
        if start >= anchor:
            start = anchor - timedelta(minutes=rng.randint(5, 300))
        conv = conversations.start_conversation(
            shop, order.buyer, rng.choice(channels), order=order,
            subject=f"Order {order.order_no}" if ae else f"订单 {order.order_no}",
            language=order.buyer.language, at=start, actor="demo")
        conversations.add_message(conv, "in", question, start, author=order.buyer.name,
                                  translation=translation, translation_lang="zh" if translation else "",
                                  source_lang="en" if ae else "zh", actor="demo")
        if rng.random() < 0.15:
            conversations.add_message(conv, "out", "内部备注：已联系仓库核实重量。" if not ae else
                                      "Note: asked the warehouse to check the parcel weight.",
                                      start + timedelta(minutes=20), author="rep", is_internal=True,
                                      actor="demo")
        if rng.random() < 0.7:
            replied = start + timedelta(minutes=rng.randint(10, 900))
            if replied < anchor:
                conversations.add_message(conv, "out", answer, replied, author="rep", actor="demo")
        if rng.random() < 0.25:
            conversations.set_star(conv, rng.choice(("red", "yellow", "green", "blue")),
                                   actor="demo")
