"""One dispute or after-sales request as the case view shows it: the header, the three
proposals side by side (AE-9), the timeline of every event (who, when, what), every
deadline from the engine, the outcome and how it was reached, the order, the buyer's
conversations, the files, what can be recorded now and what only later (the rule clocks of
app.services.casework.case_steps), the checklist that fits with the rep's ticks (GEN-3), and the
figures the refund-or-resend advisor starts from (GEN-2). Read once; the window counts
down on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from app.clock import as_utc, utcnow
from app.models import (Attachment, Conversation, Dispute, DisputeEvent, RequestEvent,
                        StoredFile)
from app.vocab import DISPUTE_FINAL_STATES
from app.rules.deadline import Deadline
from app.services.casework import dispute_rules, disputes
from app.services.casework.aftersales_rules import reason_label
from app.services.casework.case_checklist import Checklist, checklist_of
from app.services.casework.case_guides import Guide, guide_for
from app.services.casework.case_forms import RequestWindow, request_window
from app.services.casework.case_steps import OVER, step_offers
from app.services.casework.case_ids import case_id, get_case
from app.services.casework.case_deadlines import case_deadlines
from app.services.commerce.policy import load_profile

OUTCOMES = {
    "negotiation_consensus": "agreement between buyer and seller",
    "platform_arbitrate": "ruling of the platform",
    "seller_response_timeout": "the seller did not respond in time: the buyer's proposal "
                               "was carried out",
    "return_timeout": "the buyer did not ship the goods back in time: the money went to the "
                      "seller",
    "buyer_cancelled": "the buyer cancelled the dispute",
}
REQUEST_OUTCOMES = {
    "success": "refunded", "closed": "closed without refund", "cancelled": "cancelled by the buyer",
}


@dataclass(frozen=True)
class ProposalView:
    party: str
    solution_type: str
    amount: Decimal
    currency: str
    status: str
    note: str
    updated_at: datetime


@dataclass(frozen=True)
class TimelineEntry:
    at: datetime               # when it happened on the platform
    actor: str                 # buyer, seller, platform, system, waiter
    action: str
    from_state: str | None
    to_state: str | None
    detail: dict
    by_rule: str | None        # applied by a platform rule (e.g. AE-3, TB-3)
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class ConversationLink:
    id: int
    channel: str
    subject: str
    last_message_at: datetime | None


@dataclass(frozen=True)
class CaseDetail:
    ref: str
    type: str                  # "dispute" / "aftersales"
    platform: str
    shop: str
    shop_zone: str
    order_id: int
    order_no: str
    order_status: str
    currency: str
    paid_amount: Decimal
    goods_amount: Decimal
    product_cost: Decimal | None
    shipping_cost: Decimal | None
    state: str
    kind: str                  # dispute kind / request service type
    sub_kind: str
    reason: str
    reason_text: str
    description: str
    amount: Decimal | None     # the request's amount / the buyer's proposed refund
    cause: str
    opened_at: datetime
    is_open: bool
    outcome: str               # "" while open
    counts_toward_rate: bool   # AE-2 (disputes; True for requests)
    proposals: dict = field(default_factory=dict)       # party -> ProposalView (AE-9)
    timeline: tuple = ()
    deadlines: tuple = ()
    actions: tuple = ()        # the steps that can be recorded at `read_at`
    offers: tuple = ()         # case_steps.StepOffer of every step not over: now or later
    conversations: tuple = ()
    files: tuple = ()          # (name, sha256, mime)
    window: RequestWindow | None = None                 # TB-1, requests only
    read_at: datetime | None = None
    guide: Guide | None = None   # the guide that fits (GEN-3)
    checklist: Checklist = field(default_factory=Checklist)   # the rep's ticks, by guide
    reason_code: str = ""      # a request's reason code (aftersales_rules.REQUEST_REASONS)
    resolution: str = ""       # how a dispute ended (vocab.RESOLUTIONS), "" otherwise
    refund: Decimal | None = None   # what the outcome paid the buyer
    version: int = 0           # the case's version as read (a change hands it back)
    # Filled by app.platforms.decisions.case_detail for a case the shop's connected
    # platform account brought in: the platform, the steps that can go to it, the
    # decisions sent (their outbox state, the platform's words when refused).
    send_to: str = ""
    sendable: tuple = ()
    sent: tuple = ()

    @property
    def shown_guide(self) -> str | None:
        """The checklist to show: the one the rep last ticked, else the one that fits."""
        return self.checklist.last_guide or (self.guide.key if self.guide else None)

    @property
    def advisor_profit(self) -> Decimal | None:
        """What the order earned the shop, as GEN-2 counts it: what the buyer paid less the
        product and shipping costs (so the goods price is what was paid)."""
        if self.product_cost is None or self.shipping_cost is None:
            return None
        return self.paid_amount - self.product_cost - self.shipping_cost


def case_detail(ref: str, at: datetime | None = None) -> CaseDetail:
    """Everything the case view shows for `ref` at `at` (default now)."""
    at = as_utc(at) if at is not None else utcnow()
    case = get_case(ref)
    ref = case_id(case)
    order = case.order
    shop = order.shop
    is_dispute = isinstance(case, Dispute)
    deadlines = tuple(case_deadlines(ref, at))
    offers = tuple(o for o in step_offers(case, at) if o.status != OVER)
    actions = tuple(o.action for o in offers if o.available)
    common = dict(ref=ref, platform=shop.platform, shop=shop.key, shop_zone=shop.timezone,
                  order_id=order.id, order_no=order.order_no, order_status=order.status,
                  currency=case.currency, paid_amount=order.paid_amount,
                  goods_amount=order.goods_amount or order.paid_amount,
                  product_cost=order.product_cost, shipping_cost=order.shipping_cost,
                  state=case.state, cause=case.cause, opened_at=case.opened_at,
                  reason_text=case.reason_text, deadlines=deadlines,
                  timeline=_timeline(case, is_dispute), conversations=_conversations(order),
                  files=_files(case, is_dispute), read_at=at, offers=offers,
                  actions=actions, checklist=checklist_of(case), version=case.version)
    if is_dispute:
        props = {p.party: ProposalView(p.party, p.solution_type, p.refund_amount, p.currency,
                                       p.status, p.note, p.updated_at)
                 for p in disputes.proposals(case).values()}
        buyer = props.get("buyer")
        outcome = ""
        if case.resolution:
            outcome = OUTCOMES.get(case.resolution, case.resolution.replace("_", " "))
            if case.refund_amount is not None:
                outcome += f"; refund {case.refund_amount} {case.currency}"
        profile = load_profile(shop.platform)
        return CaseDetail(type="dispute", kind=case.kind, sub_kind=case.sub_kind,
                          reason=case.reason, description="",
                          amount=buyer.amount if buyer else None,
                          is_open=case.state not in DISPUTE_FINAL_STATES,
                          outcome=outcome,
                          counts_toward_rate=dispute_rules.counts_toward_rate(case.reason,
                                                                              profile),
                          proposals=props, resolution=case.resolution or "",
                          refund=case.refund_amount if case.resolution else None,
                          guide=guide_for(case.kind, case.sub_kind, case.reason), **common)
    outcome = REQUEST_OUTCOMES.get(case.state, "")
    if outcome and case.refund_paid is not None:
        outcome += f" ({case.refund_paid} {case.currency})"
    return CaseDetail(type="aftersales", kind=case.service_type, sub_kind="",
                      reason=reason_label(case.reason), reason_code=case.reason,
                      description=case.description,
                      amount=case.amount, is_open=not outcome, outcome=outcome,
                      counts_toward_rate=True, window=request_window(order, at),
                      refund=case.refund_paid if outcome else None,
                      guide=guide_for(case.service_type, "", case.reason), **common)


def _timeline(case, is_dispute: bool) -> tuple[TimelineEntry, ...]:
    model = DisputeEvent if is_dispute else RequestEvent
    owner = model.dispute if is_dispute else model.request
    events = model.select().where(owner == case).order_by(model.at, model.id)
    return tuple(TimelineEntry(e.at, e.actor, e.action, e.from_state, e.to_state,
                               dict(e.detail or {}), e.by_rule, e.recorded_by, e.recorded_at)
                 for e in events)


def _conversations(order) -> tuple[ConversationLink, ...]:
    query = (Conversation.select().where(Conversation.order == order)
             .order_by(Conversation.last_message_at.desc()))
    return tuple(ConversationLink(c.id, c.channel, c.subject, c.last_message_at) for c in query)


def _files(case, is_dispute: bool) -> tuple:
    owner = Attachment.dispute if is_dispute else Attachment.request
    query = (Attachment.select(Attachment, StoredFile).join(StoredFile)
             .where(owner == case).order_by(Attachment.id))
    return tuple((a.caption or a.file.original_name, a.file.sha256, a.file.mime) for a in query)


def event_text(entry: TimelineEntry) -> str:
    """'Refused: reason Wrong size' — what happened, for the timeline's last column."""
    words = entry.action.replace("_", " ")
    words = words[:1].upper() + words[1:]
    shown = {k: v for k, v in entry.detail.items() if v not in (None, "")}
    if not shown:
        return words
    return words + ": " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in shown.items())


def deadline_for_view(deadlines, now: datetime) -> Deadline | None:
    """The case's next pending deadline the shop must act on at `now`."""
    pending = [d for d in deadlines if d.state == "pending" and not d.informational]
    return min(pending, key=lambda d: d.due_at) if pending else None
