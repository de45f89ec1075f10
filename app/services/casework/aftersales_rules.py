"""Taobao after-sales requests: the state machine and the pure rule checks (TB-1..TB-7).

Nothing here touches the database: the service hands in the order, the request and the
policy profile, and a check either returns or raises RuleRefusal / InvalidInput.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from app.vocab import REQUEST_FINAL_STATES, REQUEST_STATES
from app.rules.engine_orders import completion_unknown
from app.rules.engine_taobao import seller_timeout_key
from app.rules.policy import Profile
from app.errors import InvalidInput, RuleRefusal
from app.services.common.input_checks import shop_time
from app.services.common.state_machine import START, StateMachine

# Taobao's reason list (code, Chinese label, English label).
REQUEST_REASONS = (
    ("not_received", "未收到货", "Goods not received"),
    ("not_as_described", "与商品描述不符", "Not as described"),
    ("quality", "质量问题", "Quality problem"),
    ("damaged", "商品破损", "Damaged on arrival"),
    ("wrong_item", "卖家发错货", "Wrong item sent"),
    ("short_quantity", "少件/漏发", "Missing items"),
    ("seven_day_no_reason", "七天无理由退换货", "Seven-day no-reason return"),
    ("other", "其他", "Other"),
)
REASON_CODES = tuple(code for code, _zh, _en in REQUEST_REASONS)
NOT_RECEIVED = "not_received"
NO_REASON = "seven_day_no_reason"

OPEN_STATES = tuple(s for s in REQUEST_STATES if s not in REQUEST_FINAL_STATES)
BY_SERVICE = {"refund_only": "success", "return_and_refund": "waiting_buyer_return"}

REQUEST_MACHINE = StateMachine("after-sales request", REQUEST_STATES, [
    ("open_request", [START], "waiting_seller"),
    ("agree", ["waiting_seller"], "success"),                       # refund only
    ("agree_return", ["waiting_seller"], "waiting_buyer_return"),   # return and refund
    ("ship_return", ["waiting_buyer_return"], "waiting_seller_receive"),
    ("confirm_received", ["waiting_seller_receive"], "success"),
    ("refuse", ["waiting_seller", "waiting_seller_receive"], "seller_refused"),
    ("revise", ["waiting_seller", "seller_refused"], "waiting_seller"),
    ("request_platform", ["seller_refused"], "platform_intervening"),
    ("rule_for_buyer", ["platform_intervening"], "success"),
    ("rule_for_seller", ["platform_intervening"], "closed"),
    ("cancel", OPEN_STATES, "cancelled"),
    ("auto_agree", ["waiting_seller"], BY_SERVICE),                # rule TB-3
    ("revise_window_expired", ["seller_refused"], "closed"),       # rule TB-3
], final_states=REQUEST_FINAL_STATES)

# Who does each action on the platform (RequestEvent.actor).
ROLES = {
    "open_request": "buyer", "agree": "seller", "agree_return": "seller", "ship_return": "buyer",
    "confirm_received": "seller", "refuse": "seller", "revise": "buyer",
    "request_platform": "buyer", "rule_for_buyer": "platform", "rule_for_seller": "platform",
    "cancel": "buyer", "auto_agree": "platform", "revise_window_expired": "platform",
}
# Actions that only come after seller's time (TB-3) and that the seller's time forbids later.
SELLER_CLOCK_ACTIONS = ("agree", "agree_return", "refuse", "revise")

OUTCOME_WORDS = {
    "success": "succeeded (refunded)",
    "closed": "failed and was closed",
    "cancelled": "was cancelled by the buyer",
}


def reason_label(code: str, language: str = "en") -> str:
    for reason, zh, en in REQUEST_REASONS:
        if reason == code:
            return zh if language.startswith("zh") else en
    return code


def protection_end(order, profile: Profile) -> datetime | None:
    """End of the after-sales entry after transaction success (TB-1), or None before it."""
    if order.completed_at is None:
        return None
    return order.completed_at + profile.duration("aftersales_window")  # rule TB-1


def check_window(order, at: datetime, profile: Profile, shop_zone: str) -> None:
    """TB-1: open at or before completed_at + window; one second later the entry is closed."""
    end = protection_end(order, profile)
    if end is not None and at > end:
        days = profile.duration("aftersales_window").days
        raise RuleRefusal(profile.rule("aftersales_window"), key="aftersales_window_over",
                          order_no=order.order_no, end=shop_time(end, shop_zone), days=days)


def check_completion_known(order, profile: Profile) -> None:
    """TB-1: the window of a completed order runs from its completion time; an order marked
    交易成功 by an export that did not carry that time cannot be checked."""
    if completion_unknown(order):
        raise RuleRefusal(profile.rule("aftersales_window"), key="completion_time_missing",
                          order_no=order.order_no)


def check_once_per_order(order, earlier, profile: Profile) -> None:
    """TB-2: one request per order, whatever became of the first."""
    if earlier is None:  # the database holds one request per order (unique order)
        return
    key = (f"one_request_{earlier.state}" if earlier.state in OUTCOME_WORDS
           else "one_request_open")
    raise RuleRefusal(profile.rule("requests_per_order"), key=key, order_no=order.order_no,
                      earlier=f"A-{earlier.id}", state=earlier.state)


PAID_STATUSES = ("awaiting_shipment", "shipped", "completed")   # a status that says it was paid


def check_order_open_for_requests(order) -> None:
    # an export without a payment time (the 21-column report has none) still says by its
    # status that the order was paid
    if order.status == "awaiting_payment" or (order.paid_at is None
                                              and order.status not in PAID_STATUSES):
        raise InvalidInput("order {order_no} is not paid: there is nothing to refund",
                           order_no=order.order_no,
                           field="order")
    if order.status == "closed":
        raise InvalidInput("order {order_no} is closed (交易关闭): no after-sales request "
                           "can be opened on it",
                           order_no=order.order_no, field="order")


def check_not_received(order, reason: str, service_type: str, profile: Profile) -> None:
    """TB-4: goods not received means refund only, before and after confirm receipt."""
    allowed = profile.items("not_received_services")
    if reason == NOT_RECEIVED and service_type not in allowed:
        raise RuleRefusal(profile.rule("not_received_services"),
                          key=("not_received_before" if order.completed_at is None
                               else "not_received_after"),
                          allowed=", ".join(a.replace("_", " ") for a in allowed),
                          asked=service_type.replace("_", " "))


def received_at(order) -> datetime | None:
    """When the buyer got the goods, as far as the order knows."""
    return order.delivered_at or order.confirmed_at or order.completed_at


def check_no_reason_return(order, reason: str, goods_intact, at: datetime,
                           profile: Profile, shop_zone: str) -> None:
    """TB-7: seven-day no-reason returns only for intact goods, within the days after receipt."""
    if reason != NO_REASON:
        return
    rule = profile.rule("no_reason_return")
    if goods_intact is not True:
        raise RuleRefusal(rule, key="no_reason_not_intact")
    got = received_at(order)
    if got is None:
        raise RuleRefusal(rule, key="no_reason_no_receipt", order_no=order.order_no)
    end = got + profile.duration("no_reason_return")
    if at > end:
        raise RuleRefusal(rule, key="no_reason_over", order_no=order.order_no,
                          end=shop_time(end, shop_zone),
                          days=profile.duration("no_reason_return").days)


def check_amount(order, amount: Decimal, currency: str | None) -> None:
    if currency is not None and currency != order.currency:
        raise InvalidInput("order {order_no} is in {currency}, not {currency2}",
                           order_no=order.order_no, currency=order.currency, currency2=currency,
                           field="currency")
    if amount <= 0:
        raise InvalidInput("the refund amount must be more than 0", field="amount")
    if amount > order.paid_amount:
        raise InvalidInput("the refund amount {amount} {currency} is more than the buyer "
                           "paid ({paid_amount} {currency})",
                           amount=amount, currency=order.currency,
                           paid_amount=order.paid_amount, field="amount")


def seller_time(request, order, profile: Profile) -> tuple[str, timedelta]:
    """The policy key and length of the seller's time to act on a request (TB-3), decided by
    the order as it stood when the request was (last) submitted: the deadline engine's own
    decision, so the service and the deadline list never disagree."""
    key = seller_timeout_key(order, request.submitted_at)
    return key, profile.duration(key)


def seller_due(request, order, profile: Profile) -> datetime:
    return request.submitted_at + seller_time(request, order, profile)[1]  # rule TB-3


def revise_due(request, profile: Profile) -> datetime | None:
    if request.refused_at is None:
        return None
    return request.refused_at + profile.duration("buyer_revise_window")  # rule TB-3


def check_clock(request, order, action: str, at: datetime, profile: Profile,
                shop_zone: str) -> None:
    """TB-3 in both directions: a party acts in time, the platform only after the time."""
    if request.state == "waiting_seller" and action in SELLER_CLOCK_ACTIONS + ("auto_agree",):
        key, _ = seller_time(request, order, profile)
        due = seller_due(request, order, profile)
        if action == "auto_agree" and at <= due:
            raise RuleRefusal(profile.rule(key), key="seller_time_runs",
                              due=shop_time(due, shop_zone))
        if action != "auto_agree" and at > due:
            raise RuleRefusal(profile.rule(key), key="seller_time_over",
                              due=shop_time(due, shop_zone))
    if request.state == "seller_refused" and action in ("revise", "request_platform",
                                                        "revise_window_expired"):
        due = revise_due(request, profile)
        rule = profile.rule("buyer_revise_window")
        if action == "revise_window_expired" and due is not None and at <= due:
            raise RuleRefusal(rule, key="revise_time_runs", due=shop_time(due, shop_zone))
        if action != "revise_window_expired" and due is not None and at > due:
            raise RuleRefusal(rule, key="revise_time_over", due=shop_time(due, shop_zone))
