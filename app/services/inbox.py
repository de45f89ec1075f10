"""The inbox: which conversations to list, and what one page of the list shows.

`conversation_ids` returns every matching id in list order (cheap: one indexed
query on the conversation table); `conversation_rows` fills in one page of them
with a fixed number of queries, whatever the page size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import peewee as pw

from app.models import Buyer, Conversation, Message, Order, Shop
from app.services.errors import InvalidInput

SNIPPET_LENGTH = 80
_CHUNK = 500   # ids per IN (...) list, well under SQLite's variable limit

FILTER_KEYS = ("unreplied", "unread", "shop", "channel", "star")


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


def conversation_ids(filters: dict | None = None) -> list[int]:
    """Ids of the matching conversations, the latest message first (never-used ones last).

    filters: unreplied=True, unread=True, shop=<shop key>, channel=<channel>, star=<colour>.
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
    if filters.get("shop"):
        shop_ids = Shop.select(Shop.id).where(Shop.key == filters["shop"])
        query = query.where(Conversation.shop.in_(shop_ids))
    # Index order (last_message_at, rowid) read backwards: no sort step.
    query = query.order_by(Conversation.last_message_at.desc(), Conversation.id.desc())
    return [row[0] for row in query.tuples()]


def conversation_rows(ids) -> dict[int, InboxRow]:
    """What the inbox shows for each of `ids` (missing ids are left out)."""
    ids = list(dict.fromkeys(int(i) for i in ids))
    rows: dict[int, InboxRow] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start:start + _CHUNK]
        snippets = _latest_messages(chunk)
        for values in _conversation_facts(chunk):
            conv_id = values[0]
            body, direction = snippets.get(conv_id, ("", None))
            rows[conv_id] = InboxRow(
                id=conv_id, buyer_name=values[1] or values[2], buyer_login=values[2],
                buyer_country=values[3], shop=values[4], platform=values[5], channel=values[6],
                star=values[7], subject=values[8], snippet=body, last_direction=direction,
                is_read=bool(values[9]), is_replied=bool(values[10]), order_no=values[11],
                order_status=values[12], last_message_at=values[13])
    return rows


def _conversation_facts(ids: list[int]):
    query = (Conversation
             .select(Conversation.id, Buyer.name, Buyer.login, Buyer.country, Shop.key,
                     Shop.platform, Conversation.channel, Conversation.star,
                     Conversation.subject, Conversation.is_read, Conversation.is_replied,
                     Order.order_no, Order.status, Conversation.last_message_at)
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
