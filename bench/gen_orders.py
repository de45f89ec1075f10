"""The benchmark shops' buyers and their year of orders, written with executemany.

Orders are planned the way the demo plans its orders without a case
(app.demo.orders.plan_background: a year of them, a quarter recent, shipping times from
the TB-5 profile value), then stored in bulk with their items and a delivery event.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bench.rows import at, insert, next_id
from app.demo import content
from app.demo.orders import plan_background
from app.services.commerce.policy import load_profile

# The shops the generator adds beside the two demo shops (which carry the case templates).
EXTRA_SHOPS = (("ae-harbor", "aliexpress", "Harbor Electronics", "America/Los_Angeles", "USD"),
               ("tb-shanshui", "taobao", "山水茶舍", "Asia/Shanghai", "CNY"))
AE_COUNTRIES = ("US", "BR", "ES", "FR", "PL", "GB", "DE", "KR", "MX", "AU", "CL", "RU")
AE_FIRST = ("Ana", "Michael", "Olga", "Javier", "Claire", "Tomasz", "Sarah", "Lukas", "Min-ji",
            "Luisa", "Jack", "Pedro", "Emma", "Noah", "Sofia", "Mateo")
AE_LAST = ("Souza", "Carter", "Kuznetsova", "García", "Martin", "Nowak", "Jones", "Becker",
           "Kim", "Hernández", "Wilson", "Rojas", "Silva", "Smith", "Rossi", "Müller")
TB_SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
TB_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰"


@dataclass(frozen=True)
class BuyerStub:
    """What order planning needs of a buyer (app.demo.orders reads `.country`)."""
    id: int
    shop_id: int
    country: str


@dataclass(frozen=True)
class ShopStub:
    id: int
    key: str
    platform: str
    currency: str


def make_buyers(db, shops: list[ShopStub], count: int, rng) -> dict[int, list[BuyerStub]]:
    """`count` buyers spread over the shops; shop id -> buyers."""
    first = next_id(db, "buyer")
    rows, out = [], {s.id: [] for s in shops}
    for n in range(count):
        shop = shops[n % len(shops)]
        buyer_id = first + n
        if shop.platform == "aliexpress":
            country = rng.choice(AE_COUNTRIES)
            name = f"{rng.choice(AE_FIRST)} {rng.choice(AE_LAST)}"
            login, language = f"{country.lower()}_buyer{buyer_id}", "en"
        else:
            country = "CN"
            name = rng.choice(TB_SURNAMES) + "".join(rng.sample(TB_GIVEN, rng.randint(1, 2)))
            login, language = f"tb_{buyer_id:07d}", "zh"
        rows.append((buyer_id, shop.id, login, name, country, language, f"{login}@example.com",
                     "", ""))
        out[shop.id].append(BuyerStub(buyer_id, shop.id, country))
    insert(db, "buyer", ("id", "shop_id", "login", "name", "country", "language", "email",
                         "phone", "note"), rows)
    return out


ORDER_COLUMNS = ("id", "shop_id", "order_no", "buyer_id", "status", "platform_status",
                 "currency", "goods_amount", "shipping_amount", "total_amount", "paid_amount",
                 "product_cost", "shipping_cost", "is_virtual", "created_at", "paid_at",
                 "shipped_at", "delivered_at", "confirmed_at", "completed_at", "closed_at",
                 "carrier", "tracking_no", "destination_country", "promised_days",
                 "confirm_extension_days", "note")


def order_number(platform: str, n: int) -> str:
    """Unlike the demo's numbers (…0000000 + 7919 n), so they never collide."""
    return str((8290000000000000 if platform == "aliexpress" else 3930000000000000000) + n)


def bulk_orders(db, shops: list[ShopStub], buyers: dict, count: int, anchor, rng,
                number_from: int = 0) -> int:
    """`count` orders without a case spread over the shops, with items and tracking."""
    order_id = next_id(db, "orders")
    item_id = next_id(db, "order_item")
    event_id = next_id(db, "tracking_event")
    orders, items, events = [], [], []
    per_shop = [count // len(shops) + (1 if i < count % len(shops) else 0)
                for i in range(len(shops))]
    serial = number_from
    for shop, n in zip(shops, per_shop):
        ae = shop.platform == "aliexpress"
        ship_within = None if ae else load_profile("taobao").duration("ship_within")  # TB-5
        products = content.AE_PRODUCTS if ae else content.TB_PRODUCTS
        carriers = content.AE_CARRIERS if ae else content.TB_CARRIERS
        delivered_word = content.DELIVERED[shop.platform]
        plans = sorted(plan_background(n, buyers[shop.id], anchor, ship_within, ae, rng),
                       key=lambda p: p.created)
        for plan in plans:
            goods = 0
            for position, (pid, title, attrs, price) in enumerate(
                    rng.sample(products, rng.choice((1, 1, 1, 2, 3))), start=1):
                quantity = rng.choice((1, 1, 2))
                cents = int(Decimal(price) * 100)
                goods += cents * quantity
                items.append((item_id, order_id, position, pid, title, attrs, quantity, cents))
                item_id += 1
            shipping = 0 if not ae or goods > 3000 else 299
            t = plan.times
            shipped = t.get("shipped_at")
            carrier = rng.choice(carriers) if shipped else ""
            tracking = ((f"LP00{rng.randint(10**9, 10**10 - 1)}" if ae
                         else f"7{rng.randint(10**11, 10**12 - 1)}") if shipped else "")
            paid = goods + shipping if t.get("paid_at") else 0
            orders.append((order_id, shop.id, order_number(shop.platform, serial),
                           plan.buyer.id, plan.status, "", shop.currency, goods, shipping,
                           goods + shipping, paid, goods * 45 // 100, 320 if ae else 800, 0,
                           at(plan.created), at(t.get("paid_at")), at(shipped),
                           at(t.get("delivered_at")), at(t.get("confirmed_at")),
                           at(t.get("completed_at")), at(t.get("closed_at")), carrier, tracking,
                           plan.buyer.country, plan.promised, 0, ""))
            if shipped:
                events.append((event_id, order_id, at(shipped), "CN" if ae else "",
                               content.AE_TRACKING[0] if ae else content.TB_TRACKING[0], ""))
                event_id += 1
            if t.get("delivered_at"):
                events.append((event_id, order_id, at(t["delivered_at"]), "", delivered_word, ""))
                event_id += 1
            order_id += 1
            serial += 1
    insert(db, "orders", ORDER_COLUMNS, orders)
    insert(db, "order_item", ("id", "order_id", "position", "product_id", "title", "attributes",
                              "quantity", "unit_price"), items)
    insert(db, "tracking_event", ("id", "order_id", "at", "location", "description",
                                  "status_code"), events)
    return len(orders)
