"""A message that came in over a channel, written through the messaging service, the same
path as a typed or imported message: the search index, the unreplied state, the deadlines'
inputs and the automatic reply (AE-12), which goes out through the outbox.

It joins a conversation by the ids it answers (a mail's In-Reply-To and References, which
name our own answers too), else by the buyer's address and an order number of the shop
found in its subject or text; else it starts one. Each stored message keeps its channel
id: a message fetched again is recognised and stored nothing twice.

A sync stores a batch at a time (`store_batch`): one transaction, what the batch's
messages need from the database (known ids, the threads they answer, their buyers and the
orders they name) read with one query each, and the batch written in bulk with the same
results (app.services.messaging.inbound_bulk); one by one only when the service would refuse one of
its messages.
"""

from __future__ import annotations

import logging
import re

from app.channels import outbox, states
from app.channels.incoming import Incoming
from app.db import database
from app.errors import ServiceError
from app.models import Attachment, Buyer, Conversation, Message, Order, StoredFile
from app.models.channels import ChannelAccount, ChannelMessage
from app.services.common import audit
from app.services.messaging import inbound_bulk

_ORDER_NUMBER = re.compile(r"(?<!\d)(\d{6,24})(?!\d)")
ACTOR = "sync"
BATCH = 500         # messages per transaction of a sync (it holds the write lock meanwhile)
_IN_LIST = 500      # values per IN (...) list, under SQLite's variable limit

log = logging.getLogger("afterdesk.channels")


class Lookups:
    """What the messages of one batch need from the database, read at once; what the
    batch stores is added as it goes, so a later message of it sees an earlier one."""

    def __init__(self, account: ChannelAccount, batch: list[Incoming]):
        self.account = account
        self.known: set[str] = set()
        self.links: dict[str, tuple[int, int]] = {}     # channel id -> (link id, conversation)
        self.buyers: dict[str, Buyer] = {}
        self.orders: dict[str, Order] = {}
        from app.services.messaging.auto_reply import has_enabled_rule
        self.auto_replies = has_enabled_rule(account.shop_id)     # AE-12: any reply to queue
        ids = {i.channel_id for i in batch}
        references = {r for i in batch for r in i.references}
        for chunk in _chunks(ids | references):
            for link in (ChannelMessage.select(ChannelMessage.id, ChannelMessage.channel_id,
                                               ChannelMessage.conversation)
                         .where((ChannelMessage.account == account)
                                & ChannelMessage.channel_id.in_(chunk)).tuples()):
                link_id, channel_id, conversation_id = link
                self.known.add(channel_id)
                if link_id > self.links.get(channel_id, (0, 0))[0]:
                    self.links[channel_id] = (link_id, conversation_id)
        addresses = {i.sender or "unknown-sender" for i in batch}
        for chunk in _chunks(addresses):
            for buyer in (Buyer.select().where((Buyer.shop == account.shop_id)
                                               & (Buyer.email.in_(chunk)
                                                  | Buyer.login.in_(chunk)))
                          .order_by(Buyer.id)):
                for key in (buyer.email, buyer.login):
                    if key in addresses:
                        self.buyers.setdefault(key, buyer)
        numbers = {n for i in batch for n in order_numbers(i)}
        for chunk in _chunks(numbers):
            for order in (Order.select().where((Order.shop == account.shop_id)
                                               & Order.order_no.in_(chunk))
                          .order_by(Order.id)):
                self.orders[order.order_no] = order          # the newest of a number last

    def thread_of(self, incoming: Incoming) -> int | None:
        """The conversation of the newest stored message it answers."""
        found = [self.links[r] for r in incoming.references if r in self.links]
        return max(found)[1] if found else None

    def order_of(self, incoming: Incoming) -> Order | None:
        found = [self.orders[n] for n in order_numbers(incoming) if n in self.orders]
        return max(found, key=lambda o: o.id) if found else None

    def stored(self, link: ChannelMessage) -> None:
        self.known.add(link.channel_id)
        self.links[link.channel_id] = (link.id, link.conversation_id)


