"""What the request and dispute forms show before anything is written: the order's
after-sales window as a rep reads it (TB-1), an earlier request on the order (TB-2), the
reasons and service types allowed (TB-4, TB-7), and the dispute form's choices (AE-1, AE-2).

Every number comes from the shop's policy profile; nothing here writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal

from app.clock import as_utc, utcnow
from app.models import AftersalesRequest, Order
from app.rules.engine_orders import completion_unknown
from app.vocab import DISPUTE_KINDS, DISPUTE_SUB_KINDS, SERVICE_TYPES, SOLUTION_TYPES
from app.services.casework import aftersales_rules as rules
from app.services.casework.cases import case_id
from app.errors import InvalidInput, NotFound, RuleRefusal
from app.services.common.input_checks import shop_time
from app.services.commerce.orders import get_order
from app.services.commerce.policy import load_profile


@dataclass(frozen=True)
class RequestWindow:
    end: datetime | None       # last instant a request may be opened (None: not started)
    is_open: bool              # a request may be opened at the instant asked about
    left: timedelta | None     # time left (None when closed or not started)
    text: str                  # "12 days 4 h left to open a request for this order"
    rule: str                  # the rule ID the window comes from
    zone: str = ""             # the shop's zone (the window's end as the platform shows it)
    only: tuple[str, ...] = ()  # before it starts: what a not-received buyer may ask for
    only_rule: str = ""        # the rule that says so
    unknown: bool = False      # completed, but the export carried no completion time


@dataclass(frozen=True)
class EarlierRequest:
    ref: str                   # "A-7"
    state: str
    outcome: str               # "failed and was closed"
    opened_at: datetime


@dataclass(frozen=True)
class RequestFormFacts:
    order_id: int
    order_no: str
    shop: str
    shop_zone: str
    platform: str
    currency: str
    paid_amount: Decimal
    status: str
    received: bool             # the buyer confirmed receipt / the transaction succeeded
    window: RequestWindow
    earlier: EarlierRequest | None
    earlier_message: str       # TB-2's refusal when there is an earlier request, else ""
    reasons: tuple             # (code, Chinese, English)
    service_types: tuple[str, ...]
    not_received_services: tuple[str, ...]     # TB-4
    no_reason_rule: str                         # TB-7
    not_received_rule: str
    completion_unknown: bool = False           # TB-1: the form asks for the completion time


@dataclass(frozen=True)
class DisputeFormFacts:
    order_id: int
    order_no: str
    shop: str
    currency: str
    paid_amount: Decimal
    kinds: tuple[str, ...]
    sub_kinds: dict
    solution_types: tuple[str, ...]
    non_counted_reasons: tuple[str, ...]        # AE-2
    non_counted_rule: str


def span_text(span: timedelta) -> str:
    """'12 days 4 h', '1 day', '5 h 20 min', '40 min': the two largest units."""
    minutes = max(int(span.total_seconds() // 60), 0)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        unit = "day" if days == 1 else "days"
        return f"{days} {unit} {hours} h" if hours else f"{days} {unit}"
    if hours:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    return f"{max(minutes, 1)} min" if span > timedelta(0) else "0 min"


COMPLETION_MISSING = ("The transaction succeeded, but its completion time is missing in the "
                      "export: enter it, or import a report that has it ({rule}).")


def request_window(order: Order, at: datetime | None = None, *,
                   completed_at: datetime | None = None) -> RequestWindow:
    """The TB-1 window of a Taobao order at `at` (default now), for the form's header;
    `completed_at` is the completion time the rep is entering for an order whose export
    did not carry it."""
    at = as_utc(at) if at is not None else utcnow()
    profile = load_profile(order.shop.platform)
    rule = profile.rule("aftersales_window")
    zone = order.shop.timezone
    if completed_at is not None and order.completed_at is None:
        end = as_utc(completed_at) + profile.duration("aftersales_window")    # rule TB-1
    elif completion_unknown(order):
        return RequestWindow(None, False, None, COMPLETION_MISSING.format(rule=rule), rule,
                             zone, unknown=True)
    else:
        end = rules.protection_end(order, profile)
    if end is None:
        only = " or ".join(s.replace("_", " ") for s in profile.items("not_received_services"))
        return RequestWindow(None, True, None,
                             "The transaction has not succeeded yet: the after-sales window "
                             f"starts when it does ({rule}). Until then a buyer who did not "
                             f"receive the goods asks for {only} "
                             f"({profile.rule('not_received_services')}).", rule, zone,
                             profile.items("not_received_services"),
                             profile.rule("not_received_services"))
    if at > end:
        return RequestWindow(end, False, None,
                             f"The after-sales protection period ended on {shop_time(end, zone)} "
                             f"(shop time, {rule}): no request can be opened; the buyer can only "
                             "negotiate with the seller directly.", rule, zone)
    left = end - at
    return RequestWindow(end, True, left,
                         f"{span_text(left)} left to open a request for this order (until "
                         f"{shop_time(end, zone)} shop time, {rule}).", rule, zone)


def earlier_request(order: Order) -> EarlierRequest | None:
    request = AftersalesRequest.get_or_none(AftersalesRequest.order == order)
    if request is None:
        return None
    outcome = rules.OUTCOME_WORDS.get(request.state, f"is still open ({request.state})")
    return EarlierRequest(case_id(request), request.state, outcome, request.opened_at)


def find_order(shop: str, order_no: str) -> Order:
    shop, order_no = (shop or "").strip(), (order_no or "").strip()
    if not order_no:
        raise InvalidInput("enter the order number", field="order")
    if not shop:
        raise InvalidInput("choose the shop", field="shop")
    return get_order(shop, order_no)


def request_form_facts(shop: str, order_no: str, at: datetime | None = None) -> RequestFormFacts:
    """What the request form shows for the order `order_no` of `shop` at `at`."""
    order = find_order(shop, order_no)
    if order.shop.platform != "taobao":
        raise InvalidInput("order {order_no} is an {platform} order: its buyer opens a "
                           "dispute, not a Taobao after-sales request",
                           order_no=order.order_no, platform=order.shop.platform, field="order")
    profile = load_profile("taobao")
    earlier = earlier_request(order)
    message = ""
    if earlier is not None:
        try:
            rules.check_once_per_order(order, AftersalesRequest.get(
                AftersalesRequest.order == order), profile)                  # rule TB-2
        except RuleRefusal as refusal:      # its text is what the form shows
            message = str(refusal)
    return RequestFormFacts(
        order.id, order.order_no, order.shop.key, order.shop.timezone, order.shop.platform,
        order.currency, order.paid_amount, order.status,
        order.completed_at is not None or completion_unknown(order),
        request_window(order, at), earlier, message, rules.REQUEST_REASONS, SERVICE_TYPES,
        profile.items("not_received_services"), profile.rule("no_reason_return"),
        profile.rule("not_received_services"), completion_unknown(order))


def dispute_form_facts(shop: str, order_no: str) -> DisputeFormFacts:
    order = find_order(shop, order_no)
    if order.shop.platform != "aliexpress":
        raise InvalidInput("order {order_no} is a {platform} order: record an after-sales "
                           "request instead of a dispute",
                           order_no=order.order_no, platform=order.shop.platform, field="order")
    profile = load_profile("aliexpress")
    return DisputeFormFacts(order.id, order.order_no, order.shop.key, order.currency,
                            order.paid_amount, DISPUTE_KINDS, DISPUTE_SUB_KINDS, SOLUTION_TYPES,
                            profile.items("non_counted_reasons"),
                            profile.rule("non_counted_reasons"))


def order_by_id(order_id: int) -> Order:
    order = Order.get_or_none(Order.id == order_id)
    if order is None:
        raise NotFound("order {order_id} does not exist", order_id=order_id)
    return order
