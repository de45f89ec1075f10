"""Taobao after-sales requests (售后): open one, record every step of the buyer, the seller
and the platform, each checked against the state machine and the TB rules.

Every function takes the platform instant `at` of the action and the rep recording it
(`actor`). A refusal raises before anything is written; a success writes the request, one
RequestEvent and one audit entry in one transaction.
"""

from __future__ import annotations

from datetime import datetime

from app.clock import utcnow
from app.db import database
from app.models import AftersalesRequest, Order, RequestEvent
from app.vocab import SERVICE_TYPES
from app.services.casework import aftersales_rules as rules
from app.services.casework.aftersales_rules import REQUEST_MACHINE, ROLES
from app.services.casework import case_record
from app.services.casework.case_ids import case_id
from app.errors import InvalidInput
from app.services.common.input_checks import choice, instant, money, not_before, text
from app.services.commerce.policy import load_profile
from app.services.common.state_machine import START

ENTITY = "aftersales"


def open_request(order: Order, service_type: str, reason: str, amount, at: datetime, *,
                 currency: str | None = None, description: str = "", reason_text: str = "",
                 goods_intact: bool | None = None, actor: str = "rep") -> AftersalesRequest:
    """Record the buyer's request on `order` (TB-1, TB-2, TB-4, TB-7 checked first)."""
    at = instant(at, "at", "after-sales request")
    shop = order.shop
    if shop.platform != "taobao":
        raise InvalidInput("order {order_no} is an {platform} order: its buyer opens a "
                           "dispute, not a Taobao after-sales request",
                           order_no=order.order_no, platform=shop.platform, field="order")
    choice(service_type, SERVICE_TYPES, "service_type", "after-sales request")
    choice(reason, rules.REASON_CODES, "reason", "after-sales request")
    amount = money(amount, "amount", "after-sales request")
    if goods_intact not in (None, True, False):
        raise InvalidInput("must be yes, no or unknown", field="goods_intact")
    description = text(description, "description", required=False)
    reason_text = text(reason_text, "reason_text", required=False)
    profile = load_profile(shop.platform)
    rules.check_once_per_order(order, AftersalesRequest.get_or_none(
        AftersalesRequest.order == order), profile)                      # rule TB-2
    rules.check_order_open_for_requests(order)
    not_before(at, order.paid_at, "at", "the payment of the order", "after-sales request")
    rules.check_completion_known(order, profile)                         # rule TB-1
    rules.check_window(order, at, profile, shop.timezone)                # rule TB-1
    rules.check_not_received(order, reason, service_type, profile)       # rule TB-4
    rules.check_no_reason_return(order, reason, goods_intact, at, profile,
                                 shop.timezone)                          # rule TB-7
    rules.check_amount(order, amount, currency)
    with database.atomic():
        now = utcnow()
        request = AftersalesRequest.create(
            order=order, service_type=service_type, reason=reason, reason_text=reason_text,
            amount=amount, currency=order.currency, description=description,
            goods_intact=goods_intact, state="waiting_seller", opened_at=at, submitted_at=at,
            created_at=now, updated_at=now)
        detail = {"service_type": service_type, "reason": reason, "amount": str(amount)}
        _finish(request, "open_request", START, at, actor, detail)
    return request


def agree(request, at, *, actor="rep"):
    """The seller agrees to refund (refund-only requests)."""
    _allowed(request, "agree")
    if request.service_type != "refund_only":
        raise InvalidInput("this is a return-and-refund request: agree to the return first "
                           "(agree_return)", record=case_id(request), field="action")
    return _act(request, "agree", at, actor, _paid(request, request.amount, at))


def agree_return(request, at, *, actor="rep"):
    """The seller agrees to the return; the buyer ships the goods back."""
    _allowed(request, "agree_return")
    if request.service_type != "return_and_refund":
        raise InvalidInput("this is a refund-only request: there is nothing to send back "
                           "(agree)", record=case_id(request), field="action")
    return _act(request, "agree_return", at, actor, {"return_agreed_at": instant(at, "at")})


def ship_return(request, at, *, tracking_no: str, carrier: str = "", actor="rep"):
    _allowed(request, "ship_return")
    tracking_no = text(tracking_no, "tracking_no", case_id(request), max_len=100)
    carrier = text(carrier, "carrier", case_id(request), max_len=100, required=False)
    return _act(request, "ship_return", at, actor,
                {"return_shipped_at": instant(at, "at"), "return_carrier": carrier,
                 "return_tracking_no": tracking_no},
                {"carrier": carrier, "tracking_no": tracking_no})


def confirm_received(request, at, *, actor="rep"):
    """The seller confirms the returned goods arrived: the refund is paid."""
    return _act(request, "confirm_received", at, actor, _paid(request, request.amount, at))


def refuse(request, reason: str, at, *, actor="rep"):
    _allowed(request, "refuse")
    reason = text(reason, "reason", case_id(request))
    at = instant(at, "at")
    return _act(request, "refuse", at, actor, {"refused_at": at, "refuse_reason": reason},
                {"reason": reason})


