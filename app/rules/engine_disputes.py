"""Deadlines of an AliExpress dispute (rules AE-3 to AE-8, AE-14, AE-15).

Every item keeps its history: once the action that meets it happened it stays met (or
missed when late). A clock the case left behind before its due instant without the action
(e.g. the buyer cancelled while the seller still had time) no longer applies and is omitted.
"""

from __future__ import annotations

from datetime import datetime

from app.rules.calendar import add_working_days
from app.rules.deadline import Deadline
from app.rules.engine_common import (Builder, ShopContext, earliest, judge, known,
                                     not_before)

AWAITING_SELLER = "awaiting_seller"
CLOSED_WITH_APPEAL = ("resolved", "appealed")   # states after a closure the buyer may appeal
# Resolutions (vocab.RESOLUTIONS) the clocks tell apart.
CONSENSUS = "negotiation_consensus"
BUYER_CANCELLED = "buyer_cancelled"
CLOSED_WITHOUT_AGREEMENT = ("seller_response_timeout", "platform_arbitrate")


def dispute_deadlines(dispute, order, ctx: ShopContext, at: datetime) -> list[Deadline]:
    """All deadlines of one dispute at `at` (met, missed and pending)."""
    if "seller_response" not in ctx.profile:
        return []  # not an AliExpress profile: disputes have no clocks there
    b = Builder(ctx, "dispute", order_no=getattr(order, "order_no", None),
                case_id=f"D-{dispute.id}")
    _seller_response(b, dispute, at)
    _staff_intervene(b, dispute, at)
    _escalation_window(b, dispute, at)
    _auto_escalation(b, dispute, at)
    if known(dispute.escalated_at, at) is not None:
        _platform_action(b, dispute, at)
        _judgement_steps(b, dispute, at)
    _return_shipment(b, dispute, at)
    _appeal_window(b, dispute, at)
    return b.items


def _seller_response(b: Builder, d, at: datetime) -> None:
    # rule AE-3: accept or refuse within the window after the buyer opens or modifies the
    # dispute; each modification moves buyer_changed_at and restarts the clock.
    start = d.buyer_changed_at
    due = start + b.ctx.profile.duration("seller_response")
    responded = earliest(not_before(d.seller_responded_at, start),
                         not_before(d.return_agreed_at, start))
    stopped = earliest(not_before(d.closed_at, start), not_before(d.escalated_at, start))
    if (responded is None and stopped is None and d.state != AWAITING_SELLER):
        return  # the case moved on without waiting for the seller: nothing to show
    b.add("seller_response", due=due, starts_at=start,
          state=judge(due, at, done_at=responded, stopped_at=stopped),
          label="Respond to the buyer's proposal (else the platform refunds the buyer)",
          action="Accept or refuse the buyer's proposal")


def _staff_intervene(b: Builder, d, at: datetime) -> None:
    # rule AE-4: the platform's own clock, shown for information. A dispute settled by
    # agreement (return agreed or closed) before staff were needed leaves it behind.
    due = d.opened_at + b.ctx.profile.duration("staff_intervene")
    settled = earliest(not_before(d.closed_at, d.opened_at),
                       not_before(d.return_agreed_at, d.opened_at))
    b.add("staff_intervene", due=due, starts_at=d.opened_at, informational=True,
          state=judge(due, at, done_at=d.staff_joined_at, stopped_at=settled),
          label="Platform dispute staff step in")


def _escalation_window(b: Builder, d, at: datetime) -> None:
    # rule AE-5: the buyer may escalate from day 4 to day 15 after the first refund request
    # (due at t0 + 15 x 24 h, included). starts_at is when the window opens; due_at when it
    # closes. Met when the buyer used it; an agreement or a cancellation first ends it.
    t0 = d.first_request_at
    opens = t0 + b.ctx.profile.duration("buyer_escalation_opens")
    due = t0 + b.ctx.profile.duration("buyer_escalation_closes")
    by_buyer = known(d.escalated_at, at) if d.escalated_by != "system" else None
    agreed = earliest(not_before(d.return_agreed_at, t0), not_before(d.closed_at, t0))
    if by_buyer is not None and agreed is not None and agreed < by_buyer:
        by_buyer = None
    b.add("buyer_escalation_closes", kind="buyer_escalation_window", due=due,
          starts_at=opens, informational=True,
          state=judge(due, at, done_at=by_buyer, stopped_at=agreed),
          label="The buyer may escalate the dispute to the platform")


def first_resolution(d) -> str | None:
    """How the dispute closed the first time: an as-of view carries it (a ruling after an
    appeal replaces `resolution`); a plain record falls back to its resolution."""
    return getattr(d, "first_resolution", None) or d.resolution


def agreement_at(d, at: datetime) -> datetime | None:
    """When buyer and seller agreed, as known at `at`: a return agreed, or a closure by
    agreement (negotiation_consensus; a closure whose resolution is not recorded counts
    as one)."""
    t0 = d.first_request_at
    closed = known(not_before(d.closed_at, t0), at)
    by_consensus = closed if first_resolution(d) in (CONSENSUS, None) else None
    return earliest(known(not_before(d.return_agreed_at, t0), at), by_consensus)


