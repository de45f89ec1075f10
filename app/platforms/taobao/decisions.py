"""A rep's decision on a Taobao refund, sent back to the platform through the outbox.

`agree(request)` records the agreement (refund-only requests: the service's own checks) and
queues taobao.rp.refunds.agree the same way as a refusal below. Above some amount the
platform answers it with an SMS code sent to the seller's phone: the item fails saying so,
and `retry_with_code(item, code)` sends it again with the code (kept in the keyring until
that send, never in the database).

`agree_return(request)` records the seller's agreement to a return (return-and-refund
requests) and queues taobao.rp.returngoods.agree with the shop's return address from the
account's settings (`app.platforms.accounts.RETURN_FIELDS`); the buyer's message says where
to send the goods.

`refuse(request, reason, proof=None)` records the refusal on the request (the after-sales service's
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
AGREE_RETURN = "taobao.rp.returngoods.agree"
REFUSE_MESSAGE = (2, 200)       # characters of refuse_message (taobao.refund.refuse)
PROOF_BYTES = 130_000           # refuse_proof: at most 130000 bytes, GIF, JPG or PNG
PROOF_TYPES = ("image/gif", "image/jpeg", "image/png")
CODE_DIGITS = (4, 8)            # the SMS code's length AfterDesk takes (the example: 6)


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


def agree_return(request: AftersalesRequest, at=None, *, actor: str = "rep") -> OutboxItem:
    """The seller agrees to the return (a return-and-refund request), on Taobao too: the
    buyer is given the shop's return address (TB-3: the seller's time is checked by the
    after-sales service)."""
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
        address = return_address(account, record)
        aftersales.agree_return(request, at or utcnow(), actor=actor)
        words = ("同意退货，请寄回：" + " ".join(
            address[k] for k in ("return_address", "return_post", "return_name",
                                 "return_mobile")))
        conversation = _conversation(account, order, refund_id, actor)
        item = outbox.queue_reply(conversation.id, words, actor=actor,
                                  action={"method": AGREE_RETURN, "refund_id": refund_id,
                                          "case": record, **address})
    return item


def return_address(account: ChannelAccount, record: str) -> dict:
    """The shop's return address from the account's settings: taobao.rp.returngoods.agree
    requires the address id and, for a Taobao refund, the name, address, postcode, landline
    and mobile; one missing refuses the decision before anything is written."""
    from app.platforms.accounts import RETURN_FIELDS
    settings = account.settings or {}
    found = {name: str(settings.get(name) or "").strip()
             for name in ("return_address_id", *RETURN_FIELDS)}
    missing = [name for name, value in found.items() if not value]
    if missing:
        raise InvalidInput("agreeing to a return on Taobao needs the shop's return address "
                           "({missing}): fill it in Settings › Accounts (or afterdesk "
                           "account set), or agree in the seller centre",
                           missing=", ".join(missing), record=record, field="request")
    return found


def retry_with_code(item, code: str, *, actor: str = "rep") -> OutboxItem:
    """Send a failed agreement again with the SMS code Taobao sent to the seller's phone.
    The code goes to this computer's keyring (the one that keeps the account's secrets and
    syncs it) and is forgotten when the platform has answered the send."""
    from app.platforms import credentials
    item = outbox.get_item(item)
    if (item.action or {}).get("method") != AGREE or item.state != states.FAILED:
        raise InvalidInput("only a refund agreement Taobao did not take can be sent again "
                           "with an SMS code")
    code = "".join(str(code or "").split())
    low, high = CODE_DIGITS
    if not (code.isdigit() and low <= len(code) <= high):
        raise InvalidInput("the SMS code is the {low} to {high} digits Taobao sent to the "
                           "seller's phone", low=low, high=high)
    account = ChannelAccount.get_by_id(item.account_id)
    if credentials.get(account.key, credentials.APP_SECRET) is None:
        raise InvalidInput("enter the code on the computer that syncs the account {key} "
                           "(it keeps the account's secrets)", key=account.key)
    credentials.put(account.key, code_part(item.id), code)
    try:
        return outbox.retry(item, actor=actor)
    except BaseException:
        forget_code(account.key, item.id)
        raise


def code_part(item_id: int) -> str:
    return f"sms_code:{item_id}"


def code_of(account_key: str, item_id: int) -> str | None:
    from app.platforms import credentials
    return credentials.get(account_key, code_part(item_id))


def forget_code(account_key: str, item_id: int) -> None:
    from app import secrets
    from app.platforms import credentials
    secrets.delete_secret(credentials.SECRET_SERVICE,
                          credentials.name(account_key, code_part(item_id)))


def refuse(request: AftersalesRequest, reason: str, at=None, *, proof=None,
           actor: str = "rep") -> OutboxItem:
    """`proof`: (name, bytes) of one picture sent as refuse_proof (required for Tmall
    refunds), kept on the request too."""
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
    checked = _proof(proof, record)
    from app.evidence import store
    from app.services.casework import aftersales, case_actions
    with database.atomic():
        order = request.order
        account = _account(order, record)
        aftersales.refuse(request, reason, at or utcnow(), actor=actor)
        action: dict = {"method": REFUSE, "refund_id": refund_id, "case": record}
        if checked is not None:
            case_actions.attach_checked(AftersalesRequest.get_by_id(request.id), [checked],
                                        actor)
            action["proof"] = {"sha256": store.sha256_of(checked[1]), "name": checked[0]}
        conversation = _conversation(account, order, refund_id, actor)
        item = outbox.queue_reply(conversation.id, reason, actor=actor, action=action)
    return item


def _proof(proof, record: str):
    """(name, bytes, mime) of the refusal's picture, checked; None without one."""
    if not proof:
        return None
    from app.evidence import store
    name, data = proof
    mime = store.check_file(data, name)
    if mime not in PROOF_TYPES:
        raise InvalidInput("Taobao takes a refusal's proof as a picture (GIF, JPEG or "
                           "PNG): {name}", name=name, record=record, field="files")
    if len(data) > PROOF_BYTES:
        raise InvalidInput("Taobao takes a refusal's proof of at most {limit} bytes; {name} "
                           "has {size}: make it smaller", limit=PROOF_BYTES, name=name,
                           size=len(data), record=record, field="files")
    return name, data, mime


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
