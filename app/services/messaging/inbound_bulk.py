"""A batch of incoming messages (a mail sync's: app.channels.ingest) written with a few
statements per table instead of add_message's twenty or so per message, with what adding
them one by one (app.services.messaging.conversations) gives:

- the same conversations: by the ids a message answers (In-Reply-To, References, in this
  batch too), else by the buyer and an order number of the shop, else a new one; the same
  buyers (found by address or added);
- the same inbox fields: last message, last message from the buyer, unread and unreplied
  when a buyer's message is the newest of its conversation, the version counted up once
  per message (as each save of the service does);
- each message findable at once (the search index);
- the audit trail: one entry for the batch's messages and one for the buyers it added (as
  an order import records one entry per import) instead of one per row.

Everything is first planned and checked without writing; a message the service would
refuse (an empty text, a time in the future, a name too long) makes `plan` raise
`NotBulk`, and the caller stores that batch one by one (which logs and passes it). What is
rare stays the caller's, a message at a time after `write`: its channel ids, files,
unreadable parts and automatic replies (AE-12: `may_get_automatic_reply` says which
messages to ask the service about, in order; each sees only the messages before it).

The messages come as the channels hand them (app.channels.incoming.Incoming: channel_id,
sender, sender_name, subject, body, at, references, files, automatic), with what the
batch read at once (app.channels.ingest.Lookups: known, links, buyers, orders).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable

from peewee import fn

from app.db import database
from app.errors import ServiceError
from app.models import Buyer, Conversation, Message
from app.models.base import new_uid
from app.services.common import audit
from app.services.common.input_checks import instant, text
from app.vocab import CHANNELS

_LATER = 1 << 62        # the links a batch adds sort after every stored one (newest wins)


class NotBulk(Exception):
    """The batch holds a message the one-by-one path must decide on."""


@dataclass
class PlannedThread:
    """A conversation the batch writes to: a stored one (`row`) or a new one."""
    id: int | None
    channel: str
    uid: str = ""
    row: Conversation | None = None
    buyer: object = None               # a Buyer, or the address of a buyer to add
    order_id: int | None = None
    subject: str = ""
    created_at: datetime | None = None
    last_message_at: datetime | None = None
    last_inbound_at: datetime | None = None
    newest: datetime | None = None     # its newest message but notes and automatic replies
    is_read: bool = True
    is_replied: bool = True
    added: int = 0


@dataclass
class PlannedMessage:
    incoming: Any                      # app.channels.incoming.Incoming
    thread: PlannedThread
    body: str
    at: datetime
    author: str
    id: int | None = None


@dataclass
class Plan:
    messages: list = field(default_factory=list)          # PlannedMessage, in the batch's order
    threads: list = field(default_factory=list)           # PlannedThread, new and stored
    new_buyers: dict = field(default_factory=dict)        # address -> (login, name, email)
    shop_id: int = 0


def plan(batch: list, lookups: Any, *, shop_id: int, channel: str, own_address: str,
         order_numbers: Callable[[Any], list[str]]) -> Plan:
    """What the batch would write into shop `shop_id` (new conversations on `channel`),
    checked as the services check it; raises NotBulk. `own_address`: the shop's own
    mails are skipped; `order_numbers`: the order numbers a message names."""
    try:
        return _plan(batch, lookups, shop_id, channel, own_address, order_numbers)
    except ServiceError as exc:
        raise NotBulk(str(exc)) from exc


def _plan(batch, lookups, shop_id, channel, own_address, order_numbers) -> Plan:
    result = Plan(shop_id=shop_id)
    record = "message of a sync"
    stored_threads = _stored_threads(shop_id, channel, batch, lookups)
    by_id: dict[int, PlannedThread] = {}
    by_pair: dict[tuple, PlannedThread] = {}
    links: dict[str, tuple[int, Any]] = dict(lookups.links)
    known = set(lookups.known)
    for incoming in batch:
        if incoming.channel_id in known:
            continue
        if incoming.sender and incoming.sender == own_address:
            continue
        at = instant(incoming.at, "at", record)
        body = text(incoming.body or incoming.subject
                    or ", ".join(f.name for f in incoming.files) or "—", "body", record)
        author = text(incoming.sender_name or incoming.sender, "author", record, max_len=100,
                      required=False)
        found = [links[r] for r in incoming.references if r in links]
        if found:
            key = max(found, key=lambda link: link[0])[1]
            thread = key if isinstance(key, PlannedThread) else \
                _stored(key, by_id, stored_threads, result)
        else:
            thread = _by_buyer(shop_id, channel, incoming, lookups, by_id, by_pair,
                               stored_threads, result, record, order_numbers)
        if thread.channel not in CHANNELS:
            raise NotBulk(f"channel {thread.channel}")
        _note(thread, at)
        result.messages.append(PlannedMessage(incoming, thread, body, at, author))
        known.add(incoming.channel_id)
        links[incoming.channel_id] = (_LATER + len(result.messages), thread)
    return result


def _stored_threads(shop_id, channel, batch, lookups) -> dict:
    """The stored conversations the batch may join (by the ids it answers, or by a buyer
    and an order), each with the newest message a person will answer, read at once."""
    ids = {lookups.links[r][1] for i in batch for r in i.references if r in lookups.links}
    buyers = {b.id for b in lookups.buyers.values()}
    orders = {o.id for o in lookups.orders.values()}
    rows: dict[int, Conversation] = {}
    if ids:
        for row in Conversation.select().where(Conversation.id.in_(sorted(ids))):
            rows[row.id] = row
    if buyers and orders:
        for row in (Conversation.select()
                    .where((Conversation.shop == shop_id)
                           & (Conversation.channel == channel)
                           & Conversation.buyer.in_(sorted(buyers))
                           & Conversation.order.in_(sorted(orders)))):
            rows[row.id] = row
    newest: dict[int, datetime] = {}
    if rows:
        for conversation_id, at in (
                Message.select(Message.conversation, fn.MAX(Message.sent_at))
                .where(Message.conversation.in_(sorted(rows))
                       & (Message.is_internal == False)  # noqa: E712
                       & (Message.is_auto == False))  # noqa: E712
                .group_by(Message.conversation).tuples()):
            if at is not None:
                newest[conversation_id] = Message.sent_at.python_value(at)
    return {"rows": rows, "newest": newest}


def _stored(conversation_id: int, by_id: dict, stored_threads: dict,
            result: Plan) -> PlannedThread:
    thread = by_id.get(conversation_id)
    if thread is None:
        row = stored_threads["rows"][conversation_id]
        thread = PlannedThread(row.id, row.channel, row.uid, row=row,
                               last_message_at=row.last_message_at,
                               last_inbound_at=row.last_inbound_at,
                               newest=stored_threads["newest"].get(row.id),
                               is_read=row.is_read, is_replied=row.is_replied)
        by_id[conversation_id] = thread
        result.threads.append(thread)
    return thread


def _by_buyer(shop_id, channel, incoming, lookups, by_id, by_pair, stored_threads, result,
              record, order_numbers) -> PlannedThread:
    """Without a thread (as app.channels.ingest._conversation_for): the buyer's
    conversation about the order the message names, else a new one."""
    address = incoming.sender or "unknown-sender"
    buyer = lookups.buyers.get(address)
    if buyer is None:
        if address not in result.new_buyers:
            result.new_buyers[address] = (
                text(address, "login", record, max_len=200),
                text(incoming.sender_name[:200], "name", record, max_len=200, required=False),
                text(address if "@" in address else "", "email", record, max_len=200,
                     required=False))
        buyer_key: object = address
    else:
        buyer_key = buyer.id
    found = [lookups.orders[n] for n in order_numbers(incoming) if n in lookups.orders]
    order = max(found, key=lambda o: o.id) if found else None
    if order is not None and order.buyer_id is not None and order.buyer_id != buyer_key:
        order = None               # another buyer's order number (or a buyer not yet added)
    if order is not None:
        thread = by_pair.get((buyer_key, order.id))
        if thread is not None:
            return thread
        stored = [row.id for row in stored_threads["rows"].values()
                  if row.buyer_id == buyer_key and row.order_id == order.id
                  and row.channel == channel and row.shop_id == shop_id]
        if stored:
            thread = _stored(max(stored), by_id, stored_threads, result)
            by_pair[(buyer_key, order.id)] = thread
            return thread
    thread = PlannedThread(None, channel, new_uid(), buyer=buyer if buyer is not None else address,
                     order_id=order.id if order is not None else None,
                     subject=text(incoming.subject[:300], "subject", record, max_len=300,
                                  required=False),
                     created_at=instant(incoming.at, "at", record))
    result.threads.append(thread)
    if order is not None:
        by_pair[(buyer_key, order.id)] = thread
    return thread


def _note(thread: PlannedThread, at: datetime) -> None:
    """A buyer's message added to the thread: the inbox fields as the service sets them
    (app.services.messaging.conversations._refresh)."""
    if thread.last_message_at is None or at >= thread.last_message_at:
        thread.last_message_at = at
    if thread.last_inbound_at is None or at >= thread.last_inbound_at:
        thread.last_inbound_at = at
    if thread.newest is None or at >= thread.newest:       # newest (a later id wins ties)
        thread.newest = at
        thread.is_replied = False
        thread.is_read = False
    thread.added += 1


# --- writing -------------------------------------------------------------------------------

def write(planned: Plan, *, actor: str, source: str) -> list[PlannedMessage]:
    """Write what `plan` planned, inside the caller's transaction (which holds the write
    lock); the messages written, each with its id. `source` names the batch's origin in
    the audit trail (an account)."""
    shop_id = planned.shop_id
    buyer_ids = _add_buyers(shop_id, planned.new_buyers)
    new = [t for t in planned.threads if t.id is None]
    for thread, conversation_id in zip(new, reserve_ids(Conversation, len(new))):
        thread.id = conversation_id
    fields = Conversation._meta.fields
    insert(Conversation, ("id", "uid", "shop", "buyer", "order", "channel", "subject",
                          "language", "star", "assigned_to", "created_at", "last_message_at",
                          "last_inbound_at", "is_read", "is_replied", "version"),
           [(t.id, t.uid, shop_id,
             t.buyer.id if isinstance(t.buyer, Buyer) else buyer_ids[t.buyer], t.order_id,
             t.channel, t.subject, "", "none", "", _instant(fields, "created_at", t.created_at),
             _instant(fields, "last_message_at", t.last_message_at),
             _instant(fields, "last_inbound_at", t.last_inbound_at), t.is_read, t.is_replied,
             t.added) for t in new])
    stored = [t for t in planned.threads if t.row is not None]
    if stored:
        database.execute_many(
            'UPDATE "conversation" SET "last_message_at" = ?, "last_inbound_at" = ?, '
            '"is_read" = ?, "is_replied" = ?, "version" = "version" + ? WHERE "id" = ?',
            [(_instant(fields, "last_message_at", t.last_message_at),
              _instant(fields, "last_inbound_at", t.last_inbound_at), t.is_read,
              t.is_replied, t.added, t.id) for t in stored])
    messages = planned.messages
    for message, message_id in zip(messages, reserve_ids(Message, len(messages))):
        message.id = message_id
    sent_at = Message.sent_at.db_value
    insert(Message, ("id", "conversation", "direction", "channel", "body", "source_lang",
                     "translation", "translation_lang", "sent_at", "author", "is_auto",
                     "is_internal"),
           [(m.id, m.thread.id, "in", m.thread.channel, m.body, "", None, "",
             sent_at(m.at), m.author, False, False) for m in messages])
    from app.services.messaging import search
    index = search.backend()
    database.execute_many(index.STORE, [(m.id, index.stored_terms(f"{m.body}\n"))
                                        for m in messages])
    if messages:
        audit.record(actor, "message_sync", source, "store messages",
                     {"messages": len(messages), "conversations": len(new),
                      "first": messages[0].incoming.channel_id,
                      "last": messages[-1].incoming.channel_id})
    if planned.new_buyers:
        from app.models import Shop
        shop_key = Shop.select(Shop.key).where(Shop.id == shop_id).scalar()
        audit.record(actor, "buyer", shop_key, "add from sync",
                     {"logins": sorted(planned.new_buyers)})
    return messages


def _instant(fields, name: str, value):
    return fields[name].db_value(value)


def _add_buyers(shop_id: int, new_buyers: dict) -> dict:
    """The buyers the batch adds (address -> id)."""
    addresses = list(new_buyers)
    ids = dict(zip(addresses, reserve_ids(Buyer, len(addresses))))
    insert(Buyer, ("id", "shop", "login", "name", "country", "language", "timezone", "email",
                   "phone", "note"),
           [(ids[a], shop_id, login, name, "", "", None, email, "", "")
            for a, (login, name, email) in new_buyers.items()])
    return ids


def insert(model, names: tuple, rows: list) -> None:
    """One INSERT of `model`'s fields `names` for each row (values as the driver takes them)."""
    if not rows:
        return
    fields = model._meta.fields
    columns = ", ".join(f'"{fields[n].column_name}"' for n in names)
    marks = ", ".join("?" for _ in names)
    database.execute_many(f'INSERT INTO "{model._meta.table_name}" ({columns}) '
                          f'VALUES ({marks})', rows)


