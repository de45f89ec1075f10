"""AliExpress disputes: open one, record every step of the buyer, the seller, the platform
and its staff, each checked against the state machine and the AE rules.

Every action takes the platform instant `at` and the rep recording it (`actor`). A refusal
raises before anything is written; a success saves the dispute, its proposals (one per
party, side by side: AE-9), one DisputeEvent and one audit entry in one transaction.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from app.clock import utcnow
from app.db import database
from app.models import Dispute, Order
from app.vocab import (DISPUTE_FINAL_STATES, DISPUTE_KINDS, DISPUTE_SUB_KINDS,
                              SOLUTION_TYPES)
from app.services.casework import dispute_rules as rules
from app.services.casework import dispute_writes as writes
from app.services.casework import case_record
from app.services.casework.case_ids import case_id
from app.services.casework.dispute_rules import DISPUTE_MACHINE
from app.services.casework.dispute_writes import proposal, proposals  # noqa: F401  (public)
from app.errors import InvalidInput
from app.services.common.input_checks import choice, instant, not_before, text
from app.services.common.state_machine import START

ENTITY = "dispute"
NONE = Decimal("0.00")


def open_dispute(order: Order, kind: str, sub_kind: str, reason: str, solution_type: str,
                 refund_amount, opened_at: datetime, first_request_at: datetime | None = None,
                 issue_id: str | None = None, *, reason_text: str = "", note: str = "",
                 actor: str = "rep") -> Dispute:
    """Record a dispute the buyer opened, with the buyer's proposal (AE-1, AE-3 starts)."""
    record = "dispute"
    opened_at = instant(opened_at, "opened_at", record)
    first = opened_at if first_request_at is None else instant(first_request_at,
                                                               "first_request_at", record)
    if order.shop.platform != "aliexpress":
        raise InvalidInput("order {order_no} is a {platform} order: record an after-sales "
                           "request instead of a dispute",
                           order_no=order.order_no, platform=order.shop.platform, record=record,
                           field="order")
    choice(kind, DISPUTE_KINDS, "kind", record)
    choice(sub_kind, DISPUTE_SUB_KINDS[kind], "sub_kind", record)
    reason = text(reason, "reason", record, max_len=100)
    choice(solution_type, SOLUTION_TYPES, "solution_type", record)
    amount = writes.amount_of(order, refund_amount, record, positive=True)
    if issue_id is not None:
        issue_id = text(str(issue_id), "issue_id", record, max_len=64)
        if Dispute.get_or_none(Dispute.issue_id == issue_id) is not None:
            raise InvalidInput("a dispute with issue id {issue_id} is already recorded",
                               issue_id=issue_id,
                               record=record, field="issue_id")
    not_before(opened_at, first, "opened_at", "the buyer's first refund request", record)
    not_before(first, order.paid_at or order.created_at, "first_request_at",
               "the order was paid", record)
    busy = (Dispute.select().where((Dispute.order == order)
                                   & Dispute.state.not_in(DISPUTE_FINAL_STATES)).first())
    if busy is not None:
        raise InvalidInput("order {order_no} already has an open dispute ({other_case})",
                           order_no=order.order_no, other_case=case_id(busy),
                           record=record, field="order")
    with database.atomic():
        now = utcnow()
        dispute = Dispute.create(
            order=order, issue_id=issue_id, kind=kind, sub_kind=sub_kind, reason=reason,
            reason_text=text(reason_text, "reason_text", required=False),
            state="awaiting_seller", opened_at=opened_at, first_request_at=first,
            buyer_changed_at=opened_at, currency=order.currency, created_at=now, updated_at=now)
        writes.propose(dispute, "buyer", opened_at, solution_type, amount,
                       "wait_seller_accept", note)
        writes.finish(dispute, "open_dispute", START, opened_at, actor,
                {"kind": kind, "sub_kind": sub_kind, "reason": reason,
                 "solution_type": solution_type, "refund_amount": str(amount)})
    return dispute