def _chunks(values) -> list[list]:
    values = sorted(values)
    return [values[i:i + _IN_LIST] for i in range(0, len(values), _IN_LIST)]


def order_numbers(incoming: Incoming) -> list[str]:
    """The numbers in its subject and text that may be an order's (the first 50)."""
    text = f"{incoming.subject}\n{incoming.body}"
    return list(dict.fromkeys(_ORDER_NUMBER.findall(text)))[:50]


def known(account: ChannelAccount, channel_id: str) -> bool:
    """Whether the message with this channel id is stored already (one lookup)."""
    return ChannelMessage.select().where((ChannelMessage.account == account)
                                         & (ChannelMessage.channel_id == channel_id)).exists()


def store_batch(account: ChannelAccount, batch: list) -> int:
    """Store a batch of (Incoming, cursor.Advance) in one transaction and move each scope's
    cursor past its last message; the number stored. The batch is written in bulk
    (app.services.messaging.inbound_bulk: the same result as one by one, a few statements
    per table);
    a batch holding a message the service refuses goes one by one, where that message is
    logged and passed (the next ones must not wait behind it forever)."""
    if not batch:
        return 0
    with database.atomic():
        incoming = [item for item, _ in batch]
        lookups = Lookups(account, incoming)
        try:
            planned = inbound_bulk.plan(
                incoming, lookups, shop_id=account.shop_id,
                channel=states.CHANNEL_OF_KIND[account.kind],
                own_address=str(account.settings.get("address", "")).lower(),
                order_numbers=order_numbers)
        except inbound_bulk.NotBulk as exc:
            log.info("account %s: a batch stored one by one (%s)", account.key, exc)
            stored = _one_by_one(account, batch, lookups)
        else:
            stored = _in_bulk(account, planned, lookups)
        last = {advance.scope: advance for _, advance in batch}
        for advance in last.values():
            advance()
    return stored


def _one_by_one(account: ChannelAccount, batch: list, lookups: Lookups) -> int:
    stored = 0
    for number, (incoming, _) in enumerate(batch):
        try:
            if store_incoming(account, incoming, lookups) is not None:
                stored += 1
        except ServiceError as exc:
            log.error("account %s: message %s not stored: %s", account.key,
                      incoming.channel_id, exc)
            # its savepoint is rolled back (a buyer it added too): read again
            lookups = Lookups(account, [i for i, _ in batch[number + 1:]])
    return stored


def _in_bulk(account: ChannelAccount, planned, lookups: Lookups) -> int:
    """The batch written in bulk by the messaging service, its channel ids beside it, then
    what is rare, a message at a time: files, unreadable parts, automatic replies (AE-12,
    in the order the messages came)."""
    written = inbound_bulk.write(planned, actor=ACTOR, source=account.key)
    if not written:
        return 0
    database.execute_many(
        'INSERT INTO "channel_message" ("account_id", "channel_id", "conversation_id", '
        '"message_id", "references") VALUES (?, ?, ?, ?, ?)',
        [(account.id, m.incoming.channel_id, m.thread.id, m.id,
          " ".join(m.incoming.references)[:4000]) for m in written])
    for item in written:
        if item.incoming.files:
            _attach(item.id, item.incoming)
        if item.incoming.problems:
            audit.record(ACTOR, "conversation", item.thread.uid, "unreadable_parts",
                         {"message": item.id, "problems": item.incoming.problems[:20]})
    if lookups.auto_replies:
        from app.services.messaging import auto_reply, conversations
        window = auto_reply.window_for(account.shop)
        for item in inbound_bulk.may_get_automatic_reply(written, window):
            conversation = Conversation.get_by_id(item.thread.id)
            message = Message.get_by_id(item.id)
            reply = conversations.send_auto_reply(conversation, message)
            if reply is not None:
                outbox.queue_message(reply, actor="auto_reply")
    return len(written)


