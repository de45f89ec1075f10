"""A rep's decision on an AliExpress dispute, sent back to the platform through the outbox
(docs/connectors.md, "Dispute decisions").

Each function records the step on the dispute through the dispute service (its state
machine, AE rules and audit) and, in the same transaction, queues it for the platform: an
outbound message of the order's conversation saying what was decided, and an outbox item
whose `action` names the method. The sync runner delivers it; a refusal by the platform
shows on the item with the platform's words and code.

- `accept(dispute)`: the seller agrees to the buyer's proposal
  (`aliexpress.issue.solution.agree`).
- `counter_propose(dispute, solution_type, refund_amount, note)`: the seller refuses the
  buyer's proposal with a proposal of its own (`aliexpress.issue.solution.save`).
- `upload_evidence(dispute, files, note)`: pictures for the dispute
  (`aliexpress.issue.image.upload`, one call per picture); they are kept on the dispute too.

Solution ids are read from the dispute's detail just before the call, so a proposal the
buyer changed meanwhile is the one agreed to or answered.
"""

from __future__ import annotations

from decimal import Decimal

from app.channels import outbox
from app.clock import utcnow
from app.db import database
from app.errors import InvalidInput
from app.models import Conversation, Dispute
from app.models.channels import ChannelAccount, OutboxItem
from app.vocab import CHANNEL_OF_KIND

AGREE = "aliexpress.issue.solution.agree"
SAVE = "aliexpress.issue.solution.save"
IMAGE_UPLOAD = "aliexpress.issue.image.upload"
IMAGE_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif"}
MAX_PICTURES = 10           # AfterDesk's own limit per step (the platform names none)
RETURN = "return_and_refund"


def account_of(dispute: Dispute) -> ChannelAccount | None:
    """The shop's AliExpress open-platform account, when the dispute is the platform's."""
    if not dispute.issue_id:
        return None
    return (ChannelAccount.select().where((ChannelAccount.shop == dispute.order.shop_id)
                                          & (ChannelAccount.kind == "aliexpress"))
            .order_by(ChannelAccount.id).first())


def _account(dispute: Dispute, ref: str) -> ChannelAccount:
    if not dispute.issue_id:
        raise InvalidInput("this dispute was recorded by hand (no AliExpress issue id): "
                           "decide it in the seller centre, then record it here",
                           record=ref, field="dispute")
    account = account_of(dispute)
    if account is None:
        raise InvalidInput("the shop has no AliExpress account: decide it in the seller "
                           "centre, then record it here", record=ref, field="dispute")
    return account


def _base(dispute: Dispute, method: str) -> dict:
    order = dispute.order
    login = order.buyer.login if order.buyer_id else ""
    return {"method": method, "issue_id": str(dispute.issue_id), "buyer_login_id": login,
            "case": f"D-{dispute.id}"}


def _return_address(account: ChannelAccount, ref: str) -> str:
    found = str((account.settings or {}).get("return_address_id") or "").strip()
    if not found.isdigit():
        raise InvalidInput("a return needs the shop's return address id on AliExpress: enter "
                           "it in Settings › Accounts › Platform settings (or afterdesk "
                           "account set {key} --return-address-id N), or decide in the "
                           "seller centre", key=account.key, record=ref,
                           field="solution_type")
    return found


def accept(dispute: Dispute, at=None, *, actor: str = "rep") -> OutboxItem:
    """The seller accepts the buyer's proposal, on AliExpress too."""
    from app.services.casework import disputes
    ref = f"D-{dispute.id}"
    account = _account(dispute, ref)
    with database.atomic():
        dispute = Dispute.get_by_id(dispute.id)
        buyer = disputes.proposals(dispute).get("buyer")
        action = _base(dispute, AGREE)
        if buyer is not None and buyer.solution_type == RETURN:
            action["return_address_id"] = _return_address(account, ref)
        disputes.seller_accept(dispute, at or utcnow(), actor=actor)
        words = (f"Proposal accepted: {_solution_words(buyer.solution_type)} "
                 f"{buyer.refund_amount} {dispute.currency}" if buyer is not None
                 else "Proposal accepted")
        return _queue(account, dispute, words, action, actor)


