"""Complaints and negative reviews as cases (rules GEN-8, TB-5, TB-6): opened with the
buyer's words, walked through the seven GEN-8 steps (who did what when, or why a step was
skipped), compensation offered and its cost, follow-ups until closed, and the outcome.
Ids are "C-n". Every write is atomic and audited; bad input writes nothing.

    c = open_complaint("tb", "late_shipment", "三天了还没发货！", order=order)
    complete_step(c, "respond", note="Called the buyer")
    offer_compensation(c, "TB-5 compensation", suggested_compensation_for(c), cost=...)
    close_complaint(c, "complaint_withdrawn", skip_reason="Buyer hung up before ...")
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from app.clock import utcnow
from app.db import database
from app.models import Buyer, Conversation, Order
from app.models.complaints import (COMPLAINT_KINDS, COMPLAINT_OUTCOMES, COMPLAINT_STEPS,
                                   Complaint, ComplaintStep)
from app.rules.complaint_rules import suggested_compensation
from app.services.common import audit
from app.errors import ForbiddenTransition, InvalidInput, NotFound
from app.services.common.input_checks import choice, instant, money, not_before, text
from app.services.commerce.policy import load_profile
from app.services.commerce.shops import check_currency, get_shop

ENTITY = "complaint"


def complaint_ref(complaint: Complaint) -> str:
    return f"C-{complaint.id}"


def get_complaint(ref) -> Complaint:
    """A complaint by "C-12" or 12; a malformed id is an InvalidInput, an unknown one NotFound."""
    raw = str(ref).strip().upper()
    number = raw[2:] if raw.startswith("C-") else raw
    if not number.isdigit():
        raise InvalidInput("'{ref}' is not a complaint id (expected C-<n>)", ref=ref,
                           field="complaint")
    complaint = Complaint.get_or_none(Complaint.id == int(number))
    if complaint is None:
        raise NotFound("no complaint {ref}", ref=ref)
    return complaint


def _when(at, record) -> datetime:
    return instant(at, "at", record) if at is not None else utcnow()


def open_complaint(shop, kind: str, buyer_words: str, *, order: Order | None = None,
                   buyer: Buyer | None = None, conversation: Conversation | None = None,
                   opened_at: datetime | None = None, review_rating: int | None = None,
                   actor: str = "rep") -> Complaint:
    """A new complaint case with its seven GEN-8 steps to do. The buyer defaults to the
    order's; everything named must belong to the shop."""
    shop = get_shop(shop)
    record = "complaint"
    choice(kind, COMPLAINT_KINDS, "kind", record)
    buyer_words = text(buyer_words, "buyer_words", record)
    opened_at = _when(opened_at, record)
    if order is not None and order.shop_id != shop.id:
        raise InvalidInput("order {order_no} belongs to another shop",
                           order_no=order.order_no, record=record,
                           field="order")
    if buyer is None and order is not None and order.buyer_id is not None:
        buyer = order.buyer
    if buyer is not None and buyer.shop_id != shop.id:
        raise InvalidInput("the buyer is a buyer of another shop", record=record, field="buyer")
    if conversation is not None and conversation.shop_id != shop.id:
        raise InvalidInput("the conversation belongs to another shop", record=record,
                           field="conversation")
    if review_rating is not None and (isinstance(review_rating, bool)
                                      or review_rating not in range(1, 6)):
        raise InvalidInput("a review has 1 to 5 stars, got {review_rating!r}",
                           review_rating=review_rating, record=record,
                           field="review_rating")
    if order is not None:
        not_before(opened_at, order.created_at, "opened_at", "the order was placed", record)
    now = utcnow()
    with database.atomic():
        complaint = Complaint.create(
            shop=shop, order=order, buyer=buyer, conversation=conversation, kind=kind,
            buyer_words=buyer_words, review_rating=review_rating, opened_at=opened_at,
            compensation_currency=(order.currency if order is not None else shop.currency),
            created_at=now, updated_at=now)
        for position, step in enumerate(COMPLAINT_STEPS, start=1):
            ComplaintStep.create(complaint=complaint, position=position, step=step)
        audit.record(actor, ENTITY, complaint.uid, "open",
                     {"kind": kind, "order": order.order_no if order else None,
                      "opened_at": opened_at.isoformat()})
    return complaint


def steps(complaint: Complaint) -> list[ComplaintStep]:
    return list(complaint.steps.order_by(ComplaintStep.position))


def _step(complaint: Complaint, step: str) -> ComplaintStep:
    choice(step, COMPLAINT_STEPS, "step", complaint_ref(complaint))
    return ComplaintStep.get((ComplaintStep.complaint == complaint) & (ComplaintStep.step == step))


def _check_open(complaint: Complaint, action: str) -> None:
    if complaint.state != "open":
        raise ForbiddenTransition(f"Complaint {complaint_ref(complaint)}", complaint.state, action)