def store_incoming(account: ChannelAccount, incoming: Incoming,
                   lookups: Lookups | None = None) -> Message | None:
    """Store the message (None when it is stored already, or is the shop's own mail).
    Call inside a transaction that also moves the cursor past it; `lookups`: what its
    batch read at once (store_batch), else each is a query of its own."""
    lookups = lookups or Lookups(account, [incoming])
    if incoming.channel_id in lookups.known:
        return None
    own_address = str(account.settings.get("address", "")).lower()
    if incoming.sender and incoming.sender == own_address:
        return None              # the shop's own mail (a copy, a loop): never a buyer's
    with database.atomic():
        conversation = _conversation_for(account, incoming, lookups)
        body = incoming.body or incoming.subject or ", ".join(f.name for f in incoming.files) \
            or "—"
        message = _add(conversation, body, incoming)
        lookups.stored(ChannelMessage.create(
            account=account, channel_id=incoming.channel_id, conversation=conversation,
            message=message, references=" ".join(incoming.references)[:4000]))
        _attach(message.id, incoming)
        if incoming.problems:
            audit.record(ACTOR, "conversation", conversation.uid, "unreadable_parts",
                         {"message": message.id, "problems": incoming.problems[:20]})
        if lookups.auto_replies:
            _queue_automatic_reply(conversation, message)
    return message


def _add(conversation: Conversation, body: str, incoming: Incoming) -> Message:
    from app.services.messaging import conversations
    return conversations.add_message(
        conversation, "in", body, incoming.at, author=incoming.sender_name or incoming.sender,
        actor=ACTOR, auto_reply_allowed=not incoming.automatic)


def _queue_automatic_reply(conversation: Conversation, message: Message) -> None:
    """The AE-12 reply the service wrote for this message, if any, goes out too."""
    reply = (Message.select().where((Message.conversation == conversation)
                                    & (Message.is_auto == True)  # noqa: E712
                                    & (Message.id > message.id))
             .order_by(Message.id).first())
    if reply is not None:
        outbox.queue_message(reply, actor="auto_reply")


def _conversation_for(account: ChannelAccount, incoming: Incoming,
                      lookups: Lookups) -> Conversation:
    thread = lookups.thread_of(incoming)
    if thread is not None:
        return Conversation.get_by_id(thread)
    shop = account.shop
    channel = states.CHANNEL_OF_KIND[account.kind]
    buyer = _buyer(shop, incoming, lookups)
    order = lookups.order_of(incoming)
    if order is not None and order.buyer_id not in (None, buyer.id):
        order = None               # another buyer's order number: not a thread key
    if order is not None:
        found = (Conversation.select()
                 .where((Conversation.shop == shop) & (Conversation.buyer == buyer)
                        & (Conversation.order == order) & (Conversation.channel == channel))
                 .order_by(Conversation.id.desc()).first())
        if found is not None:
            return found
    from app.services.messaging import conversations
    return conversations.start_conversation(shop, buyer, channel, order,
                                            subject=incoming.subject[:300], at=incoming.at,
                                            actor=ACTOR)


def _buyer(shop, incoming: Incoming, lookups: Lookups) -> Buyer:
    address = incoming.sender or "unknown-sender"
    found = lookups.buyers.get(address)
    if found is not None:
        return found
    from app.services.commerce.shops import add_buyer
    buyer = add_buyer(shop, address, name=incoming.sender_name[:200],
                      email=address if "@" in address else "", actor=ACTOR)
    lookups.buyers[address] = buyer
    return buyer


def _attach(message_id: int, incoming: Incoming) -> None:
    """The mail's files in the content-addressed file store, on the message (pictures
    show as thumbnails in the thread like any message's)."""
    if not incoming.files:
        return
    from app.clock import utcnow
    from app.evidence import store
    now = utcnow()
    for item in incoming.files:
        digest, _ = store.put(item.data)
        stored = StoredFile.get_or_none(StoredFile.sha256 == digest) or StoredFile.create(
            sha256=digest, size=len(item.data), mime=(store.sniff(item.data) or item.mime)[:100],
            original_name=item.name[:300], created_at=now)
        Attachment.create(file=stored, message=message_id, caption=item.name[:300],
                          created_at=now)
