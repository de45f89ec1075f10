"""The outbox's bookkeeping on the services' side: an outbound message gets its outbox item
(queued, with the account that will send it) in the same transaction as the message.

The channel layer (app.channels) delivers the items; it asks to be woken when one is
queued (`when_queued`), so the services never import the channels.
"""

from __future__ import annotations

from typing import Callable

from app.clock import utcnow
from app.db import database
from app.models import Conversation, Message
from app.models.channels import ChannelAccount, ChannelMessage, OutboxItem
from app.services.common import audit
from app.vocab import CHANNEL_OF_KIND, OUTBOX_QUEUED, THREAD_BOUND_KINDS

ENTITY = "outbox_item"
_wake: list[Callable[[], None]] = []


def when_queued(callback: Callable[[], None]) -> None:
    """Call `callback` after an item was queued (the channels' runners wake up)."""
    if callback not in _wake:
        _wake.append(callback)


def notify() -> None:
    """Something waits to be sent: wake whoever delivers it."""
    for callback in list(_wake):
        callback()


def sends_answers(account: ChannelAccount, *, own_thread: bool) -> bool:
    """Whether answers go out through this account: a mailbox always; a thread-bound
    platform account (Taobao's refund messages) only into a conversation its own messages
    started; another open platform only when the shop's app may use the platform's message
    methods (its `messages` setting). Else the answers stay copy & open."""
    if account.kind == "mail":
        return True
    if account.kind in THREAD_BOUND_KINDS:
        return own_thread
    return bool(account.settings.get("messages"))


def account_for(conversation: Conversation, channel: str | None = None
                ) -> ChannelAccount | None:
    """The account that can send into this conversation through `channel` (default: its
    own), or None (copy & open): the one its messages came through, else the shop's
    account of that channel."""
    channel = channel or conversation.channel
    if channel == conversation.channel:
        link = (ChannelMessage.select(ChannelMessage.account)
                .where(ChannelMessage.conversation == conversation)
                .order_by(ChannelMessage.id.desc()).first())
        if link is not None and sends_answers(link.account, own_thread=True):
            return link.account
    kinds = [k for k, carried in CHANNEL_OF_KIND.items() if carried == channel]
    if not kinds:
        return None
    found = (ChannelAccount.select()
             .where((ChannelAccount.shop == conversation.shop_id)
                    & ChannelAccount.kind.in_(kinds))
             .order_by(ChannelAccount.id))
    return next((a for a in found if sends_answers(a, own_thread=False)), None)


def queue_message(message: Message, *, actor: str = "system") -> OutboxItem:
    """An outbound message written elsewhere (a follow-up, an automatic reply) into the
    outbox."""
    with database.atomic():
        item = create_item(message.conversation, message, actor)
    notify()
    return item


def create_item(conversation: Conversation, message: Message, actor: str,
                action: dict | None = None,
                account: ChannelAccount | None = None) -> OutboxItem:
    """`action`: a decision for the platform the item carries (a refund refused…);
    `account`: the account that makes it (a decision goes through the shop's platform
    account even where its answers stay copy & open), else the one that sends answers."""
    account = account or account_for(conversation, message.channel)
    now = utcnow()
    item = OutboxItem.create(conversation=conversation, message=message, account=account,
                             channel=message.channel, state=OUTBOX_QUEUED,
                             created_at=now, updated_at=now, action=action)
    audit.record(actor, ENTITY, str(item.id), "queue",
                 {"conversation": conversation.uid, "message": message.id,
                  "account": account.key if account else None,
                  **({"action": action} if action else {})})
    return item
