"""A message that came in over a channel, written through the messaging service, the same
path as a typed or imported message: the search index, the unreplied state, the deadlines'
inputs and the automatic reply (AE-12), which goes out through the outbox.

It joins a conversation by the ids it answers (a mail's In-Reply-To and References, which
name our own answers too), else by the buyer's address and an order number of the shop
found in its subject or text; else it starts one. Each stored message keeps its channel
id: a message fetched again is recognised and stored nothing twice.
"""

from __future__ import annotations

import re

from app.channels import outbox, states
from app.channels.incoming import Incoming
from app.db import database
from app.models import Attachment, Buyer, Conversation, Message, Order, StoredFile
from app.models.channels import ChannelAccount, ChannelMessage
from app.services.common import audit

_ORDER_NUMBER = re.compile(r"(?<!\d)(\d{6,24})(?!\d)")
ACTOR = "sync"


def known(account: ChannelAccount, channel_id: str) -> bool:
    return ChannelMessage.select().where((ChannelMessage.account == account)
                                         & (ChannelMessage.channel_id == channel_id)).exists()


def store_incoming(account: ChannelAccount, incoming: Incoming) -> Message | None:
    """Store the message (None when it is stored already, or is the shop's own mail).
    Call inside a transaction that also moves the cursor past it."""
    if known(account, incoming.channel_id):
        return None
    own_address = str(account.settings.get("address", "")).lower()
    if incoming.sender and incoming.sender == own_address:
        return None              # the shop's own mail (a copy, a loop): never a buyer's
    with database.atomic():
        conversation = _conversation_for(account, incoming)
        body = incoming.body or incoming.subject or ", ".join(f.name for f in incoming.files) \
            or "—"
        message = _add(conversation, body, incoming)
        ChannelMessage.create(account=account, channel_id=incoming.channel_id,
                              conversation=conversation, message=message,
                              references=" ".join(incoming.references)[:4000])
        _attach(message, incoming)
        if incoming.problems:
            audit.record(ACTOR, "conversation", conversation.uid, "unreadable_parts",
                         {"message": message.id, "problems": incoming.problems[:20]})
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


def _conversation_for(account: ChannelAccount, incoming: Incoming) -> Conversation:
    if incoming.references:
        link = (ChannelMessage.select()
                .where((ChannelMessage.account == account)
                       & ChannelMessage.channel_id.in_(list(incoming.references)))
                .order_by(ChannelMessage.id.desc()).first())
        if link is not None:
            return Conversation.get_by_id(link.conversation_id)
    shop = account.shop
    channel = states.CHANNEL_OF_KIND[account.kind]
    buyer = _buyer(shop, incoming)
    order = _order(shop, incoming)
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


def _buyer(shop, incoming: Incoming) -> Buyer:
    address = incoming.sender or "unknown-sender"
    found = (Buyer.select().where((Buyer.shop == shop)
                                  & ((Buyer.email == address) | (Buyer.login == address)))
             .order_by(Buyer.id).first())
    if found is not None:
        return found
    from app.services.commerce.shops import add_buyer
    return add_buyer(shop, address, name=incoming.sender_name[:200],
                     email=address if "@" in address else "", actor=ACTOR)


def _order(shop, incoming: Incoming) -> Order | None:
    numbers = list(dict.fromkeys(_ORDER_NUMBER.findall(f"{incoming.subject}\n{incoming.body}")))
    if not numbers:
        return None
    return (Order.select().where((Order.shop == shop) & Order.order_no.in_(numbers[:50]))
            .order_by(Order.id.desc()).first())


def _attach(message: Message, incoming: Incoming) -> None:
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
        Attachment.create(file=stored, message=message, caption=item.name[:300],
                          created_at=now)
