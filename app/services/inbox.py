"""The inbox: which conversations to list, and what one page of the list shows.

`conversation_ids` returns every matching id in list order (cheap: one indexed
query on the conversation table); `conversation_rows` fills in one page of them
with a fixed number of queries, whatever the page size.

Filters combine (AND): unreplied, unread, star colour, order status, channel, shop,
has an open request or dispute, assigned to someone, and free text over the messages
(app.services.search: 退款 is found although it has only two characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import peewee as pw
from peewee import fn

from app.db import database
from app.models import Buyer, Conversation, Message, Order, Shop
from app.services.errors import InvalidInput

SNIPPET_LENGTH = 80
_CHUNK = 500   # ids per IN (...) list, well under SQLite's variable limit

REPLY_DUE = "reply_due"       # the reply target of app.rules.policy

FILTER_KEYS = ("unreplied", "unread", "shop", "channel", "star", "order_status", "open_case",
               "assigned_to", "text")


@dataclass(frozen=True)
class InboxRow:
    id: int
    buyer_name: str         # the buyer's name, or their login when no name is known
    buyer_login: str
    buyer_country: str
    shop: str               # shop key
    platform: str
    channel: str
    star: str
    subject: str
    snippet: str            # the latest message the buyer sees, shortened to one line
    last_direction: str | None  # "in" or "out" for that message, None without messages
    is_read: bool
    is_replied: bool
    order_no: str | None
    order_status: str | None
    last_message_at: datetime | None
    assigned_to: str = ""
    has_open_case: bool = False
    reply_due_at: datetime | None = None   # answer by then (HOUSE-1) while unreplied


def conversation_ids(filters: dict | None = None) -> list[int]:
    """Ids of the matching conversations, the latest message first (never-used ones last).

    filters: unreplied=True, unread=True, shop=<shop key>, channel=<channel>,
    star=<colour>, order_status=<vocab.ORDER_STATES>, open_case=True,
    assigned_to=<rep name>, text=<words searched in the messages>.
    """
    filters = dict(filters or {})
    unknown = set(filters) - set(FILTER_KEYS)
    if unknown:
        raise InvalidInput(f"unknown inbox filter(s): {', '.join(sorted(unknown))}",
                           field="filters")
    query = Conversation.select(Conversation.id)
    if filters.get("unreplied"):
        query = query.where(Conversation.is_replied == False)  # noqa: E712
    if filters.get("unread"):
        query = query.where(Conversation.is_read == False)  # noqa: E712
    if filters.get("channel"):
        query = query.where(Conversation.channel == filters["channel"])
    if filters.get("star"):
        query = query.where(Conversation.star == filters["star"])
    if filters.get("assigned_to"):
        query = query.where(Conversation.assigned_to == filters["assigned_to"])
    if filters.get("shop"):
        shop_ids = Shop.select(Shop.id).where(Shop.key == filters["shop"])
        query = query.where(Conversation.shop.in_(shop_ids))
    if filters.get("order_status"):
        orders = Order.select(Order.id).where(Order.status == filters["order_status"])
        query = query.where(Conversation.order.in_(orders))
    if filters.get("open_case"):
        query = query.where(Conversation.order.in_(_orders_with_open_case()))
    if (filters.get("text") or "").strip():
        from app.services import search
        found = search.backend().matching_conversations_sql(filters["text"])
        if found is None:
            return []
        query = query.where(Conversation.id.in_(pw.SQL(f"({found[0]})", found[1])))
    # Index order (last_message_at, rowid) read backwards: no sort step.
    query = query.order_by(Conversation.last_message_at.desc(), Conversation.id.desc())
    sql, params = query.sql()          # plain cursor: 100k ids without per-row wrappers
    return [row[0] for row in database.execute_sql(sql, params).fetchall()]


def _open_case_of(order_id):
    """Subquery: the order has an open dispute or after-sales request."""
    from app.models import AftersalesRequest, Dispute
    from app.models.vocab import DISPUTE_FINAL_STATES, REQUEST_FINAL_STATES
    disputes = (Dispute.select(pw.SQL("1")).where((Dispute.order == order_id)
                & Dispute.state.not_in(DISPUTE_FINAL_STATES)))
    requests = (AftersalesRequest.select(pw.SQL("1"))
                .where((AftersalesRequest.order == order_id)
                       & AftersalesRequest.state.not_in(REQUEST_FINAL_STATES)))
    return disputes | requests


def _orders_with_open_case():
    from app.models import AftersalesRequest, Dispute
    from app.models.vocab import DISPUTE_FINAL_STATES, REQUEST_FINAL_STATES
    disputes = Dispute.select(Dispute.order).where(Dispute.state.not_in(DISPUTE_FINAL_STATES))
    requests = (AftersalesRequest.select(AftersalesRequest.order)
                .where(AftersalesRequest.state.not_in(REQUEST_FINAL_STATES)))
    return disputes | requests


def conversation_rows(ids) -> dict[int, InboxRow]:
    """What the inbox shows for each of `ids` (missing ids are left out)."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    rows: dict[int, InboxRow] = {}
    reply_due = _reply_due_by_platform()
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        snippets = _latest_messages(chunk)
        for values in _conversation_facts(chunk):
            conv_id = values[0]
            body, direction = snippets.get(conv_id, ("", None))
            is_replied, last_inbound = bool(values[10]), values[15]
            due = (last_inbound + reply_due[values[5]]
                   if not is_replied and last_inbound and values[5] in reply_due else None)
            rows[conv_id] = InboxRow(
                id=conv_id, buyer_name=values[1] or values[2], buyer_login=values[2],
                buyer_country=values[3], shop=values[4], platform=values[5], channel=values[6],
                star=values[7], subject=values[8], snippet=body, last_direction=direction,
                is_read=bool(values[9]), is_replied=is_replied, order_no=values[11],
                order_status=values[12], last_message_at=values[13], assigned_to=values[14],
                has_open_case=bool(values[16]), reply_due_at=due)
    return rows


