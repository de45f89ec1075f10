"""A rep's decision on a Taobao refund, sent back to the platform through the outbox.

`agree(request)` records the agreement (refund-only requests: the service's own checks) and
queues taobao.rp.refunds.agree the same way as a refusal below.

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
AGREE = "taobao.rp.refunds.agree"
REFUSE_MESSAGE = (2, 200)       # characters of refuse_message (taobao.refund.refuse)


def refund_id_of(request: AftersalesRequest) -> str | None:
    """The platform's refund id of a request the sync brought in, else None."""
    for event in (RequestEvent.select().where(RequestEvent.request == request)
                  .order_by(RequestEvent.id.desc())):
        refund_id = (event.detail or {}).get("refund_id")
        if refund_id:
            return str(refund_id)
    return None


def account_of(request: AftersalesRequest) -> ChannelAccount | None:
    """The shop's Taobao account, when the request came from the platform."""
    if refund_id_of(request) is None:
        return None
    return (ChannelAccount.select().where((ChannelAccount.shop == request.order.shop_id)
                                          & (ChannelAccount.kind == "taobao"))
            .order_by(ChannelAccount.id).first())


def agree(request: AftersalesRequest, at=None, *, actor: str = "rep") -> OutboxItem:
    """The seller agrees to refund (a refund-only request), on Taobao too."""
    refund_id = refund_id_of(request)
    record = f"A-{request.id}"
    if refund_id is None:
        raise InvalidInput("this request was not brought in from Taobao: agree in the "
                           "seller centre, then record it here", record=record,
                           field="request")
    from app.services.casework import aftersales
    with database.atomic():
        order = request.order
        account = _account(order, record)
        aftersales.agree(request, at or utcnow(), actor=actor)
        request = AftersalesRequest.get_by_id(request.id)
        amount = request.refund_paid if request.refund_paid is not None else request.amount
        fen = int((amount * 100).to_integral_value())
        conversation = _conversation(account, order, refund_id, actor)
        item = outbox.queue_reply(conversation.id, f"同意退款 {amount} 元", actor=actor,
                                  action={"method": AGREE, "refund_id": refund_id,
                                          "amount_fen": fen, "case": record})
    return item


def _account(order, record: str) -> ChannelAccount:
    account = (ChannelAccount.select().where((ChannelAccount.shop == order.shop_id)
                                             & (ChannelAccount.kind == "taobao"))
               .order_by(ChannelAccount.id).first())
    if account is None:
        raise InvalidInput("the shop has no Taobao account: decide it in the seller centre",
                           record=record, field="request")
    return account


def refuse(request: AftersalesRequest, reason: str, at=None, *,
           actor: str = "rep") -> OutboxItem:
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
        account = _account(order, record)
        aftersales.refuse(request, reason, at or utcnow(), actor=actor)
        conversation = _conversation(account, order, refund_id, actor)
        item = outbox.queue_reply(conversation.id, reason, actor=actor,
                                  action={"method": REFUSE, "refund_id": refund_id,
                                          "case": record})
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