def complete_step(complaint: Complaint, step: str, *, note: str = "", at=None,
                  actor: str = "rep") -> ComplaintStep:
    """Tick one GEN-8 step as done by `actor` at `at`. Steps go in order: an earlier step
    still open must be done or skipped (with a reason) first."""
    record = f"{complaint_ref(complaint)} step {step}"
    _check_open(complaint, f"complete {step}")
    row = _step(complaint, step)
    note = text(note, "note", record, required=False)
    at = _when(at, record)
    not_before(at, complaint.opened_at, "at", "the buyer complained", record)
    if row.state != "open":
        raise InvalidInput("the step is already {state}", state=row.state, record=record,
                           field="step")
    earlier = [s.step for s in steps(complaint) if s.position < row.position and s.state == "open"]
    if earlier:
        raise InvalidInput("do or skip the earlier step(s) first: {steps}",
                           steps=', '.join(earlier),
                           record=record, field="step")
    with database.atomic():
        row.state, row.done_at, row.done_by, row.note = "done", at, actor, note
        row.save()
        _touch(complaint, at)
        audit.record(actor, ENTITY, complaint.uid, "step_done",
                     {"step": step, "at": at.isoformat(), "note": note})
    return row


def skip_step(complaint: Complaint, step: str, reason: str, *, actor: str = "rep"
              ) -> ComplaintStep:
    """Skip one GEN-8 step; the rep must say why."""
    record = f"{complaint_ref(complaint)} step {step}"
    _check_open(complaint, f"skip {step}")
    row = _step(complaint, step)
    reason = text(reason, "reason", record)
    if row.state != "open":
        raise InvalidInput("the step is already {state}", state=row.state, record=record,
                           field="step")
    with database.atomic():
        row.state, row.skip_reason, row.done_by, row.done_at = "skipped", reason, actor, utcnow()
        row.save()
        audit.record(actor, ENTITY, complaint.uid, "step_skipped", {"step": step,
                           "reason": reason})
    return row


def record_contact(complaint: Complaint, note: str, *, at=None, actor: str = "rep") -> Complaint:
    """A follow-up with the buyer (GEN-8: follow the remedy up until the buyer confirms);
    the next reminder counts from it."""
    record = complaint_ref(complaint)
    _check_open(complaint, "follow up")
    note = text(note, "note", record)
    at = _when(at, record)
    not_before(at, complaint.opened_at, "at", "the buyer complained", record)
    with database.atomic():
        _touch(complaint, at)
        audit.record(actor, ENTITY, complaint.uid, "contact", {"at": at.isoformat(), "note": note})
    return complaint


def suggested_compensation_for(complaint: Complaint) -> Decimal | None:
    """rule TB-5: the late-shipment compensation of the complaint's order, else None."""
    order = complaint.order if complaint.order_id is not None else None
    return suggested_compensation(complaint.kind, order, load_profile(complaint.shop.platform))


def offer_compensation(complaint: Complaint, offer: str, amount, *, cost=None,
                       currency: str | None = None, at=None, actor: str = "rep") -> Complaint:
    """Record the compensation proposed to the buyer and what it costs the shop (the cost
    defaults to the amount). GEN-8: never in exchange for a changed review."""
    record = complaint_ref(complaint)
    _check_open(complaint, "offer compensation")
    offer = text(offer, "offer", record)
    amount = money(amount, "amount", record)
    cost = amount if cost is None else money(cost, "cost", record)
    currency = check_currency(currency or complaint.compensation_currency
                              or complaint.shop.currency, record)
    at = _when(at, record)
    with database.atomic():
        complaint.compensation_offer, complaint.compensation_amount = offer, amount
        complaint.compensation_cost, complaint.compensation_currency = cost, currency
        complaint.compensation_at = at
        _touch(complaint, at)
        audit.record(actor, ENTITY, complaint.uid, "compensation",
                     {"offer": offer, "amount": str(amount), "cost": str(cost),
                      "currency": currency})
    return complaint


def close_complaint(complaint: Complaint, outcome: str, *, note: str = "",
                    skip_reason: str = "", at=None, actor: str = "rep") -> Complaint:
    """Close with an outcome. Steps still open are skipped with `skip_reason`, which the rep
    must give when any is open: a case never closes with steps silently left out (GEN-8)."""
    record = complaint_ref(complaint)
    _check_open(complaint, "close")
    choice(outcome, COMPLAINT_OUTCOMES, "outcome", record)
    note = text(note, "note", record, required=False)
    skip_reason = text(skip_reason, "skip_reason", record, required=False)
    at = _when(at, record)
    not_before(at, complaint.opened_at, "at", "the buyer complained", record)
    left = [s for s in steps(complaint) if s.state == "open"]
    if left and not skip_reason:
        raise InvalidInput("steps not done: {steps}. Do them, or say why they were skipped "
                           "to close the case",
                           steps=', '.join((s.step for s in left)), record=record,
                           field="skip_reason")
    with database.atomic():
        for s in left:
            s.state, s.skip_reason, s.done_by, s.done_at = "skipped", skip_reason, actor, at
            s.save()
        complaint.state, complaint.outcome, complaint.outcome_note = "closed", outcome, note
        complaint.skip_reason, complaint.closed_at, complaint.closed_by = skip_reason, at, actor
        complaint.updated_at = utcnow()
        complaint.save()
        audit.record(actor, ENTITY, complaint.uid, "close",
                     {"outcome": outcome, "skipped": [s.step for s in left],
                      "skip_reason": skip_reason})
    return complaint


def _touch(complaint: Complaint, at: datetime) -> None:
    if complaint.last_contact_at is None or at > complaint.last_contact_at:
        complaint.last_contact_at = at
    complaint.updated_at = utcnow()
    complaint.save()
