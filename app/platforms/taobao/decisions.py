"""A rep's decision on a Taobao refund, sent back to the platform through the outbox.

`refuse(request, reason)` records the refusal on the request (the after-sales service's
own checks: its state, the seller's TB-3 time) and, in the same transaction, queues it for
the platform: an outbound message of the refund's conversation holding the reason (what
the buyer sees) and an outbox item whose `action` asks for taobao.refund.refuse. The sync
runner delivers it like an answer; a refusal by the platform shows on the item with the
platform's words and code.
"""

from __future__ import annotations

from app.channels import outbox, states
from app.clock import utcnow
from app.db import database
from app.errors import InvalidInput
from app.models import AftersalesRequest, Conversation, RequestEvent
from app.models.channels import ChannelAccount, ChannelMessage, OutboxItem
from app.platforms.taobao import messages

REFUSE = "taobao.refund.refuse"
REFUSE_MESSAGE = (2, 200)       # characters of refuse_message (taobao.refund.refuse)


def refund_id_of(request: AftersalesRequest) -> str | None:
    """The platform's refund id of a request the sync brought in, else None."""
    for event in (RequestEvent.select().where(RequestEvent.request == request)
                  .order_by(RequestEvent.id.desc())):
        refund_id = (event.detail or {}).get("refund_id")
        if refund_id:
            return str(refund_id)
    return None


def refuse(request: AftersalesRequest, reason: str, *, actor: str = "rep") -> OutboxItem:
    refund_id = refund_id_of(request)
    record = f"A-{request.id}"
    if refund_id is None:
        raise InvalidInput("this request was not brought in from Taobao: refuse it in the "
                           "seller centre, then record it here", record=record,
                           field="request")
    reason = (reason or "").strip()
    low, high = REFUSE_MESSAGE
    if not low <= len(reason) <= high:
        raise InvalidInput("Taobao takes a refusal reason of {low} to {high} characters",
                           low=low, high=high, record=record, field="reason")
    from app.services.casework import aftersales
    with database.atomic():
        order = request.order
        account = (ChannelAccount.select().where((ChannelAccount.shop == order.shop_id)
                                                 & (ChannelAccount.kind == "taobao"))
                   .order_by(ChannelAccount.id).first())
        if account is None:
            raise InvalidInput("the shop has no Taobao account: refuse it in the seller "
                               "centre", record=record, field="request")
        aftersales.refuse(request, reason, utcnow(), actor=actor)
        conversation = _conversation(account, order, refund_id, actor)
        item = outbox.queue_reply(conversation.id, reason, actor=actor,
                                  action={"method": REFUSE, "refund_id": refund_id})
    return item


def _conversation(account, order, refund_id: str, actor: str) -> Conversation:
    thread = messages.thread_id(refund_id)
    link = ChannelMessage.get_or_none((ChannelMessage.account == account)
                                      & (ChannelMessage.channel_id == thread))
    if link is not None:
        return Conversation.get_by_id(link.conversation_id)
    from app.services.messaging import conversations
    channel = states.CHANNEL_OF_KIND["taobao"]
    conversation = conversations.start_conversation(
        order.shop, order.buyer, channel, order, subject=messages.subject(refund_id, order.order_no),
        actor=actor)
    ChannelMessage.create(account=account, channel_id=thread, conversation=conversation,
                          message=None)
    return conversation