def _reply_due_by_platform() -> dict:
    """platform -> how long a buyer may wait for an answer (HOUSE-1 'reply_due'); one query."""
    from app.models import PolicyOverride
    from app.rules.policy import DEFAULTS, Profile
    overrides: dict[str, dict] = {name: {} for name in DEFAULTS}
    for profile, key, value in (PolicyOverride.select(PolicyOverride.profile, PolicyOverride.key,
                                                      PolicyOverride.value)
                                .where(PolicyOverride.key == REPLY_DUE).tuples()):
        overrides.setdefault(profile, {})[key] = value
    profiles = {name: Profile(name, overrides[name]) for name in DEFAULTS}
    return {name: p.duration(REPLY_DUE) for name, p in profiles.items() if REPLY_DUE in p}


def _conversation_facts(ids: list[int]):
    query = (Conversation
             .select(Conversation.id, Buyer.name, Buyer.login, Buyer.country, Shop.key,
                     Shop.platform, Conversation.channel, Conversation.star,
                     Conversation.subject, Conversation.is_read, Conversation.is_replied,
                     Order.order_no, Order.status, Conversation.last_message_at,
                     Conversation.assigned_to, Conversation.last_inbound_at,
                     fn.EXISTS(_open_case_of(Order.id)))
             .join(Buyer, on=(Conversation.buyer == Buyer.id))
             .switch(Conversation)
             .join(Shop, on=(Conversation.shop == Shop.id))
             .switch(Conversation)
             .join(Order, pw.JOIN.LEFT_OUTER, on=(Conversation.order == Order.id))
             .where(Conversation.id.in_(ids)))
    return query.tuples()


def _latest_messages(ids: list[int]) -> dict[int, tuple[str, str]]:
    """conversation id -> (snippet, direction) of its latest message the buyer sees."""
    inner = Message.alias()
    latest_id = (inner.select(inner.id)
                 .where(inner.conversation == Conversation.id)
                 .where(inner.is_internal == False)  # noqa: E712
                 .order_by(inner.sent_at.desc(), inner.id.desc())
                 .limit(1))
    wanted = Conversation.select(latest_id).where(Conversation.id.in_(ids))
    query = (Message.select(Message.conversation, Message.body, Message.direction)
             .where(Message.id.in_(wanted)))
    return {conv: (snippet(body), direction) for conv, body, direction in query.tuples()}


def snippet(text: str, length: int = SNIPPET_LENGTH) -> str:
    """One line of at most `length` characters, whitespace collapsed, '…' when cut."""
    line = re.sub(r"\s+", " ", text or "").strip()
    return line if len(line) <= length else line[:length - 1].rstrip() + "…"
