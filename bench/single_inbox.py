"""Measure the inbox and the message search on a big database against the raw SQL floor.

    python -m bench.single_inbox [--db /tmp/afterdesk_bench.db] [--conversations 100000]
                                  [--messages-per 10] [--runs 5] [--keep]

Generates N conversations with ~10 messages each, in Chinese (Taobao shop) and English
(AliExpress shop), with raw executemany; builds the search index through the search
service (as the migration does for an old database); then times, median of `runs`:

- a filter switch as the window does it: every matching id + the rows of the first page
  (app.services.messaging.inbox), against the raw indexed SQL for the same first page;
- a search for 退款 and for an English word (app.services.messaging.search), against a raw FTS5
  MATCH of a 3-character query on the same table.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import datetime, timedelta
from pathlib import Path


ZH = ["你好", "请问退款什么时候到账", "物流三天没更新了", "东西收到了，谢谢老板", "发票可以开吗",
      "尺码偏小，能换吗", "快递到哪了", "颜色发错了", "亲，已经帮您催快递了", "亲，今天下午发货",
      "退货地址发我一下", "已经寄回了，单号填好了", "质量有问题", "在吗", "好的，谢谢"]
EN = ["Hello, my order has not arrived yet", "Can I get a refund for the broken item",
      "The tracking has not changed for ten days", "Thank you, everything arrived",
      "Do you have this in black", "Please send the tracking number",
      "We have contacted the carrier", "The parcel is in customs now",
      "Is shipping to Brazil free", "The size is too small", "Dear friend, sorry for the wait"]
STARS = ("none",) * 6 + ("red", "green", "blue")
STATES = ("shipped", "completed", "awaiting_shipment", "closed")


def _sentence(rng, pool) -> str:
    return "，".join(rng.sample(pool, rng.randint(1, 3))) if pool is ZH else \
        ". ".join(rng.sample(pool, rng.randint(1, 3))) + "."


def generate(db, conversations: int, per: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    start = datetime(2026, 1, 1)
    fmt = "%Y-%m-%d %H:%M:%S"
    cur = db.cursor()
    cur.execute("INSERT INTO shop VALUES (1,'ae','aliexpress','AE','America/Los_Angeles','USD',?)",
                (start.strftime(fmt),))
    cur.execute("INSERT INTO shop VALUES (2,'tb','taobao','TB','Asia/Shanghai','CNY',?)",
                (start.strftime(fmt),))
    buyers = conversations // 2
    cur.executemany(
        "INSERT INTO buyer (id, shop_id, login, name, country, language, email, phone, note) "
        "VALUES (?,?,?,?,?,?,'','','')",
        [(b, 1 + b % 2, f"b{b}", f"Buyer {b}", "CN" if b % 2 else "US", "zh" if b % 2 else "en")
         for b in range(1, buyers + 1)])
    orders, convs, messages = [], [], []
    message_id = 0
    for c in range(1, conversations + 1):
        buyer = rng.randint(1, buyers)
        shop = 1 + buyer % 2
        created = start + timedelta(seconds=rng.randint(0, 300 * 86400))
        orders.append((c, shop, f"{8000000000000000 + c}", buyer, rng.choice(STATES),
                       "USD" if shop == 1 else "CNY", created.strftime(fmt)))
        n = rng.randint(1, 2 * per - 1)          # mean `per`: 100k conversations ~ 1M messages
        at = created
        last_in = None
        direction = "in"
        for _ in range(n):
            message_id += 1
            at += timedelta(minutes=rng.randint(5, 600))
            body = _sentence(rng, ZH if shop == 2 else EN)
            messages.append((message_id, c, direction, "im", body, "zh" if shop == 2 else "en",
                             at.strftime(fmt)))
            if direction == "in":
                last_in = at
            direction = "out" if direction == "in" or rng.random() < 0.3 else "in"
        replied = messages[-1][2] == "out"
        convs.append((c, f"u{c}", shop, buyer, c, "im", rng.choice(STARS), created.strftime(fmt),
                      at.strftime(fmt), last_in.strftime(fmt) if last_in else None,
                      int(replied), int(replied)))
    with db.atomic():
        cur.executemany(
            "INSERT INTO orders (id, shop_id, order_no, buyer_id, status, platform_status, "
            "currency, goods_amount, shipping_amount, total_amount, paid_amount, is_virtual, "
            "created_at, carrier, tracking_no, destination_country, confirm_extension_days, "
            "note) VALUES (?,?,?,?,?,'',?,0,0,0,0,0,?,'','','',0,'')", orders)
        cur.executemany(
            "INSERT INTO conversation (id, uid, shop_id, buyer_id, order_id, channel, subject, "
            "language, star, assigned_to, created_at, last_message_at, last_inbound_at, "
            "is_read, is_replied) VALUES (?,?,?,?,?,?,'','',?,'',?,?,?,?,?)", convs)
        cur.executemany(
            "INSERT INTO message (id, conversation_id, direction, channel, body, source_lang, "
            "translation_lang, sent_at, author, is_auto, is_internal) "
            "VALUES (?,?,?,?,?,?,'',?,'',0,0)", messages)
    return len(messages)


def median_ms(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), result


RAW_PAGE_IDS = ('SELECT "id" FROM "conversation" WHERE "is_replied" = 0 '
                'ORDER BY "last_message_at" DESC, "id" DESC LIMIT 100')
RAW_ALL_IDS = ('SELECT "id" FROM "conversation" WHERE "is_replied" = 0 '
               'ORDER BY "last_message_at" DESC, "id" DESC')
RAW_ROWS = ('SELECT c.id, b.name, b.login, s.key, c.star, o.order_no, o.status, '
            '(SELECT m.body FROM message m WHERE m.conversation_id = c.id '
            'ORDER BY m.sent_at DESC LIMIT 1) FROM conversation c JOIN buyer b ON b.id = c.buyer_id '
            'JOIN shop s ON s.id = c.shop_id LEFT JOIN orders o ON o.id = c.order_id '
            'WHERE c.id IN ({})')
RAW_MATCH = ('SELECT rowid FROM message_search WHERE message_search MATCH ? '
             'ORDER BY rowid DESC LIMIT 200')


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/afterdesk_bench.db")
    parser.add_argument("--conversations", type=int, default=100_000)
    parser.add_argument("--messages-per", type=int, default=10)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="reuse an existing database")
    args = parser.parse_args(argv)

    from app.db import open_database
    from app.services.messaging import inbox, search
    path = Path(args.db)
    fresh = not (args.keep and path.exists())
    if fresh:
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_database(path)
    if fresh:
        t = time.perf_counter()
        count = generate(db, args.conversations, args.messages_per)
        print(f"generated {args.conversations} conversations, {count} messages "
              f"in {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        indexed = search.backend().catch_up()
        print(f"search index built for {indexed} messages in {time.perf_counter() - t:.1f} s")
    total = db.execute_sql("SELECT count(*) FROM message").fetchone()[0]
    print(f"database: {total} messages, runs={args.runs} (median)\n")

    def service_switch(filters):
        ids = inbox.conversation_ids(filters)
        return ids, inbox.conversation_rows(ids[:100])

    def raw_page():
        ids = [r[0] for r in db.execute_sql(RAW_PAGE_IDS)]
        return ids, db.execute_sql(RAW_ROWS.format(",".join(map(str, ids)))).fetchall()

    rows = []
    for label, filters in (("all", {}), ("unreplied", {"unreplied": True}),
                           ("star red", {"star": "red"}),
                           ("unreplied + order completed", {"unreplied": True,
                                                            "order_status": "completed"})):
        ms, (ids, _page) = median_ms(lambda f=filters: service_switch(f), args.runs)
        rows.append((f"filter switch: {label} ({len(ids)} ids + first page)", ms))
    floor_page, _ = median_ms(raw_page, args.runs)
    floor_all, _ = median_ms(lambda: db.execute_sql(RAW_ALL_IDS).fetchall(), args.runs)
    print(f"{'raw floor: unreplied first page (ids LIMIT 100 + rows)':62} {floor_page:8.1f} ms")
    print(f"{'raw floor: every unreplied id (indexed)':62} {floor_all:8.1f} ms")
    for label, ms in rows:
        print(f"{label:62} {ms:8.1f} ms  x{ms / floor_page:6.1f} of page floor")

    print()
    floor_match, hits = median_ms(lambda: db.execute_sql(RAW_MATCH, ('"退款 款什"',)).fetchall(),
                                  args.runs)
    print(f"{'raw FTS5 MATCH, 3 characters (退款什), newest 200':62} {floor_match:8.1f} ms "
          f"({len(hits)} hits)")
    raw_text = ('SELECT c.id FROM conversation c WHERE c.id IN (SELECT m.conversation_id FROM '
                'message_search s JOIN message m ON m.id = s.rowid WHERE message_search MATCH ?) '
                'ORDER BY c.last_message_at DESC, c.id DESC')
    ms, ids = median_ms(lambda: db.execute_sql(raw_text, ('"退款 款什"',)).fetchall(), args.runs)
    print(f"{'raw floor: every conversation matching 退款什 (3 characters)':62} {ms:8.1f} ms "
          f"({len(ids)} conversations)")
    for query in ("退款", "refund", "款"):
        ms, found = median_ms(lambda q=query: search.search_messages(q, 200), args.runs)
        print(f"{'search ' + query + ' (service, newest 200)':62} {ms:8.1f} ms "
              f"x{ms / floor_match:6.1f}  ({len(found)} hits)")
        ms, ids = median_ms(lambda q=query: inbox.conversation_ids({"text": q}), args.runs)
        print(f"{'inbox filter text=' + query + ' (every matching conversation)':62} "
              f"{ms:8.1f} ms x{ms / floor_match:6.1f}  ({len(ids)} conversations)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
