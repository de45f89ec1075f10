"""Taobao after-sales requests as the open platform reports them (taobao.refunds.receive.get,
taobao.refund.get): one request per order (TB-2), created or moved to the platform's state.

The platform's word is the fact: the rule checks that guard a rep's own entries (the TB-1
window, the seller's TB-3 time) do not refuse it. Each change is a RequestEvent named like
the rep's action it stands for (open_request, refuse, revise, agree_return…), at the
platform's time, so the deadline engine and the "as of" views replay it like a recorded
step; the TB-3 deadlines are recomputed from those times. A status AfterDesk does not know
is kept on an event, flagged, and the request stays as it was.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from app.clock import utcnow
from app.db import database
from app.models import AftersalesRequest, Order, RequestEvent
from app.services.casework import case_deadlines
from app.services.common import audit

log = logging.getLogger("afterdesk.platforms")
ENTITY = "aftersales"
ACTOR = "sync"
UNKNOWN_WORDS = "unknown platform state {status}: the rules may be out of date"

# (from, to) → the action the change stands for (app.services.casework.aftersales_rules).
ACTION_OF = {
    ("waiting_seller", "seller_refused"): "refuse",
    ("waiting_seller_receive", "seller_refused"): "refuse",
    ("seller_refused", "waiting_seller"): "revise",
    ("waiting_seller", "waiting_buyer_return"): "agree_return",
    ("waiting_buyer_return", "waiting_seller_receive"): "ship_return",
    ("waiting_seller", "success"): "agree",
    ("waiting_seller_receive", "success"): "confirm_received",
    ("platform_intervening", "success"): "rule_for_buyer",
    ("platform_intervening", "closed"): "rule_for_seller",
    ("seller_refused", "closed"): "revise_window_expired",
}
ROLE_OF = {"refuse": "seller", "revise": "buyer", "agree_return": "seller",
           "ship_return": "buyer", "agree": "seller", "confirm_received": "seller",
           "rule_for_buyer": "platform", "rule_for_seller": "platform",
           "revise_window_expired": "platform"}


@dataclass
class PlatformRefund:
    """What the platform says of one refund, in AfterDesk's words (UTC instants)."""
    refund_id: str
    platform_status: str
    state: str | None              # vocab.REQUEST_STATES, None when the word is unknown
    service_type: str
    reason: str                    # aftersales_rules.REASON_CODES
    reason_text: str
    amount: Decimal
    description: str
    opened_at: datetime
    changed_at: datetime
    return_carrier: str = ""
    return_tracking_no: str = ""
    return_shipped_at: datetime | None = None


def record_platform_refund(order: Order, refund: PlatformRefund) -> AftersalesRequest:
    """Create or move the order's request to what the platform says (one transaction)."""
    with database.atomic():
        request = AftersalesRequest.get_or_none(AftersalesRequest.order == order)
        detail = {"refund_id": refund.refund_id, "platform_status": refund.platform_status}
        if request is None:
            request = _open(order, refund, detail)
        _describe(request, refund)
        if refund.state is None:
            _flag_unknown(request, refund, detail)
        elif refund.state != request.state:
            _move(request, refund, detail)
        request.updated_at = utcnow()
        case_deadlines.refresh_next_due(request)
        request.save()
    return request


def _open(order: Order, refund: PlatformRefund, detail: dict) -> AftersalesRequest:
    now = utcnow()
    request = AftersalesRequest.create(
        order=order, service_type=refund.service_type, reason=refund.reason,
        reason_text=refund.reason_text, amount=refund.amount, currency=order.currency,
        description=refund.description, state="waiting_seller", opened_at=refund.opened_at,
        submitted_at=refund.opened_at, created_at=now, updated_at=now)
    _event(request, "open_request", "buyer", refund.opened_at, None, "waiting_seller", detail)
    audit.record(ACTOR, ENTITY, request.uid, "open_request",
                 {"to": "waiting_seller", "at": refund.opened_at.isoformat(),
                  "amount": str(refund.amount), **detail})
    return request


def _describe(request: AftersalesRequest, refund: PlatformRefund) -> None:
    """Later facts win; an empty one keeps what is known."""
    request.service_type = refund.service_type
    request.amount = refund.amount
    if refund.reason_text:
        request.reason, request.reason_text = refund.reason, refund.reason_text
    if refund.description:
        request.description = refund.description
    if refund.return_carrier:
        request.return_carrier = refund.return_carrier
    if refund.return_tracking_no:
        request.return_tracking_no = refund.return_tracking_no
    if refund.return_shipped_at is not None:
        request.return_shipped_at = refund.return_shipped_at


def _move(request: AftersalesRequest, refund: PlatformRefund, detail: dict) -> None:
    before, to, at = request.state, str(refund.state), refund.changed_at
    action = ACTION_OF.get((before, to), "platform_update")
    if to == "seller_refused":
        request.refused_at = at
    elif to == "waiting_seller":                 # revised: the TB-3 time starts again
        request.submitted_at, request.refused_at, request.refuse_reason = at, None, ""
    elif to == "waiting_buyer_return":
        request.return_agreed_at = request.return_agreed_at or at
    elif to == "waiting_seller_receive":
        request.return_shipped_at = request.return_shipped_at or at
    if to in ("success", "closed", "cancelled"):
        request.resolved_at = at
        if to == "success":
            request.refund_paid = refund.amount
    request.state = to
    _event(request, action, ROLE_OF.get(action, "platform"), at, before, to, detail)
    audit.record(ACTOR, ENTITY, request.uid, action,
                 {"from": before, "to": to, "at": at.isoformat(), **detail})


def _flag_unknown(request: AftersalesRequest, refund: PlatformRefund, detail: dict) -> None:
    last = (RequestEvent.select().where(RequestEvent.request == request)
            .order_by(RequestEvent.id.desc()).first())
    if last is not None and (last.detail or {}).get("platform_status") == \
            refund.platform_status and last.action == "platform_state_unknown":
        return                                   # flagged already
    words = UNKNOWN_WORDS.format(status=refund.platform_status)
    log.warning("request %s: %s", request.uid, words)
    _event(request, "platform_state_unknown", "platform", refund.changed_at, request.state,
           request.state, {**detail, "flag": words})
    audit.record(ACTOR, ENTITY, request.uid, "platform_state_unknown", {**detail,
                                                                         "flag": words})


def _event(request, action, actor, at, from_state, to_state, detail) -> None:
    RequestEvent.create(request=request, at=at, actor=actor, action=action,
                        from_state=from_state, to_state=to_state, detail=detail,
                        recorded_at=utcnow(), recorded_by=ACTOR)