def reserve_ids(model, count: int) -> list[int]:
    """`count` new ids of `model`'s table, taken inside the writing transaction (which holds
    the write lock): the server's sequence on PostgreSQL, the next ones in the file."""
    if count <= 0:
        return []
    table = model._meta.table_name
    if database.backend == "postgresql":
        cursor = database.execute_sql(
            f"SELECT nextval(pg_get_serial_sequence('\"{table}\"', 'id')) "
            "FROM generate_series(1, ?)", (count,))
        return [row[0] for row in cursor.fetchall()]
    top = database.execute_sql(f'SELECT MAX("id") FROM "{table}"').fetchone()[0] or 0
    return list(range(top + 1, top + count + 1))


def may_get_automatic_reply(written: list[PlannedMessage],
                            window: timedelta | None) -> list[PlannedMessage]:
    """The messages that may be due an automatic reply (AE-12), in order: not a machine's,
    and with no earlier message of the batch from the same buyer in the window before it
    (such a one makes it not the buyer's first, whatever else is stored). The service
    decides on each of these (app.services.messaging.auto_reply.reply_due)."""
    if window is None:
        return []
    earlier: dict[object, list[datetime]] = {}
    found = []
    for item in written:
        thread = item.thread
        buyer = thread.row.buyer_id if thread.row is not None else \
            (thread.buyer.id if isinstance(thread.buyer, Buyer) else thread.buyer)
        times = earlier.setdefault(buyer, [])
        if not item.incoming.automatic and \
                not any(item.at - window < at <= item.at for at in times):
            found.append(item)
        times.append(item.at)
    return found
