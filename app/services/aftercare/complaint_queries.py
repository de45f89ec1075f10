"""Reading complaint cases: the list, their deadlines as of an instant, their rows in the
case queue (`cases --json`, type "complaint") and their statistics for reports."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import peewee as pw

from app.clock import as_utc, utcnow
from app.models import Order, Shop
from app.models.complaints import Complaint, ComplaintStep
from app.rules import engine
from app.rules.complaint_rules import cause_of, platform_window
from app.rules.deadline import Deadline
from app.rules.engine_followups import complaint_deadlines


@dataclass(frozen=True)
class ComplaintRow:
    id: str                    # "C-n"
    complaint_id: int
    shop: str
    platform: str
    order_no: str | None
    buyer: str
    kind: str
    state: str                 # "open" / "closed"
    buyer_words: str
    opened_at: datetime
    steps_done: int            # done or skipped, of 7
    steps_total: int
    next_step: str | None      # the first open step
    next_due_at: datetime | None
    platform_window_end: datetime | None   # TB-5 / TB-6 window, where a rule gives one
    compensation_amount: object
    compensation_cost: object
    currency: str
    outcome: str | None
    order_id: int | None = None    # the order complained about, when known


def _loaded(at: datetime, only_open: bool):
    query = (Complaint.select(Complaint, Shop, Order.id, Order.order_no, Order.currency,
                              Order.paid_amount, Order.completed_at, Order.closed_at)
             .join(Shop).switch(Complaint).join(Order, pw.JOIN.LEFT_OUTER)
             .where(Complaint.opened_at <= at))
    if only_open:
        query = query.where(Complaint.closed_at.is_null() | (Complaint.closed_at > at))
    complaints = list(query)
    by_case: dict[int, list[ComplaintStep]] = {}
    if complaints:
        for s in (ComplaintStep.select()
                  .where(ComplaintStep.complaint.in_([c.id for c in complaints]))
                  .order_by(ComplaintStep.position)):
            by_case.setdefault(s.complaint_id, []).append(s)
    return complaints, by_case


def _responded(steps: list[ComplaintStep], at: datetime) -> datetime | None:
    first = steps[0] if steps else None
    if first is None or first.state == "open" or first.done_at is None or first.done_at > at:
        return None
    return first.done_at


def _deadlines(c: Complaint, steps, for_shop, at) -> list[Deadline]:
    order_no = c.order.order_no if c.order_id is not None else None
    return complaint_deadlines(c, for_shop(c.shop_id), at, responded_at=_responded(steps, at),
                               order_no=order_no)


def complaint_deadline_items(at: datetime, for_shop) -> list[Deadline]:
    """rule GEN-8: the response and follow-up clocks of every complaint open at `at`.
    `for_shop(shop_id)` gives the shop's ShopContext."""
    complaints, by_case = _loaded(at, True)
    return [d for c in complaints for d in _deadlines(c, by_case.get(c.id, []), for_shop, at)]


def list_complaints(at: datetime | None = None, *, for_shop=None) -> list[ComplaintRow]:
    """Every complaint, open ones first by next due, then closed ones newest first."""
    from app.services.aftercare.followup_deadlines import shop_contexts
    at = as_utc(at) if at is not None else utcnow()
    for_shop = for_shop or shop_contexts()
    complaints, by_case = _loaded(at, False)
    rows = []
    for c in complaints:
        steps = by_case.get(c.id, [])
        ctx = for_shop(c.shop_id)
        order = c.order if c.order_id is not None else None
        due = engine.next_due(_deadlines(c, steps, for_shop, at)) if c.state == "open" else None
        window = platform_window(c.kind, order, ctx.profile)
        open_steps = [s.step for s in steps if s.state == "open"]
        rows.append(ComplaintRow(
            id=f"C-{c.id}", complaint_id=c.id, shop=c.shop.key, platform=c.shop.platform,
            order_no=order.order_no if order else None,
            buyer=c.buyer.login if c.buyer_id is not None else "", kind=c.kind,
            state=c.state, buyer_words=c.buyer_words, opened_at=c.opened_at,
            steps_done=len(steps) - len(open_steps), steps_total=len(steps),
            next_step=open_steps[0] if open_steps else None, next_due_at=due,
            platform_window_end=window[1] if window else None,
            compensation_amount=c.compensation_amount, compensation_cost=c.compensation_cost,
            currency=c.compensation_currency, outcome=c.outcome,
            order_id=order.id if order else None))
    far = datetime.max.replace(tzinfo=at.tzinfo)
    rows.sort(key=lambda r: (r.state != "open", r.next_due_at or far,
                             -r.opened_at.timestamp(), r.complaint_id))
    return rows


def complaint_case_rows(at: datetime | None = None) -> list:
    """The complaints as rows of the case queue (app.services.casework.cases.CaseRow, type
    "complaint"), each with its live next due."""
    from app.services.casework.cases import CaseRow
    return [CaseRow(r.id, "complaint", r.platform, r.shop, r.order_no or "", r.state, r.kind,
                    r.buyer_words[:80], cause_of(r.kind), r.opened_at, r.next_due_at)
            for r in list_complaints(at)]


def complaint_stats(since: datetime | None = None, until: datetime | None = None) -> dict:
    """For reports: complaints by kind, by outcome, and the compensation cost by currency."""
    query = Complaint.select()
    if since is not None:
        query = query.where(Complaint.opened_at >= as_utc(since))
    if until is not None:
        query = query.where(Complaint.opened_at <= as_utc(until))
    items = list(query)
    cost: Counter = Counter()
    for c in items:
        if c.compensation_cost is not None:
            cost[c.compensation_currency] += c.compensation_cost
    return {"total": len(items), "open": sum(c.state == "open" for c in items),
            "by_kind": dict(Counter(c.kind for c in items)),
            "by_outcome": dict(Counter(c.outcome for c in items if c.outcome)),
            "compensation_cost": {k: str(v) for k, v in cost.items()}}


@dataclass(frozen=True)
class StepView:
    position: int
    step: str
    state: str                 # open / done / skipped
    done_at: datetime | None
    done_by: str
    note: str
    skip_reason: str


@dataclass(frozen=True)
class ComplaintDetail:
    row: ComplaintRow
    steps: tuple[StepView, ...]
    review_rating: int | None
    compensation_offer: str
    suggested_compensation: object   # TB-5 amount or None
    outcome_note: str
    skip_reason: str
    closed_at: datetime | None
    closed_by: str


def complaint_detail(complaint_id: int, at: datetime | None = None) -> ComplaintDetail:
    """One complaint with its checklist, as the complaint page shows it."""
    from app.services.aftercare.complaints import get_complaint, suggested_compensation_for
    complaint = get_complaint(complaint_id)
    row = next(r for r in list_complaints(at) if r.complaint_id == complaint.id)
    steps = tuple(StepView(s.position, s.step, s.state, s.done_at, s.done_by, s.note,
                           s.skip_reason)
                  for s in complaint.steps.order_by(ComplaintStep.position))
    return ComplaintDetail(row, steps, complaint.review_rating, complaint.compensation_offer,
                           suggested_compensation_for(complaint), complaint.outcome_note,
                           complaint.skip_reason, complaint.closed_at, complaint.closed_by)
