"""Conversations and their messages at shop scale, indexed for search as they are written.

Texts come from the demo's threads (app/demo/threads.py): English with the platform's
Chinese translation on AliExpress, Chinese on Taobao, sometimes with an order number or a
product name so the index is not a handful of sentences repeated. Each message's search
terms are made by the real indexer (app.services.messaging.search.index_terms).
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from bench.rows import at, insert, next_id
from app.demo import content, threads
from app.services.messaging.search import TABLE, index_terms

CHANNELS = {"aliexpress": ("site_message", "site_message", "order_message", "email"),
            "taobao": ("im", "im", "im", "order_message", "sms")}
STARS = ("none",) * 17 + ("red", "orange", "yellow", "green", "blue", "purple")
REPS = ("", "", "", "", "", "", "", "", "小王", "Lily")
MESSAGE_COLUMNS = ("id", "conversation_id", "direction", "channel", "body", "source_lang",
                   "translation", "translation_lang", "sent_at", "author", "is_auto",
                   "is_internal")
CONVERSATION_COLUMNS = ("id", "uid", "shop_id", "buyer_id", "order_id", "channel", "subject",
                        "language", "star", "assigned_to", "created_at", "last_message_at",
                        "last_inbound_at", "is_read", "is_replied")
FLUSH = 50_000          # messages per executemany round


class ChatWriter:
    """Writes conversations and messages in rounds; ids continue after what exists."""

    def __init__(self, db, rng):
        self.db, self.rng = db, rng
        self.conversation_id = next_id(db, "conversation")
        self.message_id = max(next_id(db, "message"), self._last_indexed() + 1)
        self.conversations: list[tuple] = []
        self.messages: list[tuple] = []
        self.terms: list[tuple] = []
        self.written = 0

    def _last_indexed(self) -> int:
        row = self.db.execute_sql(f'SELECT max(rowid) FROM "{TABLE}"').fetchone()
        return row[0] or 0

    def conversation(self, order: tuple, count: int, start, anchor, *, with_order=True,
                     detailed: bool = False) -> int:
        """One conversation of `count` messages about `order` (id, shop id, platform, buyer
        id, order number), starting at `start`; returns its id."""
        rng = self.rng
        order_id, shop_id, platform, buyer_id, order_no = order
        ae = platform == "aliexpress"
        pool = rng.choice((threads.AE_PROBLEM if rng.random() < 0.4 else threads.AE_GENERAL)
                          if ae else (threads.TB_PROBLEM if rng.random() < 0.4
                                      else threads.TB_GENERAL))
        products = content.AE_PRODUCTS if ae else content.TB_PRODUCTS
        channel = rng.choice(CHANNELS[platform])
        conv_id = self.conversation_id
        self.conversation_id += 1
        when = start
        last_in = last_visible = None
        direction = "in"
        for n in range(count):
            turn = pool[n % len(pool)]
            direction, body, translation = turn[0], turn[1], turn[2]
            source = turn[3] if len(turn) > 3 else ("en" if ae else "zh")
            if n and rng.random() < 0.2:
                body += (f" Order {order_no}." if ae else f"订单号{order_no}")
            elif detailed or rng.random() < 0.1:
                title = rng.choice(products)[1]
                body = f"{body} ({title})"
            if n:
                when += (timedelta(minutes=rng.randint(8, 600)) if direction == "out"
                         else timedelta(minutes=rng.randint(40, 1800)))
            when = min(when, anchor)
            internal = direction == "out" and rng.random() < 0.02
            author = "rep" if direction == "out" else ""
            self.messages.append((self.message_id, conv_id, direction, channel, body, source,
                                  translation, "zh" if translation else "", at(when), author,
                                  0, int(internal)))
            self.terms.append((self.message_id, index_terms(f"{body}\n{translation or ''}")))
            self.message_id += 1
            if not internal:
                last_visible = direction
                if direction == "in":
                    last_in = when
        replied = last_visible != "in"
        subject = ((f"Order {order_no}" if ae else f"订单 {order_no}") if with_order else "")
        self.conversations.append((
            conv_id, uuid.UUID(int=rng.getrandbits(128)).hex, shop_id, buyer_id,
            order_id if with_order else None, channel, subject, "en" if ae else "zh",
            rng.choice(STARS), rng.choice(REPS), at(start), at(when), at(last_in),
            int(replied or rng.random() < 0.5), int(replied)))
        if len(self.messages) >= FLUSH:
            self.flush()
        return conv_id

    def flush(self) -> None:
        insert(self.db, "conversation", CONVERSATION_COLUMNS, self.conversations)
        insert(self.db, "message", MESSAGE_COLUMNS, self.messages)
        self.db.cursor().executemany(
            f'INSERT INTO "{TABLE}" (rowid, terms) VALUES (?, ?)', self.terms)
        self.written += len(self.messages)
        self.conversations, self.messages, self.terms = [], [], []


def message_counts(conversations: int, messages: int, rng) -> list[int]:
    """How many messages each conversation gets: about even, at least one, summing to
    `messages` exactly."""
    if conversations <= 0:
        return []
    mean = max(1, messages // conversations)
    counts = [rng.randint(1, 2 * mean - 1) for _ in range(conversations)]
    gap = messages - sum(counts)
    while gap:
        n = rng.randrange(conversations)
        if gap > 0:
            counts[n] += 1
            gap -= 1
        elif counts[n] > 1:
            counts[n] -= 1
            gap += 1
    return counts


def bulk_conversations(db, count: int, messages: int, anchor, rng, *, long_thread: int) -> dict:
    """`count` conversations holding `messages` messages, one of them `long_thread` long,
    on orders of every shop (one in ten without an order). Returns the long thread's id."""
    orders = db.execute_sql(
        'SELECT o."id", o."shop_id", s."platform", o."buyer_id", o."order_no", o."created_at" '
        'FROM "orders" o JOIN "shop" s ON s."id" = o."shop_id" '
        'WHERE o."buyer_id" IS NOT NULL AND o."id" NOT IN '
        '(SELECT "order_id" FROM "conversation" WHERE "order_id" IS NOT NULL)').fetchall()
    rng.shuffle(orders)
    writer = ChatWriter(db, rng)
    long_order = next(o for o in orders if o[2] == "aliexpress")
    long_id = writer.conversation(long_order[:5], long_thread,
                                  anchor - timedelta(days=200), anchor, detailed=True)
    orders.remove(long_order)
    counts = message_counts(count - 1, max(count - 1, messages - long_thread), rng)
    year = 365 * 24 * 3600
    for n, size in enumerate(counts):
        order = orders[n % len(orders)]
        span = size * 9 * 3600              # the mean gap between two messages is ~9 h
        start = anchor - timedelta(seconds=span + rng.randint(300, max(301, year - span)))
        writer.conversation(order[:5], size, start, anchor,
                            with_order=n < len(orders) and rng.random() >= 0.1)
    writer.flush()
    return {"long_thread": long_id, "messages": writer.written}