def _auto_escalation(b: Builder, d, at: datetime) -> None:
    # rule AE-6: with no agreement by t0 + 15 days the system escalates (from due + 1 s).
    # Met only by an agreement at or before due; gone when the buyer cancelled or escalated
    # first; missed once the system escalated (whatever `at`), or when the seller's time-out
    # or a platform ruling closed the dispute without agreement.
    t0 = d.first_request_at
    due = t0 + b.ctx.profile.duration("auto_escalation")
    agreed = agreement_at(d, at)
    esc = known(d.escalated_at, at)
    by_system = esc if d.escalated_by == "system" else None
    closed = known(not_before(d.closed_at, t0), at)
    how = first_resolution(d)
    by_buyer = earliest(esc if d.escalated_by != "system" else None,
                        closed if how == BUYER_CANCELLED else None)
    failed = earliest(by_system, closed if how in CLOSED_WITHOUT_AGREEMENT else None)
    first = earliest(agreed, by_buyer, failed)
    if first is None:
        state = judge(due, at)
    elif first == agreed:
        state = judge(due, at, done_at=agreed)
    elif first == by_buyer:
        state = judge(due, at, stopped_at=by_buyer)   # gone, or missed when after due
    else:
        state = "missed"
    b.add("auto_escalation", due=due, starts_at=t0, state=state,
          label="Reach an agreement before the platform escalates the dispute",
          action="Agree with the buyer on a solution")


def _platform_action(b: Builder, d, at: datetime) -> None:
    # rule AE-7: after escalation the platform acts within N working days (China calendar).
    esc = d.escalated_at
    due = add_working_days(esc, b.ctx.profile.working_days("platform_action"), b.ctx.calendar)
    acted = earliest(not_before(d.staff_joined_at, esc), not_before(d.closed_at, esc))
    b.add("platform_action", due=due, starts_at=esc, informational=True,
          state=judge(due, at, done_at=acted), label="The platform acts on the escalation")


def _judgement_steps(b: Builder, d, at: datetime) -> None:
    # rule AE-8: proof of delivery first; without it, compensation negotiation, then
    # arbitration (shown for information).
    p = b.ctx.profile
    esc = d.escalated_at
    proof_due = esc + p.duration("proof_of_delivery")
    closed = not_before(d.closed_at, esc)
    proof_state = judge(proof_due, at, done_at=d.proof_submitted_at, stopped_at=closed)
    b.add("proof_of_delivery", due=proof_due, starts_at=esc, state=proof_state,
          label="Provide the post-office proof of delivery",
          action="Upload the proof of delivery to the dispute")
    if proof_state in (None, "met"):
        return
    talk_due = proof_due + p.duration("compensation_negotiation")
    b.add("compensation_negotiation", due=talk_due, starts_at=proof_due, informational=True,
          state=_phase_state(talk_due, proof_due, closed, at),
          label="Compensation negotiation (no proof of delivery)")
    low, high = p.number("arbitration_min"), p.number("arbitration_max")
    ruling_due = talk_due + p.duration("arbitration_max")
    b.add("arbitration_max", kind="arbitration", due=ruling_due, starts_at=talk_due,
          informational=True, state=_phase_state(ruling_due, talk_due, closed, at),
          label=f"Arbitration rules, {low} to {high} days after the negotiation")


def _phase_state(due: datetime, start: datetime, closed: datetime | None, at: datetime):
    """A platform phase ends when the dispute closes; one closed before it began is moot."""
    ended = known(closed, at)
    if ended is not None and ended < start:
        return None
    return judge(due, at, done_at=closed)


def _return_shipment(b: Builder, d, at: datetime) -> None:
    # rule AE-15: the buyer ships the goods back, or the money goes to the seller.
    agreed = known(d.return_agreed_at, at)
    if agreed is None:
        return
    due = agreed + b.ctx.profile.duration("return_shipment")
    b.add("return_shipment", due=due, starts_at=agreed, informational=True,
          state=judge(due, at, done_at=not_before(d.return_shipped_at, agreed),
                      stopped_at=not_before(d.closed_at, agreed)),
          label="The buyer ships the goods back (else the money goes to the seller)")


def _appeal_window(b: Builder, d, at: datetime) -> None:
    # rule AE-14: a resolved dispute may be appealed once, within the window after its first
    # closure. Once appealed the window is used: no new window after the ruling on the appeal.
    closed = known(d.closed_at, at)
    appealed = known(not_before(d.appealed_at, closed), at)
    if closed is None or first_resolution(d) == BUYER_CANCELLED:
        return
    if appealed is None and d.state not in CLOSED_WITH_APPEAL:
        return
    due = closed + b.ctx.profile.duration("appeal_window")
    b.add("appeal_window", due=due, starts_at=closed, informational=True,
          state=judge(due, at, done_at=appealed),
          label="The buyer may appeal the closed dispute")
