"""The benchmark's shops: seeded, reproducible, at the scale of a busy year.

    generate(Scale(), seed=7)      # into the open database, which must be empty

1. The two demo shops (app.demo.load_demo, through the services): a few hundred orders each
   with conversations, complaints, follow-ups, and requests and disputes in every state.
2. Two more shops (one per platform) and a crowd of buyers spread over the four.
3. Copies of the demo's cases, with their orders, up to `scale.cases` (bench/gen_cases).
4. Orders without a case up to `scale.orders` (bench/gen_orders).
5. Conversations and messages up to `scale.conversations` / `scale.messages`, one thread
   `scale.long_thread` long, indexed for search as they are written (bench/gen_chats).

The same seed and anchor give the same data.
"""

from __future__ import annotations

import random
import time
from datetime import datetime

from bench import gen_cases, gen_chats, gen_orders
from bench.scale import Scale
from app.clock import as_utc, utcnow
from app.db import database


def generate(scale: Scale, seed: int = 7, anchor: datetime | None = None,
             log=lambda text: None) -> dict:
    from app.demo import load_demo
    from app.services.commerce import shops as shop_service
    anchor = (as_utc(anchor) if anchor else utcnow()).replace(microsecond=0)
    rng = random.Random(seed)
    began = time.perf_counter()
    load_demo(seed=seed, orders_per_shop=scale.template_orders, anchor=anchor)
    for key, platform, name, zone, currency in gen_orders.EXTRA_SHOPS:
        shop_service.add_shop(key, platform, name, zone, currency, actor="bench")
    log(f"demo shops (case templates) in {time.perf_counter() - began:.1f} s")
    shops = [gen_orders.ShopStub(*row) for row in database.execute_sql(
        'SELECT "id", "key", "platform", "currency" FROM "shop" ORDER BY "id"')]
    by_platform: dict = {}
    for shop in shops:
        by_platform.setdefault(shop.platform, []).append(shop)

    step = time.perf_counter()
    with database.atomic():
        buyers = gen_orders.make_buyers(database, shops, max(len(shops), scale.orders // 4), rng)
        existing = _count("dispute") + _count("aftersales_request")
        made = gen_cases.clone_cases(database, scale.cases - existing, by_platform, buyers, rng,
                                     number_from=0)
        rest = scale.orders - _count("orders")
        gen_orders.bulk_orders(database, shops, buyers, max(0, rest), anchor, rng)
    log(f"{_count('orders')} orders, {made['disputes'] + made['requests']} copied cases "
        f"in {time.perf_counter() - step:.1f} s")

    step = time.perf_counter()
    with database.atomic():
        chats = gen_chats.bulk_conversations(
            database, scale.conversations - _count("conversation"),
            scale.messages - _count("message"), anchor, rng, long_thread=scale.long_thread)
    log(f"{_count('conversation')} conversations, {_count('message')} messages, indexed, "
        f"in {time.perf_counter() - step:.1f} s")
    summary = {table: _count(table) for table in (
        "shop", "buyer", "orders", "conversation", "message", "dispute", "aftersales_request")}
    summary.update(seed=seed, anchor=anchor.isoformat(), long_thread=chats["long_thread"],
                   seconds=round(time.perf_counter() - began, 1))
    return summary


def _count(table: str) -> int:
    return database.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0]
