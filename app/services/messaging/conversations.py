"""Conversations with buyers over every channel, and their messages.

The conversation row keeps what the inbox shows without scanning messages:
- last_message_at: the newest message the buyer can see (internal notes excluded);
- last_inbound_at: the newest message from the buyer;
- is_replied: False while the newest buyer-visible message is the buyer's; a reply by the
  rep makes it True. Automatic replies (AE-12) answer the buyer but leave the conversation
  waiting for a person, so they change neither flag; internal notes change nothing either.
- is_read: a new message from the buyer makes it unread; a reply makes it read.
"""

from __future__ import annotations

from datetime import datetime

from app.clock import utcnow
from app.db import database
from app.models import Buyer, Conversation, Message, Order
from app.vocab import CHANNELS, DIRECTIONS, STAR_COLOURS
from app.services.common import audit
from app.services.messaging import auto_reply, search
from app.errors import InvalidInput
from app.services.common.input_checks import choice, instant, text
from app.services.commerce.shops import get_shop

ENTITY = "conversation"


def start_conversation(shop, buyer: Buyer, channel: str, order: Order | None = None,
                       subject: str = "", language: str = "", at: datetime | None = None, *,
                       actor: str = "rep") -> Conversation:
    """A new conversation with `buyer`, optionally about one of the buyer's orders (AE-13)."""
    shop = get_shop(shop)
    record = f"conversation with {getattr(buyer, 'login', buyer)}"
    if not isinstance(buyer, Buyer) or buyer.shop_id != shop.id:
        raise InvalidInput("the buyer is not a buyer of shop {key}", key=shop.key, record=record,
                           field="buyer")
    choice(channel, CHANNELS, "channel", record)
    if order is not None:
        if order.shop_id != shop.id:
            raise InvalidInput("order {order_no} belongs to another shop",
                               order_no=order.order_no, record=record,
                               field="order")
        if order.buyer_id is not None and order.buyer_id != buyer.id:
            raise InvalidInput("order {order_no} was placed by another buyer",
                               order_no=order.order_no,
                               record=record, field="order")
    at = utcnow() if at is None else instant(at, "at", record)
    with database.atomic():
        conversation = Conversation.create(
            shop=shop, buyer=buyer, order=order, channel=channel,
            subject=text(subject, "subject", record, max_len=300, required=False),
            language=text(language, "language", record, max_len=16, required=False),
            created_at=at, is_read=True, is_replied=True)
        audit.record(actor, ENTITY, conversation.uid, "start",
                     {"buyer": buyer.login, "channel": channel,
                      "order": order.order_no if order else None})
    return conversation


def add_message(conversation: Conversation, direction: str, body: str, at: datetime,
                channel: str | None = None, author: str = "", is_auto: bool = False,
                is_internal: bool = False, translation: str | None = None,
                translation_lang: str = "", source_lang: str = "", *,
                actor: str = "rep", auto_reply_allowed: bool = True) -> Message:
    """Add one message and bring the conversation's inbox fields up to date.
    `auto_reply_allowed=False`: a buyer's message that must get no automatic reply (a mail a
    machine sent: Auto-Submitted, a list; see app.channels.mail.parse)."""
    record = f"message of conversation {conversation.id}"
    choice(direction, DIRECTIONS, "direction", record)
    body = text(body, "body", record)
    at = instant(at, "at", record)
    channel = choice(channel or conversation.channel, CHANNELS, "channel", record)
    if direction == "in" and (is_internal or is_auto):
        raise InvalidInput("a message from the buyer cannot be an internal note or an "
                           "automatic reply", record=record, field="direction")
    if is_internal and is_auto:
        raise InvalidInput("an internal note cannot be an automatic reply", record=record,
                           field="is_auto")
    if translation is not None:
        translation = text(translation, "translation", record, required=False) or None
    with database.atomic():
        message = Message.create(
            conversation=conversation, direction=direction, channel=channel, body=body,
            source_lang=text(source_lang, "source_lang", record, max_len=16, required=False),
            translation=translation,
            translation_lang=text(translation_lang, "translation_lang", record, max_len=16,
                                  required=False),
            sent_at=at, author=text(author, "author", record, max_len=100, required=False),
            is_auto=bool(is_auto), is_internal=bool(is_internal))
        _refresh(conversation, message)
        conversation.save()
        search.index_message(message)        # findable at once, 退款 included
        kind = "note" if is_internal else ("auto_reply" if is_auto else f"message_{direction}")
        audit.record(actor, ENTITY, conversation.uid, kind,
                     {"message": message.id, "channel": channel, "at": at.isoformat()})
        if direction == "in" and auto_reply_allowed:
            send_auto_reply(conversation, message)   # AE-12
    return message


