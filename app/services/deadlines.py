"""Deadlines of the stored cases: loads the facts from the database in a handful of queries
(cases with their orders, shops, profiles, calendar overrides, candidate orders and
unreplied conversations) and asks the pure engine in app.rules.engine.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import peewee as pw

from app.clock import as_utc, utcnow
from app.models import (AftersalesRequest, CalendarOverride, Conversation, Dispute, Order,
                        Shop)
from app.models.vocab import DISPUTE_FINAL_STATES, REQUEST_FINAL_STATES
from app.rules import engine
from app.rules.calendar import WorkingCalendar
from app.rules.deadline import Deadline
from app.rules.engine_common import ShopContext
from app.rules.policy import Profile
from app.services.cases import get_case
from app.services.policy import load_profile

# The windows after a Taobao transaction ends that keep an order's clocks worth loading.
TAOBAO_ORDER_WINDOWS = ("aftersales_window", "mismatch_complaint_window",
                        "late_shipment_complaint_window")


class _Contexts:
    """Shops, profiles and calendars of one call: each loaded once."""

    def __init__(self, shops: list[Shop] | None = None):
        self.shops = {s.id: s for s in (shops if shops is not None else Shop.select())}
        self._profiles: dict[str, Profile] = {}
        self._calendars: dict[str, WorkingCalendar] | None = None
        self._contexts: dict[int, ShopContext] = {}

    def profile(self, platform: str) -> Profile:
        if platform not in self._profiles:
            self._profiles[platform] = load_profile(platform)
        return self._profiles[platform]

    def calendar(self, name: str) -> WorkingCalendar:
        if self._calendars is None:
            by_name: dict[str, dict[date, bool]] = {}
            for o in CalendarOverride.select():
                by_name.setdefault(o.calendar, {})[o.day] = o.is_working
            self._calendars = {n: WorkingCalendar(days, n) for n, days in by_name.items()}
        return self._calendars.setdefault(name, WorkingCalendar(None, name))

    def for_shop(self, shop_id: int) -> ShopContext:
        if shop_id not in self._contexts:
            shop = self.shops[shop_id]
            profile = self.profile(shop.platform)
            self._contexts[shop_id] = ShopContext.of(shop, profile,
                                                     self.calendar(profile.calendar))
        return self._contexts[shop_id]


def refresh_next_due(case, at: datetime | None = None) -> None:
    """Set `case.next_due_at` (a Dispute or AftersalesRequest, not yet saved) to its
    earliest pending deadline the shop must act on, or None. Called by the case
    services after every change, inside their transaction; the caller saves."""
    at = as_utc(at) if at is not None else utcnow()
    order = case.order
    ctxs = _Contexts([order.shop])
    items = engine.case_deadlines(case, order, ctxs.for_shop(order.shop.id), at)
    case.next_due_at = engine.next_due(items)


def deadlines_at(at: datetime, *, include_settled: bool = False) -> list[Deadline]:
    """Every deadline of open cases (met, missed and pending) plus the order-level and
    conversation clocks pending at `at`, by due instant. `include_settled` adds the
    deadlines of settled cases."""
    at = as_utc(at)
    ctxs = _Contexts()
    items: list[Deadline] = []
    disputes = Dispute.select(Dispute, Order).join(Order)
    requests = AftersalesRequest.select(AftersalesRequest, Order).join(Order)
    if not include_settled:
        disputes = disputes.where(Dispute.state.not_in(DISPUTE_FINAL_STATES))
        requests = requests.where(AftersalesRequest.state.not_in(REQUEST_FINAL_STATES))
    for d in disputes:
        items += engine.dispute_deadlines(d, d.order, ctxs.for_shop(d.order.shop_id), at)
    for r in requests:
        items += engine.request_deadlines(r, r.order, ctxs.for_shop(r.order.shop_id), at)
    items += [d for d in _order_items(ctxs, at) if d.state == "pending"]
    items += [d for d in _conversation_items(ctxs, at) if d.state == "pending"]
    return engine.by_due(items)


def case_deadlines(case_id: str, at: datetime) -> list[Deadline]:
    """All deadlines of one case ("D-12" or "A-7"), met and missed ones included.
    A malformed id is an InvalidInput, an unknown one a NotFound."""
    case = get_case(case_id)
    order = Order.get_by_id(case.order_id)
    ctxs = _Contexts([Shop.get_by_id(order.shop_id)])
    return engine.case_deadlines(case, order, ctxs.for_shop(order.shop_id), as_utc(at))


def _order_items(ctxs: _Contexts, at: datetime) -> list[Deadline]:
    """Order-level clocks (AE-11, TB-1, TB-5, TB-6) of the orders that may have one open."""
    ae = [i for i, s in ctxs.shops.items() if s.platform == "aliexpress"]
    tb = [i for i, s in ctxs.shops.items() if s.platform == "taobao"]
    conditions = []
    if ae:
        # rule AE-11: shipped, not yet confirmed, with a promised delivery time.
        conditions.append(Order.shop.in_(ae) & (Order.status == "shipped")
                          & Order.confirmed_at.is_null() & Order.completed_at.is_null()
                          & Order.promised_days.is_null(False))
    if tb:
        profile = ctxs.profile("taobao")
        longest = max((profile.duration(k) for k in TAOBAO_ORDER_WINDOWS), default=timedelta(0))
        since = at - longest
        # rule TB-5 (paid, not shipped), TB-1 / TB-5 / TB-6 (recently ended transactions).
        conditions.append(Order.shop.in_(tb) & (
            ((Order.status == "awaiting_shipment") & Order.paid_at.is_null(False)
             & Order.shipped_at.is_null())
            | (Order.completed_at >= since) | (Order.closed_at >= since)))
    if not conditions:
        return []
    where = conditions[0] if len(conditions) == 1 else conditions[0] | conditions[1]
    query = (Order.select(Order, AftersalesRequest.opened_at)
             .join(AftersalesRequest, pw.JOIN.LEFT_OUTER,
                   on=(AftersalesRequest.order == Order.id))
             .where(where))
    items: list[Deadline] = []
    for order in query:
        request = getattr(order, "aftersalesrequest", None)
        request_opened = request.opened_at if request is not None else None
        items += engine.order_deadlines(order, ctxs.for_shop(order.shop_id), at,
                                        aftersales_opened_at=request_opened)
    return items


def _conversation_items(ctxs: _Contexts, at: datetime) -> list[Deadline]:
    """rule HOUSE-1: the reply-due clock of every unreplied conversation."""
    query = (Conversation.select(Conversation, Order.id, Order.order_no)
             .join(Order, pw.JOIN.LEFT_OUTER)
             .where((Conversation.is_replied == False)  # noqa: E712 (SQL comparison)
                    & Conversation.last_inbound_at.is_null(False)))
    items: list[Deadline] = []
    for conv in query:
        order_no = conv.order.order_no if conv.order_id is not None else None
        items += engine.conversation_deadlines(conv, ctxs.for_shop(conv.shop_id), at,
                                               order_no=order_no)
    return items