def buyer_modify(dispute, at, *, solution_type=None, refund_amount=None, reason=None,
                 reason_text=None, note=None, actor="rep"):
    """The buyer changes the proposal and/or the reason: the seller's AE-3 time restarts."""
    ref = writes.allowed(dispute, "buyer_modify")
    if all(v is None for v in (solution_type, refund_amount, reason, reason_text, note)):
        raise InvalidInput("nothing changed: give a new proposal or reason", record=ref)
    buyer = writes.proposal(dispute, "buyer")
    new_type = choice(solution_type or buyer.solution_type, SOLUTION_TYPES, "solution_type", ref)
    amount = (buyer.refund_amount if refund_amount is None
              else writes.amount_of(dispute.order, refund_amount, ref, positive=True))
    at = instant(at, "at", ref)
    changes = {"buyer_changed_at": at, "seller_responded_at": None}
    if reason is not None:
        changes["reason"] = text(reason, "reason", ref, max_len=100)
    if reason_text is not None:
        changes["reason_text"] = text(reason_text, "reason_text", required=False)
    props = [("buyer", new_type, amount, "wait_seller_accept", note),
             ("seller", None, None, "buyer_refused", None)]
    detail = {"solution_type": new_type, "refund_amount": str(amount),
              **({"reason": changes["reason"]} if "reason" in changes else {})}
    return writes.act(dispute, "buyer_modify", at, actor, changes, detail, proposals=props)


def seller_accept(dispute, at, *, actor="rep"):
    """The seller accepts the buyer's proposal."""
    writes.allowed(dispute, "seller_accept")
    buyer = writes.proposal(dispute, "buyer")
    return writes.agree(dispute, "seller_accept", at, actor, buyer)


def seller_refuse(dispute, reason: str, at, *, actor="rep"):
    writes.allowed(dispute, "seller_refuse")
    reason = text(reason, "reason", case_id(dispute))
    return writes.act(dispute, "seller_refuse", at, actor, {}, {"reason": reason},
                      proposals=[("buyer", None, None, "seller_refused", None)])


def seller_counter_propose(dispute, solution_type: str, refund_amount, at, *, note="",
                           actor="rep"):
    ref = writes.allowed(dispute, "seller_counter_propose")
    choice(solution_type, SOLUTION_TYPES, "solution_type", ref)
    amount = writes.amount_of(dispute.order, refund_amount, ref)
    return writes.act(dispute, "seller_counter_propose", at, actor, {},
                      {"solution_type": solution_type, "refund_amount": str(amount)},
                      proposals=[("seller", solution_type, amount, "wait_buyer_accept", note)])


def buyer_accept(dispute, at, *, actor="rep"):
    """The buyer accepts the seller's proposal."""
    writes.allowed(dispute, "buyer_accept")
    seller = writes.proposal(dispute, "seller")
    if seller is None:
        raise InvalidInput("the seller has made no proposal the buyer could accept",
                           record=case_id(dispute), field="action")
    return writes.agree(dispute, "buyer_accept", at, actor, seller)


def buyer_escalate(dispute, at, *, actor="rep"):
    """The buyer asks the platform to arbitrate (AE-5 window, AE-17 transit)."""
    at = instant(at, "at", case_id(dispute))
    return writes.act(dispute, "buyer_escalate", at, actor,
                      {"escalated_at": at, "escalated_by": "buyer"},
                      check=lambda p, z: rules.check_buyer_escalation(dispute, dispute.order,
                                                                      at, p, z))


def auto_escalate(dispute, at, *, actor="rep"):
    """No agreement by day 16: the system escalates (AE-6)."""
    at = instant(at, "at", case_id(dispute))
    return writes.act(dispute, "auto_escalate", at, actor,
                      {"escalated_at": at, "escalated_by": "system"}, by_rule="auto_escalation",
                      check=lambda p, z: rules.check_auto_escalation(dispute, dispute.order,
                                                                     at, p, z))


def seller_response_timeout(dispute, at, *, actor="rep"):
    """The seller did not answer in time (AE-3): the buyer's proposal is carried out."""
    writes.allowed(dispute, "seller_response_timeout")
    buyer = writes.proposal(dispute, "buyer")
    return writes.agree(dispute, "seller_response_timeout", at, actor, buyer,
                        by_rule="seller_response")


def platform_propose(dispute, solution_type: str, refund_amount, at, *, note="", actor="rep"):
    ref = writes.allowed(dispute, "platform_propose")
    choice(solution_type, SOLUTION_TYPES, "solution_type", ref)
    amount = writes.amount_of(dispute.order, refund_amount, ref)
    return writes.act(dispute, "platform_propose", at, actor, {},
                      {"solution_type": solution_type, "refund_amount": str(amount)},
                      proposals=[("platform", solution_type, amount,
                           "wait_buyer_and_seller_accept",
                                  note)])