def revise(request, at, *, service_type=None, reason=None, amount=None, description=None,
           reason_text=None, goods_intact=None, actor="rep"):
    """The buyer revises the request: the seller's TB-3 time starts again from `at`."""
    _allowed(request, "revise")
    at = instant(at, "at")
    order = request.order
    new_type = choice(service_type or request.service_type, SERVICE_TYPES, "service_type")
    new_reason = choice(reason or request.reason, rules.REASON_CODES, "reason")
    new_amount = request.amount if amount is None else money(amount, "amount", case_id(request))
    intact = request.goods_intact if goods_intact is None else goods_intact
    profile = load_profile(order.shop.platform)
    rules.check_not_received(order, new_reason, new_type, profile)       # rule TB-4
    rules.check_no_reason_return(order, new_reason, intact, request.opened_at, profile,
                                 order.shop.timezone)                    # rule TB-7
    rules.check_amount(order, new_amount, None)
    changes = {"service_type": new_type, "reason": new_reason, "amount": new_amount,
               "goods_intact": intact, "submitted_at": at, "refused_at": None,
               "refuse_reason": ""}
    if description is not None:
        changes["description"] = text(description, "description", required=False)
    if reason_text is not None:
        changes["reason_text"] = text(reason_text, "reason_text", required=False)
    detail = {k: str(v) for k, v in changes.items()
              if k in ("service_type", "reason", "amount") and getattr(request, k) != v}
    return _act(request, "revise", at, actor, changes, detail)


def request_platform(request, at, *, actor="rep"):
    """The buyer asks the platform (小二) to step in after a refusal."""
    return _act(request, "request_platform", at, actor,
                {"platform_requested_at": instant(at, "at")})


def rule_for_buyer(request, at, *, amount=None, actor="rep"):
    _allowed(request, "rule_for_buyer")
    paid = request.amount if amount is None else money(amount, "amount", case_id(request),
                                                       positive=True)
    if paid > request.order.paid_amount:
        raise InvalidInput("{paid} is more than the buyer paid ({paid_amount})",
                           paid=paid, paid_amount=request.order.paid_amount,
                           record=case_id(request), field="amount")
    return _act(request, "rule_for_buyer", at, actor, _paid(request, paid, at),
                {"amount": str(paid)})


def rule_for_seller(request, at, *, actor="rep"):
    return _act(request, "rule_for_seller", at, actor, {"resolved_at": instant(at, "at")})


def cancel(request, at, *, actor="rep"):
    return _act(request, "cancel", at, actor, {"resolved_at": instant(at, "at")})


def auto_agree(request, at, *, actor="rep"):
    """The seller's time ran out (TB-3): the platform agreed for the seller."""
    at = instant(at, "at")
    changes = (_paid(request, request.amount, at) if request.service_type == "refund_only"
               else {"return_agreed_at": at})
    return _act(request, "auto_agree", at, actor, changes, by_rule="seller_time",
                branch=request.service_type)


def revise_window_expired(request, at, *, actor="rep"):
    """The buyer neither revised nor asked the platform in time (TB-3): the request closes."""
    return _act(request, "revise_window_expired", at, actor,
                {"resolved_at": instant(at, "at")}, by_rule="buyer_revise_window")


def set_cause(request, cause: str, *, actor: str = "rep") -> AftersalesRequest:
    """The rep's judgement of who caused the problem, for statistics (GEN-1)."""
    return case_record.set_cause(request, cause, ENTITY, actor)


def available_actions(request) -> tuple[str, ...]:
    """What can be recorded on the request now, for the UI's buttons."""
    actions = REQUEST_MACHINE.allowed_actions(request.state)
    skip = {"return_and_refund": "agree", "refund_only": "agree_return"}[request.service_type]
    return tuple(a for a in actions if a != skip)


def _allowed(request, action: str) -> None:
    """Refuse at once an action the state does not allow (before any other check)."""
    if not REQUEST_MACHINE.can(request.state, action):
        REQUEST_MACHINE.next_state(request.state, action, subject=case_id(request))


def _paid(request, amount, at) -> dict:
    return {"refund_paid": amount, "resolved_at": instant(at, "at")}


def _act(request, action: str, at, actor: str, changes: dict, detail: dict | None = None, *,
         by_rule: str | None = None, branch: str | None = None) -> AftersalesRequest:
    at = instant(at, "at", case_id(request))
    from_state = request.state
    to_state = REQUEST_MACHINE.next_state(from_state, action, branch, subject=case_id(request))
    last = (RequestEvent.select(RequestEvent.at).where(RequestEvent.request == request)
            .order_by(RequestEvent.at.desc()).first())
    not_before(at, last.at if last else request.opened_at, "at", "the request's last step",
               case_id(request))
    order = request.order
    profile = load_profile(order.shop.platform)
    rules.check_clock(request, order, action, at, profile, order.shop.timezone)  # rule TB-3
    rule_id = None
    if by_rule:
        # the seller's time depends on the order (unshipped, shipped, virtual): rule TB-3
        key = (rules.seller_time(request, order, profile)[0] if by_rule == "seller_time"
               else by_rule)
        rule_id = profile.rule(key)
    with database.atomic():
        for field, value in changes.items():
            setattr(request, field, value)
        request.state = to_state
        _finish(request, action, from_state, at, actor, detail, rule_id)
    return request


def _finish(request, action, from_state, at, actor, detail=None, by_rule=None) -> None:
    """Event, audit, next deadline, save: the common tail of every change (in a transaction)."""
    case_record.finish(request, RequestEvent.request, ROLES[action], ENTITY, action,
                       from_state, at, actor, detail, by_rule)