def counter_propose(dispute: Dispute, solution_type: str, refund_amount, note: str = "",
                    at=None, *, actor: str = "rep") -> OutboxItem:
    """The seller refuses the buyer's proposal with its own, on AliExpress too."""
    from app.services.casework import disputes
    ref = f"D-{dispute.id}"
    account = _account(dispute, ref)
    note = (note or "").strip()
    with database.atomic():
        dispute = Dispute.get_by_id(dispute.id)
        action = _base(dispute, SAVE)
        if solution_type == RETURN:
            action["return_address_id"] = _return_address(account, ref)
        disputes.seller_counter_propose(dispute, solution_type, refund_amount,
                                        at or utcnow(), note=note, actor=actor)
        seller = disputes.proposals(Dispute.get_by_id(dispute.id))["seller"]
        amount = Decimal(seller.refund_amount).quantize(Decimal("0.01"))
        action.update(solution_type=solution_type, refund_amount=str(amount),
                      currency=dispute.currency, note=note)
        words = note or (f"Counter-proposal: {_solution_words(solution_type)} "
                         f"{amount} {dispute.currency}")
        return _queue(account, dispute, words, action, actor)


def upload_evidence(dispute: Dispute, files, note: str = "", at=None, *,
                    actor: str = "rep") -> OutboxItem:
    """Pictures for the dispute: kept on it (the dispute's files) and sent to AliExpress.
    `files`: (name, bytes) pairs, each a JPEG, PNG or GIF."""
    from app.evidence import store
    from app.services.casework import case_actions, disputes
    ref = f"D-{dispute.id}"
    account = _account(dispute, ref)
    checked = []
    for name, data in files or ():
        mime = store.check_file(data, name)
        if mime not in IMAGE_TYPES:
            raise InvalidInput("AliExpress takes pictures only (JPEG, PNG or GIF): {name}",
                               name=name, record=ref, field="files")
        checked.append((name, data, mime))
    if not checked:
        raise InvalidInput("choose at least one picture", record=ref, field="files")
    if len(checked) > MAX_PICTURES:
        raise InvalidInput("at most {count} pictures at a time", count=MAX_PICTURES,
                           record=ref, field="files")
    note = (note or "").strip()
    with database.atomic():
        dispute = Dispute.get_by_id(dispute.id)
        disputes.submit_proof(dispute, at or utcnow(), note=note, actor=actor)
        case_actions.attach_checked(dispute, checked, actor)
        action = _base(dispute, IMAGE_UPLOAD)
        action["pictures"] = [{"sha256": store.sha256_of(data), "name": name,
                               "extension": IMAGE_TYPES[mime]}
                              for name, data, mime in checked]
        action["uploaded"] = []
        words = note or "Evidence: " + ", ".join(name for name, _d, _m in checked)
        return _queue(account, dispute, words, action, actor)


def _solution_words(solution_type: str) -> str:
    return "return and refund" if solution_type == RETURN else "refund"


def _queue(account: ChannelAccount, dispute: Dispute, words: str, action: dict,
           actor: str) -> OutboxItem:
    conversation = _conversation(dispute, actor)
    return outbox.queue_reply(conversation.id, words, actor=actor, action=action,
                              account=account)


def _conversation(dispute: Dispute, actor: str) -> Conversation:
    """The order's conversation on AliExpress (where the buyer's words in the dispute
    arrive), started when there is none yet."""
    order = dispute.order
    channel = CHANNEL_OF_KIND["aliexpress"]
    found = (Conversation.select().where((Conversation.order == order)
                                         & (Conversation.channel == channel))
             .order_by(Conversation.id.desc()).first())
    if found is not None:
        return found
    from app.services.messaging import conversations
    return conversations.start_conversation(
        order.shop, order.buyer, channel, order,
        subject=f"Dispute {dispute.issue_id} · order {order.order_no}", actor=actor)