def platform_rule(dispute, in_favour_of: str, at, *, refund_amount=None,
                  solution_type: str = "refund", note="", actor="rep"):
    """The platform's ruling after escalation or appeal."""
    ref = writes.allowed(dispute, "platform_rule")
    choice(in_favour_of, ("buyer", "seller"), "in_favour_of", ref)
    choice(solution_type, SOLUTION_TYPES, "solution_type", ref)
    if in_favour_of == "seller":
        amount, solution_type = NONE, "refund"
    elif refund_amount is None:
        current = writes.proposal(dispute, "platform") or writes.proposal(dispute, "buyer")
        if current is None:
            raise InvalidInput("say the amount the platform decided: no proposal names one",
                               record=ref, field="refund_amount")
        amount = current.refund_amount
    else:
        amount = writes.amount_of(dispute.order, refund_amount, ref, positive=True)
    return writes.agree(dispute, "platform_rule", at, actor, None,
                        solution=(solution_type, amount, note),
                        extra={"in_favour_of": in_favour_of})


def buyer_cancel(dispute, at, *, actor="rep"):
    at = instant(at, "at", case_id(dispute))
    props = [(p.party, None, None, "reach_cancle", None) for p in dispute.proposals
             if p.status not in ("reached", "perform")]
    return writes.act(dispute, "buyer_cancel", at, actor,
                      {"resolution": rules.RESOLUTION_OF["buyer_cancel"], "refund_amount": NONE,
                       "closed_at": at},
                      proposals=props)


def buyer_ship_return(dispute, at, *, tracking_no: str, carrier: str = "", actor="rep"):
    writes.allowed(dispute, "buyer_ship_return")
    ref = case_id(dispute)
    tracking_no = text(tracking_no, "tracking_no", ref, max_len=100)
    carrier = text(carrier, "carrier", ref, max_len=100, required=False)
    at = instant(at, "at", ref)
    return writes.act(dispute, "buyer_ship_return", at, actor, {"return_shipped_at": at},
                      {"carrier": carrier, "tracking_no": tracking_no})


def return_timeout(dispute, at, *, actor="rep"):
    """The buyer did not ship the goods back in time (AE-15): no refund."""
    at = instant(at, "at", case_id(dispute))
    return writes.act(dispute, "return_timeout", at, actor,
                      {"resolution": rules.RESOLUTION_OF["return_timeout"],
                       "refund_amount": NONE, "closed_at": at},
                      by_rule="return_shipment")


def seller_confirm_return(dispute, at, *, actor="rep"):
    """The returned goods arrived: the agreed refund is paid."""
    at = instant(at, "at", case_id(dispute))
    props = [(p.party, None, None, "perform", None) for p in dispute.proposals
             if p.status == "reached"]
    return writes.act(dispute, "seller_confirm_return", at, actor, {"closed_at": at},
                      {"refund_amount": str(dispute.refund_amount)}, proposals=props)


def appeal(dispute, at, *, reason: str = "", actor="rep"):
    """The buyer appeals a closed dispute: within AE-14's days, once."""
    at = instant(at, "at", case_id(dispute))
    return writes.act(dispute, "appeal", at, actor, {"appealed_at": at},
                      {"reason": text(reason, "reason", required=False)},
                      check=lambda p, z: rules.check_appeal(dispute, at, p, z))


def submit_proof(dispute, at, *, note: str = "", actor="rep"):
    """The seller submits proof, e.g. the post-office proof of delivery (AE-8)."""
    at = instant(at, "at", case_id(dispute))
    changes = {} if dispute.proof_submitted_at else {"proof_submitted_at": at}
    return writes.act(dispute, "submit_proof", at, actor, changes,
                      {"note": text(note, "note", required=False)})


def staff_join(dispute, at, *, actor="rep"):
    """Platform dispute staff stepped in (AE-4)."""
    at = instant(at, "at", case_id(dispute))
    changes = {} if dispute.staff_joined_at else {"staff_joined_at": at}
    return writes.act(dispute, "staff_join", at, actor, changes)


def set_cause(dispute, cause: str, *, actor: str = "rep") -> Dispute:
    """The rep's judgement of who caused the problem, for statistics (GEN-1)."""
    return case_record.set_cause(dispute, cause, ENTITY, actor)


def available_actions(dispute) -> tuple[str, ...]:
    """What can be recorded on the dispute now, for the UI's buttons."""
    skip = set()
    if dispute.appealed_at is not None or dispute.resolution == "buyer_cancelled":
        skip.add("appeal")
    if writes.proposal(dispute, "seller") is None:
        skip.add("buyer_accept")
    return tuple(a for a in DISPUTE_MACHINE.allowed_actions(dispute.state) if a not in skip)