def send_auto_reply(conversation: Conversation, message: Message) -> Message | None:
    """rule AE-12: the automatic reply to the buyer's first message in the window, when a
    rule of the shop calls for one (the reply, else None); inside the transaction that
    added the message (add_message's, or a mail sync's that wrote a batch in bulk:
    app.channels.ingest)."""
    due = auto_reply.reply_due(conversation, message)
    if due is None:
        return None
    reply = add_message(conversation, "out", due.body, message.sent_at,
                        author=auto_reply.AUTHOR, is_auto=True, source_lang=due.rule.language,
                        actor="auto_reply")
    auto_reply.record_sent(due, conversation, reply)
    return reply


def _refresh(conversation: Conversation, message: Message) -> None:
    """Update the inbox fields for a newly added message (which may be older than others)."""
    if message.is_internal:
        return
    if conversation.last_message_at is None or message.sent_at >= conversation.last_message_at:
        conversation.last_message_at = message.sent_at
    if message.direction == "in":
        if conversation.last_inbound_at is None or message.sent_at >= conversation.last_inbound_at:
            conversation.last_inbound_at = message.sent_at
    if message.is_auto:
        return
    newest = (Message.select().where((Message.conversation == conversation)
                                     & (Message.is_internal == False)  # noqa: E712
                                     & (Message.is_auto == False))  # noqa: E712
              .order_by(Message.sent_at.desc(), Message.id.desc()).first())
    if newest is None or newest.id != message.id:
        return  # an older message pasted into the history changes nothing
    conversation.is_replied = message.direction == "out"
    conversation.is_read = message.direction == "out"


def messages(conversation: Conversation) -> list[Message]:
    return list(conversation.messages.order_by(Message.sent_at, Message.id))


def set_star(conversation: Conversation, colour: str, *, actor: str = "rep") -> Conversation:
    choice(colour, STAR_COLOURS, "star", f"conversation {conversation.id}")
    return _set(conversation, "set_star", actor, star=colour)


def mark_replied(conversation: Conversation, *, actor: str = "rep") -> Conversation:
    """The buyer was answered elsewhere (phone, another channel): nothing left to reply."""
    return _set(conversation, "mark_replied", actor, is_replied=True)


def mark_unreplied(conversation: Conversation, *, actor: str = "rep") -> Conversation:
    return _set(conversation, "mark_unreplied", actor, is_replied=False)


def mark_read(conversation: Conversation, *, actor: str = "rep") -> Conversation:
    return _set(conversation, "mark_read", actor, is_read=True)


def mark_unread(conversation: Conversation, *, actor: str = "rep") -> Conversation:
    return _set(conversation, "mark_unread", actor, is_read=False)


def assign(conversation: Conversation, who: str, *, actor: str = "rep") -> Conversation:
    """Hand the conversation to a rep ('' to nobody)."""
    who = text(who, "assigned_to", f"conversation {conversation.id}", max_len=100,
               required=False)
    return _set(conversation, "assign", actor, assigned_to=who)


def _set(conversation: Conversation, action: str, actor: str, **values) -> Conversation:
    with database.atomic():
        before = {k: getattr(conversation, k) for k in values}
        for key, value in values.items():
            setattr(conversation, key, value)
        conversation.save()
        audit.record(actor, ENTITY, conversation.uid, action,
                     {k: {"from": before[k], "to": v} for k, v in values.items()})
    return conversation
